"""A sequence tagger for names, places, ages and dates in stories, in every language the story
form is offered in, used beside the rules (anonymiser.py): it finds a name by its place in the
sentence and its shape where no rule has a cue ("abu karim", "Pani Kasia", "me n jojo went").

A linear-chain conditional random field (CRFsuite), trained by `python -m
feedback_app.nlp.train_name_tagger` on tests/data/stories_labelled.txt; the model is
name_tagger.crfsuite beside this module, loaded once on first use. Its spans are taken where
the marginal probability that a token is part of a detail is at least THRESHOLD (chosen on
cross-validation, docs/anonymiser.md "The name tagger").
"""
from __future__ import annotations

import math
import re
import threading
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from .given_names import FAMILY_NAMES, LATIN_NAMES, WORD_NAMES

MODEL = Path(__file__).resolve().parent / "name_tagger.crfsuite"
# Chosen on five-fold cross-validation over the labelled stories (train_name_tagger --cv).
THRESHOLD = 0.3

# The labelled kinds the tagger learns: names of people and places, and ages and dates. Contacts
# and numbers (phones, emails, postcodes…) have regular shapes the rules find.
LABELS = ("PERSON", "HOME_TOWN", "PLACE", "SCHOOL", "CLUB", "TEAM", "OFFICE", "HOSPITAL", "ESTATE",
          "SITE", "ADDRESS", "SURGERY", "AGE", "DATE")

_HAN = "\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF"
_MARKS = "\u0610-\u061A\u064B-\u065F\u0670\u0900-\u0903\u093A-\u094F\u0981-\u0983\u09BC-\u09D7\u200C\u200D"
# Words as the benchmark counts them (Bengali vowel signs and Arabic diacritics kept in the
# word), every Han character its own token, and each punctuation mark a token of its own.
_TOKEN = re.compile(rf"[{_HAN}]|(?:(?![{_HAN}])\w)(?:(?![{_HAN}])\w|[{_MARKS}])*|[^\w\s]")
_SENTENCE_END = {".", "!", "?", "。", "！", "？", "؟", "।", "\n"}


class ModelMissing(RuntimeError):
    """The tagger's model file is not there: the anonymiser would find less than it says."""


def tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text)]


@lru_cache(maxsize=1)
def _zh_frequencies() -> dict[str, float]:
    # wordfreq's Chinese lookup needs jieba to cut words; a single character is looked up directly.
    from wordfreq import get_frequency_dict

    return get_frequency_dict("zh")


def _freq_language(language: str) -> str:
    # wordfreq has no Welsh or Somali; English frequencies still tell everyday loan words.
    return language if language in ("en", "es", "fr", "pt", "pl", "tr", "ar", "bn") else "en"


@lru_cache(maxsize=131072)
def _bucket(low: str, language: str) -> str:
    """How common a word is, as a whole Zipf value (0 = unknown to wordfreq, 7 = "the")."""
    if not any(ch.isalpha() for ch in low):
        return "n"
    if re.fullmatch(f"[{_HAN}]+", low):
        value = _zh_frequencies().get(low, 0.0)
        zipf = math.log10(value) + 9 if value > 0 else 0.0
    else:
        from .anonymiser_rules import zipf as rules_zipf

        zipf = rules_zipf(low, _freq_language(language))
    return str(min(7, int(zipf)))


def _shape(word: str) -> str:
    out = []
    for ch in word:
        if ch.isupper():
            c = "X"
        elif ch.islower():
            c = "x"
        elif ch.isdigit():
            c = "d"
        elif re.match(f"[{_HAN}]", ch):
            c = "h"
        elif ch.isalpha() or ch in _MARKS:
            c = "a"
        else:
            c = ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:6]


@lru_cache(maxsize=131072)
def _listed(low: str) -> str:
    # Names in Arabic and Bengali script are not marked here: marked, the tagger leaned on the
    # list and missed more of the names it lacks (cross-validation, 2026-12-08: Bengali recall
    # 0.863 marked against 0.881 unmarked, Arabic 0.868 against 0.895); the rules find the listed
    # ones anyway.
    if low in WORD_NAMES:
        return "word"
    if low in LATIN_NAMES:
        return "given"
    if low in FAMILY_NAMES:
        return "family"
    # A listed name with a case ending ("marcinowi", "Kasi").
    if len(low) > 4 and any(low[:-k] in LATIN_NAMES for k in (1, 2, 3)):
        return "stem"
    return "no"


def features(text: str, language: str, toks: list[tuple[int, int, str]] | None = None) -> list[list[str]]:
    toks = tokens(text) if toks is None else toks
    words = [t[2] for t in toks]
    lows = [w.lower() for w in words]
    buckets = [_bucket(low, language) for low in lows]
    english = [_bucket(low, "en") if language != "en" else b for low, b in zip(lows, buckets)]
    listed = [_listed(low) for low in lows]
    starts = []
    for i, (start, _end, _w) in enumerate(toks):
        before = text[toks[i - 1][1]:start] if i else ""
        starts.append(i == 0 or words[i - 1] in _SENTENCE_END or "\n" in before)
    rows = []
    for i, word in enumerate(words):
        low = lows[i]
        row = ["bias", "lang=" + language, "w=" + low, "shape=" + _shape(word), "z=" + buckets[i],
               "zen=" + english[i], "list=" + listed[i], "zl=" + buckets[i] + listed[i]]
        for n in (1, 2, 3):
            if len(low) > n:
                row += [f"p{n}={low[:n]}", f"s{n}={low[-n:]}"]
        if word[:1].isupper():
            row.append("title")
        if word.isupper() and len(word) > 1:
            row.append("upper")
        if any(ch.isdigit() for ch in word):
            row.append("digit")
        if len(word) == 1 and re.match(f"[{_HAN}]", word):
            # How common the two-character words this character makes with its neighbours are:
            # "喜" in "喜欢" is in an everyday word, "欣" in "欣怡" is not.
            if i + 1 < len(words) and re.match(f"[{_HAN}]", words[i + 1]):
                row.append("zh+=" + _bucket(word + words[i + 1], "zh"))
            if i and re.match(f"[{_HAN}]", words[i - 1]):
                row.append("zh-=" + _bucket(words[i - 1] + word, "zh"))
        if starts[i]:
            row.append("start")
            if word[:1].isupper():
                row.append("start_title")
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < len(words):
                row += [f"{d}w={lows[j]}", f"{d}z={buckets[j]}", f"{d}list={listed[j]}"]
                if words[j][:1].isupper():
                    row.append(f"{d}title")
                if starts[j]:
                    row.append(f"{d}start")
            else:
                row.append(f"{d}edge")
        if i:
            row.append(f"-1w|w={lows[i - 1]}|{low}")
        if i + 1 < len(words):
            row.append(f"w|+1w={low}|{lows[i + 1]}")
        rows.append(row)
    return rows


def bio(toks: list[tuple[int, int, str]], gold: list[tuple[int, int, str]]) -> list[str]:
    """BIO labels of the tokens from the marked spans (kinds outside LABELS are O)."""
    labels = ["O"] * len(toks)
    for start, end, label in gold:
        if label not in LABELS:
            continue
        inside = [i for i, (s, e, _w) in enumerate(toks) if s < end and start < e]
        for k, i in enumerate(inside):
            labels[i] = ("B-" if k == 0 else "I-") + label
    return labels


_loaded = {"tagger": None, "threshold": THRESHOLD, "off": False}
# A CRFsuite tagger holds the sequence it was last given: one story at a time.
_lock = threading.Lock()


def load():
    """The model, loaded once; a clear error if the file is missing."""
    if _loaded["tagger"] is None:
        if not MODEL.exists():
            raise ModelMissing(f"The name tagger's model {MODEL} is missing, so the anonymiser would find "
                               "fewer names than it says: run `python -m feedback_app.nlp.train_name_tagger`.")
        import pycrfsuite

        tagger = pycrfsuite.Tagger()
        tagger.open(str(MODEL))
        _loaded["tagger"] = tagger
    return _loaded["tagger"]


@contextmanager
def using(tagger=None, threshold: float | None = THRESHOLD):
    """Another model or threshold for a while (cross-validation); threshold None: rules alone."""
    saved = dict(_loaded)
    _loaded.update(tagger=tagger if tagger is not None else saved["tagger"],
                   threshold=threshold if threshold is not None else THRESHOLD, off=threshold is None)
    try:
        yield
    finally:
        _loaded.update(saved)


def find(text: str, language: str) -> list[tuple[int, int, str, float]]:
    """(start, end, label, probability) of the details the tagger finds in `text`."""
    if _loaded["off"]:
        return []
    tagger = load() if _loaded["tagger"] is None else _loaded["tagger"]
    toks = tokens(text)
    if not toks:
        return []
    rows = features(text, language, toks)
    with _lock:
        return _spans(tagger, rows, text, toks, _loaded["threshold"])


def _spans(tagger, rows, text, toks, threshold) -> list[tuple[int, int, str, float]]:
    tagger.set(rows)
    labels = tagger.labels()
    kinds = sorted({label[2:] for label in labels if label != "O"})
    spans: list[list] = []
    previous = None
    for i, (start, end, word) in enumerate(toks):
        inside = 1.0 - (tagger.marginal("O", i) if "O" in labels else 0.0)
        if inside < threshold:
            previous = None
            continue
        begin = {k: tagger.marginal("B-" + k, i) if "B-" + k in labels else 0.0 for k in kinds}
        within = {k: tagger.marginal("I-" + k, i) if "I-" + k in labels else 0.0 for k in kinds}
        kind = max(kinds, key=lambda k: begin[k] + within[k])
        if previous == kind and within[kind] >= begin[kind]:
            spans[-1][1] = end
            spans[-1][3] = min(spans[-1][3], inside)
        else:
            spans.append([start, end, kind, inside])
        previous = kind
    found = []
    for start, end, kind, probability in spans:
        value = text[start:end]
        lead = len(value) - len(value.lstrip("-–—.,;:!?()[]\"'“”‘’*/ "))
        trail = len(value) - len(value.rstrip("-–—.,;:!?()[]\"'“”‘’*/ "))
        start, end = start + lead, end - trail
        if end > start:
            found.append((start, end, kind, probability))
    return found
