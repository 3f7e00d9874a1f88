"""The fixed answer options of each question kind, as (value, label) pairs."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import SelectChoice

from ..i18n import translated

RATING = (
    ("very_good", _l("Very good")),
    ("good", _l("Good")),
    ("neither", _l("Neither good nor poor")),
    ("poor", _l("Poor")),
    ("very_poor", _l("Very poor")),
    ("dont_know", _l("Don't know")),
)
SMILEY = (
    ("very_happy", _l("Very happy")),
    ("happy", _l("Happy")),
    ("okay", _l("Okay")),
    ("unhappy", _l("Unhappy")),
    ("very_unhappy", _l("Very unhappy")),
)
YES_NO = (
    ("yes", _l("Yes")),
    ("no", _l("No")),
    ("not_sure", _l("Not sure")),
)
FIXED = {"rating": RATING, "smiley": SMILEY, "yes_no": YES_NO}
TEXT_KINDS = frozenset({"free_text", "sentence_completion"})
# Ratings that count as positive or negative in Friends-and-Family-style figures.
POSITIVE = frozenset({"very_good", "good", "very_happy", "happy"})
NEGATIVE = frozenset({"poor", "very_poor", "unhappy", "very_unhappy"})


def choices_for(question) -> list[SelectChoice]:
    """Options in the reader's language. Single-choice labels are stored in English and
    translated through the catalog when the shipped wording is unchanged."""
    if question.kind in FIXED:
        return [SelectChoice(value, str(label)) for value, label in FIXED[question.kind]]
    return [SelectChoice(o["value"], translated(o["label"])) for o in question.options or []]


def values_for(question) -> set[str]:
    if question.kind in FIXED:
        return {value for value, _label in FIXED[question.kind]}
    return {o["value"] for o in question.options or []}
