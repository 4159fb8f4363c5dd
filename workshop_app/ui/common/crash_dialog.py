"""When things go wrong: the crash log and the excepthook's dialog (faulthandler: ui/app.py).

A bug is a bug: the excepthook writes the traceback to ``logs/workshop.log`` in the data folder
and shows a calm dialog saying what happened, that the work is safe (every change is written the
moment it is made) and where the log is. A ``WorkshopError`` that reaches the hook is an expected
failure with a message for a person: it is shown as it is, without the crash wording.
"""

from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QWidget

from workshop_app import paths
from workshop_app.domain.errors import WorkshopError
from workshop_app.ui.common.dialogs import Dialogs
from workshop_app.ui.common.i18n import tr

LOG_NAME = "workshop.log"
MAX_LOG_BYTES = 1_000_000


def log_path() -> Path:
    return paths.logs_dir() / LOG_NAME


def write_log(text: str) -> Path:
    """Append a timestamped entry to the log (keeping the file under about a megabyte)."""
    path = log_path()
    if path.exists() and path.stat().st_size > MAX_LOG_BYTES:
        tail = path.read_bytes()[-MAX_LOG_BYTES // 2 :]
        path.write_bytes(tail)
    stamp = datetime.now().astimezone().isoformat(timespec="seconds")
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(f"--- {stamp}\n{text.rstrip()}\n")
    return path


def crash_message(exc: BaseException, log: Path) -> str:
    what = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    return tr(
        "Something unexpected went wrong in Workshop ({error}).\n\n"
        "Your work is safe: every change is saved to the event file the moment you make it.\n\n"
        "The details were written to {log}. If this keeps happening, please send that file "
        "to whoever looks after Workshop for you."
    ).format(error=what, log=log)


class ExceptHook:
    """``sys.excepthook`` replacement: log, then tell the user. Never raises itself."""

    def __init__(
        self,
        dialogs: Dialogs,
        parent: Callable[[], QWidget | None] = QApplication.activeWindow,
    ) -> None:
        self.dialogs = dialogs
        self.parent = parent
        self._showing = False

    def __call__(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        try:
            log = write_log(details)
        except OSError as err:  # the log folder is gone or full: still tell the user
            log = log_path()
            details += f"\n(The log could not be written: {err})"
        if sys.__stderr__ is not None:
            sys.__stderr__.write(details)
        if self._showing:  # an error while the dialog is up: logged, not stacked
            return
        self._showing = True
        try:
            if isinstance(exc, WorkshopError):
                self.dialogs.show_error(self.parent(), tr("Workshop"), str(exc))
            else:
                self.dialogs.show_error(
                    self.parent(), tr("Something went wrong"), crash_message(exc, log), details
                )
        finally:
            self._showing = False

    def thread_hook(self, args: threading.ExceptHookArgs) -> None:
        """Errors on worker threads are logged; a dialog can only be shown from the GUI thread."""
        details = "".join(
            traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback)
        )
        write_log(f"in thread {args.thread.name if args.thread else '?'}:\n{details}")


def install(dialogs: Dialogs) -> ExceptHook:
    """Make the hook the process's excepthook (GUI thread and worker threads)."""
    hook = ExceptHook(dialogs)
    sys.excepthook = hook
    threading.excepthook = hook.thread_hook
    return hook
