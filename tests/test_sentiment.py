"""The sentiment scorer, `flask sentiment score`, and the analysis step that scores answers."""
import csv
import json
import random
from pathlib import Path

import pytest
from sqlalchemy import func, select

from feedback_app.demo import load_responses
from feedback_app.extensions import db
from feedback_app.insights.analysis import analyse_waiting
from feedback_app.models import Answer, Response, StorySentiment, Survey
from feedback_app.nlp.sentiment import label_for, score, textblob_polarity
from feedback_app.surveys.services import record_response

DATA = Path(__file__).parent / "data" / "sentiment_feedback.tsv"


def test_raw_textblob_misreads_fear_and_we_do_not():
    text = "I was terrified! Absolutely terrified!"
    assert textblob_polarity(text) > 0
    result = score(text)
    assert result.label == "negative" and result.polarity <= -0.5
    assert [cue.words for cue in result.explain()][0] == "terrified"
    assert "exclamation" in result.explain()[0].why


@pytest.mark.parametrize("text, label", [
    ("I was not listened to.", "negative"),
    ("They listened to me.", "positive"),
    ("I did not feel judged this time.", "positive"),
    ("I felt worked with, not done to.", "positive"),
    ("It felt done to me.", "negative"),
    ("The Chair was kind but the social worker did not listen.", "negative"),
    ("I was scared before but the chair was kind and it went well.", "positive"),
    ("Although I was nervous at first, the chair made me feel comfortable.", "positive"),
    ("Great, another meeting where nobody asked what I think.", "negative"),
    ("Yeah, really helpful, as always. Not.", "negative"),
    ("Could not have gone worse.", "negative"),
    ("Send the reports earlier please.", "neutral"),
    ("", "neutral"),
])
def test_negation_contrast_sarcasm_and_plain_requests(text, label):
    assert score(text).label == label, score(text)


def test_intensifiers_strengthen_and_the_cue_says_why():
    plain, strong = score("The worker was kind."), score("The worker was very kind.")
    assert strong.polarity > plain.polarity > 0
    assert "'very'" in strong.cues[0].why


def test_what_comes_before_but_counts_for_less():
    result = score("The room was nice but I felt judged.")
    nice, judged = result.cues
    assert nice.weight < judged.weight and "before a 'but'" in nice.why


def _labelled(split=None):
    with DATA.open(encoding="utf-8") as f:
        return [r for r in csv.DictReader(f, delimiter="\t") if split in (None, r["split"])]


def test_the_labelled_set_is_big_varied_and_has_a_held_out_part():
    rows = _labelled()
    assert len(rows) >= 200
    assert {r["label"] for r in rows} == {"positive", "neutral", "negative"}
    assert len(_labelled("heldout")) >= 80


def test_on_held_out_texts_we_beat_raw_textblob_by_fifteen_points():
    rows = _labelled("heldout")
    ours = sum(score(r["text"]).label == r["label"] for r in rows) / len(rows)
    raw = sum(label_for(textblob_polarity(r["text"])) == r["label"] for r in rows) / len(rows)
    assert ours - raw >= 0.15, (ours, raw)


def test_polarity_stays_within_minus_one_and_one():
    for row in _labelled():
        assert -1.0 <= score(row["text"]).polarity <= 1.0


def test_score_command_reads_and_writes_json_lines_in_order(runner):
    lines = [{"text": "I felt judged and ignored."}, {"text": "The Chair listened to me and I felt respected."},
             {"text": "Nobody told me what would happen next."}]
    result = runner.invoke(args=["sentiment", "score"], input="\n".join(json.dumps(x) for x in lines) + "\n")
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.output.splitlines()]
    assert [o["label"] for o in out] == ["negative", "positive", "negative"]
    assert all(isinstance(o["polarity"], float) and -1 <= o["polarity"] <= 1 for o in out)


def test_score_command_refuses_what_is_not_json(runner):
    result = runner.invoke(args=["sentiment", "score"], input="not json\n")
    assert result.exit_code != 0


def _version(slug):
    return db.session.scalar(select(Survey).where(Survey.slug == slug)).current


@pytest.mark.parametrize("channel, survey, key", [
    ("link", "debrief", "one_change"), ("kiosk", "kiosk", "anything_else"), ("advocate", "debrief", "one_change"),
])
def test_text_is_scored_by_the_analysis_step_whatever_the_channel(app_ctx, channel, survey, key):
    answers = {"overall": "poor", "overall_smiley": "unhappy", key: "Too much jargon, I felt judged."}
    response = db.session.get(Response, record_response(
        _version(survey), answers, channel=channel, locale="en_GB", meeting_kind="cp_conference"))
    text_answer = next(a for a in response.answers if a.text)
    assert text_answer.sentiment_label is None and not response.analysed  # answering stays quick
    assert analyse_waiting() == 1
    db.session.refresh(text_answer)
    db.session.refresh(response)
    assert response.analysed
    assert text_answer.sentiment_label == "negative" and text_answer.sentiment_polarity < 0
    rating = next(a for a in response.answers if a.choice)
    assert rating.sentiment_label is None


def test_text_in_a_language_not_scored_yet_is_marked_not_analysed(app_ctx, monkeypatch):
    from feedback_app.nlp import reader

    monkeypatch.setattr(reader, "SCORED_LANGUAGES", ("en",))
    response = db.session.get(Response, record_response(
        _version("debrief"), {"overall": "good", "one_change": "شكرا جزيلا"},
        channel="link", locale="ar", meeting_kind="fgc"))
    analyse_waiting()
    answer = next(a for a in response.answers if a.text)
    db.session.refresh(answer)
    assert answer.sentiment_label == "not_analysed" and answer.sentiment_polarity is None


def test_a_story_is_scored_and_its_text_not_kept(app_ctx):
    from feedback_app import signals
    from feedback_app.models import Story

    story = Story(teller_role="parent", sharing="internal", anonymised_text="[A worker] listened and was kind.",
                  submitted_on=__import__("datetime").date(2026, 11, 1))
    db.session.add(story)
    db.session.flush()
    signals.story_submitted.send(story, text="Jo listened and was kind.")
    stored = db.session.get(StorySentiment, story.id)
    assert stored.label == "positive" and stored.polarity > 0
    story.anonymised_text = "[A worker] ignored me and I felt judged."
    signals.story_submitted.send(story, text="Jo ignored me and I felt judged.")
    db.session.flush()
    assert db.session.get(StorySentiment, story.id).label == "negative"
    assert {c.name for c in StorySentiment.__table__.columns} == {"story_id", "polarity", "label"}


def test_the_analysis_command_scores_bulk_loaded_answers_once(app_ctx, runner):
    load_responses(200, random.Random(3))
    db.session.commit()
    unscored = select(func.count()).select_from(Answer).where(Answer.text.is_not(None), Answer.sentiment_label.is_(None))
    assert db.session.scalar(unscored) > 0
    result = runner.invoke(args=["insights", "analyse"])
    assert result.exit_code == 0, result.output
    assert "Analysed 200 responses." in result.output
    db.session.expire_all()
    assert db.session.scalar(unscored) == 0
    labels = set(db.session.scalars(select(Answer.sentiment_label).where(Answer.text.is_not(None))))
    assert labels >= {"positive", "negative", "not_analysed"}
    again = runner.invoke(args=["insights", "analyse"])
    assert "Analysed 0 responses." in again.output
