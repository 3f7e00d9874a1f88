"""Kiosk answers kept on arrival, stored by several analysers at once (a cron job on each app
server, a facilitator opening the insights page): each becomes exactly one response."""
import uuid
from datetime import date

from sqlalchemy import func, select

from feedback_app.extensions import db
from feedback_app.kiosk_api.services import add_device, pair, receive_answer, store_waiting
from feedback_app.models import Answer, KioskReceipt, Meeting, Response, Survey

from .at_once import at_once

COUNT = 600
STORERS = 3


def test_three_storers_at_once_store_each_kiosk_answer_once(app):
    with app.app_context():
        db.session.add(Meeting(kind="cp_conference", held_on=date.today(), venue="Town Hall", room="Room 1"))
        _device, credential = pair(add_device("Room 1", "Town Hall").pairing_token)
        version = db.session.scalar(select(Survey).where(Survey.slug == "kiosk")).current.id
        db.session.commit()
        for n in range(COUNT):
            assert receive_answer(credential, {
                "uuid": str(uuid.uuid4()), "survey_version_id": version,
                "answers": {"overall_smiley": ("happy", "very_happy", "unhappy")[n % 3], "anything_else": f"Answer {n}"}})
        db.session.commit()
    tallies = at_once(app, STORERS, lambda: (store_waiting(batch=50), db.session.commit())[0])
    assert sum(tallies) == COUNT, tallies
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Response)) == COUNT
        texts = db.session.scalars(select(Answer.text).where(Answer.text.is_not(None))).all()
        assert sorted(texts) == sorted(f"Answer {n}" for n in range(COUNT))
        assert db.session.scalar(select(func.count()).select_from(KioskReceipt)
                                 .where(KioskReceipt.answer.is_not(None))) == 0
