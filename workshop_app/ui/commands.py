"""Thin undo commands: each ``redo``/``undo`` calls one DocumentModel write method.

Nothing is hard-deleted: undoing an add tombstones the record, redoing it restores the same
record (same id), so undo/redo never invents new ids and merges stay clean.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand

from workshop_app.domain.records import Record
from workshop_app.ui.document_model import DocumentModel


def _label(kind: type[Record]) -> str:
    return {"AgendaItem": "agenda item", "Group": "table"}.get(kind.__name__, kind.__name__.lower())


class AddRecords(QUndoCommand):
    def __init__(
        self,
        model: DocumentModel,
        records: list[Record],
        *,
        index: int | None = None,
        text: str = "",
    ) -> None:
        kind = type(records[0])
        plural = "s" if len(records) > 1 else ""
        super().__init__(text or f"Add {_label(kind)}{plural}")
        self.model = model
        self.records = records
        self.index = index
        self._added = False

    def redo(self) -> None:
        if not self._added:
            self.model.add(self.records, self.index)
            self._added = True
        else:
            self.model.set_deleted([(type(r), r.id) for r in self.records], False)

    def undo(self) -> None:
        self.model.set_deleted([(type(r), r.id) for r in self.records], True)


class UpdateFields(QUndoCommand):
    def __init__(
        self,
        model: DocumentModel,
        kind: type[Record],
        record_id: str,
        old: dict[str, Any],
        new: dict[str, Any],
        *,
        text: str = "",
    ) -> None:
        super().__init__(text or f"Edit {_label(kind)}")
        self.model, self.kind, self.record_id = model, kind, record_id
        self.old, self.new = old, new

    def redo(self) -> None:
        self.model.update(self.kind, self.record_id, self.new)

    def undo(self) -> None:
        self.model.update(self.kind, self.record_id, self.old)


class DeleteRecords(QUndoCommand):
    def __init__(
        self, model: DocumentModel, items: list[tuple[type[Record], str]], *, text: str = ""
    ) -> None:
        super().__init__(text or f"Delete {_label(items[0][0])}")
        self.model, self.items = model, items

    def redo(self) -> None:
        self.model.set_deleted(self.items, True)

    def undo(self) -> None:
        self.model.set_deleted(self.items, False)


class RestoreRecords(QUndoCommand):
    """Restore from the trash; undo puts them back in it."""

    def __init__(
        self, model: DocumentModel, items: list[tuple[type[Record], str]], *, text: str = ""
    ) -> None:
        super().__init__(text or f"Restore {_label(items[0][0])}")
        self.model, self.items = model, items

    def redo(self) -> None:
        self.model.set_deleted(self.items, False)

    def undo(self) -> None:
        self.model.set_deleted(self.items, True)


class MoveRecord(QUndoCommand):
    def __init__(
        self,
        model: DocumentModel,
        kind: type[Record],
        record_id: str,
        old_index: int,
        new_index: int,
        *,
        text: str = "",
    ) -> None:
        super().__init__(text or f"Move {_label(kind)}")
        self.model, self.kind, self.record_id = model, kind, record_id
        self.old_index, self.new_index = old_index, new_index

    def redo(self) -> None:
        self.model.move(self.kind, self.record_id, self.new_index)

    def undo(self) -> None:
        self.model.move(self.kind, self.record_id, self.old_index)
