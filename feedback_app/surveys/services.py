"""Recording answers, and the single use of an invitation."""
from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from flask import current_app
from sqlalchemy import insert, select, update
from sqlalchemy.orm import joinedload

from .. import clock, signals
from ..extensions import db
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


def find_open_invitation(token: str) -> Invitation | None:
    """The invitation for a token if it can still be answered; None for unknown, used or expired
    alike, so a guesser learns nothing."""
    if not token or len(token) > 100:
        return None
    return db.session.scalar(
        select(Invitation).where(
            Invitation.token_hash == hash_token(token),
            Invitation.status.in_(OPEN_STATUSES),
            Invitation.expires_at > clock.now(),
        )
        # The meeting and survey come with it, and the versions (small rows) right after.
        .options(joinedload(Invitation.meeting), joinedload(Invitation.survey).selectinload(Survey.versions))
    )


def note_opened(invitation: Invitation) -> None:
    if invitation.opened_at is None:
        invitation.opened_at = clock.now()


def claim(invitation_id: int) -> bool:
    """Mark the invitation used, in one conditional UPDATE. Of two people sending the same link
    at once, exactly one gets True: the other's UPDATE finds the row already answered."""
    result = db.session.execute(
        update(Invitation)
        .where(
            Invitation.id == invitation_id,
            Invitation.status.in_(OPEN_STATUSES),
            Invitation.expires_at > clock.now(),
        )
        .values(status="answered", contact_ciphertext=None)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


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
    response_id = db.session.execute(
        insert(Response.__table__).returning(Response.__table__.c.id),
        {"survey_version_id": form.id, "channel": channel, "locale": locale,
         "meeting_kind": meeting_kind, "meeting_id": meeting_id,
         "submitted_on": submitted_on or clock.today(), "consent_to_quote": consent_to_quote,
         "supported_by_advocate": supported_by_advocate},
    ).scalar_one()
    if rows:
        db.session.execute(insert(Answer.__table__), [{**row, "response_id": response_id} for row in rows])
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


def answer_invitation(invitation: Invitation, version: SurveyVersion, answers, *, locale: str,
                      consent_to_quote: bool) -> int | None:
    """Use the invitation and store the response (its id is returned), or store nothing if it
    was used meanwhile."""
    kind = invitation.meeting.kind
    channel = "card" if invitation.channel == "card" else "link"
    if not claim(invitation.id):
        return None
    return record_response(
        version, answers, channel=channel, locale=locale, meeting_kind=kind,
        consent_to_quote=consent_to_quote,
    )


def version_for(survey: Survey, version_id) -> SurveyVersion:
    """The version a form was rendered with, so an edit in between does not change the questions."""
    for version in survey.versions:
        if str(version.id) == str(version_id):
            return version
    return survey.current
