from __future__ import annotations

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from ._types import one_of

# The aspects the workshops ask about (nlp/reader.ASPECT_WORDS names them in each language; kept
# here too so that answering, which never loads the model, need not import it).
ASPECTS = ("chair", "social_worker", "reports", "advocate", "conference", "support")
ASPECT_LABELS = ("positive", "mixed", "neutral", "negative")


class AnswerAspect(db.Model):
    """How one free-text answer felt about one aspect it names, stored by the analysis step so
    the summary counts aspects with a query instead of reading every comment again. It goes
    with its answer (ON DELETE CASCADE), and so with its response."""

    __tablename__ = "answer_aspects"
    __table_args__ = (
        one_of("aspect", ASPECTS, "aspect"),
        one_of("label", ASPECT_LABELS, "label"),
        # The summary counts by aspect and tone the responses it keeps, and quotes the newest
        # of each: all from this index, without reading the answers' text.
        Index("ix_answer_aspects_aspect_label", "aspect", "label", "response_id", "answer_id"),
    )

    answer_id: Mapped[int] = mapped_column(ForeignKey("answers.id", ondelete="CASCADE"), primary_key=True)
    aspect: Mapped[str] = mapped_column(String(32), primary_key=True)
    # The answer's response, kept beside it so the summary's filters join the responses
    # directly. Deleting the response deletes the row (through its answer too).
    response_id: Mapped[int] = mapped_column(ForeignKey("responses.id", ondelete="CASCADE"))
    label: Mapped[str] = mapped_column(String(16))
