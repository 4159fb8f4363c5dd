"""Thin undo commands: each ``redo``/``undo`` calls one DocumentModel write method.

Nothing is hard-deleted: undoing an add tombstones the record, redoing it restores the same
record (same id), so undo/redo never invents new ids and merges stay clean.

Commands know the model only as ``Target``, the writes they call: ``DocumentModel`` builds
commands and imports this module, never the other way round.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand

from workshop_app.domain.records import Record
from workshop_app.ui.common.i18n import tr, trn


class Target(Protocol):
    """The writes of ``DocumentModel`` that commands call (``redo``/``undo``)."""

    def add(self, records: list[Record], index: int | None = None) -> None: ...

    def set_deleted(self, items: list[tuple[type[Record], str]], deleted: bool) -> None: ...

    def update(self, kind: type[Record], record_id: str, changes: dict[str, Any]) -> None: ...

    def update_groups(
        self, kind: type[Record], groups: list[tuple[dict[str, Any], list[str]]]
    ) -> None: ...

    def move(self, kind: type[Record], record_id: str, index: int) -> None: ...

    def one_transaction(self) -> AbstractContextManager[None]: ...


class ModelCommand(QUndoCommand):
    """Base of every command: ``apply`` and ``revert`` each call DocumentModel writes.

    ``DocumentModel`` applies a new command before pushing it, so a write that fails (a full
    disk, a removed USB stick) raises to the caller with nothing written and no step left on the
    undo stack; the push then skips its first ``redo``.
    """

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.applied = False

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if self.applied:  # applied by DocumentModel just before the push
            self.applied = False
            return
        self.apply()

    def undo(self) -> None:
        self.revert()


# Each undo step's name as Edit ▸ Undo "…" shows it and a screen reader announces it, one whole
# message per kind and verb (word order differs between languages). Called when a command is
# made, never at import.
#: Add one or several records of a kind (counted).
_ADD: dict[str, Callable[..., str]] = {
    "Event": lambda n: trn("Add event", "Add events", n),
    "Speaker": lambda n: trn("Add speaker", "Add speakers", n),
    "Question": lambda n: trn("Add question", "Add questions", n),
    "Group": lambda n: trn("Add table", "Add tables", n),
    "AgendaItem": lambda n: trn("Add agenda item", "Add agenda items", n),
    "Theme": lambda n: trn("Add theme", "Add themes", n),
    "Note": lambda n: trn("Add note", "Add notes", n),
}
#: Edit one record.
_EDIT: dict[str, Callable[..., str]] = {
    "Event": lambda: tr("Edit event"),
    "Speaker": lambda: tr("Edit speaker"),
    "Question": lambda: tr("Edit question"),
    "Group": lambda: tr("Edit table"),
    "AgendaItem": lambda: tr("Edit agenda item"),
    "Theme": lambda: tr("Edit theme"),
    "Note": lambda: tr("Edit note"),
}
#: Edit several records at once.
_EDIT_MANY: dict[str, Callable[..., str]] = {
    "Event": lambda: tr("Edit events"),
    "Speaker": lambda: tr("Edit speakers"),
    "Question": lambda: tr("Edit questions"),
    "Group": lambda: tr("Edit tables"),
    "AgendaItem": lambda: tr("Edit agenda items"),
    "Theme": lambda: tr("Edit themes"),
    "Note": lambda: tr("Edit notes"),
}
#: Delete records.
_DELETE: dict[str, Callable[..., str]] = {
    "Event": lambda: tr("Delete event"),
    "Speaker": lambda: tr("Delete speaker"),
    "Question": lambda: tr("Delete question"),
    "Group": lambda: tr("Delete table"),
    "AgendaItem": lambda: tr("Delete agenda item"),
    "Theme": lambda: tr("Delete theme"),
    "Note": lambda: tr("Delete note"),
}
#: Restore records from the trash.
_RESTORE: dict[str, Callable[..., str]] = {
    "Event": lambda: tr("Restore event"),
    "Speaker": lambda: tr("Restore speaker"),
    "Question": lambda: tr("Restore question"),
    "Group": lambda: tr("Restore table"),
    "AgendaItem": lambda: tr("Restore agenda item"),
    "Theme": lambda: tr("Restore theme"),
    "Note": lambda: tr("Restore note"),
}
#: Move a record in its list.
_MOVE: dict[str, Callable[..., str]] = {
    "Event": lambda: tr("Move event"),
    "Speaker": lambda: tr("Move speaker"),
    "Question": lambda: tr("Move question"),
    "Group": lambda: tr("Move table"),
    "AgendaItem": lambda: tr("Move agenda item"),
    "Theme": lambda: tr("Move theme"),
    "Note": lambda: tr("Move note"),
}


def _text(table: dict[str, Callable[..., str]], kind: type[Record], *count: int) -> str:
    return table[kind.__name__](*count)


class AddRecords(ModelCommand):
    def __init__(
        self,
        model: Target,
        records: Sequence[Record],
        *,
        index: int | None = None,
        text: str = "",
    ) -> None:
        kind = type(records[0])
        super().__init__(text or _text(_ADD, kind, len(records)))
        self.model = model
        self.records = list(records)
        self.index = index
        self._added = False

    def apply(self) -> None:
        if not self._added:
            self.model.add(self.records, self.index)
            self._added = True
        else:
            self.model.set_deleted([(type(r), r.id) for r in self.records], False)

    def revert(self) -> None:
        self.model.set_deleted([(type(r), r.id) for r in self.records], True)


class UpdateFields(ModelCommand):
    def __init__(
        self,
        model: Target,
        kind: type[Record],
        record_id: str,
        old: dict[str, Any],
        new: dict[str, Any],
        *,
        text: str = "",
    ) -> None:
        super().__init__(text or _text(_EDIT, kind))
        self.model, self.kind, self.record_id = model, kind, record_id
        self.old, self.new = old, new

    def apply(self) -> None:
        self.model.update(self.kind, self.record_id, self.new)

    def revert(self) -> None:
        self.model.update(self.kind, self.record_id, self.old)


class DeleteRecords(ModelCommand):
    def __init__(
        self, model: Target, items: list[tuple[type[Record], str]], *, text: str = ""
    ) -> None:
        super().__init__(text or _text(_DELETE, items[0][0]))
        self.model, self.items = model, items

    def apply(self) -> None:
        self.model.set_deleted(self.items, True)

    def revert(self) -> None:
        self.model.set_deleted(self.items, False)


class RestoreRecords(ModelCommand):
    """Restore from the trash; undo puts them back in it."""

    def __init__(
        self, model: Target, items: list[tuple[type[Record], str]], *, text: str = ""
    ) -> None:
        super().__init__(text or _text(_RESTORE, items[0][0]))
        self.model, self.items = model, items

    def apply(self) -> None:
        self.model.set_deleted(self.items, False)

    def revert(self) -> None:
        self.model.set_deleted(self.items, True)


class MoveRecord(ModelCommand):
    def __init__(
        self,
        model: Target,
        kind: type[Record],
        record_id: str,
        old_index: int,
        new_index: int,
        *,
        text: str = "",
    ) -> None:
        super().__init__(text or _text(_MOVE, kind))
        self.model, self.kind, self.record_id = model, kind, record_id
        self.old_index, self.new_index = old_index, new_index

    def apply(self) -> None:
        self.model.move(self.kind, self.record_id, self.new_index)

    def revert(self) -> None:
        self.model.move(self.kind, self.record_id, self.old_index)


class UpdateMany(ModelCommand):
    """Edit several records of one kind at once: one transaction. Changes are kept grouped
    (``[({field: value}, [id, ...])]``), the before-values too, so filing 500 notes under a
    theme and undoing it are a statement or two each, not 500."""

    def __init__(
        self,
        model: Target,
        kind: type[Record],
        old: list[tuple[dict[str, Any], list[str]]],
        new: list[tuple[dict[str, Any], list[str]]],
        *,
        text: str = "",
    ) -> None:
        super().__init__(text or _text(_EDIT_MANY, kind))
        self.model, self.kind, self.old, self.new = model, kind, old, new

    def apply(self) -> None:
        self.model.update_groups(self.kind, self.new)

    def revert(self) -> None:
        self.model.update_groups(self.kind, self.old)


class Steps(ModelCommand):
    """Several commands as one undo step and one transaction (e.g. add a theme and file notes
    under it): applied in order, reverted in reverse; views hear of it once it is committed."""

    def __init__(self, model: Target, steps: list[ModelCommand], *, text: str) -> None:
        super().__init__(text)
        self.model, self.steps = model, steps

    def apply(self) -> None:
        with self.model.one_transaction():
            for step in self.steps:
                step.apply()

    def revert(self) -> None:
        with self.model.one_transaction():
            for step in reversed(self.steps):
                step.revert()
