"""A facilitator reads how people felt about each aspect, in a real browser, in two languages."""
import pytest
from playwright.sync_api import expect

from ..test_insights import add_responses
from ..test_insights_aspects import CHAIR_KIND, CHAIR_RUDE, MIXED_TEXT, REPORTS_LATE
from .conftest import PHONE, log_in, screenshot

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_the_aspects_table_is_found_by_its_name_and_the_page_is_accessible(browser, live_server, app, make_user,
                                                                          assert_accessible, device):
    with app.app_context():
        add_responses(12, text=CHAIR_KIND)
        add_responses(10, text=CHAIR_RUDE, rating="poor")
        add_responses(10, text=MIXED_TEXT)
        add_responses(3, text=REPORTS_LATE)
    context = browser.new_context(**(PHONE if device == "phone" else {"viewport": {"width": 1280, "height": 900}}))
    page = context.new_page()
    try:
        log_in(page, live_server, make_user("facilitator"))
        page.goto(f"{live_server}/admin/insights/")
        expect(page.get_by_role("heading", name="How people felt about…")).to_be_visible()
        table = page.get_by_role("table", name="How people felt about each part of the meeting")
        expect(table).to_be_visible()
        expect(table.get_by_role("columnheader", name="Mixed")).to_be_visible()
        chair = table.get_by_role("row", name="The chair")
        expect(chair.get_by_role("cell").first).not_to_have_text("hidden")
        # Named by three people only: hidden, every figure of it.
        expect(table.get_by_role("row", name="Reports").get_by_role("cell")).to_have_text(["hidden"] * 5)
        expect(page.get_by_role("heading", name="The chair", level=4)).to_be_visible()
        expect(page.get_by_role("img", name="Comments by sentiment")).to_contain_text("Mixed")
        assert_accessible(page)
        screenshot(page, f"insights-aspects-{device}")

        page.goto(f"{live_server}/admin/insights/?lang=ar")
        expect(page.get_by_role("table", name="شعور الناس تجاه كل جزء من الاجتماع")).to_be_visible()
        assert_accessible(page)
    finally:
        context.close()


def test_the_aspects_print_with_the_handout(browser, live_server, app, make_user):
    with app.app_context():
        add_responses(12, text=CHAIR_KIND)
        add_responses(10, text=CHAIR_RUDE, rating="poor")
    context = browser.new_context()
    page = context.new_page()
    try:
        log_in(page, live_server, make_user("facilitator"))
        page.goto(f"{live_server}/admin/insights/")
        page.emulate_media(media="print")
        expect(page.get_by_role("table", name="How people felt about each part of the meeting")).to_be_visible()
        assert page.eval_on_selector_all(
            ".aspect-quotes .quote, table.aspects", "els => els.length > 1 && els.every(e => getComputedStyle(e).breakInside === 'avoid')")
        assert page.pdf(format="A4")[:4] == b"%PDF"
    finally:
        context.close()
