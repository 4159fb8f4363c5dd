"""Writing an open event document: each public call is one committed transaction.

``DocumentWrites`` is the second layer of ``Document`` (``document.py``): ``transaction``
(``BEGIN IMMEDIATE``, savepoints when nested) and the writes built on it. Every change is
stamped with this laptop and the time, in the record and in its per-field clock (``clocks``),
which is what lets copies from several laptops merge.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Self

from workshop_app.domain.errors import NOTHING_CHANGED, DocumentError, NotFoundError
from workshop_app.domain.records import AgendaItem, Event, Record
from workshop_app.i18n import _
from workshop_app.storage import backups, bulk, clocks, files, run_state
from workshop_app.storage.document_reads import DocumentReads, R
from workshop_app.storage.rows import NAMES, TABLES, missing_message, to_row

if TYPE_CHECKING:
    from workshop_app.domain.run import RunState


class DocumentWrites(DocumentReads):
    """The writing layer of ``Document``."""

    #: This laptop, stamped on every change.
    device_id: str
    backups: backups.BackupScheduler

    def _now(self) -> str:
        """The time stamped on a change: ``Document._now`` (``utc_now``, looked up in
        ``document.py``, where a test gives every laptop a clock of its own)."""
        raise NotImplementedError

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Self]:
        """Group several writes into one transaction (nested calls become savepoints).
        Raises DocumentError on a read-only document, before anything is written."""
        if self.readonly:
            raise DocumentError(f"{self.readonly_reason()} {_(NOTHING_CHANGED)}")
        conn = self._conn
        if conn.in_transaction:
            from uuid import uuid4  # not at import: not needed to open an event

            name = f"nested_{uuid4().hex[:12]}"
            conn.execute(f"SAVEPOINT {name}")
            try:
                yield self
            except BaseException:
                if conn.in_transaction:
                    conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                    conn.execute(f"RELEASE SAVEPOINT {name}")
                raise
            conn.execute(f"RELEASE SAVEPOINT {name}")
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield self
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            raise DocumentError(
                _(
                    "Could not save to “{name}”: {reason}. This change was not made; everything "
                    "saved before it is safe."
                ).format(name=self.path.name, reason=files.write_failure(exc))
            ) from exc
        self.backups.changed()

    def update_event(self, **changes: Any) -> Event:
        return self.update(Event, self._event_id, **changes)

    def add(self, record: R, *, index: int | None = None) -> R:
        """Insert a new record (at ``index`` in display order, else at the end), stamped with
        this device and the current time. Returns the record as stored."""
        now = self._now()
        record = replace(record, created_at=now, updated_at=now, device_id=self.device_id)
        table = TABLES[type(record)]
        with self.transaction():
            position = self._position_for(table, index)
            row = to_row(record, position)
            row["clock"] = clocks.initial(now, self.device_id)
            names = ", ".join(row)
            marks = ", ".join("?" for _ in row)
            self._conn.execute(
                f"INSERT INTO {table} ({names}) VALUES ({marks})", tuple(row.values())
            )
        return record

    def add_many(self, records: list[R]) -> list[R]:
        """Add several records in one transaction (e.g. "Add 5 tables")."""
        with self.transaction():
            return [self.add(record) for record in records]

    def update(self, kind: type[R], record_id: str, /, **changes: Any) -> R:
        """Change content fields of a record. Returns the updated record."""
        unknown = set(changes) - set(kind.content_fields()) - {"deleted"}
        if unknown:
            raise ValueError(f"{kind.__name__} has no field(s) {', '.join(sorted(unknown))}")
        with self.transaction():
            current = self.get(kind, record_id)
            updated = replace(current, updated_at=self._now(), device_id=self.device_id, **changes)
            row = to_row(updated, 0)
            del row["position"], row["id"], row["created_at"]
            stamped = {name: row[name] for name in changes}
            self._stamp(TABLES[kind], stamped, [record_id], (updated.updated_at, self.device_id))
            assignments = ", ".join(f"{name} = ?" for name in row)
            self._conn.execute(
                f"UPDATE {TABLES[kind]} SET {assignments} WHERE id = ?",
                (*row.values(), record_id),
            )
        return updated

    def update_many(self, kind: type[R], changes: Mapping[str, Mapping[str, Any]], /) -> None:
        """Change content fields of several records (``{id: {field: value}}``) in one
        transaction. Records given the same changes are written by one ``UPDATE ... WHERE id IN
        (...)``, so filing 500 notes under a theme costs about what the bare UPDATE does.
        Raises NotFoundError (nothing written) if an id is not in the file."""
        self.update_groups(kind, bulk.group_changes(changes))

    def update_groups(
        self, kind: type[R], groups: Iterable[tuple[Mapping[str, Any], Iterable[str]]], /
    ) -> None:
        """``update_many`` for changes already grouped: ``[({field: value}, [id, ...]), ...]``,
        each change written to its records by one statement. Raises NotFoundError (nothing
        written) if an id is not in the file."""
        todo = [(change, list(dict.fromkeys(ids))) for change, ids in groups]
        wanted = set().union(*(set(change) for change, _ in todo)) if todo else set()
        unknown = wanted - set(kind.content_fields()) - {"deleted"}
        if unknown:
            raise ValueError(f"{kind.__name__} has no field(s) {', '.join(sorted(unknown))}")
        with self.transaction():
            written = bulk.update_groups(self._conn, kind, todo, (self._now(), self.device_id))
            if written != sum(len(ids) for change, ids in todo if change):
                raise NotFoundError(
                    _("A {kind} to change is not in this event.").format(kind=_(NAMES[kind]))
                )

    def delete(self, kind: type[R], record_id: str) -> R:
        """Tombstone a record (it stays in the file, hidden, so merges and undo can see it)."""
        return self.update(kind, record_id, deleted=True)

    def restore(self, kind: type[R], record_id: str) -> R:
        """Bring a tombstoned record back (undo of delete)."""
        return self.update(kind, record_id, deleted=False)

    def set_run_state(
        self, state: RunState, stamps: Mapping[str, Mapping[str, str | None]] | None = None
    ) -> None:
        """Store the run's state and record actual start/end times on agenda items
        (``stamps``: item id -> {"started_at": ..., "ended_at": ...}), in one transaction."""
        with self.transaction():
            run_state.write(self._conn, state, self.device_id)
            for item_id, times in (stamps or {}).items():
                self.update(AgendaItem, item_id, **times)

    def move(self, kind: type[Record], record_id: str, index: int) -> None:
        """Move a live record to ``index`` in display order (clamped)."""
        table = TABLES[kind]
        with self.transaction():
            ids = [
                r[0]
                for r in self._conn.execute(
                    f"SELECT id FROM {table} WHERE deleted = 0 ORDER BY position, rowid"
                )
            ]
            if record_id not in ids:
                raise NotFoundError(missing_message(kind, record_id))
            ids.remove(record_id)
            ids.insert(max(0, min(index, len(ids))), record_id)
            now = self._now()
            self._conn.executemany(
                f"UPDATE {table} SET position = ?1, updated_at = ?2, device_id = ?3, "
                "clock = json_set(clock, '$.position', json_array(?2, ?3)) "
                "WHERE id = ?4 AND position IS NOT ?1",
                [(float(i), now, self.device_id, rid) for i, rid in enumerate(ids)],
            )

    def _stamp(
        self, table: str, values: Mapping[str, Any], ids: list[str], stamp: tuple[str, str]
    ) -> None:
        """Stamp each field in ``values`` (column values about to be written) with ``stamp`` in
        the clocks of the records ``ids`` whose value it changes (before they are written)."""
        for name, value in values.items():
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                marks = ", ".join("?" for _ in chunk)
                self._conn.execute(
                    f"UPDATE {table} SET clock = json_set(clock, '$.{name}', json_array(?, ?)) "
                    f"WHERE {name} IS NOT ? AND id IN ({marks})",
                    (*stamp, value, *chunk),
                )

    def _position_for(self, table: str, index: int | None) -> float:
        """A position that puts a new row at ``index`` among the live rows (end if None)."""
        if index is None:
            last = self._conn.execute(f"SELECT MAX(position) FROM {table}").fetchone()[0]
            return 0.0 if last is None else float(last) + 1.0
        positions = [
            r[0]
            for r in self._conn.execute(
                f"SELECT position FROM {table} WHERE deleted = 0 ORDER BY position, rowid"
            )
        ]
        index = max(0, min(index, len(positions)))
        if index == len(positions):
            return (positions[-1] + 1.0) if positions else 0.0
        after = positions[index]
        before = positions[index - 1] if index > 0 else after - 2.0
        return (before + after) / 2.0
