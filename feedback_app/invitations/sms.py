"""Text messages, through the backend FEEDBACK_SMS_BACKEND names.

`file` writes one .sms file (JSON: to, body) per message into FEEDBACK_OUTBOX, for local runs and
tests; `notify` sends through GOV.UK Notify (feedback_app.mail.notify).
"""
from __future__ import annotations

import json
import uuid
from pathlib import Path

from flask import current_app

from ..mail import backend_error, notify


class SMSError(RuntimeError):
    """A text could not be handed over; the text says why (never the number)."""


def file_backend(to: str, body: str) -> None:
    outbox = Path(current_app.config["FEEDBACK_OUTBOX"])
    outbox.mkdir(parents=True, exist_ok=True)
    path = outbox / f"{uuid.uuid4().hex}.sms"
    temporary = path.with_suffix(".part")
    temporary.write_text(json.dumps({"to": to, "body": body}, ensure_ascii=False), encoding="utf-8")
    temporary.rename(path)


BACKENDS = {"file": file_backend, "notify": notify.send_sms}


def send(to: str, body: str) -> None:
    name = current_app.config["FEEDBACK_SMS_BACKEND"]
    backend = BACKENDS.get(name)
    if backend is None:
        raise SMSError(f"unknown FEEDBACK_SMS_BACKEND {name!r}; choose one of {', '.join(BACKENDS)}")
    try:
        backend(to, body)
    except Exception as exc:
        raise SMSError(backend_error(name, exc, to)) from None
