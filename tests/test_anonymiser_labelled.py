"""The anonymiser over the whole labelled set meets the issue's recall and keep targets."""
from benchmarks.anonymiser import load_labelled, ours, score
from feedback_app.nlp.anonymiser import CONTACT_LABELS


def test_the_labelled_set_has_every_kind_and_enough_stories():
    stories = load_labelled()
    assert len(stories) >= 80
    kinds = {label for story in stories for _s, _e, label in story.gold}
    assert kinds >= {"PERSON", "PLACE", "ADDRESS", "POSTCODE", "SCHOOL", "SURGERY", "OFFICE", "PHONE",
                     "EMAIL", "URL", "HANDLE", "DATE", "AGE", "CASE_REF", "NHS_NUMBER"}


def test_recall_and_words_kept_on_the_labelled_set():
    result = score(load_labelled(), ours)
    assert result.recall() >= 0.97, result.missed
    assert result.recall(CONTACT_LABELS) >= 0.99, result.missed
    assert result.kept >= 0.95
