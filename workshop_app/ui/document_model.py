"""DocumentModel: the one QObject every GUI write goes through.

Data flows one way: user action -> QUndoCommand (``commands.py``, which knows this model
only as the ``commands.Target`` protocol) -> a DocumentModel write method
-> ``Document`` (one committed transaction) -> a DocumentModel signal -> views refresh.
Views read through the model's read methods and never write to storage directly.

Signals:
    changed(object kind, str record_id): a record of ``kind`` (a Record subclass such as
        ``Question``, or ``Event``) was added, edited, deleted, restored or moved. ``record_id``
        is "" when several changed at once.
    saved(str clock_time): a write was committed to disk, at this time of the event's zone
        ("14:03:22").
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from workshop_app.domain import local_time
from workshop_app.domain.errors import DocumentError
from workshop_app.domain.records import AgendaItem, Event, Record
from workshop_app.storage.bulk import group_changes
from workshop_app.storage.document import Document
from workshop_app.storage.rows import TABLES
from workshop_app.ui.commands import (
    AddRecords,
    DeleteRecords,
    ModelCommand,
    MoveRecord,
    RestoreRecords,
    Steps,
    UpdateFields,
    UpdateMany,
)
from workshop_app.ui.common.i18n import tr
from workshop_app.ui.laptops.commands import MergeFiles, PutBack

if TYPE_CHECKING:
    from pathlib import Path

    from workshop_app.domain.run import RunState, Stamps
    from workshop_app.storage.merge import MergeResult
    from workshop_app.storage.share_watch import Staged

R = TypeVar("R", bound=Record)


class DocumentModel(QObject):
    """Wraps an open ``Document``; owns its undo stack."""

    changed = Signal(object, str)
    saved = Signal(str)
    #: Records of one kind merged from a shared folder signalled one by one, up to this many.
    ONE_BY_ONE = 200

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.undo_stack = QUndoStack(self)
        self.last_saved: str = ""
        self._zone_name: str | None = None  # the event's, read once per change of the event
        self._held: list[tuple[type[Record], str]] | None = None  # signals inside one_transaction

    # -- reads ---------------------------------------------------------------------------

    def event_record(self) -> Event:
        """The event's details. (Not ``event``: that name is QObject's event handler.)"""
        return self.document.event()

    def zone_name(self) -> str:
        """The event's time zone (IANA name): every time of day on screen is shown in it."""
        if self._zone_name is None:
            self._zone_name = self.event_record().timezone
        return self._zone_name

    def clock(self, moment: datetime | str | None = None, *, seconds: bool = False) -> str:
        """A time of day in the event's zone, "10:18" (``seconds``: "10:18:42"); now if no
        ``moment`` (an aware datetime or a document timestamp) is given."""
        when = local_time.now_in(None) if moment is None else moment
        return local_time.clock(when, self.zone_name(), seconds=seconds)

    def select(self, kind: type[R], /, **where: Any) -> list[R]:
        return self.document.select(kind, **where)

    def get(self, kind: type[R], record_id: str) -> R:
        return self.document.get(kind, record_id)

    def deleted(self, kind: type[R], /, **where: Any) -> list[R]:
        """Tombstoned records of ``kind`` (a trash view), in display order."""
        return [r for r in self.document.select(kind, include_deleted=True, **where) if r.deleted]

    def count(self, kind: type[Record], /, **where: Any) -> int:
        return self.document.count(kind, **where)

    def index_of(self, kind: type[Record], record_id: str) -> int:
        return self.document.index_of(kind, record_id)

    # -- user actions: each pushes one undoable command ------------------------------------
    # ``label`` names the step in Edit > Undo (not ``text``: notes and questions have a text field).

    def push_add(self, record: R, *, index: int | None = None, label: str = "") -> R:
        self._push(AddRecords(self, [record], index=index, text=label))
        return self.get(type(record), record.id)

    def push_add_many(self, records: list[R], *, label: str = "") -> None:
        if records:
            self._push(AddRecords(self, records, text=label))

    def push_update(
        self, kind: type[Record], record_id: str, /, *, label: str = "", **changes: Any
    ) -> None:
        """Edit fields; does nothing if the values are unchanged (no empty undo steps)."""
        current = self.get(kind, record_id)
        old = {name: getattr(current, name) for name in changes}
        if old == changes:
            return
        self._push(UpdateFields(self, kind, record_id, old, changes, text=label))

    def push_update_many(
        self, kind: type[Record], changes: dict[str, dict[str, Any]], /, *, label: str = ""
    ) -> None:
        """Edit several records of ``kind`` (``{id: {field: value}}``) as one undo step and one
        transaction; records whose values are unchanged are left out (nothing: no step)."""
        self.push_steps([self.update_many_step(kind, changes)], label=label)

    def update_many_step(
        self, kind: type[Record], changes: dict[str, dict[str, Any]], *, label: str = ""
    ) -> ModelCommand | None:
        """The command ``push_update_many`` would push (None if nothing changes), to combine
        with others in ``push_steps``."""
        return self.update_groups_step(kind, group_changes(changes), label=label)

    def update_same_step(
        self, kind: type[Record], ids: Iterable[str], change: dict[str, Any], *, label: str = ""
    ) -> ModelCommand | None:
        """The command giving records ``ids`` the same ``change`` (None if none changes): the
        cheap way to file hundreds of notes under a theme."""
        return self.update_groups_step(kind, [(change, list(ids))], label=label)

    def update_groups_step(
        self,
        kind: type[Record],
        groups: list[tuple[dict[str, Any], list[str]]],
        *,
        label: str = "",
    ) -> ModelCommand | None:
        """The command applying grouped changes (``[({field: value}, [id, ...])]``); records
        already holding their change are left out. Before-values are read grouped, in SQL."""
        old: list[tuple[dict[str, Any], list[str]]] = []
        new: list[tuple[dict[str, Any], list[str]]] = []
        for change, ids in groups:
            changed: list[str] = []
            for before, members in self.document.grouped_values(kind, ids, change):
                if before != change:
                    old.append((before, members))
                    changed.extend(members)
            if changed:
                new.append((dict(change), changed))
        return UpdateMany(self, kind, old, new, text=label) if new else None

    def push_steps(self, steps: Iterable[ModelCommand | None], *, label: str) -> None:
        """Push several commands (made but not pushed; None ones are skipped) as ONE undo step
        applied in ONE transaction. Nothing to do: no step."""
        todo = [step for step in steps if step is not None]
        if len(todo) == 1:
            todo[0].setText(label or todo[0].text())
            self._push(todo[0])
        elif todo:
            self._push(Steps(self, todo, text=label))

    def push_update_event(self, *, label: str = "", **changes: Any) -> None:
        self.push_update(Event, self.document.event_id, label=label, **changes)

    def push_delete(self, items: Iterable[tuple[type[Record], str]], *, label: str = "") -> None:
        """Tombstone records together (e.g. a question with its notes and themes) as one step."""
        items = list(items)
        if items:
            self._push(DeleteRecords(self, items, text=label))

    def push_restore(self, items: Iterable[tuple[type[Record], str]], *, label: str = "") -> None:
        """Bring tombstoned records back (from a trash view) as one step."""
        items = list(items)
        if items:
            self._push(RestoreRecords(self, items, text=label))

    def push_move(self, kind: type[Record], record_id: str, index: int, *, label: str = "") -> None:
        old = self.index_of(kind, record_id)
        count = self.count(kind)
        index = max(0, min(index, count - 1))
        if index != old:
            self._push(MoveRecord(self, kind, record_id, old, index, text=label))

    def push_merge(self, sources: list[Path], *, label: str = "") -> MergeResult:
        """Merge other laptops' files as one undo step ("Merge notes" unless ``label``); what
        came in."""
        command = MergeFiles(self, sources, text=label or tr("Merge notes"))
        self._push(command)
        assert command.result is not None
        return command.result

    def push_put_back(self, kind: type[Record], record_id: str, name: str, value: str) -> None:
        """Put a text kept by a merge back (the Conflicts view) as one undo step."""
        self._push(PutBack(self, kind, record_id, name, value))

    def _push(self, command: ModelCommand) -> None:
        """Apply, then push: a failed write raises here and leaves no undo step behind."""
        command.apply()
        command.applied = True
        self.undo_stack.push(command)

    # -- writes: called by undo commands only ----------------------------------------------

    def add(self, records: list[Record], index: int | None = None) -> None:
        with self.document.transaction():
            for offset, record in enumerate(records):
                self.document.add(record, index=None if index is None else index + offset)
        self._done(type(records[0]), records[0].id if len(records) == 1 else "")

    def set_deleted(self, items: list[tuple[type[Record], str]], deleted: bool) -> None:
        with self.document.transaction():
            for kind, record_id in items:
                self.document.update(kind, record_id, deleted=deleted)
        kinds = {kind for kind, _ in items}
        for kind in kinds:
            ids = [rid for k, rid in items if k is kind]
            self._done(kind, ids[0] if len(ids) == 1 else "")

    def update(self, kind: type[Record], record_id: str, changes: dict[str, Any]) -> None:
        self.document.update(kind, record_id, **changes)
        self._done(kind, record_id)

    def update_many(self, kind: type[Record], changes: dict[str, dict[str, Any]]) -> None:
        self.update_groups(kind, group_changes(changes))

    def update_groups(
        self, kind: type[Record], groups: list[tuple[dict[str, Any], list[str]]]
    ) -> None:
        """Write grouped changes (``[({field: value}, [id, ...])]``) in one transaction."""
        ids = [rid for _, members in groups for rid in members]
        if not ids:
            return
        self.document.update_groups(kind, groups)
        self._done(kind, ids[0] if len(ids) == 1 else "")

    def merge_files(self, sources: list[Path], before: Path, after: Path) -> MergeResult:
        """Merge ``sources``, the records copied to ``before`` and ``after`` it (for undo and
        redo: ``restore_records``); every view reloads."""
        try:
            self.document.snapshot_records(before)
        except (OSError, sqlite3.Error) as exc:
            raise DocumentError(
                tr(
                    "Nothing was merged: the copy that lets Undo take the merge back could not be "
                    "written ({error})."
                ).format(error=exc)
            ) from None
        result = self.document.merge(sources)
        try:
            self.document.snapshot_records(after)
        except (OSError, sqlite3.Error) as exc:
            self.document.restore_records(before)
            raise DocumentError(
                tr(
                    "The merge was taken back: the copy that lets Redo make it again could not be "
                    "written ({error})."
                ).format(error=exc)
            ) from None
        finally:
            self._all_changed()
        return result

    def restore_records(self, snapshot: Path) -> None:
        self.document.restore_records(snapshot)
        self._all_changed()

    def put_back(self, kind: type[Record], record_id: str, name: str, value: str) -> None:
        self.document.put_back(kind, record_id, name, value)
        self._done(kind, record_id)

    def _all_changed(self) -> None:
        for kind in TABLES:
            self._done(kind, "")

    @contextlib.contextmanager
    def one_transaction(self) -> Iterator[None]:
        """Writes inside share one transaction; their signals are sent once it has committed
        (none if it failed), each (kind, id) once."""
        if self._held is not None:
            with self.document.transaction():
                yield
            return
        self._held = []
        try:
            with self.document.transaction():
                yield
            held = list(dict.fromkeys(self._held))
        finally:
            self._held = None
        for kind, record_id in held:
            self._done(kind, record_id)

    def move(self, kind: type[Record], record_id: str, index: int) -> None:
        self.document.move(kind, record_id, index)
        self._done(kind, record_id)

    def merge_shared(self, staged: Staged) -> MergeResult:
        """Merge other laptops' records that arrived through a shared folder (made ready by
        ``share_watch.stage``): one transaction, not an undo step (undoing would not unsend
        them). Up to ``ONE_BY_ONE`` records of a kind are signalled one by one (views update
        those rows only), more as one change of several."""
        result = self.document.merge([staged.path], checked=True)
        for kind, ids in staged.ids.items():
            if len(ids) > self.ONE_BY_ONE:
                self._done(kind, "")
                continue
            for record_id in ids:
                self._done(kind, record_id)
        return result

    # -- the run (Run mode): written straight through, not undoable ---------------------------
    # Time moved on between a start and an undo of it; the run's own controls go back (P, R).

    def run_state(self) -> RunState:
        return self.document.run_state()

    def set_run_state(self, state: RunState, stamps: Stamps) -> None:
        """Store the run and record actual item times (one transaction); nothing once closed
        or on a read-only document (a damaged file: the countdown runs, the file is not
        written)."""
        if self.document.closed or self.document.readonly:
            return
        self.document.set_run_state(state, stamps)
        if stamps:
            self._done(AgendaItem, next(iter(stamps)) if len(stamps) == 1 else "")
        else:
            self.last_saved = self.clock(seconds=True)
            self.saved.emit(self.last_saved)

    def _done(self, kind: type[Record], record_id: str) -> None:
        if self._held is not None:
            self._held.append((kind, record_id))
            return
        if kind is Event:
            self._zone_name = None
        self.last_saved = self.clock(seconds=True)
        self.changed.emit(kind, record_id)
        self.saved.emit(self.last_saved)
