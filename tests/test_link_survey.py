"""The survey a link asks: the short debrief by default, the full one where the council chose it
for a kind of meeting; and every question asks one thing."""
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import AuditEvent, Invitation, LinkSurveyChoice, Survey
from feedback_app.surveys.choice import link_survey_for
from feedback_app.surveys.shipped import SURVEYS, ensure_shipped_surveys

from .conftest import csrf_from
from .test_invitations_admin import _create


def _choose(client, **kinds):
    page = client.get("/admin/surveys")
    assert page.status_code == 200
    data = {f"kind_{kind}": slug for kind, slug in link_surveys(page.get_data(as_text=True)).items()}
    data.update({f"kind_{kind}": slug for kind, slug in kinds.items()})
    return client.post("/admin/surveys", data={**data, "csrf_token": csrf_from(page.get_data(as_text=True))})


def link_surveys(html: str) -> dict[str, str]:
    import re

    selects = re.findall(r'<select id="kind_(\w+)"[^>]*>(.*?)</select>', html, re.S)
    return {kind: re.search(r'<option selected value="(\w+)"|<option value="(\w+)" selected', options)
            .group(0).split('"')[1] for kind, options in selects}


def test_the_short_debrief_asks_the_headline_what_went_well_and_what_should_change(app_ctx):
    short = next(spec for spec in SURVEYS if spec["slug"] == "short")
    assert [q["key"] for q in short["questions"]] == ["overall", "went_well", "one_change"]
    assert link_survey_for("cp_conference").slug == "short"


def test_no_shipped_question_asks_two_things():
    # The one that did ("why we were involved, and what happens next?") is two questions now.
    debrief = next(spec for spec in SURVEYS if spec["slug"] == "debrief")
    prompts = {q["key"]: q["prompt"] for q in debrief["questions"]}
    assert prompts["understood_why"] == "Did you understand why we were involved with your family?"
    assert prompts["know_next_steps"] == "Do you know what happens next?"


def test_a_link_asks_the_survey_chosen_for_its_kind_of_meeting(client, login, app):
    login("admin")
    response = _choose(client, cp_conference="debrief")
    assert response.status_code == 302
    assert _create(client, channel="email", contact="a@example.org", meeting_kind="cp_conference",
                   survey="usual").status_code == 302
    assert _create(client, channel="email", contact="b@example.org", meeting_kind="core_group",
                   survey="usual").status_code == 302
    with app.app_context():
        asked = {i.meeting.kind: i.survey.slug for i in db.session.scalars(select(Invitation))}
        assert asked == {"cp_conference": "debrief", "core_group": "short"}
        event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "survey.link_survey_chosen"))
        assert event.detail == {"cp_conference": "debrief"}
    # Choosing the short debrief again takes the choice back.
    _choose(client, cp_conference="short")
    with app.app_context():
        assert db.session.scalar(select(LinkSurveyChoice).where(
            LinkSurveyChoice.meeting_kind == "cp_conference")).survey.slug == "short"


def test_the_new_invitation_form_offers_the_usual_survey_first(client, login):
    login("admin")
    html = client.get("/admin/invitations/new").get_data(as_text=True)
    assert '<option selected value="usual">The one chosen for the kind of meeting</option>' in html


def test_a_csv_import_asks_each_row_the_survey_for_its_kind(client, login, app, runner, tmp_path):
    with app.app_context():
        db.session.add(LinkSurveyChoice(meeting_kind="fgc", survey=db.session.scalar(
            select(Survey).where(Survey.slug == "trigger"))))
        db.session.commit()
    path = tmp_path / "invitations.csv"
    path.write_text("meeting_date,meeting_kind,channel,contact,locale,delay_days\n"
                    "2026-11-20,fgc,email,a@example.org,en_GB,\n"
                    "2026-11-20,core_group,email,b@example.org,en_GB,\n", encoding="utf-8")
    result = runner.invoke(args=["invitations", "import", str(path)])
    assert result.exit_code == 0, result.output
    with app.app_context():
        asked = {i.meeting.kind: i.survey.slug for i in db.session.scalars(select(Invitation))}
        assert asked == {"fgc": "trigger", "core_group": "short"}


def test_a_shipped_survey_nobody_edited_gets_the_new_wording_and_an_edited_one_keeps_its_own(app_ctx):
    debrief = db.session.scalar(select(Survey).where(Survey.slug == "debrief"))
    first = debrief.current
    first.questions[1].prompt = "An older wording"  # as if shipped by an earlier release
    db.session.flush()
    ensure_shipped_surveys()
    assert debrief.current.number == first.number + 1
    assert debrief.current.questions[1].prompt == "Did you understand why we were involved with your family?"
    # Once an admin has made a version, the shipped wording leaves it alone.
    debrief.current.created_by_id = _admin_id()
    debrief.current.questions[1].prompt = "Our own wording"
    db.session.flush()
    ensure_shipped_surveys()
    assert debrief.current.questions[1].prompt == "Our own wording"


def _admin_id() -> int:
    from feedback_app.models import User

    user = User(email="admin@example.org", role="admin", password_hash="x")
    db.session.add(user)
    db.session.flush()
    return user.id
