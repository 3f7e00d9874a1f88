"""Staff pages read as people write: named fields in errors, written dates, plurals, "3 years"."""
from datetime import date

from feedback_app import dates
from feedback_app.extensions import db
from feedback_app.models import Story

from .conftest import csrf_from


def test_lengths_of_time_are_said_as_people_say_them(app):
    with app.test_request_context():
        assert [dates.duration(d) for d in (1095, 90, 60, 14, 1, 10)] == [
            "3 years", "3 months", "2 months", "2 weeks", "1 day", "10 days"]


def test_the_privacy_page_says_years_not_days(client):
    page = client.get("/privacy").get_data(as_text=True)
    assert "We keep answers for 3 years" in page and "1095 days" not in page
    assert "within 2 months" in page and "after 3 months" in page


def test_the_moderation_queue_writes_dates_and_counts_for_people(client, app, login):
    with app.app_context():
        for status in ("submitted", "held"):
            db.session.add(Story(teller_role="parent", sharing="newsletter", status=status,
                                 anonymised_text="The worker listened.", submitted_on=date(2026, 12, 3)))
        db.session.commit()
    login("moderator")
    page = client.get("/admin/stories").get_data(as_text=True)
    assert "told on 3 Dec 2026" in page and "2026-12-03" not in page
    assert "1 story may disclose harm. It is with" in page


def test_a_required_field_left_empty_is_named(client, login):
    login("admin")
    page = client.get("/admin/kiosks/").get_data(as_text=True)
    response = client.post("/admin/kiosks/", data={"csrf_token": csrf_from(page), "room_name": ""})
    html = response.get_data(as_text=True)
    assert "Please fill in “Room”." in html and "This field is required." not in html
