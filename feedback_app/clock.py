"""The one place that reads the time, so tests can set it."""
from __future__ import annotations

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

LOCAL_ZONE = ZoneInfo("Europe/London")


def now() -> datetime:
    return datetime.now(timezone.utc)


def today() -> date:
    """Today's date where the service runs; responses keep only this."""
    return now().astimezone(LOCAL_ZONE).date()
