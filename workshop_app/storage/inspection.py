"""Is this a workshop file, and is it sound? Checks that never modify the file they look at.

``read_header`` reads the first 100 bytes without SQLite (so nothing can change): a regular
file, SQLite's magic, our ``application_id``, a format this version reads. ``inspect`` then looks
through a read-only connection (``files.readonly_uri``: nothing written beside the file) and
checks the same identity again, since the header on disk can lag behind a ``-wal`` that a writer
has not yet copied back: then ``integrity_check``, the tables, the event and every row
(``validation``). ``integrity_check`` and ``row_scan`` are the two whole-file reads on their own,
for a merge that runs them in worker threads while it merges.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from workshop_app.domain.errors import DocumentError
from workshop_app.i18n import _
from workshop_app.storage import validation
from workshop_app.storage.files import WORKSHOP_FILE, open_regular, readonly_uri
from workshop_app.storage.schema import APPLICATION_ID, SCHEMA_VERSION
from workshop_app.storage.validation import SetAside, damaged

SQLITE_MAGIC = b"SQLite format 3\x00"


def read_header(path: Path) -> int:
    """The file's ``user_version``, read from its SQLite header without opening the database.
    Raises DocumentError if it is not a workshop document or was saved by a newer version."""
    name = path.name
    with os.fdopen(open_regular(path, WORKSHOP_FILE, DocumentError), "rb") as handle:
        header = handle.read(100)
    if not header:
        raise DocumentError(
            _("“{name}” is empty: it is not a workshop document.").format(name=name)
        )
    if not header.startswith(SQLITE_MAGIC) or len(header) < 100:
        raise DocumentError(
            _("“{name}” is not a workshop document (it is some other kind of file).").format(
                name=name
            )
        )
    _refuse_foreign(name, int.from_bytes(header[68:72], "big"))
    version = int.from_bytes(header[60:64], "big")
    _refuse_newer(name, version)
    return version


def _refuse_foreign(name: str, application_id: int) -> None:
    if application_id != APPLICATION_ID:
        raise DocumentError(
            _("“{name}” is a database made by another program, not a workshop document.").format(
                name=name
            )
        )


def _refuse_newer(name: str, version: int) -> None:
    if version > SCHEMA_VERSION:
        raise DocumentError(
            _(
                "“{name}” was saved by a newer version of Workshop (file format {version}; "
                "this version reads up to {newest}). Update Workshop to open it."
            ).format(name=name, version=version, newest=SCHEMA_VERSION)
        )


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
    touched. Raises DocumentError; a refused file is never modified (a read-only look through a
    writer's ``-wal`` may leave a ``-shm``: ``opening`` removes it under the lock).

    ``deep=False`` leaves out the two checks that read the whole file, integrity_check and the
    row scan (``set_aside`` is then empty): for a caller that runs them itself
    (``integrity_check``, ``row_scan``: a merge checks a source while it merges it, and commits
    only if they pass). Only for a file in the current format."""
    name = path.name
    try:
        conn = sqlite3.connect(readonly_uri(path), uri=True, isolation_level=None)
    except sqlite3.Error as exc:
        raise damaged(name, str(exc)) from None
    try:
        version = _check_identity(conn, name, integrity=deep)
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


def _check_identity(conn: sqlite3.Connection, name: str, *, integrity: bool = True) -> int:
    """The identity ``read_header`` checked, read again through the connection (the ``-wal``
    may hold a newer first page than the file), with integrity_check between the two."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    # integrity_check, not quick_check: it also compares every index with its table, so a
    # damaged page whose value its index no longer matches is refused here instead of giving
    # one answer to a query the index serves and another to one the table serves (~7 ms more
    # for 10,000 notes; found by the fuzz test).
    result = [row[0] for row in conn.execute("PRAGMA integrity_check(5)")] if integrity else []
    _refuse_foreign(name, app_id)
    if integrity and result != ["ok"]:
        raise damaged(name, _first_problem(result[0]))
    _refuse_newer(name, version)
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
            reason = _("it could not be brought up to date: {error}").format(error=exc)
            raise damaged(name, reason) from None
    except BaseException:
        copy.close()
        raise
    return copy


def _first_problem(report: str) -> str:
    """One line of an integrity_check report (it lists pages over several lines, under banners)."""
    lines = [line for line in report.splitlines() if line and not line.startswith("***")]
    return lines[0] if lines else report.strip()
