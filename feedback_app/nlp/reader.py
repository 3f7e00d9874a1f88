"""Sentiment, mixed feelings, aspects and themes in every language, from a small stored model.

The model (reader_model.npz beside this file, built by `python -m feedback_app.nlp.train_reader`)
is logistic regression over hashed character n-grams: it needs no tokeniser, no dictionary and no
download, so it reads Welsh, Polish or Arabic as well as the labelled text it was trained on
allows. A text is cut into clauses at sentence ends, commas and contrast words ("but", "ond",
"pero", "mais", "ale", "mas"…); each clause is scored, an aspect named in a clause takes that
clause's sentiment, and a text with one strongly positive and one strongly negative clause is
"mixed". Only the analysis step and the CLI load the model: answering never does.
"""
from __future__ import annotations

import re
import unicodedata
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from . import cues, encoder

# Languages the stored model was trained on (tests/data/sentiment_multilingual.tsv). Comments in
# any other language are counted as "cannot be scored", never given a guessed score.
MODEL_LANGUAGES = ("en", "cy", "es", "fr", "pl", "pt", "ar", "tr", "bn", "so", "zh")
# Languages whose comments the analysis step scores with the model for facilitators. A language
# joins only when its held-out accuracy in `make bench` is within 0.07 of English: a wrong score
# on a summary misleads more than "cannot be scored" does. None has reached that yet
# (docs/insights.md), so the model is measured and offered by `flask sentiment score`, but a
# summary counts these comments by their ratings alone.
SCORED_LANGUAGES: tuple[str, ...] = ()
MODEL_PATH = Path(__file__).resolve().parent / "reader_model.npz"
DIMENSIONS = 1 << 14
CUE_VALUES = 2     # praise and complaint, after the encoder's point
CUE_SCALE = 1.0
MIXED = "mixed"
# A text is mixed when the networks that tell mixed feelings from one-sided ones are this sure
# (chosen on the train rows' cross-validation: lower finds more mixed texts and calls more
# one-sided ones mixed).
MIXED_AT = 0.6
NEUTRAL_BAND = 0.1

CONTRAST = ("but", "however", "yet", "ond", "ac eto", "pero", "sin embargo", "mais", "cependant",
            "ale", "jednak", "lecz", "mas", "porém", "ama", "fakat", "lakin", "لكن", "لكنّ",
            "কিন্তু", "laakiin", "但是", "但", "可是", "不过")
_CLAUSE = re.compile(r"[.!?;\n。！？؛]+|,|،|，|\b(?:%s)\b" % "|".join(
    re.escape(w) for w in CONTRAST if w.isascii()) + "|" + "|".join(
    re.escape(w) for w in CONTRAST if not w.isascii()), re.IGNORECASE)

# Words that name each aspect the workshops care about, in each language (lower case).
ASPECT_WORDS = {
    "chair": ("chair", "chairperson", "cadeirydd", "presidente", "presidenta", "président",
              "présidente", "przewodnicząc", "başkan", "রাষ্ট্রপতি", "সভাপতি", "رئيس", "guddoomiye",
              "主席"),
    "social_worker": ("social worker", "gweithiwr cymdeithasol", "trabajador social",
                      "trabajadora social", "assistant social", "assistante sociale",
                      "travailleur social", "pracownik socjaln", "pracownica socjaln",
                      "assistente social", "sosyal hizmet", "সমাজকর্মী", "الأخصائي الاجتماعي",
                      "الأخصائية الاجتماعية", "shaqaale bulsho", "社工", "社会工作者"),
    "reports": ("report", "adroddiad", "informe", "rapport", "raport", "relatório", "rapor",
                "প্রতিবেদন", "রিপোর্ট", "تقرير", "تقارير", "warbixin", "报告"),
    "advocate": ("advocate", "eiriolwr", "defensor", "defensora", "accompagnant", "avocat",
                 "rzecznik", "savunucu", "অ্যাডভোকেট", "المدافع", "مناصر", "u doode", "倡导者", "代言人"),
    "conference": ("conference", "meeting", "cynhadledd", "gynhadledd", "cyfarfod", "reunión",
                   "conferencia", "réunion", "conférence", "konferencj", "spotkani", "reunião",
                   "conferência", "toplantı", "konferans", "সভা", "সম্মেলন", "اجتماع", "مؤتمر",
                   "shir", "会议"),
    "support": ("support", "help offered", "cymorth", "cefnogaeth", "apoyo", "ayuda", "soutien",
                "aide", "wsparci", "pomoc", "apoio", "ajuda", "destek", "সহায়তা", "সাহায্য",
                "دعم", "مساعدة", "taageero", "caawimaad", "支持", "帮助"),
}


class ModelMissing(RuntimeError):
    """The stored model is not there: analysis must not go on and give wrong scores."""


@dataclass(frozen=True)
class Reading:
    polarity: float              # -1 … 1, from the clauses
    label: str                   # positive, negative, neutral or mixed
    aspects: dict[str, str]      # aspect -> positive / negative / neutral
    themes: tuple[str, ...]      # theme slugs the model suggests


def features(text: str) -> np.ndarray:
    """Indices of the hashed character 2-4-grams of each word, of the words themselves and of
    each pair of words in a row ("not good", "nie pomogła")."""
    text = unicodedata.normalize("NFKC", text).lower()
    out = []
    words = cues._WORD.findall(text)
    for before, word in zip([""] + words, words):
        out.append(zlib.crc32(b"w:" + word.encode()) % DIMENSIONS)
        if before:
            out.append(zlib.crc32(f"b:{before} {word}".encode()) % DIMENSIONS)
        padded = f" {word} "
        for n in (2, 3, 4):
            for i in range(len(padded) - n + 1):
                out.append(zlib.crc32(padded[i:i + n].encode()) % DIMENSIONS)
    return np.asarray(out, dtype=np.int64)


def cue_values(text: str, language: str) -> np.ndarray:
    """How much praise and how much complaint the language's cues find (English: the field
    lexicon's polarity, split the same way), squashed so one long text does not dominate."""
    if language == "en":
        from .sentiment import score

        polarity = score(text).polarity
        praise, complaint = 2 * max(polarity, 0.0), 2 * max(-polarity, 0.0)
    else:
        found = cues.feeling(text, language)
        praise, complaint = found.praise, found.complaint
    return CUE_SCALE * np.tanh(np.array([praise, complaint], dtype=np.float32))


def vectorise(texts) -> np.ndarray:
    """One row a text: its hashed n-grams, scaled to length one (what themes and aspects read)."""
    matrix = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    for row, text in enumerate(texts):
        idx = features(text)
        if len(idx):
            np.add.at(matrix[row], idx, 1.0)
            matrix[row] /= np.sqrt(len(idx))
    return matrix


@dataclass(frozen=True)
class Tags:
    """Several yes/no questions about one text (which themes? which aspects?), one logistic
    regression each over the same hashed n-grams."""
    weights: np.ndarray   # (DIMENSIONS, len(names))
    biases: np.ndarray
    names: tuple[str, ...]

    @classmethod
    def stored(cls, weights, kind: str) -> "Tags":
        if f"{kind}_w" not in weights:
            return cls(np.zeros((DIMENSIONS, 0), dtype=np.float32), np.zeros(0, dtype=np.float32), ())
        return cls(np.asarray(weights[f"{kind}_w"], dtype=np.float32)[:DIMENSIONS],
                   np.asarray(weights[f"{kind}_b"], dtype=np.float32),
                   tuple(str(n) for n in weights[f"{kind}_names"]))

    def of(self, text: str) -> tuple[str, ...]:
        idx = features(text)
        if not len(idx) or not self.names:
            return ()
        z = self.weights[idx].sum(axis=0) / np.sqrt(len(idx)) + self.biases
        return tuple(n for n, v in zip(self.names, z) if v > 0)


class Feelings:
    """Positive or negative, from a clause's place in the encoder's space and its cue values:
    a few small neural networks (one hidden layer each, trained from different starts), whose
    probabilities are averaged so no one start's quirks decide a score."""

    def __init__(self, weights, name: str = "net"):
        self.w1 = np.asarray(weights[f"{name}_w1"], dtype=np.float32)   # (nets, inputs, hidden)
        self.b1 = np.asarray(weights[f"{name}_b1"], dtype=np.float32)   # (nets, hidden)
        self.w2 = np.asarray(weights[f"{name}_w2"], dtype=np.float32)   # (nets, hidden)
        self.b2 = np.asarray(weights[f"{name}_b2"], dtype=np.float32)   # (nets,)

    def probabilities(self, inputs: np.ndarray) -> np.ndarray:
        hidden = np.maximum(0, np.einsum("ni,kih->knh", inputs, self.w1) + self.b1[:, None, :])
        z = np.einsum("knh,kh->kn", hidden, self.w2) + self.b2[:, None]
        return (1 / (1 + np.exp(-z))).mean(axis=0)


def feeling_inputs(texts: list[str], languages: list[str]) -> np.ndarray:
    """What the networks read: the encoder's point for each text, then its two cue values."""
    points = encoder.encode(texts)
    values = np.array([cue_values(t, lang) for t, lang in zip(texts, languages)], dtype=np.float32)
    return np.hstack([points, values.reshape(len(texts), CUE_VALUES)])


class Model:
    def __init__(self, path: Path | None = None, weights: dict | None = None):
        """The stored model (or, for cross-validation, weights just fitted)."""
        if weights is None:
            path = path or MODEL_PATH
            if not path.exists():
                raise ModelMissing(
                    f"The sentiment model file {path} is missing: rebuild it with "
                    "`python -m feedback_app.nlp.train_reader` (or restore it from git).")
            weights = np.load(path, allow_pickle=False)
        try:
            encoder.encode(["."])  # fail now, before any answer is claimed, not halfway through
        except encoder.EncoderMissing as missing:
            raise ModelMissing(str(missing)) from missing
        self.feelings = Feelings(weights)
        self.mixedness = Feelings(weights, "mixed")
        self.theme_tags = Tags.stored(weights, "theme")
        self.aspect_tags = Tags.stored(weights, "aspect")

    def positive_probabilities(self, texts: list[str], language: str) -> list[float]:
        if not texts:
            return []
        inputs = feeling_inputs(texts, [language] * len(texts))
        return [float(p) for p in self.feelings.probabilities(inputs)]

    def positive_probability(self, text: str, language: str) -> float:
        return self.positive_probabilities([text], language)[0]

    def themes(self, text: str) -> tuple[str, ...]:
        return self.theme_tags.of(text)

    def read(self, text: str | None, language: str) -> Reading:
        """The whole text says how it feels overall (the encoder weighs a "but" as people do)
        and whether its feelings are mixed; its clauses, how each aspect fares."""
        clauses = [c.strip() for c in _CLAUSE.split(text or "") if c and c.strip()]
        if not clauses:
            return Reading(0.0, "neutral", {}, ())
        inputs = feeling_inputs([text, *clauses], [language] * (len(clauses) + 1))
        whole, *probabilities = (float(p) for p in self.feelings.probabilities(inputs))
        polarity = round(2 * whole - 1, 3)
        mixed = float(self.mixedness.probabilities(inputs[:1])[0]) >= MIXED_AT
        label = MIXED if mixed else _label(polarity)
        aspects: dict[str, str] = {}
        for clause, p in zip(clauses, probabilities):
            for aspect in dict.fromkeys([*aspects_named(clause), *self.aspect_tags.of(clause)]):
                aspects.setdefault(aspect, _label(2 * p - 1))
        return Reading(polarity, label, aspects, self.themes(text or ""))


def language_of(locale: str | None) -> str:
    return (locale or "").lower().replace("-", "_").split("_")[0]


def aspects_named(text: str) -> list[str]:
    lowered = text.lower()
    return [aspect for aspect, words in ASPECT_WORDS.items() if any(w in lowered for w in words)]


def _label(polarity: float) -> str:
    if polarity > NEUTRAL_BAND:
        return "positive"
    if polarity < -NEUTRAL_BAND:
        return "negative"
    return "neutral"


@lru_cache(maxsize=1)
def model() -> Model:
    """Loaded once, on first use (the analysis step or the CLI), never at import."""
    return Model()
