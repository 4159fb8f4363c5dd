"""Run something once a window's (or a widget's) first frame is on screen: the second stage
of startup, and pages the workspace builds after the page on screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class FirstPaint(QObject):
    """Watches ``widget``'s events until it paints (a widget paints before its children, in
    the same frame), then queues ``callback``: a zero-time timer fires after the whole frame.

    The filter is on ``widget`` alone, not the application: a Python filter on the application
    sees every event of every widget, and PySide6 then builds a Python type for each kind of
    event on its first delivery (about 25 ms before the first frame of the main window)."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self.widget = widget
        self.callback: Callable[[], None] | None = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.callback is not None and event.type() == QEvent.Type.Paint:
            self.widget.removeEventFilter(self)
            QTimer.singleShot(0, self, self.callback)  # not once ``widget`` is deleted
            self.callback = None
        return False


def after_first_paint(widget: QWidget, callback: Callable[[], None]) -> FirstPaint:
    return FirstPaint(widget, callback)
