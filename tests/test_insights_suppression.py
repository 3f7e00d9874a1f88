"""Small numbers are never shown: at the threshold, and by subtraction."""
import random
from types import SimpleNamespace

import pytest

from feedback_app.insights.suppression import hidden_groups, shown, threshold


def test_a_group_at_the_threshold_is_shown_and_one_below_is_not():
    assert shown(10, 10) and not shown(9, 10)
    assert shown(0, 10)  # a group of nobody gives nobody away


def test_the_threshold_is_never_below_five():
    assert threshold({"FEEDBACK_SUPPRESSION_THRESHOLD": 3}) == 5
    assert threshold({"FEEDBACK_SUPPRESSION_THRESHOLD": 12}) == 12
    assert threshold({}) == 10


def test_one_small_group_hides_the_next_smallest_too():
    # Hiding only "kiosk" would let 3 be worked out as total - 50 - 60.
    assert hidden_groups({"kiosk": 3, "later": 50, "advocate": 60}, 10) == {"kiosk", "later"}


def test_two_small_groups_that_together_reach_the_threshold_are_enough():
    assert hidden_groups({"a": 6, "b": 5, "c": 40, "d": 41}, 10) == {"a", "b"}


def test_two_small_groups_still_below_it_together_hide_a_third():
    assert hidden_groups({"a": 2, "b": 3, "c": 12, "d": 40}, 10) == {"a", "b", "c"}


def test_nothing_is_hidden_when_every_group_is_big_enough():
    assert hidden_groups({"a": 10, "b": 11, "c": 0}, 10) == set()


def test_everything_is_hidden_when_the_total_is_too_small():
    assert hidden_groups({"a": 4, "b": 4, "c": 0}, 10) == {"a", "b"}


@pytest.mark.parametrize("seed", range(40))
def test_no_small_group_can_be_recovered_from_what_is_shown(seed):
    rng = random.Random(seed)
    limit = rng.choice([5, 10, 20])
    sizes = {f"g{i}": rng.choice([0, rng.randint(1, limit), rng.randint(1, 5 * limit)]) for i in range(rng.randint(1, 8))}
    hidden = hidden_groups(sizes, limit)
    total = sum(sizes.values())
    if total >= limit:
        # Every shown group is big enough, and what is hidden together is nobody or enough.
        assert all(sizes[k] >= limit or sizes[k] == 0 for k in sizes if k not in hidden)
        assert sum(sizes[k] for k in hidden) in (0,) or sum(sizes[k] for k in hidden) >= limit
    else:
        assert hidden == {k for k, n in sizes.items() if n}


def _aspect_comments(*groups):
    """(text, locale, quotable) comments: `groups` are (count, text) pairs, all quotable."""
    return [(f"{text} ({i})", "en", True) for count, text in groups for i in range(count)]


def test_an_aspect_named_by_too_few_comments_is_hidden_whole_with_its_quotes():
    from feedback_app.insights.aspects import aspect_figures

    figures = aspect_figures(_aspect_comments((3, "The advocate was kind and helpful.")), 5)
    assert figures["advocate"]["suppressed"] and figures["advocate"]["positive"] is None
    assert figures["advocate"]["quotes"] == {"positive": [], "negative": []}
    assert figures["chair"]["suppressed"] is False and figures["chair"]["comments"] == 0


def test_a_small_tone_within_an_aspect_hides_the_next_smallest_and_its_quotes():
    from feedback_app.insights.aspects import aspect_figures

    comments = _aspect_comments((2, "The advocate ignored me and I felt judged."),
                                (4, "The advocate was there."),
                                (20, "The advocate was kind and helpful."))
    # The tones are given, not read, so the test is about suppression whatever the reader says.
    tones = {"ignored": "negative", "there": "neutral", "kind": "positive"}

    def read(text, locale):
        tone = next(t for word, t in tones.items() if word in text)
        return SimpleNamespace(aspects={"advocate": tone})

    advocate = aspect_figures(comments, 5, read=read)["advocate"]
    # Hiding only the 2 negative would let them be worked out as 26 - 20 - 4.
    assert advocate["comments"] == 26 and advocate["positive"] == 20
    assert advocate["negative"] is None and advocate["neutral"] is None
    assert advocate["quotes"]["negative"] == [] and len(advocate["quotes"]["positive"]) == 2


def test_aspect_quotes_come_only_from_people_who_agreed():
    from feedback_app.insights.aspects import aspect_figures

    comments = [(f"The chair listened to me ({i}).", "en", i == 0) for i in range(6)]
    # The tone is given, not read, so the test is about consent whatever the reader says.
    chair = aspect_figures(comments, 5, read=lambda text, locale: SimpleNamespace(aspects={"chair": "positive"}))["chair"]
    assert chair["positive"] == 6 and chair["quotes"]["positive"] == ["The chair listened to me (0)."]
