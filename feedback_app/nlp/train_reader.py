"""Builds reader_model.npz from the "train" rows of the labelled sets in tests/data/.

`python -m feedback_app.nlp.train_reader` writes the model; `--cv` instead prints five-fold
cross-validated accuracy per language on the train rows, the only figures its settings were
chosen by. Plain numpy logistic regression (gradient descent with an L2 penalty), so it is the
same on every machine. No "heldout" row is ever read here.
"""
from __future__ import annotations

import argparse
import csv
from collections import defaultdict
from pathlib import Path

import numpy as np

from .reader import DIMENSIONS, MODEL_PATH, vectorise

DATA = Path(__file__).resolve().parents[2] / "tests" / "data"
# Natural feedback and opinions in every language (tests/data/README.md), and the older
# templated phrases, which still teach the aspect and theme words.
SOURCES = sorted((DATA / "sentiment_voices").glob("*.tsv")) + [DATA / "sentiment_multilingual.tsv"]
STEPS, RATE, L2 = 300, 2.0, 1e-4


def train_rows() -> list[dict]:
    rows = []
    for path in SOURCES:
        with path.open(encoding="utf-8") as f:
            rows += [r for r in csv.DictReader(f, delimiter="\t") if r["split"] == "train"]
    return rows


def fit(x: np.ndarray, y: np.ndarray, steps: int = STEPS, rate: float = RATE, l2: float = L2):
    """Logistic regression; y is (n, k) of 0/1. Returns weights (d, k) and biases (k,)."""
    w = np.zeros((x.shape[1], y.shape[1]), dtype=np.float32)
    b = np.zeros(y.shape[1], dtype=np.float32)
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        grad = p - y
        w -= rate * (x.T @ grad / len(x) + l2 * w)
        b -= rate * grad.mean(axis=0)
    return w, b


def polar(rows: list[dict]) -> list[dict]:
    return [r for r in rows if r["label"] in ("positive", "negative")]


def fit_sentiment(rows: list[dict]):
    x = vectorise([r["text"] for r in rows], [r["lang"] for r in rows])
    y = np.array([[r["label"] == "positive"] for r in rows], dtype=np.float32)
    return fit(x, y)


def fit_tags(rows: list[dict], names_of) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """One yes/no model per name (a theme, an aspect) over families' rows; names_of(row) lists
    the names a row has."""
    families = [r for r in rows if r["register"] == "families"]
    names = sorted({n for r in families for n in names_of(r)})
    x = vectorise([r["text"] for r in families], [r["lang"] for r in families])[:, :DIMENSIONS]
    y = np.array([[n in names_of(r) for n in names] for r in families], dtype=np.float32)
    return (*fit(x, y), names)


def themes_of(row: dict) -> list[str]:
    return [t for t in row["themes"].split(",") if t]


def aspects_of(row: dict) -> list[str]:
    return [pair.split(":")[0] for pair in row["aspects"].split(";") if pair]


def cross_validate(rows: list[dict], folds: int = 5) -> dict:
    """Accuracy per register and language on positive/negative rows, each scored by a model that
    did not see it, beside the cues alone (English: the field lexicon alone)."""
    from . import cues, sentiment
    from .reader import Model

    rows = polar(rows)
    fold_of = np.random.default_rng(7).integers(0, folds, len(rows))
    right, alone, total = defaultdict(int), defaultdict(int), defaultdict(int)
    for k in range(folds):
        w, b = fit_sentiment([r for r, f in zip(rows, fold_of) if f != k])
        model = Model(weights={"sentiment_w": w[:, 0], "sentiment_b": b[0]})
        for r in (r for r, f in zip(rows, fold_of) if f == k):
            key = (r["register"], r["lang"])
            total[key] += 1
            right[key] += model.read(r["text"], r["lang"]).label == r["label"]
            if r["lang"] == "en":
                guess = sentiment.score(r["text"]).label
            else:
                found = cues.feeling(r["text"], r["lang"])
                guess = sentiment.label_for(np.sign(found.praise - found.complaint))
            alone[key] += guess == r["label"]
    figures = {key: right[key] / total[key] for key in total}
    for register in sorted({k[0] for k in total}):
        print(register, "  ".join(f"{lang} {right[key] / total[key]:.2f} (cues {alone[key] / total[key]:.2f}, {total[key]})"
                                   for key in sorted(total) if key[0] == register for lang in [key[1]]))
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv", action="store_true", help="print cross-validated accuracy; write nothing")
    args = parser.parse_args()
    rows = train_rows()
    if args.cv:
        cross_validate(rows)
        return
    sw, sb = fit_sentiment(polar(rows))
    tw, tb, themes = fit_tags(rows, themes_of)
    aw, ab, aspects = fit_tags(rows, aspects_of)
    np.savez_compressed(MODEL_PATH, sentiment_w=sw[:, 0].astype(np.float16), sentiment_b=sb[0],
                        theme_w=tw.astype(np.float16), theme_b=tb, theme_names=np.array(themes),
                        aspect_w=aw.astype(np.float16), aspect_b=ab, aspect_names=np.array(aspects))
    print(f"wrote {MODEL_PATH} from {len(polar(rows))} polar texts and {len(rows)} texts in all")


if __name__ == "__main__":
    main()
