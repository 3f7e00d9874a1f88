"""How a text's pieces of words lean, positive or negative, in the project's labelled text.

The sentence encoder does not know Welsh, Bengali or Somali, and in every language it can miss
what a family's own turns of phrase mean ("never returns my calls", "ddim yn gwrando"). So the
reader also counts, over the labelled training text, how often each short run of letters (two to
five characters, across word boundaries) and each pair of words comes in positive and in negative
texts: the log of the ratio of the two rates (a naive Bayes log-count ratio). A text's lean is the
mean ratio of the pieces it shares with the training text.

The pieces are hashed into a fixed table (`BUCKETS`), so the model file stays small and holds no
training sentence; a bucket no training piece fell into is NaN and is left out of the mean.
"""
from __future__ import annotations

import re
import zlib

import numpy as np

BUCKETS = 1 << 19
SHORTEST, LONGEST = 2, 5
# The mean ratio is squashed by tanh(SCALE * lean) into the networks' input (chosen on the
# train rows' cross-validation, like the reader's other settings).
SCALE = 5.0
_WORDS = re.compile(r"\w+")


def pieces(text: str) -> set[int]:
    """The table buckets of a text's letter runs and word pairs (lower case)."""
    padded = " " + " ".join(text.lower().split()) + " "
    runs = {padded[i:i + n] for n in range(SHORTEST, LONGEST + 1) for i in range(len(padded) - n + 1)}
    words = _WORDS.findall(padded)
    runs.update(f"{a} {b}\t" for a, b in zip(words, words[1:]))  # \t: a pair never equals a run
    return {zlib.crc32(run.encode("utf-8")) % BUCKETS for run in runs}


def fit(texts: list[str], positive: list[bool]) -> np.ndarray:
    """The table from labelled positive and negative texts: log-count ratio per bucket."""
    counts = np.zeros((2, BUCKETS), dtype=np.float64)
    for text, is_positive in zip(texts, positive):
        counts[int(is_positive), list(pieces(text))] += 1
    totals = counts.sum(axis=1, keepdims=True) + 1
    table = np.log((counts[1] + 1) / totals[1]) - np.log((counts[0] + 1) / totals[0])
    table[counts.sum(axis=0) == 0] = np.nan
    return table.astype(np.float32)


def leans(texts: list[str], table: np.ndarray) -> np.ndarray:
    """Each text's lean, squashed to -1 … 1 (0 when it shares no piece with the training text)."""
    out = np.zeros(len(texts), dtype=np.float32)
    for i, text in enumerate(texts):
        values = table[list(pieces(text))]
        values = values[~np.isnan(values)]
        if len(values):
            out[i] = np.tanh(SCALE * float(values.mean()))
    return out
