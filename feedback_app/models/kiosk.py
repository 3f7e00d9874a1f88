from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import JSON, Date, ForeignKey, Index, Integer, String, Time, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ._types import UTCDateTime, utcnow
from .meetings import Meeting


class KioskDevice(db.Model):
    """A wall tablet. It holds a long-lived credential (stored hashed) that an admin can revoke."""

    __tablename__ = "kiosk_devices"

    id: Mapped[int] = mapped_column(primary_key=True)
    room_name: Mapped[str] = mapped_column(String(120))
    venue: Mapped[str] = mapped_column(String(120), default="")
    default_locale: Mapped[str] = mapped_column(String(16), default="en_GB")
    pairing_token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    credential_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    paired_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_seen_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The meeting staff chose for this room; without one, the room's latest meeting is used.
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id"))
    # The venue's opening hours (local time); outside them the tablet rests. None: always open.
    opens_at: Mapped[time | None] = mapped_column(Time)
    closes_at: Mapped[time | None] = mapped_column(Time)
    # Argon2id hash of the staff PIN that leaves kiosk mode on the tablet.
    pin_hash: Mapped[str | None] = mapped_column(String(200))
    # What the tablet last reported: answers waiting to be sent, and answers the server refused.
    queue_length: Mapped[int | None] = mapped_column(Integer)
    queue_failed: Mapped[int | None] = mapped_column(Integer)

    meeting: Mapped[Meeting | None] = relationship()


class KioskReceipt(db.Model):
    """The client-made UUID of every kiosk answer received, so a resent answer stores nothing new.

    A tablet's answer is kept here as it arrives, in one statement (kiosk_api.services), and
    becomes a response in the next analysis step, which then empties `meeting_id`, `locale` and
    `answer`. From then on the receipt is deliberately apart from responses and devices: it cannot tell
    which response or which tablet.
    """

    __tablename__ = "kiosk_receipts"
    __table_args__ = (
        # The answers still waiting are few; the receipts of those stored are many.
        Index("ix_kiosk_receipts_waiting", "uuid",
              postgresql_where=text("answer IS NOT NULL"), sqlite_where=text("answer IS NOT NULL")),
    )

    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    received_on: Mapped[date] = mapped_column(Date)
    # Until it is stored as a response: the room's meeting, the answer's language, and the
    # answer as checked on arrival ({"version": id, "answers": {...}, "answered_on": "YYYY-MM-DD"}).
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id"))
    locale: Mapped[str | None] = mapped_column(String(16))
    answer: Mapped[dict | None] = mapped_column(JSON(none_as_null=True))
