"""NoteCache: every note of the open event in memory, kept in step one note at a time.

Capture's views (this table's cards, the other tables', search, trash, counts) all filter this
one cache, so a new or edited note costs one read by id, never a reload of the whole event.
``DocumentModel.changed(Note, id)`` updates the one note; a change of several at once (id "")
reloads everything.

Signals:
    note_changed(old: Note | None, new: Note): one note was added, edited, deleted or restored.
    reloaded(): the whole cache was re-read.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QObject, Signal

from workshop_app.domain.records import Note
from workshop_app.ui.document_model import DocumentModel


class NoteCache(QObject):
    """All notes (live and tombstoned) by id, with live counts per (question, table)."""

    note_changed = Signal(object, object)  # old: Note | None, new: Note
    reloaded = Signal()

    def __init__(self, model: DocumentModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.notes: dict[str, Note] = {}
        self.counts: Counter[tuple[str | None, str | None]] = Counter()
        self._load()
        model.changed.connect(self._on_model_changed)

    def count(self, question_id: str | None, group_id: str | None = None) -> int:
        """Live notes on a question: from one table, or from all tables (``group_id`` None)."""
        if group_id is not None:
            return self.counts[(question_id, group_id)]
        return sum(n for (q, _), n in self.counts.items() if q == question_id)

    def _load(self) -> None:
        notes = self.model.select(Note) + self.model.deleted(Note)
        self.notes = {n.id: n for n in notes}
        self.counts = Counter((n.question_id, n.group_id) for n in notes if not n.deleted)

    def _on_model_changed(self, kind: type, record_id: str) -> None:
        if kind is not Note or self.model.document.closed:
            return
        if not record_id:
            self._load()
            self.reloaded.emit()
            return
        new = self.model.get(Note, record_id)
        old = self.notes.get(record_id)
        self.notes[record_id] = new
        if old is not None and not old.deleted:
            self.counts[(old.question_id, old.group_id)] -= 1
        if not new.deleted:
            self.counts[(new.question_id, new.group_id)] += 1
        self.note_changed.emit(old, new)
