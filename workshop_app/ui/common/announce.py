"""Screen-reader announcements: words said aloud without moving the focus.

``announce(widget, text)`` sends a ``QAccessibleAnnouncementEvent`` from ``widget`` through Qt's
accessibility layer (AT-SPI on Linux, UIA on Windows, NSAccessibility on macOS): polite (said
when the reader is quiet) unless ``assertive`` (said at once; only "Time's up" is).

Qt delivers nothing while no assistive technology listens, so the event is cheap. Every
announcement is also emitted as ``ANNOUNCED.sent(widget, text, assertive)``: the one place
tests (and anything else in the app) can see what was said.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent


class Announced(QObject):
    """Signals:
    sent(widget, text, assertive): an announcement went out."""

    sent = Signal(object, str, bool)


ANNOUNCED = Announced()


def announce(widget: QObject, text: str, assertive: bool = False) -> None:
    """Say ``text`` from ``widget`` to the screen reader (polite unless ``assertive``)."""
    event = QAccessibleAnnouncementEvent(widget, text)
    politeness = QAccessible.AnnouncementPoliteness
    event.setPoliteness(politeness.Assertive if assertive else politeness.Polite)
    QAccessible.updateAccessibility(event)
    ANNOUNCED.sent.emit(widget, text, assertive)
