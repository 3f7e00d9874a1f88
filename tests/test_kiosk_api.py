"""The kiosk API: pairing, the device credential, idempotent answers, JSON errors, the admin pages."""
from __future__ import annotations

import re
import uuid
from urllib.parse import urlsplit
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from feedback_app import clock
from feedback_app.extensions import db
from feedback_app.models import AuditEvent, Invitation, KioskDevice, KioskReceipt, Meeting, Response, Survey

from .conftest import csrf_from, kiosk_answers_stored


def _pair(client, runner, room="Room 1", venue="Town Hall", extra=()):
    result = runner.invoke(args=["kiosk", "add-device", room, "--venue", venue, *extra])
    assert result.exit_code == 0, result.output
    token = result.output.split("#pair=")[1].split()[0]
    pin = result.output.split("kiosk mode: ")[1].split()[0]
    paired = client.post("/api/v1/kiosk/pair", json={"pairing_token": token})
    assert paired.status_code == 201
    return {"Authorization": f"Bearer {paired.json['credential']}"}, token, pin


def _meeting(app, room="Room 1", venue="Town Hall", kind="cp_conference", held_on=None) -> int:
    with app.app_context():
        meeting = Meeting(kind=kind, held_on=held_on or clock.today(), venue=venue, room=room)
        db.session.add(meeting)
        db.session.commit()
        return meeting.id


def _version_id(app) -> int:
    with app.app_context():
        return db.session.scalar(select(Survey).where(Survey.slug == "kiosk")).current.id


def _answer(app, **overrides) -> dict:
    body = {"uuid": str(uuid.uuid4()), "survey_version_id": _version_id(app), "locale": "ar",
            "answers": {"who_are_you": "parent", "overall_smiley": "happy", "listened_to": "yes",
                        "anything_else": "The chair explained everything."}}
    body.update(overrides)
    return body


def _count(app, model=Response) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model))


@pytest.fixture
def device(client, runner, app):
    headers, _token, pin = _pair(client, runner)
    return {"headers": headers, "pin": pin, "meeting": _meeting(app)}


def test_a_pairing_link_works_once(client, runner):
    _headers, token, _pin = _pair(client, runner)
    again = client.post("/api/v1/kiosk/pair", json={"pairing_token": token})
    assert again.status_code == 404 and "error" in again.json


def test_the_api_needs_the_device_credential(client, device):
    assert client.get("/api/v1/kiosk/config").status_code == 401
    wrong = client.get("/api/v1/kiosk/config", headers={"Authorization": "Bearer not-a-credential"})
    assert wrong.status_code == 401 and wrong.headers["WWW-Authenticate"].startswith("Bearer")
    assert client.get("/api/v1/kiosk/config", headers=device["headers"]).status_code == 200


def test_config_names_the_rooms_latest_meeting(client, app, device):
    _meeting(app, kind="fgc", held_on=clock.today() - timedelta(days=2))
    _meeting(app, room="Room 2")  # another room
    tomorrow = _meeting(app, held_on=clock.today() + timedelta(days=1))
    config = client.get("/api/v1/kiosk/config", headers=device["headers"]).json
    assert config["meeting"] == {"id": device["meeting"], "kind": "cp_conference"}
    assert config["room"] == "Room 1" and config["idle_seconds"] == 60
    assert set(config) == set(client.get("/api/openapi.json").json["components"]["schemas"]["Config"]["required"])
    assert tomorrow != config["meeting"]["id"]


def test_an_answer_is_stored_once_with_the_rooms_meeting_and_the_day_only(client, app, device):
    body = _answer(app)
    first = client.post("/api/v1/kiosk/responses", json=body, headers=device["headers"])
    assert first.status_code == 201 and first.json == {"stored": True}
    repeat = client.post("/api/v1/kiosk/responses", json=body, headers=device["headers"])
    assert repeat.status_code == 200 and repeat.json == {"stored": False}
    # Kept on arrival, in its receipt; a response from the next analysis step on.
    assert _count(app) == 0 and _count(app, KioskReceipt) == 1
    kiosk_answers_stored(app)
    again = client.post("/api/v1/kiosk/responses", json=body, headers=device["headers"])
    assert again.status_code == 200 and again.json == {"stored": False}
    kiosk_answers_stored(app)
    assert _count(app) == 1 and _count(app, KioskReceipt) == 1
    with app.app_context():
        response = db.session.scalar(select(Response))
        assert (response.channel, response.locale, response.meeting_id, response.meeting_kind) == (
            "kiosk", "ar", device["meeting"], "cp_conference")
        assert response.submitted_on == clock.today()
        assert {a.question.key: a.choice or a.text for a in response.answers}["who_are_you"] == "parent"
        # Once stored, the receipt keeps the UUID and the day, and nothing that points at the
        # answer, its meeting or the tablet.
        receipt = db.session.scalar(select(KioskReceipt))
        kept = {name for name in KioskReceipt.__table__.columns.keys() if getattr(receipt, name) is not None}
        assert kept == {"uuid", "received_on"}
        assert not {"device_id", "kiosk_device_id"} & set(KioskReceipt.__table__.columns.keys())


def test_an_answer_queued_offline_keeps_its_own_day_and_meeting(client, app, device, monkeypatch):
    given = clock.today()
    monkeypatch.setattr(clock, "now", lambda: datetime.now(timezone.utc) + timedelta(days=2))
    later_meeting = _meeting(app, held_on=clock.today())
    body = _answer(app, answered_on=given.isoformat(), meeting_id=device["meeting"])
    assert client.post("/api/v1/kiosk/responses", json=body, headers=device["headers"]).status_code == 201
    kiosk_answers_stored(app)
    with app.app_context():
        response = db.session.scalar(select(Response))
        assert response.submitted_on == given and response.meeting_id == device["meeting"]
        assert response.meeting_id != later_meeting


def test_another_rooms_meeting_is_not_taken(client, app, device):
    elsewhere = _meeting(app, room="Room 9", kind="fgc")
    body = _answer(app, meeting_id=elsewhere)
    assert client.post("/api/v1/kiosk/responses", json=body, headers=device["headers"]).status_code == 201
    kiosk_answers_stored(app)
    with app.app_context():
        assert db.session.scalar(select(Response.meeting_id)) == device["meeting"]


@pytest.mark.parametrize("body, status", [
    ("{not json", 400),
    ("[1, 2]", 400),
    ('{"uuid": "nope"}', 422),
    ('{"uuid": "6f1c2a43-3d1f-4b59-9a55-2d1f3c4b5a6e", "survey_version_id": "x", "answers": {}}', 404),
    ('{"uuid": "6f1c2a43-3d1f-4b59-9a55-2d1f3c4b5a6e", "survey_version_id": 99999999999999999999, '
     '"answers": {}}', 404),
    ('{"uuid": "6f1c2a43-3d1f-4b59-9a55-2d1f3c4b5a6e", "survey_version_id": 1, '
     '"meeting_id": 99999999999999999999, "answers": {}}', 422),
    ('{"uuid": "6f1c2a43-3d1f-4b59-9a55-2d1f3c4b5a6e", "survey_version_id": 1, "locale": 7, "answers": {}}', 422),
    ('{"uuid": "6f1c2a43-3d1f-4b59-9a55-2d1f3c4b5a6e", "survey_version_id": 1, '
     '"answers": {"anything_else": "nul \\u0000 byte"}}', 400),  # refused at the door
])
def test_malformed_answers_get_a_json_error_not_a_crash(client, device, body, status):
    response = client.post("/api/v1/kiosk/responses", data=body, content_type="application/json",
                           headers=device["headers"])
    assert response.status_code == status and response.is_json and response.json["error"]


def test_a_wrong_option_or_missing_required_answer_is_refused_and_stores_nothing(client, app, device):
    for answers in ({"overall_smiley": "ecstatic"}, {"listened_to": "yes"},
                    {"overall_smiley": "happy", "not_a_question": "yes"}):
        body = _answer(app, answers=answers)
        response = client.post("/api/v1/kiosk/responses", json=body, headers=device["headers"])
        assert response.status_code == 422
    assert _count(app) == 0 and _count(app, KioskReceipt) == 0


def test_a_room_with_no_meeting_takes_answers_for_a_meeting_here_today(client, runner, app):
    headers, _token, _pin = _pair(client, runner, room="Empty room")
    meeting = client.get("/api/v1/kiosk/config", headers=headers).json["meeting"]
    assert meeting["kind"] == "general"
    response = client.post("/api/v1/kiosk/responses", json=_answer(app), headers=headers)
    assert response.status_code == 201
    kiosk_answers_stored(app)
    with app.app_context():
        assert db.session.scalar(select(Response.meeting_kind)) == "general"
        stored = db.session.get(Meeting, meeting["id"])
        assert (stored.room, stored.held_on) == ("Empty room", clock.today())


def test_add_device_says_which_meeting_and_takes_a_chosen_one(runner, app):
    chosen = _meeting(app, room="Room 9", venue="Town Hall", kind="fgc")
    plain = runner.invoke(args=["kiosk", "add-device", "Room 1", "--venue", "Town Hall"])
    assert "Answers go to:" in plain.output and "A meeting here today" in plain.output
    picked = runner.invoke(args=["kiosk", "add-device", "Room 2", "--meeting", str(chosen)])
    assert picked.exit_code == 0, picked.output
    assert "Family group conference · Town Hall, Room 9" in picked.output
    with app.app_context():
        device = db.session.scalar(select(KioskDevice).where(KioskDevice.room_name == "Room 2"))
        assert device.meeting_id == chosen


def test_answer_later_gives_a_working_single_use_link_and_its_qr_code(client, app, device):
    response = client.post("/api/v1/kiosk/later", json={"locale": "pl"}, headers=device["headers"])
    assert response.status_code == 201
    assert response.json["qr"].startswith("data:image/svg+xml")
    url = urlsplit(response.json["url"])
    assert url.netloc == urlsplit(app.config["FEEDBACK_BASE_URL"]).netloc
    assert client.get(url.path).status_code == 200
    with app.app_context():
        invitation = db.session.scalar(select(Invitation))
        assert (invitation.channel, invitation.locale, invitation.meeting_id) == ("card", "pl", device["meeting"])


def test_the_staff_pin_and_queue_status(client, app, device):
    assert client.post("/api/v1/kiosk/unlock", json={"pin": "000000x"}, headers=device["headers"]).status_code == 403
    assert client.post("/api/v1/kiosk/unlock", json={"pin": device["pin"]}, headers=device["headers"]).status_code == 204
    assert client.post("/api/v1/kiosk/status", json={"queued": 3, "failed": 1}, headers=device["headers"]).status_code == 204
    assert client.post("/api/v1/kiosk/status", json={"queued": -1, "failed": 0}, headers=device["headers"]).status_code == 422
    with app.app_context():
        stored = db.session.scalar(select(KioskDevice))
        assert (stored.queue_length, stored.queue_failed) == (3, 1) and stored.last_seen_at is not None


def test_guessing_the_pin_is_slowed_down_per_tablet(client, runner, device, rate_limited):
    other, _token, other_pin = _pair(client, runner, room="Room 2")
    codes = [client.post("/api/v1/kiosk/unlock", json={"pin": "wrong"}, headers=device["headers"]).status_code
             for _ in range(11)]
    assert codes[:10] == [403] * 10 and codes[10] == 429
    blocked = client.post("/api/v1/kiosk/unlock", json={"pin": device["pin"]}, headers=device["headers"])
    assert blocked.status_code == 429 and blocked.json["error"]
    # Another tablet in the same building is not held up.
    assert client.post("/api/v1/kiosk/unlock", json={"pin": other_pin}, headers=other).status_code == 204


def test_messages_come_from_the_catalogs_in_each_language(client):
    english = client.get("/kiosk/messages.json?locale=en_GB").json
    arabic = client.get("/kiosk/messages.json?locale=ar").json
    # The tablet's language stays the tablet's: no cookie that the next person's pages would obey.
    assert client.get_cookie("lang") is None
    assert english["dir"] == "ltr" and arabic["dir"] == "rtl" and arabic["lang"] == "ar"
    assert english["ui"]["give_feedback"] == "Give feedback"
    assert arabic["survey"]["questions"][0]["key"] == "who_are_you"
    # A smiley label comes from the same catalog the survey pages use.
    assert arabic["survey"]["questions"][1]["options"][0]["label"] != "Very happy"
    assert {lang["name"] for lang in english["languages"]} >= {"العربية", "Cymraeg", "中文（简体）"}


def test_the_shell_and_its_service_worker_are_served_under_one_scope(client):
    with client.get("/kiosk/") as page:
        assert page.status_code == 200 and b'src="kiosk.js"' in page.data
        assert "frame-ancestors 'none'" in page.headers["Content-Security-Policy"]
    with client.get("/kiosk/sw.js") as worker:
        assert worker.mimetype in {"text/javascript", "application/javascript"}
        assert b"caches.open" in worker.data
    assert client.get("/kiosk/README.md").status_code == 404


def test_the_openapi_document_describes_every_api_route(client, app):
    document = client.get("/api/openapi.json").json
    routes = {rule.rule for rule in app.url_map.iter_rules() if rule.rule.startswith("/api/v1/")}
    assert set(document["paths"]) == routes
    assert document["components"]["securitySchemes"]["device"]["scheme"] == "bearer"


def test_admins_add_revoke_and_watch_tablets(client, app, login, device):
    login("admin")
    page = client.get("/admin/kiosks/")
    assert page.status_code == 200 and "Room 1" in page.get_data(as_text=True)
    token = csrf_from(page.get_data(as_text=True))
    added = client.post("/admin/kiosks/", data={
        "csrf_token": token, "room_name": "Room 7", "venue": "Town Hall", "default_locale": "cy",
        "opens_at": "08:00", "closes_at": "17:30"})
    html = added.get_data(as_text=True)
    assert added.status_code == 200 and "/kiosk/#pair=" in html
    with app.app_context():
        room1 = db.session.scalar(select(KioskDevice).where(KioskDevice.room_name == "Room 1"))
        room7 = db.session.scalar(select(KioskDevice).where(KioskDevice.room_name == "Room 7"))
        assert room7.default_locale == "cy" and room7.closes_at.hour == 17
    asked = client.post(f"/admin/kiosks/{room1.id}/revoke", data={"csrf_token": token})
    assert asked.status_code == 200 and "Unpair the tablet in Room 1?" in asked.get_data(as_text=True)
    assert app.test_client().get("/api/v1/kiosk/config", headers=device["headers"]).status_code == 200
    revoked = client.post(f"/admin/kiosks/{room1.id}/revoke", data={"csrf_token": token, "confirmed": "yes"})
    assert revoked.status_code == 302
    assert app.test_client().get("/api/v1/kiosk/config", headers=device["headers"]).status_code == 401
    with app.app_context():
        actions = set(db.session.scalars(select(AuditEvent.action)))
        assert {"kiosk.add", "kiosk.revoke"} <= actions


def test_staff_can_set_the_rooms_meeting(client, app, login, device):
    chosen = _meeting(app, room="Other", kind="fgc", held_on=clock.today() - timedelta(days=1))
    login("admin")
    token = csrf_from(client.get("/admin/kiosks/").get_data(as_text=True))
    with app.app_context():
        device_id = db.session.scalar(select(KioskDevice.id))
    saved = client.post(f"/admin/kiosks/{device_id}/meeting",
                        data={"csrf_token": token, f"d{device_id}-meeting_id": str(chosen)})
    assert saved.status_code == 302
    assert app.test_client().get("/api/v1/kiosk/config", headers=device["headers"]).json["meeting"]["id"] == chosen


def test_only_admins_open_the_kiosk_pages(client, login):
    login("facilitator")
    assert client.get("/admin/kiosks/").status_code == 403


def test_add_device_refuses_bad_hours(runner):
    result = runner.invoke(args=["kiosk", "add-device", "Room 1", "--hours", "18:00-08:00"])
    assert result.exit_code != 0 and "after the opening" in result.output


def test_pages_opened_from_the_kiosk_go_back_to_it_when_left(client, app):
    assert "kiosk_return.js" not in client.get("/stories/new").get_data(as_text=True)
    opened = client.get("/stories/new?lang=en_GB&from=kiosk").get_data(as_text=True)
    seconds = 2 * app.config["FEEDBACK_KIOSK_IDLE_SECONDS"]
    assert f'kiosk_return.js" data-idle-seconds="{seconds}"' in opened
    # The browser stays a tablet's for the pages after it: the story's "sent" page, this one…
    assert "kiosk_return.js" in client.get("/privacy").get_data(as_text=True)


def test_a_tablet_typing_the_landing_page_or_staff_login_stays_in_the_kiosk(client, device):
    # The paired tablet (this client) is a kiosk's now: "/" and "/login" lead back to the kiosk.
    for path in ("/", "/login"):
        response = client.get(path)
        assert response.status_code == 302 and response.headers["Location"].endswith("/kiosk/")
    # The staff PIN lets staff out; the tablet's next call for its settings makes it a kiosk again.
    assert client.post("/api/v1/kiosk/unlock", json={"pin": "000000x"}, headers=device["headers"]).status_code == 403
    assert client.get("/login").status_code == 302
    assert client.post("/api/v1/kiosk/unlock", json={"pin": device["pin"]}, headers=device["headers"]).status_code == 204
    assert client.get("/login").status_code == 200
    client.get("/api/v1/kiosk/config", headers=device["headers"])
    assert client.get("/").status_code == 302


def test_an_answer_that_may_disclose_harm_is_stored_and_flagged_as_it_arrives(client, app, device):
    from feedback_app.models import SafeguardingFlag

    worrying = _answer(app, answers={"overall_smiley": "unhappy", "anything_else": "I don't feel safe at home."})
    ordinary = _answer(app)
    for body in (worrying, ordinary):
        assert client.post("/api/v1/kiosk/responses", json=body, headers=device["headers"]).status_code == 201
    with app.app_context():  # before any analysis step has run
        flag = db.session.scalar(select(SafeguardingFlag))
        assert flag.cues == ["not_safe"] and flag.answer.text == "I don't feel safe at home."
        assert db.session.scalar(select(func.count()).select_from(Response)) == 1
        waiting = db.session.scalars(select(KioskReceipt.uuid).where(KioskReceipt.answer.is_not(None))).all()
        assert waiting == [ordinary["uuid"]]
    kiosk_answers_stored(app)
    assert _count(app) == 2


def test_answers_go_to_the_meeting_staff_chose_for_the_room(client, app, device):
    chosen = _meeting(app, room="Room 9", kind="fgc", held_on=clock.today() - timedelta(days=3))
    with app.app_context():
        db.session.scalar(select(KioskDevice)).meeting_id = chosen
        db.session.commit()
    assert client.post("/api/v1/kiosk/responses", json=_answer(app), headers=device["headers"]).status_code == 201
    kiosk_answers_stored(app)
    with app.app_context():
        assert db.session.execute(select(Response.meeting_id, Response.meeting_kind)).one() == (chosen, "fgc")


def test_a_revoked_tablet_cannot_send_answers_even_malformed_ones(client, app, device):
    with app.app_context():
        db.session.scalar(select(KioskDevice)).revoked_at = clock.now()
        db.session.commit()
    for body in (_answer(app), {"uuid": "nope"}, [1]):
        response = client.post("/api/v1/kiosk/responses", json=body, headers=device["headers"])
        assert response.status_code == 401 and response.json["error"]
    assert _count(app, KioskReceipt) == 0


def test_answers_waiting_in_receipts_are_in_the_survey_list_and_the_export_at_once(client, app, login, runner, device):
    """Kiosk answers wait in their receipts until the analysis step runs (every minute); whatever
    counts or exports answers stores them first, so none of the last minute's is left out."""
    for _ in range(2):
        assert client.post("/api/v1/kiosk/responses", json=_answer(app), headers=device["headers"]).status_code == 201
    assert _count(app) == 0  # waiting

    login("admin")
    page = client.get("/admin/surveys").get_data(as_text=True)
    kiosk_row = next(row for row in page.split("<tr>") if "Quick feedback at the meeting room" in row)
    assert re.findall(r"<td>(\d+)</td>", kiosk_row.split("</tr>")[0]) == ["1", "2"]  # version 1, 2 responses
    assert _count(app) == 2

    assert client.post("/api/v1/kiosk/responses", json=_answer(app), headers=device["headers"]).status_code == 201
    exported = runner.invoke(args=["responses", "export", "--format", "jsonl"])
    assert sum(line.startswith("{") for line in exported.stdout.splitlines()) == 3


def _be_the_tablet(client, device):
    assert client.get("/api/v1/kiosk/config", headers=device["headers"]).status_code == 200


def test_a_kiosk_tablet_going_to_any_other_page_goes_back_to_the_kiosk(client, device):
    _be_the_tablet(client, device)
    for path in ("/admin/", "/admin/kiosks/", "/newsletter"):
        response = client.get(path)
        assert response.status_code == 302 and response.headers["Location"] == "/kiosk/", path
    # What a family may open from the kiosk still opens.
    for path in ("/stories/new", "/privacy", "/glossary", "/kiosk/", "/static/app.css"):
        with client.get(path) as response:
            assert response.status_code == 200, path


def test_staff_leave_kiosk_mode_with_the_pin(client, device):
    _be_the_tablet(client, device)
    assert client.post("/api/v1/kiosk/leave", json={"pin": "000000x"}, headers=device["headers"]).status_code == 403
    assert client.get("/login").status_code == 302
    assert client.post("/api/v1/kiosk/leave", json={"pin": device["pin"]}, headers=device["headers"]).status_code == 204
    assert client.get("/login").status_code == 200 and client.get("/").status_code == 200


def test_a_revoked_tablet_is_no_longer_a_kiosk(client, app, device):
    with app.app_context():
        db.session.scalar(select(KioskDevice)).revoked_at = clock.now()
        db.session.commit()
    with client.session_transaction() as session:
        session["on_kiosk"] = True  # paired before
    assert client.get("/").status_code == 302
    assert client.get("/api/v1/kiosk/config", headers=device["headers"]).status_code == 401
    assert client.get("/").status_code == 200
