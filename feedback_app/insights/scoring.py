"""Scoring text once, when it arrives: connected to the signals every channel sends.

Answers keep their polarity and label; the cues that explain them are recomputed from the text
when a quote is shown (scoring is cached and takes microseconds). Text not given in English is
marked "not_analysed" and counted by its ratings alone: the scorer reads English only.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from sqlalchemy import insert, select, update
from sqlalchemy import text as sql

from .. import signals
from ..extensions import db
from ..models import Answer, Question, Response, Story, StorySentiment, Theme, response_themes
from ..nlp import sentiment, themes
from ..surveys.options import TEXT_KINDS
from . import rollup

NOT_ANALYSED = "not_analysed"
BATCH = 20_000


def analysed(locale: str | None) -> bool:
    return (locale or "").lower().startswith("en")


def score_response(sender: Response, **_extra) -> None:
    """Score each free-text answer of a new response, suggest its themes, and add it to the
    summary's running totals."""
    texts = [a for a in sender.answers if a.text and a.question.kind in TEXT_KINDS]
    english = analysed(sender.locale)
    for answer in texts:
        if english:
            result = sentiment.score(answer.text)
            answer.sentiment_polarity, answer.sentiment_label = result.polarity, result.label
        else:
            answer.sentiment_label = NOT_ANALYSED
    _suggest_themes({sender.id: [a.text for a in texts]})
    db.session.flush()
    theme_ids = db.session.scalars(
        select(response_themes.c.theme_id).where(response_themes.c.response_id == sender.id)).all()
    rollup.add(sender, theme_ids)


def score_story(sender: Story, text: str = "", **_extra) -> None:
    """Score a new story (its anonymised text when there is one); the text is not kept."""
    result = sentiment.score(sender.anonymised_text or text)
    # merge: a story sent again (after an edit) is scored afresh, not twice.
    db.session.merge(StorySentiment(story_id=sender.id, polarity=result.polarity, label=result.label))
    db.session.flush()


def connect_signals() -> None:
    signals.response_recorded.connect(score_response)
    signals.story_submitted.connect(score_story)
    rollup.recount_after_deletions(db.session)


def backfill(echo: Callable[[str], None] = print, batch: int = BATCH) -> int:
    """Score every free-text answer not scored yet (bulk-loaded ones bypass the signals), in
    batches by id, and suggest themes for their responses; then recount the summary's totals.
    Returns how many answers were scored."""
    unscored = (
        select(Answer.id, Answer.response_id, Answer.text, Response.locale)
        .join(Response, Response.id == Answer.response_id)
        .join(Question, Question.id == Answer.question_id)
        .where(Answer.text.is_not(None), Answer.sentiment_label.is_(None),
               Question.kind.in_(TEXT_KINDS))
        .order_by(Answer.id)
        .limit(batch)
    )
    _refresh_statistics()
    done, last_id = 0, 0
    suggestions: dict[str, list[int]] = {}  # many answers share their words: suggest once
    while rows := db.session.execute(unscored.where(Answer.id > last_id)).all():
        ids_by_score, texts_by_response = defaultdict(list), {}
        for answer_id, response_id, words, locale in rows:
            if analysed(locale):
                result = sentiment.score(words)
                ids_by_score[(result.polarity, result.label)].append(answer_id)
            else:
                ids_by_score[(None, NOT_ANALYSED)].append(answer_id)
            texts_by_response.setdefault(response_id, []).append(words)
        # One UPDATE per distinct score, far fewer than one per answer.
        for (polarity, label), ids in ids_by_score.items():
            db.session.execute(
                update(Answer).where(Answer.id.in_(ids))
                .values(sentiment_polarity=polarity, sentiment_label=label)
                .execution_options(synchronize_session=False))
        _suggest_themes(texts_by_response, suggestions)
        done += len(rows)
        last_id = rows[-1][0]
        echo(f"Scored {done:,} answers…")
    # Bulk-loaded responses are in no running total yet: recount them all, in one pass.
    rollup.rebuild()
    _refresh_statistics()
    return done


def _refresh_statistics() -> None:
    """A bulk load leaves the query planner's statistics stale (PostgreSQL would guess 120 rows
    where there are 14,000, and sort them all); refresh them for the tables the summary reads."""
    if db.session.get_bind().dialect.name == "postgresql":
        db.session.execute(sql("ANALYZE answers, responses, response_themes, insight_counts"))
    else:
        db.session.execute(sql("ANALYZE"))


def _suggest_themes(texts_by_response: dict[int, list[str]], memo: dict | None = None) -> None:
    """Tag responses with the themes their words suggest, as suggestions staff can remove."""
    keywords = {theme_id: words for theme_id, words in db.session.execute(select(Theme.id, Theme.keywords))}
    if not keywords or not texts_by_response:
        return
    memo = {} if memo is None else memo

    def suggested(text):
        if text not in memo:
            memo[text] = themes.suggest(text, keywords)
        return memo[text]

    wanted = {
        (response_id, theme_id)
        for response_id, texts in texts_by_response.items()
        for text in texts
        for theme_id in suggested(text)
    }
    if not wanted:
        return
    existing = set(tuple(row) for row in db.session.execute(
        select(response_themes.c.response_id, response_themes.c.theme_id)
        .where(response_themes.c.response_id.in_(sorted({r for r, _t in wanted})))
    ).all())
    rows = [{"response_id": r, "theme_id": t, "source": "suggested"} for r, t in wanted - existing]
    if rows:
        db.session.execute(insert(response_themes), rows)
