"""The Board's operations, on record ids: every view (outline, canvas, write-up, matrix, plenary)
calls these and nothing else to change themes, votes and stars.

Each call is ONE undo step (a QUndoCommand through ``DocumentModel``) written in ONE committed
transaction, whatever the number of notes: grouping 500 notes is one step and one transaction.
A call that would change nothing pushes no step. Views hear of a change through
``DocumentModel.changed`` (kind ``Note`` and/or ``Theme``) once it is on disk.

"Not yet sorted" is a note whose ``theme_id`` is None. Themes are never hard-deleted: deleting or
ungrouping one tombstones it (undo brings back the same theme, same id) and files its notes back
under "Not yet sorted", in the same step.

Votes: a note and a theme each have their own ``votes`` (never below 0). A theme's total, shown
and used for ranking, is its own votes plus its notes' votes (``theme_total``).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject

from workshop_app.domain.records import MAX_VOTES, Note, Theme
from workshop_app.domain.wording import plural
from workshop_app.ui.commands import AddRecords, DeleteRecords
from workshop_app.ui.common.announce import announce
from workshop_app.ui.document_model import DocumentModel


def _title(title: str) -> str:
    return f"“{title.strip()}”" if title.strip() else "a new theme"


def group_into_new_theme(
    model: DocumentModel, question_id: str | None, note_ids: Iterable[str], title: str = ""
) -> str:
    """Make a theme under ``question_id`` titled ``title`` and file ``note_ids`` under it (taking
    them out of any theme they were in). Returns the new theme's id. One step."""
    ids = list(dict.fromkeys(note_ids))
    theme = Theme(question_id=question_id, title=title.strip())
    add = AddRecords(model, [theme])
    files = model.update_same_step(Note, ids, {"theme_id": theme.id})
    model.push_steps([add, files], label=f"Group {plural(len(ids), 'note')} into {_title(title)}")
    return theme.id


#: How a step's label reads once done, for a screen reader ("Move 2 notes to ..." -> "Moved ...").
DONE = {"Group": "Grouped", "Move": "Moved"}


def announce_step(widget: QObject, model: DocumentModel, before: int) -> None:
    """Say the step just taken (a group or a move; ``before``: the undo stack's index before it)
    in its own words, as done: "Grouped 3 notes into a new theme", "Moved 2 notes to “Access”"
    (polite). Nothing when no step was taken."""
    verb, _, rest = model.undo_stack.undoText().partition(" ")
    if model.undo_stack.index() != before and verb in DONE:
        announce(widget, f"{DONE[verb]} {rest}")


def move_to_theme(model: DocumentModel, note_ids: Iterable[str], theme_id: str | None) -> None:
    """File ``note_ids`` under ``theme_id`` (None: back to "Not yet sorted"). One step.
    Raises ValueError if a note belongs to another question than the theme."""
    ids = list(dict.fromkeys(note_ids))
    if not ids:
        return
    if theme_id is not None:
        theme = model.get(Theme, theme_id)
        notes = model.document.records(Note, ids)
        if any(n.question_id != theme.question_id for n in notes):
            raise ValueError("A theme can only hold notes of its own question.")
        where = _title(theme.title) if theme.title.strip() else "an untitled theme"
        label = f"Move {plural(len(ids), 'note')} to {where}"
    else:
        label = f"Move {plural(len(ids), 'note')} to Not yet sorted"
    model.push_steps([model.update_same_step(Note, ids, {"theme_id": theme_id})], label=label)


def _dissolve(model: DocumentModel, theme_id: str, label: str) -> None:
    members = [n.id for n in model.select(Note, theme_id=theme_id)]
    unfile = model.update_same_step(Note, members, {"theme_id": None})
    model.push_steps([unfile, DeleteRecords(model, [(Theme, theme_id)])], label=label)


def ungroup(model: DocumentModel, theme_id: str) -> None:
    """Dissolve a theme: its notes go back to "Not yet sorted" and the theme is removed
    (tombstoned), in one step."""
    _dissolve(model, theme_id, f"Ungroup {_title(model.get(Theme, theme_id).title)}")


def delete_theme(model: DocumentModel, theme_id: str) -> None:
    """Remove a theme (tombstoned); its notes go back to "Not yet sorted". One step."""
    _dissolve(model, theme_id, f"Delete theme {_title(model.get(Theme, theme_id).title)}")


def rename_theme(model: DocumentModel, theme_id: str, title: str) -> None:
    """Retitle a theme (surrounding spaces dropped). One step; none if unchanged."""
    model.push_update(Theme, theme_id, label="Rename theme", title=title.strip())


def set_votes(model: DocumentModel, kind: type[Note] | type[Theme], record_id: str, n: int) -> int:
    """Set the votes of a note or a theme (``kind`` is ``Note`` or ``Theme``) to ``n``, clamped
    to 0..MAX_VOTES: dot-voting entry after a wall vote. Returns the votes now held. One step."""
    votes = max(0, min(MAX_VOTES, int(n)))
    noun = "theme" if kind is Theme else "note"
    model.push_update(kind, record_id, label=f"Set votes of {noun} to {votes}", votes=votes)
    return votes


def add_vote(
    model: DocumentModel, kind: type[Note] | type[Theme], record_id: str, delta: int = 1
) -> int:
    """Add ``delta`` votes (negative removes) to a note or a theme; never below 0. Returns the
    votes now held. One step; none if nothing changes (removing from 0)."""
    current = model.get(kind, record_id).votes
    votes = max(0, min(MAX_VOTES, current + delta))
    noun = "theme" if kind is Theme else "note"
    verb = "Add a vote to" if delta > 0 else "Remove a vote from"
    model.push_update(kind, record_id, label=f"{verb} {noun}", votes=votes)
    return votes


def toggle_star(model: DocumentModel, note_ids: Iterable[str]) -> bool:
    """Star the notes if any of them is not starred, else unstar them all (key quotes).
    Returns the new state. One step."""
    ids = list(dict.fromkeys(note_ids))
    if not ids:
        return False
    starred = not all(n.starred for n in model.document.records(Note, ids))
    verb = "Star" if starred else "Unstar"
    model.push_update_many(
        Note, {nid: {"starred": starred} for nid in ids}, label=f"{verb} {plural(len(ids), 'note')}"
    )
    return starred


# -- reads the views share ---------------------------------------------------------------


def unsorted_note_ids(model: DocumentModel, question_id: str | None) -> list[str]:
    """The question's notes with no theme, in display order (what Ctrl+A selects)."""
    return [n.id for n in model.select(Note, question_id=question_id, theme_id=None)]


def theme_total(theme: Theme, notes: Iterable[Note]) -> int:
    """A theme's total for display and ranking: its own votes plus its notes' votes."""
    return theme.votes + sum(n.votes for n in notes if n.theme_id == theme.id)
