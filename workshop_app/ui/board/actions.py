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
from weakref import WeakKeyDictionary

from PySide6.QtCore import QObject

from workshop_app.domain.records import MAX_VOTES, Note, Theme
from workshop_app.ui.commands import AddRecords, DeleteRecords, ModelCommand
from workshop_app.ui.common.announce import announce
from workshop_app.ui.common.i18n import tr, trn
from workshop_app.ui.document_model import DocumentModel

#: The last group or move pushed on each model: (its step's text, the same said as done).
_DONE: WeakKeyDictionary[DocumentModel, tuple[str, str]] = WeakKeyDictionary()


def _push(model: DocumentModel, steps: list[ModelCommand | None], label: str, done: str) -> None:
    """Push ``steps`` as one step named ``label``, remembering ``done`` to announce it."""
    model.push_steps(steps, label=label)
    _DONE[model] = (label, done)


def group_into_new_theme(
    model: DocumentModel, question_id: str | None, note_ids: Iterable[str], title: str = ""
) -> str:
    """Make a theme under ``question_id`` titled ``title`` and file ``note_ids`` under it (taking
    them out of any theme they were in). Returns the new theme's id. One step."""
    ids = list(dict.fromkeys(note_ids))
    theme = Theme(question_id=question_id, title=title.strip())
    add = AddRecords(model, [theme])
    files = model.update_same_step(Note, ids, {"theme_id": theme.id})
    n, named = len(ids), title.strip()
    if named:
        label = trn("Group %n note into “{title}”", "Group %n notes into “{title}”", n)
        done = trn("Grouped %n note into “{title}”", "Grouped %n notes into “{title}”", n)
        label, done = label.format(title=named), done.format(title=named)
    else:
        label = trn("Group %n note into a new theme", "Group %n notes into a new theme", n)
        done = trn("Grouped %n note into a new theme", "Grouped %n notes into a new theme", n)
    _push(model, [add, files], label, done)
    return theme.id


def announce_step(widget: QObject, model: DocumentModel, before: int) -> None:
    """Say the step just taken (a group or a move; ``before``: the undo stack's index before it)
    in its own words, as done: "Grouped 3 notes into a new theme", "Moved 2 notes to “Access”"
    (polite). Nothing when no step was taken."""
    label, done = _DONE.get(model, ("", ""))
    stack = model.undo_stack
    if stack.index() != before and done and stack.undoText() == label:
        announce(widget, done)


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
        title, n = theme.title.strip(), len(ids)
        if title:
            label = trn("Move %n note to “{title}”", "Move %n notes to “{title}”", n)
            done = trn("Moved %n note to “{title}”", "Moved %n notes to “{title}”", n)
            label, done = label.format(title=title), done.format(title=title)
        else:
            label = trn(
                "Move %n note to an untitled theme", "Move %n notes to an untitled theme", n
            )
            done = trn(
                "Moved %n note to an untitled theme", "Moved %n notes to an untitled theme", n
            )
    else:
        n = len(ids)
        label = trn("Move %n note to Not yet sorted", "Move %n notes to Not yet sorted", n)
        done = trn("Moved %n note to Not yet sorted", "Moved %n notes to Not yet sorted", n)
    _push(model, [model.update_same_step(Note, ids, {"theme_id": theme_id})], label, done)


def _dissolve(model: DocumentModel, theme_id: str, label: str) -> None:
    members = [n.id for n in model.select(Note, theme_id=theme_id)]
    unfile = model.update_same_step(Note, members, {"theme_id": None})
    model.push_steps([unfile, DeleteRecords(model, [(Theme, theme_id)])], label=label)


def ungroup(model: DocumentModel, theme_id: str) -> None:
    """Dissolve a theme: its notes go back to "Not yet sorted" and the theme is removed
    (tombstoned), in one step."""
    title = model.get(Theme, theme_id).title.strip()
    label = tr("Ungroup “{title}”").format(title=title) if title else tr("Ungroup a new theme")
    _dissolve(model, theme_id, label)


def delete_theme(model: DocumentModel, theme_id: str) -> None:
    """Remove a theme (tombstoned); its notes go back to "Not yet sorted". One step."""
    title = model.get(Theme, theme_id).title.strip()
    if title:
        label = tr("Delete theme “{title}”").format(title=title)
    else:
        label = tr("Delete theme a new theme")
    _dissolve(model, theme_id, label)


def rename_theme(model: DocumentModel, theme_id: str, title: str) -> None:
    """Retitle a theme (surrounding spaces dropped). One step; none if unchanged."""
    model.push_update(Theme, theme_id, label=tr("Rename theme"), title=title.strip())


def set_votes(model: DocumentModel, kind: type[Note] | type[Theme], record_id: str, n: int) -> int:
    """Set the votes of a note or a theme (``kind`` is ``Note`` or ``Theme``) to ``n``, clamped
    to 0..MAX_VOTES: dot-voting entry after a wall vote. Returns the votes now held. One step."""
    votes = max(0, min(MAX_VOTES, int(n)))
    if kind is Theme:
        label = tr("Set votes of theme to {votes}").format(votes=votes)
    else:
        label = tr("Set votes of note to {votes}").format(votes=votes)
    model.push_update(kind, record_id, label=label, votes=votes)
    return votes


def add_vote(
    model: DocumentModel, kind: type[Note] | type[Theme], record_id: str, delta: int = 1
) -> int:
    """Add ``delta`` votes (negative removes) to a note or a theme; never below 0. Returns the
    votes now held. One step; none if nothing changes (removing from 0)."""
    current = model.get(kind, record_id).votes
    votes = max(0, min(MAX_VOTES, current + delta))
    if kind is Theme:
        label = tr("Add a vote to theme") if delta > 0 else tr("Remove a vote from theme")
    else:
        label = tr("Add a vote to note") if delta > 0 else tr("Remove a vote from note")
    model.push_update(kind, record_id, label=label, votes=votes)
    return votes


def toggle_star(model: DocumentModel, note_ids: Iterable[str]) -> bool:
    """Star the notes if any of them is not starred, else unstar them all (key quotes).
    Returns the new state. One step."""
    ids = list(dict.fromkeys(note_ids))
    if not ids:
        return False
    starred = not all(n.starred for n in model.document.records(Note, ids))
    n = len(ids)
    label = (
        trn("Star %n note", "Star %n notes", n)
        if starred
        else trn("Unstar %n note", "Unstar %n notes", n)
    )
    model.push_update_many(Note, {nid: {"starred": starred} for nid in ids}, label=label)
    return starred


# -- reads the views share ---------------------------------------------------------------


def unsorted_note_ids(model: DocumentModel, question_id: str | None) -> list[str]:
    """The question's notes with no theme, in display order (what Ctrl+A selects)."""
    return [n.id for n in model.select(Note, question_id=question_id, theme_id=None)]


def theme_total(theme: Theme, notes: Iterable[Note]) -> int:
    """A theme's total for display and ranking: its own votes plus its notes' votes."""
    return theme.votes + sum(n.votes for n in notes if n.theme_id == theme.id)
