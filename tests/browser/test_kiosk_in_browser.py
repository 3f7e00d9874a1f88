"""The kiosk on a wall tablet, by touch, in Chromium: the flow, idle reset, offline answers,
Arabic, answering later, opening hours and the staff PIN. axe-core checks every screen."""
from __future__ import annotations

import re
import time
from datetime import datetime

import pytest
from playwright.sync_api import expect
from sqlalchemy import func, select

from feedback_app import clock
from feedback_app.extensions import db
from feedback_app.models import Meeting, Response

from ..conftest import kiosk_answers_stored
from .conftest import screenshot

pytestmark = pytest.mark.browser

PORTRAIT = {"width": 768, "height": 1024}
LANDSCAPE = {"width": 1280, "height": 800}
ANSWERS_API = "**/api/v1/kiosk/responses"


@pytest.fixture
def tablet(browser):
    """tablet(viewport) -> a page in a fresh touch-screen context (its own storage and worker)."""
    contexts = []

    def make(viewport=PORTRAIT):
        context = browser.new_context(viewport=viewport, has_touch=True, timezone_id="Europe/London")
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def paired(app, live_server):
    """paired(page, query="", hours=None) pairs the page's tablet with a room that had a meeting."""

    def pair(page, query: str = "", hours: str | None = None, room: str = "Room 1"):
        with app.app_context():
            db.session.add(Meeting(kind="core_group", held_on=clock.today(), venue="Town Hall", room=room))
            db.session.commit()
        args = ["kiosk", "add-device", room, "--venue", "Town Hall"] + (["--hours", hours] if hours else [])
        output = app.test_cli_runner().invoke(args=args).output
        token = output.split("#pair=")[1].split()[0]
        pin = output.split("kiosk mode: ")[1].split()[0]
        page.goto(f"{live_server}/kiosk/{query}#pair={token}")
        expect(page.locator("body[data-ready=true]")).to_be_attached()
        assert "#pair" not in page.url
        return pin

    return pair


def stored(app) -> int:
    kiosk_answers_stored(app)
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Response))


def wait_for_stored(app, count: int, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while stored(app) != count and time.monotonic() < deadline:
        time.sleep(0.2)
    assert stored(app) == count


def h1(page):
    return page.get_by_role("heading", level=1)


def assert_fits_a_tablet(page):
    """Targets at least 48 px, text at least 20 px, nothing wider than the screen."""
    found = page.evaluate("""() => {
        const visible = (e) => e.offsetParent !== null || e.getClientRects().length > 0;
        const small = [...document.querySelectorAll("button, a, textarea, input")].filter(visible)
            .filter((e) => { const r = e.getBoundingClientRect(); return r.height < 48 || r.width < 48; })
            .map((e) => e.textContent.trim() || e.id);
        const tiny = [...document.querySelectorAll("body *")].filter(visible)
            .filter((e) => [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
            .filter((e) => parseFloat(getComputedStyle(e).fontSize) < 20)
            .map((e) => e.textContent.trim());
        return {small, tiny, overflow: document.documentElement.scrollWidth > innerWidth};
    }""")
    assert found == {"small": [], "tiny": [], "overflow": False}


def test_the_whole_flow_by_touch(tablet, paired, app, live_server, assert_accessible):
    page = tablet(PORTRAIT)
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    errors = []  # a Content-Security-Policy violation shows up here
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    paired(page, "?thanks=2")
    entries = page.evaluate("history.length")
    expect(h1(page)).to_have_text("How was your meeting today?")
    assert_accessible(page)
    assert_fits_a_tablet(page)
    screenshot(page, "kiosk-welcome-portrait")

    page.get_by_role("button", name="Give feedback").tap()
    expect(h1(page)).to_contain_text("Who are you?")
    expect(page.get_by_text("Question 1 of 6")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="A parent").tap()

    expect(h1(page)).to_have_text("How was the meeting for you today?")
    assert_accessible(page)
    assert_fits_a_tablet(page)
    screenshot(page, "kiosk-smiley-portrait")
    page.get_by_role("button", name="Happy", exact=True).tap()
    expect(h1(page)).to_contain_text("Did you feel listened to?")
    assert_accessible(page)
    page.get_by_role("button", name="Yes").tap()
    page.get_by_role("button", name="Not sure").tap()
    page.get_by_role("button", name="Worked with").tap()

    box = page.get_by_role("textbox", name=re.compile("Is there anything else"))
    expect(box).to_be_visible()
    expect(page.get_by_role("heading", name="If you need help now")).to_be_visible()
    assert_accessible(page)
    assert_fits_a_tablet(page)
    box.fill("The chair spoke to me first.")
    page.get_by_role("button", name="Send my answers").tap()

    expect(h1(page)).to_have_text("Thank you")
    expect(page.get_by_role("link", name="Tell us about something that went well")).to_have_attribute(
        "href", "/stories/new?lang=en_GB&from=kiosk")
    assert_accessible(page)
    wait_for_stored(app, 1)
    with app.app_context():
        response = db.session.scalar(select(Response))
        assert response.channel == "kiosk" and response.meeting_id is not None
        assert {a.question.key: a.choice or a.text for a in response.answers} == {
            "who_are_you": "parent", "overall_smiley": "happy", "listened_to": "yes",
            "know_next_steps": "not_sure", "worked_with": "worked_with",
            "anything_else": "The chair spoke to me first.",
        }

    # After the thank-you it starts again, and nothing of those answers can be seen.
    expect(h1(page)).to_have_text("How was your meeting today?", timeout=5000)
    expect(page.get_by_text("The chair spoke to me first.")).to_have_count(0)
    # Nothing came from anywhere but the app (no CDN, no fonts, no analytics).
    assert requested and all(url.startswith(live_server + "/") for url in requested)
    assert errors == []
    # No screen added a history entry, so "back" cannot reach the last person's answers.
    assert page.evaluate("history.length") == entries


def test_a_story_begun_on_the_tablet_goes_back_to_the_kiosk_when_left(tablet, paired, app, monkeypatch):
    page = tablet()
    paired(page, "?thanks=30")
    _answer_quickly(page, start_again=False)
    monkeypatch.setitem(app.config, "FEEDBACK_KIOSK_IDLE_SECONDS", 2)  # the story form waits 4 s
    page.get_by_role("link", name="Tell us about something that went well").tap()
    story = page.get_by_role("textbox", name=re.compile("Your story"))
    expect(story).to_be_visible()
    for _ in range(3):  # someone still typing is never sent away
        page.wait_for_timeout(2000)
        story.type("We were heard. ")
    assert "/stories/new" in page.url
    # Then they walk off: the tablet goes back to the kiosk, and "back" does not return.
    expect(h1(page)).to_have_text("How was your meeting today?", timeout=10000)
    assert page.url.endswith("/kiosk/")
    expect(page.get_by_text("We were heard.")).to_have_count(0)


def test_idle_reset_asks_first_never_cuts_off_typing_and_forgets_the_language(
        tablet, paired, assert_accessible):
    page = tablet(LANDSCAPE)
    # Six seconds: "Still there?" shows for the last two, long enough to tap even on a busy machine.
    paired(page, "?idle=6")
    page.get_by_role("button", name="العربية").tap()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    page.get_by_role("button", name=re.compile(".")).filter(has_text=re.compile("[\u0600-\u06ff]")).first.wait_for()
    assert_accessible(page)
    assert_fits_a_tablet(page)
    screenshot(page, "kiosk-welcome-arabic")
    # Right to left: the "start again" bar's first item sits on the right.
    title = page.locator("#bar-title").bounding_box()
    assert title["x"] > LANDSCAPE["width"] / 2

    # "Still there?" comes first, and a touch keeps the answers.
    dialog = page.get_by_role("alertdialog")
    expect(dialog).to_be_visible(timeout=8000)
    assert_accessible(page)
    dialog.get_by_role("button").tap()
    expect(dialog).to_be_hidden()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")

    # Left alone, it starts again in the tablet's own language.
    expect(dialog).to_be_visible(timeout=8000)
    expect(page.locator("html")).to_have_attribute("dir", "ltr", timeout=8000)
    expect(h1(page)).to_have_text("How was your meeting today?")

    # Someone typing is never cut off, however long it takes.
    page.get_by_role("button", name="Give feedback").tap()
    page.get_by_role("button", name="Skip this question").tap()
    page.get_by_role("button", name="Okay").tap()
    for _ in range(3):
        page.get_by_role("button", name="Skip this question").tap()
    box = page.get_by_role("textbox")
    for _ in range(16):  # longer than the idle limit
        box.type("a ")
        time.sleep(0.4)
    expect(box).to_be_visible()
    expect(dialog).to_be_hidden()


def _answer_quickly(page, start_again=True):
    page.get_by_role("button", name="Give feedback").tap()
    page.get_by_role("button", name="Another family member").tap()
    page.get_by_role("button", name="Okay").tap()
    for _ in range(3):
        page.get_by_role("button", name="Skip this question").tap()
    page.get_by_role("button", name="Send my answers").tap()
    expect(h1(page)).to_have_text("Thank you")
    if start_again:
        page.get_by_role("button", name="Start again").tap()
        expect(h1(page)).to_have_text("How was your meeting today?")


def test_twenty_answers_given_offline_survive_a_reload_and_are_stored_once(tablet, paired, app):
    page = tablet(PORTRAIT)
    paired(page)
    assert page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.context.set_offline(True)
    # Chromium's offline emulation has let a request through as the page reloads; a dropped
    # connection lets none, so the answers' way to the server is cut as well.
    page.context.route(ANSWERS_API, lambda route: route.abort("internetdisconnected"))
    for _ in range(20):
        _answer_quickly(page)
    page.reload()
    expect(h1(page)).to_have_text("How was your meeting today?")
    assert page.evaluate("KioskQueue.counts()") == {"queued": 20, "failed": 0}
    assert stored(app) == 0

    page.context.unroute(ANSWERS_API)
    page.context.set_offline(False)
    wait_for_stored(app, 20)
    deadline = time.monotonic() + 10
    while page.evaluate("KioskQueue.counts()")["queued"] and time.monotonic() < deadline:
        time.sleep(0.2)
    assert page.evaluate("KioskQueue.counts()") == {"queued": 0, "failed": 0}
    assert stored(app) == 20

    # Sending one of them again (say the reply was lost) stores nothing new.
    statuses = page.evaluate("""async () => {
        const body = JSON.stringify({uuid: crypto.randomUUID(), survey_version_id: 0, answers: {}});
        const credential = JSON.parse(localStorage.getItem("kiosk.credential"));
        const config = JSON.parse(localStorage.getItem("kiosk.config"));
        const messages = JSON.parse(localStorage.getItem("kiosk.messages.en_GB"));
        const answer = JSON.stringify({uuid: crypto.randomUUID(), meeting_id: config.meeting.id,
            survey_version_id: messages.survey.version_id, answers: {overall_smiley: "okay"}});
        const post = () => fetch("/api/v1/kiosk/responses", {method: "POST", body: answer,
            headers: {"Content-Type": "application/json", "Authorization": `Bearer ${credential}`}});
        return [(await post()).status, (await post()).status];
    }""")
    assert statuses == [201, 200]
    assert stored(app) == 21


def test_answer_later_shows_a_qr_code(tablet, paired, assert_accessible):
    page = tablet(PORTRAIT)
    paired(page)
    page.get_by_role("button", name="Answer later instead").tap()
    expect(page.get_by_role("img", name="QR code with a link to the survey")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Done").tap()
    expect(h1(page)).to_have_text("How was your meeting today?")


def test_outside_opening_hours_it_rests_and_staff_leave_with_the_pin(tablet, paired, assert_accessible):
    now = datetime.now(clock.LOCAL_ZONE)
    hours = "05:00-05:01" if now.hour == 3 else "03:00-03:01"
    page = tablet(LANDSCAPE)
    pin = paired(page, hours=hours)
    expect(h1(page)).to_have_text("Feedback is closed now")
    expect(page.get_by_role("button", name="Give feedback")).to_have_count(0)
    assert_accessible(page)

    page.get_by_role("button", name="Staff").tap()
    page.get_by_label("Staff PIN").fill("99999999")
    page.get_by_role("button", name="Unlock").tap()
    expect(page.get_by_role("alert")).to_have_text("That PIN is not right.")
    assert_accessible(page)
    page.get_by_label("Staff PIN").fill(pin)
    page.get_by_role("button", name="Unlock").tap()
    expect(h1(page)).to_have_text("Kiosk settings")
    expect(page.get_by_text("Answers waiting to be sent: 0")).to_be_visible()
    assert_accessible(page)


def test_an_admin_pairs_a_tablet_from_the_admin_pages(tablet, browser, live_server, make_user,
                                                      assert_accessible):
    from ..conftest import PASSWORD

    office = tablet(LANDSCAPE)
    office.goto(f"{live_server}/login")
    office.get_by_label("Email address").fill(make_user("admin"))
    office.get_by_label("Password").fill(PASSWORD)
    office.get_by_role("button", name="Log in").click()
    office.goto(f"{live_server}/admin/kiosks/")
    expect(h1(office)).to_have_text("Kiosk tablets")
    assert_accessible(office)
    office.get_by_label("Room").fill("Room 3")
    office.get_by_label("Building or venue").fill("Town Hall")
    office.get_by_role("button", name="Add the tablet").click()
    expect(h1(office)).to_have_text("Pair the tablet in Room 3")
    expect(office.get_by_role("img", name="QR code with the pairing link")).to_be_visible()
    # It says which meeting the tablet's answers go to, and offers another.
    expect(office.get_by_text("Answers go to: A meeting here today")).to_be_visible()
    expect(office.get_by_label("Meeting for Room 3")).to_be_visible()
    assert_accessible(office)
    link = office.get_by_role("link", name=re.compile("#pair=")).get_attribute("href")

    # The link pairs a tablet once; the admin page then shows its last contact.
    wall = tablet(PORTRAIT)
    wall.goto(link)
    expect(wall.locator("body[data-ready=true]")).to_be_attached()
    # No meeting in Room 3 yet: it takes answers for a meeting here today, never "Not ready".
    expect(h1(wall)).to_have_text("How was your meeting today?")
    row = office.get_by_role("row", name=re.compile("Room 3"))
    deadline = time.monotonic() + 10
    while True:  # the tablet reports its queue just after it starts
        office.goto(f"{live_server}/admin/kiosks/")
        if "to send" in row.inner_text() or time.monotonic() > deadline:
            break
        time.sleep(0.3)
    expect(row).not_to_contain_text("Never")
    expect(row).to_contain_text("0 to send, 0 refused")
    assert_accessible(office)
