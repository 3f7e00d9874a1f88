"""Creating invitations and cards, and delivering one claimed invitation.

Services decide and flush; the caller commits (a route, a CLI command, or sender.send_due).
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from flask import current_app
from sqlalchemy import or_, select, update
from sqlalchemy.orm import joinedload

from .. import clock
from ..extensions import db, on_postgresql
from ..i18n import organisation
from ..mail import MailError, Message
from ..mail import send as send_email
from ..models import Invitation, Meeting, Survey
from ..surveys.services import OPEN_STATUSES, create_invitation, find_open_invitation
from ..surveys.tokens import hash_token
from . import cards, contacts, schedule, sms
from .messages import survey_link, wording

SENT_BY_MESSAGE = ("email", "sms")
ERROR_LENGTH = 500


class InvitationError(ValueError):
    """An invitation that cannot be made as asked; the message is safe to show staff."""


def meeting_for(held_on: date, kind: str) -> Meeting:
    """The meeting of that kind on that day, made if there is none yet."""
    meeting = db.session.scalar(
        select(Meeting).where(Meeting.held_on == held_on, Meeting.kind == kind)
        .order_by(Meeting.id).limit(1)
    )
    if meeting is None:
        meeting = Meeting(kind=kind, held_on=held_on)
        db.session.add(meeting)
        db.session.flush()
    return meeting


def schedule_message(meeting: Meeting, survey: Survey, channel: str, contact: str,
                     locale: str = "en_GB", delay_days: int | None = None) -> Invitation:
    """An email or SMS invitation, due at the meeting's day + delay, sent inside the window."""
    if channel not in SENT_BY_MESSAGE:
        raise InvitationError("cards are printed, not scheduled")
    address = contacts.normalise(channel, contact)
    invitation, token = create_invitation(meeting, survey, channel=channel, locale=locale,
                                          delay_days=delay_days)
    invitation.contact_ciphertext = contacts.seal(address, token)
    invitation.next_send_at = schedule.first_send(invitation.due_at)
    db.session.flush()
    return invitation


@dataclass
class Card:
    invitation: Invitation
    code: str
    link: str

    @property
    def display_code(self) -> str:
        return cards.display_code(self.code)

    @property
    def qr(self) -> str:
        return cards.qr_data_uri(self.link)


def make_card(meeting: Meeting, survey: Survey, locale: str = "en_GB") -> Card:
    """A take-away card, handed over at the meeting: it counts as sent, and holds no contact."""
    code = cards.new_code()
    token = cards.token_for_code(code)
    invitation, _unused = create_invitation(meeting, survey, channel="card", locale=locale, delay_days=0)
    invitation.token_hash = hash_token(token)
    invitation.status = "sent"
    invitation.sent_at = clock.now()
    db.session.flush()
    return Card(invitation, code, survey_link(token, locale))


def find_card(typed: str) -> tuple[str, str] | None:
    """The link token and language of a typed card code, if that card can still be answered."""
    code = cards.normalise_code(typed)
    if code is None:
        return None
    token = cards.token_for_code(code)
    invitation = find_open_invitation(token)
    return (token, invitation.locale) if invitation is not None else None


# --- sending ----------------------------------------------------------------------------------

def new_sender_id() -> str:
    return uuid.uuid4().hex


def expire_overdue() -> int:
    """Close every open invitation past its expiry, erasing what is left of its contact."""
    result = db.session.execute(
        update(Invitation)
        .where(Invitation.status.in_(OPEN_STATUSES), Invitation.expires_at <= clock.now())
        .values(status="expired", contact_ciphertext=None, next_send_at=None)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount


def claim_due(sender: str, limit: int) -> list[int]:
    """Lease up to `limit` due invitations to `sender`; returns their ids.

    On PostgreSQL the candidates are read with FOR UPDATE SKIP LOCKED, so concurrent senders
    pass over each other's rows instead of waiting; on every database the lease is taken by a
    conditional UPDATE, so a row leased meanwhile is not taken twice. SQLite serialises writers
    and may refuse a second sender outright: run one sender there.
    """
    now = clock.now()
    if not schedule.window().contains(now):
        return []
    lease_ends = now + timedelta(seconds=current_app.config["FEEDBACK_SEND_LEASE_SECONDS"])
    free = or_(Invitation.claimed_until.is_(None), Invitation.claimed_until < now)
    candidates = (
        select(Invitation.id)
        .where(Invitation.next_send_at <= now, Invitation.status.in_(OPEN_STATUSES),
               Invitation.expires_at > now, free)
        .order_by(Invitation.next_send_at, Invitation.id)
        .limit(limit)
    )
    if on_postgresql():
        candidates = candidates.with_for_update(skip_locked=True)
    ids = list(db.session.scalars(candidates))
    if not ids:
        return []
    db.session.execute(
        update(Invitation).where(Invitation.id.in_(ids), free)
        .values(claimed_by=sender, claimed_until=lease_ends)
        .execution_options(synchronize_session=False)
    )
    return list(db.session.scalars(
        select(Invitation.id).where(Invitation.id.in_(ids), Invitation.claimed_by == sender)
        .order_by(Invitation.next_send_at, Invitation.id)
    ))


def leased(ids: list[int], sender: str) -> list[Invitation]:
    """The claimed invitations, with their meetings, in one query."""
    return list(db.session.scalars(
        select(Invitation).options(joinedload(Invitation.meeting))
        .where(Invitation.id.in_(ids), Invitation.claimed_by == sender)
        .order_by(Invitation.next_send_at, Invitation.id)
        .execution_options(populate_existing=True)  # fresh rows, not what the session held
    ))


def deliver(invitation: Invitation, sender: str) -> str:
    """Send the invitation's next message (first or reminder) if `sender` still holds its lease.
    Returns "sent", "retry", "failed" or "skipped"."""
    now = clock.now()
    if (invitation.claimed_by != sender or invitation.status not in OPEN_STATUSES
            or invitation.contact_ciphertext is None):
        return "skipped"
    reminder = invitation.sent_at is not None
    try:
        contact, token = contacts.unseal(invitation.contact_ciphertext)
        words = wording(invitation, survey_link(token, invitation.locale), reminder=reminder)
        if invitation.channel == "email":
            send_email(Message(to=contact, subject=words.subject, text=words.text,
                               sender_name=organisation(invitation.locale)))
        else:
            sms.send(contact, words.sms)
    except (MailError, sms.SMSError, contacts.ContactError) as exc:
        outcome = _note_failure(invitation, str(exc), reminder, now)
    else:
        outcome = _note_success(invitation, reminder, now)
    invitation.claimed_by = None
    invitation.claimed_until = None
    db.session.flush()
    return outcome


def _note_success(invitation: Invitation, reminder: bool, now: datetime) -> str:
    if reminder:
        invitation.reminded_at = now
        invitation.next_send_at = None
    else:
        invitation.status = "sent"
        invitation.sent_at = now
        invitation.next_send_at = schedule.reminder_at(now, invitation.expires_at)
    invitation.attempts = 0
    invitation.last_error = None
    if invitation.next_send_at is None:  # that was the last message: the contact goes
        invitation.contact_ciphertext = None
    return "sent"


def _note_failure(invitation: Invitation, error: str, reminder: bool, now: datetime) -> str:
    invitation.attempts += 1
    invitation.last_error = error[:ERROR_LENGTH]
    if invitation.attempts < current_app.config["FEEDBACK_SEND_ATTEMPTS"]:
        invitation.next_send_at = schedule.retry_at(now, invitation.attempts)
        return "retry"
    # Out of attempts: stop, and keep no contact. A reminder that fails leaves the invitation
    # "sent" (the first message got there); a first message that fails marks it failed.
    invitation.next_send_at = None
    invitation.contact_ciphertext = None
    if not reminder:
        invitation.status = "failed"
    return "failed"
