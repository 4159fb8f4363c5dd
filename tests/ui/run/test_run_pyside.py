"""The PySide6 in use keeps its references: a Run countdown ticks for hours.

PySide6 6.12.0 drops a reference to ``None`` on every call of a Qt method returning void
(``update()``, ``QTimer.start()``, every QPainter call) and one to ``True`` on every Python-side
``Signal.emit()``. When a count reaches zero the interpreter aborts ("none_dealloc" /
"bool_dealloc"). Measured in the app on 6.12.0: a running countdown on the Run page aborted it
after about 2 minutes (about 9 with fewer repaints); Plan and Capture lose references with
every edit. 6.11.3 keeps them all (the whole suite passes on it).
"""

from __future__ import annotations

import gc
import sys

import PySide6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

ADVICE = (
    f"PySide6 {PySide6.__version__} loses references to None/True on every Qt call or "
    "Signal.emit(); the app aborts after minutes of use. Install another version: "
    "pip install 'pyside6!=6.12.0' (6.11.3 works)."
)


class _Source(QObject):
    fired = Signal()


def test_pyside_keeps_its_references_to_none_and_true(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    source = _Source()
    gc.collect()
    nones, trues = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(200):
        widget.update()
        source.fired.emit()
    gc.collect()
    lost_none = nones - sys.getrefcount(None)
    lost_true = trues - sys.getrefcount(True)
    assert lost_none < 50 and lost_true < 50, f"{ADVICE} (lost {lost_none}, {lost_true})"
