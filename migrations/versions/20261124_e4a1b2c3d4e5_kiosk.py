"""kiosk: each tablet's meeting, opening hours, staff PIN and queue; receipts of stored answers

A receipt keeps the client-made UUID of an answer already stored, so a resent one stores nothing.

Revision ID: e4a1b2c3d4e5
Revises: a133b18fca46
"""
import sqlalchemy as sa
from alembic import op

revision = "e4a1b2c3d4e5"
down_revision = "a133b18fca46"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("kiosk_devices", schema=None) as batch_op:
        batch_op.add_column(sa.Column("meeting_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("opens_at", sa.Time(), nullable=True))
        batch_op.add_column(sa.Column("closes_at", sa.Time(), nullable=True))
        batch_op.add_column(sa.Column("pin_hash", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("queue_length", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("queue_failed", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_kiosk_devices_meeting_id_meetings"), "meetings", ["meeting_id"], ["id"]
        )
    op.create_table(
        "kiosk_receipts",
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_kiosk_receipts")),
    )


def downgrade():
    op.drop_table("kiosk_receipts")
    with op.batch_alter_table("kiosk_devices", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_kiosk_devices_meeting_id_meetings"), type_="foreignkey")
        for column in ("queue_failed", "queue_length", "pin_hash", "closes_at", "opens_at", "meeting_id"):
            batch_op.drop_column(column)
