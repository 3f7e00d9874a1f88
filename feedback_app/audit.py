"""The audit log of staff actions."""
from __future__ import annotations

from typing import Any

from .extensions import db
from .models import AuditEvent


def record(action: str, actor, target=None, detail: dict[str, Any] | None = None) -> AuditEvent:
    """Add an audit event to the current transaction. `target` is any model with an id."""
    event = AuditEvent(
        action=action,
        actor_id=getattr(actor, "id", None),
        target_type=type(target).__tablename__ if target is not None else "",
        target_id=str(target.id) if target is not None else "",
        detail=detail or {},
    )
    db.session.add(event)
    return event
