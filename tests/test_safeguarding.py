"""Free text that may disclose harm is flagged to the safeguarding lead at once."""
import email

import pytest
from sqlalchemy import func, select

from feedback_app.extensions import db
from feedback_app.models import AuditEvent, SafeguardingFlag
from feedback_app.nlp.safeguarding import possible_disclosure

from .conftest import csrf_from
from .test_survey_link import _post


@pytest.mark.parametrize("text, cues", [
    ("He hits me when the social worker leaves.", ["violence"]),
    ("I don't feel safe at home any more.", ["not_safe"]),
    ("Sometimes I want to end it all.", ["harm_to_self"]),
    ("I do not want to live like this", ["harm_to_self"]),
    ("My partner threatened to kill me", ["violence"]),
    ("I'm scared to go home tonight", ["not_safe"]),
])
def test_disclosures_are_spotted(text, cues):
    assert possible_disclosure(text) == cues


@pytest.mark.parametrize("text", [
    "The Chair listened to me and I felt safe to speak.",
    "It hit me how much work the social worker puts in.",
    "Reports came late and the jargon was hard.",
    "",
    None,
])
def test_ordinary_feedback_is_not_flagged(text):
    assert possible_disclosure(text) == []


def test_a_disclosure_in_a_survey_answer_is_flagged_and_the_lead_emailed(client, invite, app, make_user, tmp_path):
    lead = make_user("safeguarding_lead")
    app.config["FEEDBACK_OUTBOX"] = str(tmp_path)
    response = _post(client, invite(), {"q_overall": "poor", "q_one_change": "He hits me and nobody asks."})
    assert response.status_code == 302
    with app.app_context():
        flag = db.session.scalar(select(SafeguardingFlag))
        assert flag.cues == ["violence"] and flag.status == "open"
        assert flag.answer.text == "He hits me and nobody asks."
    sent = [email.message_from_bytes(p.read_bytes()) for p in tmp_path.glob("*.eml")]
    assert [m["To"] for m in sent] == [lead]
    body = sent[0].get_payload()
    assert "/admin/safeguarding" in body and "hits me" not in body


@pytest.mark.parametrize("channel, survey, key", [
    ("kiosk", "kiosk", "anything_else"), ("advocate", "debrief", "one_change"), ("card", "debrief", "one_change"),
])
def test_a_disclosure_is_flagged_as_it_arrives_whatever_the_channel(app_ctx, channel, survey, key):
    from feedback_app.models import Survey
    from feedback_app.surveys.services import record_response

    version = db.session.scalar(select(Survey).where(Survey.slug == survey)).current
    response_id = record_response(version, {"overall": "poor", "overall_smiley": "unhappy",
                                            key: "I don't feel safe at home any more."},
                                  channel=channel, locale="en_GB", meeting_kind="cp_conference")
    flag = db.session.scalar(select(SafeguardingFlag))  # before any analysis step has run
    assert flag.cues == ["not_safe"] and flag.answer.response_id == response_id
    assert flag.answer.text == "I don't feel safe at home any more."


def test_nothing_is_flagged_or_sent_for_ordinary_answers(client, invite, app, make_user, tmp_path):
    make_user("safeguarding_lead")
    app.config["FEEDBACK_OUTBOX"] = str(tmp_path)
    _post(client, invite(), {"q_overall": "good", "q_one_change": "Send reports earlier."})
    with app.app_context():
        assert db.session.scalar(select(SafeguardingFlag)) is None
    assert list(tmp_path.glob("*.eml")) == []


def test_the_lead_reads_and_closes_a_flag(client, invite, login, app):
    _post(client, invite(), {"q_overall": "poor", "q_one_change": "I don't feel safe with him."})
    login("safeguarding_lead")
    page = client.get("/admin/safeguarding/").get_data(as_text=True)
    assert "I don&#39;t feel safe with him." in page and "not safe" in page
    with app.app_context():
        flag_id = db.session.scalar(select(SafeguardingFlag.id))
    asked = client.post(f"/admin/safeguarding/{flag_id}/reviewed", data={"csrf_token": csrf_from(page)})
    assert asked.status_code == 200 and "Close the concern from" in asked.get_data(as_text=True)
    with app.app_context():  # asking changed nothing
        assert db.session.scalar(select(SafeguardingFlag.status)) == "open"
    response = client.post(f"/admin/safeguarding/{flag_id}/reviewed",
                           data={"csrf_token": csrf_from(page), "confirmed": "yes"})
    assert response.status_code == 302
    assert "Nothing is waiting for you." in client.get("/admin/safeguarding/").get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(SafeguardingFlag.status)) == "reviewed"
        assert db.session.scalar(select(AuditEvent.action).where(AuditEvent.action == "safeguarding.review"))


def test_the_lead_records_what_was_done_in_the_audit_log_apart_from_the_words(client, invite, login, app):
    _post(client, invite(), {"q_overall": "poor", "q_one_change": "I don't feel safe with him."})
    lead = login("safeguarding_lead")
    page = client.get("/admin/safeguarding/").get_data(as_text=True)
    with app.app_context():
        flag_id = db.session.scalar(select(SafeguardingFlag.id))
    empty = client.post(f"/admin/safeguarding/{flag_id}/steps",
                        data={"csrf_token": csrf_from(page), f"f{flag_id}-note": "  "})
    assert empty.status_code == 400 and "Write what was done" in empty.get_data(as_text=True)
    client.post(f"/admin/safeguarding/{flag_id}/steps",
                data={"csrf_token": csrf_from(page), f"f{flag_id}-note": "Rang the conference chair."})
    client.post(f"/admin/safeguarding/{flag_id}/reviewed", data={
        "csrf_token": csrf_from(page), f"f{flag_id}-note": "Referral made.", "confirmed": "yes"})
    with app.app_context():
        events = db.session.scalars(select(AuditEvent).where(AuditEvent.target_type == "safeguarding_flags")
                                    .order_by(AuditEvent.id)).all()
        assert [(e.action, e.detail) for e in events] == [
            ("safeguarding.step", {"note": "Rang the conference chair."}),
            ("safeguarding.review", {"note": "Referral made."})]
        assert all("safe with him" not in str(e.detail) for e in events)
    assert "Nothing is waiting for you." in client.get("/admin/safeguarding/").get_data(as_text=True)
    closed = client.get("/admin/safeguarding/?show=closed").get_data(as_text=True)
    assert "Rang the conference chair." in closed and "Referral made." in closed and lead in closed
    assert "Closed (1)" in closed and "Still open (0)" in closed


@pytest.mark.parametrize("role", ["facilitator", "moderator", "advocate"])
def test_only_the_safeguarding_lead_and_admins_see_flags(client, login, role):
    login(role)
    assert client.get("/admin/safeguarding/").status_code == 403


@pytest.mark.parametrize("action", ["steps", "reviewed"])
def test_a_concern_closed_already_takes_no_more_steps(client, invite, login, app, action):
    _post(client, invite(), {"q_overall": "poor", "q_one_change": "I don't feel safe with him."})
    login("safeguarding_lead")
    page = client.get("/admin/safeguarding/").get_data(as_text=True)
    with app.app_context():
        flag_id = db.session.scalar(select(SafeguardingFlag.id))
    client.post(f"/admin/safeguarding/{flag_id}/reviewed", data={"csrf_token": csrf_from(page), "confirmed": "yes"})
    again = client.post(f"/admin/safeguarding/{flag_id}/{action}", data={
        "csrf_token": csrf_from(page), f"f{flag_id}-note": "Late note.", "confirmed": "yes"})
    assert again.status_code == 302 and again.headers["Location"].endswith("show=closed")
    assert "This concern is closed already." in client.get("/admin/safeguarding/?show=closed").get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(AuditEvent).where(
            AuditEvent.action.like("safeguarding.%"))) == 1
