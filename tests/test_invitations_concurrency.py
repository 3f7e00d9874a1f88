"""Four senders at once over 2,000 due invitations: 2,000 messages, each recipient exactly once."""
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import func, select

from feedback_app import clock
from feedback_app.demo import load_due_invitations
from feedback_app.extensions import db
from feedback_app.invitations.sender import send_due
from feedback_app.models import Invitation

from .at_once import at_once
from .test_invitations_support import outbox_emails

COUNT = 2_000
SENDERS = 4
NOW = datetime(2026, 11, 20, 10, tzinfo=timezone.utc)

pytestmark = pytest.mark.postgres_only


def _due_invitations(count: int) -> None:
    load_due_invitations(count, NOW - timedelta(hours=1))
    db.session.commit()


def test_four_senders_send_each_invitation_exactly_once(app, tmp_path, monkeypatch):
    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            pytest.skip("concurrent senders need PostgreSQL's row locks; on SQLite run one sender")
    monkeypatch.setattr(clock, "now", lambda: NOW)
    saved = dict(app.config)
    app.config.update(FEEDBACK_OUTBOX=str(tmp_path), FEEDBACK_MAIL_BACKEND="file",
                      FEEDBACK_SEND_WINDOW="09:00-19:00", FEEDBACK_REMINDER_DAYS=0)
    try:
        with app.app_context():
            _due_invitations(COUNT)
        tallies = at_once(app, SENDERS, lambda: send_due(batch=25))
        assert sum(t["sent"] for t in tallies) == COUNT
        assert all(t["sent"] > 0 for t in tallies), "every sender should have found work"
        recipients = [message["To"] for message in outbox_emails(tmp_path)]
        assert len(recipients) == COUNT and len(set(recipients)) == COUNT
        with app.app_context():
            left = db.session.scalar(select(func.count()).select_from(Invitation).where(
                (Invitation.status != "sent") | Invitation.contact_ciphertext.is_not(None)))
            assert left == 0
    finally:
        app.config.clear()
        app.config.update(saved)


def test_a_dead_senders_lease_runs_out_and_another_sender_takes_the_work(app_ctx, app, tmp_path, monkeypatch):
    from feedback_app.invitations.services import claim_due

    moment = {"now": NOW}
    monkeypatch.setattr(clock, "now", lambda: moment["now"])
    saved = dict(app.config)
    app.config.update(FEEDBACK_OUTBOX=str(tmp_path), FEEDBACK_MAIL_BACKEND="file",
                      FEEDBACK_SEND_WINDOW="09:00-19:00", FEEDBACK_REMINDER_DAYS=0,
                      FEEDBACK_SEND_LEASE_SECONDS=600)
    try:
        _due_invitations(10)
        assert len(claim_due("dead-sender", 4)) == 4  # leased, then the sender dies
        db.session.commit()
        assert send_due()["sent"] == 6  # the other six go; the leased four wait
        moment["now"] = NOW + timedelta(minutes=11)
        assert send_due()["sent"] == 4
        assert len(list(Path(tmp_path).glob("*.eml"))) == 10
    finally:
        app.config.clear()
        app.config.update(saved)
