"""Builds public_given_names.txt and public_script_names.txt: the given names (and, in Arabic and
Bengali script, the family names) of the tables the Faker package (MIT) ships for the countries
the families here come from, which come from public name statistics (the ONS's tables of baby
names for England and Wales, and their like elsewhere), not from anyone's records. Only Faker's
name lists are read; its generators are never used.

`python -m feedback_app.nlp.public_names` writes the files (Faker is installed with the test
extra); `tests/test_anonymiser_generalising.py` checks the stored files are what this gives. Left
out: names the project's own lists already hold, names shorter than three letters, and names that
are this common as a word in English or their own language (a Zipf frequency of 4 or more:
"luz", "paris", "hope"), which the project's lists and the cues handle. Turkey's table is not
used: most Turkish given names are everyday words too ("Sevgi", "Yıldız"), and with them the
name tagger took more ordinary Turkish words.
"""
from __future__ import annotations

import importlib
import re
import unicodedata

from .given_names import NATIVE_SCRIPT_NAMES, OWN_NAMES, PUBLIC_NAMES_FILE, PUBLIC_SCRIPT_NAMES_FILE, WORD_NAMES

# Faker's table -> the language whose word frequencies tell an everyday word.
TABLES = {"en_GB": "en", "en_IE": "en", "ga_IE": "en", "en_NG": "en", "yo_NG": "en", "ig_NG": "en",
          "tw_GH": "en", "en_PK": "en", "en_IN": "en", "pl_PL": "pl", "ro_RO": "ro", "es_ES": "es",
          "es_MX": "es", "es_CO": "es", "fr_FR": "fr", "pt_BR": "pt", "pt_PT": "pt"}
EVERYDAY_ZIPF = 4.0
# Arabic- and Bengali-script tables. A listed given name is taken as a name wherever it stands,
# and in these languages many names are everyday words too ("أحلام" dreams, "বৃষ্টি" rain), so the
# bar is lower; a family name is only looked for right after a given name, with the same bar
# ("সরকার", a family name, is first of all "government").
SCRIPT_TABLES = {"ar": ("ar_AA", "ar_PS", "ar_SA", "ar_DZ"), "bn": ("bn_BD",)}
SCRIPT_EVERYDAY_ZIPF = 3.5
_MARKS = re.compile("[\u064B-\u0652\u0670\u0640]")  # Arabic vowel marks and the stretching tatweel


GIVEN = ("first_names", "first_names_male", "first_names_female")


def _table_names(table: str, attributes: tuple[str, ...]):
    """The names of one of Faker's person tables, from the lists named (not all tables have each)."""
    provider = importlib.import_module(f"faker.providers.person.{table}").Provider
    for attribute in attributes:
        yield from getattr(provider, attribute, ()) or ()


def public_names() -> list[str]:
    from wordfreq import zipf_frequency

    listed = OWN_NAMES | WORD_NAMES
    names = set()
    for table, language in TABLES.items():
        for name in _table_names(table, GIVEN):
            low = name.lower()
            if len(low) < 3 or not low.isalpha() or low in listed:
                continue
            if max(zipf_frequency(low, "en"), zipf_frequency(low, language)) >= EVERYDAY_ZIPF:
                continue
            names.add(low)
    return sorted(names)


def _letters_only(name: str) -> bool:
    """Letters, a script's vowel signs and spaces: no digits, brackets or other marks."""
    return all(ch == " " or unicodedata.category(ch)[0] in "LM" for ch in name)


def public_script_names() -> list[str]:
    """Lines "<language> given|family <name>", a name of several words kept whole ("تاج الدين")."""
    from wordfreq import zipf_frequency

    lines = set()
    for language, tables in SCRIPT_TABLES.items():
        own = NATIVE_SCRIPT_NAMES[language]
        for table in tables:
            for kind, attributes in (("given", GIVEN), ("family", ("last_names",))):
                for name in _table_names(table, attributes):
                    name = " ".join(_MARKS.sub("", name).split())
                    if name in own or len(name) < 3 or not _letters_only(name) or any(
                            zipf_frequency(word, language) >= SCRIPT_EVERYDAY_ZIPF for word in name.split()):
                        continue
                    lines.add(f"{language} {kind} {name}")
    return sorted(lines)


def main() -> None:
    names = public_names()
    PUBLIC_NAMES_FILE.write_text("\n".join(names) + "\n", encoding="utf-8")
    print(f"wrote {PUBLIC_NAMES_FILE} ({len(names)} names)")
    lines = public_script_names()
    PUBLIC_SCRIPT_NAMES_FILE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {PUBLIC_SCRIPT_NAMES_FILE} ({len(lines)} names)")


if __name__ == "__main__":
    main()
