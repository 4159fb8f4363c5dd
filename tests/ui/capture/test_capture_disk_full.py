"""A note that cannot be saved (a full disk) stays in the box, with the reason on screen, and
leaves no undo step; once there is room, Enter saves it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.common.capture_helpers import capture_page
from workshop_app.domain.records import Note
from workshop_app.ui.shell.main_window import MainWindow


def test_a_note_the_disk_cannot_take_stays_in_the_box(demo_window: MainWindow, qtbot) -> None:
    page = capture_page(demo_window)
    conn = demo_window.document._conn  # type: ignore[union-attr]
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLite answers SQLITE_FULL from now on
    count, steps = page.model.count(Note), page.model.undo_stack.count()
    text = "Long note " + "about the basics " * 400
    page.entry.box.setPlainText(text)
    qtbot.keyClick(page.entry.box, Qt.Key.Key_Return)
    assert page.entry.box.toPlainText() == text  # not a word lost
    assert "Not saved" in page.status.text() and "disk is full" in page.status.text()
    assert page.model.count(Note) == count
    assert page.model.undo_stack.count() == steps  # no step that did nothing
    conn.execute("PRAGMA max_page_count = 1073741823")
    qtbot.keyClick(page.entry.box, Qt.Key.Key_Return)
    assert page.entry.box.toPlainText() == ""
    assert page.model.count(Note) == count + 1
