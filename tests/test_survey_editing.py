"""Admins edit surveys; an edit makes a new version and answers keep the version they answered."""
import html as html_lib
import re

from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import AuditEvent, Response, Survey

from .conftest import csrf_from
from .test_survey_link import GOOD_ANSWERS, _post


def _edit_form(client, survey_id):
    html = client.get(f"/admin/surveys/{survey_id}/edit").get_data(as_text=True)
    fields = dict(re.findall(r'<input[^>]*id="([^"]+)"[^>]*value="([^"]*)"', html))
    textareas = dict(re.findall(r'<textarea[^>]*id="([^"]+)"[^>]*>\s*([^<]*)</textarea>', html))
    data = {k: html_lib.unescape(v) for k, v in {**fields, **textareas}.items()
            if not k.startswith("required_")}
    data.update({k: "y" for k in re.findall(r'<input checked[^>]*id="(required_[^"]+)"', html)})
    data["csrf_token"] = csrf_from(html)
    return data


def _debrief_id(app):
    with app.app_context():
        return db.session.scalar(select(Survey.id).where(Survey.slug == "debrief"))


def test_editing_makes_a_new_version_and_old_answers_keep_theirs(client, login, invite, app):
    _post(client, invite(), GOOD_ANSWERS)  # answered on version 1
    login("admin")
    survey_id = _debrief_id(app)
    data = _edit_form(client, survey_id)
    data["prompt_one_change"] = "What one thing would you change?"
    response = client.post(f"/admin/surveys/{survey_id}/edit", data=data)
    assert response.status_code == 302
    assert "Saved as version 2." in client.get("/admin/surveys").get_data(as_text=True)

    with app.app_context():
        survey = db.session.get(Survey, survey_id)
        assert [v.number for v in survey.versions] == [1, 2]
        assert survey.current.questions[-1].prompt == "What one thing would you change?"
        assert survey.versions[0].questions[-1].prompt == "What is the one thing that should change?"
        old = db.session.scalar(select(Response))
        assert old.survey_version.number == 1
        assert db.session.scalar(select(AuditEvent.action).where(AuditEvent.action == "survey.edit"))

    # A new link shows the new wording.
    assert "What one thing would you change?" in client.get(f"/s/{invite()}").get_data(as_text=True)


def test_saving_without_changes_makes_no_version(client, login, app):
    login("admin")
    survey_id = _debrief_id(app)
    response = client.post(f"/admin/surveys/{survey_id}/edit", data=_edit_form(client, survey_id))
    assert response.status_code == 302
    with app.app_context():
        assert len(db.session.get(Survey, survey_id).versions) == 1


def test_an_empty_question_is_refused(client, login, app):
    login("admin")
    survey_id = _debrief_id(app)
    data = {**_edit_form(client, survey_id), "prompt_overall": ""}
    response = client.post(f"/admin/surveys/{survey_id}/edit", data=data)
    assert response.status_code == 400
    assert "There is a problem" in response.get_data(as_text=True)
    with app.app_context():
        assert len(db.session.get(Survey, survey_id).versions) == 1


def test_a_form_rendered_before_an_edit_is_stored_against_its_own_version(client, login, invite, app):
    token = invite()
    page = client.get(f"/s/{token}").get_data(as_text=True)  # the family opens version 1
    login("admin")
    survey_id = _debrief_id(app)
    data = {**_edit_form(client, survey_id), "title": "After your meeting"}
    assert client.post(f"/admin/surveys/{survey_id}/edit", data=data).status_code == 302
    version_1 = re.search(r'name="version_id" type="hidden" value="(\d+)"', page).group(1)
    sent = client.post(f"/s/{token}", data={
        "csrf_token": csrf_from(page), "version_id": version_1, **GOOD_ANSWERS})
    assert sent.status_code == 302
    with app.app_context():
        assert db.session.scalar(select(Response)).survey_version.number == 1
