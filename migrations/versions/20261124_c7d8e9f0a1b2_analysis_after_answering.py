"""analysis after answering: responses wait to be analysed; monthly totals for the summary

Revision ID: c7d8e9f0a1b2
Revises: d22454af2bf1
Create Date: 2026-11-24

"""
from alembic import op
import sqlalchemy as sa


revision = "c7d8e9f0a1b2"
down_revision = "d22454af2bf1"
branch_labels = None
depends_on = None

COUNTS = (
    "responses", "ratings_answered", "ratings_positive", "ratings_negative", "comments_positive",
    "comments_neutral", "comments_negative", "comments_not_analysed",
)


def upgrade():
    with op.batch_alter_table("responses", schema=None) as batch_op:
        batch_op.add_column(sa.Column("analysed", sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.create_index("ix_responses_analysed", ["analysed", "id"], unique=False)
    # Every response so far was analysed as it arrived.
    op.execute(sa.text("UPDATE responses SET analysed = :yes").bindparams(yes=True))
    op.create_table(
        "insight_month_counts",
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("meeting_kind", sa.String(length=32), nullable=False),
        *(sa.Column(name, sa.Integer(), nullable=False) for name in COUNTS),
        sa.PrimaryKeyConstraint("theme_id", "month", "channel", "meeting_kind", name=op.f("pk_insight_month_counts")),
        sqlite_with_rowid=False,
    )
    counts = ", ".join(COUNTS)
    sums = ", ".join(f"SUM({name})" for name in COUNTS)
    op.execute(
        f"INSERT INTO insight_month_counts (theme_id, month, channel, meeting_kind, {counts}) "
        f"SELECT theme_id, month, channel, meeting_kind, {sums} FROM insight_counts "
        "GROUP BY theme_id, month, channel, meeting_kind"
    )


def downgrade():
    op.drop_table("insight_month_counts")
    with op.batch_alter_table("responses", schema=None) as batch_op:
        batch_op.drop_index("ix_responses_analysed")
        batch_op.drop_column("analysed")
