"""What happened to invitations, per meeting and per month: counts only, small numbers hidden.

The rule (`suppress_group`): a count from 1 to threshold - 1 could point at a family, so it is
hidden; zero is shown (it points at no one). Where the cells of a group add up to a figure shown
elsewhere (a month's meetings add up to the month), hiding one cell alone would let it be worked
out by subtraction, so the next smallest cell is hidden with it.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from flask import current_app
from sqlalchemy import case, func, select

from ..extensions import db
from ..models import Invitation, Meeting

STATUSES = ("scheduled", "sent", "opened", "answered", "expired", "failed")
MEETINGS_SHOWN = 50


def suppress(count: int, threshold: int) -> int | None:
    return None if 0 < count < threshold else count


def suppress_group(counts: list[int], threshold: int) -> list[int | None]:
    """Hide small counts, and one more where a single hidden cell could be subtracted out."""
    shown: list[int | None] = [suppress(c, threshold) for c in counts]
    hidden = [i for i, c in enumerate(shown) if c is None]
    if len(hidden) == 1:
        others = [i for i, c in enumerate(shown) if c]  # non-zero cells still shown
        if others:
            shown[min(others, key=lambda i: counts[i])] = None
    return shown


@dataclass
class Row:
    label: object  # a Meeting, or the first day of a month
    counts: dict[str, int | None] = field(default_factory=dict)


def _count_expressions():
    def when(condition):
        return func.sum(case((condition, 1), else_=0))

    return [
        when(Invitation.status == "scheduled"),
        when(Invitation.sent_at.is_not(None)),
        when(Invitation.opened_at.is_not(None)),
        when(Invitation.status == "answered"),
        when(Invitation.status == "expired"),
        when(Invitation.status == "failed"),
    ]


def invitation_counts() -> tuple[list[Row], list[Row]]:
    """(per month, newest first; per meeting, the newest MEETINGS_SHOWN), suppressed."""
    threshold = current_app.config["FEEDBACK_SUPPRESSION_THRESHOLD"]
    rows = db.session.execute(
        select(Meeting, *_count_expressions())
        .join(Invitation, Invitation.meeting_id == Meeting.id)
        .group_by(Meeting.id)
        .order_by(Meeting.held_on.desc(), Meeting.id.desc())
    ).all()
    by_month: dict[date, list] = defaultdict(list)
    for meeting, *counts in rows:
        by_month[meeting.held_on.replace(day=1)].append((meeting, [int(c or 0) for c in counts]))

    months, meetings = [], []
    for month, members in by_month.items():
        totals = [sum(counts[i] for _m, counts in members) for i in range(len(STATUSES))]
        months.append(Row(month, dict(zip(STATUSES, (suppress(t, threshold) for t in totals)))))
        # Complementary suppression runs down each status within the month.
        columns = [suppress_group([counts[i] for _m, counts in members], threshold)
                   for i in range(len(STATUSES))]
        for index, (meeting, _counts) in enumerate(members):
            meetings.append(Row(meeting, {s: columns[i][index] for i, s in enumerate(STATUSES)}))
    return months, meetings[:MEETINGS_SHOWN]


def failures(limit: int = 50) -> list[Invitation]:
    """Invitations whose delivery failed or is being retried, with the reason, newest first."""
    return list(db.session.scalars(
        select(Invitation).where(Invitation.last_error.is_not(None))
        .order_by(Invitation.id.desc()).limit(limit)
    ))
