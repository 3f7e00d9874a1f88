"""Builds reader_model.npz from the "train" rows of the labelled sets in tests/data/.

`python -m feedback_app.nlp.train_reader` writes the model; `--cv` instead prints five-fold
cross-validated accuracy per language on the train rows, the only figures its settings were
chosen by. Plain numpy (logistic regression for themes and aspects, small networks trained with
Adam for feelings) with fixed seeds, so it is the same on every machine. No "heldout" row is
ever read here.
"""
from __future__ import annotations

import argparse
import csv
import zlib
from collections import defaultdict
from pathlib import Path

import numpy as np

from . import encoder, given_names, phrases
from .reader import ASPECT_WORDS, MODEL_PATH, Model, feeling_inputs

DATA = Path(__file__).resolve().parents[2] / "tests" / "data"
# Natural feedback and opinions in every language (tests/data/README.md), and the older
# templated phrases, which still teach the aspect and theme words.
SOURCES = sorted((DATA / "sentiment_voices").glob("*.tsv")) + [DATA / "sentiment_multilingual.tsv"]
# Item ids of natural (not templated) text: written per language ("t-", "t2-"), translated (the
# former held-out sets, "h-", "k-", "m-", "n-", "p-" and "q-"), or plain facts with no feeling ("u-").
NATURAL = ("t-", "t2-", "h-", "k-", "m-", "n-", "p-", "q-", "u-")
NETS, HIDDEN, EPOCHS, BATCH, RATE, L2 = 3, 128, 20, 32, 1e-2, 1e-4


def labelled(paths) -> list[dict]:
    """Every row of the labelled TSV files given (tests/data/README.md says their columns)."""
    rows = []
    for path in paths:
        with path.open(encoding="utf-8") as f:
            rows += list(csv.DictReader(f, delimiter="\t"))
    return rows


def train_rows() -> list[dict]:
    rows = [r for r in labelled(SOURCES) if r["split"] == "train"]
    return rows + with_names(rows)


# Aspects that are people, whom families often name ("my social worker Sarah…").
PEOPLE = ("chair", "social_worker", "advocate")
# The project's own lists (not the public tables the anonymiser also reads): the copies then do
# not change when those tables do.
_LATIN = sorted(given_names.OWN_NAMES)
_SCRIPT = {lang: sorted(given_names.NATIVE_SCRIPT_NAMES[lang]) for lang in ("ar", "bn")}
_ZH = (sorted(given_names.NATIVE_SCRIPT_NAMES["zh_surnames"]), ("先生", "女士", "老师", "姐"))


def a_name(row: dict) -> str:
    """A made-up name for a row's worker, the same on every run, written as that language
    writes names (its own script for Arabic, Bengali and Chinese; now and then lower case)."""
    pick = zlib.crc32((row["item"] + row["lang"]).encode())
    if row["lang"] == "zh":
        return _ZH[0][pick % len(_ZH[0])] + _ZH[1][pick // 7 % len(_ZH[1])]
    names = _SCRIPT.get(row["lang"], _LATIN)
    name = names[pick % len(names)]
    return name if pick % 4 == 0 else name.title()


def with_names(rows: list[dict]) -> list[dict]:
    """A copy of each families' row that speaks of a chair, social worker or advocate, with a
    name put after that word. A name says nothing about feelings, but the encoder places
    "my social worker Sarah ignored me" nearer praise than "my social worker ignored me":
    the copies teach the networks to look past names. A copy keeps its row's item, so it stays
    in its row's fold and cross-validation never scores a text whose copy it trained on."""
    copies = []
    for row in rows:
        if row["register"] != "families":
            continue
        lowered = row["text"].lower()
        found = [(lowered.find(w), w) for a in PEOPLE for w in ASPECT_WORDS[a] if w in lowered]
        if not found:
            continue
        start, word = min(found)
        end = start + len(word)
        if row["lang"] != "zh":  # finish the word ("przewodnicząca"); Chinese has no spaces
            while end < len(row["text"]) and row["text"][end].isalnum():
                end += 1
        gap = "" if row["lang"] == "zh" else " "
        text = row["text"][:end] + gap + a_name(row) + row["text"][end:]
        copies.append({**row, "text": text, "copy": "named"})
    return copies


def polar(rows: list[dict]) -> list[dict]:
    return [r for r in rows if r["label"] in ("positive", "negative")]


def fit(x: np.ndarray, y: np.ndarray, steps: int = 300, rate: float = 2.0, l2: float = 1e-4, weight=1.0):
    """Logistic regression; y is (n, k) of 0/1, `weight` how much each cell counts. Returns
    weights (d, k) and biases (k,)."""
    w = np.zeros((x.shape[1], y.shape[1]), dtype=np.float32)
    b = np.zeros(y.shape[1], dtype=np.float32)
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        grad = (p - y) * weight
        w -= rate * (x.T @ grad / len(x) + l2 * w)
        b -= rate * grad.mean(axis=0)
    return w, b


def fit_net(x: np.ndarray, y: np.ndarray, seed: int):
    """One hidden layer of ReLUs and a logistic output, trained with Adam on minibatches."""
    rng = np.random.default_rng(seed)
    params = [rng.normal(0, 1 / np.sqrt(x.shape[1]), (x.shape[1], HIDDEN)).astype(np.float32),
              np.zeros(HIDDEN, np.float32),
              rng.normal(0, 1 / np.sqrt(HIDDEN), HIDDEN).astype(np.float32),
              np.zeros(1, np.float32)]
    first = [np.zeros_like(p) for p in params]
    second = [np.zeros_like(p) for p in params]
    step = 0
    for _ in range(EPOCHS):
        for batch in np.array_split(rng.permutation(len(x)), max(1, len(x) // BATCH)):
            w1, b1, w2, b2 = params
            hidden = np.maximum(0, x[batch] @ w1 + b1)
            g = (1 / (1 + np.exp(-(hidden @ w2 + b2))) - y[batch]) / len(batch)
            g_hidden = np.outer(g, w2) * (hidden > 0)
            grads = [x[batch].T @ g_hidden + L2 * w1, g_hidden.sum(0), hidden.T @ g + L2 * w2,
                     np.array([g.sum()], np.float32)]
            step += 1
            for i, grad in enumerate(grads):
                first[i] = 0.9 * first[i] + 0.1 * grad
                second[i] = 0.999 * second[i] + 0.001 * grad * grad
                params[i] -= RATE * (first[i] / (1 - 0.9 ** step)) / (
                    np.sqrt(second[i] / (1 - 0.999 ** step)) + 1e-8)
    return params


def fit_feelings(inputs: np.ndarray, rows: list[dict], want: str = "positive", name: str = "net") -> dict:
    """Networks that tell rows labelled `want` from the rest: positive from negative (`net`), mixed
    from one-sided opinions (`mixed`), or, over every row, plain facts from opinions (`neutral`)."""
    y = np.array([r["label"] == want for r in rows], dtype=np.float32)
    nets = [fit_net(inputs, y, seed) for seed in range(NETS)]
    return {f"{name}_w1": np.stack([n[0] for n in nets]), f"{name}_b1": np.stack([n[1] for n in nets]),
            f"{name}_w2": np.stack([n[2] for n in nets]), f"{name}_b2": np.concatenate([n[3] for n in nets])}


def fit_all_feelings(inputs: np.ndarray, rows: list[dict]) -> dict:
    one_sided = [i for i, r in enumerate(rows) if r["label"] in ("positive", "negative")]
    # Mixed against one-sided, over opinions only: a plain fact is read as one before mixed
    # feelings are asked about, and a thousand of them would only teach the networks that
    # "mixed" is rare.
    opinions = [i for i, r in enumerate(rows) if r["label"] != "neutral"]
    weights = {**fit_feelings(inputs[one_sided], [rows[i] for i in one_sided]),
               **fit_feelings(inputs[opinions], [rows[i] for i in opinions], want="mixed", name="mixed")}
    if any(r["label"] == "neutral" for r in rows):
        weights.update(fit_feelings(inputs, rows, want="neutral", name="neutral"))
    return weights


def fit_tags(rows: list[dict], points: np.ndarray, names_of, *, with_leans: bool = False) -> dict:
    """One yes/no model per name (a theme, an aspect) over families' rows; names_of(row) lists
    the names a row has. Each name's rows weigh as much as the rest together, since most rows
    have none of a given name. With leans (themes), over natural text only (templates repeat
    their clauses, so a lean measured without a row's fold would still have seen its words), the
    models also read how each row's pieces lean to each name, measured without the row's fold,
    and the tables for reading new text are returned as "tables"."""
    from .reader import tag_inputs

    families = [i for i, r in enumerate(rows) if r["register"] == "families"
                and (not with_leans or r["item"].startswith(NATURAL))]
    names = sorted({n for i in families for n in names_of(rows[i])})
    y = np.array([[n in names_of(rows[i]) for n in names] for i in families], dtype=np.float32)
    texts = [rows[i]["text"] for i in families]
    tables = leans = None
    if with_leans:
        tables = phrases.fit_many(texts, y > 0, phrases.THEME_BUCKETS)
        leans = unseen_tag_leans([rows[i] for i in families], y > 0)
    x = tag_inputs(points[families], leans)
    share = y.mean(axis=0)
    w, b = fit(x, y, steps=600, weight=np.where(y > 0, 0.5 / share, 0.5 / (1 - share)))
    return {"w": w, "b": b, "names": names, "tables": tables}


def unseen_tag_leans(rows: list[dict], has: np.ndarray, folds: int = 5) -> np.ndarray:
    """Each row's lean to each name from tables built without its fold (as unseen_leans)."""
    from .reader import THEME_LEAN_SCALE

    lean = np.zeros(has.shape, dtype=np.float32)
    fold = np.array([fold_of(r, folds, salt="lean") for r in rows])
    for k in range(folds):
        kept = np.flatnonzero(fold != k)
        tables = phrases.fit_many([rows[i]["text"] for i in kept], has[kept], phrases.THEME_BUCKETS)
        held = np.flatnonzero(fold == k)
        lean[held] = phrases.leans([rows[i]["text"] for i in held], tables, THEME_LEAN_SCALE)
    return lean


def themes_of(row: dict) -> list[str]:
    return [t for t in row["themes"].split(",") if t]


def aspects_of(row: dict) -> list[str]:
    return [pair.split(":")[0] for pair in row["aspects"].split(";") if pair]


def fold_of(row: dict, folds: int = 5, salt: str = "") -> int:
    """A row's fold: the same item in several languages (a translated set) stays in one fold, so
    no fold is scored on a translation of a text it was trained on."""
    return zlib.crc32((salt + row["item"]).encode()) % folds


def phrase_table(rows: list[dict]) -> np.ndarray:
    one_sided = polar(rows)
    return phrases.fit([r["text"] for r in one_sided], [r["label"] == "positive" for r in one_sided])


def unseen_leans(rows: list[dict], folds: int = 5) -> np.ndarray:
    """Each row's phrase lean from a table built without its fold: the networks learn how far a
    lean can be trusted on text it was not counted from, as every text they read later is."""
    lean = np.zeros(len(rows), dtype=np.float32)
    fold = np.array([fold_of(r, folds, salt="lean") for r in rows])
    for k in range(folds):
        table = phrase_table([r for r, f in zip(rows, fold) if f != k])
        held = np.where(fold == k)[0]
        lean[held] = phrases.leans([rows[i]["text"] for i in held], table)
    return lean


def inputs_of(rows: list[dict], lean: np.ndarray | None = None) -> np.ndarray:
    """The networks' inputs for training rows (lean 0 when the caller fills it in later)."""
    lean = np.zeros(len(rows), dtype=np.float32) if lean is None else lean
    return feeling_inputs([r["text"] for r in rows], [r["lang"] for r in rows], lean)


def fit_reader(rows: list[dict], inputs: np.ndarray) -> dict:
    """Everything the feelings need, from training rows and their inputs (lean column unused)."""
    inputs = inputs.copy()
    inputs[:, -1] = unseen_leans(rows)
    return {**fit_all_feelings(inputs, rows), "phrase_table": phrase_table(rows)}


def fit_model(rows: list[dict], inputs: np.ndarray) -> dict:
    """Every weight the reader stores (reader.Model reads them), from training rows and inputs."""
    themes = fit_tags(rows, inputs, themes_of, with_leans=True)
    aspects = fit_tags(rows, inputs, aspects_of)
    return {**fit_reader(rows, inputs),
            "theme_w": themes["w"], "theme_b": themes["b"], "theme_names": np.array(themes["names"]),
            "theme_tables": themes["tables"],
            "aspect_w": aspects["w"], "aspect_b": aspects["b"], "aspect_names": np.array(aspects["names"])}


def cross_validate(rows: list[dict], folds: int = 5) -> None:
    """Each row of natural text read (as the analysis step reads it) by a model that did not see
    it: accuracy per register and language on positive/negative rows, beside the cues alone
    (English: the field lexicon alone), how many mixed rows and plain facts are found, and how
    many opinions a plain-fact threshold would call neutral."""
    from . import cues, sentiment

    rows = [r for r in rows if r["item"].startswith(NATURAL)]  # templates repeat their clauses
    fold = [fold_of(r, folds) for r in rows]
    inputs = inputs_of(rows)
    right, alone, total = defaultdict(int), defaultdict(int), defaultdict(int)
    plain = np.zeros(len(rows))  # each row's out-of-fold probability of being a plain fact
    themes_found: dict[str, list[tuple[bool, bool]]] = defaultdict(list)  # (labelled, suggested)
    aspect_tones: dict[str, list[bool]] = defaultdict(list)  # per labelled tone: read right?
    for k in range(folds):
        train = [i for i, f in enumerate(fold) if f != k]
        model = Model(weights=fit_model([rows[i] for i in train], inputs[train]))
        held = [i for i, f in enumerate(fold) if f == k]
        if model.neutrality is not None:
            x = inputs[held].copy()
            x[:, -1] = phrases.leans([rows[i]["text"] for i in held], model.phrase_table)
            plain[held] = model.neutrality.probabilities(x)
        for r in (rows[i] for i in held):
            key = (r["label"] if r["label"] in ("mixed", "neutral") else r["register"], r["lang"])
            if r.get("copy"):
                key = ("named", r["lang"])
            total[key] += 1
            reading = model.read(r["text"], r["lang"])
            right[key] += reading.label == r["label"]
            if r["register"] == "families" and not r.get("copy"):
                for name in model.theme_tags.names:
                    themes_found[name].append((name in themes_of(r), name in reading.themes))
                for pair in filter(None, r["aspects"].split(";")):
                    aspect, tone = pair.split(":")
                    aspect_tones[tone].append(reading.aspects.get(aspect) == tone)
            if r["label"] not in ("mixed", "neutral"):
                if r["lang"] == "en":
                    guess = sentiment.score(r["text"]).label
                else:
                    found = cues.feeling(r["text"], r["lang"])
                    guess = sentiment.label_for(np.sign(found.praise - found.complaint))
                alone[key] += guess == r["label"]
    for register in ("families", "reviews", "mixed", "neutral", "named"):
        print(register, "  ".join(f"{key[1]} {right[key] / total[key]:.2f}"
                                  + (f" (cues {alone[key] / total[key]:.2f})" if register in ("families", "reviews") else "")
                                  for key in sorted(total) if key[0] == register))
    one_sided = [k for k in total if k[0] in ("families", "reviews")]
    print(f"mean on positive/negative {np.mean([right[k] / total[k] for k in one_sided]):.3f}")
    f1 = {name: 2 * sum(a and b for a, b in pairs) / max(1, sum(a for a, _ in pairs) + sum(b for _, b in pairs))
          for name, pairs in themes_found.items()}
    print(f"themes macro F1 {np.mean(list(f1.values())):.3f}:", "  ".join(f"{n} {v:.2f}" for n, v in f1.items()))
    every_tone = [right for tones in aspect_tones.values() for right in tones]
    print(f"aspect tones right {np.mean(every_tone):.3f} ({len(every_tone)}):",
          "  ".join(f"{tone} {np.mean(tones):.2f}" for tone, tones in sorted(aspect_tones.items())))
    facts = np.array([r["label"] == "neutral" for r in rows])
    opinions = np.array([r["label"] in ("positive", "negative") for r in rows])
    if facts.any():
        print("plain-fact threshold: facts found / opinions called neutral",
              "  ".join(f"{at:.1f}: {np.mean(plain[facts] >= at):.2f} / {np.mean(plain[opinions] >= at):.3f}"
                        for at in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv", action="store_true", help="print cross-validated accuracy; write nothing")
    args = parser.parse_args()
    rows = train_rows()
    if args.cv:
        cross_validate(rows)
        return
    weights = fit_model(rows, inputs_of(rows))
    # Half precision keeps the file small; the names stay text and the tags' biases as fitted.
    np.savez_compressed(MODEL_PATH, **{k: v if k.endswith(("_names", "_b")) and k.startswith(("theme", "aspect"))
                                       else v.astype(np.float16) for k, v in weights.items()})
    print(f"wrote {MODEL_PATH} from {len(polar(rows))} positive or negative texts and {len(rows)} in all")


if __name__ == "__main__":
    main()
