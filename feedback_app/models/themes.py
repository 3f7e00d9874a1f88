from __future__ import annotations

from sqlalchemy import JSON, Column, ForeignKey, Index, String, Table
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db


class Theme(db.Model):
    """A learning-exchange workshop topic, attached to responses and stories."""

    __tablename__ = "themes"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    # Words and phrases that suggest the theme in free text; admins edit them.
    keywords: Mapped[list[str]] = mapped_column(JSON, default=list)


response_themes = Table(
    "response_themes",
    db.metadata,
    Column("response_id", ForeignKey("responses.id", ondelete="CASCADE"), primary_key=True),
    Column("theme_id", ForeignKey("themes.id", ondelete="CASCADE"), primary_key=True),
    # "staff" when a person tagged it, "suggested" when the app did from the words; staff can
    # confirm or remove a suggestion.
    Column("source", String(16), nullable=False, server_default="staff"),
    Index("ix_response_themes_theme_id", "theme_id", "response_id"),
)

story_themes = Table(
    "story_themes",
    db.metadata,
    Column("story_id", ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    Column("theme_id", ForeignKey("themes.id", ondelete="CASCADE"), primary_key=True),
)
