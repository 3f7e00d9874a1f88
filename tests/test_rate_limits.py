"""Guessers are slowed down: rate limits on the doors they would try, and paused accounts."""
from datetime import timedelta

from sqlalchemy import select

from feedback_app import clock
from feedback_app.extensions import db, limiter
from feedback_app.models import AuditEvent, User

from .conftest import PASSWORD, csrf_from


def _try_login(client, email, password):
    page = client.get("/login").get_data(as_text=True)
    return client.post("/login", data={"email": email, "password": password, "csrf_token": csrf_from(page)})


def test_too_many_logins_from_one_address_get_a_friendly_429(client, make_user, rate_limited):
    email = make_user("admin")
    answers = [_try_login(client, email, "wrong password!").status_code for _ in range(11)]
    assert answers[:10] == [400] * 10 and answers[10] == 429
    page = _try_login(client, email, PASSWORD)
    assert page.status_code == 429
    assert "Please wait a moment" in page.get_data(as_text=True)
    assert "Retry-After" in page.headers


def test_guessing_survey_links_is_limited(client, rate_limited):
    codes = [client.get(f"/s/guess-{n}").status_code for n in range(31)]
    assert codes[:30] == [404] * 30 and codes[30] == 429


def test_limits_are_off_unless_switched_on(client):
    assert all(client.get(f"/s/guess-{n}").status_code == 404 for n in range(40))


def test_an_account_pauses_after_repeated_wrong_passwords(client, make_user, app, monkeypatch):
    email = make_user("moderator")
    for _ in range(5):
        assert _try_login(client, email, "not it at all").status_code == 400
    # Paused: even the right password is refused, with the same message.
    refused = _try_login(client, email, PASSWORD)
    assert refused.status_code == 400 and "paused for 15 minutes" in refused.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(AuditEvent.action).where(AuditEvent.action == "user.locked"))
    later = clock.now() + timedelta(minutes=16)
    monkeypatch.setattr(clock, "now", lambda: later)
    assert _try_login(client, email, PASSWORD).status_code == 302
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == email))
        assert user.locked_until is None and user.failed_logins == 0


def test_story_submissions_and_code_guesses_are_limited(client, rate_limited):
    page = client.get("/stories/new").get_data(as_text=True)
    posts = [client.post("/stories/new", data={"csrf_token": csrf_from(page)}).status_code for _ in range(6)]
    assert posts[:5] == [400] * 5 and posts[5] == 429
    guesses = [client.get(f"/stories/yours/GUESS{n}").status_code for n in range(31)]
    assert guesses[:30] == [404] * 30 and guesses[30] == 429


def test_limits_count_by_a_hash_of_the_address_never_the_address(client, rate_limited):
    """The counts outlive the request (a day, in Redis in production); families are told we do
    not keep their address."""
    address = "198.51.100.23"
    for path in ("/s/guess", "/stories/yours/GUESS", "/login"):
        assert client.get(path, environ_base={"REMOTE_ADDR": address}).status_code in (200, 404)
    keys = list(limiter.storage.storage) + list(limiter.storage.events)
    assert len(keys) >= 3  # the requests were counted
    assert not [key for key in keys if address in key]
    # Still one count per address: another address starts afresh.
    codes = [client.get(f"/s/guess-{n}", environ_base={"REMOTE_ADDR": address}).status_code for n in range(30)]
    assert codes[-1] == 429
    assert client.get("/s/guess", environ_base={"REMOTE_ADDR": "198.51.100.24"}).status_code == 404
