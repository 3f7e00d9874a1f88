"""Staff print take-away cards; the printed QR code decodes to the survey link, and a family can
type the card's code at /s/ instead."""
import io
import re

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import expect

from ..conftest import PASSWORD
from .conftest import screenshot

pytestmark = pytest.mark.browser


@pytest.fixture
def base_url_is_the_live_server(app, live_server):
    saved = app.config["FEEDBACK_BASE_URL"]
    app.config["FEEDBACK_BASE_URL"] = live_server
    yield
    app.config["FEEDBACK_BASE_URL"] = saved


def test_a_printed_card_scans_to_the_survey_and_its_code_works_too(
        browser, phone, live_server, make_user, assert_accessible, base_url_is_the_live_server):
    staff = browser.new_page()
    staff.goto(f"{live_server}/login")
    staff.get_by_label("Email address").fill(make_user("admin"))
    staff.get_by_label("Password").fill(PASSWORD)
    staff.get_by_role("button", name="Log in").click()

    staff.goto(f"{live_server}/admin/invitations/new")
    assert_accessible(staff)
    staff.get_by_label("Date of the meeting").fill("2026-11-20")
    staff.get_by_label("Kind of meeting").select_option(label="Core group meeting")
    staff.get_by_label(re.compile("Printed card to take away")).check()
    staff.get_by_role("button", name="Create").click()

    expect(staff.get_by_role("heading", level=1)).to_have_text("1 card to print")
    assert_accessible(staff)
    card = staff.get_by_role("region", name=re.compile("^Card "))
    qr = card.get_by_role("img", name="QR code that opens the survey")
    staff.emulate_media(media="print")
    screenshot(staff, "invitation-card-print")
    decoded = zxingcpp.read_barcodes(Image.open(io.BytesIO(qr.screenshot())))
    assert len(decoded) == 1
    link = decoded[0].text
    assert link.startswith(f"{live_server}/s/")
    code = card.locator(".card-code").inner_text()
    staff.emulate_media(media="screen")
    staff.goto(f"{live_server}/admin/invitations/")
    expect(staff.get_by_role("heading", name="By meeting")).to_be_visible()
    assert_accessible(staff)
    staff.close()

    # The QR code opens the survey on a phone.
    phone.goto(link)
    expect(phone.get_by_role("heading", level=1)).to_have_text("How was your meeting?")

    # Typing the code instead leads to the same survey.
    phone.goto(f"{live_server}/s/")
    assert_accessible(phone)
    phone.get_by_label("The code on your card").fill(code.lower().replace("-", " "))
    phone.get_by_role("button", name="Go to the survey").tap()
    expect(phone).to_have_url(link)
    expect(phone.get_by_role("heading", level=1)).to_have_text("How was your meeting?")
