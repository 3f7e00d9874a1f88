"""Telling a story, the storyteller's code, moderation and its audit trail, safeguarding holds."""
import email
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import AuditEvent, SafeguardingFlag, Story, Theme
from feedback_app.stories.crypto import decrypt

from .conftest import csrf_from

TEAMS = {"Family support team": "fst@example.org"}


@pytest.fixture(autouse=True)
def team_inboxes(app, monkeypatch, tmp_path):
    monkeypatch.setitem(app.config, "FEEDBACK_TEAM_INBOXES", TEAMS)
    monkeypatch.setitem(app.config, "FEEDBACK_OUTBOX", str(tmp_path / "outbox"))


def tell(client, text, sharing="newsletter", teller="parent", **extra) -> str:
    """Send a story through the public form; returns the storyteller's code."""
    page = client.get("/stories/new")
    assert page.status_code == 200
    response = client.post("/stories/new", data={
        "csrf_token": csrf_from(page.get_data(as_text=True)), "teller_role": teller,
        "sharing": sharing, "text": text, **extra,
    })
    assert response.status_code == 302, response.get_data(as_text=True)
    sent = client.get(response.location).get_data(as_text=True)
    return re.search(r'class="story-code"[^>]*>(?:<bdi[^>]*>)?([A-Z0-9-]+)<', sent).group(1)


def only_story(app) -> Story:
    with app.app_context():
        story = db.session.scalars(select(Story)).one()
        db.session.expunge(story)
        return story


def post(client, url, page_url, **data):
    token = csrf_from(client.get(page_url).get_data(as_text=True))
    return client.post(url, data={"csrf_token": token, **data})


def test_a_story_is_stored_anonymised_with_the_original_encrypted(client, app):
    tell(client, "Our social worker Mrs Okonkwo rang me on 07700 900123 before the conference.")
    story = only_story(app)
    assert story.status == "submitted"
    assert story.anonymised_text == "Our social worker rang me on a phone number before the conference."
    assert b"Okonkwo" not in story.original_ciphertext
    with app.app_context():
        assert "Okonkwo" in decrypt(story.original_ciphertext)
    assert {r["label"] for r in story.replacements} == {"PERSON", "PHONE"}
    assert all(set(r) == {"start", "end", "label", "placeholder"} for r in story.replacements)


def test_the_form_asks_who_what_and_how_to_share(client):
    response = client.post("/stories/new", data={
        "csrf_token": csrf_from(client.get("/stories/new").get_data(as_text=True)), "text": "",
    })
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Please say who is telling the story." in page
    assert "Please write your story." in page
    assert "Please choose how we may share it." in page
    assert "If you need help now" in page


def test_thanks_for_a_team_need_a_team(client):
    response = client.post("/stories/new", data={
        "csrf_token": csrf_from(client.get("/stories/new").get_data(as_text=True)),
        "teller_role": "parent", "sharing": "team", "text": "Thank you all.",
    })
    assert response.status_code == 400
    assert "Please choose the team your thanks are for." in response.get_data(as_text=True)


def test_the_storyteller_reads_and_withdraws_with_their_code(client, app):
    code = tell(client, "The Chair spoke to me first. It helped.")
    assert client.get(f"/stories/yours/{code}").status_code == 200
    assert client.get("/stories/yours/AAAA-BBBB-CCCC-DDDD").status_code == 404
    # The code can also be typed in, in lower case and without dashes.
    typed = post(client, "/stories/yours", "/stories/yours", code=code.replace("-", "").lower())
    assert typed.status_code == 302
    post(client, f"/stories/yours/{code}", f"/stories/yours/{code}", withdraw="1")
    story = only_story(app)
    assert story.status == "withdrawn"
    assert story.original_ciphertext is None


def test_the_storyteller_approves_what_the_moderator_sent_back(client, app, login):
    code = tell(client, "The Chair spoke to me first. It helped.")
    story_id = only_story(app).id
    login("moderator")
    post(client, f"/admin/stories/{story_id}/send-to-teller", f"/admin/stories/{story_id}")
    assert only_story(app).status == "awaiting_teller"
    page = client.get(f"/stories/yours/{code}").get_data(as_text=True)
    assert "Yes, publish it like this" in page
    post(client, f"/stories/yours/{code}", f"/stories/yours/{code}", approve="1")
    story = only_story(app)
    assert story.status == "approved"
    assert story.approved_on is not None


def test_a_disclosure_is_held_for_the_safeguarding_lead_and_not_moderated(client, app, login):
    tell(client, "My partner hits me but the social worker was kind.")
    story = only_story(app)
    assert story.status == "held"
    with app.app_context():
        assert db.session.scalars(select(SafeguardingFlag)).one().story_id == story.id
    login("moderator")
    queue = client.get("/admin/stories").get_data(as_text=True)
    assert f"/admin/stories/{story.id}" not in queue
    assert "Held back for safeguarding" in queue
    assert client.get(f"/admin/stories/{story.id}").status_code == 404
    assert post(client, f"/admin/stories/{story.id}/approve", "/admin/stories").status_code == 404
    assert only_story(app).status == "held"


def test_moderation_actions_are_audited_without_the_words(client, app, login):
    tell(client, "My son Tyler loved Grace, our worker. She works at Hillside Primary School.")
    story = only_story(app)
    login("moderator")
    url = f"/admin/stories/{story.id}"
    page = client.get(url).get_data(as_text=True)
    assert "<mark" in page and "Tyler" in page  # the moderator sees the original, highlighted

    # Undo one replacement, then add one by hand, then edit, then approve.
    index = next(i for i, r in enumerate(story.replacements) if r["label"] == "SCHOOL")
    post(client, f"{url}/undo/{index}", url)
    assert "Hillside Primary School" in only_story(app).anonymised_text
    post(client, f"{url}/replace", url, phrase="Hillside Primary School", placeholder="[a school]")
    assert only_story(app).anonymised_text.endswith("works at [a school].")
    post(client, f"{url}/edit", url, text="[My son] loved [our worker]. She helped a lot.")
    with app.app_context():
        theme = Theme(slug="relationships", name="Relationships", keywords=[])
        db.session.add(theme)
        db.session.commit()
        theme_id = theme.id
    post(client, f"{url}/themes", url, themes=str(theme_id))
    post(client, f"{url}/approve", url)

    story = only_story(app)
    assert story.status == "approved"
    assert story.hand_edited
    assert story.anonymised_text == "[My son] loved [our worker]. She helped a lot."
    with app.app_context():
        assert [t.slug for t in db.session.get(Story, story.id).themes] == ["relationships"]
        events = db.session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
    actions = [e.action for e in events if e.target_type == "stories"]
    assert actions == ["story.undo_replacement", "story.add_replacement", "story.edit", "story.themes",
                       "story.approve"]
    everything = repr([(e.action, e.detail) for e in events])
    for word in ("Tyler", "Grace", "Hillside", "loved"):
        assert word not in everything


def test_rejecting_needs_a_reason_and_erases_the_original(client, app, login):
    tell(client, "A rare detail about our family.")
    story = only_story(app)
    login("moderator")
    url = f"/admin/stories/{story.id}"
    post(client, f"{url}/reject", url, reason="")
    assert only_story(app).status == "submitted"
    asked = post(client, f"{url}/reject", url, reason="Too easy to recognise the family.")
    assert "Reject story" in asked.get_data(as_text=True) and only_story(app).status == "submitted"
    post(client, f"{url}/reject", url, reason="Too easy to recognise the family.", confirmed="yes")
    story = only_story(app)
    assert story.status == "rejected"
    assert story.original_ciphertext is None


def test_thanks_for_a_team_reach_its_inbox_anonymised(client, app, login, tmp_path):
    tell(client, "Thank you Joanna for sticking with us.", sharing="team", team="Family support team")
    story = only_story(app)
    login("moderator")
    post(client, f"/admin/stories/{story.id}/approve", f"/admin/stories/{story.id}")
    story = only_story(app)
    assert story.status == "published" and story.original_ciphertext is None
    [path] = list(Path(app.config["FEEDBACK_OUTBOX"]).glob("*.eml"))
    message = email.message_from_bytes(path.read_bytes())
    assert message["To"] == "fst@example.org"
    body = message.get_payload(decode=True).decode()
    assert "Thank you someone for sticking with us." in body and "Joanna" not in body


def test_stored_xss_is_shown_escaped(client, app, login):
    payload = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    code = tell(client, f"The worker was great {payload}")
    for page in (client.get(f"/stories/yours/{code}").get_data(as_text=True),):
        assert "<script>alert" not in page and "<img src=x" not in page
        assert "&lt;script&gt;" in page
    story = only_story(app)
    login("moderator")
    page = client.get(f"/admin/stories/{story.id}").get_data(as_text=True)
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;" in page


@pytest.mark.parametrize("role", ["facilitator", "advocate", "safeguarding_lead"])
def test_only_moderators_and_admins_moderate(client, login, role):
    login(role)
    assert client.get("/admin/stories").status_code == 403


def test_the_landing_page_links_to_the_story_form(client):
    assert 'href="/stories/new"' in client.get("/").get_data(as_text=True)


def test_a_printable_card_carries_a_qr_code_of_the_story_form(client, login):
    login("advocate")
    page = client.get("/admin/stories/card").get_data(as_text=True)
    assert 'src="data:image/svg+xml' in page
    assert "http://127.0.0.1:5000/stories/new" in page


def test_approving_an_internal_story_erases_its_original(client, app, login):
    tell(client, "The Chair listened.", sharing="internal")
    story = only_story(app)
    login("moderator")
    post(client, f"/admin/stories/{story.id}/approve", f"/admin/stories/{story.id}")
    story = only_story(app)
    assert story.status == "approved" and story.original_ciphertext is None


def test_team_inboxes_are_read_from_one_setting():
    from feedback_app.config import ConfigError, team_inboxes

    assert team_inboxes("Family support team=fst@example.org; Chairs = chairs@example.org;") == {
        "Family support team": "fst@example.org", "Chairs": "chairs@example.org"}
    assert team_inboxes("") == {}
    with pytest.raises(ConfigError, match="FEEDBACK_TEAM_INBOXES"):
        team_inboxes("Family support team")


def test_the_moderator_sees_each_replacement_highlighted_and_odd_sentences_flagged(client, app, login):
    tell(client, "We met Amina Kerry Brecknock Primary. My son Tyler loved the group.")
    story = only_story(app)
    login("moderator")
    page = client.get(f"/admin/stories/{story.id}").get_data(as_text=True)
    shared = page.split('class="story-anonymised"', 1)[1].split("</p>", 1)[0]
    assert '<mark title="my son">My son</mark>' in shared
    assert "Tyler" not in shared
    assert "may read oddly" in page


def test_a_story_in_a_language_the_check_cannot_read_well_is_not_said_to_be_cleaned(client, app, login, monkeypatch):
    from feedback_app.nlp import story_language

    monkeypatch.setattr(story_language, "CHECKED", {"en"})  # which are checked moves with the figures
    code = tell(client, "我儿子小明今年7岁，王老师帮了我们很多。社工每周都来看我们。")
    story = only_story(app)
    page = client.get(f"/stories/yours/{code}").get_data(as_text=True)
    assert "cannot read Chinese (Simplified) well enough" in page
    assert "taken out so far" not in page
    login("moderator")
    page = client.get(f"/admin/stories/{story.id}").get_data(as_text=True)
    assert "cannot read well" in page and "Chinese" in page


def test_a_checked_language_reads_as_before(client, app, login, monkeypatch):
    from feedback_app.nlp import story_language

    monkeypatch.setattr(story_language, "CHECKED", {"en", "es"})  # which are checked moves with the figures
    code = tell(client, "Mi hijo Mateo tiene 7 años y la trabajadora social Lucía nos ayudó mucho.")
    story = only_story(app)
    assert "taken out so far" in client.get(f"/stories/yours/{code}").get_data(as_text=True)
    assert "Mateo" not in story.anonymised_text and "Lucía" not in story.anonymised_text
    login("moderator")
    page = client.get(f"/admin/stories/{story.id}").get_data(as_text=True)
    assert "cannot read well" not in page
