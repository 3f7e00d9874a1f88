"""The staff menu: the pages each role may open. Shown on the staff home page and in the header of
every staff page, so nobody has to go back home to find the next page."""
from __future__ import annotations

from flask import request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user

# Each link and the roles it is for (admins see every link). Keep in step with the roles each
# view declares (roles_required); tests/test_staff_menu.py checks that they agree.
MENU = [
    ("invitations.index", _l("Invitations and cards"), {"admin"}),
    ("kiosk_admin.devices", _l("Kiosk tablets"), {"admin"}),
    ("admin.surveys", _l("Surveys"), {"admin"}),
    ("admin.supported_entry", _l("Enter answers with a parent"), {"advocate"}),
    ("stories.queue", _l("Stories to moderate"), {"moderator"}),
    ("newsletter.issues", _l("Newsletter"), {"moderator"}),
    ("insights.index", _l("Workshop insight"), {"facilitator"}),
    ("insights.tagging", _l("Tag comments with themes"), {"facilitator"}),
    ("insights.themes", _l("Themes and their words"), {"facilitator"}),
    ("safeguarding.index", _l("Possible safeguarding concerns"), {"safeguarding_lead"}),
]


def links_for(role: str) -> list[tuple[str, str]]:
    """(endpoint, label) of every page on the menu that `role` may open."""
    return [(endpoint, label) for endpoint, label, roles in MENU if role == "admin" or role in roles]


def staff_menu() -> list[dict]:
    """The menu for whoever is logged in: href, label and whether it is the page being shown."""
    if not current_user.is_authenticated:
        return []
    here = request.endpoint or ""
    links = [("admin.index", _l("Staff pages"))] + links_for(current_user.role)
    endpoints = [endpoint for endpoint, _label in links]
    if here not in endpoints:
        # A page inside a section (one newsletter issue) marks its section's first link.
        section = here.rsplit(".", 1)[0]
        here = next((e for e in endpoints[1:] if e.rsplit(".", 1)[0] == section), here)
    return [{"href": url_for(endpoint), "label": label, "current": endpoint == here}
            for endpoint, label in links]
