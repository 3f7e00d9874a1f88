"""How well the scorer labels feedback of this field, against raw TextBlob in the same run.

The labelled set is tests/data/sentiment_feedback.tsv: short feedback texts of children's social
care (hard cases included: sarcasm, mixed feelings, negation, second-language English), each
labelled positive, neutral or negative. Its "heldout" part was kept out of sight while the rules
and lexicon were written; the figure that counts is on that part. Target: at least 15 points
above raw TextBlob.
"""
from __future__ import annotations

import csv
import time
from pathlib import Path

from feedback_app.nlp.sentiment import label_for, score, textblob_polarity

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "sentiment_feedback.tsv"


def _rows() -> list[dict]:
    with DATA.open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def accuracy(rows: list[dict], labeller) -> float:
    return sum(labeller(r["text"]) == r["label"] for r in rows) / len(rows)


def main() -> None:
    rows = _rows()
    print(f"sentiment accuracy on {len(rows)} labelled feedback texts (target: 15 points above raw TextBlob)")
    ours = lambda text: score.__wrapped__(text).label  # noqa: E731 - uncached, to time it fairly
    raw = lambda text: label_for(textblob_polarity(text))  # noqa: E731
    for split in ("dev", "heldout", None):
        part = [r for r in rows if split in (None, r["split"])]
        mine, theirs = accuracy(part, ours), accuracy(part, raw)
        gain = 100 * (mine - theirs)
        verdict = "ok" if gain >= 15 else "BELOW TARGET"
        print(f"  {split or 'all':8} ({len(part):3} texts)  ours {100 * mine:5.1f}%   raw TextBlob {100 * theirs:5.1f}%   "
              f"+{gain:4.1f} points   {verdict if split == 'heldout' else ''}")
    texts = [r["text"] for r in rows] * 20
    start = time.perf_counter()
    for text in texts:
        score.__wrapped__(text)
    elapsed = time.perf_counter() - start
    start = time.perf_counter()
    for text in texts:
        textblob_polarity(text)
    baseline = time.perf_counter() - start
    print(f"  speed: {len(texts) / elapsed:,.0f} texts/s   raw TextBlob {len(texts) / baseline:,.0f} texts/s")


if __name__ == "__main__":
    main()
