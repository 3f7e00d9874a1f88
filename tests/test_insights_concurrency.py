"""Several analysers at once (a cron job on each app server, a facilitator opening the page): each
response is analysed and counted once, on PostgreSQL and on SQLite."""
import random
import threading
from datetime import date

from sqlalchemy import select

from feedback_app.demo import load_responses
from feedback_app.extensions import db
from feedback_app.insights import rollup, summary
from feedback_app.insights.analysis import analyse_waiting
from feedback_app.insights.summary import Filters
from feedback_app.models import Survey, Theme
from feedback_app.surveys.services import record_response

from .at_once import at_once
from .test_insights import _all_figures

COUNT = 3_000
ANALYSERS = 3


def test_three_analysers_at_once_analyse_and_count_each_response_once(app):
    with app.app_context():
        db.session.add(Theme(slug="engaging-fathers", name="Engaging Fathers", keywords=["dad", "father"]))
        db.session.add(Theme(slug="jargon", name="Jargon and language", keywords=["jargon", "words"]))
        db.session.commit()
        load_responses(COUNT, random.Random(9))
        db.session.commit()
    tallies = at_once(app, ANALYSERS, lambda: analyse_waiting(batch=100))
    assert sum(tallies) == COUNT, tallies
    with app.app_context():
        if db.engine.dialect.name == "postgresql":  # SQLite lets one writer at a time
            assert all(t > 0 for t in tallies), tallies
        assert rollup.in_step()
        for filters in (Filters(), Filters(theme="engaging-fathers"), Filters(theme="jargon", channel="kiosk")):
            assert _all_figures(summary._from_totals(filters)) == _all_figures(summary._from_responses(filters))


def test_an_analyser_during_a_recount_is_counted_once(app, monkeypatch):
    """A recount (the retention purge's, or `flask insights rebuild`) empties the totals and adds
    them up again; an analyser that counts a response in between, on a day the totals had no row
    for yet, must be neither lost nor counted twice."""
    with app.app_context():
        load_responses(200, random.Random(4))
        db.session.commit()
        analyse_waiting()
        version = db.session.scalars(select(Survey).where(Survey.slug == "debrief")).one().current
        record_response(version, {"overall": "good"}, channel="link", locale="en_GB",
                        meeting_kind="cp_conference", submitted_on=date(2001, 1, 1))  # a day of its own
        db.session.commit()

    emptied, go_on = threading.Event(), threading.Event()
    recounter = []
    real_count = rollup.count

    def count_after_a_pause(*args, **kwargs):
        if threading.current_thread() in recounter:  # the recount: pause after emptying the totals
            emptied.set()
            go_on.wait(10)
        return real_count(*args, **kwargs)

    monkeypatch.setattr(rollup, "count", count_after_a_pause)

    analysed, errors = [], []

    def in_app(work):
        def run():
            try:
                with app.app_context():
                    work()
                    db.session.remove()
            except Exception as exc:  # fails the test below rather than vanish with the thread
                errors.append(exc)
        return threading.Thread(target=run)

    def recount():
        rollup.rebuild()
        db.session.commit()

    recounter.append(in_app(recount))
    analyser = in_app(lambda: analysed.append(analyse_waiting()))
    recounter[0].start()
    assert emptied.wait(10)
    analyser.start()
    analyser.join(1)  # done by now, unless it waits for the recount
    go_on.set()
    recounter[0].join(30)
    analyser.join(30)
    assert errors == [] and analysed == [1]
    with app.app_context():
        assert rollup.in_step()
        assert _all_figures(summary._from_totals(Filters())) == _all_figures(summary._from_responses(Filters()))
