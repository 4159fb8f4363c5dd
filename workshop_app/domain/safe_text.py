"""User text made safe for where it goes: a terminal, a spreadsheet, a Markdown file.

A title or a note may hold control characters (pasted from elsewhere, or from a damaged or foreign
file). A terminal runs some of them as commands (``ESC ]0;…`` retitles the window, ``ESC [2J``
clears it); spreadsheets and Markdown viewers show them as junk. ``for_terminal`` makes every
such character visible as an escape (``\\x1b``); ``without_controls`` drops them, keeping the
ones that are whitespace as a space.
"""

from __future__ import annotations

import re

#: C0 and C1 control characters and DEL, except tab and line feed.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: The same, but carriage return is kept too (CSV and Markdown line ends).
_CONTROL_BUT_LINES = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def for_terminal(text: str) -> str:
    """``text`` with each control character (but newline and tab) shown as ``\\xNN``, and any lone
    surrogate as ``\\udNNN``, so printing it can neither steer the terminal nor fail."""
    text = _CONTROL.sub(lambda m: f"\\x{ord(m[0]):02x}", text)
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text


def without_controls(text: str) -> str:
    """``text`` without control characters; those that are whitespace (vertical tab, form feed,
    the separators, next line) become a space. Tab, line feed and carriage return are kept."""
    return _CONTROL_BUT_LINES.sub(lambda m: " " if m[0].isspace() else "", text)


def pieces(text: str, limit: int) -> list[str]:
    """``text`` cut into pieces of at most ``limit`` characters, each ending at a line end or a
    space when one is in its second half; joined together they give ``text`` back."""
    out = []
    while len(text) > limit:
        cut = max(text.rfind("\n", limit // 2, limit), text.rfind(" ", limit // 2, limit))
        cut = cut + 1 if cut > 0 else limit
        out.append(text[:cut])
        text = text[cut:]
    return [*out, text]
