"""Plan mode's keys, read from ``keymap`` (the one table of every key): the list editors and
the section list install them by id, and the hint under the section list is written from there.

Who owns what (the contexts are in ``keymap``):
- ``plan.add`` and ``plan.add_tables`` belong to the section editor that has the focus
  (anywhere in it); File ▸ New event… is Ctrl+Shift+N so that Ctrl+N has one owner.
- ``plan.delete``, ``plan.move_up`` and ``plan.move_down`` belong to the list itself: in a cell
  being edited, the prompt box or the breakout's question list those keys edit text or open a
  choice instead.
- ``plan.sections`` takes the focus back to the section list from anywhere in a section.
- F2 (``plan.edit``) is Qt's edit key: it edits the current cell; on a cell worked out from
  elsewhere (a question's prompt, an agenda item's start or questions) it goes to the field that
  sets it.
"""

from __future__ import annotations

from workshop_app.ui.common.keymap import shown


def list_description(noun: str) -> str:
    """A list's accessible description: every key it answers to."""
    return (
        f"{shown('plan.add')} adds a {noun}, {shown('plan.edit')} edits the cell, "
        f"{shown('plan.delete')} removes the {noun}, {shown('plan.move_up')} and "
        f"{shown('plan.move_down')} move it, {shown('plan.sections')} goes back to the sections"
    )


def hint() -> tuple[tuple[str, str], ...]:
    """The hint under the section list, one (keys, what they do) line per key."""
    return (
        (shown("plan.into"), "into the section"),
        (shown("plan.sections"), "back to this list"),
        (shown("plan.add"), "add a row"),
        (shown("plan.edit"), "edit the cell"),
        (shown("plan.delete"), "remove the row"),
        (f"{shown('plan.move_up')}/{shown('plan.move_down').split('+')[-1]}", "move the row"),
    )
