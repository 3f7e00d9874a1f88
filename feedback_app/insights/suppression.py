"""Small numbers are never shown (PRODUCT.md, principle 3).

A figure about a group of fewer people than the threshold is hidden. Hiding is complementary:
when the groups of a breakdown add up to a total that is shown, hiding one small group alone
would let anyone recover it by subtraction, so the next smallest groups are hidden with it until
what is hidden together is itself at least the threshold. A group of nobody hides nothing.
"""
from __future__ import annotations

from collections.abc import Hashable, Mapping

from flask import current_app

MINIMUM = 5  # the threshold can be set higher, never lower
DEFAULT = 10


def threshold(config: Mapping | None = None) -> int:
    config = current_app.config if config is None else config
    return max(MINIMUM, int(config.get("FEEDBACK_SUPPRESSION_THRESHOLD", DEFAULT)))


def shown(count: int, limit: int) -> bool:
    """Whether a single group (with no breakdown beside it) can be shown."""
    return count == 0 or count >= limit


def hidden_groups(sizes: Mapping[Hashable, int], limit: int) -> set[Hashable]:
    """The groups of one breakdown to hide, given each group's size (the people in it).

    The sizes are assumed to add up to a total that is shown; if that total is itself too small,
    every group is hidden.
    """
    if not shown(sum(sizes.values()), limit):
        return {key for key, size in sizes.items() if size}
    hidden = {key for key, size in sizes.items() if 0 < size < limit}
    # Hide the next smallest until the hidden groups together are no smaller than the limit.
    rest = sorted((size, str(key), key) for key, size in sizes.items() if key not in hidden and size)
    while hidden and sum(sizes[k] for k in hidden) < limit and rest:
        hidden.add(rest.pop(0)[2])
    return hidden
