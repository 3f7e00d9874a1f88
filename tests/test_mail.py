"""The file and SMTP mail backends deliver a message whole."""
import email
import traceback
from contextlib import contextmanager

import pytest

from feedback_app.mail import MailError, Message, send

from .smtp_server import Collect, smtp_server


def _message():
    return Message(to="family@example.org", subject="How was your meeting?",
                   text="Plain words.", html="<p>Plain words.</p>", headers={"X-Test": "1"})


def test_the_file_backend_writes_one_eml_per_message(app, tmp_path):
    with app.test_request_context():
        app.config.update(FEEDBACK_MAIL_BACKEND="file", FEEDBACK_OUTBOX=str(tmp_path))
        send(_message())
        send(_message())
    files = sorted(tmp_path.glob("*.eml"))
    assert len(files) == 2 and not list(tmp_path.glob("*.part"))
    parsed = email.message_from_bytes(files[0].read_bytes())
    assert parsed["To"] == "family@example.org" and parsed["X-Test"] == "1"
    assert {part.get_content_type() for part in parsed.walk()} >= {"text/plain", "text/html"}


class _Refuse:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        return f"550 5.1.1 <{address}>: no such mailbox here"


@contextmanager
def _sending_through(app, handler):
    """A real SMTP server on loopback, and the app sending through it."""
    with smtp_server(handler) as port, app.test_request_context():
        app.config.update(FEEDBACK_MAIL_BACKEND="smtp", FEEDBACK_SMTP_HOST="127.0.0.1", FEEDBACK_SMTP_PORT=port)
        try:
            yield
        finally:
            app.config.update(FEEDBACK_MAIL_BACKEND="file")


def test_the_smtp_backend_talks_to_a_real_server(app):
    handler = Collect()
    with _sending_through(app, handler):
        send(_message())
    assert len(handler.received) == 1
    assert handler.received[0].rcpt_tos == ["family@example.org"]
    assert b"Subject: How was your meeting?" in handler.received[0].content


def test_an_unreachable_server_raises_a_mail_error_without_the_address(app):
    with app.test_request_context():
        app.config.update(FEEDBACK_MAIL_BACKEND="smtp", FEEDBACK_SMTP_HOST="127.0.0.1",
                          FEEDBACK_SMTP_PORT=1, FEEDBACK_SMTP_TIMEOUT=2)
        try:
            with pytest.raises(MailError) as raised:
                send(_message())
        finally:
            app.config.update(FEEDBACK_MAIL_BACKEND="file")
    assert "family@example.org" not in str(raised.value)


def test_an_unknown_backend_is_named(app):
    with app.test_request_context():
        app.config.update(FEEDBACK_MAIL_BACKEND="pigeon")
        try:
            with pytest.raises(MailError, match="pigeon"):
                send(_message())
        finally:
            app.config.update(FEEDBACK_MAIL_BACKEND="file")


def test_a_refused_address_is_not_repeated_in_the_error_or_its_traceback(app):
    """SMTP servers name the address they refuse; the error is logged and kept with invitations."""
    with _sending_through(app, _Refuse()), pytest.raises(MailError) as raised:
        send(_message())
    assert "SMTPRecipientsRefused" in str(raised.value) and "no such mailbox" in str(raised.value)
    logged = "".join(traceback.format_exception(raised.value))
    assert "family@example.org" not in logged.lower()
