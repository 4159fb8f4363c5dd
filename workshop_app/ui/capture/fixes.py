"""Fixing a note from its card: star, kind, move to another question, delete, restore.

Each fix is one undoable command through ``DocumentModel``; after a delete or restore the
selection stays at the same place in the list, so Del can be pressed again by keyboard.
"""

from __future__ import annotations

from workshop_app.domain.records import Note, Question
from workshop_app.ui.capture.cards import CardListView
from workshop_app.ui.common.dialogs import Dialogs
from workshop_app.ui.common.i18n import tr
from workshop_app.ui.document_model import DocumentModel


def fix_note(
    model: DocumentModel,
    dialogs: Dialogs,
    view: CardListView,
    note: Note,
    action: str,
    questions: list[Question],
) -> None:
    """Apply ``action`` ("star", "kind:<kind>", "move", "delete", "restore") to ``note``."""
    if action == "star":
        label = tr("Unstar note") if note.starred else tr("Star note")
        model.push_update(Note, note.id, starred=not note.starred, label=label)
    elif action.startswith("kind:"):
        model.push_update(Note, note.id, kind=action[5:], label=tr("Change kind of note"))
    elif action == "move":
        options = [
            tr("Q{number}. {question}").format(number=n, question=q.text)
            for n, q in enumerate(questions, 1)
        ]
        if not options:
            return
        choice = dialogs.choose(view, tr("Move note"), tr("Move the note to question:"), options)
        if choice is not None:
            model.push_update(
                Note, note.id, question_id=questions[choice].id, label=tr("Move note")
            )
    elif action in ("delete", "restore"):
        row = view.currentIndex().row()
        if action == "delete":
            model.push_delete([(Note, note.id)], label=tr("Delete note"))
        else:
            model.push_restore([(Note, note.id)], label=tr("Restore note"))
        view.select_row(min(row, view.model().rowCount() - 1))
