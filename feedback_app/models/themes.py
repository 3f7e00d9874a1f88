from __future__ import annotations

from sqlalchemy import JSON, Column, ForeignKey, Index, String, Table, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db


class Theme(db.Model):
    """A learning-exchange workshop topic, attached to responses and stories."""

    __tablename__ = "themes"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    # Words and phrases that suggest the theme in free text; admins edit them.
    keywords: Mapped[list[str]] = mapped_column(JSON, default=list)
    # The name in other languages; `name` is the English one, and the fallback.
    names: Mapped[list["ThemeName"]] = relationship(
        back_populates="theme", cascade="all, delete-orphan", lazy="selectin", order_by="ThemeName.locale")

    def name_in(self, locale: str | None) -> str:
        """The name in that language (a catalog code: "ar", "zh_Hans"), else the English one."""
        if locale:
            wanted = str(locale)
            for entry in self.names:
                if entry.locale == wanted and entry.name.strip():
                    return entry.name
            primary = wanted.split("_")[0]
            for entry in self.names:
                if entry.locale.split("_")[0] == primary and entry.name.strip():
                    return entry.name
        return self.name

    def names_by_locale(self) -> dict[str, str]:
        return {entry.locale: entry.name for entry in self.names}


class ThemeName(db.Model):
    """A theme's name in one language, as an admin wrote it."""

    __tablename__ = "theme_names"
    __table_args__ = (UniqueConstraint("theme_id", "locale"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    theme_id: Mapped[int] = mapped_column(ForeignKey("themes.id", ondelete="CASCADE"), index=True)
    locale: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(120))
    theme: Mapped[Theme] = relationship(back_populates="names")


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
