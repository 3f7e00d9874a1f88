"""Kiosk devices and their answers: pairing, credentials, the room's meeting, idempotent storage."""
from __future__ import annotations

import secrets
import uuid as uuidlib
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, time, timedelta

import segno
from flask import current_app
from sqlalchemy import Date, Integer, String, and_, bindparam, func, null, or_, select, update

from .. import clock
from ..accounts.passwords import hash_password, verify_password
from ..extensions import db, execute_alone, on_postgresql, upsert
from ..i18n import supported
from ..models import GENERAL_KIND, KioskDevice, KioskReceipt, Meeting, Survey
from ..nlp.safeguarding import possible_disclosure
from ..surveys import shapes
from ..surveys.choice import link_survey_for
from ..surveys.services import check_answers, create_invitation, record_response
from ..surveys.tokens import hash_token, new_token

KIOSK_SURVEY = "kiosk"
# An answer may wait on a tablet with no connection; its own day is kept if it is this recent.
MAX_DAYS_QUEUED = 14
SEEN_EVERY = timedelta(minutes=1)  # how often a device's last contact is written down


class KioskError(ValueError):
    """An answer or request the kiosk API refuses; the message says why (never whose it was)."""

    status = 422


class UnknownVersion(KioskError):
    status = 404


class NoMeeting(KioskError):
    """The room has no meeting to give answers to: staff must set one, or hold one."""

    status = 409


class NotPaired(KioskError):
    """The credential is unknown or revoked."""

    status = 401


@dataclass
class NewPairing:
    device: KioskDevice
    pairing_token: str
    pin: str


def add_device(room_name: str, venue: str = "", default_locale: str = "en_GB",
               opens_at: time | None = None, closes_at: time | None = None) -> NewPairing:
    room_name = (room_name or "").strip()
    if not room_name:
        raise KioskError("A room name is needed")
    device = KioskDevice(
        room_name=room_name, venue=(venue or "").strip(),
        default_locale=supported(default_locale) or "en_GB", opens_at=opens_at, closes_at=closes_at,
    )
    db.session.add(device)
    return new_pairing(device)


def new_pairing(device: KioskDevice) -> NewPairing:
    """A fresh one-time pairing token and staff PIN. Any tablet paired before stops working."""
    token = new_token()
    # Six digits: typed by staff on the tablet's screen; checked by the server, hashed with Argon2.
    pin = f"{secrets.randbelow(10**6):06d}"
    device.pairing_token_hash = hash_token(token)
    device.credential_hash = None
    device.pin_hash = hash_password(pin)
    device.revoked_at = None
    device.paired_at = None
    db.session.flush()
    return NewPairing(device, token, pin)


def pair(pairing_token: str) -> tuple[KioskDevice, str] | None:
    """Use a pairing token once: the device gets a long-lived credential, returned only now."""
    if not isinstance(pairing_token, str) or not pairing_token or len(pairing_token) > 100:
        return None
    device = db.session.scalar(select(KioskDevice).where(
        KioskDevice.pairing_token_hash == hash_token(pairing_token), KioskDevice.revoked_at.is_(None)))
    if device is None:
        return None
    credential = new_token()
    device.credential_hash = hash_token(credential)
    device.pairing_token_hash = None
    device.paired_at = device.last_seen_at = clock.now()
    db.session.flush()
    return device, credential


def authenticate(credential: str | None) -> KioskDevice | None:
    """The paired, unrevoked device holding this credential, its last contact noted; or None."""
    if not credential or len(credential) > 100:
        return None
    device = db.session.scalar(select(KioskDevice).where(
        KioskDevice.credential_hash == hash_token(credential), KioskDevice.revoked_at.is_(None)))
    now = clock.now()
    # To the minute is enough for the devices page, and spares a write on every answer.
    if device is not None and (device.last_seen_at is None or now - device.last_seen_at >= SEEN_EVERY):
        device.last_seen_at = now
    return device


def revoke(device: KioskDevice) -> None:
    device.revoked_at = clock.now()
    device.credential_hash = None
    device.pairing_token_hash = None
    db.session.flush()


def check_pin(device: KioskDevice, pin) -> bool:
    return isinstance(pin, str) and len(pin) <= 32 and verify_password(device.pin_hash, pin)


def note_queue(device: KioskDevice, queued, failed) -> None:
    """Keep what the tablet says about its queue, for the admin page."""
    # JSON has one number type: 3.0 is a whole number too.
    if not all(isinstance(n, (int, float)) and not isinstance(n, bool) and float(n).is_integer()
               and 0 <= n < 10**6 for n in (queued, failed)):
        raise KioskError("queued and failed must be whole numbers")
    device.queue_length, device.queue_failed = int(queued), int(failed)


def room_meeting(device: KioskDevice) -> Meeting | None:
    """The meeting staff set for the room, else the room's most recent meeting up to today."""
    return db.session.scalar(select(Meeting).where(
        Meeting.id == _meeting_id(device.room_name, device.venue, device.meeting_id, None, clock.today())))


def meeting_for(device: KioskDevice) -> Meeting:
    """room_meeting, or else "a meeting here today" made for the room, so a paired tablet always
    takes an answer. A fallback from an earlier day gives way to a new one: its answers are
    about today's meeting. The caller commits."""
    meeting = room_meeting(device)
    today = clock.today()
    if meeting is None or (meeting.kind == GENERAL_KIND and meeting.held_on < today
                           and device.meeting_id != meeting.id):
        meeting = Meeting(kind=GENERAL_KIND, held_on=today, venue=device.venue, room=device.room_name)
        db.session.add(meeting)
        db.session.flush()
    return meeting


def meeting_label(meeting: Meeting | None) -> str:
    """A meeting once, by day, kind and place, as staff choose it: "3 Dec 2026 · Core group
    meeting · Town Hall, Room 1" (a venue that already ends with its room names it once)."""
    from flask_babel import format_date

    from ..labels import MEETING_KIND_LABELS

    if meeting is None:
        return ""
    place = ", ".join(part for part in (meeting.venue, meeting.room) if part)
    if meeting.room and meeting.venue.endswith(meeting.room):
        place = meeting.venue
    return " · ".join(str(part) for part in (format_date(meeting.held_on), MEETING_KIND_LABELS[meeting.kind], place) if part)


def _meeting_id(room, venue, chosen, asked, today):
    """SQL for the id of the meeting a room's answers go to: `asked` (the meeting the tablet
    showed, which may have been queued offline since) if it is this room's, else the one staff
    chose for the room, else the room's latest up to `today`. The room, venue and choice are
    either a device's values or kiosk_devices' columns, so an answer's own INSERT can find its
    meeting (receive_answer)."""
    own = select(Meeting.id).where(Meeting.id == asked, or_(
        Meeting.id == chosen, and_(Meeting.room == room, Meeting.venue == venue))).scalar_subquery()
    latest = (select(Meeting.id)
              .where(Meeting.room == room, Meeting.venue == venue, Meeting.held_on <= today)
              .order_by(Meeting.held_on.desc(), Meeting.id.desc()).limit(1).scalar_subquery())
    return func.coalesce(own, chosen, latest)


def is_open(device: KioskDevice) -> bool:
    if device.opens_at is None or device.closes_at is None:
        return True
    now = clock.now().astimezone(clock.LOCAL_ZONE).time()
    return device.opens_at <= now < device.closes_at


def kiosk_survey() -> Survey | None:
    return db.session.scalar(select(Survey).where(Survey.slug == KIOSK_SURVEY))


def _row_id(value) -> int | None:
    """A JSON value that can be a row id (JSON's 7.0 is a whole number too); anything else
    (text, true, 10**20) is None, not a crash."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value < 2**31:
        return value
    return None


def _check_optional_fields(payload: dict) -> None:
    """Refuse what the OpenAPI document rules out, rather than quietly ignoring it."""
    if payload.get("meeting_id") is not None and _row_id(payload["meeting_id"]) is None:
        raise KioskError("meeting_id must be a meeting's id or null")
    if "locale" in payload and not isinstance(payload["locale"], str):
        raise KioskError("locale must be text")
    if "answered_on" in payload:
        try:
            date.fromisoformat(payload["answered_on"])
        except (TypeError, ValueError) as exc:
            raise KioskError("answered_on must be a date, YYYY-MM-DD") from exc


def _answer_day(raw) -> date:
    today = clock.today()
    try:
        day = date.fromisoformat(raw) if isinstance(raw, str) else None
    except ValueError:
        day = None
    if day is None or not today - timedelta(days=MAX_DAYS_QUEUED) <= day <= today:
        return today
    return day


def canonical_uuid(raw) -> str:
    try:
        return str(uuidlib.UUID(raw)) if isinstance(raw, str) and len(raw) <= 36 else ""
    except ValueError:
        return ""


def already_received(answer_uuid: str) -> bool:
    return db.session.get(KioskReceipt, answer_uuid) is not None


def _checked(payload: dict) -> tuple[str, dict, dict[int, str]]:
    """The answer's UUID, what is kept of it until it is stored, and its free texts; or
    KioskError (AnswerError) saying what is wrong. Everything is checked here, on arrival, so
    storing it later cannot fail."""
    answer_uuid = canonical_uuid(payload.get("uuid"))
    if not answer_uuid:
        raise KioskError("uuid must be a UUID")
    _check_optional_fields(payload)
    answers = payload.get("answers")
    if not isinstance(answers, dict) or not all(
            isinstance(k, str) and (v is None or (isinstance(v, str) and "\x00" not in v))
            for k, v in answers.items()):
        raise KioskError("answers must map question keys to text")
    limit = current_app.config["FEEDBACK_MAX_TEXT_LENGTH"]
    if any(v is not None and len(v) > limit for v in answers.values()):
        raise KioskError(f"an answer is longer than {limit} characters")
    version_id = _row_id(payload.get("survey_version_id"))
    version = shapes.shape(version_id) if version_id else None
    if version is None or version.survey_slug != KIOSK_SURVEY:
        raise UnknownVersion("survey_version_id is not a version of the kiosk survey")
    unknown = set(answers) - version.keys
    if unknown:
        raise KioskError(f"these are not questions of that version: {', '.join(sorted(unknown))}")
    _rows, texts = check_answers(version, answers)
    kept = {"version": version.id, "answers": answers,
            "answered_on": _answer_day(payload.get("answered_on")).isoformat()}
    return answer_uuid, kept, texts


def receive_answer(credential: str, payload: dict) -> bool:
    """Keep one kiosk answer; False if this UUID came before (nothing new is kept).

    The answer is checked in full first; then one INSERT … SELECT checks the tablet's credential,
    finds the room's meeting and keeps the answer in its receipt, and a resend (or the same
    answer sent twice at once) conflicts on the receipt's key and keeps nothing. The analysis
    step stores it as a response within the minute (store_waiting); an answer that may disclose
    harm is stored at once instead, so it is flagged the moment it arrives. Only when nothing was
    kept is it worth asking why: NotPaired, a resend, or NoMeeting. What it keeps is committed
    by the time it returns.
    """
    answer_uuid, kept, texts = _checked(payload)
    if not credential or len(credential) > 100:
        raise NotPaired("A valid device credential is needed.")
    locale = supported(payload.get("locale") if isinstance(payload.get("locale"), str) else None)
    # Not through the session, and as a transaction of its own: the ORM's handling of an INSERT
    # costs more than the statement itself, on the route that tablets call most.
    kept_now = execute_alone(_keep_statement(), {
        "uuid": answer_uuid, "today": clock.today(), "asked": _row_id(payload.get("meeting_id")),
        "locale": locale, "answer": kept, "credential_hash": hash_token(credential),
    })
    if not kept_now:
        if authenticate(credential) is None:
            raise NotPaired("A valid device credential is needed.")
        if already_received(answer_uuid):
            return False
        raise NoMeeting("no meeting is known for this room")
    if any(possible_disclosure(text) for text in texts.values()):
        store_waiting([answer_uuid])
        db.session.commit()
    return True


_keep_statements: dict[bool, object] = {}  # by on_postgresql()


def _keep_statement():
    """receive_answer's INSERT … SELECT, built once for each kind of database: it is the same
    statement for every answer, and building it takes longer than running it."""
    postgresql = on_postgresql()
    if postgresql not in _keep_statements:
        receipts = KioskReceipt.__table__
        room = (select(_meeting_id(KioskDevice.room_name, KioskDevice.venue, KioskDevice.meeting_id,
                                   bindparam("asked", type_=Integer), bindparam("today", type_=Date))
                       .label("meeting_id"),
                       func.coalesce(bindparam("locale", type_=String), KioskDevice.default_locale).label("locale"))
                .where(KioskDevice.credential_hash == bindparam("credential_hash"),
                       KioskDevice.revoked_at.is_(None))
                .subquery())
        _keep_statements[postgresql] = (
            upsert(receipts)
            .from_select(["uuid", "received_on", "meeting_id", "locale", "answer"], select(
                bindparam("uuid", type_=String), bindparam("today", type_=Date), room.c.meeting_id,
                room.c.locale, bindparam("answer", type_=receipts.c.answer.type))
                .where(room.c.meeting_id.is_not(None)))
            .on_conflict_do_nothing().returning(receipts.c.uuid))
    return _keep_statements[postgresql]


def store_all_waiting() -> int:
    """Store every waiting kiosk answer and commit them: for what counts or exports answers
    (the analysis step, the export, the survey list), so the last minute's are in it. Returns
    how many."""
    stored = store_waiting()
    if stored:
        db.session.commit()
    return stored


def store_waiting(uuids: Collection[str] | None = None, batch: int = 1000) -> int:
    """Store the kiosk answers waiting in their receipts (all of them, or those named) as
    responses, and empty those receipts; returns how many. The caller commits.

    A no-op write claims each batch, as the analysis step claims responses: on PostgreSQL another
    analyser skips the locked rows, and on SQLite it waits for the write lock and then finds the
    answers gone."""
    stored = 0
    while True:
        waiting = select(KioskReceipt.uuid).where(KioskReceipt.answer.is_not(None))
        if uuids is not None:
            waiting = waiting.where(KioskReceipt.uuid.in_(list(uuids)))
        waiting = waiting.order_by(KioskReceipt.uuid).limit(batch).with_for_update(skip_locked=True)
        claimed = db.session.execute(
            update(KioskReceipt).where(KioskReceipt.uuid.in_(waiting.scalar_subquery()))
            .values(received_on=KioskReceipt.received_on)
            .returning(KioskReceipt.uuid, KioskReceipt.meeting_id, KioskReceipt.locale, KioskReceipt.answer)
            .execution_options(synchronize_session=False)).all()
        if not claimed:
            return stored
        kinds = dict(db.session.execute(
            select(Meeting.id, Meeting.kind).where(Meeting.id.in_({row.meeting_id for row in claimed}))).all())
        for row in claimed:
            record_response(
                shapes.shape(row.answer["version"]), row.answer["answers"], channel="kiosk",
                locale=row.locale, meeting_kind=kinds[row.meeting_id], meeting_id=row.meeting_id,
                submitted_on=date.fromisoformat(row.answer["answered_on"]),
            )
        db.session.execute(
            update(KioskReceipt).where(KioskReceipt.uuid.in_([row.uuid for row in claimed]))
            .values(meeting_id=None, locale=None, answer=null())
            .execution_options(synchronize_session=False))
        stored += len(claimed)


def answer_later(device: KioskDevice, locale: str | None) -> tuple[str, str]:
    """A card invitation to the survey links ask after the room's meeting; returns its token
    and language."""
    meeting = meeting_for(device)
    survey = link_survey_for(meeting.kind)
    if survey is None:
        raise NoMeeting("no meeting is known for this room")
    invitation, token = create_invitation(
        meeting, survey, channel="card", locale=supported(locale) or device.default_locale,
        delay_days=0)
    return token, invitation.locale


def qr_data_uri(url: str) -> str:
    """An SVG QR code as a data: URI, drawn here so the tablet needs no QR library."""
    return segno.make(url, error="m").svg_data_uri(scale=8, border=2, dark="#000", light="#fff")


def devices() -> list[KioskDevice]:
    return list(db.session.scalars(select(KioskDevice).order_by(KioskDevice.venue, KioskDevice.room_name)))


def recent_meetings(limit: int = 30) -> list[Meeting]:
    return list(db.session.scalars(
        select(Meeting).where(Meeting.held_on <= clock.today())
        .order_by(Meeting.held_on.desc(), Meeting.id.desc()).limit(limit)))


def set_meeting(device: KioskDevice, meeting_id: int | None) -> None:
    """Staff choose the room's meeting; None goes back to the room's latest meeting."""
    meeting = db.session.get(Meeting, meeting_id) if meeting_id else None
    if meeting_id and meeting is None:
        raise KioskError("There is no such meeting")
    device.meeting = meeting
    db.session.flush()


def pairing_url(base_url: str, pairing_token: str) -> str:
    # The token rides in the fragment, which browsers never send: it stays out of server logs.
    return f"{base_url.rstrip('/')}/kiosk/#pair={pairing_token}"
