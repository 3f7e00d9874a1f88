"""Suggesting workshop themes from free text, by the words and phrases admins give each theme.

A keyword matches whole words only ("dad" is not in "daddy-long-legs"… but "dads" is), case
aside, so "Engaging Fathers" is suggested by "father", "dad" or "dads".
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache


@lru_cache(maxsize=512)
def _pattern(keyword: str) -> re.Pattern:
    words = [re.escape(w) for w in keyword.lower().split()]
    # A trailing "s" or "es" is allowed so plurals match their keyword.
    return re.compile(r"\b" + r"\s+".join(words) + r"(?:s|es)?\b")


def matches(text: str, keyword: str) -> bool:
    return bool(keyword.strip()) and bool(_pattern(keyword.strip()).search(text.lower()))


def suggest(text: str | None, keywords_by_theme: Mapping[str, Iterable[str]]) -> list[str]:
    """The themes whose keywords occur in `text`, most matched keywords first."""
    if not text:
        return []
    lowered = text.lower()
    hits = {
        theme: sum(1 for keyword in keywords if keyword.strip() and _pattern(keyword.strip()).search(lowered))
        for theme, keywords in keywords_by_theme.items()
    }
    return sorted((t for t, n in hits.items() if n), key=lambda t: (-hits[t], str(t)))


def parse_keywords(raw: str) -> list[str]:
    """Keywords as an admin types them: one a line or comma-separated, trimmed, no repeats."""
    seen: dict[str, None] = {}
    for part in re.split(r"[,\n]", raw or ""):
        word = " ".join(part.split()).lower()
        if word:
            seen.setdefault(word, None)
    return list(seen)
