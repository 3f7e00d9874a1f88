"""Role × route: every route, every role and no login, with the answer each should get.

ACCESS is the decision of who may use each route. A route missing from it fails this test, so
nobody adds a route without deciding.
"""
import pytest

from feedback_app.models import ROLES

PUBLIC, DEVICE = "public", "device"
ANYONE_ON_STAFF = frozenset(ROLES)

ACCESS = {
    "public.index": PUBLIC,
    "public.glossary": PUBLIC,
    "public.privacy": PUBLIC,
    "accounts.login": PUBLIC,
    "accounts.logout": PUBLIC,
    "surveys.answer": PUBLIC,
    "surveys.thanks": PUBLIC,
    "card_codes.enter_code": PUBLIC,
    "static": PUBLIC,
    "insights.static": PUBLIC,
    "kiosk.index": PUBLIC,
    "kiosk.client_file": PUBLIC,
    "kiosk.messages": PUBLIC,
    "kiosk_api.openapi": PUBLIC,
    "kiosk_api.pair": PUBLIC,          # the one-time pairing token is the credential
    "kiosk_api.config": DEVICE,
    "kiosk_api.later": DEVICE,
    "kiosk_api.post_response": DEVICE,
    "kiosk_api.status": DEVICE,
    "kiosk_api.unlock": DEVICE,
    "kiosk_api.leave": DEVICE,
    "admin.index": ANYONE_ON_STAFF,
    "admin.surveys": {"admin"},
    "admin.edit_survey_page": {"admin"},
    "admin.supported_entry": {"admin", "advocate"},
    "safeguarding.index": {"admin", "safeguarding_lead"},
    "safeguarding.reviewed": {"admin", "safeguarding_lead"},
    "safeguarding.add_step": {"admin", "safeguarding_lead"},
    "insights.index": {"admin", "facilitator"},
    "insights.figures_csv": {"admin", "facilitator"},
    "insights.tagging": {"admin", "facilitator"},
    "insights.tag": {"admin", "facilitator"},
    "insights.themes": {"admin", "facilitator"},
    "insights.edit_theme": {"admin"},
    "insights.edit_theme_names": {"admin"},
    "invitations.index": {"admin"},
    "invitations.import_page": {"admin"},
    "invitations.new": {"admin"},
    "kiosk_admin.devices": {"admin"},
    "kiosk_admin.set_meeting": {"admin"},
    "kiosk_admin.new_pairing": {"admin"},
    "kiosk_admin.revoke": {"admin"},
    # Stories and newsletter (issue 5): the storyteller's code is their credential.
    "stories.new": PUBLIC,
    "stories.sent": PUBLIC,
    "stories.yours": PUBLIC,
    "stories.review": PUBLIC,
    "newsletter.archive": PUBLIC,
    "newsletter.public_issue": PUBLIC,
    "newsletter.unsubscribe": PUBLIC,  # the signed link is the credential (RFC 8058 one-click)
    "stories.card": {"admin", "moderator", "advocate"},
    **{f"stories.{name}": {"admin", "moderator"} for name in (
        "queue", "moderate", "undo", "replace", "edit", "themes", "approve", "send_to_teller", "reject")},
    **{f"newsletter.{name}": {"admin", "moderator"} for name in (
        "issues", "add_subscriber", "issue", "intro", "add_note", "remove_note", "preview", "publish")},
}

SAMPLE_ARGUMENTS = {"int": 987654, "path": "index.html", "default": "sample"}


def _url(rule):
    values = {}
    for name in rule.arguments:
        converter = type(rule._converters[name]).__name__.replace("Converter", "").lower()
        values[name] = SAMPLE_ARGUMENTS.get(
            {"integer": "int", "path": "path", "unicodestring": "default"}.get(converter, "default"), "sample")
    if rule.endpoint in ("static", "insights.static"):
        values["filename"] = "app.css"
    return rule.build(values, append_unknown=False)[1]


def _routes(app):
    # Logging out ends the session, so it goes last.
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.endpoint == "accounts.logout"):
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            yield rule, method


def test_every_route_has_a_decision(app):
    undecided = sorted({rule.endpoint for rule, _m in _routes(app)} - set(ACCESS))
    assert undecided == [], "add these routes to ACCESS in tests/test_access.py"
    gone = sorted(set(ACCESS) - {rule.endpoint for rule, _m in _routes(app)})
    assert gone == []


def _call(client, method, url):
    response = client.open(url, method=method, data={}, headers={"Accept": "text/html"})
    response.close()  # static files hold their file open until then
    return response


@pytest.mark.parametrize("who", [None, *ROLES])
def test_every_route_answers_each_role_as_decided(app, client, login, who):
    if who:
        login(who)
    app.config["WTF_CSRF_ENABLED"] = False  # the answer we test is about who, not forms
    try:
        for rule, method in _routes(app):
            decision = ACCESS[rule.endpoint]
            response = _call(client, method, _url(rule))
            where = (who, method, rule.rule, response.status_code)
            assert response.status_code < 500, where
            to_login = response.status_code == 302 and "/login" in response.headers.get("Location", "")
            if decision == PUBLIC:
                assert response.status_code not in (401, 403) and not to_login, where
            elif decision == DEVICE:
                assert response.status_code == 401, where
            elif who is None:
                assert to_login, where
            elif who in decision or who == "admin":
                assert response.status_code not in (401, 403) and not to_login, where
            else:
                assert response.status_code == 403, where
    finally:
        app.config["WTF_CSRF_ENABLED"] = True
