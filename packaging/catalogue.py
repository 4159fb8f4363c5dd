"""The translation catalogue: extract the words from the code, update each language, compile.

    python packaging/catalogue.py extract          # workshop_app/locale/workshop_app.pot
    python packaging/catalogue.py update           # every language's .po takes new words
    python packaging/catalogue.py init LANG        # start a language: locale/LANG/LC_MESSAGES/
    python packaging/catalogue.py compile          # each .po -> .mo (committed; a test checks)
    python packaging/catalogue.py check            # what the tests check, in one report

The words are found by Babel's Python extractor: ``_()``, ``N_()``, ``p_()``, ``n_()`` (the
layers below the window), ``tr()``, ``trn()``, ``QT_TRANSLATE_NOOP()`` (the window), and
``pN_()``/``npN_()`` (argparse's own words, cli_words.py). The template has no file:line
locations, so editing code never makes it stale; adding or changing a
string does, and ``check`` (and tests/unit/test_catalogue.py) says which.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "workshop_app"
LOCALE = PACKAGE / "locale"
DOMAIN = "workshop_app"
TEMPLATE = LOCALE / f"{DOMAIN}.pot"
KEYWORDS: dict[str, object] = {
    "_": None,
    "N_": None,
    "tr": (1,),
    "trn": (1, 2),
    "n_": (1, 2),
    "p_": ((1, "c"), 2),
    "QT_TRANSLATE_NOOP": ((1, "c"), 2),
    "pN_": ((1, "c"), 2),
    "npN_": ((1, "c"), 2, 3),
}
WIDTH = 100


def extracted() -> Catalog:
    """Every marked string of the package, as a template catalogue (no locations)."""
    catalog = Catalog(project="workshop-app", domain=DOMAIN, fuzzy=False)
    found = extract_from_dir(
        str(PACKAGE),
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=("Translators:",),
        strip_comment_tags=True,
    )
    for _filename, _line, message, comments, context in found:
        catalog.add(message, None, auto_comments=comments, context=context)
    return catalog


def keys(catalog: Catalog) -> set[tuple[str | None, str]]:
    """(context, msgid) of every message; a plural's msgid is its singular and plural joined."""
    return {(m.context, _msgid(m)) for m in catalog if m.id}


def _msgid(message: Message) -> str:
    return "\x00".join(message.id) if isinstance(message.id, (list, tuple)) else message.id


def languages() -> list[str]:
    return sorted(p.parent.parent.name for p in LOCALE.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def read(path: Path, language: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=language, domain=DOMAIN)


def write(path: Path, catalog: Catalog) -> None:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=WIDTH, no_location=True, sort_output=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue())


def compiled(language: str) -> bytes:
    """The .mo that ``language``'s .po compiles to (fuzzy entries left out)."""
    buffer = io.BytesIO()
    write_mo(buffer, read(po_path(language), language), use_fuzzy=False)
    return buffer.getvalue()


def mo_path(language: str) -> Path:
    return po_path(language).with_suffix(".mo")


def untranslated(catalog: Catalog) -> Iterator[Message]:
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
        if message.fuzzy or not all(strings):
            yield message


def extract() -> None:
    catalog = extracted()
    if TEMPLATE.exists():  # the date moves only when the words do: no churn in git
        old = read(TEMPLATE)
        if keys(old) == keys(catalog):
            catalog.creation_date = old.creation_date
    write(TEMPLATE, catalog)
    print(f"{TEMPLATE.relative_to(ROOT)}: {len(keys(catalog))} messages")


def update() -> None:
    template = read(TEMPLATE)
    for language in languages():
        catalog = read(po_path(language), language)
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        write(po_path(language), catalog)
        left = sum(1 for _ in untranslated(catalog))
        print(f"{po_path(language).relative_to(ROOT)}: {left} to translate")


def init(language: str) -> None:
    if po_path(language).exists():
        raise SystemExit(f"{po_path(language)} exists already: use update")
    catalog = Catalog(
        locale=language,
        domain=DOMAIN,
        project="workshop-app",
        header_comment=f"# {language} translation of workshop-app.\n# A draft until reviewed.",
        fuzzy=False,  # a fuzzy header would be left out of the .mo, and its plural rule with it
    )
    catalog.update(read(TEMPLATE), no_fuzzy_matching=True)
    write(po_path(language), catalog)
    print(f"{po_path(language).relative_to(ROOT)}: started; add it to LANGUAGES in i18n.py")


def compile_all() -> None:
    for language in languages():
        mo_path(language).write_bytes(compiled(language))
        print(f"{mo_path(language).relative_to(ROOT)}: compiled")


def check() -> int:
    problems: list[str] = []
    template = read(TEMPLATE)
    now = extracted()
    for _context, msgid in sorted(keys(now) - keys(template), key=str):
        problems.append(f"not in the template (run extract): {msgid!r}")
    for _context, msgid in sorted(keys(template) - keys(now), key=str):
        problems.append(f"in the template but no longer in the code (run extract): {msgid!r}")
    for language in languages():
        catalog = read(po_path(language), language)
        missing = keys(template) - keys(catalog)
        problems += [f"{language}: missing (run update): {m!r}" for _c, m in sorted(missing)]
        problems += [f"{language}: untranslated: {m.id!r}" for m in untranslated(catalog)]
        if not mo_path(language).exists() or mo_path(language).read_bytes() != compiled(language):
            problems.append(f"{language}: the .mo is out of date (run compile)")
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problems" if problems else "the catalogue is complete and compiled")
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["extract", "update", "init", "compile", "check"])
    parser.add_argument("language", nargs="?")
    args = parser.parse_args(argv)
    if args.command == "extract":
        extract()
    elif args.command == "update":
        update()
    elif args.command == "init":
        if not args.language:
            parser.error("init needs a language code, e.g. init ga")
        init(args.language)
    elif args.command == "compile":
        compile_all()
    else:
        return check()
    return 0


if __name__ == "__main__":
    sys.exit(main())
