"""months since completion and single-enrolment persons on the enrolment fact

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 14:45:00

``an_enrolment.bulan_sejak_selesai``: whole calendar months from the class end to the person's
latest survey; ``an_enrolment.satu_baris``: 1 when the row is the person's only enrolment. Both are
computed at the analytics rebuild (the stamp's revision changes, so an upgraded database rebuilds
and fills them; ``satu_baris`` is 0 until then, which counts correctly, only slower).
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("an_enrolment", schema=None) as batch_op:
        batch_op.add_column(sa.Column("bulan_sejak_selesai", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("satu_baris", sa.Integer(), nullable=False, server_default="0")
        )


def downgrade() -> None:
    with op.batch_alter_table("an_enrolment", schema=None) as batch_op:
        batch_op.drop_column("satu_baris")
        batch_op.drop_column("bulan_sejak_selesai")
