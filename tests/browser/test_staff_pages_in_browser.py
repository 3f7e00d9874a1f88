"""Staff pages in a browser on a 1280 x 800 laptop: what cannot be undone asks first."""
import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.kiosk_api import services as kiosk
from feedback_app.models import AuditEvent, KioskDevice, NewsletterIssue, SafeguardingFlag

from ..test_newsletter import add_story
from ..test_survey_link import _post
from .conftest import log_in

pytestmark = pytest.mark.browser


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
    log_in(laptop, live_server, make_user("admin"))
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

    log_in(laptop, live_server, make_user("moderator"))
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


def _meeting(app, room, venue="Town Hall", kind="cp_conference"):
    from feedback_app import clock
    from feedback_app.models import Meeting

    with app.app_context():
        db.session.add(Meeting(kind=kind, held_on=clock.today(), venue=venue, room=room))
        db.session.commit()


def test_the_header_menu_offers_each_role_its_pages(laptop, live_server, make_user):
    log_in(laptop, live_server, make_user("moderator"))
    laptop.goto(f"{live_server}/admin/stories")
    menu = laptop.get_by_role("navigation", name="Staff menu")
    expect(menu.get_by_role("link", name="Stories to moderate")).to_have_attribute("aria-current", "page")
    expect(menu.get_by_role("link", name="Kiosk tablets")).to_have_count(0)
    menu.get_by_role("link", name="Newsletter").click()
    expect(laptop.get_by_role("navigation", name="Staff menu").get_by_role(
        "link", name="Newsletter")).to_have_attribute("aria-current", "page")


def test_the_kiosks_page_fits_a_laptop_and_its_inputs_a_finger(laptop, live_server, app, make_user):
    for number in range(1, 4):
        room = f"Conference Room {number} (Ground floor, east wing)"
        _paired_tablet(app, room)
        _meeting(app, room, venue="Civic Centre and Family Hub, Market Street")
    log_in(laptop, live_server, make_user("admin"))
    laptop.goto(f"{live_server}/admin/kiosks/")
    expect(laptop.get_by_role("table")).to_be_visible()
    assert laptop.evaluate("document.documentElement.scrollWidth") <= 1280
    for label in ("Opens at (leave empty if always open)", "Closes at"):
        assert laptop.get_by_label(label).bounding_box()["height"] >= 44
    # A required field left empty says which field it is.
    laptop.get_by_role("button", name="Add the tablet").click()
    expect(laptop.get_by_role("alert")).to_contain_text("Room")


def test_a_safeguarding_lead_records_what_was_done_and_closes_a_concern(laptop, live_server, app, make_user,
                                                                       client, invite):
    _post(client, invite(), {"q_overall": "poor", "q_one_change": "I don't feel safe with him."})
    with app.app_context():
        flag_id = db.session.scalar(select(SafeguardingFlag.id))
    lead = make_user("safeguarding_lead")
    log_in(laptop, live_server, lead)
    laptop.goto(f"{live_server}/admin/safeguarding/")
    tabs = laptop.get_by_role("navigation", name="Which concerns to show")
    expect(tabs.get_by_role("link", name="Still open (1)")).to_have_attribute("aria-current", "page")
    concern = laptop.locator(f"#flag-{flag_id}")
    expect(concern.get_by_role("blockquote")).to_have_text("I don't feel safe with him.")

    concern.get_by_label("What was done").fill("Rang the conference chair; referral made.")
    concern.get_by_role("button", name="Close this concern").click()
    # Asked once, plainly; nothing changed yet.
    expect(laptop.get_by_role("heading", level=1)).to_contain_text("Close the concern from")
    expect(laptop.get_by_text("This cannot be undone.")).to_be_visible()
    with app.app_context():
        assert db.session.get(SafeguardingFlag, flag_id).status == "open"
    laptop.get_by_role("button", name="Yes, close it").click()

    expect(laptop.get_by_role("status").first).to_have_text("Closed. It is in the closed list.")
    expect(laptop.get_by_text("Nothing is waiting for you.")).to_be_visible()
    tabs = laptop.get_by_role("navigation", name="Which concerns to show")
    expect(tabs.get_by_role("link", name="Still open (0)")).to_be_visible()
    tabs.get_by_role("link", name="Closed (1)").click()
    closed = laptop.locator(f"#flag-{flag_id}")
    expect(closed).to_contain_text("Closed.")
    expect(closed).to_contain_text("Rang the conference chair; referral made.")
    expect(closed).to_contain_text(lead)
    expect(closed.get_by_role("button", name="Close this concern")).to_have_count(0)
    with app.app_context():
        event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "safeguarding.review"))
        assert event.target_id == str(flag_id)
        assert event.detail == {"note": "Rang the conference chair; referral made."}
        assert "safe with him" not in str(event.detail)
