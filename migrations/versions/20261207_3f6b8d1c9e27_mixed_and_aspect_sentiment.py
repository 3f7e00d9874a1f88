"""Sentiment "mixed" stored as itself, counted in the running totals; each answer's per-aspect
sentiment in answer_aspects.

Revision ID: 3f6b8d1c9e27
Revises: 7c3d9e2a4b61
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = "3f6b8d1c9e27"
down_revision = "7c3d9e2a4b61"
branch_labels = None
depends_on = None

BEFORE = ("positive", "neutral", "negative", "not_analysed")
AFTER = ("positive", "mixed", "neutral", "negative", "not_analysed")
ASPECTS = ("chair", "social_worker", "reports", "advocate", "conference", "support")
ASPECT_LABELS = ("positive", "mixed", "neutral", "negative")
TOTALS = ("insight_counts", "insight_month_counts")


def _in(column, values) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def _answer_labels(old, new) -> None:
    """Let answers.sentiment_label take the `new` labels instead of the `old` ones."""
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        with op.batch_alter_table("answers") as batch_op:
            batch_op.drop_constraint(op.f("ck_answers_sentiment_label"), type_="check")
            batch_op.create_check_constraint("sentiment_label", _in("sentiment_label", new))
        return
    # SQLite changes a CHECK only by copying the table, and dropping the old copy with foreign
    # keys on would delete every safeguarding flag (ON DELETE CASCADE) with it. So the CHECK's
    # text is changed in place, as SQLite documents for changes that leave the stored rows
    # valid (https://www.sqlite.org/lang_altertable.html#otheralter): every row already holds
    # one of the new labels (downgrade turns "mixed" back into "neutral" first).
    schema = bind.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'answers'").scalar_one()
    before, after = _in("sentiment_label", old), _in("sentiment_label", new)
    if schema.count(before) != 1:
        raise RuntimeError(f"answers: expected the CHECK {before} once in {schema!r}")
    version = bind.exec_driver_sql("PRAGMA schema_version").scalar_one()
    bind.exec_driver_sql("PRAGMA writable_schema = ON")
    bind.execute(sa.text("UPDATE sqlite_master SET sql = :sql WHERE type = 'table' AND name = 'answers'"),
                 {"sql": schema.replace(before, after)})
    bind.exec_driver_sql(f"PRAGMA schema_version = {version + 1}")
    bind.exec_driver_sql("PRAGMA writable_schema = OFF")
    problems = bind.exec_driver_sql("PRAGMA quick_check").scalars().all()
    if problems != ["ok"]:
        raise RuntimeError(f"answers: the database reports {problems}")


def upgrade():
    _answer_labels(BEFORE, AFTER)
    for table in TOTALS:
        # Rows counted before today had no mixed comments apart: 0.
        op.add_column(table, sa.Column("comments_mixed", sa.Integer(), server_default="0", nullable=False))
    op.create_table(
        "answer_aspects",
        sa.Column("answer_id", sa.Integer(), nullable=False),
        sa.Column("aspect", sa.String(length=32), nullable=False),
        sa.Column("response_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=16), nullable=False),
        sa.CheckConstraint(_in("aspect", ASPECTS), name=op.f("ck_answer_aspects_aspect")),
        sa.CheckConstraint(_in("label", ASPECT_LABELS), name=op.f("ck_answer_aspects_label")),
        sa.ForeignKeyConstraint(["answer_id"], ["answers.id"], name=op.f("fk_answer_aspects_answer_id_answers"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["response_id"], ["responses.id"],
                                name=op.f("fk_answer_aspects_response_id_responses"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("answer_id", "aspect", name=op.f("pk_answer_aspects")),
    )
    op.create_index("ix_answer_aspects_aspect_label", "answer_aspects", ["aspect", "label", "response_id", "answer_id"],
                    unique=False)


def downgrade():
    op.drop_index("ix_answer_aspects_aspect_label", table_name="answer_aspects")
    op.drop_table("answer_aspects")
    # Back to how it was: a mixed comment counted as neutral.
    for table in TOTALS:
        op.execute(f"UPDATE {table} SET comments_neutral = comments_neutral + comments_mixed")
        op.drop_column(table, "comments_mixed")  # in place: SQLite 3.35 and later can
    op.execute("UPDATE answers SET sentiment_label = 'neutral' WHERE sentiment_label = 'mixed'")
    _answer_labels(AFTER, BEFORE)
