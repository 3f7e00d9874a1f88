"""Helpers in extensions that the busiest routes rely on."""
from datetime import date

from sqlalchemy import func, insert, select

from feedback_app.extensions import db, execute_alone
from feedback_app.models import Meeting


def test_a_statement_run_alone_is_kept_whatever_the_session_does_next(app_ctx):
    assert db.session.scalar(select(func.count()).select_from(Meeting)) == 0
    assert db.session().in_transaction()  # the session has a transaction of its own under way

    rows = execute_alone(insert(Meeting.__table__).returning(Meeting.__table__.c.id), {
        "kind": "cp_conference", "held_on": date(2026, 11, 2), "venue": "Town Hall", "room": "Room 1"})
    db.session.rollback()

    assert [meeting_id for (meeting_id,) in rows] == list(db.session.scalars(select(Meeting.id)))
    assert len(rows) == 1
