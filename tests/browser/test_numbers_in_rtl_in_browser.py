"""In Arabic, on a phone, the help line reads 0808 800 5000, not 5000 800 0808, and a tap rings it."""
import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

# Where each group of the number is drawn, left to right on the screen.
GROUP_POSITIONS = """(link) => ['0808', '800', '5000'].map(group => {
    const node = link.firstChild, range = document.createRange();
    const at = node.textContent.indexOf(group);
    range.setStart(node, at); range.setEnd(node, at + group.length);
    return range.getBoundingClientRect().left; })"""


def test_the_help_line_reads_in_order_on_an_arabic_page(phone, live_server, invite, assert_accessible):
    phone.goto(f"{live_server}/s/{invite()}?lang=ar")
    expect(phone.locator("html")).to_have_attribute("dir", "rtl")
    help_now = phone.locator(".help-now")
    line = help_now.locator('a[href="tel:08088005000"]')
    expect(line).to_have_text("0808 800 5000")
    expect(line).to_have_attribute("dir", "ltr")
    left = line.evaluate(GROUP_POSITIONS)
    assert left[0] < left[1] < left[2], left
    expect(help_now.locator('a[href="tel:999"]')).to_have_attribute("dir", "ltr")
    assert_accessible(phone)
