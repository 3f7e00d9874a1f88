"""The jargon buster, where families meet jargon and where staff write it."""
import re
from datetime import date

import pytest
from flask_babel import force_locale
from flask_babel import gettext as _

from feedback_app import clock
from feedback_app.glossary.terms import TERMS
from feedback_app.i18n import translated
from feedback_app.invitations.messages import wording
from feedback_app.models import Invitation, Meeting, Story
from feedback_app.newsletter.services import words_of
from feedback_app.nlp.jargon import PLAIN_ALTERNATIVES, explanations, find_jargon

TERM_FOR = {t["slug"]: t for t in TERMS}


def test_every_term_has_a_plainer_alternative():
    assert set(PLAIN_ALTERNATIVES) == {t["slug"] for t in TERMS}


def test_find_jargon_gives_every_use_with_offsets():
    text = "After the Section 47 enquiry the core group met. The Core Group agreed."
    hits = find_jargon(text)
    assert [(h.slug, text[h.start:h.end]) for h in hits] == [
        ("section-47", "Section 47 enquiry"), ("core-group", "core group"), ("core-group", "Core Group")]
    assert hits[1].instead == "a small group who meet with you to carry out the plan"
    assert find_jargon("We had a cup of tea and talked.") == [] and find_jargon(None) == []


def test_explanations_name_each_term_once():
    assert [e["slug"] for e in explanations("The core group", None, "core group and PLO")] == ["core-group", "plo"]


def test_the_survey_explains_its_jargon_once_beside_the_question(client, invite):
    html = client.get(f"/s/{invite()}").get_data(as_text=True)
    summaries = re.findall(r"<summary>(.*?)</summary>", html)
    assert summaries == ["What does “Independent Reviewing Officer (IRO)” mean?",
                         "What does “Advocate” mean?"]
    chair = html.index("Did the Chair of the meeting speak with you")
    assert chair < html.index("<summary>What does “Independent Reviewing Officer") < html.index("Were you able to say")


def test_the_survey_editor_flags_jargon_with_a_plainer_alternative(client, login):
    login("admin")
    html = client.get("/admin/surveys").get_data(as_text=True)
    edit = re.search(r'href="(/admin/surveys/\d+/edit)">Edit Debrief', html).group(1)
    page = client.get(edit).get_data(as_text=True)
    assert "Families may not know these words:" in page
    assert "“Chair”: try “the person who leads the meeting and is not your social worker”" in page


@pytest.mark.parametrize("locale", ["en_GB", "fr", "ar"])
def test_invitation_emails_explain_the_meeting_in_the_familys_language(app, locale):
    invitation = Invitation(locale=locale, meeting=Meeting(kind="core_group", held_on=date(2026, 11, 2)),
                            expires_at=clock.now())
    with app.test_request_context(), force_locale(locale):
        text = wording(invitation, "https://example.org/s/x", reminder=False).text
        header, explanation = _("What the words mean:"), translated(TERM_FOR["core-group"]["plain"])
    assert text.rstrip().endswith(explanation)
    assert header in text
    if locale != "en_GB":
        assert header != "What the words mean:"


def test_newsletters_explain_the_jargon_their_stories_use(app):
    story = Story(anonymised_text="The core group met at [a school] and the IRO listened.")
    assert [w["slug"] for w in words_of(None, [story])] == ["core-group", "iro"]
