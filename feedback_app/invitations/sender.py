"""`invitations send-due`: expire what is overdue, then claim and deliver due invitations.

This is the command's unit of work, and the one place in the feature that commits more than once,
on purpose: a lease is committed before its messages go (so other senders see it), and each
delivery is committed as soon as its message is handed over, so a sender that dies loses at
most the message in flight. Its other leases simply run out (FEEDBACK_SEND_LEASE_SECONDS) and
another sender takes them up.
"""
from __future__ import annotations

from collections import Counter

from ..extensions import db
from .services import claim_due, deliver, expire_overdue, leased, new_sender_id

BATCH = 50


def send_due(batch: int = BATCH, sender: str | None = None) -> Counter:
    """Send everything due now; returns how many were sent, retried, failed, skipped, expired."""
    sender = sender or new_sender_id()
    tally: Counter = Counter()
    session = db.session()
    # The leased rows are ours until we let go of them, so reloading every one of them after
    # each per-message commit would be wasted queries.
    session.expire_on_commit, expired_on_commit = False, session.expire_on_commit
    try:
        tally["expired"] = expire_overdue()
        db.session.commit()
        while ids := claim_due(sender, batch):
            db.session.commit()
            for invitation in leased(ids, sender):
                tally[deliver(invitation, sender)] += 1
                db.session.commit()
    except BaseException:
        db.session.rollback()
        raise
    finally:
        session.expire_on_commit = expired_on_commit
    return tally
