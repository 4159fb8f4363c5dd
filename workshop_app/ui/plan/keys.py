"""Plan mode's keys, in one place: the list editors and the section list install them from here,
and the on-screen hint under the section list is written from here.

Who owns what:
- ``ADD`` and ``ADD_TABLES`` belong to the section editor that has the focus (anywhere in it);
  File ▸ New event… is Ctrl+Shift+N so that Ctrl+N has one owner.
- ``DELETE``, ``MOVE_UP`` and ``MOVE_DOWN`` belong to the list itself: in a cell being edited,
  the prompt box or the breakout's question list those keys edit text or open a choice instead.
- ``SECTIONS`` takes the focus back to the section list from anywhere in a section.
- F2 is Qt's edit key: it edits the current cell; on a cell worked out from elsewhere (a
  question's prompt, an agenda item's start or questions) it goes to the field that sets it.
"""

from __future__ import annotations

ADD = ("Ctrl+N", "Insert")
ADD_TABLES = ("Ctrl+Shift+T",)
DELETE = ("Delete",)
MOVE_UP = ("Alt+Up",)
MOVE_DOWN = ("Alt+Down",)
SECTIONS = ("Alt+Left",)
EDIT = ("F2",)


def shown(keys: tuple[str, ...]) -> str:
    """How keys are written for people: "Ctrl+N or Insert"."""
    return " or ".join(keys)


def list_description(noun: str) -> str:
    """A list's accessible description: every key it answers to."""
    return (
        f"{shown(ADD)} adds a {noun}, {shown(EDIT)} edits the cell, {shown(DELETE)} removes "
        f"the {noun}, {shown(MOVE_UP)} and {shown(MOVE_DOWN)} move it, {shown(SECTIONS)} goes "
        "back to the sections"
    )


#: The hint under the section list, one line per key.
HINT = (
    ("Tab", "into the section"),
    (shown(SECTIONS), "back to this list"),
    (shown(ADD), "add a row"),
    (shown(EDIT), "edit the cell"),
    (shown(DELETE), "remove the row"),
    ("Alt+Up/Down", "move the row"),
)
