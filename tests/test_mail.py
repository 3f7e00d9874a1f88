"""The file and SMTP mail backends deliver a message whole."""
import email
import socket
import threading

import pytest
from aiosmtpd.controller import Controller

from feedback_app.mail import MailError, Message, send


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


class _Collect:
    def __init__(self):
        self.received = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.received.append(envelope)
        return "250 OK"


def test_the_smtp_backend_talks_to_a_real_server(app):
    handler = _Collect()
    with socket.socket() as probe:  # a free port on loopback
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        with app.test_request_context():
            app.config.update(FEEDBACK_MAIL_BACKEND="smtp", FEEDBACK_SMTP_HOST="127.0.0.1",
                              FEEDBACK_SMTP_PORT=port)
            send(_message())
    finally:
        controller.stop()
        app.config.update(FEEDBACK_MAIL_BACKEND="file")
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
