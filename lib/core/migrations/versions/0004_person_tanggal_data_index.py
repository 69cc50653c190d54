"""index on the registry's data date

The data-quality check of the registry's age counts and groups records older than three months by
``tanggal_data`` and ``sumber``; without an index both queries scanned the whole registry.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 15:00:00
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.create_index(
            "ix_person_tanggal_data_sumber", ["tanggal_data", "sumber"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index("ix_person_tanggal_data_sumber")
