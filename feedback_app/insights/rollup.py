"""Running totals behind the summary, so it costs about the same for 100,000 responses as for
1,000.

Each analysed response adds its counts to the rows of its day (models.InsightCount) and of its
month (models.InsightMonthCount), for its channel and kind of meeting: once for theme 0 (every
response) and once for each of its themes. The summary adds up whole months from the monthly rows
and reads the daily rows only for the part-months at the ends of a period.

`count()` adds a batch of responses in a few statements of SQL; retagging moves a response's counts
between themes. `rebuild()` recounts everything from the responses: any transaction that deletes
responses calls it (the retention job, say; see `recount_after_deletions`), and so does
`flask insights rebuild`.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from sqlalchemy import Integer, case, cast, delete, event, extract, func, literal, select, text, union_all

from ..extensions import db, on_postgresql, upsert
from ..models import Answer, InsightCount, InsightMonthCount, Question, Response, response_themes
from ..surveys.options import NEGATIVE, POSITIVE

ALL = 0  # the theme_id of the rows that count every response
HEADLINE_KEYS = ("overall", "overall_smiley")
# Each comment counts under its stored sentiment label (models.responses.SENTIMENT_LABELS).
COMMENT_LABELS = ("positive", "mixed", "neutral", "negative", "not_analysed")
COUNTS = (
    "responses", "ratings_answered", "ratings_positive", "ratings_negative",
    *(f"comments_{label}" for label in COMMENT_LABELS),
)


def month_of(day_column):
    """YYYYMM of a date column, in SQL."""
    return cast(extract("year", day_column) * 100 + extract("month", day_column), Integer)


def yyyymm(day: date) -> int:
    """YYYYMM of a date, as month_of gives it in SQL."""
    return day.year * 100 + day.month


def count(response_ids: Sequence[int] | None = None, sign: int = 1, every: bool = True,
          themed: bool = True) -> None:
    """Add (sign=1) or take away (sign=-1) the counts of these responses (None: every analysed
    one): to theme 0's rows (`every`) and to the rows of each theme they are tagged with
    (`themed`), by day and by month."""
    per_response = _per_response(response_ids)
    group = [per_response.c.day, per_response.c.channel, per_response.c.meeting_kind]
    sums = [func.sum(per_response.c[k]) for k in COUNTS]
    parts = []
    if every:
        parts.append(select(literal(ALL, Integer), *group, *sums).group_by(*group))
    if themed:
        parts.append(
            select(response_themes.c.theme_id, *group, *sums)
            .join(response_themes, response_themes.c.response_id == per_response.c.response_id)
            .group_by(response_themes.c.theme_id, *group))
    # One query finds the day rows; the month rows are added up from them here.
    days, months = {}, defaultdict(lambda: [0] * len(COUNTS))
    for theme_id, day, channel, kind, *counts in db.session.execute(union_all(*parts)):
        counts = [sign * n for n in counts]
        days[(theme_id, day, channel, kind)] = counts
        month = months[(theme_id, yyyymm(day), channel, kind)]
        month[:] = [a + b for a, b in zip(month, counts)]
    _add_to(InsightCount, [
        {"theme_id": t, "day": d, "channel": c, "meeting_kind": k, "month": yyyymm(d),
         **dict(zip(COUNTS, counts))} for (t, d, c, k), counts in days.items()])
    _add_to(InsightMonthCount, [
        {"theme_id": t, "month": m, "channel": c, "meeting_kind": k, **dict(zip(COUNTS, counts))}
        for (t, m, c, k), counts in months.items()])


def _per_response(response_ids: Sequence[int] | None):
    """What each response adds to the totals, one row per response."""
    headline = select(Question.id).where(Question.key.in_(HEADLINE_KEYS)).scalar_subquery()
    is_headline = Answer.question_id.in_(headline) & Answer.choice.is_not(None)

    def tally(condition):
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    query = (
        select(
            Response.id.label("response_id"), Response.submitted_on.label("day"),
            Response.channel.label("channel"), Response.meeting_kind.label("meeting_kind"),
            literal(1, Integer).label("responses"),
            tally(is_headline).label("ratings_answered"),
            tally(is_headline & Answer.choice.in_(POSITIVE)).label("ratings_positive"),
            tally(is_headline & Answer.choice.in_(NEGATIVE)).label("ratings_negative"),
            *(tally(Answer.sentiment_label == label).label(f"comments_{label}")
              for label in COMMENT_LABELS),
        )
        .outerjoin(Answer, Answer.response_id == Response.id)
        .where(Response.analysed.is_(True) if response_ids is None else Response.id.in_(response_ids))
        .group_by(Response.id, Response.submitted_on, Response.channel, Response.meeting_kind)
    )
    return query.cte("per_response")


def _add_to(table, rows: list[dict]) -> None:
    """Add to the rows already there, or insert them: each row one atomic upsert, so two batches
    counted at once never lose a count."""
    if not rows:
        return
    statement = upsert(table)
    key = [c.name for c in table.__table__.primary_key.columns]
    statement = statement.on_conflict_do_update(
        index_elements=key, set_={k: table.__table__.c[k] + statement.excluded[k] for k in COUNTS})
    # In key order: two batches counted at once then take the rows' locks in the same order,
    # so neither can end up waiting for the other.
    db.session.execute(statement, sorted(rows, key=lambda row: [str(row[k]) for k in key]))


def rebuild() -> None:
    """Recount every total from the analysed responses, their answers and themes."""
    _hold_the_totals()
    db.session.execute(delete(InsightCount))
    db.session.execute(delete(InsightMonthCount))
    count()
    db.session.flush()


def _hold_the_totals() -> None:
    """Keep analysers from adding to the totals until this transaction ends. Otherwise one that
    adds a row the DELETE never saw, and commits before the recount reads the responses, would
    be counted twice: once in its row, and again by the recount adding to that row. They wait
    instead, and add theirs after. SQLite lets one writer at a time already."""
    if on_postgresql():
        db.session.execute(text(
            f"LOCK TABLE {InsightCount.__tablename__}, {InsightMonthCount.__tablename__} IN EXCLUSIVE MODE"))


def in_step() -> bool:
    """Whether the totals count every analysed response, by day and by month (a deletion
    elsewhere would break that)."""
    analysed = db.session.scalar(
        select(func.count()).select_from(Response).where(Response.analysed.is_(True)))
    return all(
        db.session.scalar(select(func.coalesce(func.sum(table.responses), 0))
                          .where(table.theme_id == ALL)) == analysed
        for table in (InsightCount, InsightMonthCount))


_listening = False


def recount_after_deletions(session_class) -> None:
    """Recount the totals before committing any transaction that deleted responses, however they
    were deleted (one by one, or by a DELETE statement), so the summary never counts the gone."""
    global _listening
    if _listening:  # every app shares the one session, and create_app may run many times
        return
    _listening = True

    @event.listens_for(session_class, "do_orm_execute")
    def _deleting(state):
        if state.is_delete and any(m.class_ is Response for m in state.all_mappers):
            state.session.info["insights_recount"] = True

    @event.listens_for(session_class, "after_flush")
    def _deleted(session, _context):
        if any(isinstance(obj, Response) for obj in session.deleted):
            session.info["insights_recount"] = True

    @event.listens_for(session_class, "before_commit")
    def _recount(session):
        if session.info.pop("insights_recount", False):
            rebuild()

    @event.listens_for(session_class, "after_rollback")
    def _forget(session):
        session.info.pop("insights_recount", None)
