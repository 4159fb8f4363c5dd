"""The one way into a .workshop file: open it for writing, open it for reading, or create it.
Each returns an ``Opened`` (connection, lock, records set aside) for ``Document`` to wrap; the
checks are in ``inspection``, the lock in ``locks``, writing a file whole in ``new_file``.

Opening for writing (``open_for_writing``) goes down these steps, never back:

1. Header (``inspection.read_header``): the first 100 bytes, read without SQLite, so a refused
   file is untouched: a regular file, SQLite's magic, our application id, a format this
   version reads.
2. Writable (``refuse_unwritable``): the file and its folder, before anything is made beside it.
3. Lock (``FileLock``): one writer per file, by whatever name it was reached.
4. Look (``inspection.inspect``) on a read-only connection: identity again (a ``-wal`` can hold
   a newer first page than the file), integrity_check, tables, event, every row; an older
   format is checked as a copy migrated in memory. A ``-wal``/``-shm`` the look made is removed
   again (``_remove_new_side_files``), so a refused file is left as it was found.
5. Damaged records: a file with rows that cannot be read is returned on the look's read-only
   connection, lock held, and is never written.
6. Make ready: a stray ``-journal`` beside a WAL file is set aside and a ``-shm`` this user
   cannot write is removed (``_clear_the_way``); a file in an older format is backed up.
7. Connect (``connect``: WAL, ``synchronous=FULL``) and migrate an older format in place.

Opening for reading (``open_for_reading``) is steps 1 and 4: no lock, nothing written beside
the file (``files.readonly_uri``), so it works while the app has the file open.

Creating (``create``): the output is checked (``files.check_output``), its lock taken, the
event built whole in a temporary file (``write_new``), the replaced file's logs removed and the
new file renamed into place (``new_file``), the lock moved to the new file, then connected
as in step 7 (a new file is in the current format already).
"""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.errors import DocumentError
from workshop_app.domain.records import Record
from workshop_app.i18n import _
from workshop_app.storage import backups, clocks, files, inspection, new_file
from workshop_app.storage.device import device_id
from workshop_app.storage.locks import FileLock
from workshop_app.storage.rows import TABLES, to_row
from workshop_app.storage.schema import APPLICATION_ID, SCHEMA_VERSION
from workshop_app.storage.validation import SetAside


@dataclass
class Opened:
    """An open file for ``Document``: its connection, the lock (None when opened for reading)
    and the records set aside as unreadable (then the file is only read)."""

    conn: sqlite3.Connection
    lock: FileLock | None
    set_aside: list[SetAside] = field(default_factory=list)

    @property
    def readonly(self) -> bool:
        return self.lock is None or bool(self.set_aside)

    def close(self) -> None:
        """Give the file back (when what was opened is not used after all)."""
        try:
            self.conn.close()
        finally:
            if self.lock is not None:
                self.lock.release()


def open_for_writing(path: Path) -> Opened:
    """Steps 1 to 7 of the module's description. Raises DocumentError (or DocumentInUseError)
    with a message for a person; a refused file is never modified."""
    inspection.read_header(path)
    refuse_unwritable(path)
    lock = FileLock(path)
    lock.acquire()
    try:
        existed = {side for side in files.side_files(path) if side.exists()}
        try:
            found = inspection.inspect(path)  # reads past a stray -journal (readonly_uri)
        except BaseException:
            _remove_new_side_files(path, existed)
            raise
        if found.set_aside:
            return Opened(found.conn, lock, found.set_aside)
        try:
            event_id = str(found.conn.execute("SELECT id FROM event").fetchone()[0])
        finally:
            found.conn.close()
        _remove_new_side_files(path, existed)
        _clear_the_way(path)  # only once the file is accepted for writing
        if found.version < SCHEMA_VERSION:
            backups.take_backup(path, event_id)
        return Opened(_connect_migrated(path), lock)
    except BaseException:
        lock.release()
        raise


def open_for_reading(path: Path) -> Opened:
    """Steps 1 and 4: the last committed state, read without the lock and without writing
    anything beside the file; a file from an older version is read as a copy brought up to
    date in memory. Raises DocumentError."""
    inspection.read_header(path)
    found = inspection.inspect(path)
    return Opened(found.conn, None, found.set_aside)


def create(
    path: Path,
    bundle: EventBundle,
    *,
    force: bool,
    inputs: tuple[Path, ...],
    stamps: Mapping[str, str] | None,
) -> Opened:
    """A new file at ``path`` holding ``bundle``, open for writing. Refuses what
    ``files.check_output`` refuses (an existing file without ``force``, one of ``inputs``) and
    a file open in Workshop by any name; through a symlink, the file it names is replaced."""
    real = files.check_output(path, force=force, inputs=inputs, error=DocumentError)
    lock = FileLock(real)
    lock.acquire()
    try:
        with new_file.building(real, path.name) as tmp:
            write_new(tmp, bundle, device_id(), stamps)
            new_file.put_in_place(tmp, real)
            lock.adopt(real)
            return Opened(connect(path), lock)
    except BaseException:
        lock.release()
        raise


def refuse_unwritable(path: Path) -> None:
    """Refuse, before anything is created beside it, a file that cannot be saved to: the file
    or its folder is read-only (a reader opens it fine; a writer would leave a read-only
    ``-shm`` behind and fail on the first save)."""
    real = Path(os.path.realpath(path))
    where = None
    if not os.access(real, os.W_OK):
        where = _("the file is read-only")
    elif not os.access(real.parent, os.W_OK):
        where = _("its folder is read-only")
    if where:
        raise DocumentError(
            _(
                "“{name}” cannot be opened for editing: {reason}. Copy it to a folder you can "
                "write to, or make it writable, then open it again. (workshop-app info, export "
                "and report can read it as it is.)"
            ).format(name=path.name, reason=where)
        )


def _remove_new_side_files(path: Path, existed: set[Path]) -> None:
    """Remove the -wal/-shm files the read-only look created (only with the lock held, so no
    other connection can be using them)."""
    for side in files.side_files(path):
        if side not in existed:
            side.unlink(missing_ok=True)


def _clear_the_way(path: Path) -> None:
    """Before a writer opens ``path`` (lock held): a stray ``-journal`` beside a WAL-mode file
    (never SQLite's to replay: replaying it could write old pages over new ones) is renamed out
    of SQLite's way, kept, not deleted; a rollback-mode file's journal is SQLite's to recover.
    A ``-shm`` this user cannot write (left by an old read-only open; only an index, rebuilt
    from the ``-wal``) is removed."""
    real = Path(os.path.realpath(path))
    journal = real.with_name(real.name + "-journal")
    shm = real.with_name(real.name + "-shm")
    try:
        if journal.exists() and files.is_wal_file(real):
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            journal.replace(journal.with_name(f"{journal.name}.stray-{stamp}"))
        if shm.exists() and not os.access(shm, os.W_OK):
            shm.unlink()
    except OSError as exc:
        raise DocumentError(
            _("“{name}” cannot be opened: {reason}.").format(
                name=path.name, reason=files.reason(exc)
            )
        ) from None


def connect(path: Path) -> sqlite3.Connection:
    """A writer's connection: WAL, ``synchronous=FULL`` (and a full fsync on macOS)."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA busy_timeout=5000")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    if sys.platform == "darwin":  # F_FULLFSYNC: flush the drive's cache too
        conn.execute("PRAGMA fullfsync=ON")
        conn.execute("PRAGMA checkpoint_fullfsync=ON")
    return conn


def _connect_migrated(path: Path) -> sqlite3.Connection:
    conn = connect(path)
    try:
        migrate_if_needed(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def migrate_if_needed(conn: sqlite3.Connection) -> None:
    """Bring the schema up to date; sqlite-utils is only imported when there is work to do."""
    if conn.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
        from workshop_app.storage.migrations import migrate

        migrate(conn)


def write_new(
    tmp: Path, bundle: EventBundle, device: str, stamps: Mapping[str, str] | None = None
) -> None:
    """Build a complete document in ``tmp`` (rollback journal, so it is one file) and fsync.
    ``stamps`` are clocks to store by record id (an imported file's); other records' fields
    are all stamped with the record's ``updated_at``."""
    conn = sqlite3.connect(tmp, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
        migrate_if_needed(conn)
        conn.execute("BEGIN")
        for position, record in _positioned(bundle):
            if not record.device_id:
                record = replace(record, device_id=device)
            row = to_row(record, float(position))
            row["clock"] = (stamps or {}).get(record.id) or clocks.initial(
                record.updated_at, record.device_id
            )
            names = ", ".join(row)
            marks = ", ".join("?" for _ in row)
            conn.execute(
                f"INSERT INTO {TABLES[type(record)]} ({names}) VALUES ({marks})",
                tuple(row.values()),
            )
        conn.execute("COMMIT")
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
