"""Several analysers at once (a cron job on each app server, a facilitator opening the page): each
response is analysed and counted once, on PostgreSQL and on SQLite."""
import random

from feedback_app.demo import load_responses
from feedback_app.extensions import db
from feedback_app.insights import rollup, summary
from feedback_app.insights.analysis import analyse_waiting
from feedback_app.insights.summary import Filters
from feedback_app.models import Theme

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
