"""The event document: one ``.workshop`` file, one SQLite database, read and written as records.

Every public write is one transaction, committed (WAL, ``synchronous=FULL``) before it returns:
a change the caller was told about is on disk. One process opens a file at a time (FileLock).
Opening checks the file without modifying it first: a foreign, empty, corrupt or too-new file is
refused and left byte-identical.
"""

from __future__ import annotations

import builtins
import contextlib
import os
import sqlite3
import uuid
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.clock import utc_now
from workshop_app.domain.errors import DocumentError, NotFoundError
from workshop_app.domain.records import (
    AgendaItem,
    Event,
    Group,
    Note,
    Question,
    Record,
    Speaker,
    Theme,
)
from workshop_app.domain.run import RunState
from workshop_app.storage import (
    backups,
    bulk,
    clocks,
    conflicts,
    files,
    handout,
    laptops,
    opening,
    run_state,
)
from workshop_app.storage.conflicts import Conflict
from workshop_app.storage.device import device_id as this_device
from workshop_app.storage.device import zone_name
from workshop_app.storage.files import FileLock, check_header, replace_durably
from workshop_app.storage.merge import MergeResult, merge_into
from workshop_app.storage.rows import (
    COLUMNS,
    NAMES,
    TABLES,
    BadRow,
    decode_text,
    field_values,
    from_row,
    to_row,
)
from workshop_app.storage.schema import SCHEMA_VERSION
from workshop_app.storage.validation import SetAside, damaged

R = TypeVar("R", bound=Record)
SUFFIX = ".workshop"


class Document:
    """An open event document. Create with ``Document.open`` or ``Document.create``; ``close``
    when done (also a context manager)."""

    def __init__(
        self,
        path: Path,
        conn: sqlite3.Connection,
        lock: FileLock | None,
        *,
        readonly: bool = False,
        set_aside: Iterable[SetAside] = (),
    ) -> None:
        self.path = path
        #: This laptop, stamped on every change: a handed-out copy's own id (``handout``), so
        #: two copies opened on one laptop are two laptops to a merge.
        self.device_id = handout.read(conn, handout.DEVICE) or this_device()
        #: Records that could not be read (a damaged file): left out of every read, and the
        #: document is read-only, so nothing can be written over them.
        self.set_aside: tuple[SetAside, ...] = tuple(set_aside)
        self.readonly = readonly or bool(self.set_aside)
        self._side_existed: set[Path] = set()
        conn.row_factory = sqlite3.Row
        conn.text_factory = decode_text
        self._conn = conn
        self._lock = lock
        self._event_id: str = conn.execute("SELECT id FROM event LIMIT 1").fetchone()[0]
        self.backups = backups.BackupScheduler(path, self._event_id)
        if not self.readonly:
            self.backups.now()

    # -- opening and closing -------------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, readonly: bool = False) -> Document:
        """Open an existing document. Raises DocumentError (or DocumentInUseError) with a
        message for a person; a refused file is never modified.

        ``readonly`` opens without the lock (for info, export and report, also while the app
        has the file open): it reads the last committed state, writes nothing beside the file
        and cannot write; the app can open the file meanwhile. A file from an older version is
        read as a copy brought up to date in memory.

        Every check is made read-only first (``opening.inspect``). A file with records that
        cannot be read opens read-only without them (``set_aside``), and is never written."""
        path = Path(path).absolute()
        opening.refuse_newer(path, check_header(path))
        if readonly:
            return cls._open_readonly(path)
        files.refuse_unwritable(path)
        lock = FileLock(path)
        lock.acquire()
        existed = {side for side in opening.side_files(path) if side.exists()}
        try:
            found = opening.inspect(path)  # reads past a stray -journal (readonly_uri)
        except BaseException:
            opening.remove_new_side_files(path, existed)
            lock.release()
            raise
        try:
            if found.set_aside:
                return cls._reading(path, found, lock, existed)
            event_id = str(found.conn.execute("SELECT id FROM event").fetchone()[0])
            found.conn.close()
            opening.remove_new_side_files(path, existed)
            _set_aside_stray_journal(path)  # only once the file is accepted for writing
            if found.version < SCHEMA_VERSION:
                backups.take_backup(path, event_id)
            conn = opening.connect(path)
            try:
                opening.migrate_if_needed(conn)
                return cls(path, conn, lock)
            except BaseException:
                conn.close()
                raise
        except BaseException:
            found.conn.close()
            lock.release()
            raise

    @classmethod
    def _open_readonly(cls, path: Path) -> Document:
        """A reader: no lock, nothing written beside the file (``readonly_uri``)."""
        return cls._reading(path, opening.inspect(path), None, set())

    @classmethod
    def _reading(
        cls, path: Path, found: opening.Inspection, lock: FileLock | None, existed: set[Path]
    ) -> Document:
        """A read-only document on what ``inspect`` checked."""
        try:
            document = cls(path, found.conn, lock, readonly=True, set_aside=found.set_aside)
        except BaseException:
            found.conn.close()
            raise
        document._side_existed = existed
        return document

    @classmethod
    def create(
        cls,
        path: str | os.PathLike[str],
        bundle: EventBundle | None = None,
        *,
        force: bool = False,
        inputs: tuple[Path, ...] = (),
        stamps: Mapping[str, str] | None = None,
    ) -> Document:
        """Write a new document holding ``bundle`` (or an empty untitled event) and open it.
        ``stamps``: per-field clocks by record id, kept from an imported file.
        The file appears whole or not at all; an existing file is replaced only with ``force``
        and never while it is open (by any name); through a symlink, the file it names is
        replaced. ``inputs`` are files the caller read, which must not be the output."""
        path = Path(path).absolute()
        real = files.check_output(path, force=force, inputs=inputs, error=DocumentError)
        bundle = bundle or EventBundle(event=Event(title="Untitled event", timezone=zone_name()))
        lock = FileLock(real)
        lock.acquire()
        files.remove_stale_temporaries(real.parent)
        tmp = real.with_name(f".{real.name}.{uuid.uuid4().hex[:8]}.tmp")
        try:
            opening.write_new(tmp, bundle, this_device(), stamps)
            for stale in (*opening.side_files(real), real.with_name(real.name + "-journal")):
                stale.unlink(missing_ok=True)  # never let the replaced file's log meet the new one
            replace_durably(tmp, real)
            lock.adopt(real)
            conn = opening.connect(path)
            return cls(path, conn, lock)
        except (OSError, sqlite3.OperationalError) as exc:
            lock.release()
            raise DocumentError(
                f"Could not write “{path.name}”: {_write_failure(exc)}. Nothing was written."
            ) from None
        except BaseException:
            lock.release()
            raise
        finally:
            for temporary in (tmp, tmp.with_name(tmp.name + "-journal")):
                temporary.unlink(missing_ok=True)

    def close(self) -> None:
        if self._conn is None:
            return
        self.backups.wait()
        conn, self._conn = self._conn, None  # type: ignore[assignment]
        conn.close()
        if self._lock is not None:
            self._lock.release()

    def readonly_reason(self) -> str:
        """Why this document cannot be changed, for a person."""
        if self.set_aside:
            return f"{self.damage()}, so it is open read-only."
        return f"“{self.path.name}” is open read-only."

    def damage(self) -> str:
        """ "“x.workshop” is damaged: 2 records could not be read and are left out" ("" if
        every record was read)."""
        count = len(self.set_aside)
        if not count:
            return ""
        which = (
            "1 record could not be read and is left out"
            if count == 1
            else (f"{count} records could not be read and are left out")
        )
        return f"“{self.path.name}” is damaged: {which}"

    @property
    def closed(self) -> bool:
        return self._conn is None

    def __enter__(self) -> Document:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def save_copy(self, target: str | os.PathLike[str], *, force: bool = False) -> Path:
        """Write a consistent copy of the document to ``target`` (SQLite backup API, temporary
        file and rename). The open document stays this one; a file open in Workshop (by any
        name) is never replaced."""
        target = Path(target).absolute()
        if files.same_file(target, self.path):
            raise DocumentError("Choose a different file for the copy.")
        real = files.check_output(target, force=force, error=DocumentError)
        lock = FileLock(real)
        lock.acquire()
        files.remove_stale_temporaries(real.parent)
        tmp = real.with_name(f".{real.name}.{uuid.uuid4().hex[:8]}.tmp")
        try:
            dst = sqlite3.connect(tmp)
            try:
                self._conn.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
            for stale in (*opening.side_files(real), real.with_name(real.name + "-journal")):
                stale.unlink(missing_ok=True)  # the replaced file's log must not meet the copy
            replace_durably(tmp, real)
        except (OSError, sqlite3.OperationalError) as exc:
            raise DocumentError(
                f"Could not write “{target.name}”: {_write_failure(exc)}. Nothing was written."
            ) from None
        finally:
            for temporary in (tmp, tmp.with_name(tmp.name + "-journal")):
                temporary.unlink(missing_ok=True)
            lock.release()
        return target

    # -- reading -------------------------------------------------------------------------

    @property
    def event_id(self) -> str:
        return self._event_id

    def event(self) -> Event:
        row = self._conn.execute("SELECT * FROM event WHERE id = ?", (self._event_id,)).fetchone()
        return self._record(Event, row)

    def list(self, kind: type[R], /, *, include_deleted: bool = False, **where: Any) -> list[R]:
        """Records of ``kind`` in display order; ``where`` filters by equal field values
        (``None`` matches NULL). ``kind`` is positional-only so ``kind="quote"`` can filter.
        Records set aside as unreadable are left out."""
        sql, params = self._select(kind, include_deleted, where)
        records = []
        for row in self._conn.execute(sql + " ORDER BY position, rowid", params):
            try:
                records.append(self._record(kind, row))
            except NotFoundError:
                continue
        return records

    def count(self, kind: type[Record], /, *, include_deleted: bool = False, **where: Any) -> int:
        if self.set_aside:  # count what list() gives
            return len(self.list(kind, include_deleted=include_deleted, **where))
        sql, params = self._select(kind, include_deleted, where, columns="COUNT(*)")
        return int(self._conn.execute(sql, params).fetchone()[0])

    def get(self, kind: type[R], record_id: str) -> R:
        """The record with this id, tombstoned or not. Raises NotFoundError."""
        row = self._conn.execute(
            f"SELECT * FROM {TABLES[kind]} WHERE id = ?", (record_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"No {kind.__name__.lower()} with id “{record_id}” in this event.")
        return self._record(kind, row)

    def _record(self, kind: type[R], row: sqlite3.Row) -> R:
        """The record in ``row``; NotFoundError for a row set aside when the file was opened."""
        try:
            return from_row(kind, row)
        except BadRow as bad:
            if self.set_aside and kind is not Event:
                raise NotFoundError(
                    f"This {NAMES[kind]} could not be read from “{self.path.name}” ({bad})."
                ) from None
            raise damaged(
                self.path.name, f"a {NAMES[kind]} was changed into one that cannot be read: {bad}"
            ) from None

    def records(self, kind: type[R], ids: builtins.list[str]) -> builtins.list[R]:
        """The records with these ids (tombstoned or not), in the order asked, read in a few
        queries. Raises NotFoundError if one is missing."""
        found: dict[str, R] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            for row in self._conn.execute(
                f"SELECT * FROM {TABLES[kind]} WHERE id IN ({marks})", chunk
            ):
                found[row["id"]] = from_row(kind, row)
        missing = [rid for rid in ids if rid not in found]
        if missing:
            raise NotFoundError(f"No {kind.__name__.lower()} with id “{missing[0]}” in this event.")
        return [found[rid] for rid in ids]

    def field_values(
        self, kind: type[R], ids: builtins.list[str], names: tuple[str, ...]
    ) -> dict[str, dict[str, Any]]:
        """``{id: {field: value}}`` for a few fields of several records (the before-values an
        undo needs), read without building whole records. Raises NotFoundError if one is
        missing."""
        unknown = set(names) - set(COLUMNS[kind])
        if unknown:
            raise ValueError(f"{kind.__name__} has no field(s) {', '.join(sorted(unknown))}")
        columns = ", ".join(("id", *names))
        found: dict[str, dict[str, Any]] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            for row in self._conn.execute(
                f"SELECT {columns} FROM {TABLES[kind]} WHERE id IN ({marks})", chunk
            ):
                try:
                    found[row["id"]] = field_values(kind, names, row)
                except BadRow as bad:
                    raise damaged(
                        self.path.name, f"a {NAMES[kind]} cannot be read: {bad}"
                    ) from None
        missing = [rid for rid in ids if rid not in found]
        if missing:
            raise NotFoundError(f"No {kind.__name__.lower()} with id “{missing[0]}” in this event.")
        return found

    def index_of(self, kind: type[Record], record_id: str) -> int:
        """Display index of a live record among the live records of its kind."""
        if self.set_aside:
            return [record.id for record in self.list(kind)].index(record_id)
        ids = [
            r[0]
            for r in self._conn.execute(
                f"SELECT id FROM {TABLES[kind]} WHERE deleted = 0 ORDER BY position, rowid"
            )
        ]
        return ids.index(record_id)

    def bundle(self) -> EventBundle:
        """The whole live event, in display order (for export)."""
        return EventBundle(
            event=self.event(),
            speakers=tuple(self.list(Speaker)),
            questions=tuple(self.list(Question)),
            groups=tuple(self.list(Group)),
            agenda=tuple(self.list(AgendaItem)),
            themes=tuple(self.list(Theme)),
            notes=tuple(self.list(Note)),
        )

    # -- writing: each call is one committed transaction ----------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Document]:
        """Group several writes into one transaction (nested calls become savepoints).
        Raises DocumentError on a read-only document, before anything is written."""
        if self.readonly:
            raise DocumentError(self.readonly_reason() + " Nothing was changed.")
        conn = self._conn
        if conn.in_transaction:
            name = f"nested_{uuid.uuid4().hex[:12]}"
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
                f"Could not save to “{self.path.name}”: {_write_failure(exc)}. This change was "
                "not made; everything saved before it is safe."
            ) from exc
        self.backups.changed()

    def update_event(self, **changes: Any) -> Event:
        return self.update(Event, self._event_id, **changes)

    def add(self, record: R, *, index: int | None = None) -> R:
        """Insert a new record (at ``index`` in display order, else at the end), stamped with
        this device and the current time. Returns the record as stored."""
        now = utc_now()
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

    def add_many(self, records: builtins.list[R]) -> builtins.list[R]:
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
            updated = replace(current, updated_at=utc_now(), device_id=self.device_id, **changes)
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
            written = bulk.update_groups(self._conn, kind, todo, (utc_now(), self.device_id))
            if written != sum(len(ids) for change, ids in todo if change):
                raise NotFoundError(f"A {kind.__name__.lower()} to change is not in this event.")

    def grouped_values(
        self, kind: type[R], ids: Iterable[str], names: Iterable[str]
    ) -> builtins.list[tuple[dict[str, Any], builtins.list[str]]]:
        """The values of a few fields of several records, as groups of records sharing them:
        ``[({field: value}, [id, ...]), ...]`` (the before-values an undo of a bulk change
        needs, read in SQL). Raises NotFoundError if a record is missing."""
        return bulk.grouped_values(self._conn, self.path.name, kind, list(ids), tuple(names))

    def delete(self, kind: type[R], record_id: str) -> R:
        """Tombstone a record (it stays in the file, hidden, so merges and undo can see it)."""
        return self.update(kind, record_id, deleted=True)

    def restore(self, kind: type[R], record_id: str) -> R:
        """Bring a tombstoned record back (undo of delete)."""
        return self.update(kind, record_id, deleted=False)

    def run_state(self) -> RunState:
        """Where the run is (Run mode): the countdown a restart resumes."""
        return run_state.read(self._conn)

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
                raise NotFoundError(
                    f"No {kind.__name__.lower()} with id “{record_id}” in this event."
                )
            ids.remove(record_id)
            ids.insert(max(0, min(index, len(ids))), record_id)
            now = utc_now()
            self._conn.executemany(
                f"UPDATE {table} SET position = ?1, updated_at = ?2, device_id = ?3, "
                "clock = json_set(clock, '$.position', json_array(?2, ?3)) "
                "WHERE id = ?4 AND position IS NOT ?1",
                [(float(i), now, self.device_id, rid) for i, rid in enumerate(ids)],
            )

    def merge(
        self,
        sources: Iterable[str | os.PathLike[str]],
        *,
        refused: builtins.list[tuple[Path, str]] | None = None,
        checked: bool = False,
    ) -> MergeResult:
        """Merge other laptops' files of this event (.workshop or .json) into this one, in one
        transaction (``merge.py``). Raises DocumentError, with nothing changed, if one is
        refused; or, given a ``refused`` list, notes it there (file, reason) and merges the
        rest. ``checked``: files ``merge.stage_source`` made for this event (share_watch)."""
        if self.readonly:
            raise DocumentError(self.readonly_reason() + " Nothing was merged.")
        paths = [Path(source) for source in sources]
        return merge_into(
            self._conn, self._event_id, paths, self.transaction, refused, checked=checked
        )

    @property
    def handed_out(self) -> bool:
        """Is this a copy handed out to a table's laptop (File ▸ Prepare laptops for tables)?
        It opens in Capture, on its table."""
        return handout.read(self._conn, handout.DEVICE) is not None

    def copy_table(self) -> str | None:
        """The table (group id) a handed-out copy opens on in Capture (None: not chosen yet)."""
        return handout.read(self._conn, handout.CAPTURE_TABLE)

    def set_copy_table(self, group_id: str) -> None:
        """A handed-out copy's table changed in Capture (a setting of this file: not undoable,
        never merged). Nothing for a file that is not a handed-out copy."""
        if self.handed_out and not self.readonly:
            with self.transaction():
                handout.write(self._conn, handout.CAPTURE_TABLE, group_id)

    def write_copies(
        self, folder: str | os.PathLike[str], copies: builtins.list[handout.Copy]
    ) -> builtins.list[Path]:
        """Hand out ``copies`` of this event into ``folder`` (``handout.write_copies``)."""
        return handout.write_copies(self._conn, Path(folder), copies)

    def conflicts(self) -> builtins.list[Conflict]:
        """Texts that lost a merge (the same field edited on two laptops), newest first, left
        out once the record's text is that value again."""
        return conflicts.listed(self._conn)

    def put_back(self, kind: type[R], record_id: str, name: str, value: str) -> R:
        """Put a kept text (``conflicts``) back in place of the one that won, which is kept in
        its turn: one transaction, nothing lost."""
        with self.transaction():
            current = self.get(kind, record_id)
            stamps = clocks.decode(self._conn.execute(
                f"SELECT clock FROM {TABLES[kind]} WHERE id = ?", (record_id,)
            ).fetchone()[0], current.updated_at, current.device_id)
            conflicts.keep(self._conn, NAMES[kind], record_id, name, getattr(current, name),
                           stamps.get(name, stamps[clocks.STAR]))  # fmt: skip
            return self.update(kind, record_id, **{name: value})

    def laptops(self) -> builtins.list[laptops.Laptop]:
        """The laptops whose notes are in this file, the latest first (``laptops.arrivals``)."""
        return laptops.arrivals(self._conn)

    def snapshot_records(self, target: Path) -> None:
        """A copy of the file in ``target``, for ``restore_records`` (an undo of a merge)."""
        laptops.take_snapshot(self._conn, target)

    def restore_records(self, snapshot: Path) -> None:
        """Every record as it is in ``snapshot``, in one transaction (the run's state and the
        file's own settings are left as they are)."""
        if self.readonly:
            raise DocumentError(self.readonly_reason() + " Nothing was changed.")
        laptops.restore_records(self._conn, snapshot, self.transaction)

    # -- helpers ---------------------------------------------------------------------------

    def _stamp(
        self, table: str, values: Mapping[str, Any], ids: builtins.list[str], stamp: tuple[str, str]
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

    def _select(
        self, kind: type[Record], include_deleted: bool, where: dict[str, Any], columns: str = "*"
    ) -> tuple[str, builtins.list[Any]]:
        clauses: builtins.list[str] = [] if include_deleted else ["deleted = 0"]
        params: builtins.list[Any] = []
        for name, value in where.items():
            if name not in COLUMNS[kind]:
                raise ValueError(f"{kind.__name__} has no field {name}")
            if value is None:
                clauses.append(f"{name} IS NULL")
            else:
                clauses.append(f"{name} = ?")
                params.append(value)
        sql = f"SELECT {columns} FROM {TABLES[kind]}"
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        return sql, params

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


def _set_aside_stray_journal(path: Path) -> None:
    """Before a writer opens ``path`` (lock held): a stray ``-journal`` beside a WAL-mode file
    is renamed out of SQLite's way (kept, not deleted), and a ``-shm`` this user cannot write
    (left by an old read-only open; only an index, rebuilt from the ``-wal``) is removed."""
    real = Path(os.path.realpath(path))
    journal = files.stray_journal(real)
    shm = real.with_name(real.name + "-shm")
    try:
        if journal is not None:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            journal.replace(journal.with_name(f"{journal.name}.stray-{stamp}"))
        if shm.exists() and not os.access(shm, os.W_OK):
            shm.unlink()
    except OSError as exc:
        raise DocumentError(f"“{path.name}” cannot be opened: {files.reason(exc)}.") from None


def _write_failure(exc: sqlite3.Error | OSError) -> str:
    """Why a write failed, in words for a person."""
    if isinstance(exc, OSError):
        return files.reason(exc)
    text = str(exc).lower()
    if "full" in text:
        return "the disk is full"
    if "readonly" in text or "read-only" in text:
        return "the file or its folder cannot be written to"
    if "i/o" in text:
        return "the disk could not be written (was a USB stick removed?)"
    if "locked" in text or "busy" in text:
        return "another program is holding the file"
    return str(exc)
