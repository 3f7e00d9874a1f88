"""The facilitator's summary over 100,000 responses must take no more than twice as long as over
1,000: every figure is counted in SQL with covering indexes, and the parts read in Python (quotes,
phrases) look at a bounded number of the latest rows.

Baseline, same run and database: the same summary over 1,000 responses. Also printed: how long
the analysis step takes over 99,000 bulk-loaded responses (scoring, themes and totals).
"""
from __future__ import annotations

import logging
import random
import statistics
import time
from datetime import date

from feedback_app.demo import _load_themes, load_responses
from feedback_app.extensions import db
from feedback_app.insights import summary
from feedback_app.insights.analysis import analyse_waiting
from feedback_app.surveys.shipped import ensure_shipped_surveys

from ._db import migrated_app

SMALL, LARGE = 1_000, 100_000
FILTERS = {
    "everything": summary.Filters(),
    "one theme, one year": summary.Filters(theme="relationships", since=date(2025, 12, 1)),
}


def _time_summary(filters: summary.Filters, runs: int = 5) -> float:
    summary.build(filters)  # warm the caches, as a page someone keeps open would
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        summary.build(filters)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _fill(count: int, seed: int) -> float:
    load_responses(count, random.Random(seed))
    start = time.perf_counter()
    analyse_waiting()
    elapsed = time.perf_counter() - start
    db.session.commit()
    return elapsed


def main() -> None:
    logging.getLogger("alembic").setLevel(logging.WARNING)
    print(f"insights summary over {LARGE:,} responses (target: at most 2x the time over {SMALL:,})")
    for backend in ("sqlite", "postgresql"):
        with migrated_app(backend):
            ensure_shipped_surveys()
            _load_themes()
            db.session.commit()
            _fill(SMALL, 1)
            small = {name: _time_summary(f) for name, f in FILTERS.items()}
            scoring = _fill(LARGE - SMALL, 2)
            for name, filters in FILTERS.items():
                large = _time_summary(filters)
                ratio = large / small[name]
                verdict = "ok" if ratio <= 2 else "TOO SLOW"
                print(f"  {backend:10}  {name:20} {LARGE:,}: {large * 1000:7.1f} ms   "
                      f"{SMALL:,}: {small[name] * 1000:6.1f} ms   ratio {ratio:4.1f}x   {verdict}")
            print(f"  {backend:10}  analysis of {LARGE - SMALL:,} bulk-loaded responses: {scoring:5.1f} s")


if __name__ == "__main__":
    main()
