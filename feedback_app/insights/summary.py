"""The facilitator's summary: every figure counted in SQL, then suppressed where a group is small.

One dictionary holds everything, with plainly named parts (ratings, sentiment, trend, timing,
phrases, quotes, aspects, unscored languages, suppression); the page, the CSV export and
`flask insights summary` all show it.
A figure that is suppressed is None, and its group says `"suppressed": true`.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from functools import lru_cache

from sqlalchemy import and_, case, exists, func, literal, or_, select

from ..extensions import db
from ..models import Answer, InsightCount, InsightMonthCount, Question, Response, SafeguardingFlag, Theme, response_themes
from ..nlp import sentiment
from ..nlp.anonymiser import anonymise
from ..safeguarding.services import flagged_answer_ids
from ..surveys.options import NEGATIVE, POSITIVE
from . import aspects, rollup, suppression

# The Friends-and-Family-style headline questions: the link survey's and the kiosk's.
HEADLINE_KEYS = rollup.HEADLINE_KEYS
# Kiosk answers are given at once; link and card answers days later; advocate-supported apart.
TIMING_GROUPS = {"kiosk": "at_once", "link": "later", "card": "later", "advocate": "with_advocate"}
QUOTES_EACH_WAY = 3
# Phrases and quotes come from the latest comments only, so the page takes as long for 100,000
# responses as for 1,000. A phrase is shown when at least the suppression threshold of these
# comments use it (5% of them at the default of 10).
LATEST_COMMENTS = 200
TOP_PHRASES = 10


@dataclass(frozen=True)
class Filters:
    theme: str | None = None       # a theme's slug
    since: date | None = None
    until: date | None = None
    meeting_kind: str | None = None
    channel: str | None = None

    def on(self, day, meeting_kind, channel) -> list:
        """The period, kind and channel filters, on whichever table's columns are given."""
        conditions = []
        if self.since:
            conditions.append(day >= self.since)
        if self.until:
            conditions.append(day <= self.until)
        return conditions + self.kind_and_channel(meeting_kind, channel)

    def kind_and_channel(self, meeting_kind, channel) -> list:
        conditions = []
        if self.meeting_kind:
            conditions.append(meeting_kind == self.meeting_kind)
        if self.channel:
            conditions.append(channel == self.channel)
        return conditions

    def conditions(self, theme: bool = True) -> list:
        conditions = self.on(Response.submitted_on, Response.meeting_kind, Response.channel)
        if self.theme and theme:
            tagged = (select(response_themes.c.response_id)
                      .join(Theme, Theme.id == response_themes.c.theme_id)
                      .where(Theme.slug == self.theme))
            conditions.append(Response.id.in_(tagged))
        return conditions

    def as_dict(self) -> dict:
        return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in asdict(self).items()}


def build(filters: Filters, limit: int | None = None) -> dict:
    """The whole summary for these filters."""
    limit = limit or suppression.threshold()
    # The running totals answer in about the same time however many responses there are.
    figures = _from_totals(filters)
    overall = figures(None)[None]
    total = overall["responses"]
    everything_hidden = not suppression.shown(total, limit) or total == 0
    summary = {
        "filters": filters.as_dict(),
        "suppression": {
            "threshold": limit,
            "rule": "a figure for fewer than threshold responses is hidden, and so are enough "
                    "other groups beside it that it cannot be worked out by subtraction",
            "everything_suppressed": everything_hidden,
        },
        "responses": total if suppression.shown(total, limit) else None,
    }
    if everything_hidden:
        overall = HIDDEN
    summary["ratings"] = _ratings(overall)
    summary["sentiment"] = _sentiment(overall)
    summary["trend"] = _breakdown(figures("month"), limit, everything_hidden, "month")
    summary["timing"] = _breakdown(figures("timing"), limit, everything_hidden, "group")
    latest = [] if everything_hidden else _latest_comments(filters)
    summary["phrases"] = _phrases(latest, limit, everything_hidden)
    summary["quotes"] = _quotes(latest, everything_hidden)
    # How people felt about the chair, the social worker, reports…: counted from the sentiments
    # the analysis step stored, for the same filters.
    summary["aspects"] = aspects.counted(filters.conditions(), limit, _quote, everything_hidden)
    summary["unscored_languages"] = _unscored_languages(filters, limit, everything_hidden)
    return summary


HIDDEN = {"responses": None, "ratings": None, "comments": None}
COMMENT_LABELS = rollup.COMMENT_LABELS


def _timing(channel_column):
    return case(*((channel_column == c, literal(g)) for c, g in TIMING_GROUPS.items()))


def _from_totals(filters: Filters):
    """figures(breakdown) -> {group: figures}, added up from the running totals: whole months
    from the monthly rows, the part-months at either end of the period from the daily rows."""
    months, days = _split_period(filters.since, filters.until)
    theme = (select(Theme.id).where(Theme.slug == filters.theme).scalar_subquery()
             if filters.theme else rollup.ALL)
    cells = []
    for t, period in ((InsightMonthCount, months), (InsightCount, days)):
        if period is None:
            continue
        conditions = [t.theme_id == theme, *period(t),
                      *filters.kind_and_channel(t.meeting_kind, t.channel)]
        # Grouped by month and channel: the overall figures, the months and the timing groups
        # are then added up from those few dozen rows.
        sums = [func.coalesce(func.sum(getattr(t, c)), 0) for c in rollup.COUNTS]
        cells += [
            (row[0], TIMING_GROUPS[row[1]], dict(zip(rollup.COUNTS, row[2:])))
            for row in db.session.execute(
                select(t.month, t.channel, *sums).where(*conditions).group_by(t.month, t.channel))
        ]

    def figures(breakdown):
        groups: dict = {None: _nothing()} if breakdown is None else {}
        for month_key, timing_key, counts in cells:
            key = {None: None, "month": month_key, "timing": timing_key}[breakdown]
            _add(groups.setdefault(key, _nothing()), counts)
        return groups

    return figures


def _split_period(since: date | None, until: date | None):
    """(months, days): conditions on the monthly rows for the whole months of the period, and on
    the daily rows for the days outside them; None where there are none."""
    # The whole months run from `first` (a month's first day) up to, not including, `end`.
    first = since if since is None or since.day == 1 else _month_after(since)
    end = None if until is None else (
        _month_after(until) if _month_after(until) - timedelta(days=1) == until
        else until.replace(day=1))
    if first is not None and end is not None and first >= end:  # no whole month: days only
        return None, lambda t: [t.day >= since, t.day <= until]
    edges = []  # [start, stop) of the days before and after the whole months
    if since is not None and since < first:
        edges.append((since, first))
    if until is not None and end <= until:
        edges.append((end, until + timedelta(days=1)))

    def months(t):
        return ([t.month >= rollup.yyyymm(first)] if first else []) + (
            [t.month < rollup.yyyymm(end)] if end else [])

    def days(t):
        return [or_(*(and_(t.day >= start, t.day < stop) for start, stop in edges))]

    return months, (days if edges else None)


def _month_after(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)


def _add(figures: dict, counts: dict) -> None:
    figures["responses"] += counts["responses"]
    for k in ("answered", "positive", "negative"):
        figures["ratings"][k] += counts[f"ratings_{k}"]
    for k in COMMENT_LABELS:
        figures["comments"][k] += counts[f"comments_{k}"]


def _nothing() -> dict:
    return {"responses": 0, "ratings": {"answered": 0, "positive": 0, "negative": 0},
            "comments": dict.fromkeys(COMMENT_LABELS, 0)}


def _from_responses(filters: Filters):
    """figures(breakdown) -> {group: figures}, counted straight from the responses and answers:
    slow for many responses, and the reference the running totals are tested against."""
    conditions = filters.conditions()
    keys = {None: None, "month": rollup.month_of(Response.submitted_on), "timing": _timing(Response.channel)}
    headline = select(Question.id).where(Question.key.in_(HEADLINE_KEYS)).scalar_subquery()

    def figures(breakdown):
        key = keys[breakdown]
        group = [key] if key is not None else []
        groups: dict = {None: _nothing()} if key is None else {}

        def entry(row):
            return groups.setdefault(row[0] if group else None, _nothing())

        for row in db.session.execute(
            select(*group, func.count(Response.id)).where(*conditions).group_by(*group)
        ):
            entry(row)["responses"] = row[-1]
        for row in db.session.execute(
            select(*group, Answer.choice, func.count())
            .join(Response, Response.id == Answer.response_id)
            .where(Answer.question_id.in_(headline), Answer.choice.is_not(None), *conditions)
            .group_by(*group, Answer.choice)
        ):
            ratings = entry(row)["ratings"]
            ratings["answered"] += row[-1]
            ratings["positive"] += row[-1] if row[-2] in POSITIVE else 0
            ratings["negative"] += row[-1] if row[-2] in NEGATIVE else 0
        for row in db.session.execute(
            select(*group, Answer.sentiment_label, func.count())
            .join(Response, Response.id == Answer.response_id)
            .where(Answer.sentiment_label.is_not(None), *conditions)
            .group_by(*group, Answer.sentiment_label)
        ):
            entry(row)["comments"][row[-2]] = row[-1]
        return groups

    return figures


def _ratings(figures: dict) -> dict:
    ratings = figures["ratings"]
    if ratings is None:
        return {"suppressed": True, "answered": None, "positive": None, "negative": None,
                "neutral": None, "positive_percent": None, "negative_percent": None}
    answered, positive, negative = ratings["answered"], ratings["positive"], ratings["negative"]
    return {
        "suppressed": False, "answered": answered, "positive": positive, "negative": negative,
        "neutral": answered - positive - negative,
        # As the Friends and Family Test does: shares of everyone who answered, "don't know" too.
        "positive_percent": round(100 * positive / answered) if answered else None,
        "negative_percent": round(100 * negative / answered) if answered else None,
    }


def _sentiment(figures: dict) -> dict:
    comments = figures["comments"]
    if comments is None:
        return {"suppressed": True, "comments": None, **dict.fromkeys(COMMENT_LABELS)}
    return {"suppressed": False, "comments": sum(comments.values()), **comments}


def _breakdown(groups: dict, limit: int, hide_all: bool, name: str) -> list[dict]:
    # Groups that hold nobody (a month whose totals were all moved away) are left out.
    groups = {key: g for key, g in groups.items() if g["responses"]}
    sizes = {key: g["responses"] for key, g in groups.items()}
    hidden = set(sizes) if hide_all else suppression.hidden_groups(sizes, limit)
    rows = []
    for key in sorted(groups, key=str):
        figures = HIDDEN if key in hidden else groups[key]
        label = f"{key // 100:04d}-{key % 100:02d}" if name == "month" else key
        rows.append({name: label, "suppressed": key in hidden, "responses": figures["responses"],
                     "ratings": _ratings(figures), "sentiment": _sentiment(figures)})
    return rows


def _latest_comments(filters: Filters) -> list[tuple[str, str, bool]]:
    """(text, label, quotable) of the latest analysed comments. Text that may disclose harm is
    never quotable, nor the words of anyone who did not agree to be quoted."""
    flagged = exists(flagged_answer_ids().where(SafeguardingFlag.answer_id == Answer.id))
    query = (
        select(Answer.text, Answer.sentiment_label, Response.consent_to_quote & ~flagged)
        .join(Response, Response.id == Answer.response_id)
        # Only analysed text has a polarity. Filtering on it (not on the indexed label) and
        # walking the newest responses backwards lets the database stop after the first
        # few hundred, rather than sort every comment.
        .where(*filters.conditions(theme=False), Answer.sentiment_polarity.is_not(None))
        .limit(LATEST_COMMENTS)
    )
    if filters.theme:
        # Walk the theme's own index (theme_id, response_id) from its newest response.
        query = query.join(response_themes, response_themes.c.response_id == Response.id).where(
            response_themes.c.theme_id == select(Theme.id).where(Theme.slug == filters.theme).scalar_subquery()
        ).order_by(response_themes.c.response_id.desc(), Answer.id.desc())
    else:
        query = query.order_by(Answer.response_id.desc(), Answer.id.desc())
    return [(text, label, bool(quotable)) for text, label, quotable in db.session.execute(query)]


def _unscored_languages(filters: Filters, limit: int, hide_all: bool) -> dict:
    """How many comments each language leaves unscored (its text cannot be read well enough
    yet), by locale; a language with few comments is not named, so no small group stands out."""
    if hide_all:
        return {"suppressed": True, "languages": {}, "others_hidden": False}
    rows = db.session.execute(
        select(Response.locale, func.count(Answer.id), func.count(func.distinct(Answer.response_id)))
        .join(Response, Response.id == Answer.response_id)
        .where(*filters.conditions(), Answer.sentiment_label == "not_analysed")
        .group_by(Response.locale)
    ).all()
    # Suppressed by the people behind the comments, as every other figure is.
    hidden = suppression.hidden_groups({code: people for code, _n, people in rows}, limit)
    return {"suppressed": False, "others_hidden": bool(hidden),
            "languages": {code: n for code, n, _people in sorted(rows) if code not in hidden}}


def _quotes(latest, hide_all: bool) -> dict:
    """The latest quotable comments, as many positive as negative when there are both."""
    if hide_all:
        return {"suppressed": True, "positive": [], "negative": []}
    quotes = {}
    for tone in ("positive", "negative"):
        # The same words from several people are quoted once.
        texts = dict.fromkeys(text for text, label, quotable in latest if quotable and label == tone)
        quotes[tone] = [q for q in map(_quote, texts) if q][:QUOTES_EACH_WAY]
    # Balanced: when both kinds can be quoted, as many of one as of the other.
    even = min(len(quotes["positive"]), len(quotes["negative"])) or QUOTES_EACH_WAY
    return {"suppressed": False, "positive": quotes["positive"][:even],
            "negative": quotes["negative"][:even]}


@lru_cache(maxsize=2_048)
def _quote(text: str) -> dict | None:
    """A comment fit to quote, anonymised as stories are (names, places, contact details and
    dates replaced), with what made it count as positive or negative. Cached: the anonymiser
    takes milliseconds, and the same quotes come back on every visit."""
    if len(text.split()) < 3:
        return None
    result = sentiment.score(text)
    return {"text": anonymise(text).text, "polarity": result.polarity,
            "why": [cue.words for cue in result.explain()]}


def _phrases(latest, limit: int, hide_all: bool) -> dict:
    """The words and phrases that carried feeling most often in the latest comments. A phrase
    used in fewer comments than the threshold is left out, as a quote would be."""
    if hide_all:
        return {"suppressed": True, "sampled": None, "items": []}
    # "listened" and "not listened" are told apart by their tone.
    counts: Counter = Counter(
        phrase
        for text, _label, _quotable in latest
        for phrase in {(c.words, sentiment.label_for(c.value)) for c in sentiment.score(text).cues}
    )
    items = [{"phrase": words, "tone": tone, "comments": n}
             for (words, tone), n in counts.most_common() if n >= limit][:TOP_PHRASES]
    return {"suppressed": False, "sampled": len(latest), "items": items}
