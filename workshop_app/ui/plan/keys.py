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

from workshop_app.ui.common.i18n import tr
from workshop_app.ui.common.keymap import shown


def list_description(noun: str) -> str:
    """A list's accessible description: every key it answers to."""
    # Translators: {thing} is a lower-case record name ("speaker"); the others are keys
    return tr(
        "{add} adds a {thing}, {edit} edits the cell, {delete} removes the {thing}, {up} and "
        "{down} move it, {back} goes back to the sections"
    ).format(
        thing=noun,
        add=shown("plan.add"),
        edit=shown("plan.edit"),
        delete=shown("plan.delete"),
        up=shown("plan.move_up"),
        down=shown("plan.move_down"),
        back=shown("plan.sections"),
    )


def hint() -> tuple[tuple[str, str], ...]:
    """The hint under the section list, one (keys, what they do) line per key."""
    return (
        (shown("plan.into"), tr("into the section")),
        (shown("plan.sections"), tr("back to this list")),
        (shown("plan.add"), tr("add a row")),
        (shown("plan.edit"), tr("edit the cell")),
        (shown("plan.delete"), tr("remove the row")),
        (f"{shown('plan.move_up')}/{shown('plan.move_down').split('+')[-1]}", tr("move the row")),
    )
