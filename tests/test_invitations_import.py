"""Importing invitations from CSV, by command and in the admin pages: bad rows by line, good rows whole."""
import io

from sqlalchemy import func, select

from feedback_app.extensions import db
from feedback_app.models import AuditEvent, Invitation, Meeting

from .conftest import csrf_from

CSV = """meeting_date,meeting_kind,channel,contact,locale,delay_days
2026-11-20,cp_conference,email,mum@example.org,en_GB,3
2026-11-20,cp_conference,sms,07700 900123,pl,
2026-11-21,core_group,email,not-an-address,en_GB,2
2026-13-01,core_group,email,dad@example.org,en_GB,2
2026-11-21,tea_party,email,dad@example.org,en_GB,2
2026-11-21,fgc,email,gran@example.org,xx,2
2026-11-21,fgc,card,,so,
2026-11-21,fgc,card,someone@example.org,en_GB,
2026-11-22,early_help,email,aunt@example.org,en_GB,many
"""
BAD_LINES = {4: "email address", 5: "date", 6: "meeting_kind", 7: "locale", 9: "card", 10: "delay_days"}


def _counts(app):
    with app.app_context():
        return (db.session.scalar(select(func.count()).select_from(Invitation)),
                db.session.scalar(select(func.count()).select_from(Meeting)))


def test_the_command_imports_good_rows_and_names_bad_lines(app, runner, tmp_path):
    source = tmp_path / "invitations.csv"
    source.write_text(CSV)
    cards = tmp_path / "cards.html"
    result = runner.invoke(args=["invitations", "import", str(source), "--cards-out", str(cards)])
    assert result.exit_code == 0, result.output
    assert "Imported 3 invitations; 6 rows rejected." in result.output
    for line, reason in BAD_LINES.items():
        assert any(row.startswith(f"line {line}:") and reason in row for row in result.output.splitlines()), line
    assert "not-an-address" not in result.output and "someone@example.org" not in result.output
    assert _counts(app) == (3, 2)  # both 20 November rows share one meeting
    with app.app_context():
        channels = sorted(db.session.scalars(select(Invitation.channel)))
        assert channels == ["card", "email", "sms"]
        sms = db.session.scalar(select(Invitation).where(Invitation.channel == "sms"))
        assert sms.locale == "pl" and sms.contact_ciphertext is not None
        event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "invitation.imported"))
        assert event.detail["created"] == 3 and "example.org" not in str(event.detail)
    page = cards.read_text()
    assert page.count('class="take-away-card"') == 1 and 'lang="so"' in page


def test_card_rows_need_a_file_to_print_them_to(app, runner, tmp_path):
    source = tmp_path / "invitations.csv"
    source.write_text(CSV)
    result = runner.invoke(args=["invitations", "import", str(source)])
    assert result.exit_code != 0 and "--cards-out" in result.output
    assert _counts(app) == (0, 0)


def test_a_file_without_the_columns_is_refused(app, runner, tmp_path):
    source = tmp_path / "invitations.csv"
    source.write_text("date,email\n2026-11-20,mum@example.org\n")
    result = runner.invoke(args=["invitations", "import", str(source)])
    assert "line 1:" in result.output and "meeting_kind" in result.output
    assert _counts(app) == (0, 0)


def test_a_row_the_database_refuses_is_rolled_back_whole(app, app_ctx, monkeypatch):
    from feedback_app.invitations import importing
    from feedback_app.invitations.services import schedule_message as real

    def fail_on_gran(meeting, survey, channel, contact, *args):
        invitation = real(meeting, survey, channel, contact, *args)
        if contact.startswith("gran"):
            invitation.channel = "pigeon"  # breaks the CHECK constraint at flush
            db.session.flush()
        return invitation

    monkeypatch.setattr(importing, "schedule_message", fail_on_gran)
    text = ("meeting_date,meeting_kind,channel,contact,locale,delay_days\n"
            "2026-11-20,fgc,email,mum@example.org,en_GB,1\n"
            "2026-11-23,fgc,email,gran@example.org,en_GB,1\n")
    from .test_invitations_support import survey

    with app.test_request_context():
        result = importing.import_csv(text, survey())
    db.session.commit()
    assert result.created == 1 and [line for line, _ in result.errors] == [3]
    # Nothing of line 3 is left: neither its invitation nor the meeting it made.
    assert db.session.scalar(select(func.count()).select_from(Invitation)) == 1
    assert db.session.scalars(select(Meeting.held_on)).all() == [__import__("datetime").date(2026, 11, 20)]


def test_the_same_upload_in_the_admin_pages(client, login, app):
    login("admin")
    page = client.get("/admin/invitations/import")
    assert page.status_code == 200
    response = client.post("/admin/invitations/import", data={
        "csrf_token": csrf_from(page.get_data(as_text=True)), "survey": "debrief",
        "file": (io.BytesIO(CSV.encode()), "invitations.csv"),
    }, content_type="multipart/form-data")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "3 invitations were imported." in html and "6 rows were not imported" in html
    for line in BAD_LINES:
        assert f"<td>{line}</td>" in html
    assert html.count('class="take-away-card"') == 1
    assert _counts(app) == (3, 2)


def test_only_admins_import(client, login):
    login("facilitator")
    assert client.get("/admin/invitations/import").status_code == 403
