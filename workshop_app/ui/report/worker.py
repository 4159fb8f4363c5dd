"""ExportJob: render and write a report on a worker thread; the page polls it for progress.

The event is read on the GUI thread (the document's SQLite connection belongs to it); only the
rendering, which takes the time, runs on a ``concurrent.futures`` worker. The worker only sets
plain attributes (the fraction done) and the GUI reads them from a QTimer: no Qt signal is
emitted from Python per progress step, because PySide6 6.12 drops a reference to ``True`` on
every Python-side ``Signal.emit()`` (thousands of them abort the app, "bool_dealloc"), and no
Qt object is touched from the worker thread. Cancel sets a flag the renderer's progress callback
checks; nothing is written when cancelled (the output is written atomically after rendering).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.errors import WorkshopError
from workshop_app.report.model import ReportOptions
from workshop_app.ui.common.i18n import tr

FINISHED, FAILED, CANCELLED = "finished", "failed", "cancelled"


class _Cancelled(Exception):
    pass


@dataclass(frozen=True)
class Outcome:
    """How an export ended: ``kind`` is FINISHED (``path`` written), FAILED (``message``) or
    CANCELLED (nothing written)."""

    kind: str
    path: Path | None = None
    message: str = ""


class ExportJob:
    """One export at a time; ``start`` again after it ends for another.

    ``on_progress`` (tests) is called on the worker thread with each fraction."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="report")
        self._cancel = threading.Event()
        self._future: Future[Path] | None = None
        self.fraction = 0.0
        self.on_progress: Callable[[float], None] | None = None

    def running(self) -> bool:
        return self._future is not None and not self._future.done()

    def start(
        self,
        bundle: EventBundle,
        path: Path,
        options: ReportOptions,
        fmt: str,
        language: str | None = None,
    ) -> None:
        """Render in ``language`` (None: the app's) on the worker thread."""
        if self.running():
            raise WorkshopError(tr("An export is already running."))
        self._cancel.clear()
        self.fraction = 0.0
        self._future = self._pool.submit(self._run, bundle, path, options, fmt, language)

    def cancel(self) -> None:
        self._cancel.set()

    def shutdown(self) -> None:
        """Cancel any export and wait for the worker (when the page goes away)."""
        self._cancel.set()
        self._pool.shutdown(wait=True)

    def outcome(self) -> Outcome | None:
        """How the last export ended, once it has (None while running or before any)."""
        future = self._future
        if future is None or not future.done():
            return None
        error = future.exception()
        if error is None:
            return Outcome(FINISHED, path=future.result())
        if isinstance(error, _Cancelled):
            return Outcome(CANCELLED)
        if isinstance(error, WorkshopError):
            return Outcome(FAILED, message=str(error))
        message = tr("The report could not be made ({error}).")
        return Outcome(FAILED, message=message.format(error=f"{type(error).__name__}: {error}"))

    def _run(
        self,
        bundle: EventBundle,
        path: Path,
        options: ReportOptions,
        fmt: str,
        language: str | None,
    ) -> Path:
        from workshop_app import i18n
        from workshop_app.report.render import write_report

        def report(fraction: float) -> None:
            if self._cancel.is_set():
                raise _Cancelled()
            self.fraction = fraction
            if self.on_progress is not None:
                self.on_progress(fraction)

        # a context variable does not follow the work into this thread: the language is set here
        with i18n.using(language):
            return write_report(
                bundle, path, options, fmt, force=True, progress=report, language=language
            )
