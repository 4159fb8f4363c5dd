"""Run something once a window's (or a widget's) first frame is on screen: the second stage
of startup, and pages the workspace builds after the page on screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget


class FirstPaint(QObject):
    """Watches the app's events until ``widget`` or a widget inside it paints, then queues
    ``callback``: a zero-time timer fires after the whole frame is painted."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self.widget = widget
        self.callback: Callable[[], None] | None = callback
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (
            self.callback is not None
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and (watched is self.widget or self.widget.isAncestorOf(watched))
        ):
            QApplication.instance().removeEventFilter(self)
            QTimer.singleShot(0, self, self.callback)  # not once ``widget`` is deleted
            self.callback = None
        return False


def after_first_paint(widget: QWidget, callback: Callable[[], None]) -> FirstPaint:
    return FirstPaint(widget, callback)
