"""ExportJob: render and write a report on a worker thread, reporting progress to the GUI.

The event is read on the GUI thread (the document's SQLite connection belongs to it); only the
rendering, which takes the time, runs on a ``concurrent.futures`` worker. Progress and the
outcome come back as Qt signals, which Qt queues onto the GUI thread. Cancel sets a flag that
the renderer's progress callback checks; nothing is written when cancelled (the output is
written atomically after rendering).

Signals:
    progress(float fraction): 0..1 as pages are laid out.
    finished(str path): the report was written to ``path``.
    failed(str message): a WorkshopError message, or a one-line description of a bug.
    cancelled(): the person cancelled; nothing was written.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.errors import WorkshopError
from workshop_app.report.model import ReportOptions


class _Cancelled(Exception):
    pass


class ExportJob(QObject):
    """One export at a time; ``start`` again after it ends for another."""

    progress = Signal(float)
    finished = Signal(str)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="report")
        self._cancel = threading.Event()
        self._future: Future[Path] | None = None

    def running(self) -> bool:
        return self._future is not None and not self._future.done()

    def start(self, bundle: EventBundle, path: Path, options: ReportOptions, fmt: str) -> None:
        if self.running():
            raise WorkshopError("An export is already running.")
        self._cancel.clear()
        self._future = self._pool.submit(self._run, bundle, path, options, fmt)
        self._future.add_done_callback(self._on_future_done)

    def cancel(self) -> None:
        self._cancel.set()

    def shutdown(self) -> None:
        """Cancel any export and let the worker finish (called when the page goes away)."""
        self._cancel.set()
        self._pool.shutdown(wait=True)

    def _run(self, bundle: EventBundle, path: Path, options: ReportOptions, fmt: str) -> Path:
        from workshop_app.report.render import write_report

        def report(fraction: float) -> None:
            if self._cancel.is_set():
                raise _Cancelled()
            self.progress.emit(fraction)

        return write_report(bundle, path, options, fmt, force=True, progress=report)

    def _on_future_done(self, future: Future[Path]) -> None:  # on the worker thread
        error = future.exception()
        if error is None:
            self.finished.emit(str(future.result()))
        elif isinstance(error, _Cancelled):
            self.cancelled.emit()
        elif isinstance(error, WorkshopError):
            self.failed.emit(str(error))
        else:
            self.failed.emit(f"The report could not be made ({type(error).__name__}: {error}).")
