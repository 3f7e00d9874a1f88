"""join the feature branches

Revision ID: d22454af2bf1
Revises: a8b1c2d3e4f5, b6a1b2c3d4e5, c5a1b2c3d4e5, d3a1b2c3d4e5, e4a1b2c3d4e5, f8a1b2c3d4e5
Create Date: 2026-11-24 02:44:03.227043

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'd22454af2bf1'
down_revision = ('a8b1c2d3e4f5', 'b6a1b2c3d4e5', 'c5a1b2c3d4e5', 'd3a1b2c3d4e5', 'e4a1b2c3d4e5', 'f8a1b2c3d4e5')
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
