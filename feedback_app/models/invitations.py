from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ._types import one_of, UTCDateTime, utcnow
from .meetings import Meeting
from .surveys import Survey

INVITATION_CHANNELS = ("email", "sms", "card")
INVITATION_STATUSES = ("scheduled", "sent", "answered", "expired", "failed")


class Invitation(db.Model):
    """A single-use, expiring link to a survey about one meeting.

    Only the SHA-256 of the token is stored. A response never points back here: the invitation
    only learns that it was used (status "answered").
    """

    __tablename__ = "invitations"
    __table_args__ = (
        one_of("channel", INVITATION_CHANNELS, "channel"),
        one_of("status", INVITATION_STATUSES, "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), index=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id"), index=True)
    channel: Mapped[str] = mapped_column(String(16))
    locale: Mapped[str] = mapped_column(String(16), default="en_GB")
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    status: Mapped[str] = mapped_column(String(16), default="scheduled", index=True)
    # Encrypted contact (email address or phone number); erased once no message is left to send.
    contact_ciphertext: Mapped[bytes | None] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    opened_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    # When the next message (the invitation, its reminder or a retry) should go; None once
    # nothing is left to send. Senders look for due work through this one indexed column.
    next_send_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    # A sender's lease on the row while it delivers; an expired lease (a sender that died) lets
    # another sender take the row again.
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime())

    meeting: Mapped[Meeting] = relationship()
    survey: Mapped[Survey] = relationship()
