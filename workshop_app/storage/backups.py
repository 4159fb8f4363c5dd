"""Rolling backups of an open document, taken with SQLite's online backup API.

A backup is written to a temporary file and renamed into place, so a crash never leaves a
half-written one. The last ``KEEP`` backups of each event are kept, in a folder per event id.
Backups run on a worker thread with their own connection so typing never waits for them.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from workshop_app import paths
from workshop_app.domain.errors import WorkshopError
from workshop_app.i18n import _
from workshop_app.storage.files import FileLock, readonly_uri, replace_durably, side_files

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


@dataclass(frozen=True)
class BackupInfo:
    """One backup as the restore list shows it: when it was taken (UTC), the event's title and
    how many notes (not in the Trash) it holds; ``readable`` is False for a damaged file."""

    path: Path
    taken_at: datetime
    title: str
    notes: int
    readable: bool = True

    @property
    def original_stem(self) -> str:
        """The name the event file had when this backup was taken (without the time stamp)."""
        stem = self.path.stem
        return stem[:-23] if _stamp_of(self.path) is not None else stem


def _stamp_of(path: Path) -> datetime | None:
    try:
        return datetime.strptime(path.stem[-22:], "%Y%m%d-%H%M%S-%f").replace(tzinfo=UTC)
    except ValueError:
        return None


def describe(path: Path) -> BackupInfo:
    """Read a backup's time, title and note count without changing it: the file is opened
    read-only and immutable, so SQLite writes nothing, not even a lock or journal beside it."""
    taken = _stamp_of(path) or datetime.fromtimestamp(path.stat().st_mtime, UTC)
    try:
        conn = sqlite3.connect(readonly_uri(path) + "&immutable=1", uri=True)
        try:
            title = conn.execute("SELECT title FROM event LIMIT 1").fetchone()[0]
            notes = conn.execute("SELECT count(*) FROM note WHERE deleted = 0").fetchone()[0]
        finally:
            conn.close()
    except (sqlite3.Error, TypeError):  # damaged, or no event row
        return BackupInfo(path, taken, "", 0, readable=False)
    return BackupInfo(path, taken, str(title or ""), int(notes))


def describe_backups(event_id: str | None = None) -> list[BackupInfo]:
    """The backups of one event (or of every event when ``event_id`` is None), newest first."""
    if event_id is not None:
        found = list_backups(event_id)
    else:
        found = [
            backup
            for folder in paths.backups_dir().iterdir()
            if folder.is_dir()
            for backup in folder.glob("*.workshop")
        ]
    infos = [describe(path) for path in found]
    return sorted(infos, key=lambda info: (info.taken_at, info.path.name), reverse=True)


def restore_copy(backup: Path, target: Path) -> Path:
    """Copy ``backup`` byte for byte to ``target`` (a new file, or one the user agreed to
    replace) via a temporary file and a rename; the backup itself is only read. Refuses to
    write into the backups folder, or over a file open in Workshop (its lock is held)."""
    target = Path(target).absolute()
    if target.resolve().is_relative_to(paths.backups_dir().resolve()):
        raise WorkshopError(
            _(
                "Choose a place outside the backups folder for the copy, so the backups stay "
                "as they are."
            )
        )
    if not target.parent.is_dir():
        raise WorkshopError(_("The folder “{folder}” does not exist.").format(folder=target.parent))
    lock = FileLock(target)
    lock.acquire()
    tmp = target.with_name(f".{target.name}.restore.tmp")
    try:
        for side in side_files(target):  # a replaced file's WAL must not meet the new one
            side.unlink(missing_ok=True)
        with open(backup, "rb") as source, open(tmp, "wb") as copy:
            while chunk := source.read(1 << 20):
                copy.write(chunk)
            copy.flush()
            os.fsync(copy.fileno())
        replace_durably(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise WorkshopError(
            _("The copy could not be written: {reason}.").format(reason=exc.strerror)
        ) from None
    finally:
        lock.release()
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
