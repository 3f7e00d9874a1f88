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


def _catalog(code):
    with open(TRANSLATIONS / code / "LC_MESSAGES" / "messages.po", "rb") as f:
        return read_po(f, locale=code)


@pytest.fixture(scope="module")
def source_messages(tmp_path_factory):
    """The messages the code asks for now, extracted afresh."""
    pot = tmp_path_factory.mktemp("pot") / "messages.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "-q", "extract", "-F", "babel.cfg",
         "-k", "N_", "-k", "_l", "-o", str(pot), "."],
        cwd=ROOT, check=True,
    )
    with open(pot, "rb") as f:
        return {m.id for m in read_po(f) if m.id}


def test_every_shipped_language_has_a_catalog():
    assert sorted(p.name for p in TRANSLATIONS.iterdir() if p.is_dir()) == sorted(LANGS)


@pytest.mark.parametrize("code", LANGS)
def test_catalog_is_complete_and_not_fuzzy(code):
    catalog = _catalog(code)
    missing = [m.id for m in catalog if m.id and (not m.string or m.fuzzy)]
    assert missing == [], f"{code}: {len(missing)} untranslated or fuzzy, e.g. {missing[:3]}"


@pytest.mark.parametrize("code", LANGS)
def test_translations_keep_their_placeholders(code):
    wrong = [m.id for m in _catalog(code) if m.id and m.string
             and sorted(PLACEHOLDER.findall(m.id)) != sorted(PLACEHOLDER.findall(m.string))]
    assert wrong == []


@pytest.mark.parametrize("code", LANGS)
def test_catalog_matches_the_code(code, source_messages):
    """A string added to the code without `make update-catalogs` and a translation fails here."""
    in_catalog = {m.id for m in _catalog(code) if m.id}
    assert sorted(source_messages - in_catalog) == []
    assert sorted(in_catalog - source_messages) == []


@pytest.mark.parametrize("code", LANGS)
def test_catalog_is_compiled(code):
    po = TRANSLATIONS / code / "LC_MESSAGES" / "messages.po"
    mo = po.with_suffix(".mo")
    assert mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime, "run `make translations`"
