"""Builds reader_model.npz from the "train" rows of tests/data/sentiment_multilingual.tsv.

`python -m feedback_app.nlp.train_reader`. Plain numpy logistic regression (gradient descent with
an L2 penalty), so it is the same on every machine. The "heldout" rows are never read here.
"""
from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

from .reader import MODEL_PATH, vectorise

DATA = Path(__file__).resolve().parents[2] / "tests" / "data" / "sentiment_multilingual.tsv"


def train_rows() -> list[dict]:
    with DATA.open(encoding="utf-8") as f:
        return [r for r in csv.DictReader(f, delimiter="\t") if r["split"] == "train"]


def fit(x: np.ndarray, y: np.ndarray, steps: int = 400, rate: float = 2.0, l2: float = 1e-4):
    """Logistic regression; y is (n, k) of 0/1. Returns weights (d, k) and biases (k,)."""
    w = np.zeros((x.shape[1], y.shape[1]), dtype=np.float32)
    b = np.zeros(y.shape[1], dtype=np.float32)
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        grad = p - y
        w -= rate * (x.T @ grad / len(x) + l2 * w)
        b -= rate * grad.mean(axis=0)
    return w, b


def main() -> None:
    rows = train_rows()
    polar = [r for r in rows if r["label"] in ("positive", "negative")]
    sw, sb = fit(vectorise([r["text"] for r in polar]),
                 np.array([[r["label"] == "positive"] for r in polar], dtype=np.float32))
    themed = [r for r in rows if r["register"] == "families"]
    slugs = sorted({t for r in themed for t in r["themes"].split(",") if t})
    tw, tb = fit(vectorise([r["text"] for r in themed]),
                 np.array([[s in r["themes"].split(",") for s in slugs] for r in themed], dtype=np.float32))
    np.savez_compressed(MODEL_PATH, sentiment_w=sw[:, 0].astype(np.float16), sentiment_b=sb[0],
                        theme_w=tw.astype(np.float16), theme_b=tb, theme_slugs=np.array(slugs))
    print(f"wrote {MODEL_PATH} from {len(polar)} polar and {len(themed)} themed texts")


if __name__ == "__main__":
    main()
