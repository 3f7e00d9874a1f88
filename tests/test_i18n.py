"""Which language a page speaks: the person's choice, then Accept-Language, then British English."""
import re

import pytest

from feedback_app.config import LANGUAGES


def _html_tag(response):
    return re.search(r"<html[^>]*>", response.get_data(as_text=True)).group(0)


def test_british_english_by_default(client):
    assert _html_tag(client.get("/")) == '<html lang="en-GB" dir="ltr">'


@pytest.mark.parametrize("header, lang", [
    ("cy", "cy"), ("ar-EG,ar;q=0.9", "ar"), ("zh-CN,zh;q=0.9", "zh-Hans"), ("pt-BR", "pt"),
    ("de-DE,pl;q=0.5", "pl"), ("de-DE", "en-GB"),
])
def test_accept_language_is_followed(client, header, lang):
    tag = _html_tag(client.get("/", headers={"Accept-Language": header}))
    assert f'lang="{lang}"' in tag
    assert ('dir="rtl"' in tag) == (lang == "ar")


def test_the_choice_beats_accept_language_and_is_remembered(client):
    first = client.get("/?lang=so", headers={"Accept-Language": "fr"})
    assert 'lang="so"' in _html_tag(first)
    assert "lang=so" in first.headers["Set-Cookie"] and "HttpOnly" in first.headers["Set-Cookie"]
    assert 'lang="so"' in _html_tag(client.get("/glossary", headers={"Accept-Language": "fr"}))


def test_an_unknown_choice_is_ignored(client):
    response = client.get("/?lang=xx", headers={"Accept-Language": "es"})
    assert 'lang="es"' in _html_tag(response)
    assert "Set-Cookie" not in response.headers


def test_every_language_is_offered_in_its_own_script(client):
    html = client.get("/").get_data(as_text=True)
    for code, name in LANGUAGES.items():
        assert f'value="{code}"' in html and name in html


@pytest.mark.parametrize("code", [c for c in LANGUAGES if c != "en_GB"])
def test_public_pages_speak_every_language(client, invite, code):
    english = client.get("/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    for path in ("/", "/glossary", "/stories/new", f"/s/{invite()}"):
        by_browser = client.get(path, headers={"Accept-Language": code.replace("_", "-")})
        assert by_browser.status_code == 200
        assert f'lang="{code.replace("_", "-")}"' in _html_tag(by_browser)
        # The picker (?lang=), from a browser that asks for English.
        picked = client.get(path, query_string={"lang": code}, headers={"Accept-Language": "en"})
        assert f'lang="{code.replace("_", "-")}"' in _html_tag(picked)
        client.delete_cookie("lang")
    translated = client.get("/", headers={"Accept-Language": code.replace("_", "-")}).get_data(as_text=True)
    heading = re.search(r"<h1>(.*?)</h1>", translated).group(1)
    assert heading != re.search(r"<h1>(.*?)</h1>", english).group(1)
