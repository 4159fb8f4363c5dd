"""Closing the window (or the event) never drops what is being typed: a Plan field not yet
confirmed with Enter, a Plan cell being edited, a note left in Capture's box."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.common.capture_helpers import capture_page
from workshop_app.domain.records import Note, Question
from workshop_app.storage.document import Document
from workshop_app.ui.shell.main_window import MainWindow


def test_a_field_being_typed_is_saved_when_the_window_closes(
    demo_window: MainWindow, qtbot
) -> None:
    page = demo_window.workspace.page("plan")  # type: ignore[union-attr]
    title = page.details.title
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Typed but not yet confirmed")
    path = demo_window.document.path  # type: ignore[union-attr]
    demo_window.close()
    with Document.open(path) as doc:
        assert doc.event().title == "Typed but not yet confirmed"


def test_a_cell_being_edited_is_saved_when_the_event_closes(demo_window: MainWindow, qtbot) -> None:
    page = demo_window.workspace.page("plan")  # type: ignore[union-attr]
    page.show_section("Questions")
    editor = page.questions
    view = editor.view
    index = editor.table_model.index(0, editor.spec.column_of("text"))
    view.setCurrentIndex(index)
    view.setFocus()
    view.edit(index)
    cell = view.focusWidget()
    assert cell is not None and cell is not view
    cell.selectAll()
    qtbot.keyClicks(cell, "Rewritten in the cell")
    path = demo_window.document.path  # type: ignore[union-attr]
    demo_window.close_document()
    with Document.open(path) as doc:
        assert doc.select(Question)[0].text == "Rewritten in the cell"


def test_a_note_left_in_the_box_is_saved_when_the_event_closes(
    demo_window: MainWindow, qtbot
) -> None:
    page = capture_page(demo_window)
    qtbot.keyClicks(page.entry.box, "Said just before the break")
    qtbot.keyClick(page.entry.box, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(page.entry.box, "and one more line")
    path = demo_window.document.path  # type: ignore[union-attr]
    demo_window.close_document()
    with Document.open(path) as doc:
        texts = [note.text for note in doc.select(Note)]
    assert texts[-1] == "Said just before the break\nand one more line"
