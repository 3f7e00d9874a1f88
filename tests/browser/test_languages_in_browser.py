"""Pages in other languages and scripts, on a phone: direction, nothing overflowing, accessible."""
import pytest
from playwright.sync_api import expect

from .conftest import screenshot

pytestmark = pytest.mark.browser

# Elements sticking out sideways; the skip link and visually hidden text sit off screen on purpose.
OVERFLOWING = """() => [...document.querySelectorAll('body *:not(.skip-link):not(.visually-hidden)')]
    .filter(el => { const r = el.getBoundingClientRect();
                    return r.width > 0 && (r.left < -1 || r.right > window.innerWidth + 1); })
    .map(el => el.tagName + (el.id ? '#' + el.id : '')) """


@pytest.mark.parametrize("code, direction", [("ar", "rtl"), ("bn", "ltr"), ("zh_Hans", "ltr")])
def test_survey_and_glossary_fit_a_phone_in_each_script(phone, live_server, invite, code, direction,
                                                         assert_accessible):
    for path in (f"/s/{invite()}?lang={code}", "/glossary"):
        phone.goto(live_server + path)
        html = phone.locator("html")
        expect(html).to_have_attribute("dir", direction)
        expect(html).to_have_attribute("lang", code.replace("_", "-"))
        assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        assert phone.evaluate(OVERFLOWING) == []
        assert_accessible(phone)
    screenshot(phone, f"glossary-{code}")


def test_arabic_mirrors_the_layout(phone, live_server, invite):
    phone.goto(f"{live_server}/s/{invite()}?lang=ar")
    screenshot(phone, "survey-ar")
    radio = phone.locator("input[type=radio]").first.bounding_box()
    label = phone.locator(".choice label").first.bounding_box()
    # Right to left: the radio button sits to the right of its label.
    assert radio["x"] > label["x"]
    heading = phone.get_by_role("heading", level=1).bounding_box()
    assert heading["x"] + heading["width"] > 390 - 40  # the heading starts at the right edge
