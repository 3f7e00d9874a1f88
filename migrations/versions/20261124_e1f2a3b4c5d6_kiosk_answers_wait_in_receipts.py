"""kiosk answers wait in their receipts until the analysis step stores them

Revision ID: e1f2a3b4c5d6
Revises: c7d8e9f0a1b2
Create Date: 2026-11-24

"""
from alembic import context, op
import sqlalchemy as sa


revision = "e1f2a3b4c5d6"
down_revision = "c7d8e9f0a1b2"
branch_labels = None
depends_on = None

WAITING = sa.text("answer IS NOT NULL")


def upgrade():
    with op.batch_alter_table("kiosk_receipts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("meeting_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("locale", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("answer", sa.JSON(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_kiosk_receipts_meeting_id_meetings"), "meetings", ["meeting_id"], ["id"])
    op.create_index("ix_kiosk_receipts_waiting", "kiosk_receipts", ["uuid"], unique=False,
                    postgresql_where=WAITING, sqlite_where=WAITING)


def downgrade():
    # Until the analysis step stores them, kiosk answers live only in these columns: refuse to
    # drop them rather than lose what a family said.
    if not context.is_offline_mode():
        waiting = op.get_bind().scalar(sa.text("SELECT count(*) FROM kiosk_receipts WHERE answer IS NOT NULL"))
        if waiting:
            raise RuntimeError(
                f"{waiting} kiosk answer(s) are still waiting to be stored: run "
                "`flask --app feedback_app insights analyse`, then downgrade again.")
    op.drop_index("ix_kiosk_receipts_waiting", table_name="kiosk_receipts",
                  postgresql_where=WAITING, sqlite_where=WAITING)
    with op.batch_alter_table("kiosk_receipts", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_kiosk_receipts_meeting_id_meetings"), type_="foreignkey")
        batch_op.drop_column("answer")
        batch_op.drop_column("locale")
        batch_op.drop_column("meeting_id")
