"""Capture's keys, read from ``keymap`` (the one table of every key, ids "capture.…"): the page
installs them by id and the on-screen hint is written from there.

No card command is a printable key: a note-taker typing prose while a card has the focus must
never star, move or delete anything (the characters go to the note box instead, see
``type_to_box``).
"""

from __future__ import annotations

from workshop_app.ui.common.i18n import tr
from workshop_app.ui.common.keymap import KIND_KEYS, keys_of, shown

__all__ = ["KIND_KEYS", "hint", "keys_of"]


def hint() -> str:
    """The line under the note box."""
    s = shown
    return tr(
        "{save} saves · {newline} new line · {clear} clears · {kind} kind · "
        "{previous}/{next} question · {search} search · on a card: {edit} edit, "
        "{star} star, {move} move, {delete} to Trash"
    ).format(
        save=s("capture.save"),
        newline=s("capture.newline"),
        clear=s("capture.clear"),
        kind=s("capture.kind"),
        previous=s("capture.previous"),
        next=s("capture.next").split("+")[-1],
        search=s("capture.search"),
        edit=s("capture.edit"),
        star=s("capture.star"),
        move=s("capture.move"),
        delete=s("capture.delete"),
    )
