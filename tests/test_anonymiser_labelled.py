"""The labelled set is what the issue asks for, with a held-out part when a round is waiting for
its first run, and the anonymiser holds its figures on the part it was tuned on (the name tagger
was trained on it too, so these are not figures for unseen stories). The held-out part is measured by `make bench` only
(docs/anonymiser.md): a test on it would make it a tuning target."""
from collections import Counter

from benchmarks.anonymiser import LABELLED, run_once, load_labelled, ours, score
from feedback_app.nlp.anonymiser import CONTACT_LABELS
from feedback_app.nlp.story_language import LANGUAGES


def test_the_labelled_set_has_every_kind_language_register_and_a_held_out_part():
    stories = load_labelled()
    per_language = Counter(s.lang for s in stories)
    assert per_language["en"] >= 150
    assert all(per_language[code] >= 10 for code in LANGUAGES), per_language
    # Eleven earlier held-out rounds have been seen and moved to dev; the twelfth is held out
    # (docs/anonymiser.md).
    lines = LABELLED.read_text(encoding="utf-8").splitlines()
    assert sum(line.startswith(("# First held-out round", "# Second held-out round", "# Fourth held-out round",
                                "# Fifth held-out round", "# Sixth held-out round", "# Seventh held-out round",
                                "# Eighth held-out round", "# Ninth held-out round", "# Tenth held-out round",
                                "# Eleventh held-out round", "# Twelfth held-out round"))
               for line in lines) == 11
    held = [s for s in stories if s.split == "heldout"]
    if held:
        held_english = Counter(s.register for s in held if s.lang == "en")
        assert sum(held_english.values()) >= 50, held_english
        assert all(held_english[register] >= 10 for register in ("standard", "textspeak", "lowercase", "esl",
                                                                 "community")), held_english
        held_languages = Counter(s.lang for s in held)
        assert all(held_languages[code] >= 4 for code in LANGUAGES), held_languages
    kinds = {label for story in stories for _s, _e, label in story.gold}
    assert kinds >= {"PERSON", "PLACE", "ADDRESS", "ESTATE", "POSTCODE", "SCHOOL", "SURGERY", "HOSPITAL",
                     "OFFICE", "TEAM", "CLUB", "SITE", "HOME_TOWN", "PHONE", "EMAIL", "URL", "HANDLE",
                     "DATE", "AGE", "CASE_REF", "NHS_NUMBER"}
    # Every mark is of text that is really there (a typo in a mark would skew the figures).
    assert all(story.text[start:end].strip() == story.text[start:end] for story in stories
               for start, end, _label in story.gold)


def test_recall_and_words_kept_on_the_dev_part_per_language():
    # The stories the rules were tuned on: the fourth and fifth rounds are dev too, but were only
    # read after their one run (their figures, and the name tagger's cross-validation, are in
    # docs/anonymiser.md).
    stories = load_labelled()
    seen_once = run_once(stories)
    dev = [s for s in stories if s.split == "dev" and all(s is not f for f in seen_once)]
    for code in {s.lang for s in dev}:
        result = score([s for s in dev if s.lang == code], ours)
        assert result.recall() >= 0.98, (code, result.missed)
        assert result.recall(CONTACT_LABELS) >= 0.99, (code, result.missed)
        assert result.kept >= 0.93, code
    assert score(dev, ours).kept >= 0.95


def test_a_title_or_kinship_word_inside_a_labelled_name_need_not_be_replaced():
    from benchmarks.anonymiser import _must_go

    for text, kept in (("adeer Cabdi", "adeer "), ("ciocia Halina", "ciocia "), ("Zeynep Hanım", " Hanım"),
                       ("Mrs Okafor", "Mrs "), ("王奶奶", "奶奶")):
        must = "".join(text[i] for i in _must_go(text, 0, len(text), "PERSON"))
        assert must == text.replace(kept, ""), (text, must)
    assert list(_must_go("Cabdi", 0, 5, "PERSON")) == [0, 1, 2, 3, 4]
