"""The analysis step: what becomes of a response after it is stored.

Answering stores the answers and nothing more, so a parent on the tablet or a family on a phone
never waits for it. This step first stores the kiosk answers kept on arrival as responses
(kiosk_api.services.store_all_waiting), then, a batch at a time:

- scores each free-text answer's sentiment once, and stores it (positive, negative, neutral or
  mixed): by the stored model (nlp/reader.py), in each language whose measured accuracy is good
  enough (reader.SCORED_LANGUAGES, English among them); any other text is marked
  "not_analysed" and counted by its ratings alone;
- stores how it felt about each aspect it names (the chair, the social worker, reports…) in
  answer_aspects, so the summary counts aspects with a query, never reading the text again;
- tags the response with the themes its words suggest, as suggestions staff can remove (and, for
  text not in English, the themes the model suggests);
- adds the response to the summary's running totals (rollup), and marks it analysed.

It runs from `flask insights analyse` (every minute from cron, or `--watch`), and before every
insights page, export and summary, so a facilitator always sees every answer. Bulk loads run it
too. Safeguarding is not here: a possible disclosure is flagged the moment it arrives.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy import text as sql

from ..extensions import db, on_postgresql
from ..kiosk_api.services import store_all_waiting
from ..models import ASPECTS, Answer, AnswerAspect, Question, Response, Theme, response_themes
from ..nlp import sentiment, themes
from ..surveys.options import TEXT_KINDS
from . import rollup

NOT_ANALYSED = "not_analysed"
BATCH = 5_000
# More waiting than this (a bulk load, say) and the planner's statistics are refreshed first.
MANY = 20_000


def in_english(locale: str | None) -> bool:
    return (locale or "").lower().startswith("en")


def analyse_waiting(echo: Callable[[str], None] | None = None, batch: int = BATCH) -> int:
    """Analyse every response still waiting, committing each batch as it is done: locks stay
    short when several analysers run at once, and a failure loses one batch at most. Returns how
    many were analysed."""
    # Load the model first: a missing model file stops here, before any answer gets a score.
    # (Imported here, not above: the web app imports this module, and numpy should not load
    # in a worker that only takes answers.)
    from ..nlp import reader

    reader.model()
    store_all_waiting()
    many = waiting() > MANY
    if many:
        _refresh_statistics()
    done = 0
    suggestions: dict[str, list[int]] = {}  # many answers share their words: suggest once
    while ids := _claim(batch):
        texts = db.session.execute(_text_answers(ids)).all()
        _score(texts)
        _suggest_themes(texts, suggestions)
        rollup.count(ids)
        db.session.commit()
        done += len(ids)
        if echo:
            echo(f"Analysed {done:,} responses…")
    if many:
        _refresh_statistics()
        db.session.commit()
    return done


def rescore_all(batch: int = BATCH) -> int:
    """Score every analysed response's text again, replace its per-aspect sentiments, and
    recount the running totals, all in the caller's transaction: once after the upgrade that
    first stores "mixed" and the aspects (answers analysed before it keep neutral and no
    aspects until then), or after the scorer changes. Themes are left as staff set them.
    Returns how many responses were scored again."""
    from ..nlp import reader

    reader.model()  # a missing model stops here, before any score changes
    done, last = 0, 0
    while ids := list(db.session.scalars(
            select(Response.id).where(Response.analysed.is_(True), Response.id > last)
            .order_by(Response.id).limit(batch))):
        _score(db.session.execute(_text_answers(ids)).all(), again=True)
        done, last = done + len(ids), ids[-1]
    rollup.rebuild()
    return done


def waiting() -> int:
    return db.session.scalar(select(func.count()).select_from(Response)
                             .where(Response.analysed.is_(False))) or 0


def _claim(batch: int) -> list[int]:
    """Mark the next waiting responses analysed and return them; the rest of the batch happens in
    the same transaction, so a failure leaves them waiting. Marking first takes them: on
    PostgreSQL another analyser skips the locked rows, and on SQLite it waits for the write lock
    and then finds them taken. Retagging a response waits for the analyser that holds it too
    (see services)."""
    waiting = (select(Response.id).where(Response.analysed.is_(False)).order_by(Response.id)
               .limit(batch).with_for_update(skip_locked=True))
    return sorted(db.session.scalars(
        update(Response).where(Response.id.in_(waiting.scalar_subquery())).values(analysed=True)
        .returning(Response.id).execution_options(synchronize_session=False)))


def _text_answers(ids: Sequence[int]):
    return (
        select(Answer.id, Answer.response_id, Answer.text, Response.locale)
        .join(Response, Response.id == Answer.response_id)
        .join(Question, Question.id == Answer.question_id)
        .where(Answer.response_id.in_(ids), Answer.text.is_not(None), Question.kind.in_(TEXT_KINDS))
    )


def _score(texts, again: bool = False) -> None:
    """Store each text answer's sentiment and its per-aspect sentiments, in the caller's
    transaction. `again`: the answers were scored before (rescore), so their aspects are
    replaced."""
    ids_by_score = defaultdict(list)
    aspects = []
    readings: dict[tuple[str, str], object] = {}  # the same words in one language: read once
    for answer_id, response_id, words, locale in texts:
        reading = _reading(words, locale, readings)
        if reading is None:
            ids_by_score[(None, NOT_ANALYSED)].append(answer_id)
            continue
        ids_by_score[(reading.polarity, reading.label)].append(answer_id)
        aspects += [{"answer_id": answer_id, "response_id": response_id, "aspect": aspect, "label": label}
                    for aspect, label in reading.aspects.items() if aspect in ASPECTS]
    # One UPDATE per distinct score: far fewer than one per answer when a batch is large.
    for (polarity, label), answer_ids in ids_by_score.items():
        db.session.execute(
            update(Answer).where(Answer.id.in_(answer_ids))
            .values(sentiment_polarity=polarity, sentiment_label=label)
            .execution_options(synchronize_session=False))
    if again:
        db.session.execute(delete(AnswerAspect).where(
            AnswerAspect.answer_id.in_([answer_id for answer_id, *_rest in texts])))
    if aspects:
        db.session.execute(insert(AnswerAspect), aspects)


def _reading(words: str, locale: str | None, memo: dict):
    """The text's reading (label, mixed included, polarity and aspects) by the stored model, or
    None when its language is not scored (its measured accuracy is not yet good enough)."""
    from ..nlp import reader

    language = "en" if in_english(locale) else reader.language_of(locale)
    key = (language, words)
    if key not in memo:
        memo[key] = sentiment.read(words, language) if language in reader.SCORED_LANGUAGES else None
    return memo[key]


def _suggest_themes(texts, memo: dict[str, list[int]]) -> None:
    """Tag responses with the themes their words suggest, as suggestions staff can remove."""
    from ..nlp import reader

    rows = db.session.execute(select(Theme.id, Theme.keywords, Theme.slug)).all()
    keywords = {theme_id: words for theme_id, words, _slug in rows}
    if not keywords:
        return
    id_of_slug = {slug: theme_id for theme_id, _words, slug in rows}

    def suggested(text, locale):
        key = f"{reader.language_of(locale)}\x00{text}"
        if key not in memo:
            found = themes.suggest(text, keywords)
            if not in_english(locale) and reader.language_of(locale) in reader.SCORED_LANGUAGES:
                # The same reading the sentiment came from (cached): the text is not read twice.
                found += [id_of_slug[s] for s in sentiment.read(text, locale).themes if s in id_of_slug]
            memo[key] = found
        return memo[key]

    wanted = {
        (response_id, theme_id)
        for _answer_id, response_id, text, locale in texts
        for theme_id in suggested(text, locale)
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


def _refresh_statistics() -> None:
    """A bulk load leaves the query planner's statistics stale (PostgreSQL would guess 120 rows
    where there are 14,000, and sort them all); refresh them for the tables the summary reads."""
    if on_postgresql():
        db.session.execute(sql(
            "ANALYZE answers, responses, response_themes, insight_counts, insight_month_counts"))
    else:
        db.session.execute(sql("ANALYZE"))
