from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ._types import one_of, UTCDateTime, utcnow

QUESTION_KINDS = (
    "rating",               # Friends and Family Test: 5 points and "don't know"
    "smiley",               # the kiosk's five faces
    "yes_no",               # yes / no / not sure
    "single_choice",        # options listed on the question
    "free_text",
    "sentence_completion",  # the enquiry's trigger questions: "A conference makes me feel..."
)


class Survey(db.Model):
    """A questionnaire. Its wording lives in versions; editing makes a new version."""

    __tablename__ = "surveys"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    # Days after the meeting before an invitation goes out, unless the invitation says otherwise.
    default_delay_days: Mapped[int] = mapped_column(Integer, default=3)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    versions: Mapped[list[SurveyVersion]] = relationship(
        back_populates="survey", order_by="SurveyVersion.number"
    )

    @property
    def current(self) -> SurveyVersion:
        return self.versions[-1]


class SurveyVersion(db.Model):
    __tablename__ = "survey_versions"
    __table_args__ = (UniqueConstraint("survey_id", "number", name="uq_survey_versions_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    intro: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    survey: Mapped[Survey] = relationship(back_populates="versions")
    questions: Mapped[list[Question]] = relationship(
        back_populates="version", order_by="Question.position"
    )


class Question(db.Model):
    __tablename__ = "questions"
    __table_args__ = (
        UniqueConstraint("version_id", "key", name="uq_questions_version_key"),
        one_of("kind", QUESTION_KINDS, "kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("survey_versions.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    # A stable name across versions, so answers to "the same question" can be compared.
    key: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(32))
    prompt: Mapped[str] = mapped_column(Text)
    hint: Mapped[str] = mapped_column(Text, default="")
    required: Mapped[bool] = mapped_column(Boolean, default=False)
    # For single_choice: [{"value": "...", "label": "..."}]; other kinds have fixed options.
    options: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)

    version: Mapped[SurveyVersion] = relationship(back_populates="questions")


class LinkSurveyChoice(db.Model):
    """Which survey a link or card asks after one kind of meeting, when the council has chosen:
    kinds without a row get the short debrief (surveys.choice.link_survey_for)."""

    __tablename__ = "link_survey_choices"

    meeting_kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id"))

    survey: Mapped[Survey] = relationship()
