"""The translation catalogue is complete, consistent and compiled (packaging/catalogue.py).

- the template lists exactly the strings the code marks (extract after adding or changing one);
- every language translates every message, each plural in all its forms, keeping the
  placeholders ({name}, %n) a translation must carry;
- the committed .mo is what the .po compiles to, and gettext reads Welsh's six plural forms.
"""

from __future__ import annotations

import gettext
import importlib.util
import io
import sys
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo

from workshop_app import i18n

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("catalogue", ROOT / "packaging" / "catalogue.py")
assert spec is not None and spec.loader is not None
catalogue = importlib.util.module_from_spec(spec)
sys.modules["catalogue"] = catalogue
spec.loader.exec_module(catalogue)


def test_the_template_lists_exactly_the_strings_the_code_marks() -> None:
    marked = catalogue.keys(catalogue.extracted())
    listed = catalogue.keys(catalogue.read(catalogue.TEMPLATE))
    assert sorted(marked - listed, key=str) == [], "run: python packaging/catalogue.py extract"
    assert sorted(listed - marked, key=str) == [], "run: python packaging/catalogue.py extract"


def test_every_language_in_the_menu_has_a_catalogue_and_back() -> None:
    assert set(catalogue.languages()) == set(i18n.LANGUAGES) - {i18n.SOURCE}


@pytest.mark.parametrize("language", sorted(set(i18n.LANGUAGES) - {i18n.SOURCE}))
def test_every_message_is_translated_keeping_its_placeholders(language: str) -> None:
    template = catalogue.read(catalogue.TEMPLATE)
    translated = catalogue.read(catalogue.po_path(language), language)
    assert catalogue.keys(template) - catalogue.keys(translated) == set(), "run update"
    assert [m.id for m in catalogue.untranslated(translated)] == []
    wrong = []
    for message in translated:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = i18n.placeholders(ids[-1])
        for text in strings:
            if i18n.placeholders(text) != wanted and not (
                # a plural form for exactly one thing may say the number in words
                len(ids) == 2
                and [p for p in wanted if p != "%n"]
                == [p for p in i18n.placeholders(text) if p != "%n"]
            ):
                wrong.append((ids[0], text))
    assert wrong == []


@pytest.mark.parametrize("language", catalogue.languages())
def test_the_committed_mo_is_what_the_po_compiles_to(language: str) -> None:
    assert catalogue.mo_path(language).read_bytes() == catalogue.compiled(language), (
        "run: python packaging/catalogue.py compile"
    )
    compiled = read_mo(io.BytesIO(catalogue.mo_path(language).read_bytes()))
    assert compiled.num_plurals == catalogue.read(catalogue.po_path(language), language).num_plurals


def test_welsh_reads_its_six_plural_forms() -> None:
    welsh = gettext.translation(i18n.DOMAIN, i18n.LOCALE_DIR, ["cy"])
    assert [welsh.plural(n) for n in (0, 1, 2, 3, 6, 7, 100)] == [0, 1, 2, 3, 4, 5, 5]
    assert welsh.ngettext("%n note", "%n notes", 6) == "%n nodyn"  # Welsh counts in the singular
