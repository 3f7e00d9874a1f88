"""Theme names in the family's language: an Arabic story form on a phone lists the themes in
Arabic; an admin changes a theme's Arabic name and the family's page shows the new one."""
import pytest
from playwright.sync_api import expect

from feedback_app.extensions import db

from ..conftest import PASSWORD
from .conftest import screenshot

pytestmark = pytest.mark.browser


@pytest.fixture
def demo_themes(app):
    from feedback_app.demo import _load_themes

    with app.app_context():
        _load_themes()
        db.session.commit()


def test_an_arabic_story_form_names_the_themes_in_arabic(phone, live_server, demo_themes, assert_accessible):
    phone.goto(f"{live_server}/stories/new?lang=ar")
    expect(phone.locator("html")).to_have_attribute("dir", "rtl")
    fathers = phone.get_by_role("checkbox", name="إشراك الآباء")
    expect(fathers).to_be_visible()
    expect(phone.get_by_role("checkbox", name="الآباء والأمهات الصغار")).to_be_visible()
    for english in ("Engaging Fathers", "Young Parents", "Support offer", "Jargon and language"):
        expect(phone.get_by_text(english)).to_have_count(0)
    fathers.tap()
    expect(fathers).to_be_checked()
    screenshot(phone, "story-form-themes-arabic-phone")
    assert_accessible(phone)

    # The same page in English keeps the English names.
    phone.goto(f"{live_server}/stories/new?lang=en-GB")
    expect(phone.get_by_role("checkbox", name="Engaging Fathers")).to_be_visible()


def test_an_admin_renames_a_theme_in_arabic_and_the_family_reads_the_new_name(
        browser, phone, live_server, make_user, demo_themes, assert_accessible):
    staff = browser.new_page()
    staff.goto(f"{live_server}/login?lang=en-GB")
    staff.get_by_label("Email address").fill(make_user("admin"))
    staff.get_by_label("Password").fill(PASSWORD)
    staff.get_by_role("button", name="Log in").click()

    staff.goto(f"{live_server}/admin/insights/themes")
    section = staff.get_by_role("region", name="Engaging Fathers")
    names = section.get_by_role("group", name="The theme's name in each language")
    arabic = names.get_by_label("العربية", exact=True)
    expect(arabic).to_have_value("إشراك الآباء")
    expect(arabic).to_have_attribute("lang", "ar")
    expect(arabic).to_have_attribute("dir", "rtl")
    expect(names.get_by_label("中文（简体）")).to_have_attribute("lang", "zh-Hans")
    assert_accessible(staff)
    arabic.fill("مشاركة الآباء")
    section.get_by_role("button", name="Save the names").click()
    expect(staff.get_by_role("status")).to_contain_text("Saved the names of Engaging Fathers.")
    staff.close()

    phone.goto(f"{live_server}/stories/new?lang=ar")
    expect(phone.get_by_role("checkbox", name="مشاركة الآباء")).to_be_visible()
    expect(phone.get_by_role("checkbox", name="إشراك الآباء")).to_have_count(0)
