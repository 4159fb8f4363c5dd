"""Rolling backups of an open document, taken with SQLite's online backup API.

A backup is written to a temporary file and renamed into place, so a crash never leaves a
half-written one. The last ``KEEP`` backups of each event are kept, in a folder per event id.
Backups run on a worker thread with their own connection so typing never waits for them.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

from workshop_app import paths
from workshop_app.storage.files import readonly_uri

KEEP = 10
#: A backup is taken on open, then at most once per this many seconds while changes are made.
INTERVAL_SECONDS = 300.0


def backup_folder(event_id: str) -> Path:
    folder = paths.backups_dir() / event_id
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def list_backups(event_id: str) -> list[Path]:
    """The backups of an event, oldest first (by the time stamped at the end of each name: the
    document's name before it may have changed, e.g. after a rename)."""
    return sorted(backup_folder(event_id).glob("*.workshop"), key=lambda p: (p.stem[-22:], p.name))


def take_backup(source: Path, event_id: str) -> Path:
    """Copy ``source`` (an open or closed document) into the event's backup folder; prune."""
    folder = backup_folder(event_id)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{source.stem}-{stamp}.workshop"
    tmp = target.with_suffix(".tmp")
    _remove_abandoned(folder)
    try:
        src = sqlite3.connect(readonly_uri(source), uri=True)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        tmp.replace(target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    for old in list_backups(event_id)[:-KEEP]:
        old.unlink(missing_ok=True)
    return target


def _remove_abandoned(folder: Path, older_than: float = 600.0) -> None:
    """Remove temporary files of backups that a killed process never finished."""
    cutoff = time.time() - older_than
    for stale in folder.glob("*.tmp"):
        try:
            if stale.stat().st_mtime < cutoff:
                stale.unlink()
        except OSError:
            pass


class BackupScheduler:
    """Takes a backup now and then on a worker thread; at most one runs at a time."""

    def __init__(self, source: Path, event_id: str, interval: float = INTERVAL_SECONDS) -> None:
        self.source = source
        self.event_id = event_id
        self.interval = interval
        self.last_error: Exception | None = None
        self._last = float("-inf")
        self._thread: threading.Thread | None = None

    def now(self) -> None:
        """Start a backup unless one is already running."""
        if self._thread is not None and self._thread.is_alive():
            return
        self._last = time.monotonic()
        self._thread = threading.Thread(target=self._run, name="workshop-backup", daemon=True)
        self._thread.start()

    def changed(self) -> None:
        """Called after every write: back up when the interval has passed since the last one."""
        if time.monotonic() - self._last >= self.interval:
            self.now()

    def wait(self) -> None:
        if self._thread is not None:
            self._thread.join()

    def _run(self) -> None:
        try:
            take_backup(self.source, self.event_id)
        except (OSError, sqlite3.Error) as exc:  # a failed backup must never stop the work
            self.last_error = exc
