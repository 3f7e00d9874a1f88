"""A family on a phone, in Arabic: the language picker, the organisation in the footer and the
themes of the story form speak Arabic, not English."""
import pytest
from playwright.sync_api import expect

from feedback_app.extensions import db
from feedback_app.models import Theme, ThemeName

from .conftest import screenshot

pytestmark = pytest.mark.browser

ARABIC_ORGANISATION = "خدمات الأطفال"


@pytest.fixture
def arabic_organisation(app):
    saved = dict(app.config)
    app.config["FEEDBACK_ORGANISATION_AR"] = ARABIC_ORGANISATION
    yield
    app.config.clear()
    app.config.update(saved)


def test_an_arabic_survey_page_labels_the_picker_and_names_the_organisation_in_arabic(
        phone, live_server, invite, arabic_organisation, assert_accessible):
    phone.goto(f"{live_server}/s/{invite()}?lang=ar")
    expect(phone.locator("html")).to_have_attribute("lang", "ar")
    # The picker is found by its Arabic label, and still offers English by its own name.
    picker = phone.get_by_role("combobox", name="اللغة")
    expect(picker).to_be_visible()
    expect(picker.locator("option[lang=en-GB]")).to_have_text("English")
    footer = phone.get_by_role("contentinfo")
    expect(footer).to_contain_text(ARABIC_ORGANISATION)
    expect(footer).not_to_contain_text("Children's Services")
    assert ARABIC_ORGANISATION in phone.title()
    assert_accessible(phone)
    screenshot(phone, "survey-ar-names")


def test_a_language_without_its_own_organisation_name_shows_the_default(
        phone, live_server, invite, arabic_organisation):
    phone.goto(f"{live_server}/s/{invite()}?lang=cy")
    expect(phone.get_by_role("combobox", name="Iaith")).to_be_visible()
    expect(phone.get_by_role("contentinfo")).to_contain_text("Children's Services")


def test_the_arabic_story_form_names_the_themes_in_arabic(phone, live_server, app):
    with app.app_context():
        db.session.add(Theme(slug="engaging-fathers", name="Engaging Fathers", keywords=["dad"],
                             names=[ThemeName(locale="ar", name="إشراك الآباء")]))
        db.session.add(Theme(slug="advocacy", name="Advocacy", keywords=["advocate"]))
        db.session.commit()
    phone.goto(f"{live_server}/stories/new?lang=ar")
    themes = phone.get_by_role("group", name="عمّ تتحدث القصة؟ (اختياري)")
    expect(themes.get_by_label("إشراك الآباء")).to_be_visible()
    expect(themes).not_to_contain_text("Engaging Fathers")
    # A theme with no Arabic name yet keeps its English one.
    expect(themes.get_by_label("Advocacy")).to_be_visible()
