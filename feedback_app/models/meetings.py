from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from ._types import one_of, UTCDateTime, utcnow

# A meeting holds its kind, day and place, never who it was about.
MEETING_KINDS = (
    "cp_conference",
    "review_conference",
    "core_group",
    "cin_meeting",
    "fgc",
    "early_help",
)
# What a kiosk's answers go to when its room has no meeting and staff chose none: "a meeting
# here today". Not offered where staff pick a kind.
GENERAL_KIND = "general"


class Meeting(db.Model):
    __tablename__ = "meetings"
    __table_args__ = (one_of("kind", MEETING_KINDS + (GENERAL_KIND,), "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), index=True)
    held_on: Mapped[date] = mapped_column(Date, index=True)
    venue: Mapped[str] = mapped_column(String(120), default="")
    room: Mapped[str] = mapped_column(String(120), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
