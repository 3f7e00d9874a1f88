"""The cue lists: words, stems, phrases, negation either side, intensifiers, Chinese without spaces."""
import pytest

from feedback_app.nlp import cues


@pytest.fixture
def lists(tmp_path, monkeypatch):
    (tmp_path / "pl.tsv").write_text(
        "cue\tkind\npomocn*\tpositive\nmiła\tpositive\nstrata czasu\tnegative\nnie\tnegator\nbardzo\tintensifier\n",
        encoding="utf-8")
    (tmp_path / "tr.tsv").write_text("cue\tkind\niyi\tpositive\ndeğil\tnegator\n", encoding="utf-8")
    (tmp_path / "zh.tsv").write_text("cue\tkind\n好\tpositive\n不好\tnegative\n很\tintensifier\n没\tnegator\n帮助\tpositive\n",
                                     encoding="utf-8")
    monkeypatch.setattr(cues, "FOLDER", tmp_path)
    cues.cue_list.cache_clear()
    yield
    cues.cue_list.cache_clear()


def test_a_stem_matches_any_ending_and_a_phrase_its_words_in_a_row(lists):
    found = cues.feeling("Pani była pomocna, ale to była strata czasu.", "pl")
    assert (found.praise, found.complaint) == (1.0, 1.0)
    assert found.cues == ("pomocna", "strata czasu")


def test_a_negator_before_or_just_after_turns_a_cue_round(lists):
    assert cues.feeling("nie była miła", "pl").complaint == 1.0
    assert cues.feeling("Toplantı iyi değil", "tr").complaint == 1.0
    # Elsewhere a negator after a cue belongs to what follows.
    assert cues.feeling("miła, nie była", "pl").praise == 1.0
    assert cues.feeling("Toplantı iyi", "tr").praise == 1.0


def test_an_intensifier_strengthens_the_next_cue(lists):
    assert cues.feeling("bardzo miła", "pl").praise == cues.INTENSIFIER_BOOST


def test_chinese_cues_match_without_spaces_longest_first(lists):
    found = cues.feeling("社工很好，但是会议不好", "zh")
    assert (found.praise, found.complaint) == (cues.INTENSIFIER_BOOST, 1.0)
    assert cues.feeling("没帮助", "zh").complaint == 1.0


def test_a_language_without_a_list_finds_nothing(lists):
    assert cues.feeling("anything at all", "xx") == cues.Feeling(0.0, 0.0, ())
