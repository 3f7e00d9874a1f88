"""A family opens the invitation they were sent, on a phone, in the language it was made for."""
from datetime import date
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from feedback_app.extensions import db
from feedback_app.invitations.sender import send_due
from feedback_app.invitations.services import make_card, meeting_for
from feedback_app.surveys.choice import link_survey_for

from ..test_invitations_support import outbox_texts, scheduled

pytestmark = pytest.mark.browser


@pytest.fixture
def outbox(app, tmp_path, monkeypatch):
    saved = dict(app.config)
    app.config.update(FEEDBACK_OUTBOX=str(tmp_path), FEEDBACK_SMS_BACKEND="file",
                      FEEDBACK_SEND_WINDOW="00:00-23:59", FEEDBACK_REMINDER_DAYS=0)
    yield str(tmp_path)
    app.config.clear()
    app.config.update(saved)


def test_the_arabic_sms_link_opens_in_arabic(app, phone, live_server, outbox, assert_accessible):
    with app.app_context():
        scheduled(date.today(), channel="sms", contact="07700 900123", delay_days=0, locale="ar")
        send_due()
    (text,) = outbox_texts(outbox)
    link = urlsplit(next(word for word in text["body"].split() if "/s/" in word))
    phone.goto(f"{live_server}{link.path}?{link.query}")
    html = phone.locator("html")
    expect(html).to_have_attribute("lang", "ar")
    expect(html).to_have_attribute("dir", "rtl")
    assert_accessible(phone)
    # The family can still change it.
    phone.locator("#lang-picker").select_option("en_GB")
    phone.locator(".language-picker button").tap()
    expect(html).to_have_attribute("lang", "en-GB")


def test_a_welsh_card_code_opens_in_welsh(app, phone, live_server):
    with app.app_context():
        meeting = meeting_for(date.today(), "fgc")
        card = make_card(meeting, link_survey_for("fgc"), "cy")
        code = card.display_code
        db.session.commit()
    phone.goto(f"{live_server}/s/")
    phone.get_by_label("The code on your card").fill(code)
    phone.get_by_role("button", name="Go to the survey").tap()
    html = phone.locator("html")
    expect(html).to_have_attribute("lang", "cy")
    expect(html).to_have_attribute("dir", "ltr")
