"""Every control a family touches on a phone is at least 44 CSS pixels high (WCAG 2.5.8 asks 24;
families on a phone, often in a hurry, deserve the 44 of 2.5.5)."""
import pytest

pytestmark = pytest.mark.browser

MIN_PX = 44

# What a finger aims at: buttons, form fields, the rows that hold a radio or checkbox (the whole
# row is the label), disclosures, and links that stand on their own in a list or a header.
# A link inside a sentence is exempt, as in WCAG.
TARGETS_JS = """(minPx) => {
  const targets = [
    ...document.querySelectorAll('button, .button, select, textarea, summary, input:not([type=hidden]):not([type=radio]):not([type=checkbox])'),
    ...document.querySelectorAll('li > a, header a, footer a, nav a'),
    ...[...document.querySelectorAll('input[type=radio], input[type=checkbox]')]
        .map(input => input.closest('label, .choice, .field, li') || input),
  ];
  return [...new Set(targets)]
    .filter(el => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden'
                  && !el.closest('.visually-hidden'))
    .map(el => ({what: el.outerHTML.slice(0, 90), height: el.getBoundingClientRect().height}))
    .filter(target => target.height < minPx - 0.5);
}"""


def _too_small(page):
    return page.evaluate(TARGETS_JS, MIN_PX)


@pytest.mark.parametrize("path", ["/", "/glossary", "/privacy", "/stories/new", "/stories/yours", "/s/"])
def test_family_pages_have_44_pixel_targets(phone, live_server, path):
    phone.goto(f"{live_server}{path}")
    small = _too_small(phone)
    assert small == [], "\n".join(f"{t['height']:.0f}px {t['what']}" for t in small)


def test_the_survey_has_44_pixel_targets(phone, live_server, invite):
    phone.goto(f"{live_server}/s/{invite()}")
    small = _too_small(phone)
    assert small == [], "\n".join(f"{t['height']:.0f}px {t['what']}" for t in small)
