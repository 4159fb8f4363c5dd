"""Documents the system hands to a running app: macOS sends a double-clicked ``.workshop``
file as a QFileOpenEvent (to a running app, and to one it has just started) instead of on
the command line. Linux and Windows pass it as an argument (``workshop-app %f``) instead."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QWidget


class FileOpenHandler(QObject):
    """Opens each file the system asks for with ``open_path`` and brings ``window`` forward.
    Until the window's first frame is on screen (``ready()``), the last one asked for waits in
    ``pending``: the start-up opens it instead of the welcome page."""

    def __init__(self, window: QWidget, open_path: Callable[[Path], object]) -> None:
        super().__init__(window)
        self.window = window
        self.open_path = open_path
        self.pending: Path | None = None
        self._ready = False

    def ready(self) -> None:
        """The window can open events now; a waiting one is the caller's to open."""
        self._ready = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.FileOpen or not isinstance(event, QFileOpenEvent):
            return False
        name = event.file()
        if not name:
            return False
        path = Path(name)
        if self._ready:
            self.open_path(path)
            self.window.raise_()
            self.window.activateWindow()
        else:
            self.pending = path
        return True
