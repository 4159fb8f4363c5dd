"""Run something once a window's first frame is on screen (the second stage of startup)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget


class FirstPaint(QObject):
    """Watches the app's events until a widget of ``window`` paints, then queues ``callback``:
    a zero-time timer fires after the whole frame (the window and its children) is painted."""

    def __init__(self, window: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(window)
        self.window = window
        self.callback: Callable[[], None] | None = callback
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (
            self.callback is not None
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.window() is self.window
        ):
            QApplication.instance().removeEventFilter(self)
            QTimer.singleShot(0, self.callback)
            self.callback = None
        return False


def after_first_paint(window: QWidget, callback: Callable[[], None]) -> FirstPaint:
    return FirstPaint(window, callback)
