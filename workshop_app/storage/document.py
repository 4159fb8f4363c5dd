"""The event document: one ``.workshop`` file, one SQLite database, read and written as records.

Every public write is one transaction, committed (WAL, ``synchronous=FULL``) before it returns:
a change the caller was told about is on disk. One process opens a file at a time (FileLock).
Opening checks the file without modifying it first: a foreign, empty, corrupt or too-new file is
refused and left byte-identical.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import sys
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import fields, replace
from pathlib import Path
from typing import Any, TypeVar

from sqlite_utils import Database

from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.clock import utc_now
from workshop_app.domain.errors import DocumentError, DocumentInUseError, NotFoundError
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
from workshop_app.storage import backups, run_state
from workshop_app.storage.device import device_id as this_device
from workshop_app.storage.files import FileLock, check_header, readonly_uri, replace_durably
from workshop_app.storage.schema import APPLICATION_ID, SCHEMA_VERSION, migrations

R = TypeVar("R", bound=Record)

TABLES: dict[type[Record], str] = {
    Event: "event",
    Speaker: "speaker",
    Question: "question",
    Group: "breakout_group",
    AgendaItem: "agenda_item",
    Theme: "theme",
    Note: "note",
}
_BOOLS = {"deleted", "starred"}
_JSON_LISTS = {"question_ids"}
_COLUMNS: dict[type[Record], tuple[str, ...]] = {
    kind: tuple(f.name for f in fields(kind)) for kind in TABLES
}
SUFFIX = ".workshop"


def _to_row(record: Record, position: float) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for name in _COLUMNS[type(record)]:
        value = getattr(record, name)
        if name in _BOOLS:
            value = int(bool(value))
        elif name in _JSON_LISTS:
            value = json.dumps(list(value))
        row[name] = value
    row["position"] = position
    return row


def _from_row(kind: type[R], row: sqlite3.Row) -> R:
    values: dict[str, Any] = {}
    for name in _COLUMNS[kind]:
        value = row[name]
        if name in _BOOLS:
            value = bool(value)
        elif name in _JSON_LISTS:
            value = tuple(json.loads(value))
        values[name] = value
    return kind(**values)


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA busy_timeout=5000")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    if sys.platform == "darwin":  # F_FULLFSYNC: flush the drive's cache too
        conn.execute("PRAGMA fullfsync=ON")
        conn.execute("PRAGMA checkpoint_fullfsync=ON")
    return conn


def _side_files(path: Path) -> list[Path]:
    return [path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def _remove_new_side_files(path: Path, existed: set[Path]) -> None:
    """Remove the -wal/-shm files a read-only connection created (call only with the lock held,
    so no other connection can be using them)."""
    for side in _side_files(path):
        if side not in existed:
            side.unlink(missing_ok=True)


def _verify_readonly(path: Path) -> int:
    """Open read-only, check identity and run quick_check. Returns user_version.
    Call with the lock held: side files the check creates are removed again."""
    existed = {side for side in _side_files(path) if side.exists()}
    try:
        return _check_readonly(path)
    finally:
        _remove_new_side_files(path, existed)


def _check_readonly(path: Path) -> int:
    name = path.name
    try:
        conn = sqlite3.connect(readonly_uri(path), uri=True)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            result = [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DocumentError(
            f"“{name}” is damaged and cannot be opened ({exc}). It has not been changed; "
            "the backups folder (Help ▸ Where files are kept) may hold a recent copy."
        ) from None
    if app_id != APPLICATION_ID:
        raise DocumentError(
            f"“{name}” is a database made by another program, not a workshop document."
        )
    if result != ["ok"]:
        raise DocumentError(
            f"“{name}” is damaged and cannot be opened ({_first_problem(result[0])}). "
            "It has not been changed; "
            "the backups folder (Help ▸ Where files are kept) may hold a recent copy."
        )
    return int(version)


def _first_problem(report: str) -> str:
    """One line of a quick_check report (it lists pages over several lines, under banners)."""
    lines = [line for line in report.splitlines() if line and not line.startswith("***")]
    return lines[0] if lines else report.strip()


def _refuse_newer(path: Path, version: int) -> None:
    if version > SCHEMA_VERSION:
        raise DocumentError(
            f"“{path.name}” was saved by a newer version of Workshop (file format {version}; "
            f"this version reads up to {SCHEMA_VERSION}). Update Workshop to open it."
        )


class Document:
    """An open event document. Create with ``Document.open`` or ``Document.create``; ``close``
    when done (also a context manager)."""

    def __init__(
        self, path: Path, conn: sqlite3.Connection, lock: FileLock | None, *, readonly: bool = False
    ) -> None:
        self.path = path
        self.device_id = this_device()
        self.readonly = readonly
        self._side_existed: set[Path] = set()
        self._conn = conn
        self._db = Database(conn)
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

        ``readonly`` opens without the lock (for export while the app has the file open):
        it reads the last committed state and cannot write."""
        path = Path(path).absolute()
        _refuse_newer(path, check_header(path))
        if readonly:
            return cls._open_readonly(path)
        lock = FileLock(path)
        lock.acquire()
        try:
            version = _verify_readonly(path)
            _refuse_newer(path, version)
            if version < SCHEMA_VERSION:
                backups.take_backup(path, _event_id_of(path))
            conn = _connect(path)
            try:
                _migrate(conn)
                return cls(path, conn, lock)
            except BaseException:
                conn.close()
                raise
        except BaseException:
            lock.release()
            raise

    @classmethod
    def _open_readonly(cls, path: Path) -> Document:
        lock: FileLock | None = FileLock(path)
        try:
            lock.acquire()  # type: ignore[union-attr]
        except DocumentInUseError:
            lock = None  # the app has it open: read its committed state, touch nothing of its
        existed = {side for side in _side_files(path) if side.exists()}
        try:
            version = _check_readonly(path)
            _refuse_newer(path, version)
            if version < SCHEMA_VERSION:
                raise DocumentError(
                    f"“{path.name}” was saved by an older version of Workshop; "
                    "open it in the app once to bring it up to date."
                )
            conn = sqlite3.connect(readonly_uri(path), uri=True, isolation_level=None)
            conn.row_factory = sqlite3.Row
            document = cls(path, conn, lock, readonly=True)
            document._side_existed = existed
            return document
        except BaseException:
            if lock is not None:
                _remove_new_side_files(path, existed)
                lock.release()
            raise

    @classmethod
    def create(
        cls,
        path: str | os.PathLike[str],
        bundle: EventBundle | None = None,
        *,
        force: bool = False,
    ) -> Document:
        """Write a new document holding ``bundle`` (or an empty untitled event) and open it.
        The file appears whole or not at all; an existing file is replaced only with ``force``."""
        path = Path(path).absolute()
        if path.exists() and not force:
            raise DocumentError(f"“{path.name}” already exists; use --force to replace it.")
        if not path.parent.is_dir():
            raise DocumentError(f"The folder “{path.parent}” does not exist.")
        bundle = bundle or EventBundle(event=Event(title="Untitled event"))
        lock = FileLock(path)
        lock.acquire()
        tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
        try:
            _write_new(tmp, bundle, this_device())
            for stale in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
                stale.unlink(missing_ok=True)  # never let an old WAL replay onto the new file
            replace_durably(tmp, path)
            conn = _connect(path)
            return cls(path, conn, lock)
        except BaseException:
            tmp.unlink(missing_ok=True)
            lock.release()
            raise

    def close(self) -> None:
        if self._conn is None:
            return
        self.backups.wait()
        conn, self._conn = self._conn, None  # type: ignore[assignment]
        conn.close()
        if self._lock is not None:
            if self.readonly:  # nobody else had it open: tidy what the read-only read made
                _remove_new_side_files(self.path, self._side_existed)
            self._lock.release()

    @property
    def closed(self) -> bool:
        return self._conn is None

    def __enter__(self) -> Document:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def save_copy(self, target: str | os.PathLike[str], *, force: bool = False) -> Path:
        """Write a consistent copy of the document to ``target`` (SQLite backup API, temporary
        file and rename). The open document stays this one."""
        target = Path(target).absolute()
        if target.resolve() == self.path.resolve():
            raise DocumentError("Choose a different file for the copy.")
        if target.exists() and not force:
            raise DocumentError(f"“{target.name}” already exists; use --force to replace it.")
        if not target.parent.is_dir():
            raise DocumentError(f"The folder “{target.parent}” does not exist.")
        tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.tmp")
        try:
            dst = sqlite3.connect(tmp)
            try:
                self._conn.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
            replace_durably(tmp, target)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return target

    # -- reading -------------------------------------------------------------------------

    @property
    def event_id(self) -> str:
        return self._event_id

    def event(self) -> Event:
        row = self._conn.execute("SELECT * FROM event WHERE id = ?", (self._event_id,)).fetchone()
        return _from_row(Event, row)

    def list(self, kind: type[R], /, *, include_deleted: bool = False, **where: Any) -> list[R]:
        """Records of ``kind`` in display order; ``where`` filters by equal field values
        (``None`` matches NULL). ``kind`` is positional-only so ``kind="quote"`` can filter."""
        sql, params = self._select(kind, include_deleted, where)
        return [
            _from_row(kind, row)
            for row in self._conn.execute(sql + " ORDER BY position, rowid", params)
        ]

    def count(self, kind: type[Record], /, *, include_deleted: bool = False, **where: Any) -> int:
        sql, params = self._select(kind, include_deleted, where, columns="COUNT(*)")
        return int(self._conn.execute(sql, params).fetchone()[0])

    def get(self, kind: type[R], record_id: str) -> R:
        """The record with this id, tombstoned or not. Raises NotFoundError."""
        row = self._conn.execute(
            f"SELECT * FROM {TABLES[kind]} WHERE id = ?", (record_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"No {kind.__name__.lower()} with id “{record_id}” in this event.")
        return _from_row(kind, row)

    def index_of(self, kind: type[Record], record_id: str) -> int:
        """Display index of a live record among the live records of its kind."""
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
        """Group several writes into one transaction (nested calls become savepoints)."""
        with self._db.atomic():
            yield self
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
            row = _to_row(record, position)
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
            updated = replace(current, updated_at=utc_now(), device_id=self.device_id, **changes)
            row = _to_row(updated, 0)
            del row["position"], row["id"], row["created_at"]
            assignments = ", ".join(f"{name} = ?" for name in row)
            self._conn.execute(
                f"UPDATE {TABLES[kind]} SET {assignments} WHERE id = ?",
                (*row.values(), record_id),
            )
        return updated

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
                f"UPDATE {table} SET position = ?, updated_at = ?, device_id = ? WHERE id = ?",
                [(float(i), now, self.device_id, rid) for i, rid in enumerate(ids)],
            )

    # -- helpers ---------------------------------------------------------------------------

    def _select(
        self, kind: type[Record], include_deleted: bool, where: dict[str, Any], columns: str = "*"
    ) -> tuple[str, list[Any]]:
        clauses: list[str] = [] if include_deleted else ["deleted = 0"]
        params: list[Any] = []
        for name, value in where.items():
            if name not in _COLUMNS[kind]:
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


def _event_id_of(path: Path) -> str:
    conn = sqlite3.connect(readonly_uri(path), uri=True)
    try:
        return str(conn.execute("SELECT id FROM event LIMIT 1").fetchone()[0])
    finally:
        conn.close()


def _migrate(conn: sqlite3.Connection) -> None:
    db = Database(conn)
    if migrations.pending(db):
        migrations.apply(db)
        conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")


def _write_new(tmp: Path, bundle: EventBundle, device: str) -> None:
    """Build a complete document in ``tmp`` (rollback journal, so it is one file) and fsync."""
    conn = sqlite3.connect(tmp, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
        _migrate(conn)
        with Database(conn).atomic():
            for position, record in _positioned(bundle):
                if not record.device_id:
                    record = replace(record, device_id=device)
                row = _to_row(record, float(position))
                names = ", ".join(row)
                marks = ", ".join("?" for _ in row)
                conn.execute(
                    f"INSERT INTO {TABLES[type(record)]} ({names}) VALUES ({marks})",
                    tuple(row.values()),
                )
        conn.execute("PRAGMA journal_mode=WAL")
    finally:
        conn.close()
    with open(tmp, "rb+") as handle:
        os.fsync(handle.fileno())


def _positioned(bundle: EventBundle) -> Iterator[tuple[int, Record]]:
    yield 0, bundle.event
    for group in (
        bundle.speakers,
        bundle.questions,
        bundle.groups,
        bundle.agenda,
        bundle.themes,
        bundle.notes,
    ):
        yield from enumerate(group)
