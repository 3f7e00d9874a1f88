"""The words of invitations and reminders: short, plain, in the family's language.

Each says who it is from, why we ask, that answering is optional and anonymous, and the link.
"""
from __future__ import annotations

from dataclasses import dataclass

from flask import current_app
from flask_babel import force_locale, format_date
from flask_babel import gettext as _

from ..bidi import isolate_text
from ..i18n import language_query, organisation, translated
from ..labels import meeting_kind_name
from ..models import Invitation
from ..nlp.jargon import explanations


@dataclass
class Wording:
    subject: str
    text: str
    sms: str


def survey_link(token: str, locale: str | None = None) -> str:
    """The link to answer, opening in the language the invitation was made for."""
    return f"{current_app.config['FEEDBACK_BASE_URL']}/s/{token}{language_query(locale)}"


def _jargon_notes(meeting_kind: str) -> str:
    """Plain explanations of the jargon in the meeting's name, in the reader's language."""
    with force_locale("en_GB"):  # the jargon buster matches English wording
        english = meeting_kind_name(meeting_kind)
    words = explanations(english)
    if not words:
        return ""
    return "\n".join([_("What the words mean:")] + [
        f"{translated(word['term'])}: {translated(word['plain'])}" for word in words])


def wording(invitation: Invitation, link: str, *, reminder: bool) -> Wording:
    with force_locale(invitation.locale):
        values = {
            "organisation": organisation(invitation.locale),
            "meeting": meeting_kind_name(invitation.meeting.kind).lower(),
            "date": format_date(invitation.meeting.held_on, "long"),
            "closes": format_date(invitation.expires_at, "long"),
            "link": link,
        }
        if reminder:
            subject = _("A reminder: how was your meeting?")
            opening = _("We wrote to you a few days ago. In case you would still like to tell us:")
            sms = _("%(organisation)s: a reminder, if you would like to tell us how your meeting went. "
                    "It is up to you and anonymous: %(link)s", **values)
        else:
            subject = _("How was your meeting?")
            opening = ""
            sms = _("%(organisation)s: how was your %(meeting)s on %(date)s? Tell us if you would "
                    "like to. It is up to you and anonymous: %(link)s", **values)
        paragraphs = [
            _("Hello,"),
            opening,
            _("This message is from %(organisation)s. You were at a %(meeting)s on %(date)s. "
              "We would like to know how it went for you, so that we can make meetings better "
              "for families.", **values),
            _("Answering is up to you. It is anonymous: we will not know who answered, and "
              "nothing you say changes anything about your case."),
            _("Answer here, on your phone or a computer (it takes about 5 minutes):"),
            link,
            _("The link works once, until %(closes)s.", **values),
            _jargon_notes(invitation.meeting.kind),
        ]
    text = "\n\n".join(p for p in paragraphs if p) + "\n"
    return Wording(subject=subject, text=isolate_text(text, invitation.locale),
                   sms=isolate_text(sms, invitation.locale))
