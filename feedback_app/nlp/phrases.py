"""How a text's pieces of words lean, positive or negative, in the project's labelled text.

The sentence encoder does not know Welsh, Bengali or Somali, and in every language it can miss
what a family's own turns of phrase mean ("never returns my calls", "ddim yn gwrando"). So the
reader also counts, over the labelled training text, how often each short run of letters (two to
five characters, across word boundaries) and each pair of words comes in positive and in negative
texts: the log of the ratio of the two rates (a naive Bayes log-count ratio). A text's lean is the
mean ratio of the pieces it shares with the training text.

The pieces are hashed into a fixed table (`BUCKETS`), so the model file stays small and holds no
training sentence; a bucket no training piece fell into is NaN and is left out of the mean.

The same count, of texts with a theme against texts without it, tells which themes a text's
words lean to (`fit_many`, one smaller table a theme: `THEME_BUCKETS`).
"""
from __future__ import annotations

import re
import zlib

import numpy as np

BUCKETS = 1 << 19
# A smaller table a theme: on the train rows' cross-validation themes were found better with it
# than with BUCKETS (macro F1 0.66 against 0.64), and eight of them stay small in the model file.
THEME_BUCKETS = 1 << 16
SHORTEST, LONGEST = 2, 5
# The mean ratio is squashed by tanh(SCALE * lean) into the networks' input (chosen on the
# train rows' cross-validation, like the reader's other settings).
SCALE = 5.0
_WORDS = re.compile(r"\w+")


def pieces(text: str, buckets: int = BUCKETS) -> set[int]:
    """The table buckets of a text's letter runs and word pairs (lower case)."""
    padded = " " + " ".join(text.lower().split()) + " "
    runs = {padded[i:i + n] for n in range(SHORTEST, LONGEST + 1) for i in range(len(padded) - n + 1)}
    words = _WORDS.findall(padded)
    runs.update(f"{a} {b}\t" for a, b in zip(words, words[1:]))  # \t: a pair never equals a run
    return {zlib.crc32(run.encode("utf-8")) % buckets for run in runs}


def fit(texts: list[str], positive: list[bool]) -> np.ndarray:
    """The table from labelled positive and negative texts: log-count ratio per bucket."""
    counts = np.zeros((2, BUCKETS), dtype=np.float64)
    for text, is_positive in zip(texts, positive):
        counts[int(is_positive), list(pieces(text))] += 1
    totals = counts.sum(axis=1, keepdims=True) + 1
    table = np.log((counts[1] + 1) / totals[1]) - np.log((counts[0] + 1) / totals[0])
    table[counts.sum(axis=0) == 0] = np.nan
    return table.astype(np.float32)


def fit_many(texts: list[str], has: np.ndarray, buckets: int) -> np.ndarray:
    """One table a column of `has` (texts × names, true where a text has the name): per bucket,
    the log of the ratio of the share of texts with the name that have the piece to the share of
    texts without it that do."""
    has = np.asarray(has, dtype=bool)
    every = np.zeros(buckets)
    with_name = np.zeros((has.shape[1], buckets))
    for text, row in zip(texts, has):
        found = list(pieces(text, buckets))
        every[found] += 1
        for k in np.flatnonzero(row):
            with_name[k, found] += 1
    n_with = has.sum(axis=0)[:, None] + 1
    n_without = len(texts) - has.sum(axis=0)[:, None] + 1
    tables = np.log((with_name + 1) / n_with) - np.log((every - with_name + 1) / n_without)
    tables[:, every == 0] = np.nan
    return tables.astype(np.float32)


def leans(texts: list[str], table: np.ndarray, scale: float = SCALE) -> np.ndarray:
    """Each text's lean, squashed to -1 … 1 (0 when it shares no piece with the training text);
    for a stack of tables (names × buckets, from fit_many), one column a name."""
    tables = table if table.ndim == 2 else table[None, :]
    out = np.zeros((len(texts), len(tables)), dtype=np.float32)
    for i, text in enumerate(texts):
        values = tables[:, list(pieces(text, tables.shape[1]))]
        known = ~np.isnan(values)
        if known.any():
            out[i] = np.tanh(scale * np.where(known, values, 0).sum(axis=1) / known.sum(axis=1))
    return out if table.ndim == 2 else out[:, 0]
