"""The multilingual reader: every trained language, mixed feelings, aspects, themes, the stored
model missing, and the analysis step and CLI that use it."""
import csv
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.insights.analysis import analyse_waiting
from feedback_app.models import Answer, Response, Survey
from feedback_app.nlp import reader
from feedback_app.nlp.sentiment import read
from feedback_app.surveys.services import record_response

DATA = Path(__file__).parent / "data" / "sentiment_multilingual.tsv"


def _rows():
    with DATA.open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def test_the_labelled_set_has_its_documented_shape():
    rows = _rows()
    assert len(rows) >= 400
    assert {r["split"] for r in rows} == {"train", "heldout"}
    assert {r["lang"] for r in rows} - {"en"} >= {"cy", "es", "fr", "pl", "pt"}
    assert {r["label"] for r in rows} == {"positive", "negative", "mixed"}
    assert {r["register"] for r in rows} == {"families", "reviews"}
    # The same items in every language, so the languages can be compared.
    items = {lang: {r["item"] for r in rows if r["lang"] == lang} for lang in {r["lang"] for r in rows}}
    assert all(found == items["en"] for found in items.values())


@pytest.mark.parametrize("lang", ["cy", "es", "fr", "pl", "pt"])
def test_each_trained_language_is_scored_on_its_training_items(lang):
    rows = [r for r in _rows() if r["lang"] == lang and r["split"] == "train" and r["label"] != "mixed"]
    right = sum(read(r["text"], lang).label == r["label"] for r in rows)
    assert right / len(rows) >= 0.8


def test_a_language_the_model_does_not_know_is_not_guessed():
    assert read("شكرا جزيلا", "ar") is None
    assert read("谢谢", "zh_Hans") is None


def test_praise_and_complaint_together_are_mixed_with_a_sentiment_per_aspect():
    result = read("She was lovely but the meeting was awful.", "en")
    assert result.label == "mixed"
    assert result.aspects["conference"] == "negative"
    spanish = read("La trabajadora social: me sentí respetada, pero los informes: me sentí juzgada.", "es")
    assert spanish.aspects == {"social_worker": "positive", "reports": "negative"}


def test_themes_are_suggested_in_another_language():
    assert "advocacy" in read("Rzecznik: czułam, że ktoś mnie słucha.", "pl").themes


def test_a_missing_model_file_is_a_clear_error_not_a_score(tmp_path, app_ctx, monkeypatch):
    with pytest.raises(reader.ModelMissing, match="model file .* is missing"):
        reader.Model(tmp_path / "gone.npz")
    monkeypatch.setattr(reader, "MODEL_PATH", tmp_path / "gone.npz")
    reader.model.cache_clear()
    try:
        response_id = record_response(_version("debrief"), {"overall": "good", "one_change": "Diolch yn fawr"},
                                      channel="link", locale="cy", meeting_kind="fgc")
        with pytest.raises(reader.ModelMissing):
            analyse_waiting()
        response = db.session.get(Response, response_id)
        assert not response.analysed and all(a.sentiment_label is None for a in response.answers)
    finally:
        reader.model.cache_clear()


def test_the_analysis_step_scores_a_language_once_it_is_switched_on(app_ctx, monkeypatch):
    from feedback_app.nlp import reader
    monkeypatch.setattr(reader, "SCORED_LANGUAGES", ("cy", "pl"))
    ids = [record_response(_version("debrief"), {"overall": "good", "one_change": text},
                           channel="link", locale=locale, meeting_kind="fgc")
           for locale, text in (("cy", "Y cadeirydd: gwastraff amser oedd e."), ("pl", "Raporty: czułam się szanowana."))]
    analyse_waiting()
    labels = [next(a for a in db.session.get(Response, i).answers if a.text).sentiment_label for i in ids]
    assert labels == ["negative", "positive"]


def test_the_score_command_gives_mixed_and_aspects(runner):
    lines = [{"text": "She was lovely but the meeting was awful."},
             {"text": "Yr eiriolwr: roeddwn i'n teimlo fy mod yn cael fy anwybyddu.", "lang": "cy"},
             {"text": "谢谢", "lang": "zh_Hans"}]
    result = runner.invoke(args=["sentiment", "score"], input="\n".join(json.dumps(x) for x in lines) + "\n")
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.output.splitlines()]
    assert [o["label"] for o in out] == ["mixed", "negative", "not_analysed"]
    assert out[0]["aspects"] == {"conference": "negative"}
    assert out[1]["aspects"] == {"advocate": "negative"}


def _version(slug):
    return db.session.scalar(select(Survey).where(Survey.slug == slug)).current


def test_the_analysis_step_does_not_score_a_language_below_the_bar(app_ctx):
    from feedback_app.nlp import reader
    assert "cy" not in reader.SCORED_LANGUAGES
    response_id = record_response(_version("debrief"), {"overall": "good", "one_change": "Y cadeirydd: gwastraff amser oedd e."},
                                  channel="link", locale="cy", meeting_kind="fgc")
    analyse_waiting()
    answer = next(a for a in db.session.get(Response, response_id).answers if a.text)
    assert answer.sentiment_label == "not_analysed"
