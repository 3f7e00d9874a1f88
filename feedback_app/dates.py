"""One way to write dates, times and lengths of time on every page: "3 Dec 2026", "3 Dec 2026,
14:05", "3 years", in the page's language (Babel), never ISO dates beside written ones."""
from __future__ import annotations

from datetime import date, datetime

from babel.units import format_unit
from flask_babel import format_date, format_time, get_locale


def day(value: date | datetime | None) -> str:
    return format_date(value) if value else ""


def moment(value: datetime | None) -> str:
    """A date and a time of day (in the app's time zone)."""
    if not value:
        return ""
    return f"{format_date(value)}, {format_time(value, 'short')}"


def duration(days: int) -> str:
    """A length of time as people say it: 1095 days → "3 years", 90 → "3 months", 14 → "2 weeks";
    a number of days that is none of those stays in days, so nothing is rounded."""
    for unit, size in (("year", 365), ("month", 30), ("week", 7)):
        if days >= size and days % size == 0:
            return format_unit(days // size, f"duration-{unit}", length="long", locale=get_locale())
    return format_unit(days, "duration-day", length="long", locale=get_locale())
