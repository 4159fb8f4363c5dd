"""FolderSharing: the open event shared live through a folder that a sync engine keeps in step.

A few seconds after this laptop's notes change (at most ``PUBLISH_AFTER_MS`` after the first
unpublished change, so steady typing still publishes), its snapshot is written into the folder
(``snapshots.publish``). The folder is watched (QFileSystemWatcher, plus a poll every
``POLL_MS`` for what the watcher misses: network shares, a folder that came back). Each other
laptop's snapshot that is new or changed is staged in the worker thread (checked, and cut down
to what this file does not hold yet: ``share_watch.stage``), then merged on the UI thread: a
few milliseconds, and the pages refresh from the model's signals.

Publishing and staging run one at a time in a private QThreadPool of one thread, each with its
own SQLite connections; the UI's connection is only used on the UI thread, for the short merge.
A merge that came from sharing is not an undo step (undoing it would not unsend the other
laptops' notes; they would come back at the next change).

A folder that disappears (a USB stick pulled out) is said in the status text and sharing
carries on locally; when the folder is back, this laptop publishes and merges again.

Signals:
    status_changed(str text, str details): the status bar's words, and a longer tooltip.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QFileSystemWatcher, QObject, QRunnable, QThreadPool, QTimer, Signal

from workshop_app.domain.errors import WorkshopError
from workshop_app.storage import share_watch, snapshots
from workshop_app.ui.document_model import DocumentModel

PUBLISH_AFTER_MS = 2_000
RESCAN_AFTER_MS = 250  # a burst of folder events (a sync engine's temp file, then the rename)
POLL_MS = 5_000


class _Bridge(QObject):
    """Carries a job's outcome from the worker thread to the UI thread (a queued signal)."""

    finished = Signal(object, object)  # (callback, (ok, value or exception))


class _Job(QRunnable):
    def __init__(self, bridge: _Bridge, work: Callable[[], Any], done: Callable[..., None]):
        super().__init__()
        self.bridge, self.work, self.done = bridge, work, done

    def run(self) -> None:
        try:
            outcome: tuple[bool, Any] = (True, self.work())
        except Exception as exc:  # handed to the UI thread, which says it
            outcome = (False, exc)
        self.bridge.finished.emit(self.done, outcome)


def _nothing(_ok: bool, _value: Any) -> None:
    pass


class FolderSharing(QObject):
    """Shares ``model``'s event through ``folder`` until ``stop()``."""

    status_changed = Signal(str, str)

    def __init__(self, model: DocumentModel, folder: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.model = model
        self.folder = Path(folder)
        document = model.document
        self.watch = share_watch.Watch(self.folder, document.event_id, document.device_id)
        self.last_published = ""
        self.problem = ""  # why the last publish failed, for a person
        self.skipped: dict[str, str] = {}  # snapshot name -> why it was not merged
        self.arrived = 0  # merges that brought something in
        self.publishes = 0
        self._missing = False
        self._publishing = False
        self._unpublished = False
        self._staging: set[str] = set()
        self._workdirs: set[Path] = set()
        self._stopped = False
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._bridge = _Bridge(self)
        self._bridge.finished.connect(self._on_bridge_finished)
        self._publish_timer = self._timer(PUBLISH_AFTER_MS, self._publish, single=True)
        self._scan_timer = self._timer(RESCAN_AFTER_MS, self._scan, single=True)
        self._poll = self._timer(POLL_MS, self._scan, single=False)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._on_watcher_changed)
        self._watcher.fileChanged.connect(self._on_watcher_changed)
        model.saved.connect(self._on_model_saved)

    def _timer(self, ms: int, slot: Callable[[], None], *, single: bool) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(single)
        timer.setInterval(ms)
        timer.timeout.connect(slot)
        return timer

    # -- starting and stopping ------------------------------------------------------------------

    def start(self) -> None:
        """Publish now, merge what is there, and keep doing so."""
        self._poll.start()
        self._unpublished = True
        self._publish()
        self._scan()

    def stop(self) -> None:
        """Stop watching and publishing; waits for a job under way (a publish takes tens of
        milliseconds, staging a large snapshot a few hundred)."""
        self._stopped = True
        for timer in (self._publish_timer, self._scan_timer, self._poll):
            timer.stop()
        self.model.saved.disconnect(self._on_model_saved)
        paths = self._watcher.files() + self._watcher.directories()
        if paths:
            self._watcher.removePaths(paths)
        self._pool.waitForDone(30_000)
        for workdir in list(self._workdirs):  # staged but never merged
            shutil.rmtree(workdir, ignore_errors=True)
        self._workdirs.clear()

    # -- publishing -----------------------------------------------------------------------------

    def _on_model_saved(self, _time: str) -> None:
        self._unpublished = True
        if not self._publish_timer.isActive():
            self._publish_timer.start()

    def _publish(self) -> None:
        if self._stopped or self._publishing or not self._unpublished:
            return
        if self.model.document.closed:
            return
        self._publishing, self._unpublished = True, False
        path, folder, device = self.model.document.path, self.folder, self.watch.device_id
        self._run(lambda: snapshots.publish(path, folder, device), self._on_published)

    def _on_published(self, ok: bool, value: Any) -> None:
        self._publishing = False
        if ok:
            self.publishes += 1
            self.problem = ""
            self.last_published = self.model.clock()
            self._set_missing(False)
        else:
            self._unpublished = True  # published again once the folder is back
            if not self.watch.present():
                self._set_missing(True)
            else:
                self.problem = str(value)
        if self._unpublished and not self._missing and not self._publish_timer.isActive():
            self._publish_timer.start()
        self._say()

    # -- watching and merging -------------------------------------------------------------------

    def _on_watcher_changed(self, _path: str) -> None:
        if not self._scan_timer.isActive():
            self._scan_timer.start()

    def _scan(self) -> None:
        if self._stopped or self.model.document.closed:
            return
        if not self.watch.present():
            self._set_missing(True)
            self._say()
            return
        if self._missing:  # the folder is back: publish what was kept here meanwhile
            self._set_missing(False)
            self._unpublished = True
            self._publish()
        self._keep_watching()
        for path, version in self.watch.due(busy=self._staging):
            self._staging.add(path.name)
            self._stage(path, version)
        self._say()

    def _keep_watching(self) -> None:
        """The watcher loses a folder that was removed: watch it (and its snapshots) again."""
        wanted = [str(self.folder)]
        wanted += [str(p) for p in share_watch.others(self.folder, *self._ids())]
        have = set(self._watcher.directories()) | set(self._watcher.files())
        missing = [p for p in wanted if p not in have]
        if missing:
            self._watcher.addPaths(missing)

    def _ids(self) -> tuple[str, str]:
        return self.watch.event_id, self.watch.device_id

    def _stage(self, path: Path, version: share_watch.Signature) -> None:
        live, event_id = self.model.document.path, self.watch.event_id
        workdir = Path(tempfile.mkdtemp(prefix="workshop-share-"))
        self._workdirs.add(workdir)

        def work() -> share_watch.Staged | None:
            return share_watch.stage(path, live, event_id, workdir / "staged")

        def done(ok: bool, value: Any) -> None:
            try:
                self._on_staged(path.name, version, ok, value)
            finally:  # removing files can take milliseconds: not on the UI thread
                if workdir in self._workdirs and not self._stopped:
                    self._workdirs.discard(workdir)
                    self._run(lambda: shutil.rmtree(workdir, ignore_errors=True), _nothing)

        self._run(work, done)

    def _on_staged(self, name: str, version: share_watch.Signature, ok: bool, value: Any) -> None:
        self._staging.discard(name)
        if self._stopped or self.model.document.closed:
            return
        if not ok:  # refused (cut short, damaged, another event...): tried again once changed
            if not isinstance(value, WorkshopError | OSError | sqlite3.Error):
                raise value
            self.skipped[name] = str(value)
        elif value is not None:
            try:
                result = self.model.merge_shared(value)
            except WorkshopError as exc:  # e.g. the disk is full: tried again when it changes
                self.skipped[name] = str(exc)
            else:
                self.skipped.pop(name, None)
                self.arrived += bool(result.added or result.changed or result.conflicts)
        else:
            self.skipped.pop(name, None)
        self.watch.done(name, version)
        self._say()

    # -- jobs and words -------------------------------------------------------------------------

    def _run(self, work: Callable[[], Any], done: Callable[[bool, Any], None]) -> None:
        self._pool.start(_Job(self._bridge, work, done))

    def _on_bridge_finished(self, done: Callable[[bool, Any], None], outcome: Any) -> None:
        done(*outcome)

    def _set_missing(self, missing: bool) -> None:
        self._missing = missing

    def _say(self) -> None:
        text, details = share_watch.status_text(
            self.folder,
            missing=self._missing,
            published=self.last_published,
            laptops=self.watch.laptops(),
            problem=self.problem,
            skipped=self.skipped,
        )
        self.status_changed.emit(text, details)
