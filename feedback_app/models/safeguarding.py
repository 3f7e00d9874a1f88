from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Date, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ._types import UTCDateTime, one_of
from .responses import Answer
from .stories import Story

FLAG_STATUSES = ("open", "reviewed")


class SafeguardingFlag(db.Model):
    """Free text that may disclose harm, waiting for the safeguarding lead. Flagged text is never
    quoted or published."""

    __tablename__ = "safeguarding_flags"
    __table_args__ = (one_of("status", FLAG_STATUSES, "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    answer_id: Mapped[int | None] = mapped_column(ForeignKey("answers.id", ondelete="CASCADE"), index=True)
    story_id: Mapped[int | None] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"), index=True)
    cues: Mapped[list[str]] = mapped_column(JSON, default=list)
    raised_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    answer: Mapped[Answer | None] = relationship()
    story: Mapped[Story | None] = relationship()
