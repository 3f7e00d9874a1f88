"""The phrase lean: pieces of words counted in positive and negative labelled text."""
import numpy as np

from feedback_app.nlp import phrases


def test_a_text_leans_the_way_its_pieces_did_in_the_labelled_text():
    table = phrases.fit(["roedd hi'n wych", "gwych iawn, diolch", "ofnadwy, neb yn gwrando", "roedd yn ofnadwy"],
                        [True, True, False, False])
    praise, complaint = phrases.leans(["mor wych", "hollol ofnadwy"], table)
    assert praise > 0.5 and complaint < -0.5


def test_a_text_with_nothing_in_common_with_the_labelled_text_does_not_lean():
    table = phrases.fit(["good", "bad"], [True, False])
    assert phrases.leans(["我们"], table)[0] == 0
    # Buckets no piece fell into are NaN, so they are left out, not counted as balanced.
    assert np.isnan(table).sum() > phrases.BUCKETS - 30


def test_pieces_are_case_and_spacing_blind_and_pairs_differ_from_runs():
    assert phrases.pieces("Never  RETURNS my calls") == phrases.pieces("never returns my calls")
    assert phrases.pieces("ab") != phrases.pieces("a b")


def test_theme_tables_lean_to_the_theme_whose_texts_share_the_pieces():
    texts = ["my advocate spoke up", "the advocate was there for me", "too many people in the room",
             "the room was cold and crowded"]
    has = np.array([[1, 0], [1, 0], [0, 1], [0, 1]], dtype=bool)
    tables = phrases.fit_many(texts, has, phrases.THEME_BUCKETS)
    assert tables.shape == (2, phrases.THEME_BUCKETS)
    (advocate, room), = phrases.leans(["an advocate helped"], tables)[:1]
    assert advocate > 0 > room
    assert (phrases.leans(["a crowded room"], tables)[0] @ [1, -1]) < 0
