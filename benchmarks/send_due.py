"""`invitations send-due` throughput with the file backend.

Baseline, same run and database: writing the same number of emails straight through the file
backend (no database, no leases, no encryption). The figure: invitations sent per second by one
sender, and by four senders at once on PostgreSQL, beside the baseline's messages per second.
"""
from __future__ import annotations

import logging
import tempfile
import threading
import time
from datetime import datetime, timezone

from sqlalchemy import delete

from feedback_app import clock
from feedback_app.demo import load_due_invitations
from feedback_app.extensions import db
from feedback_app.invitations.sender import send_due
from feedback_app.mail import Message, send
from feedback_app.models import Invitation, Meeting
from feedback_app.surveys.shipped import ensure_shipped_surveys

from ._db import migrated_app

COUNT = 2_000
NOW = datetime(2026, 11, 20, 10, tzinfo=timezone.utc)  # inside the send window


def _due(count: int) -> None:
    load_due_invitations(count, NOW)
    db.session.commit()


def _baseline(app, count: int) -> float:
    start = time.perf_counter()
    with app.test_request_context():
        for number in range(count):
            send(Message(to=f"family{number}@example.org", subject="How was your meeting?",
                         text="Plain words and a link: http://127.0.0.1:5000/s/x\n"))
    return time.perf_counter() - start


def _senders(app, count: int) -> float:
    def one():
        with app.app_context():
            send_due()
            db.session.remove()

    threads = [threading.Thread(target=one) for _ in range(count)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - start


def main() -> None:
    logging.getLogger("alembic").setLevel(logging.WARNING)
    clock.now = lambda: NOW
    print(f"send-due of {COUNT:,} due email invitations, file backend")
    for backend in ("sqlite", "postgresql"):
        with migrated_app(backend) as app, tempfile.TemporaryDirectory() as outbox:
            app.config.update(FEEDBACK_OUTBOX=outbox, FEEDBACK_MAIL_BACKEND="file",
                              FEEDBACK_REMINDER_DAYS=0)
            ensure_shipped_surveys()
            db.session.commit()
            baseline = _baseline(app, COUNT)
            figures = []
            for senders in ((1, 4) if backend == "postgresql" else (1,)):
                _due(COUNT)
                elapsed = _senders(app, senders)
                figures.append(f"{senders} sender{'s' if senders > 1 else ''} {COUNT / elapsed:6.0f}/s")
                db.session.execute(delete(Invitation))
                db.session.execute(delete(Meeting))
                db.session.commit()
            print(f"  {backend:10}  {'   '.join(figures)}   bare file backend {COUNT / baseline:6.0f}/s")


if __name__ == "__main__":
    main()
