"""Capture says "Saved" to a screen reader after each note is committed, and nothing when the
note was not saved. Real key events on a shown window."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.common.announced import listening
from tests.ui.common.capture_helpers import capture_page, type_note
from workshop_app.domain.records import Note
from workshop_app.ui.shell.main_window import MainWindow


def test_each_saved_note_is_announced(demo_window: MainWindow, qtbot: QtBot) -> None:
    page = capture_page(demo_window)
    demo_window.activateWindow()
    page.focus_entry()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.entry.box)
    count = page.model.count(Note)
    with listening() as heard:
        type_note(qtbot, page, "Parking is hard for shift workers")
        type_note(qtbot, page, "Evening clinics would help")
        type_note(qtbot, page, "   ")  # nothing to save: nothing said
    assert page.model.count(Note) == count + 2
    assert heard.said == [(page, "Saved", False), (page, "Saved", False)]
