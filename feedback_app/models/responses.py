from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, Float, ForeignKey, Index, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ._types import one_of
from .meetings import GENERAL_KIND, MEETING_KINDS
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
        one_of("meeting_kind", MEETING_KINDS + (GENERAL_KIND,), "meeting_kind"),
        # Insights filter by period, channel and kind together and count responses. (An index on
        # period and channel alone would repeat this one's start, and cost every answer a write.)
        Index("ix_responses_insights", "submitted_on", "channel", "meeting_kind", "id"),
        # The analysis step looks for the responses still waiting for it.
        Index("ix_responses_analysed", "analysed", "id"),
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
    # Whether the analysis step (insights.analysis) has scored its text, suggested its themes and
    # added it to the summary's totals. Answering does none of that, so it stays quick.
    analysed: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    survey_version: Mapped[SurveyVersion] = relationship()
    answers: Mapped[list[Answer]] = relationship(
        back_populates="response", cascade="all, delete-orphan"
    )


# What a free-text answer's sentiment can be: "mixed" when it is strongly both ways ("she was
# lovely but the meeting was awful"); "not_analysed" marks text in a language not scored yet.
SENTIMENT_LABELS = ("positive", "mixed", "neutral", "negative", "not_analysed")


class Answer(db.Model):
    __tablename__ = "answers"
    __table_args__ = (
        one_of("sentiment_label", SENTIMENT_LABELS, "sentiment_label"),
        # Covering indexes for the insights counts: ratings by choice, texts by sentiment. The
        # first also serves lookups by question alone, so question_id has no index of its own.
        Index("ix_answers_question_id_choice", "question_id", "choice", "response_id"),
        Index("ix_answers_sentiment_label", "sentiment_label", "response_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(ForeignKey("responses.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id"))
    choice: Mapped[str | None] = mapped_column(String(64))
    text: Mapped[str | None] = mapped_column(Text)
    # Scored once, by the analysis step (feedback_app/insights/analysis.py); the explanation is
    # recomputed from the text when a quote is shown, which is cheap.
    sentiment_polarity: Mapped[float | None] = mapped_column(Float)
    sentiment_label: Mapped[str | None] = mapped_column(String(16))

    response: Mapped[Response] = relationship(back_populates="answers")
    question: Mapped[Question] = relationship()
