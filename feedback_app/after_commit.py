"""Run work only once the transaction that asked for it has committed (e.g. an email about a
row that a rollback would remove). Callbacks of a rolled-back transaction are dropped."""
from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import event
from sqlalchemy.orm import Session

_KEY = "after_commit"


def after_commit(session, callback: Callable[[], None]) -> None:
    session.info.setdefault(_KEY, []).append(callback)


def _run(session):
    for callback in session.info.pop(_KEY, []):
        callback()


def _drop(session):
    session.info.pop(_KEY, None)


def register() -> None:
    if not event.contains(Session, "after_commit", _run):
        event.listen(Session, "after_commit", _run)
        event.listen(Session, "after_rollback", _drop)
