from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ._types import UTCDateTime, one_of, utcnow
from .themes import Theme, story_themes

TELLER_ROLES = ("parent", "family_member", "young_person", "advocate", "professional")
SHARING_CHOICES = ("newsletter", "internal", "team")
STORY_STATUSES = (
    "submitted", "awaiting_teller", "approved", "published", "rejected", "withdrawn", "held",
)
ISSUE_STATUSES = ("draft", "published")


class Story(db.Model):
    """A good-practice account. The original is kept encrypted only until it is published or
    rejected; what is shown and published is the anonymised text."""

    __tablename__ = "stories"
    __table_args__ = (
        one_of("teller_role", TELLER_ROLES, "teller_role"),
        one_of("sharing", SHARING_CHOICES, "sharing"),
        one_of("status", STORY_STATUSES, "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    teller_role: Mapped[str] = mapped_column(String(32))
    sharing: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(24), default="submitted", index=True)
    original_ciphertext: Mapped[bytes | None] = mapped_column(LargeBinary)
    anonymised_text: Mapped[str] = mapped_column(Text, default="")
    team: Mapped[str] = mapped_column(String(120), default="")
    submitted_on: Mapped[date] = mapped_column(Date)
    # The storyteller's private code, hashed: it lets them read, approve or withdraw.
    review_code_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    rejection_reason: Mapped[str] = mapped_column(Text, default="")
    # What the anonymiser (and the moderator) replaced: [{start, end, label, placeholder}], offsets
    # into the original. It never holds the replaced words themselves.
    replacements: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    # Once a moderator edits the text by hand, it can no longer be rebuilt from the replacements.
    hand_edited: Mapped[bool] = mapped_column(Boolean, default=False)
    approved_on: Mapped[date | None] = mapped_column(Date, index=True)
    newsletter_issue_id: Mapped[int | None] = mapped_column(
        ForeignKey("newsletter_issues.id", ondelete="SET NULL"), index=True
    )

    themes: Mapped[list[Theme]] = relationship(secondary=story_themes)
    newsletter_issue: Mapped[NewsletterIssue | None] = relationship(back_populates="stories")


class NewsletterIssue(db.Model):
    """One month's newsletter: an editor's intro, approved stories and "you said, we did" notes."""

    __tablename__ = "newsletter_issues"
    __table_args__ = (one_of("status", ISSUE_STATUSES, "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    month: Mapped[str] = mapped_column(String(7), unique=True)  # "YYYY-MM"
    intro: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="draft")
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    sent_count: Mapped[int] = mapped_column(Integer, default=0)

    stories: Mapped[list[Story]] = relationship(back_populates="newsletter_issue", order_by=Story.id)
    notes: Mapped[list[YouSaidWeDid]] = relationship(
        back_populates="issue", order_by="YouSaidWeDid.id", cascade="all, delete-orphan"
    )


class YouSaidWeDid(db.Model):
    """What families told us, and what changed because of it."""

    __tablename__ = "you_said_we_did"

    id: Mapped[int] = mapped_column(primary_key=True)
    issue_id: Mapped[int] = mapped_column(ForeignKey("newsletter_issues.id", ondelete="CASCADE"), index=True)
    you_said: Mapped[str] = mapped_column(Text)
    we_did: Mapped[str] = mapped_column(Text)

    issue: Mapped[NewsletterIssue] = relationship(back_populates="notes")


class Subscriber(db.Model):
    """A member of staff on the newsletter's mailing list. Unsubscribe links are signed, so no
    token is stored."""

    __tablename__ = "newsletter_subscribers"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
