"""When messages go: the send window, the first message, the reminder and retries.

Times are kept in UTC and reasoned about in Europe/London (clock.LOCAL_ZONE), so "09:00" means
nine in the morning for the family whatever the season.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta, timezone

from flask import current_app

from .. import clock


class WindowError(ValueError):
    """FEEDBACK_SEND_WINDOW is not of the form HH:MM-HH:MM."""


@dataclass(frozen=True)
class Window:
    """Local hours in which messages may go out: start inclusive, end exclusive."""

    start: time
    end: time | None  # None: until midnight ("24:00")

    @classmethod
    def parse(cls, text: str) -> Window:
        try:
            first, last = (part.strip() for part in text.split("-"))
            start = time.fromisoformat(first)
            end = None if last == "24:00" else time.fromisoformat(last)
        except ValueError as exc:
            raise WindowError(f"FEEDBACK_SEND_WINDOW must look like 09:00-19:00, not {text!r}") from exc
        if end is not None and end <= start:
            raise WindowError("FEEDBACK_SEND_WINDOW must end after it starts, on the same day")
        return cls(start, end)

    def contains(self, moment: datetime) -> bool:
        local = moment.astimezone(clock.LOCAL_ZONE).time()
        return local >= self.start and (self.end is None or local < self.end)

    def next_opening(self, moment: datetime) -> datetime:
        """`moment` if it is inside the window, else the next time the window opens (UTC)."""
        if self.contains(moment):
            return moment
        local = moment.astimezone(clock.LOCAL_ZONE)
        day = local.date()
        if local.time() >= self.start:  # after today's window: tomorrow morning
            day += timedelta(days=1)
        return datetime.combine(day, self.start, tzinfo=clock.LOCAL_ZONE).astimezone(timezone.utc)


def window() -> Window:
    return Window.parse(current_app.config["FEEDBACK_SEND_WINDOW"])


def first_send(due_at: datetime) -> datetime:
    return window().next_opening(due_at)


def reminder_at(sent_at: datetime, expires_at: datetime) -> datetime | None:
    """When to remind a family who has not answered, or None (no reminders, or too late)."""
    days = current_app.config["FEEDBACK_REMINDER_DAYS"]
    if days <= 0:
        return None
    moment = window().next_opening(sent_at + timedelta(days=days))
    return moment if moment < expires_at else None


def retry_at(now: datetime, attempts: int) -> datetime:
    """Back-off after a failed delivery: the retry interval, doubled for each attempt so far."""
    minutes = current_app.config["FEEDBACK_RETRY_MINUTES"] * 2 ** max(attempts - 1, 0)
    return window().next_opening(now + timedelta(minutes=minutes))
