"""Answering by link: /s/<token>."""
import html as html_lib
import re
import threading
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from feedback_app import clock
from feedback_app.extensions import db
from feedback_app.models import Answer, Invitation, Response
from feedback_app.surveys import shapes
from feedback_app.surveys.services import current_version_id, record_response, use_invitation
from feedback_app.surveys.tokens import hash_token

from .conftest import csrf_from

GOOD_ANSWERS = {
    "q_overall": "good",
    "q_listened_to": "yes",
    "q_worked_with": "worked_with",
    "q_one_change": "Send the reports earlier, please.",
}


def _count(app, model=Response):
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model))


def _post(client, token, answers, **extra):
    page = client.get(f"/s/{token}")
    assert page.status_code == 200
    data = {"csrf_token": csrf_from(page.get_data(as_text=True)), **answers, **extra}
    version = re.search(r'name="version_id" type="hidden" value="(\d+)"', page.get_data(as_text=True))
    data["version_id"] = version.group(1)
    return client.post(f"/s/{token}", data=data)


def test_the_survey_has_one_fieldset_per_question_with_a_legend(client, invite):
    html = client.get(f"/s/{invite()}").get_data(as_text=True)
    assert html.count("<fieldset") == html.count("<legend>") == 11
    assert "Overall, how was your experience of the meeting?" in html
    assert "Neither good nor poor" in html and "Don&#39;t know" in html
    assert "<script" not in html  # it works without JavaScript
    assert "116 123" in html  # where to get help now


def test_answering_stores_the_response_and_uses_the_invitation(client, invite, app):
    token = invite(kind="core_group")
    response = _post(client, token, GOOD_ANSWERS, consent_to_quote="y")
    assert response.status_code == 302 and response.headers["Location"] == "/s/thanks"
    assert "Thank you" in client.get("/s/thanks").get_data(as_text=True)
    with app.app_context():
        stored = db.session.scalar(select(Response))
        assert (stored.channel, stored.meeting_kind, stored.locale) == ("card", "core_group", "en_GB")
        assert stored.consent_to_quote and not stored.supported_by_advocate
        assert stored.meeting_id is None
        assert stored.submitted_on == clock.today()
        assert {a.question.key: a.choice or a.text for a in stored.answers} == {
            "overall": "good", "listened_to": "yes", "worked_with": "worked_with",
            "one_change": "Send the reports earlier, please.",
        }
        invitation = db.session.scalar(select(Invitation))
        assert invitation.status == "answered" and invitation.contact_ciphertext is None


def test_each_link_opens_its_own_survey_and_keeps_its_own_meeting_kind(client, invite, app):
    links = [(invite(survey="debrief", kind="fgc"), "q_overall", "good"),
             (invite(survey="trigger", kind="core_group"), "q_fathers_need", "to be asked."),
             (invite(survey="debrief", kind="cp_conference"), "q_overall", "poor")]
    for token, key, value in reversed(links):
        assert _post(client, token, {key: value}).status_code == 302
    with app.app_context():
        stored = {(r.survey_version.survey.slug, r.meeting_kind, r.answers[0].choice or r.answers[0].text)
                  for r in db.session.scalars(select(Response))}
    assert stored == {("debrief", "fgc", "good"), ("trigger", "core_group", "to be asked."),
                      ("debrief", "cp_conference", "poor")}
    # Each page showed its own survey: the trigger page has its question and not the debrief's.
    page = client.get(f"/s/{invite(survey='trigger')}").get_data(as_text=True)
    assert 'name="q_fathers_need"' in page and 'name="q_overall"' not in page


def test_a_used_link_answers_like_an_unknown_one(client, invite):
    token = invite()
    _post(client, token, GOOD_ANSWERS)
    guess = "x" * len(token)
    used = client.get(f"/s/{token}")
    unknown = client.get(f"/s/{guess}")
    assert used.status_code == unknown.status_code == 404
    # The pages differ only in the address they were asked for (the language picker keeps it).
    assert used.get_data(as_text=True).replace(token, "T") == unknown.get_data(as_text=True).replace(guess, "T")
    assert b"<form method=\"post\"" not in used.get_data()


def test_an_expired_link_answers_like_an_unknown_one(client, invite, monkeypatch):
    token = invite()
    later = clock.now() + timedelta(days=29)
    monkeypatch.setattr(clock, "now", lambda: later)
    expired = client.get(f"/s/{token}")
    guess = "y" * len(token)
    assert expired.status_code == 404
    assert expired.get_data(as_text=True).replace(token, "T") == client.get(f"/s/{guess}").get_data(as_text=True).replace(guess, "T")


def test_posting_to_a_used_link_stores_nothing_more(client, invite, app):
    token = invite()
    page = client.get(f"/s/{token}").get_data(as_text=True)
    assert _post(client, token, GOOD_ANSWERS).status_code == 302
    again = client.post(f"/s/{token}", data={"csrf_token": csrf_from(page), **GOOD_ANSWERS})
    assert again.status_code == 404
    assert _count(app) == 1


def test_only_the_hash_of_a_long_random_token_is_stored(invite, app):
    token = invite()
    assert len(token) >= 22  # 22 url-safe characters carry 128 bits; ours carry 256
    with app.app_context():
        stored = db.session.scalar(select(Invitation.token_hash))
    assert stored == hash_token(token) and token not in stored


def test_a_missing_required_answer_is_explained_and_nothing_is_stored(client, invite, app):
    answers = {k: v for k, v in GOOD_ANSWERS.items() if k != "q_overall"}
    response = _post(client, invite(), answers)
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "There is a problem" in html
    assert "Please answer: Overall, how was your experience of the meeting?" in html
    assert 'href="#q_overall"' in html
    assert re.search(r'<input checked[^>]*name="q_listened_to"[^>]*value="yes"', html)  # kept
    assert _count(app) == 0


def test_oversized_text_is_explained_and_nothing_is_stored(client, invite, app):
    response = _post(client, invite(), {**GOOD_ANSWERS, "q_one_change": "x" * 2001})
    assert response.status_code == 400
    assert "Please keep your answer under 2000 characters." in response.get_data(as_text=True)
    assert _count(app) == 0


def test_an_answer_that_is_not_an_option_is_refused(client, invite, app):
    response = _post(client, invite(), {**GOOD_ANSWERS, "q_overall": "brilliant"})
    assert response.status_code == 400
    assert "Not a valid choice" in response.get_data(as_text=True)
    assert _count(app) == 0


def test_the_form_s_own_messages_speak_the_reader_s_language(client, invite):
    client.get("/?lang=pl")
    response = _post(client, invite(), {**GOOD_ANSWERS, "q_overall": "brilliant"})
    assert response.status_code == 400 and "Nieprawidłowy wybór" in response.get_data(as_text=True)


def test_a_forged_csrf_token_is_refused_and_nothing_is_stored(client, invite, app):
    token = invite()
    client.get(f"/s/{token}")
    response = client.post(f"/s/{token}", data={"csrf_token": "forged", **GOOD_ANSWERS})
    assert response.status_code == 400
    assert "This form has expired" in response.get_data(as_text=True)
    assert _count(app) == 0
    with app.app_context():
        assert db.session.scalar(select(Invitation.status)) == "scheduled"


def test_a_token_used_twice_at_once_stores_one_response(app, invite):
    token = invite()
    start = threading.Barrier(2)
    results = []

    def answer():
        with app.app_context():
            version = shapes.shape(current_version_id(token))
            start.wait()
            used = use_invitation(token, version.survey_id)
            if used is None:
                db.session.rollback()
            else:
                record_response(version, {"overall": "poor"}, channel="link", locale="en_GB",
                                meeting_kind=used[1])
                db.session.commit()
            results.append(used is not None)
            db.session.remove()

    threads = [threading.Thread(target=answer) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(results) == [False, True]
    assert _count(app) == 1 and _count(app, Answer) == 1


def test_opening_the_link_is_noted_on_the_invitation_only(client, invite, app):
    token = invite()
    client.get(f"/s/{token}")
    with app.app_context():
        assert db.session.scalar(select(Invitation.opened_at)) is not None


@pytest.mark.parametrize("token", ["%00", "a" * 500, "é", "../../etc/passwd"])
def test_strange_tokens_get_the_friendly_404(client, token):
    response = client.get(f"/s/{token}")
    assert response.status_code == 404
    assert "This link does not work" in response.get_data(as_text=True)


def test_pages_keep_tokens_out_of_referrers_and_frames(client, invite):
    response = client.get(f"/s/{invite()}")
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_each_language_gets_its_own_questions_though_each_is_rendered_once(client, invite, app):
    from flask_babel import force_locale

    from feedback_app.i18n import translated

    prompt = "Overall, how was your experience of the meeting?"
    with app.test_request_context(), force_locale("pl"):
        polish = translated(prompt)
    assert polish != prompt
    for lang, shown, hidden in (("en_GB", prompt, polish), ("pl", polish, prompt), ("en_GB", prompt, polish)):
        html = client.get(f"/s/{invite()}", query_string={"lang": lang}).get_data(as_text=True)
        assert html_lib.escape(shown, quote=True) in html and html_lib.escape(hidden, quote=True) not in html
