"""What deleting a Plan record takes with it, and what to ask first (no Qt).

- A question takes its notes and themes with it, in the same undo step: they answer nothing once
  the question is gone. Agenda items keep the question's id; views ignore ids of deleted
  questions, so undo brings the links back untouched.
- A table is tombstoned alone: its notes stay in the event with their text, kind and question,
  still pointing at the (deleted) table, so nothing is lost and undo restores the link.
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop_app.domain.records import Group, Note, Question, Record, Theme
from workshop_app.ui.common.i18n import tr, trn
from workshop_app.ui.common.keymap import shown
from workshop_app.ui.document_model import DocumentModel


@dataclass(frozen=True)
class DeletePlan:
    """The records to tombstone together, and the question to ask first ("" = just do it)."""

    items: list[tuple[type[Record], str]]
    label: str
    ask: str = ""
    action: str = ""  # the button that goes ahead ("Delete")


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split()) or tr("(untitled)")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def plan_delete(model: DocumentModel, record: Record, noun: str) -> DeletePlan:
    """How to delete ``record`` (a speaker, question, table or agenda item)."""
    items: list[tuple[type[Record], str]] = [(type(record), record.id)]
    # Translators: an undo step: "Delete speaker"; {thing} is a lower-case record name
    label = tr("Delete {thing}").format(thing=noun)
    if isinstance(record, Question):
        notes = model.select(Note, question_id=record.id)
        themes = model.select(Theme, question_id=record.id)
        items += [(Note, n.id) for n in notes] + [(Theme, t.id) for t in themes]
        if notes or themes:
            question, undo = _short(record.text), shown("window.undo")
            notes_text = trn("%n note", "%n notes", len(notes))
            if themes:
                ask = tr(
                    "Delete the question “{question}”?\n\nIts {notes} and {themes} will be "
                    "deleted with it. You can undo this ({keys})."
                ).format(
                    question=question,
                    notes=notes_text,
                    themes=trn("%n theme", "%n themes", len(themes)),
                    keys=undo,
                )
            else:
                ask = tr(
                    "Delete the question “{question}”?\n\nIts {notes} will be deleted with it. "
                    "You can undo this ({keys})."
                ).format(question=question, notes=notes_text, keys=undo)
            return DeletePlan(items, label, ask=ask, action=tr("Delete question and notes"))
    if isinstance(record, Group):
        count = model.count(Note, group_id=record.id)
        if count:
            return DeletePlan(
                items,
                label,
                ask=trn(
                    "Delete “{table}”?\n\nIts %n note stays in the event without a table; "
                    "nothing written is lost. You can undo this ({keys}).",
                    "Delete “{table}”?\n\nIts %n notes stay in the event without a table; "
                    "nothing written is lost. You can undo this ({keys}).",
                    count,
                ).format(table=_short(record.name), keys=shown("window.undo")),
                action=tr("Delete table"),
            )
    return DeletePlan(items, label, action=tr("Delete"))
