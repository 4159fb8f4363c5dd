"""Capture's keys, read from ``keymap`` (the one table of every key, ids "capture.…"): the page
installs them by id and the on-screen hint is written from there.

No card command is a printable key: a note-taker typing prose while a card has the focus must
never star, move or delete anything (the characters go to the note box instead, see
``type_to_box``).
"""

from __future__ import annotations

from workshop_app.ui.common.keymap import KIND_KEYS, keys_of, shown

__all__ = ["HINT", "KIND_KEYS", "hint", "keys_of"]


def hint() -> str:
    """The line under the note box."""
    s = shown
    return (
        f"{s('capture.save')} saves · {s('capture.newline')} new line · "
        f"{s('capture.clear')} clears · {s('capture.kind')} kind · "
        f"{s('capture.previous')}/{s('capture.next').split('+')[-1]} question · "
        f"{s('capture.search')} search · on a card: {s('capture.edit')} edit, "
        f"{s('capture.star')} star, {s('capture.move')} move, {s('capture.delete')} to Trash"
    )


HINT = hint()
