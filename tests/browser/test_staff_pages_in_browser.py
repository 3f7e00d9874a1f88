"""Staff pages in a browser on a 1280 x 800 laptop: what cannot be undone asks first."""
import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.kiosk_api import services as kiosk
from feedback_app.models import KioskDevice, NewsletterIssue

from ..conftest import PASSWORD
from ..test_newsletter import add_story

pytestmark = pytest.mark.browser
LAPTOP = {"viewport": {"width": 1280, "height": 800}}


@pytest.fixture
def laptop(browser):
    context = browser.new_context(**LAPTOP)
    page = context.new_page()
    yield page
    context.close()


def _log_in(page, live_server, email):
    page.goto(f"{live_server}/login")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def _paired_tablet(app, room="Room 1") -> int:
    with app.app_context():
        pairing = kiosk.add_device(room)
        kiosk.pair(pairing.pairing_token)
        db.session.commit()
        return pairing.device.id


def _revoked(app, device_id) -> bool:
    with app.app_context():
        return db.session.get(KioskDevice, device_id).revoked_at is not None


def test_unpairing_a_tablet_asks_first(laptop, live_server, app, make_user):
    device_id = _paired_tablet(app)
    _log_in(laptop, live_server, make_user("admin"))
    laptop.goto(f"{live_server}/admin/kiosks/")
    laptop.get_by_role("button", name="Unpair Room 1").click()
    expect(laptop.get_by_role("heading", level=1)).to_have_text("Unpair the tablet in Room 1?")
    assert not _revoked(app, device_id)

    laptop.get_by_role("link", name="No, go back").click()
    expect(laptop.get_by_role("heading", level=1)).to_have_text("Kiosk tablets")
    assert not _revoked(app, device_id)

    laptop.get_by_role("button", name="Unpair Room 1").click()
    laptop.get_by_role("button", name="Yes, unpair Room 1").click()
    expect(laptop.get_by_role("heading", level=1)).to_have_text("Kiosk tablets")
    assert _revoked(app, device_id)


def test_publishing_the_newsletter_asks_first(laptop, live_server, app, make_user):
    add_story(app, "The worker listened.")
    with app.app_context():
        db.session.add(NewsletterIssue(month="2026-11"))
        db.session.commit()

    def status():
        with app.app_context():
            return db.session.scalar(select(NewsletterIssue.status))

    _log_in(laptop, live_server, make_user("moderator"))
    laptop.goto(f"{live_server}/admin/newsletter/2026-11")
    laptop.get_by_role("button", name="Publish and send").click()
    expect(laptop.get_by_role("heading", level=1)).to_contain_text("and send it?")
    assert status() == "draft"
    laptop.get_by_role("link", name="No, go back").click()
    assert status() == "draft"

    laptop.get_by_role("button", name="Publish and send").click()
    laptop.get_by_role("button", name="Yes, publish and send").click()
    expect(laptop.get_by_text("Published to the archive")).to_be_visible()
    assert status() == "published"
