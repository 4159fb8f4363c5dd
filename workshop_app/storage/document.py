"""The event document: one ``.workshop`` file, one SQLite database, read and written as records.

Every public write is one transaction, committed (WAL, ``synchronous=FULL``) before it returns:
a change the caller was told about is on disk. One process opens a file at a time (FileLock).
Opening checks the file without modifying it first: a foreign, empty, corrupt or too-new file is
refused and left byte-identical (the walk of opening a file is in ``opening``).

``Document`` is built in layers, one role each: ``document_reads`` (every query),
``document_writes`` (transactions and the writes), ``document_laptops`` (merge, handed-out
copies, conflicts); this module opens, creates, copies and closes.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Mapping
from pathlib import Path

from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.clock import utc_now
from workshop_app.domain.errors import DocumentError
from workshop_app.domain.records import Event
from workshop_app.i18n import _
from workshop_app.storage import backups, files, handout, new_file, opening
from workshop_app.storage.device import device_id as this_device
from workshop_app.storage.device import zone_name
from workshop_app.storage.document_laptops import DocumentLaptops
from workshop_app.storage.locks import FileLock
from workshop_app.storage.rows import decode_text
from workshop_app.storage.validation import SetAside

SUFFIX = ".workshop"


class Document(DocumentLaptops):
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
        self.set_aside = tuple(set_aside)
        self.readonly = readonly or bool(self.set_aside)
        conn.row_factory = sqlite3.Row
        conn.text_factory = decode_text
        self._conn = conn
        self._lock = lock
        self._event_id = conn.execute("SELECT id FROM event LIMIT 1").fetchone()[0]
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

        Every check is made read-only first (``opening``, ``inspection``). A file with records
        that cannot be read opens read-only without them (``set_aside``), and is never
        written."""
        path = Path(path).absolute()
        opened = opening.open_for_reading(path) if readonly else opening.open_for_writing(path)
        return cls._on(path, opened)

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
        bundle = bundle or EventBundle(event=Event(title="Untitled event", timezone=zone_name()))
        opened = opening.create(path, bundle, force=force, inputs=inputs, stamps=stamps)
        return cls._on(path, opened)

    @classmethod
    def _on(cls, path: Path, opened: opening.Opened) -> Document:
        """The document on what ``opening`` opened (given back if that fails)."""
        try:
            return cls(
                path, opened.conn, opened.lock, readonly=opened.readonly, set_aside=opened.set_aside
            )
        except BaseException:
            opened.close()
            raise

    def close(self) -> None:
        if self._conn is None:
            return
        self.backups.wait()
        conn, self._conn = self._conn, None  # type: ignore[assignment]
        conn.close()
        if self._lock is not None:
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
        file and rename). The open document stays this one; a file open in Workshop (by any
        name) is never replaced."""
        target = Path(target).absolute()
        if files.same_file(target, self.path):
            raise DocumentError(_("Choose a different file for the copy."))
        new_file.save_copy(self._conn, target, force=force)
        return target

    def _now(self) -> str:
        """The time stamped on a change (``DocumentWrites``): ``utc_now`` of this module."""
        return utc_now()
