from urllib.parse import urlsplit

from sqlalchemy import func, select

from feedback_app.extensions import db
from feedback_app.models import (
    Answer, Invitation, LinkSurveyChoice, Meeting, Response, SafeguardingFlag, Story, Survey, Theme, User,
)

from .conftest import csrf_from


def _count(model):
    return db.session.scalar(select(func.count()).select_from(model))


def test_demo_load_fills_every_part_and_prints_logins(runner, app):
    result = runner.invoke(args=["demo", "load", "--responses", "250"])
    assert result.exit_code == 0, result.output
    assert "250 responses" in result.output
    with app.app_context():
        assert _count(Response) == 250 and _count(Answer) > 250
        assert _count(Meeting) == 40 and _count(Invitation) == 3
        assert _count(User) == 5 and _count(Theme) >= 8
        statuses = set(db.session.scalars(select(Story.status)))
        assert statuses == {"submitted", "awaiting_teller", "approved", "published", "rejected",
                            "withdrawn", "held"}
        held = db.session.scalar(select(Story).where(Story.status == "held"))
        assert db.session.scalar(select(SafeguardingFlag.cues).where(SafeguardingFlag.story_id == held.id))
        # Every answer fits its question.
        channels = set(db.session.scalars(select(Response.channel)))
        assert channels == {"link", "card", "kiosk", "advocate"}


def _printed(output: str, name: str) -> str:
    line = next(line for line in output.splitlines() if line.strip().startswith(name))
    return line.split(":", 1)[1].split()[0]


def test_demo_links_prints_one_of_each_and_each_works(runner, client, app):
    runner.invoke(args=["demo", "load", "--responses", "0"])
    with app.app_context():
        db.session.add(LinkSurveyChoice(
            meeting_kind=db.session.scalar(select(Meeting.kind).where(
                Meeting.venue == "Town Hall", Meeting.room == "Room 1").order_by(
                Meeting.held_on.desc(), Meeting.id.desc()).limit(1)),
            survey=db.session.scalar(select(Survey).where(Survey.slug == "debrief"))))
        db.session.commit()
    result = runner.invoke(args=["demo", "links"])
    assert result.exit_code == 0, result.output
    output = result.output
    assert len(output.splitlines()) <= 14 and "admin@example.org" in output and "demo-password-2026" in output
    family = _printed(output, "A family's link")
    page = client.get(urlsplit(family).path)
    assert page.status_code == 200
    with app.app_context():  # the survey the council chose for links after that kind of meeting
        invitation = db.session.scalar(select(Invitation).order_by(Invitation.id.desc()).offset(1).limit(1))
        assert invitation.survey.slug == "debrief"
    code = _printed(output, "A card's code")
    typed = client.post("/s/", data={"code": code, "csrf_token": csrf_from(client.get("/s/").get_data(as_text=True))})
    assert typed.status_code in (302, 303) and "/s/" in typed.headers["Location"]
    pairing = _printed(output, "The kiosk tablet")
    token = pairing.split("#pair=")[1]
    paired = client.post("/api/v1/kiosk/pair", json={"pairing_token": token})
    assert paired.status_code == 201
    config = client.get("/api/v1/kiosk/config",
                        headers={"Authorization": f"Bearer {paired.json['credential']}"}).json
    assert config["meeting"] is not None and config["room"] == "Room 1"
    for name in ("Tell a story", "The summary"):
        assert client.get(urlsplit(_printed(output, name)).path).status_code in (200, 302)
    # Run again (make run does, every time): fresh ones; the old pairing link is used up.
    again = runner.invoke(args=["demo", "links"]).output
    assert _printed(again, "A family's link") != family and _printed(again, "The kiosk tablet") != pairing


def test_demo_load_if_empty_does_nothing_the_second_time(runner, app):
    runner.invoke(args=["demo", "load", "--responses", "10"])
    again = runner.invoke(args=["demo", "load", "--responses", "10", "--if-empty"])
    assert "already has data" in again.output
    with app.app_context():
        assert _count(Response) == 10
