"""An invitation made for a language opens the survey in it: the text's and email's link, a
printed card's QR code and typed code, and a kiosk's "answer later" code. The picker still
changes it. The CSV import reads language codes as people write them."""
import re
from datetime import date, datetime, timezone
from urllib.parse import urlsplit

import pytest

from feedback_app.i18n import offered_language
from feedback_app.invitations.sender import send_due

from .conftest import csrf_from
from .test_invitations_admin import _create
from .test_invitations_support import Clock, body, outbox_emails, outbox_texts, scheduled
from .test_kiosk_api import device  # noqa: F401  (a paired tablet)

SENDING_TIME = datetime(2026, 11, 20, 10, tzinfo=timezone.utc)


def _html_lang(response) -> tuple[str, str]:
    match = re.search(r'<html lang="([^"]+)" dir="([^"]+)"', response.get_data(as_text=True))
    return match.groups()


@pytest.fixture
def outbox(app, tmp_path, monkeypatch):
    saved = dict(app.config)
    app.config.update(FEEDBACK_OUTBOX=str(tmp_path), FEEDBACK_MAIL_BACKEND="file",
                      FEEDBACK_SMS_BACKEND="file", FEEDBACK_SEND_WINDOW="09:00-19:00",
                      FEEDBACK_REMINDER_DAYS=0)
    Clock(monkeypatch, SENDING_TIME)
    yield str(tmp_path)
    app.config.clear()
    app.config.update(saved)


def _path(link: str) -> str:
    parts = urlsplit(link)
    return f"{parts.path}?{parts.query}"


def _send(app, **invitation):
    # Its own app context: pages fetched later must each choose their language afresh.
    with app.app_context():
        scheduled(date(2026, 11, 17), delay_days=0, **invitation)
        send_due()


def test_an_arabic_text_opens_the_survey_in_arabic_and_the_picker_still_changes_it(app, outbox, client):
    _send(app, channel="sms", contact="07700 900123", locale="ar")
    (text,) = outbox_texts(outbox)
    link = next(word for word in text["body"].split() if "/s/" in word)
    assert link.endswith("?lang=ar")
    assert _html_lang(client.get(_path(link))) == ("ar", "rtl")
    token_path = urlsplit(link).path
    assert _html_lang(client.get(token_path, query_string={"lang": "en_GB"})) == ("en-GB", "ltr")


def test_a_welsh_email_link_opens_in_welsh(app, outbox, client):
    _send(app, locale="cy")
    (message,) = outbox_emails(outbox)
    link = next(word for word in body(message).split() if "/s/" in word)
    assert _html_lang(client.get(_path(link))) == ("cy", "ltr")


def test_a_welsh_card_code_and_its_qr_link_open_in_welsh(client, login, app):
    login("admin")
    html = _create(client, channel="card", locale="cy").get_data(as_text=True)
    (code,) = re.findall(r'<p class="card-code" dir="ltr">([0-9A-Z-]+)</p>', html)
    client.post("/logout", data={"csrf_token": csrf_from(html)})
    client.delete_cookie("lang")
    form = client.get("/s/")
    typed = client.post("/s/", data={"csrf_token": csrf_from(form.get_data(as_text=True)), "code": code})
    assert typed.status_code == 302 and typed.headers["Location"].endswith("?lang=cy")
    assert _html_lang(client.get(typed.headers["Location"])) == ("cy", "ltr")


def test_the_kiosks_answer_later_code_opens_in_the_tablets_language(client, device):  # noqa: F811
    response = client.post("/api/v1/kiosk/later", json={"locale": "ar"}, headers=device["headers"])
    url = urlsplit(response.json["url"])
    assert url.query == "lang=ar"
    assert _html_lang(client.get(f"{url.path}?{url.query}")) == ("ar", "rtl")


@pytest.mark.parametrize("written, code", [
    ("en", "en_GB"), ("EN", "en_GB"), ("en-GB", "en_GB"), ("en_gb", "en_GB"), ("en-US", "en_GB"),
    ("zh", "zh_Hans"), ("zh-CN", "zh_Hans"), ("zh-Hans", "zh_Hans"), ("cy-GB", "cy"),
    ("AR", "ar"), ("pt-BR", "pt"), ("so", "so"),
])
def test_language_codes_as_people_write_them(written, code):
    assert offered_language(written) == code


@pytest.mark.parametrize("written", ["xx", "klingon", "de", "zh-TW", "", "en GB!"])
def test_languages_we_do_not_offer(written):
    assert offered_language(written) is None


def test_the_import_takes_those_codes_says_which_it_took_and_names_a_bad_row(app, runner, tmp_path):
    source = tmp_path / "invitations.csv"
    source.write_text("meeting_date,meeting_kind,channel,contact,locale,delay_days\n"
                      "2026-11-20,fgc,email,mum@example.org,en,1\n"
                      "2026-11-20,fgc,email,dad@example.org,zh-CN,1\n"
                      "2026-11-20,fgc,email,gran@example.org,cy-GB,1\n"
                      "2026-11-20,fgc,email,aunt@example.org,ar,1\n"
                      "2026-11-20,fgc,email,uncle@example.org,tlh,1\n")
    result = runner.invoke(args=["invitations", "import", str(source)])
    assert "Imported 4 invitations; 1 rows rejected." in result.output
    assert "Language 'en' read as en_GB (English)." in result.output
    assert "Language 'zh-CN' read as zh_Hans" in result.output and "cy-GB' read as cy" in result.output
    assert "Language 'ar'" not in result.output
    assert "line 6: locale 'tlh' is not a language we offer" in result.output
    from feedback_app.extensions import db
    from feedback_app.models import Invitation
    from sqlalchemy import select

    with app.app_context():
        assert sorted(db.session.scalars(select(Invitation.locale))) == ["ar", "cy", "en_GB", "zh_Hans"]
