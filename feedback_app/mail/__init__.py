"""Sending email through the configured backend (FEEDBACK_MAIL_BACKEND).

    from feedback_app.mail import Message, send
    send(Message(to="someone@example.org", subject="…", text="…", html="<p>…</p>"))

Backends: `file` (one .eml per message in FEEDBACK_OUTBOX; the default for local runs and
tests), `smtp`, and `notify` (GOV.UK Notify, see notify.py). Each backend is a callable taking
an EmailMessage; register more in BACKENDS.
"""
from __future__ import annotations

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


def build(message: Message) -> EmailMessage:
    config = current_app.config
    email = EmailMessage()
    email["From"] = formataddr((config["FEEDBACK_ORGANISATION"], config["FEEDBACK_MAIL_FROM"]))
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
    except Exception as exc:  # the backend's own error, without the address
        raise MailError(f"{name} backend: {type(exc).__name__}: {exc}") from exc
