"""Helpers for the invitation tests (no tests here): a settable clock, invitations, the outbox."""
from __future__ import annotations

import email
import json
from datetime import date, datetime, timezone
from pathlib import Path

from sqlalchemy import select

from feedback_app import clock
from feedback_app.extensions import db
from feedback_app.models import Invitation, Survey


class Clock:
    """Stands in for feedback_app.clock.now; `at` sets the time (UTC)."""

    def __init__(self, monkeypatch, start: datetime):
        self.moment = start
        monkeypatch.setattr(clock, "now", lambda: self.moment)

    def at(self, *args) -> datetime:
        self.moment = datetime(*args, tzinfo=timezone.utc)
        return self.moment


def survey(slug: str = "debrief") -> Survey:
    return db.session.scalar(select(Survey).where(Survey.slug == slug))


def scheduled(held_on: date, channel: str = "email", contact: str = "family@example.org",
              locale: str = "en_GB", delay_days: int | None = None, kind: str = "cp_conference") -> int:
    """A committed email/SMS invitation; returns its id. Call inside an app context."""
    from feedback_app.invitations.services import meeting_for, schedule_message

    invitation = schedule_message(meeting_for(held_on, kind), survey(), channel, contact, locale, delay_days)
    db.session.commit()
    return invitation.id


def reload(invitation_id: int) -> Invitation:
    db.session.expire_all()
    return db.session.get(Invitation, invitation_id)


def outbox_emails(folder) -> list[email.message.EmailMessage]:
    return [email.message_from_bytes(p.read_bytes(), policy=email.policy.default)
            for p in sorted(Path(folder).glob("*.eml"))]


def outbox_texts(folder) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(Path(folder).glob("*.sms"))]


def body(message) -> str:
    return message.get_body(("plain",)).get_content()
