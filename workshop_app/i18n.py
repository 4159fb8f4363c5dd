"""Every word a person reads, in their language: one gettext catalogue for every layer.

The catalogue is gettext's (``locale/workshop_app.pot`` and one ``.po`` per language, compiled
to ``.mo`` by ``packaging/catalogue.py``), read with the standard library's ``gettext``:

- domain, storage, report and the command line call ``_()``, ``n_()`` and ``p_()`` here. They
  may not import Qt (docs/architecture.md), and the report is often made with no window at all.
- the window calls Qt's own ``QCoreApplication.translate`` through ``ui/common/i18n.py``'s
  ``tr()``/``trn()``; the translator installed there answers from this same catalogue. So a
  language is one file to translate, with gettext's plural rules (Welsh has six forms), in any
  gettext editor (Poedit, Weblate, Lokalize).

Counts are written ``%n`` in both layers, as in Qt: ``n_("%n note", "%n notes", n)``. Other
values are named: ``_("Saved at {time}").format(time=...)``. Never an f-string inside ``_()``:
the words would not be found in the catalogue (tests/unit/test_i18n_calls.py checks).

A string made at import time (a module-level table) is marked with ``N_()`` and translated
where it is shown: ``_(LABELS[kind])``.

The language is the app's (``set_language``: the window's, or the command line's), and may be
changed for a stretch of work with ``using(code)``: the report is printed in its own language
whatever the window's is. ``using`` is a context variable, so a worker thread that renders a
report wraps its work in ``using(code)`` itself.

Dates, times and numbers are formatted for the language by Babel (``format_*`` below), imported
on first use so that it costs the window's first frame nothing.
"""

from __future__ import annotations

import gettext
import math
import os
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime, time
from functools import cache
from pathlib import Path

DOMAIN = "workshop_app"
#: The language the words are written in: it needs no catalogue.
SOURCE = "en"
#: The pseudo-locale: every translated string bracketed, accented and 40% longer, so that a
#: string left untranslated, or a label too narrow for a longer language, shows at a glance.
PSEUDO = "qps-ploc"
#: Languages a person can choose, each by the name it calls itself.
LANGUAGES: dict[str, str] = {"en": "English", "cy": "Cymraeg"}
#: Translations not yet reviewed by a speaker of the language: the menu and About say so.
DRAFT: frozenset[str] = frozenset({"cy"})
#: Where the catalogues live: inside the package, so that every install (pip, a frozen build)
#: carries them beside the code that reads them.
LOCALE_DIR = Path(__file__).parent / "locale"
#: Languages whose numbers are written in Latin digits: counts under 1,000 need no Babel.
_LATIN_DIGITS = frozenset({"en", "cy", PSEUDO})

_language = SOURCE
_override: ContextVar[str | None] = ContextVar("workshop_app_language", default=None)


# -- which language ----------------------------------------------------------------------------


def normalise(code: str | None) -> str | None:
    """``"cy_GB.UTF-8"``, ``"cy-GB"``, ``"CY"`` -> ``"cy"``; the pseudo-locale's code as it is;
    None for a language the app does not have."""
    if not code:
        return None
    text = code.strip()
    if text.lower() == PSEUDO:
        return PSEUDO
    base = re.split(r"[_\-.@]", text, maxsplit=1)[0].lower()
    return base if base in LANGUAGES else None


def pick(preferences: Sequence[str]) -> str:
    """The first of a person's languages (most preferred first) that the app has, else English."""
    for code in preferences:
        found = normalise(code)
        if found is not None:
            return found
    return SOURCE


def system_language() -> str:
    """The system's language as gettext finds it (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), if the
    app has it. The window asks Qt instead (QLocale.uiLanguages), which also knows Windows' and
    macOS's settings; the command line uses this."""
    preferences: list[str] = []
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            preferences.extend(value.split(":"))
    if not preferences:
        import locale

        found = locale.getlocale(locale.LC_CTYPE)[0]
        if found:
            preferences.append(found)
    return pick(preferences)


def set_language(code: str) -> str:
    """Make ``code`` the app's language (the window's, the command line's); returns the code it
    settled on. An unknown code is refused with a message for a person."""
    global _language
    found = normalise(code)
    if found is None:
        known = ", ".join(sorted(LANGUAGES))
        raise ValueError(f"there is no “{code}” translation (the app has: {known})")
    _language = found
    return found


def language() -> str:
    """The language words come out in here and now: a ``using()`` stretch's, else the app's."""
    return _override.get() or _language


def app_language() -> str:
    """The app's language, whatever a ``using()`` stretch says."""
    return _language


@contextmanager
def using(code: str | None) -> Iterator[str]:
    """Words come out in ``code`` until the block ends (None: the app's language)."""
    found = normalise(code) if code else None
    if code and found is None:
        raise ValueError(f"there is no “{code}” translation")
    token = _override.set(found)
    try:
        yield found or _language
    finally:
        _override.reset(token)


def is_draft(code: str) -> bool:
    return code in DRAFT


# -- the words ---------------------------------------------------------------------------------


@cache
def translations(code: str) -> gettext.NullTranslations:
    """The catalogue for ``code``. English, or a language whose file is missing, gives the words
    as written (with English plurals); the pseudo-locale gives them bracketed."""
    if code == PSEUDO:
        return PseudoTranslations()
    if code == SOURCE:
        return gettext.NullTranslations()
    try:
        return gettext.translation(DOMAIN, LOCALE_DIR, [code])
    except OSError:
        return gettext.NullTranslations()


def _(text: str) -> str:
    """``text`` in the current language."""
    return translations(language()).gettext(text)


def N_(text: str) -> str:
    """Marks ``text`` for the catalogue without translating it yet (a module-level table)."""
    return text


def p_(context: str, text: str) -> str:
    """``text`` in the current language, where the same English needs telling apart."""
    return translations(language()).pgettext(context, text)


def n_(singular: str, plural: str, n: int) -> str:
    """A counted phrase: ``n_("%n note", "%n notes", 3)`` -> "3 notes" (Welsh has six forms)."""
    chosen = translations(language()).ngettext(singular, plural, n)
    return chosen.replace("%n", format_number(n))


# -- numbers and dates -------------------------------------------------------------------------


def babel_locale(code: str | None = None) -> str:
    """The CLDR locale that formats numbers and dates for ``code`` (the pseudo-locale: English)."""
    found = code or language()
    return SOURCE if found == PSEUDO else found


def format_number(value: float) -> str:
    """1234 -> "1,234" in English and Welsh; as the language writes it elsewhere."""
    lang = language()
    if isinstance(value, int) and -1000 < value < 1000 and lang in _LATIN_DIGITS:
        return str(value)
    from babel.numbers import format_decimal

    return str(format_decimal(value, locale=babel_locale(lang)))


def format_percent(fraction: float) -> str:
    """0.25 -> "25%"."""
    from babel.numbers import format_percent as babel_percent

    return str(babel_percent(fraction, locale=babel_locale()))


def format_date(value: date, width: str = "medium") -> str:
    """A date as the language writes it: width "short", "medium", "long" or "full", or a CLDR
    pattern ("d MMMM")."""
    from babel.dates import format_date as babel_date

    return str(babel_date(value, format=width, locale=babel_locale()))


def format_time(value: time | datetime, width: str = "short") -> str:
    """A clock time as the language writes it ("14:05" in Welsh, "2:05 PM" in US English)."""
    from babel.dates import format_time as babel_time

    return str(babel_time(value, format=width, locale=babel_locale()))


def format_datetime(value: datetime, width: str = "medium") -> str:
    from babel.dates import format_datetime as babel_datetime

    return str(babel_datetime(value, format=width, locale=babel_locale()))


# -- the pseudo-locale ---------------------------------------------------------------------------

_PLAIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ACCENTED = "áƀçḋéƒĝĥíĵķļḿñóþǫŕšţúṽŵẋýžÁƁÇḊÉƑĜĤÍĴĶĻḾÑÓÞǪŔŠŢÚṼŴẊÝŽ"
#: What a translation must keep as it is: counts, named values, markup, entities, line breaks.
PLACEHOLDER = r"%L?n|%\(\w+\)[sdrf]|%[sdrf%]|\{[^{}]*\}|<[^<>]*>|&[a-zA-Z#0-9]+;|\n"


@cache
def _placeholder() -> re.Pattern[str]:
    """Compiled on first use: the window's start pays nothing for the pseudo-locale."""
    return re.compile(PLACEHOLDER)


#: Qt's own words (standard buttons, a text box's menu, message boxes) that the pseudo-locale
#: brackets too; a real language translates them in its .po under the same context.
QT_CONTEXTS = frozenset({"QPlatformTheme", "QMessageBox", "QLineEdit", "QWidgetTextControl"})
PSEUDO_OPEN, PSEUDO_CLOSE = "[", "]"


def pseudo(text: str) -> str:
    """ "Save a copy" -> "[Šáṽé á çóþý ~~~~]": accented outside its placeholders, 40% longer."""
    if not text:
        return text
    parts: list[str] = []
    letters = 0
    at = 0
    accent = str.maketrans(_PLAIN, _ACCENTED)
    for match in _placeholder().finditer(text):
        plain = text[at : match.start()]
        parts.append(plain.translate(accent))
        letters += len(plain)
        parts.append(match.group())
        at = match.end()
    plain = text[at:]
    parts.append(plain.translate(accent))
    letters += len(plain)
    pad = math.ceil(letters * 0.4)
    padding = " ".join("~" * min(6, pad - start) for start in range(0, pad, 6))
    return f"{PSEUDO_OPEN}{''.join(parts)} {padding}{PSEUDO_CLOSE}" if pad else text


class PseudoTranslations(gettext.NullTranslations):
    """The pseudo-locale as a catalogue: every message bracketed, as if translated."""

    def gettext(self, message: str) -> str:
        return pseudo(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:
        return pseudo(message)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)


def placeholders(text: str) -> list[str]:
    """The placeholders a translation of ``text`` must keep (sorted; markup left out)."""
    found = _placeholder().findall(text)
    return sorted(p for p in found if not p.startswith(("<", "&", "\n")))


def describe(code: str) -> str:
    """ "Cymraeg (draft)" for the language menu and the report's options."""
    if code == PSEUDO:
        return "Pseudo-locale (for testing)"
    name = LANGUAGES.get(code, code)
    return _("{language} (draft translation)").format(language=name) if code in DRAFT else name
