"""How invitations reach families: email (file, SMTP, GOV.UK Notify), SMS, and their words."""
import json
import threading
import uuid
from datetime import date, datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jwt
import pytest
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.invitations import sms
from feedback_app.invitations.sender import send_due
from feedback_app.models import AuditEvent, Invitation

from .smtp_server import Collect, smtp_server
from .test_invitations_support import Clock, body, outbox_emails, outbox_texts, reload, scheduled

UTC = timezone.utc
SENDING_TIME = datetime(2026, 11, 20, 10, tzinfo=UTC)
SERVICE_ID = str(uuid.uuid4())
SECRET = str(uuid.uuid4())


@pytest.fixture
def settings(app, tmp_path):
    saved = dict(app.config)
    app.config.update(FEEDBACK_OUTBOX=str(tmp_path), FEEDBACK_MAIL_BACKEND="file",
                      FEEDBACK_SMS_BACKEND="file", FEEDBACK_SEND_WINDOW="09:00-19:00",
                      FEEDBACK_REMINDER_DAYS=0, FEEDBACK_ORGANISATION="Camden Children's Services")
    yield app.config
    app.config.clear()
    app.config.update(saved)


@pytest.fixture
def due(app_ctx, settings, monkeypatch):
    """due(**kw) -> id of an invitation due now; the clock stands at SENDING_TIME."""
    Clock(monkeypatch, SENDING_TIME)
    return lambda **kw: scheduled(date(2026, 11, 17), delay_days=0, **kw)


def test_the_email_says_who_why_optional_anonymous_and_the_link_that_works(due, settings, client):
    invitation_id = due()
    assert send_due()["sent"] == 1
    (message,) = outbox_emails(settings["FEEDBACK_OUTBOX"])
    text = body(message)
    assert message["To"] == "family@example.org"
    assert "Camden Children's Services" in text and "Camden Children's Services" in message["From"]
    assert "Child protection conference".lower() in text and "17 November 2026" in text
    assert "up to you" in text and "anonymous" in text
    link = next(word for word in text.split() if "/s/" in word)
    assert link.startswith("http://127.0.0.1:5000/s/")
    assert client.get(link.removeprefix("http://127.0.0.1:5000")).status_code == 200
    invitation = reload(invitation_id)
    assert invitation.status == "sent" and invitation.sent_at == SENDING_TIME
    assert invitation.contact_ciphertext is None  # no reminder, so that was the last message


def test_the_contact_is_stored_only_encrypted(due):
    invitation_id = due(contact="someone.private@example.org")
    stored = reload(invitation_id).contact_ciphertext
    assert stored and b"someone.private" not in stored and b"example.org" not in stored
    audit = db.session.scalars(select(AuditEvent)).all()
    assert all("someone.private" not in json.dumps(event.detail) for event in audit)


def test_the_message_speaks_the_family_language(due, settings):
    due(locale="cy")
    send_due()
    (message,) = outbox_emails(settings["FEEDBACK_OUTBOX"])
    assert "Tachwedd" in body(message)  # the meeting's date, in Welsh


def test_a_text_message_goes_to_the_number_in_the_sms_outbox(due, settings):
    invitation_id = due(channel="sms", contact="07700 900123")
    assert send_due()["sent"] == 1
    (text,) = outbox_texts(settings["FEEDBACK_OUTBOX"])
    assert text["to"] == "07700900123"
    assert "Camden Children's Services" in text["body"] and "/s/" in text["body"]
    assert "anonymous" in text["body"] and len(text["body"]) < 320  # two SMS parts at most
    assert reload(invitation_id).contact_ciphertext is None


def test_a_backend_that_repeats_the_number_has_it_taken_out_of_the_kept_reason(due, settings, monkeypatch):
    def refuses(to, body):
        raise ValueError(f"cannot deliver to {to}")

    monkeypatch.setitem(sms.BACKENDS, "file", refuses)
    settings["FEEDBACK_SEND_ATTEMPTS"] = 1
    invitation_id = due(channel="sms", contact="07700 900123")
    assert send_due()["failed"] == 1
    reason = reload(invitation_id).last_error
    assert reason == "file backend: ValueError: cannot deliver to [recipient]"


def test_email_through_a_real_smtp_server(due, settings):
    handler = Collect()
    with smtp_server(handler) as port:
        settings.update(FEEDBACK_MAIL_BACKEND="smtp", FEEDBACK_SMTP_HOST="127.0.0.1", FEEDBACK_SMTP_PORT=port)
        due(contact="parent@example.org")
        assert send_due()["sent"] == 1
    (envelope,) = handler.received
    assert envelope.rcpt_tos == ["parent@example.org"]
    assert b"/s/" in envelope.content


class _NotifyStandIn(BaseHTTPRequestHandler):
    """Answers like the Notify API: checks the JWT the client signs with the key's secret."""

    received: list = []
    fail_with: int | None = None

    def do_POST(self):
        token = self.headers["Authorization"].removeprefix("Bearer ")
        claims = jwt.decode(token, SECRET, algorithms=["HS256"])
        payload = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).received.append((self.path, claims["iss"], payload))
        if self.fail_with:
            answer, status = {"status_code": self.fail_with, "errors": [
                {"error": "BadRequestError", "message": "Can't send to this recipient using a team-only API key"}]}, self.fail_with
        else:
            answer, status = {"id": str(uuid.uuid4()), "reference": None, "content": {}}, 201
        data = json.dumps(answer).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def notify(settings):
    _NotifyStandIn.received = []
    _NotifyStandIn.fail_with = None
    server = ThreadingHTTPServer(("127.0.0.1", 0), _NotifyStandIn)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.update(
        FEEDBACK_MAIL_BACKEND="notify", FEEDBACK_SMS_BACKEND="notify",
        FEEDBACK_NOTIFY_API_KEY=f"test_key-{SERVICE_ID}-{SECRET}",
        FEEDBACK_NOTIFY_BASE_URL=f"http://127.0.0.1:{server.server_port}",
        FEEDBACK_NOTIFY_EMAIL_TEMPLATE="email-template-id", FEEDBACK_NOTIFY_SMS_TEMPLATE="sms-template-id",
    )
    yield _NotifyStandIn
    server.shutdown()
    server.server_close()
    thread.join(5)


def test_email_and_sms_through_gov_uk_notify(due, notify):
    due(contact="parent@example.org")
    due(channel="sms", contact="+447700900123")
    assert send_due()["sent"] == 2
    by_path = {path: (issuer, payload) for path, issuer, payload in notify.received}
    issuer, email = by_path["/v2/notifications/email"]
    assert issuer == SERVICE_ID
    assert email["email_address"] == "parent@example.org" and email["template_id"] == "email-template-id"
    assert email["personalisation"]["subject"] == "How was your meeting?"
    assert "/s/" in email["personalisation"]["body"]
    _issuer, sms = by_path["/v2/notifications/sms"]
    assert sms["phone_number"] == "+447700900123" and sms["template_id"] == "sms-template-id"
    assert "/s/" in sms["personalisation"]["body"]


def test_a_notify_refusal_is_kept_as_the_reason_without_the_contact(due, notify, settings):
    notify.fail_with = 400
    settings["FEEDBACK_SEND_ATTEMPTS"] = 1
    invitation_id = due(channel="sms", contact="+447700900123")
    assert send_due()["failed"] == 1
    invitation = reload(invitation_id)
    assert invitation.status == "failed" and "team-only API key" in invitation.last_error
    assert "7700900123" not in invitation.last_error and invitation.contact_ciphertext is None


def test_no_contact_is_left_after_answering(client, app, settings, monkeypatch):
    settings["FEEDBACK_REMINDER_DAYS"] = 7
    Clock(monkeypatch, SENDING_TIME)
    with app.app_context():
        invitation_id = scheduled(date(2026, 11, 17), delay_days=0)
        send_due()
        assert reload(invitation_id).contact_ciphertext is not None  # kept for the reminder
    link = next(w for w in body(outbox_emails(settings["FEEDBACK_OUTBOX"])[0]).split() if "/s/" in w)
    from .test_survey_link import GOOD_ANSWERS, _post

    assert _post(client, link.rsplit("/", 1)[1], GOOD_ANSWERS).status_code == 302
    with app.app_context():
        invitation = db.session.get(Invitation, invitation_id)
        assert invitation.status == "answered" and invitation.contact_ciphertext is None


def test_the_send_due_command_reports_what_it_did(runner, app, settings, monkeypatch):
    Clock(monkeypatch, SENDING_TIME)
    with app.app_context():
        scheduled(date(2026, 11, 17), delay_days=0)
        scheduled(date(2026, 11, 17), delay_days=9)  # not due yet
    result = runner.invoke(args=["invitations", "send-due"])
    assert result.exit_code == 0, result.output
    assert "Sent 1, retrying 0, failed 0, expired 0." in result.output
    assert len(outbox_emails(settings["FEEDBACK_OUTBOX"])) == 1
