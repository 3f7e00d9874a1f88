"""insights: sentiment on answers and stories, theme suggestions, indexes for the summary

Revision ID: b6a1b2c3d4e5
Revises: a133b18fca46
Create Date: 2026-11-24

"""
from alembic import op
import sqlalchemy as sa


revision = "b6a1b2c3d4e5"
down_revision = "a133b18fca46"
branch_labels = None
depends_on = None

COUNTS = (
    "responses", "ratings_answered", "ratings_positive", "ratings_negative", "comments_positive",
    "comments_neutral", "comments_negative", "comments_not_analysed",
)
LABELS = "sentiment_label IN ('positive', 'neutral', 'negative', 'not_analysed')"


def upgrade():
    with op.batch_alter_table("answers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sentiment_polarity", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("sentiment_label", sa.String(length=16), nullable=True))
        batch_op.create_check_constraint(op.f("ck_answers_sentiment_label"), LABELS)
        batch_op.create_index("ix_answers_question_id_choice", ["question_id", "choice", "response_id"], unique=False)
        batch_op.create_index("ix_answers_sentiment_label", ["sentiment_label", "response_id"], unique=False)
    with op.batch_alter_table("responses", schema=None) as batch_op:
        batch_op.create_index("ix_responses_insights", ["submitted_on", "channel", "meeting_kind", "id"], unique=False)
    with op.batch_alter_table("response_themes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("source", sa.String(length=16), server_default="staff", nullable=False))
        batch_op.create_index("ix_response_themes_theme_id", ["theme_id", "response_id"], unique=False)
    op.create_table(
        "story_sentiments",
        sa.Column("story_id", sa.Integer(), nullable=False),
        sa.Column("polarity", sa.Float(), nullable=True),
        sa.Column("label", sa.String(length=16), nullable=False),
        sa.CheckConstraint("label IN ('positive', 'neutral', 'negative', 'not_analysed')", name=op.f("ck_story_sentiments_label")),
        sa.ForeignKeyConstraint(["story_id"], ["stories.id"], name=op.f("fk_story_sentiments_story_id_stories"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("story_id", name=op.f("pk_story_sentiments")),
    )
    op.create_table(
        "insight_counts",
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("meeting_kind", sa.String(length=32), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        *(sa.Column(name, sa.Integer(), nullable=False) for name in COUNTS),
        sa.PrimaryKeyConstraint("theme_id", "day", "channel", "meeting_kind", name=op.f("pk_insight_counts")),
        sqlite_with_rowid=False,
    )


def downgrade():
    op.drop_table("insight_counts")
    op.drop_table("story_sentiments")
    with op.batch_alter_table("response_themes", schema=None) as batch_op:
        batch_op.drop_index("ix_response_themes_theme_id")
        batch_op.drop_column("source")
    with op.batch_alter_table("responses", schema=None) as batch_op:
        batch_op.drop_index("ix_responses_insights")
    with op.batch_alter_table("answers", schema=None) as batch_op:
        batch_op.drop_index("ix_answers_sentiment_label")
        batch_op.drop_index("ix_answers_question_id_choice")
        batch_op.drop_constraint(op.f("ck_answers_sentiment_label"), type_="check")
        batch_op.drop_column("sentiment_label")
        batch_op.drop_column("sentiment_polarity")
