"""drop two indexes that repeat the start of another: every answer paid to write them

Revision ID: b9c0d1e2f3a4
Revises: e1f2a3b4c5d6
Create Date: 2026-11-24

"""
from alembic import op


revision = "b9c0d1e2f3a4"
down_revision = "e1f2a3b4c5d6"
branch_labels = None
depends_on = None


def upgrade():
    # ix_responses_insights begins with (submitted_on, channel); ix_answers_question_id_choice
    # begins with question_id.
    op.drop_index("ix_responses_submitted_on_channel", table_name="responses")
    op.drop_index("ix_answers_question_id", table_name="answers")


def downgrade():
    op.create_index("ix_answers_question_id", "answers", ["question_id"], unique=False)
    op.create_index("ix_responses_submitted_on_channel", "responses", ["submitted_on", "channel"], unique=False)
