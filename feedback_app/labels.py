"""Plain names for the codes the data model stores."""
from flask_babel import lazy_gettext as _l
from flask_babel import lazy_pgettext

# The names of the kinds of meeting, with their own context: the glossary's entries of the same
# English words keep the English beside the translation (to match what families hear), a
# meeting's name in a message or on a page is the translation alone.
MEETING_KIND_LABELS = {
    "cp_conference": lazy_pgettext("meeting kind", "Child protection conference"),
    "review_conference": lazy_pgettext("meeting kind", "Review child protection conference"),
    "core_group": lazy_pgettext("meeting kind", "Core group meeting"),
    "cin_meeting": lazy_pgettext("meeting kind", "Child in need meeting"),
    "fgc": lazy_pgettext("meeting kind", "Family group conference"),
    "early_help": lazy_pgettext("meeting kind", "Early help meeting"),
    "general": lazy_pgettext("meeting kind", "A meeting here today"),
}


def meeting_kind_name(kind: str) -> str:
    """A kind of meeting's name in the current language; the English name where a catalog has
    none, and the stored code itself for a kind this version does not know."""
    label = MEETING_KIND_LABELS.get(kind)
    return str(label) if label is not None else kind


ROLE_LABELS = {
    "admin": _l("Admin"),
    "facilitator": _l("Workshop facilitator"),
    "moderator": _l("Story moderator"),
    "advocate": _l("Advocate"),
    "safeguarding_lead": _l("Safeguarding lead"),
}

CHANNEL_LABELS = {
    "link": _l("Link"),
    "card": _l("Card"),
    "kiosk": _l("Kiosk"),
    "advocate": _l("With an advocate"),
}
