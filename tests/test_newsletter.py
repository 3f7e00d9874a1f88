"""The monthly newsletter: only approved stories, published to the archive, emailed with one-click
unsubscribe, and built to files by the CLI."""
import email
import email.policy
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from sqlalchemy import select

from feedback_app import clock
from feedback_app.extensions import db
from feedback_app.models import AuditEvent, NewsletterIssue, Story, Subscriber
from feedback_app.stories.crypto import encrypt

from .conftest import csrf_from
from .test_stories import post, tell

NOW = datetime(2026, 11, 20, 10, 0, tzinfo=timezone.utc)


@pytest.fixture(autouse=True)
def fixed_time(monkeypatch, app, tmp_path):
    monkeypatch.setattr(clock, "now", lambda: NOW)
    monkeypatch.setitem(app.config, "FEEDBACK_OUTBOX", str(tmp_path / "outbox"))


def add_story(app, text, status="approved", sharing="newsletter", approved_on=date(2026, 11, 3)) -> int:
    with app.app_context():
        story = Story(teller_role="parent", sharing=sharing, status=status, anonymised_text=text,
                      submitted_on=date(2026, 11, 1), original_ciphertext=encrypt("secret original"),
                      approved_on=approved_on if status == "approved" else None)
        db.session.add(story)
        db.session.commit()
        return story.id


def outbox(app) -> list[email.message.Message]:
    folder = Path(app.config["FEEDBACK_OUTBOX"])
    return [email.message_from_bytes(p.read_bytes(), policy=email.policy.default) for p in sorted(folder.glob("*.eml"))] if folder.exists() else []


def test_build_writes_html_and_text_with_only_approved_newsletter_stories(app, runner, tmp_path):
    add_story(app, "The Chair came out to meet us. <b>Thank you</b>.")
    add_story(app, "UNAPPROVED submitted words", status="submitted")
    add_story(app, "AWAITING the storyteller", status="awaiting_teller")
    add_story(app, "HELD disclosure words", status="held")
    add_story(app, "WITHDRAWN words", status="withdrawn")
    add_story(app, "INTERNAL only words", sharing="internal")
    add_story(app, "LATER month words", approved_on=date(2026, 12, 2))
    result = runner.invoke(args=["newsletter", "build", "--month", "2026-11", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    html = (tmp_path / "out" / "newsletter-2026-11.html").read_text()
    text = (tmp_path / "out" / "newsletter-2026-11.txt").read_text()
    assert "The Chair came out to meet us. &lt;b&gt;Thank you&lt;/b&gt;." in html
    assert 'style="' in html  # inline styles, for mail clients
    assert text.startswith("Good practice news: November 2026")
    assert "The Chair came out to meet us. <b>Thank you</b>." in text
    for leaked in ("UNAPPROVED", "AWAITING", "HELD", "WITHDRAWN", "INTERNAL", "LATER", "secret original"):
        assert leaked not in html and leaked not in text


def test_build_refuses_a_bad_month(runner, tmp_path):
    result = runner.invoke(args=["newsletter", "build", "--month", "2026-13", "--out", str(tmp_path)])
    assert result.exit_code != 0
    assert "YYYY-MM" in result.output


def test_a_disclosure_story_never_reaches_the_newsletter(client, app, login, runner, tmp_path):
    tell(client, "I don't feel safe at home, but my worker Grace helped.")
    with app.app_context():
        assert db.session.scalars(select(Story.status)).all() == ["held"]
    login("moderator")
    client.post("/admin/newsletter", data={
        "csrf_token": csrf_from(client.get("/admin/newsletter").get_data(as_text=True)), "month": "2026-11"})
    assert "No approved story is waiting" in client.get("/admin/newsletter/2026-11").get_data(as_text=True)
    runner.invoke(args=["newsletter", "build", "--month", "2026-11", "--out", str(tmp_path / "out")])
    assert "safe" not in (tmp_path / "out" / "newsletter-2026-11.txt").read_text()


def test_publish_sends_to_the_list_with_one_click_unsubscribe(client, app, login):
    story_id = add_story(app, "The worker listened.")
    login("moderator")
    page = client.get("/admin/newsletter").get_data(as_text=True)
    client.post("/admin/newsletter/subscribers", data={"csrf_token": csrf_from(page), "email": "Staff@Example.org"})
    client.post("/admin/newsletter", data={"csrf_token": csrf_from(page), "month": "2026-11"})
    url = "/admin/newsletter/2026-11"
    post(client, f"{url}/intro", url, intro="Welcome to November.")
    post(client, f"{url}/notes", url, you_said="Reports came late.", we_did="Reports now go out five days before.")
    assert "The worker listened." in client.get(f"{url}/preview").get_data(as_text=True)
    assert client.get("/newsletter/2026-11").status_code == 404  # not public until published
    asked = post(client, f"{url}/publish", url).get_data(as_text=True)
    assert "Publish the" in asked and "emailed to 1 person" in asked
    assert client.get("/newsletter/2026-11").status_code == 404  # asking changed nothing
    post(client, f"{url}/publish", url, confirmed="yes")

    with app.app_context():
        story = db.session.get(Story, story_id)
        assert story.status == "published" and story.original_ciphertext is None
        issue = db.session.scalars(select(NewsletterIssue)).one()
        assert issue.status == "published" and issue.sent_count == 1
        actions = db.session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)).all()
    assert [a for a in actions if a.startswith("newsletter.")] == ["newsletter.subscribe", "newsletter.open", "newsletter.intro", "newsletter.note_add",
                       "newsletter.publish"]

    [message] = outbox(app)
    assert message["To"] == "staff@example.org"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = message["List-Unsubscribe"].strip("<>")
    assert "/newsletter/unsubscribe/" in link
    html = message.get_body(("html",)).get_content()
    text = message.get_body(("plain",)).get_content()
    for part in (html, text):
        assert "The worker listened." in part and "Reports now go out five days before." in part
        assert "Welcome to November." in part

    public = client.get("/newsletter").get_data(as_text=True)
    assert "/newsletter/2026-11" in public
    page = client.get("/newsletter/2026-11").get_data(as_text=True)
    assert "The worker listened." in page and 'style="' not in page

    # One click: a POST with no CSRF token, as mail clients send it.
    path = link.split("127.0.0.1:5000", 1)[1] if "127.0.0.1:5000" in link else link
    anonymous = app.test_client()
    assert anonymous.post(path, data={"List-Unsubscribe": "One-Click"}).status_code == 200
    with app.app_context():
        assert db.session.scalars(select(Subscriber.active)).one() is False
    assert anonymous.post("/newsletter/unsubscribe/forged-token").status_code == 404


def test_a_published_issue_cannot_be_published_again(client, app, login):
    add_story(app, "The worker listened.")
    login("admin")
    page = client.get("/admin/newsletter").get_data(as_text=True)
    client.post("/admin/newsletter", data={"csrf_token": csrf_from(page), "month": "2026-11"})
    post(client, "/admin/newsletter/2026-11/publish", "/admin/newsletter/2026-11", confirmed="yes")
    response = post(client, "/admin/newsletter/2026-11/publish", "/admin/newsletter/2026-11")
    assert response.status_code == 302
    assert "already published" in client.get("/admin/newsletter/2026-11").get_data(as_text=True)


@pytest.mark.parametrize("role", ["facilitator", "advocate", "safeguarding_lead"])
def test_only_moderators_and_admins_edit_the_newsletter(client, login, role):
    login(role)
    assert client.get("/admin/newsletter").status_code == 403


def test_xss_in_notes_and_intro_is_escaped(client, app, login):
    add_story(app, '<script>alert(1)</script>')
    login("moderator")
    page = client.get("/admin/newsletter").get_data(as_text=True)
    client.post("/admin/newsletter", data={"csrf_token": csrf_from(page), "month": "2026-11"})
    url = "/admin/newsletter/2026-11"
    post(client, f"{url}/notes", url, you_said="<img src=x onerror=alert(1)>", we_did="ok")
    post(client, f"{url}/publish", url, confirmed="yes")
    public = client.get("/newsletter/2026-11").get_data(as_text=True)
    assert "<script>alert" not in public and "<img src=x" not in public
    assert "&lt;script&gt;" in public
