"""When invitations go: delay, send window, one reminder, expiry and retries, on a set clock."""
from datetime import date, datetime, timezone

import pytest

from feedback_app.invitations.schedule import Window, WindowError
from feedback_app.invitations.sender import send_due

from .test_invitations_support import Clock, body, outbox_emails, reload, scheduled

UTC = timezone.utc


@pytest.fixture
def outbox(app, tmp_path):
    saved = dict(app.config)
    app.config.update(FEEDBACK_OUTBOX=str(tmp_path), FEEDBACK_MAIL_BACKEND="file",
                      FEEDBACK_SEND_WINDOW="09:00-19:00", FEEDBACK_REMINDER_DAYS=7,
                      FEEDBACK_INVITATION_EXPIRY_DAYS=28, FEEDBACK_SEND_ATTEMPTS=3,
                      FEEDBACK_RETRY_MINUTES=10)
    yield tmp_path
    app.config.clear()
    app.config.update(saved)


def test_due_at_the_meeting_day_plus_the_delay_at_the_window_opening(app_ctx, outbox, monkeypatch):
    Clock(monkeypatch, datetime(2026, 3, 2, 12, tzinfo=UTC))
    winter = reload(scheduled(date(2026, 3, 2), delay_days=3))
    summer = reload(scheduled(date(2026, 7, 1), delay_days=2))
    # 09:00 in London: GMT in March, BST (UTC+1) in July.
    assert winter.next_send_at == datetime(2026, 3, 5, 9, tzinfo=UTC)
    assert summer.next_send_at == datetime(2026, 7, 3, 8, tzinfo=UTC)


def test_without_an_override_the_survey_default_delay_applies(app_ctx, outbox, monkeypatch):
    Clock(monkeypatch, datetime(2026, 3, 2, 12, tzinfo=UTC))
    invitation = reload(scheduled(date(2026, 3, 2)))  # the debrief survey waits 3 days
    assert invitation.next_send_at == datetime(2026, 3, 5, 9, tzinfo=UTC)


def test_nothing_goes_before_it_is_due(app_ctx, outbox, monkeypatch):
    clock = Clock(monkeypatch, datetime(2026, 3, 2, 12, tzinfo=UTC))
    invitation_id = scheduled(date(2026, 3, 2), delay_days=3)
    clock.at(2026, 3, 4, 12)
    assert send_due()["sent"] == 0
    clock.at(2026, 3, 5, 9, 0)
    assert send_due()["sent"] == 1
    assert reload(invitation_id).status == "sent" and len(outbox_emails(outbox)) == 1


@pytest.mark.parametrize("hour, minute, sent", [(8, 59, 0), (9, 0, 1), (18, 59, 1), (19, 0, 0), (23, 30, 0)])
def test_messages_go_only_inside_the_send_window(app_ctx, outbox, monkeypatch, hour, minute, sent):
    clock = Clock(monkeypatch, datetime(2026, 3, 2, 12, tzinfo=UTC))
    scheduled(date(2026, 3, 2), delay_days=1)
    clock.at(2026, 3, 5, hour, minute)  # London is on GMT in early March
    assert send_due()["sent"] == sent


def test_a_window_of_the_whole_day_sends_at_night(app, app_ctx, outbox, monkeypatch):
    app.config["FEEDBACK_SEND_WINDOW"] = "00:00-24:00"
    clock = Clock(monkeypatch, datetime(2026, 3, 2, 12, tzinfo=UTC))
    invitation = reload(scheduled(date(2026, 3, 2), delay_days=1))
    assert invitation.next_send_at == datetime(2026, 3, 3, 0, tzinfo=UTC)
    clock.at(2026, 3, 3, 3, 0)
    assert send_due()["sent"] == 1


def test_the_window_follows_summer_time():
    window = Window.parse("09:00-19:00")
    assert not window.contains(datetime(2026, 7, 1, 7, 59, tzinfo=UTC))  # 08:59 BST
    assert window.contains(datetime(2026, 7, 1, 8, 0, tzinfo=UTC))
    assert window.next_opening(datetime(2026, 7, 1, 18, 30, tzinfo=UTC)) == datetime(2026, 7, 2, 8, tzinfo=UTC)
    for bad in ("9-19", "19:00-09:00", "nonsense"):
        with pytest.raises(WindowError):
            Window.parse(bad)


def test_one_reminder_after_the_set_days_then_the_contact_is_erased(app_ctx, outbox, monkeypatch):
    clock = Clock(monkeypatch, datetime(2026, 3, 2, 12, tzinfo=UTC))
    invitation_id = scheduled(date(2026, 3, 2), delay_days=0)
    clock.at(2026, 3, 3, 10)
    assert send_due()["sent"] == 1
    invitation = reload(invitation_id)
    assert invitation.contact_ciphertext is not None  # a reminder is still to go
    assert invitation.next_send_at == datetime(2026, 3, 10, 10, tzinfo=UTC)
    clock.at(2026, 3, 9, 18)
    assert send_due()["sent"] == 0
    clock.at(2026, 3, 10, 10)
    assert send_due()["sent"] == 1
    clock.at(2026, 3, 20, 10)
    assert send_due()["sent"] == 0  # only one reminder
    invitation = reload(invitation_id)
    assert invitation.reminded_at == datetime(2026, 3, 10, 10, tzinfo=UTC)
    assert invitation.contact_ciphertext is None and invitation.next_send_at is None
    subjects = {m["Subject"]: m for m in outbox_emails(outbox)}
    assert set(subjects) == {"How was your meeting?", "A reminder: how was your meeting?"}
    first, reminder = subjects["How was your meeting?"], subjects["A reminder: how was your meeting?"]
    assert body(first).split("/s/")[1].split()[0] == body(reminder).split("/s/")[1].split()[0]


def test_no_reminder_when_reminders_are_off(app, app_ctx, outbox, monkeypatch):
    app.config["FEEDBACK_REMINDER_DAYS"] = 0
    clock = Clock(monkeypatch, datetime(2026, 3, 2, 12, tzinfo=UTC))
    invitation_id = scheduled(date(2026, 3, 2), delay_days=0)
    clock.at(2026, 3, 3, 10)
    send_due()
    invitation = reload(invitation_id)
    assert invitation.next_send_at is None and invitation.contact_ciphertext is None


def test_no_reminder_for_an_answered_invitation(client, app, outbox, monkeypatch):
    clock = Clock(monkeypatch, datetime(2026, 3, 2, 12, tzinfo=UTC))
    with app.app_context():
        invitation_id = scheduled(date(2026, 3, 2), delay_days=0)
        clock.at(2026, 3, 3, 10)
        send_due()
    link = body(outbox_emails(outbox)[0]).split("http://127.0.0.1:5000")[1].split()[0]
    from .test_survey_link import GOOD_ANSWERS, _post

    assert _post(client, link.removeprefix("/s/"), GOOD_ANSWERS).status_code == 302
    with app.app_context():
        clock.at(2026, 3, 10, 10)
        assert send_due()["sent"] == 0
        invitation = reload(invitation_id)
        assert invitation.status == "answered" and invitation.contact_ciphertext is None


def test_expiry_closes_the_invitation_and_erases_the_contact(app_ctx, outbox, monkeypatch):
    clock = Clock(monkeypatch, datetime(2026, 3, 2, 12, tzinfo=UTC))
    invitation_id = scheduled(date(2026, 3, 2), delay_days=1)
    invitation = reload(invitation_id)
    # Due + 28 days, at midnight in London, which is on summer time (UTC+1) from 29 March.
    assert invitation.expires_at == datetime(2026, 3, 30, 23, tzinfo=UTC)
    # Sending never ran while it was open (say the senders were down): it expires unsent.
    clock.at(2026, 3, 30, 22, 59)
    assert send_due()["expired"] == 0 and reload(invitation_id).status == "scheduled"
    clock.at(2026, 3, 30, 23, 0)
    tally = send_due()
    assert (tally["expired"], tally["sent"]) == (1, 0)  # 23:00 UTC is outside the window anyway
    invitation = reload(invitation_id)
    assert invitation.status == "expired" and invitation.contact_ciphertext is None
    assert outbox_emails(outbox) == []


def test_failed_deliveries_back_off_then_fail_with_a_reason_but_no_contact(app, app_ctx, outbox, monkeypatch):
    app.config.update(FEEDBACK_MAIL_BACKEND="smtp", FEEDBACK_SMTP_HOST="127.0.0.1",
                      FEEDBACK_SMTP_PORT=1, FEEDBACK_SMTP_TIMEOUT=2)
    clock = Clock(monkeypatch, datetime(2026, 3, 2, 12, tzinfo=UTC))
    invitation_id = scheduled(date(2026, 3, 2), delay_days=0, contact="unreachable@example.org")
    clock.at(2026, 3, 3, 10, 0)
    assert send_due()["retry"] == 1
    invitation = reload(invitation_id)
    assert invitation.attempts == 1 and invitation.next_send_at == datetime(2026, 3, 3, 10, 10, tzinfo=UTC)
    clock.at(2026, 3, 3, 10, 5)
    assert send_due()["retry"] == 0  # not before the back-off
    clock.at(2026, 3, 3, 10, 10)
    assert send_due()["retry"] == 1
    assert reload(invitation_id).next_send_at == datetime(2026, 3, 3, 10, 30, tzinfo=UTC)  # doubled
    clock.at(2026, 3, 3, 10, 30)
    assert send_due()["failed"] == 1
    invitation = reload(invitation_id)
    assert invitation.status == "failed" and invitation.contact_ciphertext is None
    assert "smtp" in invitation.last_error and "unreachable@example.org" not in invitation.last_error
