"""Workshop themes: suggested from the words, edited by admins, tagged by staff."""
import pytest
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import AuditEvent, Response, Survey, Theme, response_themes
from feedback_app.nlp.themes import matches, parse_keywords, suggest
from feedback_app.insights.analysis import analyse_waiting
from feedback_app.surveys.services import record_response

from .conftest import csrf_from

KEYWORDS = {
    "engaging-fathers": ["father", "dad"],
    "jargon-and-language": ["jargon", "understand", "words"],
    "advocacy": ["advocate", "someone on my side"],
}


@pytest.mark.parametrize("text, expected", [
    ("They never asked the dad.", ["engaging-fathers"]),
    ("Dads need to be invited too.", ["engaging-fathers"]),
    ("Too much JARGON, I did not understand the words.", ["jargon-and-language"]),
    ("I wanted someone on my side, an advocate, and the fathers were left out.", ["advocacy", "engaging-fathers"]),
    ("The meeting started on time.", []),
    ("", []),
])
def test_themes_are_suggested_from_keywords_and_phrases(text, expected):
    assert suggest(text, KEYWORDS) == expected


def test_keywords_match_whole_words_only():
    assert not matches("Granddad came along", "dad")
    assert matches("my dad came", "dad") and matches("My dads came", "dad")
    assert not matches("anything", "")


def test_keywords_typed_by_an_admin_are_tidied():
    assert parse_keywords("Dad, father\n  step dad \n\ndad") == ["dad", "father", "step dad"]


@pytest.fixture
def themes(app_ctx):
    for slug, words in KEYWORDS.items():
        db.session.add(Theme(slug=slug, name=slug.replace("-", " ").title(), keywords=words))
    db.session.commit()


def _respond(text, locale="en_GB"):
    version = db.session.scalar(select(Survey).where(Survey.slug == "debrief")).current
    response_id = record_response(version, {"overall": "good", "one_change": text}, channel="link",
                                  locale=locale, meeting_kind="fgc")
    analyse_waiting()
    db.session.commit()
    return db.session.get(Response, response_id)


def _tags(response_id):
    return {(db.session.get(Theme, t).slug, source) for t, source in db.session.execute(
        select(response_themes.c.theme_id, response_themes.c.source).where(response_themes.c.response_id == response_id))}


def test_a_new_response_is_tagged_with_suggested_themes(themes):
    response = _respond("Nobody spoke to the dad and it was all jargon.")
    assert _tags(response.id) == {("engaging-fathers", "suggested"), ("jargon-and-language", "suggested")}


def test_admins_edit_a_themes_words_and_others_cannot(client, login, app, themes):
    with app.app_context():
        theme = db.session.scalar(select(Theme).where(Theme.slug == "advocacy"))
        theme_id = theme.id
    login("facilitator")
    page = client.get("/admin/insights/themes")
    assert page.status_code == 200
    refused = client.post(f"/admin/insights/themes/{theme_id}", data={
        f"t{theme_id}-keywords": "x", "csrf_token": csrf_from(page.get_data(as_text=True))})
    assert refused.status_code == 403

    client.post("/logout", data={"csrf_token": csrf_from(page.get_data(as_text=True))})
    login("admin")
    page = client.get("/admin/insights/themes")
    saved = client.post(f"/admin/insights/themes/{theme_id}", data={
        f"t{theme_id}-keywords": "Advocate\nparent advocate, peer support",
        "csrf_token": csrf_from(page.get_data(as_text=True))})
    assert saved.status_code == 302
    with app.app_context():
        assert db.session.get(Theme, theme_id).keywords == ["advocate", "parent advocate", "peer support"]
        event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "theme.keywords"))
        assert event.detail == {"keywords": 3}


def test_staff_confirm_and_replace_suggested_themes(client, login, app, themes):
    with app.app_context():
        response = _respond("The dad was ignored.")
        response_id = response.id
        fathers, advocacy = (db.session.scalar(select(Theme.id).where(Theme.slug == s))
                             for s in ("engaging-fathers", "advocacy"))
    login("facilitator")
    page = client.get("/admin/insights/tagging")
    html = page.get_data(as_text=True)
    assert "The dad was ignored." in html and "(suggested)" in html
    result = client.post(f"/admin/insights/tagging/{response_id}", data={
        f"r{response_id}-themes": [str(advocacy)], "csrf_token": csrf_from(html)})
    assert result.status_code == 302
    with app.app_context():
        assert _tags(response_id) == {("advocacy", "staff")}
        event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "response.themes"))
        assert event.detail == {"themes": [advocacy]} and "dad" not in str(event.detail)
    assert fathers != advocacy


def test_text_that_may_disclose_harm_is_not_listed_for_tagging(client, login, app, themes):
    with app.app_context():
        _respond("He hits me when the dad is not there.")
    login("facilitator")
    assert "hits me" not in client.get("/admin/insights/tagging").get_data(as_text=True)
