"""Every word the kiosk client shows, served as JSON in the tablet's chosen language.

Marked with _l here so the catalogs carry them like any page's strings. Placeholders keep the
%(name)s form; the client fills them in.
"""
from __future__ import annotations

from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from ..config import LANGUAGES, RTL_LANGUAGES
from ..bidi import isolate_text
from ..i18n import translated
from ..surveys.options import choices_for

UI = {
    "app_title": _l("Have your say"),
    "welcome_title": _l("How was your meeting today?"),
    "welcome_text": _l("Tell us by tapping. It takes less than a minute, and we do not ask your name."),
    "give_feedback": _l("Give feedback"),
    "answer_later": _l("Answer later instead"),
    "choose_language": _l("Choose your language"),
    "start_again": _l("Start again"),
    # Translators: shown above each kiosk question, e.g. "Question 2 of 6".
    "progress": _l("Question %(number)s of %(total)s"),
    "optional": _l("(optional)"),
    "skip": _l("Skip this question"),
    "previous": _l("Change my last answer"),
    "send": _l("Send my answers"),
    "free_text_hint": _l("You can leave this empty. Please do not write anyone's name."),
    "help_now_title": _l("If you need help now"),
    "help_now": _l("Your answers are anonymous, so nobody can reply to them. If you or a child are in danger, call 999. To talk to someone about a child's safety, call the NSPCC on 0808 800 5000. To talk about how you feel, call Samaritans free on 116 123, day or night."),
    "thanks_title": _l("Thank you"),
    "thanks_text": _l("Your answers are saved. Nobody can tell who gave them."),
    "story_link": _l("Tell us about something that went well"),
    "later_title": _l("Answer later"),
    "later_text": _l("Scan this code with your phone's camera. It opens the survey whenever you like, once. You do not need to give your name or contact details."),
    "later_qr_alt": _l("QR code with a link to the survey"),
    "later_wait": _l("Making your code…"),
    "later_offline": _l("This tablet cannot reach the internet right now, so it cannot make a code. Please ask a member of staff for a card with a survey link."),
    "done": _l("Done"),
    "still_there_title": _l("Still there?"),
    "still_there_text": _l("Touch to continue. If not, this screen starts again in a few seconds and your answers are cleared."),
    "continue": _l("Touch to continue"),
    "closed_title": _l("Feedback is closed now"),
    "closed_text": _l("This tablet rests outside opening hours. You can ask for a card to answer at home instead."),
    "no_meeting_title": _l("Not ready yet"),
    "no_meeting_text": _l("This tablet does not know which meeting this room is for. Please ask a member of staff."),
    "not_paired_title": _l("This tablet is not set up"),
    "not_paired_text": _l("Ask an admin for a pairing link for this room and open it here."),
    "pairing_failed": _l("That pairing link does not work. It may have been used already. Ask an admin for a new one."),
    "staff": _l("Staff"),
    "pin_title": _l("Staff only"),
    "pin_label": _l("Staff PIN"),
    "unlock": _l("Unlock"),
    "pin_wrong": _l("That PIN is not right."),
    "pin_offline": _l("The PIN can only be checked when the tablet is online."),
    "cancel": _l("Cancel"),
    "staff_title": _l("Kiosk settings"),
    "room": _l("Room: %(room)s"),
    "queued": _l("Answers waiting to be sent: %(count)s"),
    "failed": _l("Answers the server refused: %(count)s"),
    "send_now": _l("Send waiting answers now"),
    "unpair": _l("Unpair this tablet"),
    "back": _l("Back to feedback"),
}


def survey_wording(version) -> dict:
    """The kiosk survey's questions in the current language."""
    return {
        "version_id": version.id,
        "questions": [{
            "key": q.key, "kind": q.kind, "required": q.required,
            "prompt": translated(q.prompt), "hint": translated(q.hint) if q.hint else "",
            "options": [{"value": c.value, "label": c.label} for c in choices_for(q)],
        } for q in version.questions],
    }


def messages_for(locale: str, version) -> dict:
    with force_locale(locale):
        return {
            "locale": locale,
            "lang": locale.replace("_", "-"),
            "dir": "rtl" if locale.split("_")[0] in RTL_LANGUAGES else "ltr",
            "languages": [{"code": code, "name": name, "lang": code.replace("_", "-")}
                          for code, name in LANGUAGES.items()],
            "ui": {key: isolate_text(str(text), locale) for key, text in UI.items()},
            "survey": survey_wording(version) if version is not None else None,
        }
