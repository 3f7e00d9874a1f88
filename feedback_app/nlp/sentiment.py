"""Sentiment of short feedback in children's social care, explainable cue by cue.

TextBlob's lexicon (its default PatternAnalyzer, which needs no downloaded corpora) is the base,
but it reads this field badly: it knows neither "terrified" nor "judged", and thinks "absolutely"
is praise. So each text is read as sentences, then clauses split at contrast words, and each
clause as a run of cues:

- a lexicon of this field (words and phrases such as "done to", "worked with", "lion's den",
  "listened", "judged"), looked up before TextBlob's own words, longest phrase first;
- negation ("not", "nobody", "didn't"…) flips the next cue within a few words;
- intensifiers ("very", "absolutely", "so") strengthen it, softeners ("a bit") weaken it;
- contrast: what comes before "but", "however" or "yet" counts for less than what follows,
  and so does the clause "although" or "even though" opens: people put what they mean last;
- a sentence that is only "Not." takes back the one before, and a positive word opening a
  sentence on its own ("Great, another form…") is read as sarcasm when the rest is negative;
- an exclamation mark strengthens its sentence; negative cues weigh a little more than positive
  ones, because praise in these answers is often polite and complaints are rarely idle.

The polarity is the weighted mean of the cues, in [-1, 1]; every cue is kept so a facilitator
can see why a comment counts as negative.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from textblob.en import sentiment as _textblob_lexicon

POSITIVE, NEUTRAL, NEGATIVE = "positive", "neutral", "negative"
# A polarity this close to zero is neutral.
NEUTRAL_BAND = 0.1
NEGATIVE_WEIGHT = 1.3
EXCLAMATION_BOOST = 1.3
NEGATION_FACTOR = -0.8
NEGATION_REACH = 3  # words after a negation that it can still reach
BEFORE_CONTRAST = 0.4  # what a clause before "but" still counts

# Words and phrases of this field, with a polarity. Phrases are matched before single words.
FIELD_LEXICON: dict[str, float] = {
    # feelings people name after a meeting
    "terrified": -0.9, "scared": -0.7, "frightened": -0.7, "afraid": -0.6, "nervous": -0.4,
    "anxious": -0.5, "worried": -0.4, "stressed": -0.5, "overwhelmed": -0.6, "upset": -0.6,
    "humiliated": -0.9, "ashamed": -0.7, "powerless": -0.8, "helpless": -0.7, "hopeless": -0.8,
    "alone": -0.5, "lonely": -0.5, "vulnerable": -0.5, "uncomfortable": -0.5, "intimidated": -0.7,
    "intimidating": -0.6, "angry": -0.6, "furious": -0.8, "confused": -0.5, "lost": -0.4,
    "shocked": -0.5, "attacked": -0.8, "ambushed": -0.8, "betrayed": -0.8, "trapped": -0.7,
    "relieved": 0.5, "hopeful": 0.5, "safe": 0.5, "welcome": 0.6, "welcomed": 0.6,
    "comfortable": 0.5, "confident": 0.5, "included": 0.6, "valued": 0.7, "supported": 0.6,
    "reassured": 0.6, "grateful": 0.7, "thankful": 0.7, "thank": 0.5, "thanks": 0.5,
    "calm": 0.4, "brave": 0.5, "empowered": 0.7, "heard": 0.6, "understood": 0.5,
    # what professionals do, as families describe it
    "listened": 0.6, "listen": 0.4, "listens": 0.5, "respected": 0.7, "respect": 0.5,
    "respectful": 0.7, "explained": 0.5, "explains": 0.4, "honest": 0.6, "kind": 0.6,
    "patient": 0.5, "helpful": 0.6, "helped": 0.5, "caring": 0.6, "supportive": 0.7,
    "judged": -0.7, "judging": -0.6, "judgemental": -0.7, "judgmental": -0.7, "blamed": -0.7,
    "ignored": -0.7, "dismissed": -0.7, "patronised": -0.7, "patronising": -0.7,
    "patronized": -0.7, "belittled": -0.8, "lied": -0.8, "lies": -0.7, "threatened": -0.8,
    "interrupted": -0.5, "rushed": -0.5, "pressured": -0.6, "forced": -0.5, "excluded": -0.6,
    "jargon": -0.5, "acronyms": -0.4, "waffle": -0.4, "late": -0.4, "delayed": -0.4,
    "cancelled": -0.5, "unfair": -0.7, "rude": -0.6, "cold": -0.4, "harsh": -0.6,
    "useless": -0.7, "pointless": -0.6, "waste": -0.6, "worse": -0.6, "worst": -0.9,
    "better": 0.4, "best": 0.8, "clear": 0.4, "clearly": 0.3, "fair": 0.5, "fairly": 0.4,
    "improved": 0.5, "difference": 0.3, "interrupting": -0.5, "interrogation": -0.6,
    "again": -0.2, "trust": 0.5, "trusted": 0.5,
    # things families expect to be done for them: mildly good, and bad when negated
    "understand": 0.4, "asked": 0.3, "invited": 0.4, "offered": 0.3, "given": 0.2,
    "told": 0.2, "involved": 0.5, "informed": 0.4, "consulted": 0.4, "chance": 0.3,
    # phrases
    "done to": -0.7, "worked with": 0.7, "part of the team": 0.7, "on my side": 0.6,
    "on our side": 0.6, "lion's den": -0.8, "lions den": -0.8, "looking down on": -0.7,
    "looked down on": -0.7, "talked down to": -0.7, "talked about me": -0.5,
    "not in the room": -0.5, "no time": -0.5, "no idea": -0.5, "no say": -0.7,
    "no choice": -0.6, "no one": -0.4, "too much": -0.4, "too many": -0.4, "too late": -0.6,
    "last minute": -0.5, "the night before": -0.5, "on the day": -0.3, "in time": 0.4,
    "in good time": 0.5, "took time": 0.5, "gave me time": 0.6, "made time": 0.5,
    "felt heard": 0.7, "set up to fail": -0.9, "tick box": -0.6, "box ticking": -0.6,
    "same questions": -0.4, "a number": -0.5, "like a criminal": -0.9, "like a child": -0.6,
    "went out of her way": 0.7, "went out of his way": 0.7, "went out of their way": 0.7,
    "made a difference": 0.7, "big difference": 0.6, "thank you": 0.6, "well done": 0.6,
    "felt sick": -0.7, "in tears": -0.6, "broke down": -0.6, "shut down": -0.5,
    "shut out": -0.6, "left out": -0.6, "kept in the dark": -0.7, "in the dark": -0.5,
    "nobody told": -0.5, "nobody listened": -0.7, "nobody asked": -0.5, "no one listened": -0.7,
    "no one told": -0.5, "no one asked": -0.5, "never listened": -0.7, "did not listen": -0.6,
    "didn't listen": -0.6, "made me feel": 0.0, "at ease": 0.6, "put me at ease": 0.7,
    "step by step": 0.3, "in plain words": 0.5, "plain english": 0.5, "simple words": 0.4,
    "waste of time": -0.7, "could be better": -0.3, "not bad": 0.3, "not great": -0.4,
    "not too bad": 0.3, "fell apart": -0.6, "scared stiff": -0.9, "sat with me": 0.5,
    "nothing changed": -0.6, "nothing happened": -0.5, "nothing was done": -0.6,
    "had time": 0.4, "time to read": 0.4, "went well": 0.6, "worked well": 0.6,
    "cut me off": -0.6, "without me": -0.5, "on trial": -0.7, "made up their minds": -0.6,
    "understand nothing": -0.6, "understood nothing": -0.6, "knew nothing": -0.5,
    "like a person": 0.5, "like a conversation": 0.4, "stuck with us": 0.6, "stuck with me": 0.6, "stood up for": 0.6, "for once": 0.2,
}

NEGATIONS = frozenset({
    "not", "no", "never", "nobody", "none", "nothing", "neither", "nor", "without", "hardly",
    "barely", "didn't", "don't", "doesn't", "wasn't", "weren't", "isn't", "aren't", "won't",
    "wouldn't", "couldn't", "can't", "cannot", "haven't", "hasn't", "hadn't", "shouldn't",
    "didnt", "dont", "wasnt", "cant", "couldnt", "wont", "n't",
})
INTENSIFIERS: dict[str, float] = {
    "very": 1.4, "really": 1.4, "so": 1.3, "absolutely": 1.6, "completely": 1.5,
    "totally": 1.5, "extremely": 1.6, "truly": 1.4, "incredibly": 1.6, "deeply": 1.4,
    "utterly": 1.6, "always": 1.2, "such": 1.3, "most": 1.3, "quite": 1.1,
    "slightly": 0.5, "somewhat": 0.6, "little": 0.6, "bit": 0.6, "fairly": 0.8,
}
# After these the clause before counts half; a clause these open counts half.
CONTRAST = frozenset({"but", "however", "yet", "except"})
CONCESSIVE = frozenset({"although", "though", "whilst"})
# Words TextBlob scores that say nothing here ("absolutely" is not praise; "child" not a mood).
IGNORED = frozenset({
    "absolutely", "very", "really", "so", "quite", "most", "such", "just", "only", "first",
    "other", "last", "real", "same", "own", "more", "less", "much", "many", "all", "whole",
    "social", "little", "big", "long", "young", "old", "new", "next", "few", "sure", "free",
    "full", "final", "early", "public", "open", "high", "low", "right", "left", "certain",
    "okay", "ok", "fine",
})
# A positive word opening a sentence on its own ("Great, another form…") is often sarcasm:
# when the rest of the sentence is negative, the opener is read the other way.
SARCASTIC_OPENERS = frozenset({
    "great", "brilliant", "wonderful", "fantastic", "lovely", "perfect", "nice", "amazing",
    "excellent", "oh", "yeah", "sure",
})

_SENTENCE = re.compile(r"[^.!?\n;]+[.!?;]*")
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|n't|,")
_CONTRACTIONS = {"won't": "will n't", "can't": "can n't"}
_MAX_PHRASE = max(len(p.split()) for p in FIELD_LEXICON)


@dataclass(frozen=True)
class Cue:
    """One word or phrase that moved the score, and what changed its weight."""

    words: str
    value: float           # its polarity after negation and intensifiers
    weight: float          # how much its clause and sentence count
    why: tuple[str, ...] = ()


@dataclass(frozen=True)
class Score:
    polarity: float
    label: str
    cues: tuple[Cue, ...] = field(default=())

    def explain(self, limit: int = 3) -> list[Cue]:
        """The cues that mattered most, strongest first."""
        return sorted(self.cues, key=lambda c: -abs(c.value * c.weight))[:limit]


def label_for(polarity: float) -> str:
    if polarity > NEUTRAL_BAND:
        return POSITIVE
    if polarity < -NEUTRAL_BAND:
        return NEGATIVE
    return NEUTRAL


@lru_cache(maxsize=20_000)
def score(text: str | None) -> Score:
    """Score one text. Cached: the same words always get the same score."""
    cues: list[Cue] = []
    for sentence in _SENTENCE.findall((text or "").lower()):
        if _tokens(sentence) in (["not"], ["yeah", "right"]):
            # "Really helpful, as always. Not." takes back the sentence before.
            cues = [Cue(c.words, round(-c.value, 3), c.weight, c.why + ("taken back",)) for c in cues]
            continue
        boost = EXCLAMATION_BOOST if "!" in sentence else 1.0
        found = []
        for clause, weight, why in _clauses(sentence):
            for cue in _cues(clause):
                extra = why + (("exclamation",) if boost > 1 else ())
                found.append(Cue(cue.words, cue.value, weight * boost, cue.why + extra))
        cues.extend(_unmask_sarcasm(sentence, found))
    if not cues:
        return Score(0.0, NEUTRAL, ())
    total = sum(c.weight * (NEGATIVE_WEIGHT if c.value < 0 else 1) for c in cues)
    mean = sum(c.value * c.weight * (NEGATIVE_WEIGHT if c.value < 0 else 1) for c in cues) / total
    # Exclamations and intensifiers may push past 1; the scale stops there.
    polarity = round(max(-1.0, min(1.0, mean)), 3)
    return Score(polarity, label_for(polarity), tuple(cues))


def textblob_polarity(text: str) -> float:
    """Raw TextBlob, for comparison in the accuracy benchmark."""
    from textblob import TextBlob

    return TextBlob(text).sentiment.polarity


def _unmask_sarcasm(sentence: str, cues: list[Cue]) -> list[Cue]:
    opener = _tokens(sentence)[:3]
    if not cues or "," not in opener or opener[0] not in SARCASTIC_OPENERS:
        return cues
    first, rest = cues[0], cues[1:]
    if first.value > 0 and first.words in SARCASTIC_OPENERS and sum(c.value for c in rest) < 0:
        return [Cue(first.words, -first.value, first.weight, first.why + ("sarcasm",)), *rest]
    return cues


def _tokens(text: str) -> list[str]:
    text = text.replace("’", "'")
    for whole, split in _CONTRACTIONS.items():
        text = text.replace(whole, split)
    text = re.sub(r"(\w)n't\b", r"\1 n't", text)
    return _WORD.findall(text)


def _clauses(sentence: str):
    """(tokens, weight, why) for each clause of a sentence, split at contrast words."""
    tokens = _tokens(sentence)
    clauses: list[tuple[list[str], float, tuple[str, ...]]] = []
    current: list[str] = []
    weight, why = 1.0, ()
    for token in tokens:
        if token == ",":
            if weight < 1.0 and current:
                # The concession ends at its comma; what follows is the point.
                clauses.append((current, weight, why))
                current, weight, why = [], 1.0, ()
            continue
        if token in CONTRAST and current:
            clauses.append((current, weight, why))
            # What came before the "but" counts for less once the point has turned.
            clauses = [(c, w * BEFORE_CONTRAST, y + ("before a 'but'",)) for c, w, y in clauses]
            current, weight, why = [], 1.0, ("after '%s'" % token,)
            continue
        if token in CONCESSIVE and current in ([], ["even"]):
            current = []
            weight, why = 0.5, ("conceded with '%s'" % token,)
            continue
        current.append(token)
    if current:
        clauses.append((current, weight, why))
    return clauses


def _cues(tokens: list[str]) -> list[Cue]:
    cues: list[Cue] = []
    negated_until = -1
    multiplier, multiplier_word = 1.0, ""
    i = 0
    while i < len(tokens):
        words, value, length = _lookup(tokens, i)
        token = tokens[i]
        if value is None:
            if token in NEGATIONS and not _idiom_not_negating(tokens, i):
                negated_until = i + NEGATION_REACH
            elif token in INTENSIFIERS:
                multiplier, multiplier_word = INTENSIFIERS[token], token
            i += 1
            continue
        why: list[str] = []
        if multiplier != 1.0:
            value *= multiplier
            why.append("'%s'" % multiplier_word)
        # A phrase that holds its own negation ("no time", "nobody listened") is not flipped.
        if i <= negated_until and not any(w in NEGATIONS for w in words.split()):
            value *= NEGATION_FACTOR
            why.append("negated")
        cues.append(Cue(words, round(value, 3), 1.0, tuple(why)))
        multiplier, multiplier_word = 1.0, ""
        i += length
    return cues


def _idiom_not_negating(tokens: list[str], i: int) -> bool:
    """"Could not have gone worse", "couldn't be better": the negation strengthens, not flips."""
    before = tokens[i - 1] if i else ""
    after = tokens[i + 1] if i + 1 < len(tokens) else ""
    return before in ("could", "can") and after in ("have", "be", "get", "ask")


def _lookup(tokens: list[str], i: int) -> tuple[str, float | None, int]:
    """The longest field phrase starting at tokens[i], else TextBlob's word, else nothing."""
    for length in range(min(_MAX_PHRASE, len(tokens) - i), 0, -1):
        words = " ".join(tokens[i:i + length]).replace(" n't", "n't")
        if words in FIELD_LEXICON and FIELD_LEXICON[words] != 0.0:
            return words, FIELD_LEXICON[words], length
    word = tokens[i]
    if word in IGNORED or word in NEGATIONS or word in INTENSIFIERS:
        return word, None, 1
    entry = _textblob_lexicon.get(word)
    if entry and None in entry and abs(entry[None][0]) >= 0.1:
        return word, float(entry[None][0]), 1
    return word, None, 1


def read(text: str | None, locale: str | None = "en"):
    """Label (mixed included), polarity, per-aspect sentiment and themes of one text, in any
    language the stored model knows (English too: the lexicon above is one of its inputs); None
    for a language it does not know. Loads the model on first use."""
    from . import reader

    language = reader.language_of(locale) or "en"
    if language in reader.MODEL_LANGUAGES:
        return _read(text or "", language)
    return None


@lru_cache(maxsize=20_000)
def _read(text: str, language: str):
    """Cached like score(): the same words in the same language always read the same, and
    comments repeat ("Thank you", "Nothing")."""
    from . import reader

    return reader.model().read(text, language)
