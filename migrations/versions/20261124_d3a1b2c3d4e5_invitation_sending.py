"""invitation sending: next send time and sender leases

Revision ID: d3a1b2c3d4e5
Revises: a133b18fca46
Create Date: 2026-11-24

"""
from alembic import op
import sqlalchemy as sa


revision = "d3a1b2c3d4e5"
down_revision = "a133b18fca46"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("invitations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("next_send_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("claimed_by", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("claimed_until", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index(batch_op.f("ix_invitations_next_send_at"), ["next_send_at"], unique=False)


def downgrade():
    with op.batch_alter_table("invitations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_invitations_next_send_at"))
        batch_op.drop_column("claimed_until")
        batch_op.drop_column("claimed_by")
        batch_op.drop_column("next_send_at")
