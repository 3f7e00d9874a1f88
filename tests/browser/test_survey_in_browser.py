"""A family answers the survey on a phone, by touch, in a real browser."""
import re

import pytest
from playwright.sync_api import expect
from sqlalchemy import func, select

from feedback_app.extensions import db
from feedback_app.models import Response

from .conftest import screenshot

pytestmark = pytest.mark.browser


def test_answering_a_survey_by_link_on_a_phone(phone, live_server, invite, app, assert_accessible):
    token = invite()
    phone.goto(f"{live_server}/s/{token}")
    expect(phone.get_by_role("heading", level=1)).to_have_text("How was your meeting?")
    assert_accessible(phone)

    # Sending with the required question unanswered explains what is missing, in the page.
    phone.get_by_role("button", name="Send my answers").tap()
    expect(phone.get_by_role("alert")).to_contain_text("Please answer: Overall, how was your experience")
    assert_accessible(phone)

    # Jargon is explained beside the question, by a disclosure opened with a tap.
    explanation = phone.get_by_text(re.compile("An advocate is someone"))
    expect(explanation).to_be_hidden()
    phone.get_by_text("What does “Advocate” mean?").tap()
    expect(explanation).to_be_visible()

    headline = phone.get_by_role("group", name=re.compile("Overall, how was your experience"))
    headline.get_by_label("Good", exact=True).tap()
    phone.get_by_role("group", name="Did you feel listened to? (optional)").get_by_label("Yes").tap()
    phone.get_by_role("textbox", name="What is the one thing that should change?").fill(
        "Send the reports a week before, not the night before.")
    phone.get_by_label(re.compile("You may quote my words")).tap()
    screenshot(phone, "survey-phone")
    phone.get_by_role("button", name="Send my answers").tap()

    expect(phone.get_by_role("heading", level=1)).to_have_text("Thank you")
    assert_accessible(phone)
    with app.app_context():
        stored = db.session.scalar(select(Response))
        assert stored.consent_to_quote
        assert {a.question.key: a.choice or a.text for a in stored.answers} == {
            "overall": "good", "listened_to": "yes",
            "one_change": "Send the reports a week before, not the night before.",
        }

    # Going back to the link shows the friendly page, with no form.
    phone.goto(f"{live_server}/s/{token}")
    expect(phone.get_by_role("heading", level=1)).to_have_text("Page not found")
    expect(phone.get_by_role("button", name="Send my answers")).to_have_count(0)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Response)) == 1


def test_the_landing_page_is_accessible_and_links_onwards(phone, live_server, assert_accessible):
    phone.goto(live_server + "/")
    expect(phone.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(phone)
    for name in ("Our jargon buster", "Staff login"):
        expect(phone.get_by_role("link", name=re.compile(name))).to_be_visible()
    phone.get_by_role("link", name="Staff login").tap()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Staff login")
    assert_accessible(phone)


def test_the_language_picker_works_without_javascript(browser, live_server):
    context = browser.new_context(java_script_enabled=False, **{"viewport": {"width": 390, "height": 844}})
    page = context.new_page()
    page.goto(live_server + "/")
    page.get_by_label("Language").select_option("ar")
    page.get_by_role("button", name="Change").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    page.goto(live_server + "/glossary")  # the choice is remembered
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    context.close()


def test_a_link_made_for_a_meeting_asks_the_short_debrief_on_a_phone(phone, live_server, app, assert_accessible):
    from feedback_app.invitations.services import make_card, meeting_for
    from feedback_app.surveys.choice import link_survey_for
    from datetime import date

    with app.app_context():
        meeting = meeting_for(date.today(), "core_group")
        card = make_card(meeting, link_survey_for(meeting.kind))
        db.session.commit()
        path = card.link.split("/s/", 1)[1]
    phone.goto(f"{live_server}/s/{path}")
    expect(phone.get_by_role("heading", level=1)).to_have_text("How was your meeting?")
    expect(phone.get_by_text("Three questions, under two minutes.", exact=False)).to_be_visible()
    expect(phone.get_by_role("textbox")).to_have_count(2)
    assert_accessible(phone)
    phone.get_by_role("group", name=re.compile("Overall, how was your experience")).get_by_label(
        "Very good", exact=True).tap()
    phone.get_by_role("textbox", name="What went well?").fill("The chair spoke to me first.")
    phone.get_by_role("button", name="Send my answers").tap()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Thank you")
    with app.app_context():
        stored = db.session.scalar(select(Response))
        assert {a.question.key: a.choice or a.text for a in stored.answers} == {
            "overall": "very_good", "went_well": "The chair spoke to me first."}
