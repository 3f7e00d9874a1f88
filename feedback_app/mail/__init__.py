"""Sending email through the configured backend (FEEDBACK_MAIL_BACKEND).

    from feedback_app.mail import Message, send
    send(Message(to="someone@example.org", subject="…", text="…", html="<p>…</p>"))

Backends: `file` (one .eml per message in FEEDBACK_OUTBOX; the default for local runs and
tests), `smtp`, and `notify` (GOV.UK Notify, see notify.py). Each backend is a callable taking
an EmailMessage; register more in BACKENDS.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formataddr, make_msgid

from flask import current_app

from .backends import BACKENDS


class MailError(RuntimeError):
    """A message could not be handed over; the text says why (never the recipient's address)."""


@dataclass
class Message:
    to: str
    subject: str
    text: str
    html: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    # The sender's name, e.g. the organisation in the reader's language; FEEDBACK_ORGANISATION if unset.
    sender_name: str | None = None


def build(message: Message) -> EmailMessage:
    config = current_app.config
    email = EmailMessage()
    email["From"] = formataddr((message.sender_name or config["FEEDBACK_ORGANISATION"],
                                config["FEEDBACK_MAIL_FROM"]))
    email["To"] = message.to
    email["Subject"] = message.subject
    email["Message-ID"] = make_msgid(domain=config["FEEDBACK_MAIL_FROM"].rpartition("@")[2] or None)
    for name, value in message.headers.items():
        email[name] = value
    email.set_content(message.text)
    if message.html:
        email.add_alternative(message.html, subtype="html")
    return email


def send(message: Message) -> None:
    name = current_app.config["FEEDBACK_MAIL_BACKEND"]
    backend = BACKENDS.get(name)
    if backend is None:
        raise MailError(f"unknown FEEDBACK_MAIL_BACKEND {name!r}; choose one of {', '.join(BACKENDS)}")
    try:
        backend(build(message))
    except MailError:
        raise
    except Exception as exc:
        # Not chained: a logged traceback would print the backend's own words again.
        raise MailError(backend_error(name, exc, message.to)) from None


def backend_error(backend: str, exc: Exception, recipient: str) -> str:
    """Why a mail or SMS backend failed, in words safe to log and to keep with an invitation:
    some backends repeat whom the message was for (an SMTP server's refusal names the address),
    so the recipient is taken out."""
    reason = f"{backend} backend: {type(exc).__name__}: {exc}"
    return re.sub(re.escape(recipient), "[recipient]", reason, flags=re.IGNORECASE) if recipient else reason
