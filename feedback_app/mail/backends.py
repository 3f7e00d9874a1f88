"""Mail backends: each takes a finished EmailMessage and delivers it or raises."""
from __future__ import annotations

import smtplib
import ssl
import uuid
from email.message import EmailMessage
from pathlib import Path

from flask import current_app


def file_backend(email: EmailMessage) -> None:
    """Write the message as an .eml file into FEEDBACK_OUTBOX (local runs and tests)."""
    outbox = Path(current_app.config["FEEDBACK_OUTBOX"])
    outbox.mkdir(parents=True, exist_ok=True)
    path = outbox / f"{uuid.uuid4().hex}.eml"
    temporary = path.with_suffix(".part")
    temporary.write_bytes(bytes(email))
    temporary.rename(path)  # readers never see half a message


def smtp_backend(email: EmailMessage) -> None:
    config = current_app.config
    host, port = config["FEEDBACK_SMTP_HOST"], config["FEEDBACK_SMTP_PORT"]
    with smtplib.SMTP(host, port, timeout=config["FEEDBACK_SMTP_TIMEOUT"]) as smtp:
        if config["FEEDBACK_SMTP_STARTTLS"]:
            smtp.starttls(context=ssl.create_default_context())
        if config["FEEDBACK_SMTP_USERNAME"]:
            smtp.login(config["FEEDBACK_SMTP_USERNAME"], config["FEEDBACK_SMTP_PASSWORD"])
        smtp.send_message(email)


def notify_backend(email: EmailMessage) -> None:
    """GOV.UK Notify: the plain-text part goes in the body of the service's email template."""
    from . import notify

    notify.send_email(email["To"], email["Subject"], email.get_body(("plain",)).get_content())


BACKENDS = {"file": file_backend, "smtp": smtp_backend, "notify": notify_backend}
