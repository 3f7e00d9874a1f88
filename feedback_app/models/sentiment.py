from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Float, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from ._types import one_of
from .responses import SENTIMENT_LABELS

# A story is scored as a whole, by the field lexicon alone: never "mixed".
STORY_SENTIMENT_LABELS = tuple(label for label in SENTIMENT_LABELS if label != "mixed")


class StorySentiment(db.Model):
    """A story's sentiment, scored once when it is told. Kept apart from the story so the
    stories feature need not know about scoring; the text itself is never kept here."""

    __tablename__ = "story_sentiments"
    __table_args__ = (one_of("label", STORY_SENTIMENT_LABELS, "label"),)

    story_id: Mapped[int] = mapped_column(
        ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True
    )
    polarity: Mapped[float | None] = mapped_column(Float)
    label: Mapped[str] = mapped_column(String(16))


class _Counts:
    """What a row of running totals counts. Counts only: nothing here says more than the summary
    itself shows."""

    responses: Mapped[int] = mapped_column(Integer, default=0)
    ratings_answered: Mapped[int] = mapped_column(Integer, default=0)
    ratings_positive: Mapped[int] = mapped_column(Integer, default=0)
    ratings_negative: Mapped[int] = mapped_column(Integer, default=0)
    comments_positive: Mapped[int] = mapped_column(Integer, default=0)
    comments_neutral: Mapped[int] = mapped_column(Integer, default=0)
    comments_negative: Mapped[int] = mapped_column(Integer, default=0)
    comments_not_analysed: Mapped[int] = mapped_column(Integer, default=0)
    # Added after the others: rows counted before it start at 0.
    comments_mixed: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class InsightCount(_Counts, db.Model):
    """Running totals for the facilitator's summary, one row per day, channel, kind of meeting and
    theme (theme 0: every response). The summary reads these only for the part-months at the ends
    of a period; whole months come from InsightMonthCount."""

    __tablename__ = "insight_counts"
    # On SQLite, store the rows in key order, so one theme's days are read in one sweep.
    __table_args__ = {"sqlite_with_rowid": False}

    # Theme first: every summary reads one theme's rows (or theme 0's), then a range of days.
    theme_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    channel: Mapped[str] = mapped_column(String(16), primary_key=True)
    meeting_kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    # The day's month as YYYYMM, kept beside it so the summary groups by month without
    # working it out row by row.
    month: Mapped[int] = mapped_column(Integer)


class InsightMonthCount(_Counts, db.Model):
    """The same totals a month at a time, so a summary over years adds up a few hundred rows
    however many responses there are."""

    __tablename__ = "insight_month_counts"
    __table_args__ = {"sqlite_with_rowid": False}

    theme_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    month: Mapped[int] = mapped_column(Integer, primary_key=True)  # YYYYMM
    channel: Mapped[str] = mapped_column(String(16), primary_key=True)
    meeting_kind: Mapped[str] = mapped_column(String(32), primary_key=True)
