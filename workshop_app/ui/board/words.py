"""The Board's words where they are asked for often: ``tr`` and ``trn`` (ui/common/i18n.py),
each answer kept per language.

The canvas paints its cards' and columns' words on every frame and the outline writes a line
for each of 10,000 notes on every rebuild: asking Qt's translator (and gettext behind it) each
time costs a frame's budget. Here each message (and count) is asked once per language, then
read from a table. Everywhere else on the Board calls ui/common/i18n.py's ``tr`` directly.
"""

from __future__ import annotations

from functools import lru_cache

from workshop_app import i18n
from workshop_app.ui.common import i18n as window_words


@lru_cache(maxsize=1024)
def _tr(language: str, text: str) -> str:
    return window_words.tr(text)


@lru_cache(maxsize=8192)
def _trn(language: str, singular: str, plural: str, n: int) -> str:
    return window_words.trn(singular, plural, n)


def tr(text: str) -> str:
    """``text`` in the window's language (asked once per language)."""
    return _tr(i18n.app_language(), text)


def trn(singular: str, plural: str, n: int) -> str:
    """A counted phrase in the window's language (asked once per language and count)."""
    return _trn(i18n.app_language(), singular, plural, n)
