"""Opening and creating .workshop files safely: read-only checks that never modify a refused
file (``inspect``: nothing is written, not even a pragma, until every check has passed), the
connection's durability pragmas, and building a new file whole in a temporary file."""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.errors import DocumentError
from workshop_app.domain.records import Record
from workshop_app.storage import clocks, validation
from workshop_app.storage.files import readonly_uri
from workshop_app.storage.rows import TABLES, to_row
from workshop_app.storage.schema import APPLICATION_ID, SCHEMA_VERSION
from workshop_app.storage.validation import SetAside, damaged


def migrate_if_needed(conn: sqlite3.Connection) -> None:
    """Bring the schema up to date; sqlite-utils is only imported when there is work to do."""
    if conn.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
        from workshop_app.storage.migrations import migrate

        migrate(conn)


def connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA busy_timeout=5000")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    if sys.platform == "darwin":  # F_FULLFSYNC: flush the drive's cache too
        conn.execute("PRAGMA fullfsync=ON")
        conn.execute("PRAGMA checkpoint_fullfsync=ON")
    return conn


def side_files(path: Path) -> list[Path]:
    return [path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def remove_new_side_files(path: Path, existed: set[Path]) -> None:
    """Remove the -wal/-shm files a read-only connection created (call only with the lock held,
    so no other connection can be using them)."""
    for side in side_files(path):
        if side not in existed:
            side.unlink(missing_ok=True)


@dataclass
class Inspection:
    """What the read-only checks found: the file's ``user_version``, the records set aside as
    unreadable, and ``conn``, a read-only connection to the checked content: the file itself,
    or, for a file from an older version, a copy brought up to date in memory. The caller
    closes ``conn``."""

    version: int
    set_aside: list[SetAside]
    conn: sqlite3.Connection


def inspect(path: Path, *, deep: bool = True) -> Inspection:
    """Every check, before anything is written: identity, integrity_check, the version, then the
    tables, the event and every row (``validation``). A file from an older version is checked
    as a copy migrated in memory, which also proves its migration works before the file is
    touched. Raises DocumentError; a refused file is never modified (with the lock held, call
    ``remove_new_side_files`` for the -wal/-shm a read-only look may create).

    ``deep=False`` leaves out the two checks that read the whole file, integrity_check and the
    row scan (``set_aside`` is then empty): for a caller that runs them itself with ``deep_checks``
    (a merge checks a source while it merges it, and commits only if they pass). Only for a
    file in the current format."""
    name = path.name
    try:
        conn = sqlite3.connect(readonly_uri(path), uri=True, isolation_level=None)
    except sqlite3.Error as exc:
        raise damaged(name, str(exc)) from None
    try:
        version = _check_identity(conn, path, integrity=deep)
        if not deep:
            if version != SCHEMA_VERSION:
                raise ValueError("inspect(deep=False) is only for files in the current format")
            validation.check_tables(conn, name)
            return Inspection(version, [], conn)
        if version < SCHEMA_VERSION:
            conn = _migrated_copy(conn, name)
        return Inspection(version, validation.inspect(conn, name), conn)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise damaged(name, str(exc)) from None
    except BaseException:
        conn.close()
        raise


def integrity_check(path: Path, name: str) -> None:
    """``PRAGMA integrity_check`` of ``path`` on a read-only connection of its own (so it can
    run in a worker thread; SQLite lets go of Python's lock while it reads). Raises the
    damaged-file DocumentError."""
    try:
        conn = sqlite3.connect(readonly_uri(path), uri=True, isolation_level=None)
        try:
            result = [row[0] for row in conn.execute("PRAGMA integrity_check(5)")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise damaged(name, str(exc)) from None
    if result != ["ok"]:
        raise damaged(name, _first_problem(result[0]))


def row_scan(path: Path, name: str) -> list[SetAside]:
    """The rows of ``path`` that cannot be read (``validation.scan``), on a read-only
    connection of its own, like ``integrity_check``."""
    try:
        conn = sqlite3.connect(readonly_uri(path), uri=True, isolation_level=None)
        try:
            return validation.scan_rows(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise damaged(name, str(exc)) from None


def _check_identity(conn: sqlite3.Connection, path: Path, *, integrity: bool = True) -> int:
    name = path.name
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    # integrity_check, not quick_check: it also compares every index with its table, so a
    # damaged page whose value its index no longer matches is refused here instead of giving
    # one answer to a query the index serves and another to one the table serves (~7 ms more
    # for 10,000 notes; found by the fuzz test).
    result = [row[0] for row in conn.execute("PRAGMA integrity_check(5)")] if integrity else []
    if app_id != APPLICATION_ID:
        raise DocumentError(
            f"“{name}” is a database made by another program, not a workshop document."
        )
    if integrity and result != ["ok"]:
        raise damaged(name, _first_problem(result[0]))
    refuse_newer(path, version)
    return int(version)


def _migrated_copy(conn: sqlite3.Connection, name: str) -> sqlite3.Connection:
    """An in-memory copy of ``conn``'s database, migrated (``conn`` is closed)."""
    from workshop_app.storage.migrations import migrate

    copy = sqlite3.connect(":memory:", isolation_level=None)
    try:
        conn.backup(copy)
        conn.close()
        try:
            migrate(copy)
        except Exception as exc:  # a copy: whatever stops its migration is damage in the file
            raise damaged(name, f"it could not be brought up to date: {exc}") from None
    except BaseException:
        copy.close()
        raise
    return copy


def _first_problem(report: str) -> str:
    """One line of an integrity_check report (it lists pages over several lines, under banners)."""
    lines = [line for line in report.splitlines() if line and not line.startswith("***")]
    return lines[0] if lines else report.strip()


def refuse_newer(path: Path, version: int) -> None:
    if version > SCHEMA_VERSION:
        raise DocumentError(
            f"“{path.name}” was saved by a newer version of Workshop (file format {version}; "
            f"this version reads up to {SCHEMA_VERSION}). Update Workshop to open it."
        )


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
