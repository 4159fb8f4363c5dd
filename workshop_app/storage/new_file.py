"""A .workshop file written whole: built in a temporary file beside its place, then renamed over
it, so it appears whole or not at all. Used to create an event (``opening.create``) and to save
a copy of an open one (``save_copy``); the caller holds the target's lock throughout.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from workshop_app.domain.errors import DocumentError
from workshop_app.i18n import _
from workshop_app.storage import files
from workshop_app.storage.locks import FileLock


@contextlib.contextmanager
def building(real: Path, name: str) -> Iterator[Path]:
    """A temporary file beside ``real`` for the caller to build and ``put_in_place``. A
    failure to write (OSError, SQLite's) becomes DocumentError "Could not write “name”: ...
    Nothing was written."; the temporary (and its journal) is gone afterwards, whatever
    happened. Stale temporaries of ours in the folder are removed first."""
    files.remove_stale_temporaries(real.parent)
    from uuid import uuid4  # not at import: uuid (and platform) are not needed to open

    tmp = real.with_name(f".{real.name}.{uuid4().hex[:8]}.tmp")
    try:
        yield tmp
    except (OSError, sqlite3.OperationalError) as exc:
        raise DocumentError(
            _("Could not write “{name}”: {reason}. Nothing was written.").format(
                name=name, reason=files.write_failure(exc)
            )
        ) from None
    finally:
        for temporary in (tmp, tmp.with_name(tmp.name + "-journal")):
            temporary.unlink(missing_ok=True)


def put_in_place(tmp: Path, real: Path) -> None:
    """Rename the finished ``tmp`` over ``real`` durably, removing the replaced file's
    ``-wal``, ``-shm`` and ``-journal`` first: its log must never meet the new file."""
    for stale in (*files.side_files(real), real.with_name(real.name + "-journal")):
        stale.unlink(missing_ok=True)
    files.replace_durably(tmp, real)


def save_copy(conn: sqlite3.Connection, target: Path, *, force: bool) -> None:
    """A consistent copy of ``conn``'s database at ``target`` (SQLite backup API, one file in
    rollback mode). Refuses what ``files.check_output`` refuses, and a file open in Workshop
    by any name (its lock). Raises DocumentError."""
    real = files.check_output(target, force=force, error=DocumentError)
    lock = FileLock(real)
    lock.acquire()
    try:
        with building(real, target.name) as tmp:
            dst = sqlite3.connect(tmp)
            try:
                conn.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
            put_in_place(tmp, real)
    finally:
        lock.release()
