"""Scoring stories once, when they are told: connected to the signal the story form sends.

Responses are scored later, by the analysis step (analysis.py), so answering stays quick.
"""
from __future__ import annotations

from .. import signals
from ..extensions import db
from ..models import Story, StorySentiment
from ..nlp import sentiment
from . import rollup


def score_story(sender: Story, text: str = "", **_extra) -> None:
    """Score a new story (its anonymised text when there is one); the text is not kept."""
    result = sentiment.score(sender.anonymised_text or text)
    # merge: a story sent again (after an edit) is scored afresh, not twice.
    db.session.merge(StorySentiment(story_id=sender.id, polarity=result.polarity, label=result.label))
    db.session.flush()


def connect_signals() -> None:
    signals.story_submitted.connect(score_story)
    rollup.recount_after_deletions(db.session)
