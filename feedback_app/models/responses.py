from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ._types import one_of
from .meetings import MEETING_KINDS
from .surveys import Question, SurveyVersion

CHANNELS = ("link", "card", "kiosk", "advocate")


class Response(db.Model):
    """One set of answers.

    Anonymous by construction: no invitation, contact, IP address or device is recorded, and the
    time is kept to the day. Only kiosk answers name their meeting (the room's own meeting); a
    link answer keeps the meeting's kind alone, so it cannot be matched to an invitation.
    """

    __tablename__ = "responses"
    __table_args__ = (
        one_of("channel", CHANNELS, "channel"),
        one_of("meeting_kind", MEETING_KINDS, "meeting_kind"),
        Index("ix_responses_submitted_on_channel", "submitted_on", "channel"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_version_id: Mapped[int] = mapped_column(ForeignKey("survey_versions.id"), index=True)
    channel: Mapped[str] = mapped_column(String(16))
    locale: Mapped[str] = mapped_column(String(16))
    meeting_kind: Mapped[str] = mapped_column(String(32), index=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id"), index=True)
    submitted_on: Mapped[date] = mapped_column(Date)
    supported_by_advocate: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_to_quote: Mapped[bool] = mapped_column(Boolean, default=False)

    survey_version: Mapped[SurveyVersion] = relationship()
    answers: Mapped[list[Answer]] = relationship(
        back_populates="response", cascade="all, delete-orphan"
    )


class Answer(db.Model):
    __tablename__ = "answers"

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(ForeignKey("responses.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id"), index=True)
    choice: Mapped[str | None] = mapped_column(String(64))
    text: Mapped[str | None] = mapped_column(Text)

    response: Mapped[Response] = relationship(back_populates="answers")
    question: Mapped[Question] = relationship()
