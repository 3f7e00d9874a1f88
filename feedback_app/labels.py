"""Plain names for the codes the data model stores."""
from flask_babel import lazy_gettext as _l

MEETING_KIND_LABELS = {
    "cp_conference": _l("Child protection conference"),
    "review_conference": _l("Review child protection conference"),
    "core_group": _l("Core group meeting"),
    "cin_meeting": _l("Child in need meeting"),
    "fgc": _l("Family group conference"),
    "early_help": _l("Early help meeting"),
    "general": _l("A meeting here today"),
}

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
