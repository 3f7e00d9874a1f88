"""Fixtures: one migrated database per run (SQLite, or PostgreSQL when TEST_DATABASE_URL names a
server), emptied after every test; an app, a client, a CLI runner and staff logins.

    pytest                                   # SQLite in a temporary folder
    TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test pytest
                                             # a fresh database on that server, dropped afterwards
"""
from __future__ import annotations

import os
import re
import secrets

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from feedback_app import create_app
from feedback_app.accounts.services import create_user
from feedback_app.extensions import db, limiter
from feedback_app.kiosk_api.services import store_all_waiting
from feedback_app.surveys import shapes

PASSWORD = "correct horse battery staple"


def _fresh_postgres_database(server_url: str):
    """Create an empty database on the server for this run; returns (url, drop)."""
    url = make_url(server_url.replace("postgresql://", "postgresql+psycopg://", 1))
    name = f"feedback_test_{os.getpid()}_{secrets.token_hex(3)}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))

    def drop():
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return url.set(database=name).render_as_string(hide_password=False), drop


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    server = os.environ.get("TEST_DATABASE_URL")
    if not server:
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"
        return
    url, drop = _fresh_postgres_database(server)
    yield url
    drop()


@pytest.fixture(scope="session")
def app(database_url, tmp_path_factory):
    instance = tmp_path_factory.mktemp("instance")
    os.environ["FEEDBACK_INSTANCE_PATH"] = str(instance)
    os.environ.pop("FEEDBACK_ENV", None)
    os.environ.pop("FEEDBACK_RATELIMIT_ENABLED", None)
    app = create_app({
        "TESTING": True,
        "SQLALCHEMY_DATABASE_URI": database_url,
        "FEEDBACK_OUTBOX": str(instance / "outbox"),
    })
    from flask_migrate import upgrade

    with app.app_context():
        upgrade(revision="heads")
    # Rate limits would trip over a suite that logs in hundreds of times from one address. They
    # are set up (with their storage) above, then switched off, here and in every app a test
    # creates later; tests of the limits switch them on with the `rate_limited` fixture.
    os.environ["FEEDBACK_RATELIMIT_ENABLED"] = "false"
    limiter.enabled = False
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture(autouse=True)
def clean_database(request):
    """Every test starts with the shipped surveys and nothing else, and leaves nothing behind."""
    if "app" not in request.fixturenames and "database_url" not in request.fixturenames:
        yield
        return
    app = request.getfixturevalue("app")
    from feedback_app.surveys.shipped import ensure_shipped_surveys

    with app.app_context():
        ensure_shipped_surveys()
        db.session.commit()
    yield
    with app.app_context():
        db.session.remove()
        with db.engine.begin() as conn:
            for table in reversed(db.metadata.sorted_tables):
                conn.execute(table.delete())
    shapes.forget()  # the ids just emptied will be handed out again


@pytest.fixture
def rate_limited(app):
    limiter.enabled = True
    limiter.reset()
    yield
    limiter.reset()
    limiter.enabled = False


@pytest.fixture
def app_ctx(app):
    with app.app_context():
        yield
        db.session.remove()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def kiosk_answers_stored(app) -> None:
    """What the analysis step does first (every minute in production): the kiosk answers kept on
    arrival become responses."""
    with app.app_context():
        store_all_waiting()


def csrf_from(html: str) -> str:
    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html)
    assert match, "no CSRF token in the page"
    return match.group(1)


@pytest.fixture
def make_user(app):
    """make_user(role) -> email: a staff account with PASSWORD."""

    def make(role: str, email: str | None = None) -> str:
        email = email or f"{role}-{secrets.token_hex(3)}@example.org"
        with app.app_context():
            create_user(email, role, PASSWORD)
            db.session.commit()
        return email

    return make


@pytest.fixture
def login(client, make_user):
    """login(role) logs the test client in as a new account with that role; returns its email."""

    def do_login(role: str) -> str:
        email = make_user(role)
        with client.session_transaction() as session:
            # A test client that paired a tablet is a kiosk's; staff leave it with the PIN first.
            session.pop("on_kiosk", None)
        page = client.get("/login")
        response = client.post("/login", data={
            "email": email, "password": PASSWORD, "csrf_token": csrf_from(page.get_data(as_text=True)),
        })
        assert response.status_code == 302, response.get_data(as_text=True)
        return email

    return do_login


@pytest.fixture
def invite(app):
    """invite(survey="debrief", kind="cp_conference", **kw) -> token of a new card invitation."""
    from datetime import date

    from sqlalchemy import select

    from feedback_app.models import Meeting, Survey
    from feedback_app.surveys.services import create_invitation

    def make(survey: str = "debrief", kind: str = "cp_conference", **kwargs) -> str:
        with app.app_context():
            meeting = Meeting(kind=kind, held_on=date.today(), venue="Town Hall", room="Room 1")
            db.session.add(meeting)
            chosen = db.session.scalar(select(Survey).where(Survey.slug == survey))
            kwargs.setdefault("delay_days", 0)
            _invitation, token = create_invitation(meeting, chosen, **kwargs)
            db.session.commit()
        return token

    return make


@pytest.fixture
def empty_database(tmp_path, monkeypatch):
    """A database file (or PostgreSQL database) of this test's own, not yet migrated."""
    monkeypatch.setenv("FEEDBACK_INSTANCE_PATH", str(tmp_path / "instance"))
    server = os.environ.get("TEST_DATABASE_URL")
    if server:
        url, drop = _fresh_postgres_database(server)
    else:
        url, drop = f"sqlite:///{tmp_path / 'own.sqlite3'}", lambda: None
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        yield app
        db.session.remove()
        db.engine.dispose()
    drop()
