"""No input, however strange, gives a server error; bad input stores nothing."""
import re
from urllib.parse import quote

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from feedback_app.extensions import db
from feedback_app.models import Response

from .conftest import csrf_from

FIELDS = ["q_overall", "q_listened_to", "q_worked_with", "q_one_change", "consent_to_quote",
          "version_id", "csrf_token", "unexpected"]
# Text that has broken web apps before: control characters, lone surrogates, huge numbers,
# markup, SQL, right-to-left marks, emoji.
NASTY = st.sampled_from([
    "", " ", "\x00", "' OR 1=1 --", "<script>alert(1)</script>", "9" * 400,
    "\u202eevil", "👨‍👩‍👧", "%(name)s", "{{ 7*7 }}", "x" * 3000, "good", "yes", "very_good",
])
# Any text a browser can send (lone surrogates cannot be encoded in a request at all).
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)
VALUES = st.one_of(NASTY, TEXT)
fuzz = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _count(app):
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Response))


@fuzz
@given(data=st.dictionaries(st.sampled_from(FIELDS), VALUES, max_size=8))
def test_survey_posts_never_fail(client, invite, app, data):
    token = invite()
    page = client.get(f"/s/{token}").get_data(as_text=True)
    data.setdefault("csrf_token", csrf_from(page))
    before = _count(app)
    response = client.post(f"/s/{token}", data=data)
    assert response.status_code in (302, 400)
    stored = _count(app) - before
    assert stored == (1 if response.status_code == 302 else 0)


HEADER = st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=100)


@fuzz
@given(path=st.text(st.characters(blacklist_categories=("Cs",)), max_size=80), lang=VALUES, header=HEADER)
def test_strange_addresses_never_fail(client, path, lang, header):
    response = client.get("/s/" + quote(path, safe=""), query_string={"lang": lang})
    assert response.status_code < 500
    response = client.get("/", query_string={"lang": lang}, headers={"Accept-Language": header})
    assert response.status_code == (400 if "\x00" in lang else 200)


@fuzz
@given(email=VALUES, password=VALUES)
def test_login_never_fails(client, email, password):
    page = client.get("/login").get_data(as_text=True)
    response = client.post("/login", data={"email": email, "password": password,
                                            "csrf_token": csrf_from(page)})
    assert response.status_code == 400


def test_an_oversized_request_gets_the_friendly_413(client, invite, app):
    token = invite()
    response = client.post(f"/s/{token}", data={"q_one_change": "x" * (app.config["MAX_CONTENT_LENGTH"] + 1)})
    assert response.status_code == 413
    assert "That was too long" in response.get_data(as_text=True)


def test_malformed_form_bodies_are_refused_cleanly(client, invite):
    token = invite()
    for body, kind in [(b"\xff\xfe\x00garbage=%%%", "application/x-www-form-urlencoded"),
                       (b"--x\r\nbroken", "multipart/form-data; boundary=x"),
                       (b"{not json", "application/json")]:
        response = client.post(f"/s/{token}", data=body, content_type=kind)
        assert response.status_code == 400
        assert re.search(r"<h1>[^<]+</h1>", response.get_data(as_text=True))


def test_api_errors_are_json_and_keep_their_headers(client):
    wrong_method = client.get("/api/v1/kiosk/responses")
    assert wrong_method.status_code == 405
    assert wrong_method.is_json and "POST" in wrong_method.headers["Allow"]
    missing = client.get("/api/v1/nothing-here")
    assert missing.status_code == 404 and missing.is_json
    page = client.post("/glossary")
    assert page.status_code == 405 and "GET" in page.headers["Allow"] and not page.is_json


def test_nul_characters_are_refused_at_the_door(client, invite):
    page = client.get("/login").get_data(as_text=True)
    assert client.post("/login", data={"email": "\x00", "password": "x",
                                       "csrf_token": csrf_from(page)}).status_code == 400
    assert client.get("/admin/insights/", query_string={"theme": "a\x00"}).status_code == 400
    assert client.post("/api/v1/kiosk/responses", data='{"uuid": "\\u0000"}',
                       content_type="application/json").status_code == 400
    assert client.get(f"/s/{invite()}").status_code == 200  # ordinary requests pass


STORY_FIELDS = ["teller_role", "text", "sharing", "themes", "team", "csrf_token", "unexpected"]


@fuzz
@given(data=st.dictionaries(st.sampled_from(STORY_FIELDS), VALUES, max_size=7))
def test_story_posts_never_fail(client, data):
    page = client.get("/stories/new").get_data(as_text=True)
    data.setdefault("csrf_token", csrf_from(page))
    response = client.post("/stories/new", data=data)
    assert response.status_code in (302, 400)


@fuzz
@given(code=VALUES)
def test_card_and_story_codes_never_fail(client, code):
    for path in ("/s/", "/stories/yours"):
        page = client.get(path).get_data(as_text=True)
        response = client.post(path, data={"code": code, "csrf_token": csrf_from(page)})
        assert response.status_code in (302, 400, 404), (path, response.status_code)
