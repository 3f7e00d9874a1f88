"""Retention: `flask data purge` keeps nothing past its time, and is safe to run again."""
from datetime import timedelta

from sqlalchemy import func, select

from feedback_app import clock
from feedback_app.extensions import db
from feedback_app.models import Answer, AuditEvent, Invitation, KioskReceipt, Response, Story

from .test_survey_link import GOOD_ANSWERS, _post


def _count(model):
    return db.session.scalar(select(func.count()).select_from(model))


def test_purge_applies_every_retention_rule(app, client, invite, runner, monkeypatch):
    _post(client, invite(), GOOD_ANSWERS)          # answered: contact already gone
    invite()                                       # open: kept
    invite()                                       # will expire
    with app.app_context():
        for status, told in [("rejected", 200), ("withdrawn", 10), ("published", 400)]:
            db.session.add(Story(teller_role="parent", sharing="newsletter", status=status,
                                 anonymised_text="x", original_ciphertext=b"secret",
                                 submitted_on=clock.today() - timedelta(days=told)))
        db.session.add(AuditEvent(action="old", occurred_at=clock.now() - timedelta(days=800)))
        db.session.add(AuditEvent(action="recent"))
        invitation = db.session.scalar(select(Invitation).order_by(Invitation.id.desc()))
        invitation.contact_ciphertext = b"encrypted contact"
        invitation.expires_at = clock.now() - timedelta(days=1)
        db.session.commit()

    result = runner.invoke(args=["data", "purge"])
    assert result.exit_code == 0, result.output
    assert "invitations expired: 1" in result.output and "contacts erased: 1" in result.output
    with app.app_context():
        statuses = sorted(db.session.scalars(select(Invitation.status)))
        assert statuses == ["answered", "expired", "scheduled"]
        assert db.session.scalar(select(func.count()).where(Invitation.contact_ciphertext.is_not(None))) == 0
        stories = {s.status: s for s in db.session.scalars(select(Story))}
        assert set(stories) == {"withdrawn", "published"}   # the old rejected one is gone
        assert all(s.original_ciphertext is None for s in stories.values())
        assert [e.action for e in db.session.scalars(select(AuditEvent))] == ["recent"]
        assert _count(Response) == 1

    # Years later, responses and their answers go, and so do expired invitations.
    later = clock.now() + timedelta(days=3 * 365 + 2)
    monkeypatch.setattr(clock, "now", lambda: later)
    assert runner.invoke(args=["data", "purge"]).exit_code == 0
    with app.app_context():
        assert _count(Response) == 0 and _count(Answer) == 0
        assert _count(Invitation) == 0
    again = runner.invoke(args=["data", "purge"])
    assert all(line.endswith(": 0") for line in again.output.splitlines() if ":" in line)


def test_old_kiosk_receipts_go_but_an_answer_still_waiting_stays(app, runner):
    old = clock.today() - timedelta(days=91)
    with app.app_context():
        db.session.add_all([
            KioskReceipt(uuid="00000000-0000-4000-8000-000000000001", received_on=old),
            KioskReceipt(uuid="00000000-0000-4000-8000-000000000002", received_on=clock.today()),
            KioskReceipt(uuid="00000000-0000-4000-8000-000000000003", received_on=old,
                         locale="en_GB", answer={"version": 1, "answers": {}, "answered_on": old.isoformat()}),
        ])
        db.session.commit()
    result = runner.invoke(args=["data", "purge"])
    assert "kiosk receipts deleted: 1" in result.output
    with app.app_context():
        assert sorted(db.session.scalars(select(KioskReceipt.uuid))) == [
            "00000000-0000-4000-8000-000000000002", "00000000-0000-4000-8000-000000000003"]


def test_a_dry_run_changes_nothing(app, client, invite, runner):
    invite()
    with app.app_context():
        invitation = db.session.scalar(select(Invitation))
        invitation.expires_at = clock.now() - timedelta(days=1)
        db.session.commit()
    result = runner.invoke(args=["data", "purge", "--dry-run"])
    assert "Dry run" in result.output and "invitations expired: 1" in result.output
    with app.app_context():
        assert db.session.scalar(select(Invitation.status)) == "scheduled"


def test_the_privacy_page_says_what_is_kept_and_for_how_long(client, app):
    html = client.get("/privacy").get_data(as_text=True)
    assert "We keep answers for 3 years" in html  # FEEDBACK_RETAIN_RESPONSE_DAYS, said as people say it
    assert "always within 2 months" in html
    assert 'href="/privacy"' in client.get("/").get_data(as_text=True)
