"""Every catalog is complete, compiled and in step with the code."""
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from feedback_app.config import LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "translations"
LANGS = [code for code in LANGUAGES if code != "en_GB"]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


def _forms(message) -> tuple[str, ...]:
    """A message's translations: one, or one per plural form."""
    return message.string if isinstance(message.string, tuple) else (message.string,)


def _key(message) -> tuple[str, str]:
    """A message by its context and id: "Child protection conference" as a kind of meeting and
    as a glossary entry are two messages."""
    return (message.context or "", message.id if isinstance(message.id, str) else message.id[0])


def _catalog(code):
    with open(TRANSLATIONS / code / "LC_MESSAGES" / "messages.po", "rb") as f:
        return read_po(f, locale=code)


@pytest.fixture(scope="module")
def source_messages(tmp_path_factory):
    """The messages the code asks for now, extracted afresh."""
    pot = tmp_path_factory.mktemp("pot") / "messages.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "-q", "extract", "-F", "babel.cfg",
         "-k", "N_", "-k", "_l", "-k", "pgettext:1c,2", "-k", "lazy_pgettext:1c,2", "-o", str(pot), "."],
        cwd=ROOT, check=True,
    )
    with open(pot, "rb") as f:
        return {_key(m) for m in read_po(f) if m.id}


def test_every_shipped_language_has_a_catalog():
    assert sorted(p.name for p in TRANSLATIONS.iterdir() if p.is_dir()) == sorted(LANGS)


@pytest.mark.parametrize("code", LANGS)
def test_catalog_is_complete_and_not_fuzzy(code):
    catalog = _catalog(code)
    missing = [m.id for m in catalog if m.id and (not all(_forms(m)) or m.fuzzy)]
    assert missing == [], f"{code}: {len(missing)} untranslated or fuzzy, e.g. {missing[:3]}"


@pytest.mark.parametrize("code", LANGS)
def test_translations_keep_their_placeholders(code):
    wrong = []
    for m in _catalog(code):
        if not m.id:
            continue
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        expected = set(PLACEHOLDER.findall(ids[-1]))
        # A plural form may leave out the number ("one card"), never add or misspell a placeholder.
        if any(form and set(PLACEHOLDER.findall(form)) - expected for form in _forms(m)):
            wrong.append(m.id)
        if not isinstance(m.id, tuple) and m.string and set(PLACEHOLDER.findall(m.string)) != expected:
            wrong.append(m.id)
    assert wrong == []


@pytest.mark.parametrize("code", LANGS)
def test_catalog_matches_the_code(code, source_messages):
    """A string added to the code without `make update-catalogs` and a translation fails here."""
    in_catalog = {_key(m) for m in _catalog(code) if m.id}
    assert sorted(source_messages - in_catalog) == []
    assert sorted(in_catalog - source_messages) == []


@pytest.mark.parametrize("code", LANGS)
def test_catalog_is_compiled(code):
    po = TRANSLATIONS / code / "LC_MESSAGES" / "messages.po"
    mo = po.with_suffix(".mo")
    assert mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime, "run `make translations`"
