"""Builds public_given_names.txt: the Latin-script given names of the tables the Faker package
(MIT) ships for the countries the families here come from, which come from public name
statistics (the ONS's tables of baby names for England and Wales, and their like elsewhere), not
from anyone's records. Only Faker's name lists are read; its generators are never used.

`python -m feedback_app.nlp.public_names` writes the file (Faker is installed with the test
extra); `tests/test_anonymiser_generalising.py` checks the stored file is what this gives. Left
out: names the project's own lists already hold, names shorter than three letters, and names that
are this common as a word in English or their own language (a Zipf frequency of 4 or more:
"luz", "paris", "hope"), which the project's lists and the cues handle. Turkey's table is not
used: most Turkish given names are everyday words too ("Sevgi", "Yıldız"), and with them the
name tagger took more ordinary Turkish words.
"""
from __future__ import annotations

import importlib

from .given_names import OWN_NAMES, PUBLIC_NAMES_FILE, WORD_NAMES

# Faker's table -> the language whose word frequencies tell an everyday word.
TABLES = {"en_GB": "en", "en_IE": "en", "ga_IE": "en", "en_NG": "en", "yo_NG": "en", "ig_NG": "en",
          "tw_GH": "en", "en_PK": "en", "en_IN": "en", "pl_PL": "pl", "ro_RO": "ro", "es_ES": "es",
          "es_MX": "es", "es_CO": "es", "fr_FR": "fr", "pt_BR": "pt", "pt_PT": "pt"}
EVERYDAY_ZIPF = 4.0


def public_names() -> list[str]:
    from wordfreq import zipf_frequency

    listed = OWN_NAMES | WORD_NAMES
    names = set()
    for table, language in TABLES.items():
        provider = importlib.import_module(f"faker.providers.person.{table}").Provider
        for kind in ("first_names", "first_names_male", "first_names_female"):
            for name in getattr(provider, kind, ()) or ():
                low = name.lower()
                if len(low) < 3 or not low.isalpha() or low in listed:
                    continue
                if max(zipf_frequency(low, "en"), zipf_frequency(low, language)) >= EVERYDAY_ZIPF:
                    continue
                names.add(low)
    return sorted(names)


def main() -> None:
    names = public_names()
    PUBLIC_NAMES_FILE.write_text("\n".join(names) + "\n", encoding="utf-8")
    print(f"wrote {PUBLIC_NAMES_FILE} ({len(names)} names)")


if __name__ == "__main__":
    main()
