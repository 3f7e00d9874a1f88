"""A facilitator reads the workshop summary in a real browser: filters, charts, tables, quotes."""
from datetime import date

import pytest
from playwright.sync_api import expect

from feedback_app.extensions import db
from feedback_app.models import Theme

from ..test_insights import NEGATIVE_TEXT, POSITIVE_TEXT, add_responses
from .conftest import PHONE, log_in, screenshot

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_a_facilitator_filters_the_summary_and_it_is_accessible(browser, live_server, app, make_user,
                                                                 assert_accessible, device):
    with app.app_context():
        db.session.add(Theme(slug="engaging-fathers", name="Engaging Fathers", keywords=["dad"]))
        db.session.commit()
        add_responses(4, day=date(2026, 8, 10))
        add_responses(12, day=date(2026, 9, 10), channel="kiosk", rating="poor", text=NEGATIVE_TEXT)
        add_responses(20, day=date(2026, 10, 10), theme="engaging-fathers")
    context = browser.new_context(**(PHONE if device == "phone" else {"viewport": {"width": 1280, "height": 900}}))
    page = context.new_page()
    try:
        log_in(page, live_server, make_user("facilitator"))
        page.goto(f"{live_server}/admin/insights/")
        expect(page.get_by_role("heading", level=1)).to_have_text("Workshop insight")
        expect(page.get_by_role("img", name="Ratings of the meeting")).to_be_visible()
        expect(page.get_by_role("table", name="Month by month")).to_contain_text("hidden")
        expect(page.get_by_text(NEGATIVE_TEXT).first).to_be_visible()
        assert_accessible(page)
        screenshot(page, f"insights-{device}")

        page.get_by_label("Theme").select_option(label="Engaging Fathers")
        page.get_by_role("button", name="Show").click()
        expect(page.get_by_text("20 responses.")).to_be_visible()
        expect(page.get_by_text(NEGATIVE_TEXT)).to_have_count(0)
        expect(page.get_by_text(POSITIVE_TEXT).first).to_be_visible()
        assert_accessible(page)

        page.get_by_label("Kind of meeting").select_option(label="Family group conference")
        page.get_by_role("button", name="Show").click()
        expect(page.get_by_role("status")).to_contain_text("nothing is shown")
        assert_accessible(page)
    finally:
        context.close()


def test_the_handout_prints_without_the_page_furniture(browser, live_server, app, make_user):
    with app.app_context():
        add_responses(12)
    context = browser.new_context()
    page = context.new_page()
    try:
        log_in(page, live_server, make_user("facilitator"))
        page.goto(f"{live_server}/admin/insights/")
        page.emulate_media(media="print")
        expect(page.get_by_role("heading", name="Choose what to look at")).to_be_hidden()
        expect(page.get_by_role("img", name="Ratings of the meeting")).to_be_visible()
        pdf = page.pdf(format="A4")
        assert pdf[:4] == b"%PDF"
    finally:
        context.close()


def _typical_theme():
    """A theme as a workshop sees it: a few months, kiosk and link answers, many quotable words."""
    db.session.add(Theme(slug="engaging-fathers", name="Engaging Fathers", keywords=["dad"]))
    db.session.commit()
    for month, (good, poor) in enumerate([(9, 4), (12, 6), (15, 5)], start=8):
        add_responses(good, day=date(2026, month, 10), theme="engaging-fathers",
                      text=f"The chair asked me, the dad, what I thought first, and listened (month {month}).")
        add_responses(poor, day=date(2026, month, 12), theme="engaging-fathers", channel="kiosk",
                      rating="poor", text=f"Nobody spoke to me as the dad, the reports came late (month {month}).")


def _pdf_pages(pdf: bytes) -> int:
    # The page tree's root holds the number of pages; Chromium writes it uncompressed.
    import re

    return max(int(n) for n in re.findall(rb"/Count (\d+)", pdf))


def test_the_handout_of_a_typical_theme_prints_on_two_pages_with_nothing_cut(browser, live_server, app,
                                                                              make_user):
    with app.app_context():
        _typical_theme()
    context = browser.new_context()
    page = context.new_page()
    try:
        log_in(page, live_server, make_user("facilitator"))
        page.goto(f"{live_server}/admin/insights/?theme=engaging-fathers")
        expect(page.get_by_text("51 responses.")).to_be_visible()
        page.emulate_media(media="print")
        assert _pdf_pages(page.pdf(format="A4")) <= 2
        # Charts, tables and quotes are never split between pages.
        for selector in (".chart-pair", ".quote", "table", "svg.bar-chart"):
            assert page.eval_on_selector_all(
                selector, "els => els.every(e => getComputedStyle(e).breakInside === 'avoid')"), selector
    finally:
        context.close()
