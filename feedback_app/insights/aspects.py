"""How people felt about each aspect the workshops care about, under the summary's small-number rules.

Each comment is read clause by clause (nlp/sentiment.read): an aspect it names (the chair, the
social worker, reports, the advocate, the conference, support offered) takes its clause's
sentiment. Per aspect, the comments naming it are counted; an aspect named in fewer comments than
the threshold is hidden whole, and within an aspect the positive / neutral / negative counts are
hidden as any breakdown is (suppression.hidden_groups), so none can be worked out by
subtraction. Quotes come only from shown counts, from people who agreed to be quoted.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from ..nlp import reader, sentiment
from . import suppression

TONES = ("positive", "neutral", "negative")
QUOTES_EACH_WAY = 2


def aspect_figures(comments: Iterable[tuple[str, str | None, bool]], limit: int,
                   read: Callable = sentiment.read) -> dict[str, dict]:
    """`comments` are (text, locale, quotable). Returns, for every aspect, its figures."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(TONES, 0))
    quotable: dict[str, dict[str, list[str]]] = defaultdict(lambda: {t: [] for t in TONES})
    for text, locale, may_quote in comments:
        reading = read(text, locale)
        if reading is None:
            continue
        for aspect, tone in reading.aspects.items():
            counts[aspect][tone] += 1
            if may_quote and text not in quotable[aspect][tone]:
                quotable[aspect][tone].append(text)
    figures = {}
    for aspect in reader.ASPECT_WORDS:
        sizes = counts.get(aspect, dict.fromkeys(TONES, 0))
        total = sum(sizes.values())
        if not suppression.shown(total, limit):
            figures[aspect] = {"suppressed": True, "comments": None, **dict.fromkeys(TONES),
                               "quotes": {"positive": [], "negative": []}}
            continue
        hidden = suppression.hidden_groups(sizes, limit)
        figures[aspect] = {
            "suppressed": False, "comments": total,
            **{tone: None if tone in hidden else sizes[tone] for tone in TONES},
            "quotes": {tone: [] if tone in hidden else quotable[aspect][tone][:QUOTES_EACH_WAY]
                       for tone in ("positive", "negative")},
        }
    return figures
