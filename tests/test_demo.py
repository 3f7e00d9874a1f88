from sqlalchemy import func, select

from feedback_app.extensions import db
from feedback_app.models import (
    Answer, Invitation, Meeting, Response, SafeguardingFlag, Story, Theme, User,
)


def _count(model):
    return db.session.scalar(select(func.count()).select_from(model))


def test_demo_load_fills_every_part_and_prints_logins(runner, app):
    result = runner.invoke(args=["demo", "load", "--responses", "250"])
    assert result.exit_code == 0, result.output
    assert "admin@example.org" in result.output and "demo-password-2026" in result.output
    assert result.output.count("/s/") == 3
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


def test_demo_links_work(runner, client):
    result = runner.invoke(args=["demo", "load", "--responses", "0"])
    link = next(line.strip() for line in result.output.splitlines() if "/s/" in line)
    path = link.split("5000", 1)[1]
    assert client.get(path).status_code == 200


def test_demo_load_if_empty_does_nothing_the_second_time(runner, app):
    runner.invoke(args=["demo", "load", "--responses", "10"])
    again = runner.invoke(args=["demo", "load", "--responses", "10", "--if-empty"])
    assert "already has data" in again.output and "admin@example.org" in again.output
    with app.app_context():
        assert _count(Response) == 10
