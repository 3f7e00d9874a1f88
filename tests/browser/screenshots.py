"""`make screenshots`: the pictures in docs/screenshots/, taken in Chromium from a test database.

Not part of the suite (its name does not start with test_): run it by name, as the Makefile does.
Each picture is what a person sees: a family's phone in English, Arabic and Welsh, the wall
tablet, and the facilitator's printed handout.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import expect

from feedback_app.extensions import db
from feedback_app.invitations.services import make_card, meeting_for
from feedback_app.surveys.choice import link_survey_for

from .test_insights_in_browser import _log_in, _typical_theme
from .test_kiosk_in_browser import LANDSCAPE, paired, tablet  # noqa: F401  (fixtures)

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _save(page, name: str, full_page: bool = True) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUT / f"{name}.png"), full_page=full_page)


@pytest.mark.parametrize("locale", ["en_GB", "ar", "cy"])
def test_a_family_s_link_on_a_phone(phone, live_server, app, locale):
    with app.app_context():
        meeting = meeting_for(date.today(), "cp_conference")
        card = make_card(meeting, link_survey_for(meeting.kind), locale)
        db.session.commit()
        path = card.link.split("/s/", 1)[1]
    phone.goto(f"{live_server}/s/{path}")  # the card's link carries its language
    expect(phone.locator("html")).to_have_attribute("lang", locale.replace("_", "-"))
    _save(phone, f"family-link-{locale.split('_')[0]}")


def test_the_landing_page_in_arabic(phone, live_server):
    phone.goto(f"{live_server}/?lang=ar")
    expect(phone.locator("html")).to_have_attribute("dir", "rtl")
    _save(phone, "landing-ar")


def test_the_kiosk_on_a_wall_tablet(tablet, paired):
    page = tablet(LANDSCAPE)
    paired(page)
    _save(page, "kiosk", full_page=False)


def test_the_printed_handout(browser, live_server, app, make_user):
    with app.app_context():
        _typical_theme()
    context = browser.new_context(viewport={"width": 794, "height": 1123})
    page = context.new_page()
    try:
        _log_in(page, live_server, make_user("facilitator"))
        page.goto(f"{live_server}/admin/insights/?theme=engaging-fathers")
        page.emulate_media(media="print")
        _save(page, "handout")
    finally:
        context.close()
