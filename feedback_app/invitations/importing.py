"""Importing invitations from CSV: meeting_date,meeting_kind,channel,contact,locale,delay_days.

Every row is checked; a bad row is reported by its line number with the reason and skipped; a
good row is imported whole (its meeting, invitation and contact) inside its own SAVEPOINT, so
nothing is ever half imported. Reasons never repeat the contact.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date

from flask_babel import gettext as _
from sqlalchemy.exc import SQLAlchemyError

from ..config import LANGUAGES
from ..i18n import offered_language
from ..extensions import db
from ..models import MEETING_KINDS, Survey
from ..models.invitations import INVITATION_CHANNELS
from . import contacts
from ..surveys.choice import link_survey_for
from .services import Card, make_card, meeting_for, schedule_message

COLUMNS = ("meeting_date", "meeting_kind", "channel", "contact", "locale", "delay_days")
MAX_DELAY_DAYS = 90


@dataclass
class ImportResult:
    created: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)
    cards: list[Card] = field(default_factory=list)
    # Each language code as written in the file → the language it was read as, when they differ.
    languages: dict[str, str] = field(default_factory=dict)


@dataclass
class Row:
    held_on: date
    kind: str
    channel: str
    contact: str
    locale: str
    delay_days: int | None


def parse_row(raw: dict[str, str]) -> Row:
    """A checked row, or ValueError with the reason (safe to show: never the contact)."""
    value = {name: (raw.get(name) or "").strip() for name in COLUMNS}
    try:
        held_on = date.fromisoformat(value["meeting_date"])
    except ValueError:
        raise ValueError(_("meeting_date must be a date like 2026-11-24")) from None
    if value["meeting_kind"] not in MEETING_KINDS:
        raise ValueError(_("meeting_kind must be one of %(kinds)s", kinds=", ".join(MEETING_KINDS)))
    if value["channel"] not in INVITATION_CHANNELS:
        raise ValueError(_("channel must be email, sms or card"))
    locale = offered_language(value["locale"] or "en_GB")
    if locale is None:
        raise ValueError(_("locale %(written)s is not a language we offer; use one of %(codes)s",
                           written=repr(value["locale"]), codes=", ".join(LANGUAGES)))
    delay = None
    if value["delay_days"]:
        if not value["delay_days"].isdigit() or int(value["delay_days"]) > MAX_DELAY_DAYS:
            raise ValueError(_("delay_days must be a whole number from 0 to %(most)d", most=MAX_DELAY_DAYS))
        delay = int(value["delay_days"])
    try:
        contact = contacts.normalise(value["channel"], value["contact"]) or ""
    except contacts.ContactError:
        if value["channel"] == "card":
            raise ValueError(_("a card row must leave contact empty")) from None
        if value["channel"] == "email":
            raise ValueError(_("contact is not an email address")) from None
        raise ValueError(_("contact is not a phone number")) from None
    return Row(held_on, value["meeting_kind"], value["channel"], contact, locale, delay)


def _open_transaction() -> None:
    """Make sure a real transaction is open before the per-row SAVEPOINTs.

    Python's sqlite3 driver begins a transaction only before its first write; a SAVEPOINT issued
    before that starts one of its own, and releasing it would commit the row at once, so a
    failure later could not take the import back. PostgreSQL needs nothing.
    """
    connection = db.session.connection()
    if connection.dialect.name == "sqlite" and not connection.connection.dbapi_connection.in_transaction:
        connection.exec_driver_sql("BEGIN")


def import_csv(text: str, survey: Survey | None = None) -> ImportResult:
    """Invitations from a CSV file, to `survey`, or when None to the survey chosen for each
    row's kind of meeting."""
    result = ImportResult()
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))  # spreadsheets add a BOM
    missing = [name for name in COLUMNS if name not in (reader.fieldnames or [])]
    if missing:
        result.errors.append((1, _("the header must name the columns %(columns)s; missing: %(missing)s",
                                   columns=",".join(COLUMNS), missing=", ".join(missing))))
        return result
    _open_transaction()
    line = 1
    for raw in reader:
        start, line = line + 1, reader.line_num
        try:
            row = parse_row(raw)
        except ValueError as exc:
            result.errors.append((start, str(exc)))
            continue
        if raw.get("locale") and raw["locale"].strip() != row.locale:
            result.languages[raw["locale"].strip()] = row.locale
        card = None
        try:
            with db.session.begin_nested():  # the row whole, or not at all
                meeting = meeting_for(row.held_on, row.kind)
                asked = survey or link_survey_for(row.kind)
                if row.channel == "card":
                    card = make_card(meeting, asked, row.locale)
                else:
                    schedule_message(meeting, asked, row.channel, row.contact, row.locale,
                                     row.delay_days)
        except SQLAlchemyError:
            result.errors.append((start, _("the row could not be saved; nothing of it was kept")))
            continue
        if card:
            result.cards.append(card)
        result.created += 1
    return result
