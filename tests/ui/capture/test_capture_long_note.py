"""A note longer than a note may be (20,000 characters) is saved as several notes, in order, so
nothing typed or pasted is lost and every stored note is within the cap (issue 10, item 7)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.common.capture_helpers import capture_page, reopen_notes
from workshop_app.domain.records import MAX_TEXT, Note
from workshop_app.ui.shell.main_window import MainWindow


def test_a_pasted_70000_character_note_is_saved_as_four(demo_window: MainWindow, qtbot) -> None:
    page = capture_page(demo_window)
    assert page.model is not None
    before = {n.id for n in page.model.select(Note)}
    words = " ".join(f"word{i}" for i in range(8_000))  # 70,889 characters
    QApplication.clipboard().setText(words)
    page.entry.box.setFocus()
    qtbot.keyClick(page.entry.box, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert page.entry.box.toPlainText() == words
    qtbot.keyClick(page.entry.box, Qt.Key.Key_Return)
    saved = [n for n in reopen_notes(demo_window) if n.id not in before]
    assert len(saved) == 4
    assert all(0 < len(n.text) <= MAX_TEXT for n in saved)
    assert " ".join(n.text for n in saved) == words
    assert page.entry.box.toPlainText() == ""
    assert "saved as 4 notes" in page.status.text()
