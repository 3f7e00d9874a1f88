"""Staff pages for invitations: creating them, printing cards, typing a card's code at /s/, and
counts per meeting and month with small numbers hidden."""
import re
from datetime import date

from sqlalchemy import select

from feedback_app import clock
from feedback_app.extensions import db
from feedback_app.invitations.stats import suppress, suppress_group
from feedback_app.models import AuditEvent, Invitation

from .conftest import csrf_from
from .test_invitations_support import survey

FORM = {"meeting_date": "2026-11-20", "meeting_kind": "core_group", "survey": "debrief",
        "contact": "", "locale": "en_GB", "delay_days": "", "copies": "1"}


def _create(client, **fields):
    page = client.get("/admin/invitations/new")
    assert page.status_code == 200
    return client.post("/admin/invitations/new",
                       data={**FORM, "csrf_token": csrf_from(page.get_data(as_text=True)), **fields})


def test_only_admins_open_the_invitation_pages(client, login):
    assert client.get("/admin/invitations/").status_code == 302  # to the login page
    login("moderator")
    for path in ("/admin/invitations/", "/admin/invitations/new", "/admin/invitations/import"):
        assert client.get(path).status_code == 403


def test_an_email_invitation_is_scheduled_and_audited_without_the_contact(client, login, app):
    login("admin")
    response = _create(client, channel="email", contact="mum@example.org", delay_days="5")
    assert response.status_code == 302
    with app.app_context():
        invitation = db.session.scalar(select(Invitation))
        assert invitation.channel == "email" and invitation.status == "scheduled"
        assert invitation.due_at.astimezone(clock.LOCAL_ZONE).date() >= date(2026, 11, 25)
        event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "invitation.created"))
        assert event.target_id == str(invitation.id) and "mum@" not in str(event.detail)


def test_a_contact_that_does_not_fit_the_channel_is_explained(client, login):
    login("admin")
    response = _create(client, channel="sms", contact="mum@example.org")
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Enter a mobile number" in html and 'class="error-summary"' in html


def test_printed_cards_carry_a_qr_code_and_a_code_that_opens_the_survey(client, login, app):
    login("admin")
    response = _create(client, channel="card", copies="2", locale="ar")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert html.count('class="take-away-card"') == 2 and html.count('dir="rtl"') >= 2
    assert html.count('src="data:image/svg+xml') == 2
    codes = re.findall(r'<p class="card-code" dir="ltr">([0-9A-Z-]+)</p>', html)
    assert len(codes) == 2 and all(re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}", c) for c in codes)
    with app.app_context():
        cards = db.session.scalars(select(Invitation)).all()
        assert {c.channel for c in cards} == {"card"} and {c.status for c in cards} == {"sent"}
        assert all(c.contact_ciphertext is None for c in cards)
    client.post("/logout", data={"csrf_token": csrf_from(html)})

    # A family types the code, in lower case and without the dash, at /s/.
    form = client.get("/s/")
    assert form.status_code == 200
    typed = codes[0].replace("-", "").lower()
    answer = client.post("/s/", data={"csrf_token": csrf_from(form.get_data(as_text=True)), "code": typed})
    assert answer.status_code == 302 and answer.headers["Location"].startswith("/s/")
    assert client.get(answer.headers["Location"]).status_code == 200


def test_a_wrong_code_says_so_and_reveals_nothing(client):
    form = client.get("/s/")
    response = client.post("/s/", data={"csrf_token": csrf_from(form.get_data(as_text=True)),
                                        "code": "ABCDE-FGHJK"})
    assert response.status_code == 400
    assert "We could not find that code" in response.get_data(as_text=True)


def test_suppression_hides_small_counts_and_one_more_where_subtraction_would_tell():
    assert [suppress(n, 10) for n in (0, 1, 9, 10, 11)] == [0, None, None, 10, 11]
    assert suppress_group([25, 3, 12, 40], 10) == [25, None, None, 40]  # 12 hidden too
    assert suppress_group([25, 3, 4, 40], 10) == [25, None, None, 40]
    assert suppress_group([25, 0, 40], 10) == [25, 0, 40]
    assert suppress_group([3], 10) == [None]


def test_the_counts_page_hides_small_numbers(client, login, app):
    with app.app_context():
        from feedback_app.invitations.services import make_card, meeting_for

        busy = meeting_for(date(2026, 10, 5), "cp_conference")
        quiet = meeting_for(date(2026, 10, 6), "fgc")
        for _ in range(12):
            make_card(busy, survey())
        for _ in range(3):
            make_card(quiet, survey())
        db.session.commit()
    login("admin")
    html = client.get("/admin/invitations/").get_data(as_text=True)
    month = re.search(r"October 2026</th>(.*?)</tr>", html, re.S).group(1)
    assert "<td>15</td>" in month  # 15 cards handed out in October
    rows = re.findall(r'<th scope="row">([^<]*)</th>(.*?)</tr>', html, re.S)
    by_meeting = {label: cells for label, cells in rows if "2026" in label and "October" not in label}
    quiet_row = next(cells for label, cells in by_meeting.items() if "Family group" in label)
    busy_row = next(cells for label, cells in by_meeting.items() if "Child protection" in label)
    assert "<td>3</td>" not in quiet_row and "fewer than 10" in quiet_row
    # The busy meeting's 12 would give the quiet one away (15 - 12), so it is hidden too.
    assert "<td>12</td>" not in busy_row and "fewer than 10" in busy_row


def test_failed_deliveries_are_listed_for_staff_with_their_reason(client, login, app):
    with app.app_context():
        from feedback_app.invitations.services import meeting_for, schedule_message

        invitation = schedule_message(meeting_for(date(2026, 11, 2), "fgc"), survey(), "email",
                                      "mum@example.org")
        invitation.status, invitation.attempts = "failed", 5
        invitation.last_error, invitation.next_send_at = "smtp backend: ConnectionRefusedError", None
        db.session.commit()
    login("admin")
    html = client.get("/admin/invitations/").get_data(as_text=True)
    failures = html.split('id="failures"')[1]
    assert "smtp backend: ConnectionRefusedError" in failures and "<td>5</td>" in failures
    assert "mum@example.org" not in html


def test_guessing_card_codes_is_rate_limited(client, rate_limited):
    token = csrf_from(client.get("/s/").get_data(as_text=True))
    answers = [client.post("/s/", data={"csrf_token": token, "code": "ABCDE-FGHJK"}).status_code
               for _ in range(11)]
    assert answers[:10] == [400] * 10 and answers[10] == 429
