"""safeguarding flags

Revision ID: f8a1b2c3d4e5
Revises: a133b18fca46
Create Date: 2026-11-24

"""
from alembic import op
import sqlalchemy as sa


revision = "f8a1b2c3d4e5"
down_revision = "a133b18fca46"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "safeguarding_flags",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("answer_id", sa.Integer(), nullable=True),
        sa.Column("story_id", sa.Integer(), nullable=True),
        sa.Column("cues", sa.JSON(), nullable=False),
        sa.Column("raised_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reviewed_by_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("status IN ('open', 'reviewed')", name=op.f("ck_safeguarding_flags_status")),
        sa.ForeignKeyConstraint(["answer_id"], ["answers.id"], name=op.f("fk_safeguarding_flags_answer_id_answers"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["reviewed_by_id"], ["users.id"], name=op.f("fk_safeguarding_flags_reviewed_by_id_users")),
        sa.ForeignKeyConstraint(["story_id"], ["stories.id"], name=op.f("fk_safeguarding_flags_story_id_stories"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_safeguarding_flags")),
    )
    with op.batch_alter_table("safeguarding_flags", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_safeguarding_flags_answer_id"), ["answer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_safeguarding_flags_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_safeguarding_flags_story_id"), ["story_id"], unique=False)


def downgrade():
    with op.batch_alter_table("safeguarding_flags", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_safeguarding_flags_story_id"))
        batch_op.drop_index(batch_op.f("ix_safeguarding_flags_status"))
        batch_op.drop_index(batch_op.f("ix_safeguarding_flags_answer_id"))
    op.drop_table("safeguarding_flags")
