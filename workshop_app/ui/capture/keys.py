"""Capture's keys, in one table: what installs them, the on-screen hint and README's key table.

No card command is a printable key: a note-taker typing prose while a card has the focus must
never star, move or delete anything (the characters go to the note box instead, see
``type_to_box``). Each row says where the key works (``place``), the keys (Qt's portable text,
as ``QKeySequence`` reads it) and what it does, in the words of the README table.
"""

from __future__ import annotations

from dataclasses import dataclass

NOTE_BOX = "note box"
CARDS = "a card"
TRASH = "a card in Trash"
PAGE = "anywhere"


@dataclass(frozen=True)
class CaptureKey:
    """One command of Capture: ``name`` is what the code connects to, ``keys`` its keys."""

    name: str
    place: str
    keys: tuple[str, ...]
    does: str


KIND_KEYS = tuple(f"Alt+{n}" for n in range(1, 6))

CAPTURE_KEYS: tuple[CaptureKey, ...] = (
    CaptureKey(
        "save",
        NOTE_BOX,
        ("Return", "Enter"),
        "save the note (the first one asks which table this laptop is; on a quote, Enter "
        "first moves to Said by, where Enter saves; Enter in Role saves too)",
    ),
    CaptureKey("newline", NOTE_BOX, ("Shift+Return",), "new line"),
    CaptureKey("clear", NOTE_BOX, ("Esc",), "clear the box"),
    CaptureKey("kind", NOTE_BOX, KIND_KEYS, "idea, concern, quote, action, question"),
    CaptureKey("previous", PAGE, ("Ctrl+PgUp",), "previous question"),
    CaptureKey("next", PAGE, ("Ctrl+PgDown",), "next question"),
    CaptureKey("follow", PAGE, ("Alt+B",), "back to the running breakout's question"),
    CaptureKey("table", PAGE, ("Alt+T",), "change this laptop's table"),
    CaptureKey("search", PAGE, ("Ctrl+F",), "search every note of the event"),
    CaptureKey("edit", CARDS, ("F2",), "edit the card in place (Enter saves, Esc cancels)"),
    CaptureKey("star", CARDS, ("Ctrl+D",), "star or unstar"),
    CaptureKey("card_kind", CARDS, KIND_KEYS, "change the kind"),
    CaptureKey("move", CARDS, ("Ctrl+M",), "move to another question"),
    CaptureKey("delete", CARDS, ("Del",), "delete (to the Trash tab)"),
    CaptureKey("restore", TRASH, ("Ctrl+R", "Return"), "restore the deleted note"),
)

BY_NAME = {key.name: key for key in CAPTURE_KEYS}


def keys_of(name: str) -> tuple[str, ...]:
    return BY_NAME[name].keys


def shown(name: str) -> str:
    """The keys of ``name`` as the hint and README write them."""
    keys = keys_of(name)
    if keys == KIND_KEYS:
        return "Alt+1…5"
    if name == "save":
        return "Enter"
    return " / ".join(k.replace("PgDown", "PgDn").replace("Return", "Enter") for k in keys)


HINT = (
    f"{shown('save')} saves · {shown('newline')} new line · "
    f"{shown('clear')} clears · {shown('kind')} kind · {shown('previous')}/PgDn question · "
    f"{shown('search')} search · on a card: {shown('edit')} edit, {shown('star')} star, "
    f"{shown('move')} move, {shown('delete')} delete"
)


def readme_rows() -> list[str]:
    """README's Capture key table, row by row (a test keeps the README equal to this)."""
    rows = ["| where | key | does |", "| --- | --- | --- |"]
    for key in CAPTURE_KEYS:
        rows.append(f"| {key.place} | {shown(key.name)} | {key.does} |")
    return rows
