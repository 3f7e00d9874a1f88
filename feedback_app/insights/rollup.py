"""Running totals behind the summary (models.InsightCount), so it costs the same for 100,000
responses as for 1,000.

Each response adds its counts to the row of its day, channel and kind of meeting, once for
theme 0 (every response) and once for each of its themes. Retagging moves its counts between
themes. `rebuild()` recounts everything from the responses in one pass of SQL: bulk loads call
it, and so does any transaction that deletes responses (the retention job, say): see
`recount_after_deletions`. `flask insights rebuild` recounts by hand.
"""
from __future__ import annotations

from sqlalchemy import Integer, case, cast, delete, event, extract, func, insert, literal, select

from ..extensions import db
from ..models import Answer, InsightCount, Question, Response, response_themes
from ..surveys.options import NEGATIVE, POSITIVE

ALL = 0  # the theme_id of the rows that count every response
HEADLINE_KEYS = ("overall", "overall_smiley")
COUNTS = (
    "responses", "ratings_answered", "ratings_positive", "ratings_negative", "comments_positive",
    "comments_neutral", "comments_negative", "comments_not_analysed",
)
KEY = ("theme_id", "day", "channel", "meeting_kind")


def contribution(response: Response) -> dict[str, int]:
    """What one response adds to the totals."""
    counts = dict.fromkeys(COUNTS, 0)
    counts["responses"] = 1
    for answer in response.answers:
        if answer.question.key in HEADLINE_KEYS and answer.choice:
            counts["ratings_answered"] += 1
            counts["ratings_positive"] += answer.choice in POSITIVE
            counts["ratings_negative"] += answer.choice in NEGATIVE
        if answer.sentiment_label:
            counts[f"comments_{answer.sentiment_label}"] += 1
    return counts


def add(response: Response, theme_ids, sign: int = 1, only_themes: bool = False) -> None:
    """Add (sign=1) or take away (sign=-1) a response's counts, for every response (unless
    only_themes) and for each of `theme_ids`."""
    counts = {k: sign * v for k, v in contribution(response).items()}
    targets = ([] if only_themes else [ALL]) + sorted(set(theme_ids))
    for theme_id in targets:
        day = response.submitted_on
        _increment({"day": day, "channel": response.channel, "meeting_kind": response.meeting_kind,
                    "theme_id": theme_id}, {"month": day.year * 100 + day.month}, counts)


def month_of(day_column):
    """YYYYMM of a date column, in SQL."""
    return cast(extract("year", day_column) * 100 + extract("month", day_column), Integer)


def _increment(key: dict, month: dict, counts: dict[str, int]) -> None:
    """One atomic upsert, so two responses arriving together never lose a count."""
    dialect = db.session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as upsert
    else:
        from sqlalchemy.dialects.sqlite import insert as upsert
    table = InsightCount.__table__
    statement = upsert(table).values(**key, **month, **counts)
    statement = statement.on_conflict_do_update(
        index_elements=list(KEY), set_={k: table.c[k] + statement.excluded[k] for k in COUNTS})
    db.session.execute(statement)


def rebuild() -> None:
    """Recount every total from the responses, answers and themes."""
    headline = select(Question.id).where(Question.key.in_(HEADLINE_KEYS)).scalar_subquery()
    is_headline = Answer.question_id.in_(headline) & Answer.choice.is_not(None)

    def tally(condition):
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    per_response = (
        select(
            Response.id.label("response_id"), Response.submitted_on.label("day"),
            Response.channel.label("channel"), Response.meeting_kind.label("meeting_kind"),
            tally(is_headline).label("ratings_answered"),
            tally(is_headline & Answer.choice.in_(POSITIVE)).label("ratings_positive"),
            tally(is_headline & Answer.choice.in_(NEGATIVE)).label("ratings_negative"),
            *(tally(Answer.sentiment_label == label).label(f"comments_{label}")
              for label in ("positive", "neutral", "negative", "not_analysed")),
        )
        .outerjoin(Answer, Answer.response_id == Response.id)
        .group_by(Response.id, Response.submitted_on, Response.channel, Response.meeting_kind)
        .subquery()
    )
    sums = [func.count().label("responses"),
            *(func.sum(per_response.c[k]).label(k) for k in COUNTS[1:])]
    group = [per_response.c.day, per_response.c.channel, per_response.c.meeting_kind]
    month = month_of(per_response.c.day).label("month")
    every = select(literal(ALL, Integer).label("theme_id"), *group, month, *sums).group_by(*group)
    themed = (
        select(response_themes.c.theme_id, *group, month, *sums)
        .join(response_themes, response_themes.c.response_id == per_response.c.response_id)
        .group_by(*group, response_themes.c.theme_id)
    )
    db.session.execute(delete(InsightCount))
    columns = [*KEY, "month", *COUNTS]
    db.session.execute(insert(InsightCount).from_select(columns, every))
    db.session.execute(insert(InsightCount).from_select(columns, themed))
    db.session.flush()


def in_step() -> bool:
    """Whether the totals still count every response (a deletion elsewhere would break that)."""
    counted = db.session.scalar(
        select(func.coalesce(func.sum(InsightCount.responses), 0)).where(InsightCount.theme_id == ALL))
    return counted == db.session.scalar(select(func.count()).select_from(Response))


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
