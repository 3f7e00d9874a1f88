import pytest
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import AuditEvent, User

from .conftest import PASSWORD, csrf_from


def _login(client, email, password):
    page = client.get("/login")
    return client.post("/login", data={
        "email": email, "password": password, "csrf_token": csrf_from(page.get_data(as_text=True)),
    })


def test_login_and_logout(client, make_user):
    email = make_user("facilitator")
    response = _login(client, email.upper(), PASSWORD)
    assert response.status_code == 302 and response.headers["Location"] == "/admin/"
    page = client.get("/admin/").get_data(as_text=True)
    assert email in page
    token = csrf_from(page)
    assert client.post("/logout", data={"csrf_token": token}).status_code == 302
    assert client.get("/admin/").status_code == 302


def test_wrong_password_is_refused_with_a_clear_message(client, make_user, app):
    email = make_user("admin")
    response = _login(client, email, "not the password")
    assert response.status_code == 400
    assert "do not match an account" in response.get_data(as_text=True)
    assert client.get("/admin/").status_code == 302
    with app.app_context():
        assert db.session.scalar(select(User.failed_logins).where(User.email == email)) == 1


def test_login_does_not_follow_a_next_to_another_site(client, make_user):
    email = make_user("admin")
    page = client.get("/login?next=//evil.example/x")
    response = client.post("/login?next=//evil.example/x", data={
        "email": email, "password": PASSWORD, "csrf_token": csrf_from(page.get_data(as_text=True)),
    })
    assert response.headers["Location"] == "/admin/"


def test_passwords_are_stored_as_argon2id_hashes(app, make_user):
    email = make_user("moderator")
    with app.app_context():
        stored = db.session.scalar(select(User.password_hash).where(User.email == email))
    assert stored.startswith("$argon2id$") and PASSWORD not in stored


# Every staff page, and the roles that may open it (admins may open them all).
STAFF_PAGES = {
    "/admin/": {"admin", "facilitator", "moderator", "advocate", "safeguarding_lead"},
    "/admin/surveys": {"admin"},
    "/admin/responses/new": {"admin", "advocate"},
    "/admin/safeguarding/": {"admin", "safeguarding_lead"},
}


@pytest.mark.parametrize("path", sorted(STAFF_PAGES))
def test_staff_pages_need_a_login(client, path):
    response = client.get(path)
    assert response.status_code == 302 and "/login" in response.headers["Location"]


@pytest.mark.parametrize("role", ["admin", "facilitator", "moderator", "advocate", "safeguarding_lead"])
def test_staff_pages_need_the_right_role(client, login, role):
    login(role)
    for path, allowed in STAFF_PAGES.items():
        expected = 200 if role in allowed else 403
        assert client.get(path).status_code == expected, (role, path)


def test_every_admin_route_declares_who_may_use_it(app):
    """A new /admin route without roles_required or any_staff fails here."""
    undeclared = [
        rule.rule for rule in app.url_map.iter_rules()
        if rule.rule.startswith("/admin")
        and not hasattr(app.view_functions[rule.endpoint], "allowed_roles")
    ]
    assert undeclared == []
    assert {r.rule for r in app.url_map.iter_rules() if r.rule.startswith("/admin")} >= set(STAFF_PAGES)


def test_cli_creates_a_user_from_the_environment(runner, app, monkeypatch):
    monkeypatch.setenv("FEEDBACK_PASSWORD", PASSWORD)
    result = runner.invoke(args=["users", "create", "Chair@Example.org", "--role", "facilitator"])
    assert result.exit_code == 0, result.output
    assert "Created chair@example.org (facilitator)" in result.output
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == "chair@example.org"))
        assert user.role == "facilitator"
        assert db.session.scalar(select(AuditEvent.action).where(AuditEvent.target_id == str(user.id))) == "user.create"


def test_cli_prompts_for_the_password(runner, app, monkeypatch):
    monkeypatch.delenv("FEEDBACK_PASSWORD", raising=False)
    result = runner.invoke(args=["users", "create", "lead@example.org", "--role", "safeguarding_lead"],
                           input=f"{PASSWORD}\n{PASSWORD}\n")
    assert result.exit_code == 0, result.output
    assert "Password" in result.output


@pytest.mark.parametrize("args, message", [
    (["users", "create", "x@example.org", "--role", "king"], "role must be one of"),
    (["users", "create", "not-an-email", "--role", "admin"], "not an email address"),
])
def test_cli_refuses_bad_input(runner, monkeypatch, args, message):
    monkeypatch.setenv("FEEDBACK_PASSWORD", PASSWORD)
    result = runner.invoke(args=args)
    assert result.exit_code != 0 and message in result.output


def test_cli_refuses_a_short_password_and_a_duplicate(runner, monkeypatch):
    monkeypatch.setenv("FEEDBACK_PASSWORD", "short")
    assert "at least 12" in runner.invoke(args=["users", "create", "a@example.org", "--role", "admin"]).output
    monkeypatch.setenv("FEEDBACK_PASSWORD", PASSWORD)
    assert runner.invoke(args=["users", "create", "a@example.org", "--role", "admin"]).exit_code == 0
    again = runner.invoke(args=["users", "create", "A@example.org", "--role", "admin"])
    assert again.exit_code != 0 and "already an account" in again.output


def test_the_staff_home_page_links_to_what_each_role_may_open(client, login, app):
    login("moderator")
    html = client.get("/admin/").get_data(as_text=True)
    assert "Stories to moderate" in html and "Newsletter" in html
    assert "Surveys" not in html and "Workshop insight" not in html


def test_admins_see_every_staff_link(client, login):
    login("admin")
    html = client.get("/admin/").get_data(as_text=True)
    for label in ("Invitations and cards", "Kiosk tablets", "Surveys", "Enter answers with a parent",
                  "Stories to moderate", "Newsletter", "Workshop insight", "Possible safeguarding concerns"):
        assert label in html
