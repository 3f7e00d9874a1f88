"""login lockout

Revision ID: a8b1c2d3e4f5
Revises: a133b18fca46
Create Date: 2026-11-24

"""
from alembic import op
import sqlalchemy as sa


revision = "a8b1c2d3e4f5"
down_revision = "a133b18fca46"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True))


def downgrade():
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("locked_until")
