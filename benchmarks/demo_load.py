"""`flask demo load --responses 100000` must take well under a minute.

Baseline, same run and database: a bare Core INSERT of the same number of response rows (no
answers, no generation). The figure: demo load time, and its ratio to the baseline.
"""
from __future__ import annotations

import logging
import random
import time
from datetime import date

from sqlalchemy import delete, insert, select

from feedback_app.demo import load_responses
from feedback_app.extensions import db
from feedback_app.models import Answer, Response, SurveyVersion
from feedback_app.surveys.shipped import ensure_shipped_surveys

from ._db import migrated_app

COUNT = 100_000


def _baseline(count: int) -> float:
    version_id = db.session.scalar(select(SurveyVersion.id))
    rows = [{"survey_version_id": version_id, "channel": "link", "locale": "en_GB",
             "meeting_kind": "fgc", "submitted_on": date(2026, 1, 1)} for _ in range(count)]
    start = time.perf_counter()
    db.session.execute(insert(Response), rows)
    db.session.commit()
    elapsed = time.perf_counter() - start
    db.session.execute(delete(Response))
    db.session.commit()
    return elapsed


def _demo(count: int) -> float:
    start = time.perf_counter()
    load_responses(count, random.Random(1))
    db.session.commit()
    elapsed = time.perf_counter() - start
    db.session.execute(delete(Answer))
    db.session.execute(delete(Response))
    db.session.commit()
    return elapsed


def main() -> None:
    logging.getLogger("alembic").setLevel(logging.WARNING)
    print(f"demo load of {COUNT:,} responses (target: well under 60 s)")
    for backend in ("sqlite", "postgresql"):
        with migrated_app(backend):
            ensure_shipped_surveys()
            db.session.commit()
            baseline = _baseline(COUNT)
            demo = _demo(COUNT)
            verdict = "ok" if demo < 30 else "TOO SLOW"
            print(f"  {backend:10}  demo load {demo:6.1f} s   bare insert {baseline:5.1f} s   "
                  f"ratio {demo / baseline:4.1f}x   {verdict}")


if __name__ == "__main__":
    main()
