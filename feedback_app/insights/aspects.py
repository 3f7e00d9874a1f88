"""How people felt about each aspect the workshops care about, under the summary's small-number rules.

The analysis step stores, for every comment, the sentiment of each aspect it names (the chair,
the social worker, reports, the advocate, the conference, support offered) in answer_aspects:
the clause that names the aspect gives its sentiment (nlp/sentiment.read). The summary counts
those rows with one query (`counted`), for the same filters as its other figures, and never
reads the comments again. Per aspect, the comments naming it are counted; an aspect named by
fewer people than the threshold is hidden whole, and within an aspect the positive / mixed /
neutral / negative counts are hidden as any breakdown is (suppression.hidden_groups), so none
can be worked out by subtraction. Quotes come only from counts that are shown, from people who
agreed to be quoted, and never from text flagged for safeguarding.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping

from sqlalchemy import exists, func, select

from ..extensions import db
from ..models import ASPECTS, Answer, AnswerAspect, Response, SafeguardingFlag
from ..models.aspects import ASPECT_LABELS
from ..safeguarding.services import flagged_answer_ids
from . import suppression

TONES = ASPECT_LABELS  # positive, mixed, neutral, negative
QUOTED_TONES = ("positive", "negative")
QUOTES_EACH_WAY = 2
# Quotable comments looked at per aspect and tone: the same words from several people are
# quoted once, and very short ones not at all, so a few more than are shown.
QUOTE_CANDIDATES = 20


def figures(comments: Mapping[str, Mapping[str, int]], people: Mapping[str, Mapping[str, int]],
            named_by: Mapping[str, int], quotes: Callable[[str, str], list], limit: int,
            hide_all: bool = False) -> dict[str, dict]:
    """For every aspect: how many comments name it, and how many of them are of each tone,
    suppressed by the people behind them. `comments` and `people` are {aspect: {tone: n}},
    `named_by` {aspect: people naming it at all}; `quotes(aspect, tone)` gives the quotes that
    may be shown for a tone, asked only for tones that are shown."""
    out = {}
    for aspect in ASPECTS:
        if hide_all or not suppression.shown(named_by.get(aspect, 0), limit):
            out[aspect] = {"suppressed": True, "comments": None, **dict.fromkeys(TONES),
                           "quotes": {tone: [] for tone in QUOTED_TONES}}
            continue
        counts = {tone: comments.get(aspect, {}).get(tone, 0) for tone in TONES}
        hidden = suppression.hidden_groups(
            {tone: people.get(aspect, {}).get(tone, 0) for tone in TONES}, limit)
        chosen = {tone: [] if tone in hidden or not counts[tone] else quotes(aspect, tone)[:QUOTES_EACH_WAY]
                  for tone in QUOTED_TONES}
        # Balanced, as the summary's own quotes: as many of one as of the other when both exist.
        even = min(len(chosen["positive"]), len(chosen["negative"])) or QUOTES_EACH_WAY
        out[aspect] = {
            "suppressed": False, "comments": sum(counts.values()),
            **{tone: None if tone in hidden else counts[tone] for tone in TONES},
            "quotes": {tone: chosen[tone][:even] for tone in QUOTED_TONES},
        }
    return out


def counted(conditions: list, limit: int, quote: Callable[[str], dict | None],
            hide_all: bool = False) -> dict[str, dict]:
    """The figures from the stored per-aspect sentiments of the responses matching
    `conditions` (summary.Filters.conditions()). `quote(text)` makes a comment fit to show
    (anonymised), or None."""
    if hide_all:
        return figures({}, {}, {}, lambda _a, _t: [], limit, hide_all=True)
    comments: dict = defaultdict(dict)
    people: dict = defaultdict(dict)
    def kept(query):
        # With no filter every row counts: the responses need not be read at all.
        if not conditions:
            return query
        return query.join(Response, Response.id == AnswerAspect.response_id).where(*conditions)

    rows = db.session.execute(kept(
        select(AnswerAspect.aspect, AnswerAspect.label, func.count(),
               func.count(func.distinct(AnswerAspect.response_id))))
        .group_by(AnswerAspect.aspect, AnswerAspect.label))
    for aspect, tone, n, persons in rows:
        comments[aspect][tone], people[aspect][tone] = n, persons
    # One person may name an aspect in two comments, of different tones: count them once.
    named_by = dict(db.session.execute(kept(
        select(AnswerAspect.aspect, func.count(func.distinct(AnswerAspect.response_id))))
        .group_by(AnswerAspect.aspect)).all())

    def quotes(aspect: str, tone: str) -> list:
        flagged = exists(flagged_answer_ids().where(SafeguardingFlag.answer_id == Answer.id))
        texts = db.session.scalars(
            select(Answer.text)
            .join(AnswerAspect, AnswerAspect.answer_id == Answer.id)
            .join(Response, Response.id == AnswerAspect.response_id)
            .where(AnswerAspect.aspect == aspect, AnswerAspect.label == tone,
                   Response.consent_to_quote.is_(True), ~flagged, *conditions)
            # The newest first, along the (aspect, label, answer) index.
            .order_by(AnswerAspect.answer_id.desc())
            .limit(QUOTE_CANDIDATES))
        return [q for q in map(quote, dict.fromkeys(texts)) if q]

    return figures(comments, people, named_by, quotes, limit)


def aspect_figures(comments: Iterable[tuple[str, str | None, bool]], limit: int,
                   read: Callable | None = None) -> dict[str, dict]:
    """The same figures, reading the comments themselves: `comments` are (text, locale,
    quotable), each from a different person. For checks and measurements: the summary reads
    the stored sentiments instead (`counted`)."""
    if read is None:
        from ..nlp import sentiment

        read = sentiment.read
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
    named_by = {aspect: sum(tones.values()) for aspect, tones in counts.items()}
    return figures(counts, counts, named_by, lambda aspect, tone: quotable[aspect][tone], limit)
