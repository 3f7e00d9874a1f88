"""An advocate enters a parent's answers with them; the response is marked as supported."""
import re

from sqlalchemy import func, select

from feedback_app.extensions import db
from feedback_app.models import AuditEvent, Response

from .conftest import csrf_from


def test_an_advocate_enters_a_supported_response(client, login, app):
    email = login("advocate")
    page = client.get("/admin/responses/new").get_data(as_text=True)
    assert "Which meeting was it?" in page
    version = re.search(r'name="version_id" type="hidden" value="(\d+)"', page).group(1)
    response = client.post("/admin/responses/new", data={
        "csrf_token": csrf_from(page), "version_id": version, "meeting_kind": "fgc",
        "q_overall": "very_good", "q_advocate_would_help": "yes",
    })
    assert response.status_code == 302
    with app.app_context():
        stored = db.session.scalar(select(Response))
        assert (stored.channel, stored.meeting_kind, stored.supported_by_advocate) == ("advocate", "fgc", True)
        event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "response.supported_entry"))
        # The log knows an advocate entered a response, not which response.
        assert event.target_id == "" and email not in str(event.detail)


def test_a_supported_entry_still_needs_the_required_answer_and_a_meeting_kind(client, login, app):
    login("advocate")
    page = client.get("/admin/responses/new").get_data(as_text=True)
    response = client.post("/admin/responses/new", data={
        "csrf_token": csrf_from(page), "meeting_kind": "not-a-kind"})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Please answer: Overall" in html and "Not a valid choice" in html
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Response)) == 0
