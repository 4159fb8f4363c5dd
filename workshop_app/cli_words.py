"""argparse's own words ("usage:", "options", its error messages) through the app's catalogue.

argparse reads them with the gettext functions it imported under the module names ``_`` and
``ngettext``, in gettext's global domain and the environment's language, so ``--lang`` would not
reach them. ``install()`` points those two names at the app's catalogue, under the context
"argparse", in the language the command line chose. The words are listed here for the catalogue
(``pN_``/``npN_`` mark a message with its context without translating it).
"""

from __future__ import annotations

from workshop_app import i18n

CONTEXT = "argparse"


def pN_(context: str, text: str) -> str:
    return text


def npN_(context: str, singular: str, plural: str) -> tuple[str, str]:
    return singular, plural


#: What argparse says to a person (Python 3.11 to 3.13): the usage line, the help's headings and
#: the errors a command line can meet. Its programmer-only messages are left out.
WORDS = (
    pN_("argparse", "usage: "),
    pN_("argparse", "positional arguments"),
    pN_("argparse", "options"),
    pN_("argparse", "show this help message and exit"),
    pN_("argparse", "argument %(argument_name)s: %(message)s"),
    pN_("argparse", "unrecognized arguments: %s"),
    pN_("argparse", "the following arguments are required: %s"),
    pN_("argparse", "one of the arguments %s is required"),
    pN_("argparse", "not allowed with argument %s"),
    pN_("argparse", "ignored explicit argument %r"),
    pN_("argparse", "expected one argument"),
    pN_("argparse", "expected at most one argument"),
    pN_("argparse", "expected at least one argument"),
    pN_("argparse", "ambiguous option: %(option)s could match %(matches)s"),
    pN_("argparse", "unexpected option string: %s"),
    pN_("argparse", "invalid %(type)s value: %(value)r"),
    pN_("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
)
PLURAL_WORDS = (npN_("argparse", "expected %s argument", "expected %s arguments"),)


def _gettext(message: str) -> str:
    if not message:
        return message
    return i18n.translations(i18n.language()).pgettext(CONTEXT, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return i18n.translations(i18n.language()).npgettext(CONTEXT, singular, plural, n)


def install() -> None:
    """From now on argparse speaks the command line's language."""
    import argparse

    argparse._ = _gettext  # type: ignore[attr-defined]
    argparse.ngettext = _ngettext  # type: ignore[attr-defined]
