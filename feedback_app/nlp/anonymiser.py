"""Taking what identifies people out of good-practice stories (PRODUCT.md, "What counts as
identifying"), in every language the story form is offered in; docs/anonymiser.md has the
figures.

    result = anonymise("my son abdi goes to brecknock primary.")
    result.text      # "My son goes to a local school."
    result.entities  # [Entity(start=0, end=12, label="PERSON", placeholder="my son"), …]

The finders live beside this module: anonymiser_rules.py (what has a regular shape, and places),
anonymiser_people.py (names: cues in any case, the lists in given_names.py, capitals, spaCy's
small English model), name_tagger.py (a sequence tagger trained on the labelled stories, which
finds names, places, ages and dates by their place in the sentence and their shape, in every
language, where no rule found anything), story_language.py (which language a story is in and
what each needs).

Placeholders read as part of the sentence ("our social worker", "a street nearby", "a local
school", "my son"), in the story's own language; the moderator sees each one highlighted and
is told where a sentence may read oddly (`odd_sentences`). The same person is called the same
way throughout. Entity offsets point into the input text. The moderator has the final word.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import name_tagger, story_language
from .anonymiser_people import KEEP_PLACES, NOT_NAMES, arabic_role, english_people, model, other_people, sentence_start
from .anonymiser_people import _AR_POSSESSIVES as AR_POSSESSIVES
from .anonymiser_people import _ZH_SURNAMES as ZH_SURNAMES
from .anonymiser_people import _text_speak as text_speak
from .anonymiser_rules import _AR_KEEP_PLACES as AR_KEEP_PLACES
from .anonymiser_rules import _ZH_NOT_PLACE as ZH_NOT_PLACES
from .anonymiser_rules import _DAYS, _MONTHS, AR_DURATION_BEFORE, NUMBER_WORDS, rule_entities, zipf
from .given_names import FAMILY_NAMES, LATIN_NAMES, NATIVE_SCRIPT_NAMES

# Contacts and numbers: the benchmark holds these to a higher recall target.
CONTACT_LABELS = {"PHONE", "EMAIL", "URL", "HANDLE", "POSTCODE", "NHS_NUMBER", "CASE_REF", "CAR_REG"}

_PLACEHOLDERS = {
    "PLACE": "a nearby area", "HOME_TOWN": "our home town", "ADDRESS": "a street nearby",
    "ESTATE": "an estate nearby", "POSTCODE": "a local postcode", "SCHOOL": "a local school",
    "SURGERY": "a local surgery", "HOSPITAL": "a hospital", "OFFICE": "a local centre",
    "TEAM": "the team", "CLUB": "a local club", "SITE": "a site nearby", "PHONE": "a phone number",
    "EMAIL": "an email address", "URL": "a website", "HANDLE": "an account name", "DATE": "that day",
    "AGE": "young", "AGE_BRACKET": "", "CASE_REF": "a reference number", "NHS_NUMBER": "an NHS number",
    "CAR_REG": "a number plate",
}
_PEOPLE = ["someone", "someone else", "another person"]

# Higher wins when two detections overlap.
_PRIORITY = {
    "EMAIL": 9, "URL": 9, "HANDLE": 8, "NHS_NUMBER": 8, "PHONE": 8, "POSTCODE": 8, "CAR_REG": 8,
    "CASE_REF": 7, "HOSPITAL": 7, "ADDRESS": 7, "ESTATE": 7, "SCHOOL": 7, "SURGERY": 7, "OFFICE": 7,
    "CLUB": 7, "SITE": 7, "TEAM": 7, "DATE": 6, "AGE": 6, "AGE_BRACKET": 6, "HOME_TOWN": 6, "PERSON": 5,
    "PERSON_ZH_TITLE": 5, "PLACE": 4,
}
_DETERMINER_BEFORE = re.compile(r"(?:\b(?:the|our|my|their|his|her|your|this|that)\s+)$", re.IGNORECASE)


@dataclass(frozen=True)
class Entity:
    start: int
    end: int
    label: str
    placeholder: str

    def as_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "label": self.label,
                "placeholder": self.placeholder}


@dataclass(frozen=True)
class Result:
    text: str
    entities: list[Entity]
    language: str = "en"
    # Whether the automatic check reads this language well enough (story_language.CHECKED).
    checked: bool = True


def _choose(candidates):
    """Keep the best of overlapping detections: the more certain kind, then the longer."""
    chosen = []
    ranked = sorted(candidates, key=lambda c: (-_PRIORITY[c[2]], -(c[1] - c[0]), c[0]))
    for cand in ranked:
        if cand[1] <= cand[0]:
            continue
        overlapping = [c for c in chosen if c[0] < cand[1] and cand[0] < c[1]]
        if not overlapping:
            chosen.append(cand)
        elif cand[2] in ("PERSON", "PLACE", "HOME_TOWN") and all(
                c[2] in ("PERSON", "PLACE") or (c[2] == "HOME_TOWN" and cand[2] == "PERSON" and cand[3])
                for c in overlapping) and \
                cand[0] <= min(c[0] for c in overlapping) and cand[1] >= max(c[1] for c in overlapping) \
                and (cand[1] - cand[0] > max(c[1] - c[0] for c in overlapping) or cand[3]):
            # A wider person span ("my son Tyler") swallows a narrower one ("Tyler"), and a name
            # after a cue swallows a town it shares a word with ("aabaha Maxamed Cali", not Cali).
            for c in overlapping:
                chosen.remove(c)
            chosen.append(cand)
    return sorted(chosen)


def _key_words(text: str, span: tuple[int, int, str, str | None]) -> list[str]:
    """The words that stand for a person in a span: "my son Tyler Brown" → ["tyler", "brown"]."""
    start, end, _label, cue = span
    value = text[start:end]
    if cue and value.lower().startswith(cue.lower()):
        value = value[len(cue):]
    value = re.sub(r"^\W*(?:mr|mrs|ms|miss|mx|dr|prof|imam|auntie|aunty)\.?\s+", "", value, flags=re.IGNORECASE)
    value = re.sub(r"[,()]?\s*(?:my|our|the|his|her|their)\s+\w+(?:\s+\w+)?\)?$", "", value, flags=re.IGNORECASE) \
        if cue and not text[start:end].lower().startswith(cue.lower()) else value
    return [w.lower() for w in re.findall(r"[^\W\d_][\w'’-]*", value) if len(w) > 1]


def _with_tagger(text: str, language: str, chosen: list) -> list:
    """The rules' spans and the name tagger's: a rule's span wins an overlap, and a tagger span
    of the same kind that runs on past one ("abu" before "karim", a family name after "my son
    Tyler") widens it, keeping the rule's kind and cue."""
    lang = story_language.LANGUAGES.get(language)
    for start, end, label, _probability in name_tagger.find(text, language):
        if label in ("PLACE", "HOME_TOWN") and text[start:end].lower() in KEEP_PLACES:
            continue
        if label == "PERSON":
            start, end = _without_kept_words(text, start, end, lang)
            if end <= start:
                continue
            if language == "zh_Hans" and text[start] not in ZH_SURNAMES and text[max(0, start - 1):start] in ZH_SURNAMES:
                start -= 1  # "黄国栋": the tagger found the given name; the family name before it goes too
        if label in ("PLACE", "HOME_TOWN") and text[start:end] in AR_KEEP_PLACES:
            continue
        if label in ("PLACE", "HOME_TOWN") and language == "zh_Hans" and any(
                word in text[max(0, start - 3):end + 3] and text[start:end] in word for word in ZH_NOT_PLACES):
            continue  # "国" of "中国": part of a word the rules keep
        if label != "PERSON" and language == "zh_Hans" and len(_ZH_KEPT_PLACE.sub("", text[start:end])) < 2:
            continue  # "怕卡姆登": one everyday character beside a place the rules keep
        if label in ("AGE", "DATE") and language == "en" and not _ENGLISH_NUMBER.search(text[start:end]):
            continue  # "abdi is braver now"
        if label in ("AGE", "DATE") and re.search(r"[^\W\d_]-$", text[max(0, start - 2):start]):
            continue  # a number that is part of a word: "covid-19"
        if label == "DATE" and re.fullmatch(r"\d{1,2}[.:]\d{2}", text[start:end]) \
                and re.search(r"\b(?:at|by|from|until|till|before|after)\s+$", text[max(0, start - 8):start], re.IGNORECASE):
            continue  # "we met at 15.04": a time of day
        if label == "AGE" and language == "en" and _COUNTED.match(text, end):
            continue  # "the report is 12 pages long": a count of something, not an age
        if label == "PERSON" and language == "ar" and all(_arabic_plural(w) for w in text[start:end].split()):
            continue  # "كنت أنا وزوجي متوترين": "tense", said of the two of us
        if label == "PERSON" and language == "ar" and re.fullmatch(AR_POSSESSIVES, text[start:end]):
            continue  # "ديالنا": "our", said after the noun in Moroccan Arabic
        if label == "PERSON" and language == "ar" and text[start:end] in ("عمره", "عمرها", "عمري", "عمرهم"):
            continue  # "ابني عمره…": "his age", which the age rules read
        if label in ("AGE", "DATE") and language == "ar" and AR_DURATION_BEFORE.search(text, 0, start) \
                and _AR_SPAN_OF_TIME.search(text[start:end]) and not re.search(r"[\d٠-٩]{4}", text[start:end]):
            continue  # "منذ سنتين", "لمدة 3 سنوات": how long, not how old nor when
        if label == "PERSON" and language == "en" and not any(ch.isupper() for ch in text[start:end]) \
                and all(_typo_or_text_speak(w) for w in re.findall(r"[^\W\d_]+", text[start:end])):
            continue  # "becuase the advocate came"
        overlapping = [c for c in chosen if c[0] < end and start < c[1]]
        if not overlapping:
            chosen.append((start, end, label, None))
        elif all(c[2] == label for c in overlapping) and (start < min(c[0] for c in overlapping)
                                                         or end > max(c[1] for c in overlapping)):
            # The rule's kind and cue stay: "karim" widens to "abu karim", "Siân" and "Gwilym" join.
            for c in overlapping:
                chosen.remove(c)
            cue = next((c[3] for c in overlapping if c[3]), None)
            chosen.append((min(start, *(c[0] for c in overlapping)), max(end, *(c[1] for c in overlapping)),
                           label, cue))
        elif label not in ("PERSON", "PLACE", "HOME_TOWN") and all(c[2] == "PLACE" for c in overlapping) \
                and start <= min(c[0] for c in overlapping) and end >= max(c[1] for c in overlapping):
            # A named club or school around a neighbourhood ("Glwb Bocsio Somers Town"), as the
            # rules' own order has it.
            for c in overlapping:
                chosen.remove(c)
            chosen.append((start, end, label, None))
    return sorted(chosen)


# A number standing alone ("14th", "(4)"; not "2gether", "b4"), a number word, a month or a day.
_ENGLISH_NUMBER = re.compile(rf"(?<![^\W\d_])\d+(?:st|nd|rd|th)?(?![^\W\d_])|\b(?:{'|'.join(NUMBER_WORDS)}|"
                             rf"{_MONTHS}|{_DAYS})\b", re.IGNORECASE)


_ZH_KEPT_PLACE = re.compile("|".join(sorted(ZH_NOT_PLACES, key=len, reverse=True)))
_COUNTED = re.compile(r"\s+(?:pages?|minutes?|mins?|hours?|hrs?|times?|people|pounds?|quid|miles?|percent|"
                      r"sessions?|meetings?|calls?|texts?|emails?|letters?|visits?|workers?)\b", re.IGNORECASE)
_AR_SPAN_OF_TIME = re.compile(r"سنوات|سنة|سنين|سنتين|أشهر|اشهر|شهور|شهرين|أسابيع|أسبوعين|أيام|ايام|يوم|عام|أعوام")


def _arabic_plural(word: str) -> bool:
    """An Arabic word of five letters or more in the sound plural ("متوترين", "خائفون"): an
    adjective or participle said of several people, not a given name, unless the name list has it
    ("ياسمين")."""
    return len(word) >= 5 and word.endswith(("ين", "ون")) and word not in NATIVE_SCRIPT_NAMES["ar"]


def _typo_or_text_speak(word: str) -> bool:
    """A text-speak word, or an everyday English word with one letter swapped, left out or added
    ("becuase", "becase"): not a name, though rare."""
    low = word.lower()
    if low in LATIN_NAMES or low in FAMILY_NAMES:
        return False
    if text_speak(low):
        return True
    if len(low) < 5:
        return False
    letters = "abcdefghijklmnopqrstuvwxyz"
    variants = {low[:i] + low[i + 1] + low[i] + low[i + 2:] for i in range(len(low) - 1)}
    variants |= {low[:i] + low[i + 1:] for i in range(len(low))}
    variants |= {low[:i] + c + low[i:] for i in range(len(low) + 1) for c in letters}
    return any(zipf(v) >= 4.5 for v in variants - {low})


_TITLE = re.compile(r"(?:mr|mrs|ms|miss|mx|dr|prof|imam|sheikh|auntie|aunty)\.?", re.IGNORECASE)


def _without_kept_words(text: str, start: int, end: int, lang) -> tuple[int, int]:
    """A tagged name without the words the rules keep at either end: words of thanks and
    kinship, an honorific after a name ("Hanım", which then stands for the person), "Diolch",
    "Londyn", function words."""
    words = list(re.finditer(r"[^\W\d_][\w'’-]*", text[start:end]))

    def kept(word: str) -> bool:
        bare = re.split(r"['’]", word, maxsplit=1)[0]
        if bare.lower() in NOT_NAMES:
            return True  # words of thanks and kinship ("Jiddo", "Teta", "Hooyo")
        if lang is not None and lang.code == "ar" and arabic_role(bare):
            return True  # "أحمد المحامي": the job after a name stays
        return lang is not None and (bare in lang.keep or bare.lower() in lang.markers or bool(
            lang.honorifics_after and re.fullmatch(lang.honorifics_after, bare)))

    while words and kept(words[-1].group(0)):
        words.pop()
    while words and kept(words[0].group(0)) and not _TITLE.fullmatch(words[0].group(0)):
        words.pop(0)  # a title goes with the name ("ms chan" → "someone", not "ms someone")
    if not words:
        return start, start
    return start + words[0].start(), start + words[-1].end()


def find_entities(text: str, language: str | None = None) -> list[Entity]:
    return _analyse(text, language)[0]


def _analyse(text: str, language: str | None) -> tuple[list[Entity], str]:
    if not text or not text.strip():
        return [], language or "en"
    language = language or story_language.detect(text)
    lang = story_language.LANGUAGES.get(language)
    candidates = [(s, e, label, None) for s, e, label in rule_entities(text, language)
                  if not (label in ("PLACE", "HOME_TOWN") and text[s:e].lower() in KEEP_PLACES)]
    candidates += english_people(text) if language == "en" else other_people(text, language)
    chosen = _choose(candidates)
    chosen = _with_tagger(text, language, chosen)

    # The same person is named the same way throughout: by role if any mention has one.
    people: dict[str, str] = {}
    for span in chosen:
        if span[2] == "PERSON" and span[3]:
            for word in _key_words(text, span):
                people.setdefault(word, span[3])
    unnamed = 0
    generic = [lang.placeholders["PERSON"], lang.placeholders["PERSON2"]] if lang else _PEOPLE
    for span in chosen:
        if span[2] == "PERSON" and not span[3]:
            words = _key_words(text, span)
            if not any(w in people for w in words):
                name = generic[min(unnamed, len(generic) - 1)]
                unnamed += 1
                for word in words:
                    people.setdefault(word, name)

    # Every later mention of a known name goes too ("Okafor" after "Mrs Okafor", "abdi" after "Abdi").
    extra = []
    for word in people:
        for match in re.finditer(rf"(?<![\w'’])(?:{_TITLE.pattern}\s+)?{re.escape(word)}(?![\w])", text, re.IGNORECASE):
            extra.append((match.start(), match.end(), "PERSON", None))
    chosen = _choose(chosen + extra)

    entities = []
    for span in chosen:
        start, end, label, cue = span
        if label == "PERSON":
            words = _key_words(text, span)
            placeholder = cue or next((people[w] for w in words if w in people), generic[0])
            placeholder = _lower_first(placeholder)
        elif label == "PERSON_ZH_TITLE":
            label, placeholder = "PERSON", "某"
        else:
            placeholder = _placeholder(text, start, end, label, lang)
        if label == "PERSON" and lang is not None and lang.honorifics_after and not cue:
            honorific = re.match(rf"\s+(?:{lang.honorifics_after})(?![^\W\d_])", text[end:])
            if honorific:
                # "Ahmet Bey geldi" → "Bey geldi": the honorific stays and stands for the person.
                placeholder = ""
                end += len(honorific.group(0)) - len(honorific.group(0).lstrip())
        entities.append(Entity(start, end, label, placeholder))
    return entities, language


def _lower_first(words: str) -> str:
    first = words.split(" ", 1)[0]
    if first.isupper() and len(first) > 1:
        return words  # "IRO", "GP"
    return words[:1].lower() + words[1:]


def _placeholder(text: str, start: int, end: int, label: str, lang) -> str:
    value = text[start:end].lower()
    if lang is not None:
        kind = {"ESTATE": "ADDRESS", "HOME_TOWN": "PLACE", "AGE_BRACKET": "AGE"}.get(label, label)
        if label == "AGE_BRACKET":
            return ""
        placeholder = lang.placeholders.get(kind, lang.placeholders["DETAIL"])
        if label == "DATE" and re.search(r"\d{4}|[〇零一二][〇零一二三四五六七八九]{3}", value) \
                and not re.search(r"(?<!\d)\d{1,2}(?!\d)", value):
            placeholder = story_language.YEAR_PLACEHOLDERS.get(lang.code, placeholder)  # "desde ese año"
        if lang.articles_before and lang.indefinite and re.search(
                rf"(?<![^\W\d_])(?:{lang.articles_before})\s*$", text[:start], re.IGNORECASE):
            # "en la calle Gaisford" → "en la calle cercana", "na rua Agar" → "na rua próxima"
            placeholder = re.sub(rf"^(?:{lang.indefinite})\s+", "", placeholder, flags=re.IGNORECASE)
        return placeholder
    placeholder = _PLACEHOLDERS[label]
    if label == "ADDRESS":
        if re.match(r"(?:flat|apartment|apt|unit)\b", value):
            placeholder = "our flat"
        elif re.search(r"\b(?:house|court|tower|towers|buildings|flats|mansions|lodge)$", value):
            placeholder = "a block of flats nearby"
        elif re.match(r"\d", value):
            placeholder = "an address nearby"
    elif label in ("SURGERY", "OFFICE"):
        kind = re.search(r"(children['’]?s centre|family centre|family hub|contact centre|town hall|library|"
                         r"police station|offices?|mosque|masjid|church|temple|gurdwara|synagogue|"
                         r"community centre|food ?bank|refuge|hostel|surgery|medical centre|health centre|"
                         r"medical practice|practice|clinic|pharmacy|hospital)$", value)
        if kind:
            placeholder = "a local " + kind.group(1).replace("’", "'")
    elif label == "SCHOOL":
        kind = re.search(r"(nursery|college|academy|sixth form)", value)
        if kind:
            placeholder = "a local " + kind.group(1)
    elif label == "AGE":
        if re.search(r"\d\s?(?:yo|y/o)\b|\b(?:year|month|week)[\s-]old$", value):
            placeholder = "little one"
        elif re.match(r"(?:aged?|ages|age of)\b", value):
            placeholder = "of a young age"
    elif label == "DATE":
        if not re.search(r"\d{1,2}(?:st|nd|rd|th)?\b(?!\d)", value) or re.fullmatch(r"\D*\d{4}", value):
            placeholder = "that year" if re.fullmatch(r"\d{4}", value) else "that month"
        if re.match(r"\d{1,2}(?:st|nd|rd|th)?\s*(?:of\s+)?[a-z]", value) or re.search(r"\d/\d", value):
            placeholder = "that day"
    if _DETERMINER_BEFORE.search(text[:start]) and re.match(r"(?:a|an|the|our)\s", placeholder):
        placeholder = placeholder.split(" ", 1)[1]  # "on the Maiden Lane Estate" → "on the estate nearby"
    return placeholder


def segments(text: str, entities) -> list[tuple[str, str | None]]:
    """The anonymised text as (part, placeholder-or-None): what the moderator sees highlighted."""
    parts, position = [], 0
    for entity in sorted(entities, key=lambda e: _get(e, "start")):
        start, end = _get(entity, "start"), _get(entity, "end")
        if start < position:
            continue
        parts.append((text[position:start], None))
        parts.append((_capitalised(text, start, _get(entity, "placeholder")), _get(entity, "placeholder")))
        position = end
    parts.append((text[position:], None))
    return [(part, mark) for part, mark in parts if part or mark is not None]


def apply(text: str, entities: list[Entity] | list[dict]) -> str:
    """`text` with each entity's span replaced by its placeholder (spans must not overlap)."""
    return "".join(part for part, _mark in segments(text, entities))


def _get(entity, key):
    return entity[key] if isinstance(entity, dict) else getattr(entity, key)


def _capitalised(text: str, start: int, placeholder: str) -> str:
    if placeholder.startswith("[") and sentence_start(text, start):  # a moderator's "[a detail]"
        return "[" + placeholder[1:2].upper() + placeholder[2:]
    if sentence_start(text, start):
        return placeholder[:1].upper() + placeholder[1:]
    return placeholder


def anonymise(text: str, language: str | None = None) -> Result:
    entities, language = _analyse(text, language)
    return Result(apply(text, entities), entities, language, story_language.is_checked(language))


def odd_sentences(text: str, entities) -> list[str]:
    """Sentences of the anonymised text that may read oddly after the replacements: two
    placeholders side by side, a word said twice at a join, or more placeholder than story."""
    parts = segments(text, entities)
    flagged: list[str] = []
    anonymised = "".join(p for p, _m in parts)
    marks, position = [], 0
    for part, mark in parts:
        if mark is not None:
            marks.append((position, position + len(part)))
        position += len(part)
    for sentence in re.finditer(r"[^.!?\n]+[.!?]*", anonymised):
        inside = [(s, e) for s, e in marks if sentence.start() <= s < sentence.end()]
        if not inside:
            continue
        words = re.findall(r"\w+", sentence.group(0))
        marked = sum(len(re.findall(r"\w+", anonymised[s:e])) for s, e in inside)
        odd = len(words) >= 3 and marked * 2 > len(words)
        for (s1, e1), (s2, _e2) in zip(inside, inside[1:]):
            if not anonymised[e1:s2].strip(" ,"):
                odd = True
        for s, e in inside:
            before = re.findall(r"\w+", anonymised[max(0, s - 30):s])
            after = re.findall(r"\w+", anonymised[e:e + 30])
            own = re.findall(r"\w+", anonymised[s:e])
            if own and ((before and before[-1].lower() == own[0].lower())
                        or (after and after[0].lower() == own[-1].lower())):
                odd = True
            if not own and before and after and before[-1].lower() in ("is", "was", "aged", "of"):
                odd = True
        if odd:
            flagged.append(sentence.group(0).strip())
    return flagged


def warm_up() -> None:
    """Load the models now (a CLI command or a worker may want to pay the cost up front); a
    missing name tagger model is an error here, not fewer names found later."""
    model()
    name_tagger.load()
    from .anonymiser_rules import zipf

    zipf("warm", "en")
