from __future__ import annotations

from datetime import date

from sqlalchemy import Date, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ._types import one_of
from .themes import Theme, story_themes

TELLER_ROLES = ("parent", "family_member", "young_person", "advocate", "professional")
SHARING_CHOICES = ("newsletter", "internal", "team")
STORY_STATUSES = (
    "submitted", "awaiting_teller", "approved", "published", "rejected", "withdrawn", "held",
)


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

    themes: Mapped[list[Theme]] = relationship(secondary=story_themes)
