"""months since completion on the enrolment fact

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 14:45:00

``an_enrolment.bulan_sejak_selesai``: whole calendar months from the class end to the person's
latest survey, computed at the analytics rebuild (the stamp's revision changes, so an upgraded
database rebuilds and fills it).
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


def downgrade() -> None:
    with op.batch_alter_table("an_enrolment", schema=None) as batch_op:
        batch_op.drop_column("bulan_sejak_selesai")
