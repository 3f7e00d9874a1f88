"""The jargon buster, where families meet jargon and where staff write it."""
import re

from feedback_app.glossary.terms import TERMS
from feedback_app.nlp.jargon import PLAIN_ALTERNATIVES, explanations, find_jargon


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
