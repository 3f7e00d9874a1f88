"""Recording answers, and the single use of an invitation."""
from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from flask import current_app
from sqlalchemy import Integer, String, bindparam, func, insert, literal, literal_column, select, update

from .. import clock, signals
from ..extensions import db, execute_alone
from ..models import Answer, Invitation, Meeting, Response, Survey, SurveyVersion
from . import shapes
from .shapes import VersionShape
from .tokens import hash_token, new_token

OPEN_STATUSES = ("scheduled", "sent")


class AnswerError(ValueError):
    """An answer that does not fit its question."""


def create_invitation(
    meeting: Meeting, survey: Survey, channel: str = "card", locale: str = "en_GB",
    delay_days: int | None = None, expiry_days: int | None = None,
) -> tuple[Invitation, str]:
    """A new invitation and its token. The token is returned once and never stored."""
    token = new_token()
    delay = survey.default_delay_days if delay_days is None else delay_days
    expiry = expiry_days or current_app.config["FEEDBACK_INVITATION_EXPIRY_DAYS"]
    due = max(clock.now(), _start_of(meeting.held_on) + timedelta(days=delay))
    invitation = Invitation(
        meeting=meeting, survey=survey, channel=channel, locale=locale,
        token_hash=hash_token(token), status="scheduled",
        due_at=due, expires_at=due + timedelta(days=expiry),
    )
    db.session.add(invitation)
    db.session.flush()
    return invitation, token


def _start_of(day):
    from datetime import datetime, time

    return datetime.combine(day, time(0), tzinfo=clock.LOCAL_ZONE)


# The conditions an invitation must meet to be answered with a token: unknown, used and expired
# links alike meet none, so a guesser learns nothing. Written once with placeholders (_link):
# the statements below run for every link opened and sent, and building them costs more than
# running them. The statuses are one placeholder each: a list given to in_() is spelled out
# anew at every execution.
_OPEN = (Invitation.token_hash == bindparam("link_hash"),
         Invitation.status.in_([literal(status) for status in OPEN_STATUSES]),
         Invitation.expires_at > bindparam("now"))
# What the UPDATEs return besides the invitation's own columns, written out: SQLAlchemy leaves
# the columns of a RETURNING clause unqualified on SQLite, which would turn these correlated
# subqueries into "survey_id = survey_id".
_CURRENT_VERSION_ID = literal_column(
    "(SELECT v.id FROM survey_versions AS v WHERE v.survey_id = invitations.survey_id"
    " ORDER BY v.number DESC LIMIT 1)", Integer)
_MEETING_KIND = literal_column(
    "(SELECT m.kind FROM meetings AS m WHERE m.id = invitations.meeting_id)", String)
_NOTE_OPENED = (
    update(Invitation).where(*_OPEN)
    .values(opened_at=func.coalesce(Invitation.opened_at, bindparam("now", type_=Invitation.opened_at.type)))
    .returning(_CURRENT_VERSION_ID))
_USE = (
    update(Invitation).where(*_OPEN, Invitation.survey_id == bindparam("answers_survey_id"))
    .values(status="answered", contact_ciphertext=None)
    .returning(Invitation.channel, _MEETING_KIND))


def _link(token) -> dict | None:
    """The values _OPEN needs for this token, or None for something that is no token at all."""
    if not isinstance(token, str) or not 0 < len(token) <= 100:
        return None
    return {"link_hash": hash_token(token), "now": clock.now()}


def find_open_invitation(token: str) -> Invitation | None:
    """The invitation for a token if it can still be answered, else None."""
    link = _link(token)
    return db.session.scalar(select(Invitation).where(*_OPEN), link) if link else None


def current_version_id(token: str) -> int | None:
    """The current version of the survey a link opens, if the link can still be answered."""
    link = _link(token)
    return db.session.scalar(select(_CURRENT_VERSION_ID).select_from(Invitation).where(*_OPEN), link) if link else None


def open_invitation(token: str) -> int | None:
    """Note when a link is first opened, and return the current version of its survey; None if
    the link cannot be answered. One statement, committed at once and not through the session:
    this runs for every family opening a link, and the ORM's handling of an UPDATE costs more
    than the UPDATE."""
    link = _link(token)
    opened = execute_alone(_NOTE_OPENED, link) if link else None
    return opened[0][0] if opened else None


def use_invitation(token: str, survey_id: int) -> tuple[str, str] | None:
    """Mark the invitation for this token used, and forget its contact, in one conditional
    UPDATE; return its channel and its meeting's kind. None if it cannot be answered (or is for
    another survey than the answers): of two people sending the same link at once, exactly one
    gets it, as the other's UPDATE finds the row already answered."""
    link = _link(token)
    used = db.session.connection().execute(_USE, {**link, "answers_survey_id": survey_id}).first() if link else None
    return (used[0], used[1]) if used else None


def record_response(
    version: SurveyVersion | VersionShape,
    answers: Mapping[str, str | None],
    *,
    channel: str,
    locale: str,
    meeting_kind: str,
    consent_to_quote: bool = False,
    supported_by_advocate: bool = False,
    meeting_id: int | None = None,
    submitted_on: date | None = None,
) -> int:
    """Store one response and return its id. `answers` maps question keys to a choice value or
    text; empty answers are left out. Nothing about who answered is stored, and the date is kept
    to the day (today's, unless a kiosk answer queued offline says otherwise).

    Two INSERTs and nothing more: sentiment, themes and the summary's totals come later, from the
    analysis step (insights.analysis), so no one waits for them."""
    form = version if isinstance(version, VersionShape) else shapes.of(version)
    rows, texts = check_answers(form, answers)
    # On the session's connection: the ORM's handling of an INSERT costs more than the INSERT.
    connection = db.session.connection()
    response_id = connection.execute(
        insert(Response.__table__).returning(Response.__table__.c.id),
        {"survey_version_id": form.id, "channel": channel, "locale": locale,
         "meeting_kind": meeting_kind, "meeting_id": meeting_id,
         "submitted_on": submitted_on or clock.today(), "consent_to_quote": consent_to_quote,
         "supported_by_advocate": supported_by_advocate},
    ).scalar_one()
    if rows:
        connection.execute(insert(Answer.__table__), [{**row, "response_id": response_id} for row in rows])
    signals.response_recorded.send(response_id, texts=texts)
    return response_id


def check_answers(form: VersionShape, answers: Mapping[str, str | None]) -> tuple[list[dict], dict[int, str]]:
    """The answer rows to store, and the free texts by question id; AnswerError if an answer
    does not fit its question or a required one is missing. Empty answers are left out."""
    rows, texts = [], {}
    for question in form.questions:
        value = answers.get(question.key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if question.required:
                raise AnswerError(f"{question.key} needs an answer")
            continue
        if question.is_text:
            rows.append({"question_id": question.id, "text": value.strip(), "choice": None})
            texts[question.id] = value.strip()
        elif value in question.values:
            rows.append({"question_id": question.id, "text": None, "choice": value})
        else:
            raise AnswerError(f"{value!r} is not an option of {question.key}")
    return rows, texts


def version_for(survey: Survey, version_id) -> SurveyVersion:
    """The version a form was rendered with, so an edit in between does not change the questions."""
    for version in survey.versions:
        if str(version.id) == str(version_id):
            return version
    return survey.current
