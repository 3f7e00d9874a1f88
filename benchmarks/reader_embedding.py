"""Experiment: the multilingual reader over WordLlama word embeddings instead of (or beside) the
hashed character n-grams, on the same train / held-out split of tests/data/sentiment_multilingual.tsv.

`python -m benchmarks.reader_embedding` (needs `wordllama`, not a dependency of the app, so this is
not part of `make bench`; the finding is in docs/insights.md). The
embedding is the mean of the token vectors of WordLlama's l2_supercat table (256 dimensions, the
only table its wheel ships; 64 and 128 are its leading dimensions), read straight from the files
inside the installed package, so nothing is downloaded. A logistic regression (the same numpy
`fit` as train_reader.py) is trained on the train rows only; its penalty and number of steps are
chosen by cross-validation on the train rows, grouped by clause (a clause and its translations are
never on both sides), so the held-out rows are only read for the figures printed at the end.
"""
from __future__ import annotations

import csv
import importlib.util
import json
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from feedback_app.nlp import reader
from feedback_app.nlp.sentiment import read as current_read
from feedback_app.nlp.train_reader import fit

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "sentiment_multilingual.tsv"
LANGS = ("en", "cy", "es", "fr", "pl", "pt")
GRID = [(l2, steps) for l2 in (0.0, 1e-4, 1e-3) for steps in (1500, 5000)]


class Embedder:
    """Mean of WordLlama token vectors, loaded from the package's own files (no network)."""

    def __init__(self, dims: int = 256):
        from safetensors import safe_open
        from tokenizers import Tokenizer

        spec = importlib.util.find_spec("wordllama")
        if spec is None:
            raise reader.ModelMissing("the wordllama package is not installed")
        package = Path(spec.submodule_search_locations[0])
        with safe_open(str(package / "weights" / "l2_supercat_256.safetensors"), framework="np") as f:
            self.table = np.ascontiguousarray(f.get_tensor("embedding.weight")[:, :dims], dtype=np.float32)
        self.tokenizer = Tokenizer.from_file(str(package / "tokenizers" / "l2_supercat_tokenizer_config.json"))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()

    def __call__(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.table.shape[1]), dtype=np.float32)
        for row, encoding in enumerate(self.tokenizer.encode_batch(texts, add_special_tokens=False)):
            if encoding.ids:
                vector = self.table[encoding.ids].mean(axis=0)
                out[row] = vector / (np.linalg.norm(vector) or 1.0)
        return out


class Features:
    """Text -> feature matrix for one variant: embeddings (standardised on the train rows),
    character n-grams, or both side by side."""

    def __init__(self, kind: str, embedder: Embedder | None):
        self.kind, self.embedder = kind, embedder
        self.mean = self.std = None

    def fit_scaling(self, texts):
        if self.embedder is not None:
            e = self.embedder(texts)
            self.mean, self.std = e.mean(axis=0), e.std(axis=0) + 1e-6

    def __call__(self, texts) -> np.ndarray:
        parts = []
        if self.embedder is not None:
            e = (self.embedder(texts) - self.mean) / self.std
            parts.append(e / np.sqrt(e.shape[1]))  # about unit length, like the n-gram rows
        if self.kind in ("chars", "both"):
            parts.append(reader.vectorise(texts))
        return np.hstack(parts) if len(parts) > 1 else parts[0]


class Scorer(reader.Model):
    """reader.Model's clause logic (mixed, aspects, neutral band) over any feature function."""

    def __init__(self, features: Features, w: np.ndarray, b: float):
        super().__init__()  # the stored themes stay as they are
        self.featurise, self.w, self.b = features, w, b

    def positive_probability(self, text: str) -> float:
        z = float(self.featurise([text])[0] @ self.w + self.b)
        return 1 / (1 + np.exp(-z))


def rows() -> list[dict]:
    with DATA.open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def polar(part):
    return [r for r in part if r["label"] in ("positive", "negative")]


def clause_group(row) -> str:
    return f"{row['register']}-{row['item'].rsplit('-', 1)[1]}"


def train(features: Features, part, l2: float, steps: int) -> Scorer:
    features.fit_scaling([r["text"] for r in part])
    x = features([r["text"] for r in part])
    y = np.array([[r["label"] == "positive"] for r in part], dtype=np.float32)
    w, b = fit(x, y, steps=steps, l2=l2)
    return Scorer(features, w[:, 0], float(b[0]))


def accuracy(scorer, part) -> float:
    return sum(scorer.read(r["text"]).label == r["label"] for r in part) / len(part) if part else float("nan")


def cross_validate(kind, embedder, train_rows, l2, steps, folds=5) -> float:
    groups = sorted({clause_group(r) for r in train_rows})
    right = total = 0
    for k in range(folds):
        out = set(groups[k::folds])
        scorer = train(Features(kind, embedder), [r for r in train_rows if clause_group(r) not in out], l2, steps)
        test = [r for r in train_rows if clause_group(r) in out]
        right += accuracy(scorer, test) * len(test)
        total += len(test)
    return right / total


def table(name, labeller, held) -> dict:
    figures = {}
    for register in ("families", "reviews"):
        for lang in LANGS:
            part = [r for r in polar(held) if r["register"] == register and r["lang"] == lang]
            figures[register, lang] = sum(labeller(r) == r["label"] for r in part) / len(part)
    fam = [figures["families", lang] for lang in LANGS]
    gap = max(fam[0] - f for f in fam[1:])
    print(f"  {name:34} " + " ".join(f"{figures['families', l]:.2f}" for l in LANGS)
          + f" | gap {gap:+.2f} | reviews " + " ".join(f"{figures['reviews', l]:.2f}" for l in LANGS))
    return figures


def speed_and_memory(variant: str) -> tuple[float, float, float]:
    """Comments/s, peak memory (VmHWM of the process itself, MB) and load time (s) of a fresh
    process that loads a reader and scores every text of the set five times, clause by clause, as
    the analysis step would. variant: "today" (sentiment.read) or "emb" / "both" (WordLlama 256,
    alone or beside the n-grams; the weights' values do not change the cost)."""
    code = (
        "import sys, json, time\n"
        "import numpy as np\n"
        "variant = sys.argv[1]\n"
        "texts = json.load(sys.stdin)\n"
        "start = time.perf_counter()\n"
        "if variant == 'today':\n"
        "    from feedback_app.nlp.sentiment import read\n"
        "    from feedback_app.nlp import reader\n"
        "    reader.model(); score = lambda t, lang: read(t, lang)\n"
        "else:\n"
        "    from benchmarks.reader_embedding import Embedder, Features, Scorer\n"
        "    f = Features(variant, Embedder(256))\n"
        "    f.mean, f.std = np.zeros(256, np.float32), np.ones(256, np.float32)\n"
        "    s = Scorer(f, np.zeros(256 + (1 << 14 if variant == 'both' else 0), np.float32), 0.0)\n"
        "    score = lambda t, lang: s.read(t)\n"
        "load = time.perf_counter() - start\n"
        "start = time.perf_counter()\n"
        "for text, lang in texts: score(text, lang)\n"
        "rate = len(texts) / (time.perf_counter() - start)\n"
        "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1]\n"
        "print(rate, int(hwm) / 1024, load)\n")
    texts = [(r["text"], r["lang"]) for r in rows()] * 5
    done = subprocess.run([sys.executable, "-c", code, variant], input=json.dumps(texts),
                          capture_output=True, text=True, check=True, cwd=ROOT)
    rate, peak, load = (float(v) for v in done.stdout.split())
    return rate, peak, load


def main() -> None:
    every = rows()
    train_rows = polar([r for r in every if r["split"] == "train"])
    held = [r for r in every if r["split"] == "heldout"]
    print(f"reader over WordLlama embeddings: {len(train_rows)} polar train texts, "
          f"{len(polar(held))} polar held-out texts; families en cy es fr pl pt | largest gap to en | reviews")
    started = time.perf_counter()
    embedders = {d: Embedder(d) for d in (64, 128, 256)}
    print(f"  (three embedding tables loaded in {time.perf_counter() - started:.2f} s)")

    print(" held out:")
    table("today: lexicon (en) + n-gram model", lambda r: (current_read(r["text"], r["lang"])).label, held)
    mixed = [r for r in held if r["label"] == "mixed"]
    found = sum(current_read(r["text"], r["lang"]).label == "mixed" for r in mixed) / len(mixed)
    print(f"  {'':34} mixed found {found:.2f} of {len(mixed)}")
    old = reader.model()
    table("today's n-gram model, en too", lambda r: old.read(r["text"]).label, held)
    results = {}
    variants = [("chars", None, "n-grams (refit, CV-chosen)")] + [
        ("emb", d, f"WordLlama {d}") for d in (64, 128, 256)] + [("both", 256, "WordLlama 256 + n-grams")]
    for kind, dims, name in variants:
        embedder = embedders[dims] if dims else None
        cv = {(l2, steps): cross_validate(kind, embedder, train_rows, l2, steps) for l2, steps in GRID}  # train rows only
        (l2, steps), best = max(cv.items(), key=lambda kv: kv[1])
        scorer = train(Features(kind, embedder), train_rows, l2, steps)
        label = f"{name} (l2 {l2:g}, {steps} steps, CV {best:.2f})"
        results[name] = table(label, lambda r: scorer.read(r["text"]).label, held)
        print(f"  {'':34} mixed found {accuracy(scorer, mixed):.2f} of {len(mixed)}")

    print(" analysis speed and peak memory (fresh process, every text of the set five times):")
    for variant, name in (("today", "today's reader"), ("emb", "WordLlama 256"),
                          ("both", "WordLlama 256 + n-grams")):
        rate, peak, load = speed_and_memory(variant)
        print(f"  {name:24}: {rate:,.0f} comments/s, peak {peak:.0f} MB, load {load:.2f} s")


if __name__ == "__main__":
    main()
