"""Spotting free text that may be a safeguarding disclosure.

Deliberately cautious: a false alarm costs a safeguarding lead a minute, a missed disclosure can
cost far more. What is flagged is never quoted or published, and goes to a person, who decides.
"""
from __future__ import annotations

import re

# (label, pattern). Patterns are matched case-insensitively on whole words.
_CUES = [
    ("harm_to_self", r"(?:end|ending) (?:it|my life|it all)|kill(?:ing)? myself|suicid\w*|"
                     r"(?:don'?t|do not) want to (?:live|be here)|self[- ]harm\w*|hurt(?:ing)? myself|"
                     r"better off (?:dead|without me)|take my (?:own )?life"),
    # "hit" alone is left out: "it hit me how hard they work" is not a disclosure.
    ("violence", r"(?:hits|hitting|beats|beating|punch(?:es|ed)?|kick(?:s|ed)?|slap(?:s|ped)?|"
                 r"chok(?:es|ed|ing)|strangl\w*|hurts|burn(?:s|ed|t)) (?:me|us|her|him|them|the (?:kids|children|baby))|"
                 r"(?:he|she|they|partner|husband|wife|boyfriend|girlfriend|dad|mum) "
                 r"(?:hit|beat|hurt) (?:me|us|her|him|them|the (?:kids|children|baby))|"
                 r"threaten(?:s|ed)? to (?:kill|hurt)|domestic (?:violence|abuse)"),
    ("not_safe", r"(?:don'?t|do not|never) feel safe|(?:not|isn'?t) safe (?:at home|here|with)|"
                 r"(?:scared|afraid|frightened) (?:of (?:him|her|them|my)|to go home)|in danger"),
    ("sexual_harm", r"touch(?:es|ed)? me|sexual(?:ly)? (?:abus\w*|assault\w*)|rap(?:e|ed)"),
    ("child_at_risk", r"(?:left|leaves) (?:the )?(?:kids|children|baby) alone|no food for the (?:kids|children)"),
]
_PATTERNS = [(label, re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE)) for label, pattern in _CUES]


def possible_disclosure(text: str | None) -> list[str]:
    """The kinds of concern `text` may disclose, in a fixed order; empty when none."""
    if not text:
        return []
    return [label for label, pattern in _PATTERNS if pattern.search(text)]
