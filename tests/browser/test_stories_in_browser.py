"""A family tells a story on a phone; a moderator approves it; it appears in the newsletter."""
import re

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import Story

from ..conftest import PASSWORD
from .conftest import screenshot

pytestmark = pytest.mark.browser


def test_telling_a_story_on_a_phone(phone, live_server, app, assert_accessible):
    phone.goto(f"{live_server}/stories/new")
    expect(phone.get_by_role("heading", level=1)).to_have_text("Tell us a good-practice story")
    expect(phone.get_by_role("heading", name="If you need help now")).to_be_visible()
    assert_accessible(phone)

    # Sending it empty explains what is missing, in an accessible summary.
    phone.get_by_role("button", name="Send my story").tap()
    expect(phone.get_by_role("alert")).to_contain_text("Please write your story.")
    assert_accessible(phone)

    phone.get_by_role("group", name="Who is telling this story?").get_by_label("A parent").tap()
    phone.get_by_role("textbox", name="Your story").fill(
        "My son Tyler was scared, but Grace from the family support team rang us on 07700 900123 "
        "the day before and explained everything.")
    phone.get_by_role("group", name="How may we share it?").get_by_label(
        re.compile("In the monthly newsletter")).tap()
    screenshot(phone, "story-form-phone")
    phone.get_by_role("button", name="Send my story").tap()

    expect(phone.get_by_role("heading", level=1)).to_have_text("Thank you for your story")
    code = phone.locator(".story-code").inner_text()
    assert re.fullmatch(r"[A-Z2-9]{4}(-[A-Z2-9]{4}){3}", code)
    assert_accessible(phone)

    phone.get_by_role("link", name="Your story's private page").tap()
    expect(phone.get_by_role("button", name="Withdraw my story")).to_be_visible()
    shared = phone.get_by_role("region", name="The text as it would be shared")
    expect(shared).to_contain_text("My son was scared, but someone from the family support team")
    expect(shared).not_to_contain_text("Tyler")
    assert_accessible(phone)
    with app.app_context():
        assert db.session.scalar(select(Story.status)) == "submitted"


def test_a_moderator_approves_and_the_story_reaches_the_archive(browser, live_server, app, make_user, assert_accessible):
    email = make_user("moderator")
    page = browser.new_page()
    try:
        page.goto(f"{live_server}/stories/new")
        page.get_by_label("A professional").check()
        page.get_by_role("textbox", name="Your story").fill("Mrs Begum at Hillside Primary School came to every core group.")
        page.get_by_label(re.compile("In the monthly newsletter")).check()
        page.get_by_role("button", name="Send my story").click()

        page.goto(f"{live_server}/login")
        page.get_by_label("Email").fill(email)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name=re.compile("Log in")).click()
        page.goto(f"{live_server}/admin/stories")
        assert_accessible(page)
        page.get_by_role("link", name=re.compile("Story \\d+, told on")).click()
        expect(page.get_by_role("region", name="What the storyteller wrote")).to_contain_text("Mrs Begum")
        expect(page.get_by_role("region", name="What would be shared")).to_contain_text("a local school")
        assert_accessible(page)
        screenshot(page, "story-moderation")
        page.get_by_role("button", name="Approve").click()

        page.goto(f"{live_server}/admin/newsletter")
        page.get_by_role("button", name="Open this issue").click()
        assert_accessible(page)
        page.get_by_role("button", name="Publish and send").click()
        page.get_by_role("button", name="Yes, publish and send").click()
        month = page.url.rstrip("/").rsplit("/", 1)[1]

        page.goto(f"{live_server}/newsletter")
        assert_accessible(page)
        page.goto(f"{live_server}/newsletter/{month}")
        expect(page.get_by_role("article")).to_contain_text("came to every core group")
        expect(page.get_by_role("article")).not_to_contain_text("Begum")
        assert_accessible(page)
    finally:
        page.close()


def test_typing_the_code_on_a_phone(phone, live_server, assert_accessible):
    phone.goto(f"{live_server}/stories/yours")
    phone.get_by_role("button", name="Show my story").tap()
    expect(phone.get_by_role("alert")).to_contain_text("Please type your code.")
    assert_accessible(phone)
    phone.get_by_label("Your private code").fill("AAAA-BBBB-CCCC-DDDD")
    phone.get_by_role("button", name="Show my story").tap()
    expect(phone.get_by_role("alert")).to_contain_text("We could not find a story with that code")
    assert_accessible(phone)
