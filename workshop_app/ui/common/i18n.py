"""The window's words: Qt's ``tr()`` (QCoreApplication.translate), answered from the app's one
gettext catalogue (workshop_app/i18n.py).

Every string a person reads in the window goes through ``tr()`` or, counted, ``trn()``:

    tr("Save a Copy…")
    trn("%n note", "%n notes", count)          # Qt puts the count in for %n
    tr("Saved at {time}").format(time=...)   # other values by name, after translating

``trn`` hands the English plural to Qt as the disambiguation, so the translator below can ask
gettext for the right one of a language's forms (English two, Welsh six). Strings in module-level
tables are marked with ``N_()`` (from workshop_app.i18n) and passed through ``tr()`` when shown.

The translator is installed on the first ``tr()`` (so every window, tests' included, has it)
or by ``install()`` at start-up with the chosen language. Qt's own words (standard buttons, a
text box's menu) come through it too, under their Qt context: see qt_words.py.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from workshop_app import i18n

#: The one translation context of the app's own words.
CONTEXT = "workshop_app"

_translator: CatalogueTranslator | None = None


class CatalogueTranslator(QTranslator):
    """A QTranslator that answers from gettext: the app's words, and Qt's under their context."""

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str:
        catalogue = i18n.translations(i18n.app_language())
        if context == CONTEXT:
            if n >= 0 and disambiguation:
                return catalogue.ngettext(source_text, disambiguation, n)
            return catalogue.gettext(source_text)
        if context in i18n.QT_CONTEXTS or i18n.app_language() != i18n.PSEUDO:
            return catalogue.pgettext(context, source_text)
        return source_text

    def isEmpty(self) -> bool:
        return False


def install(code: str | None = None) -> str:
    """Use ``code`` (None: keep the current language) for the window's words from now on, and
    format numbers and dates for it. Returns the language in use."""
    global _translator
    if code is not None:
        i18n.set_language(code)
    language = i18n.app_language()
    QLocale.setDefault(qlocale())
    app = QCoreApplication.instance()
    if _translator is None and app is not None:
        _translator = CatalogueTranslator(app)
        QCoreApplication.installTranslator(_translator)
    return language


def qlocale() -> QLocale:
    """The QLocale of the window's language (English for the pseudo-locale)."""
    return QLocale(i18n.babel_locale(i18n.app_language()))


def _installed() -> bool:
    """The translator is installed (on the first call, if an application exists by then)."""
    if _translator is None:
        install()
    return _translator is not None


def tr(text: str, disambiguation: str | None = None) -> str:
    """``text`` in the window's language."""
    if not _installed():  # no application yet: the catalogue directly
        return i18n.translations(i18n.app_language()).gettext(text)
    return QCoreApplication.translate(CONTEXT, text, disambiguation)


def trn(singular: str, plural: str, n: int) -> str:
    """A counted phrase in the window's language: ``trn("%n note", "%n notes", 3)`` -> "3 notes"."""
    if not _installed():  # no application yet (a model on its own): Qt would answer the singular
        chosen = i18n.translations(i18n.app_language()).ngettext(singular, plural, n)
        return chosen.replace("%n", str(n))
    return QCoreApplication.translate(CONTEXT, singular, plural, n)


def system_language() -> str:
    """The system's language for the window, as Qt reads it (Windows' and macOS's settings too),
    if the app has it; else English."""
    return i18n.pick(QLocale.system().uiLanguages())
