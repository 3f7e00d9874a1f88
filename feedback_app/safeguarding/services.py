"""Raising and reviewing safeguarding flags. Connected to the signals in init_app."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import func, select

from .. import clock, signals
from ..after_commit import after_commit
from ..audit import record
from ..extensions import db
from ..mail import MailError, Message, send
from ..models import Answer, AuditEvent, SafeguardingFlag, Story, User
from ..nlp.safeguarding import possible_disclosure


def flag_response(response_id: int, texts: dict[int, str] | None = None, **_extra) -> list[SafeguardingFlag]:
    """Flag each free-text answer of a new response that may be a disclosure. `texts` maps the
    response's question ids to its free text."""
    cues = {question_id: found for question_id, text in (texts or {}).items()
            if (found := possible_disclosure(text))}
    if not cues:
        return []
    flags = [
        SafeguardingFlag(answer_id=answer_id, cues=cues[question_id], raised_on=clock.today())
        for answer_id, question_id in db.session.execute(
            select(Answer.id, Answer.question_id).where(
                Answer.response_id == response_id, Answer.question_id.in_(cues)))
    ]
    _raise(flags)
    return flags


def flag_story(sender: Story, text: str = "", **_extra) -> SafeguardingFlag | None:
    """Flag a new story that may be a disclosure, and hold it back from publication."""
    cues = possible_disclosure(text)
    if not cues:
        return None
    sender.status = "held"
    flag = SafeguardingFlag(story=sender, cues=cues, raised_on=clock.today())
    _raise([flag])
    return flag


def _raise(flags: list[SafeguardingFlag]) -> None:
    if not flags:
        return
    db.session.add_all(flags)
    db.session.flush()
    app = current_app._get_current_object()
    after_commit(db.session(), lambda: _notify_leads(app, len(flags)))


def _notify_leads(app, count: int) -> None:
    """Tell every safeguarding lead by email at once. The email holds none of the words."""
    with app.app_context():
        leads = db.session.scalars(
            select(User.email).where(User.role == "safeguarding_lead", User.active.is_(True))
        ).all()
        link = app.config["FEEDBACK_BASE_URL"].rstrip("/") + "/admin/safeguarding"
        for email in leads:
            with force_locale(app.config["BABEL_DEFAULT_LOCALE"]):
                message = Message(
                    to=email,
                    subject=_("A possible safeguarding concern needs you"),
                    text=_("Free text that may disclose harm has just arrived (%(count)d item). "
                           "Log in to read it and decide what to do: %(link)s\n\n"
                           "This email holds none of the words on purpose.", count=count, link=link),
                )
            try:
                send(message)
            except MailError:
                app.logger.exception("could not email a safeguarding lead")


def open_flags() -> list[SafeguardingFlag]:
    return flags_with_status("open")


def flags_with_status(status: str) -> list[SafeguardingFlag]:
    """Open flags oldest first (the longest waiting at the top); closed ones latest closed first."""
    order = (SafeguardingFlag.id,) if status == "open" else (
        SafeguardingFlag.reviewed_at.desc(), SafeguardingFlag.id.desc())
    return list(db.session.scalars(
        select(SafeguardingFlag).where(SafeguardingFlag.status == status).order_by(*order)))


def count_by_status() -> dict[str, int]:
    counts = dict(db.session.execute(
        select(SafeguardingFlag.status, func.count()).group_by(SafeguardingFlag.status)).all())
    return {"open": counts.get("open", 0), "reviewed": counts.get("reviewed", 0)}


@dataclass(frozen=True)
class Step:
    """One thing the lead recorded: when, by whom, and what was done (or that it was closed)."""
    occurred_at: datetime
    by: str
    note: str
    closed: bool


def record_step(flag: SafeguardingFlag, note: str, actor: User) -> None:
    """What was done about a flag goes to the audit log, apart from the respondent's words: the
    flag points at the words, the log holds the lead's own note, who wrote it, and when."""
    record("safeguarding.step", actor, flag, {"note": note.strip()})


def steps_for(flags: list[SafeguardingFlag]) -> dict[int, list[Step]]:
    """Each flag's recorded steps, oldest first, read from the audit log."""
    if not flags:
        return {}
    rows = db.session.execute(
        select(AuditEvent, User.email).outerjoin(User, User.id == AuditEvent.actor_id).where(
            AuditEvent.target_type == SafeguardingFlag.__tablename__,
            AuditEvent.target_id.in_([str(f.id) for f in flags]),
            AuditEvent.action.in_(("safeguarding.step", "safeguarding.review")),
        ).order_by(AuditEvent.occurred_at, AuditEvent.id))
    steps: dict[int, list[Step]] = {f.id: [] for f in flags}
    for event, email in rows:
        steps[int(event.target_id)].append(Step(
            occurred_at=event.occurred_at, by=email or "", note=(event.detail or {}).get("note", ""),
            closed=event.action == "safeguarding.review"))
    return steps


def flagged_answer_ids():
    """A subquery of the answers that must never be quoted."""
    return select(SafeguardingFlag.answer_id).where(SafeguardingFlag.answer_id.is_not(None))


def mark_reviewed(flag: SafeguardingFlag, actor: User, note: str = "") -> None:
    """Close a flag, with what was finally done if the lead says."""
    flag.status = "reviewed"
    flag.reviewed_at = clock.now()
    flag.reviewed_by_id = actor.id
    record("safeguarding.review", actor, flag, {"note": note.strip()} if note.strip() else None)


def text_of(flag: SafeguardingFlag) -> str:
    """What the lead needs to read: the answer, or the story (its anonymised text)."""
    if flag.answer is not None:
        return flag.answer.text or ""
    return flag.story.anonymised_text if flag.story is not None else ""


def connect_signals() -> None:
    signals.response_recorded.connect(flag_response)
    signals.story_submitted.connect(flag_story)

