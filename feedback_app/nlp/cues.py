"""Words that carry feeling in each language, read from sentiment_cues/<lang>.tsv.

The sentence encoder knows some languages far better than others, and the labelled text is small.
The cue lists add what a speaker of the language knows: the common words of praise and complaint,
negators that turn them round, intensifiers. They enter the model as two numbers a text (how
much praise, how much complaint), whose weights are learned from every language at once, so a
language with little labelled text still gains from its list; and `feeling(...).cues` names the
words that made a text count as praise or complaint.

A cue is lower case; a trailing `*` matches any ending (Polish `pomocn*`), and a cue of several
words matches those words in a row. Chinese has no spaces, so its cues match anywhere.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

FOLDER = Path(__file__).resolve().parent / "sentiment_cues"
KINDS = ("positive", "negative", "negator", "intensifier", "contrast")
NEGATION_REACH = 3     # words a negator before a cue still reaches
INTENSIFIER_BOOST = 1.5
UNSPACED = ("zh",)     # languages written without spaces between words
# Languages whose negator follows the word it turns round ("iyi değil", "ভালো না"); elsewhere a
# negator after a cue belongs to what comes next ("okropne, nikt mnie nie słuchał").
NEGATOR_AFTER = ("tr", "bn")

# Letters with their vowel signs and marks: Python's \w leaves out the combining marks that
# Bengali (and Arabic, with its short vowels) write inside a word, which would cut words apart.
_LETTERS = r"[\w\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0981-\u0983\u09bc-\u09d7\u09e2\u09e3]"
_WORD = re.compile(f"{_LETTERS}+(?:['’]{_LETTERS}+)*")


@dataclass
class CueList:
    words: dict[str, str] = field(default_factory=dict)        # word -> kind
    stems: list[tuple[str, str]] = field(default_factory=list)  # (prefix, kind), longest first
    phrases: dict[tuple[str, ...], str] = field(default_factory=dict)

    def kind(self, tokens: list[str], i: int) -> tuple[str | None, int]:
        """The kind of the longest cue starting at tokens[i], and how many words it covers."""
        for phrase, kind in self.phrases.items():
            n = len(phrase)
            if tuple(tokens[i:i + n]) == phrase or _stem_phrase(phrase, tokens[i:i + n]):
                return kind, n
        word = tokens[i]
        if word in self.words:
            return self.words[word], 1
        for prefix, kind in self.stems:
            if word.startswith(prefix):
                return kind, 1
        return None, 1


@dataclass(frozen=True)
class Feeling:
    praise: float             # how much praise, after negation and intensifiers
    complaint: float
    cues: tuple[str, ...]     # the words that said so, as written


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


@lru_cache(maxsize=None)
def cue_list(language: str) -> CueList | None:
    path = FOLDER / f"{language}.tsv"
    if not path.exists():
        return None
    cues = CueList()
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            cue, kind = normalise(row["cue"].strip()), row["kind"].strip()
            if not cue or kind not in KINDS:
                continue
            words = tuple(cue.split())
            if len(words) > 1:
                cues.phrases[words] = kind
            elif cue.endswith("*") and len(cue) > 2:
                cues.stems.append((cue[:-1], kind))
            else:
                cues.words[cue] = kind
    cues.stems.sort(key=lambda s: -len(s[0]))
    cues.phrases = dict(sorted(cues.phrases.items(), key=lambda p: -len(p[0])))
    return cues


def feeling(text: str, language: str) -> Feeling:
    """Praise and complaint in one clause, by the language's cue list (nothing if it has none)."""
    cues = cue_list(language)
    if cues is None:
        return Feeling(0.0, 0.0, ())
    text = normalise(text)
    if language in UNSPACED:
        return _unspaced(text, cues)
    tokens = _WORD.findall(text)
    praise = complaint = 0.0
    found: list[str] = []
    negated_until = boosted_until = -1
    i = 0
    while i < len(tokens):
        kind, length = cues.kind(tokens, i)
        if kind == "negator":
            negated_until = i + length + NEGATION_REACH
        elif kind == "intensifier":
            boosted_until = i + length + 1
        elif kind in ("positive", "negative"):
            value = INTENSIFIER_BOOST if i <= boosted_until else 1.0
            positive = (kind == "positive") != (i <= negated_until)
            if language in NEGATOR_AFTER and not i <= negated_until and i + length < len(tokens):
                after, _ = cues.kind(tokens, i + length)
                positive = positive if after != "negator" else not positive
            if positive:
                praise += value
            else:
                complaint += value
            found.append(" ".join(tokens[i:i + length]))
            negated_until = -1
        i += length
    return Feeling(praise, complaint, tuple(found))


def _unspaced(text: str, cues: CueList) -> Feeling:
    """Chinese: each cue counts where it occurs; a negator just before it turns it round."""
    praise = complaint = 0.0
    found = []
    for cue, kind in sorted(cues.words.items(), key=lambda c: -len(c[0])):
        if kind not in ("positive", "negative"):
            continue
        for match in re.finditer(re.escape(cue), text):
            before = text[max(0, match.start() - 2):match.start()]
            negated = any(before.endswith(n) for n, k in cues.words.items() if k == "negator")
            boosted = any(before.endswith(n) for n, k in cues.words.items() if k == "intensifier")
            value = INTENSIFIER_BOOST if boosted else 1.0
            if (kind == "positive") != negated:
                praise += value
            else:
                complaint += value
            found.append(cue)
        text = text.replace(cue, " " * len(cue))  # a longer cue is not counted again inside
    return Feeling(praise, complaint, tuple(found))


def _stem_phrase(phrase: tuple[str, ...], tokens: list[str]) -> bool:
    if len(tokens) != len(phrase) or not phrase[-1].endswith("*"):
        return False
    return tuple(tokens[:-1]) == phrase[:-1] and tokens[-1].startswith(phrase[-1][:-1])
