"""A new kiosk on a wall tablet, in Chromium with touch: a freshly paired tablet takes an answer
(the demo's, and one for a room with no meeting), nothing on it leads out of the kiosk, the last
answer can be changed, typing the landing page or the staff login leads back to it, and the faces and the "Answer later" button fit the screen."""
from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import Response

from .test_kiosk_in_browser import PORTRAIT, _answer_quickly, h1, paired, stored, tablet, wait_for_stored  # noqa: F401

pytestmark = pytest.mark.browser

LANDSCAPE_TABLET = {"width": 1024, "height": 768}
WELCOME = "How was your meeting today?"


def _open_pairing_link(page, live_server, output: str):
    link = next(word for word in output.split() if "#pair=" in word)
    page.goto(live_server + link.split("5000", 1)[1])
    expect(page.locator("body[data-ready=true]")).to_be_attached()


def test_a_freshly_paired_demo_tablet_takes_an_answer(tablet, app, live_server):
    runner = app.test_cli_runner()
    assert runner.invoke(args=["demo", "load", "--responses", "0"]).exit_code == 0
    output = runner.invoke(args=["demo", "links"]).output
    page = tablet(PORTRAIT)
    _open_pairing_link(page, live_server, output)
    expect(h1(page)).to_have_text(WELCOME)
    _answer_quickly(page, start_again=False)
    wait_for_stored(app, 1)


def test_a_tablet_for_a_room_with_no_meeting_takes_an_answer(tablet, app, live_server):
    output = app.test_cli_runner().invoke(args=["kiosk", "add-device", "Room 1"]).output
    assert "Answers go to:" in output
    page = tablet(PORTRAIT)
    _open_pairing_link(page, live_server, output)
    expect(h1(page)).to_have_text(WELCOME)  # not "Not ready yet"
    _answer_quickly(page, start_again=False)
    wait_for_stored(app, 1)


def _ways_out(page, origin: str) -> list[str]:
    """Every link and form target on the page, as absolute addresses."""
    targets = page.evaluate("""() => [
        ...[...document.querySelectorAll("a[href]")].map((a) => a.getAttribute("href")),
        ...[...document.querySelectorAll("form")].map((f) => f.getAttribute("action") || location.pathname),
    ]""")
    return [urljoin(page.url, target) for target in targets]


def test_no_link_leads_out_of_the_kiosk(tablet, paired, live_server):
    """From the thank-you screen, every page reachable by a link stays a kiosk page: no site
    header or footer leading to the landing page or the staff login, only back to the kiosk."""
    page = tablet(PORTRAIT)
    paired(page, "?thanks=60")
    _answer_quickly(page, start_again=False)
    page.get_by_role("link", name="Tell us about something that went well").tap()
    expect(page.get_by_role("textbox", name="Your story")).to_be_visible()
    seen, waiting, pages = set(), [page.url], 0
    while waiting and pages < 12:
        url = waiting.pop(0)
        path = urlsplit(url).path
        if path in seen:
            continue
        seen.add(path)
        page.goto(url)
        pages += 1
        expect(page.get_by_role("link", name="Back to the kiosk").first).to_be_visible()
        for target in _ways_out(page, live_server):
            parts = urlsplit(target)
            if parts.scheme == "tel" or (target.startswith(live_server) and parts.path.startswith("/kiosk/")):
                continue
            assert target.startswith(live_server), f"{path} leads out to {target}"
            assert parts.path not in ("/", "/login") and not parts.path.startswith("/admin"), \
                f"{path} leads out of the kiosk to {parts.path}"
            if not parts.path.startswith("/static/"):
                waiting.append(target.split("#")[0])
    assert pages >= 2  # the story form and at least one page it links to


def test_typing_the_landing_page_or_staff_login_on_a_tablet_goes_back_to_the_kiosk(
        tablet, paired, live_server):
    page = tablet(LANDSCAPE_TABLET)
    pin = paired(page)
    for path in ("/", "/login", "/admin/"):
        page.goto(live_server + path)
        expect(h1(page)).to_have_text(WELCOME)
        assert urlsplit(page.url).path == "/kiosk/"
    # The privacy page, which the kiosk's pages link to, still opens, with only the way back.
    page.goto(live_server + "/privacy")
    assert urlsplit(page.url).path == "/privacy"
    expect(page.get_by_role("link", name="Staff login")).to_have_count(0)
    page.get_by_role("link", name="Back to the kiosk").first.click()
    expect(h1(page)).to_have_text(WELCOME)
    # Staff leave with the PIN, and may then log in on the tablet.
    page.get_by_role("button", name="Staff").tap()
    page.get_by_label("Staff PIN").fill(pin)
    page.get_by_role("button", name="Unlock").tap()
    expect(page.get_by_role("button", name="Unpair this tablet")).to_be_visible()
    page.get_by_role("button", name="Unpair this tablet").tap()
    page.goto(live_server + "/login")
    expect(page.get_by_role("heading", level=1)).not_to_have_text(WELCOME)
    assert urlsplit(page.url).path == "/login"


def test_the_last_answer_can_be_changed(tablet, paired, app):
    page = tablet(PORTRAIT)
    paired(page, "?thanks=60")
    page.get_by_role("button", name="Give feedback").tap()
    expect(page.get_by_role("button", name="Change my last answer")).to_have_count(0)  # nothing yet
    page.get_by_role("button", name="A parent").tap()
    page.get_by_role("button", name="Very unhappy").tap()
    expect(h1(page)).to_contain_text("Did you feel listened to?")
    # A tap on the wrong face: go back, see what was chosen, choose again.
    page.get_by_role("button", name="Change my last answer").tap()
    expect(h1(page)).to_have_text("How was the meeting for you today?")
    expect(page.get_by_role("button", name="Very unhappy")).to_have_attribute("aria-current", "true")
    page.get_by_role("button", name="Very happy").tap()
    for _ in range(3):
        page.get_by_role("button", name="Skip this question").tap()
    page.get_by_role("button", name="Send my answers").tap()
    expect(h1(page)).to_have_text("Thank you")
    wait_for_stored(app, 1)
    with app.app_context():
        response = db.session.scalar(select(Response))
        answers = {a.question.key: a.choice for a in response.answers}
        assert answers["who_are_you"] == "parent" and answers["overall_smiley"] == "very_happy"


@pytest.mark.parametrize("viewport", [PORTRAIT, LANDSCAPE_TABLET], ids=["768x1024", "1024x768"])
def test_faces_are_large_and_answer_later_fits_the_screen(tablet, paired, viewport):
    page = tablet(viewport)
    paired(page)
    page.get_by_role("button", name="Give feedback").tap()
    page.get_by_role("button", name="A parent").tap()
    expect(h1(page)).to_have_text("How was the meeting for you today?")
    faces = page.locator("img.face")
    expect(faces).to_have_count(5)
    for index in range(5):
        box = faces.nth(index).bounding_box()
        assert box["width"] >= 88 and box["height"] >= 88, box  # readable across a corridor
        assert box["y"] + box["height"] <= viewport["height"]  # every face on screen at once
    page.get_by_role("button", name="Start again").tap()

    page.get_by_role("button", name="Answer later instead").tap()
    expect(page.get_by_role("img", name="QR code with a link to the survey")).to_be_visible()
    done = page.get_by_role("button", name="Done").bounding_box()
    assert done["y"] >= 0 and done["y"] + done["height"] <= viewport["height"], (done, viewport)
    assert page.evaluate("document.documentElement.scrollHeight") <= viewport["height"] + 1 or \
        done["y"] + done["height"] <= viewport["height"]

