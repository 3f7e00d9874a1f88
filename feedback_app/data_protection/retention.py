"""`flask data purge`: apply the retention settings. Safe to run daily (and twice): each step
only removes what is past its time, and a second run finds nothing more.

What is kept, and for how long (days, from the settings in config.py):
- contact details: erased once an invitation is answered, expired or failed, and in any case
  FEEDBACK_RETAIN_CONTACT_DAYS after the invitation was made;
- invitations: deleted FEEDBACK_RETAIN_INVITATION_DAYS after they expired;
- responses and their answers: deleted FEEDBACK_RETAIN_RESPONSE_DAYS after the day they were given;
- stories: the encrypted original erased once a story is published, rejected or withdrawn;
  rejected and withdrawn stories deleted FEEDBACK_RETAIN_STORY_DAYS after they were told;
- the audit log: FEEDBACK_RETAIN_AUDIT_DAYS;
- a kiosk answer's receipt (its UUID and day, once the answer is stored): RECEIPT_DAYS.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from flask import current_app
from sqlalchemy import delete, or_, update

from .. import clock
from ..extensions import db
from ..models import AuditEvent, Invitation, KioskReceipt, Response, Story

SETTINGS = {
    "contact": "FEEDBACK_RETAIN_CONTACT_DAYS",
    "invitation": "FEEDBACK_RETAIN_INVITATION_DAYS",
    "response": "FEEDBACK_RETAIN_RESPONSE_DAYS",
    "story": "FEEDBACK_RETAIN_STORY_DAYS",
    "audit": "FEEDBACK_RETAIN_AUDIT_DAYS",
}
FINISHED_INVITATIONS = ("answered", "expired", "failed")
# A receipt only stops a tablet's resend from being stored twice; a tablet resends within
# minutes of getting its connection back, so after three months a receipt guards nothing.
RECEIPT_DAYS = timedelta(days=90)
CLOSED_STORIES = ("published", "rejected", "withdrawn")


@dataclass
class PurgeReport:
    contacts_erased: int = 0
    invitations_expired: int = 0
    invitations_deleted: int = 0
    responses_deleted: int = 0
    story_originals_erased: int = 0
    stories_deleted: int = 0
    audit_events_deleted: int = 0
    kiosk_receipts_deleted: int = 0

    def lines(self) -> list[str]:
        return [f"{name.replace('_', ' ')}: {count}" for name, count in vars(self).items()]


def _days(kind: str) -> timedelta:
    return timedelta(days=current_app.config[SETTINGS[kind]])


def _count(result) -> int:
    return max(result.rowcount or 0, 0)


def purge() -> PurgeReport:
    """Apply every retention rule in the current transaction; the caller commits."""
    now, today = clock.now(), clock.today()
    report = PurgeReport()
    run = db.session.execute

    report.invitations_expired = _count(run(
        update(Invitation)
        .where(Invitation.status.in_(("scheduled", "sent")), Invitation.expires_at <= now)
        .values(status="expired")
        .execution_options(synchronize_session=False)))
    report.contacts_erased = _count(run(
        update(Invitation)
        .where(Invitation.contact_ciphertext.is_not(None), or_(
            Invitation.status.in_(FINISHED_INVITATIONS),
            Invitation.created_at <= now - _days("contact")))
        .values(contact_ciphertext=None)
        .execution_options(synchronize_session=False)))
    report.invitations_deleted = _count(run(
        delete(Invitation).where(Invitation.expires_at <= now - _days("invitation"))
        .execution_options(synchronize_session=False)))

    # Answers, themes and safeguarding flags go with their response (ON DELETE CASCADE).
    report.responses_deleted = _count(run(
        delete(Response).where(Response.submitted_on <= today - _days("response"))
        .execution_options(synchronize_session=False)))

    report.story_originals_erased = _count(run(
        update(Story)
        .where(Story.status.in_(CLOSED_STORIES), Story.original_ciphertext.is_not(None))
        .values(original_ciphertext=None)
        .execution_options(synchronize_session=False)))
    report.stories_deleted = _count(run(
        delete(Story)
        .where(Story.status.in_(("rejected", "withdrawn")),
               Story.submitted_on <= today - _days("story"))
        .execution_options(synchronize_session=False)))

    report.audit_events_deleted = _count(run(
        delete(AuditEvent).where(AuditEvent.occurred_at <= now - _days("audit"))
        .execution_options(synchronize_session=False)))
    # One whose answer still waits for the analysis step stays.
    report.kiosk_receipts_deleted = _count(run(
        delete(KioskReceipt)
        .where(KioskReceipt.answer.is_(None), KioskReceipt.received_on <= today - RECEIPT_DAYS)
        .execution_options(synchronize_session=False)))
    return report
