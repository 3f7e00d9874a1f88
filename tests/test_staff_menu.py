"""The staff menu offers each role the pages it may open, and no page it may not."""
import pytest

from feedback_app.admin.menu import MENU, links_for
from feedback_app.models import ROLES


@pytest.mark.parametrize("role", ROLES)
def test_the_menu_offers_exactly_the_pages_a_role_may_open(app, role):
    allowed = {endpoint for endpoint, _label, _roles in MENU
               if role in app.view_functions[endpoint].allowed_roles}
    assert {endpoint for endpoint, _label in links_for(role)} == allowed


@pytest.mark.parametrize("role, shown, hidden", [
    ("moderator", ["Stories to moderate", "Newsletter"], ["Kiosk tablets", "Workshop insight"]),
    ("facilitator", ["Workshop insight", "Tag comments with themes"], ["Newsletter"]),
    ("safeguarding_lead", ["Possible safeguarding concerns"], ["Stories to moderate"]),
    ("admin", ["Kiosk tablets", "Invitations and cards", "Newsletter", "Possible safeguarding concerns"], []),
])
def test_every_staff_page_shows_the_menu_for_the_role(client, login, role, shown, hidden):
    login(role)
    html = client.get("/admin/").get_data(as_text=True)
    menu = html.split('aria-label="Staff menu"', 1)[1].split("</nav>", 1)[0]
    for label in shown:
        assert label in menu
    for label in hidden:
        assert label not in menu
