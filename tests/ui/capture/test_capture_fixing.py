"""Fixing notes by keyboard on the cards: F2 edits in place, Ctrl+D stars, Alt+1..5 change the
kind, Ctrl+M moves to another question, Del deletes (Ctrl+Z undoes), Ctrl+R or Enter restores
from the trash. Every change is one undoable step and persists across reopening the file; after
each one the focus is back in the note box (Tab returns to the same card)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit

from tests.ui.common.capture_helpers import capture_page, reopen_all_notes, type_note
from workshop_app.domain.records import Note, Question
from workshop_app.ui.capture.page import CapturePage
from workshop_app.ui.shell.main_window import MainWindow


def _select(page: CapturePage, text: str) -> Note:
    row = next(r for r in range(page.mine.rowCount()) if page.mine.note(r).text == text)
    page.cards.setFocus()
    page.cards.select_row(row)
    return page.mine.note(row)


def _undo(qtbot, page: CapturePage) -> None:
    qtbot.keyClick(page.cards, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def _press(qtbot, view, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """Focus ``view`` (as Tab from the box would), press the key on its current card."""
    view.setFocus()
    qtbot.keyClick(view, key, modifier)


def test_edit_star_kind_move_delete_undo_restore_persist(
    demo_window: MainWindow, qtbot, dialogs
) -> None:
    page = capture_page(demo_window)
    for text in ("edit me", "star me", "kind me", "move me", "delete me", "trash me"):
        type_note(qtbot, page, text)

    note = _select(page, "edit me")  # F2, type, Enter
    qtbot.keyClick(page.cards, Qt.Key.Key_F2)
    editor = page.cards.focusWidget()
    assert isinstance(editor, QPlainTextEdit)
    qtbot.keyClicks(editor, "edited")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(editor, "in place")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert page.model.get(Note, note.id).text == "edited\nin place"

    note = _select(page, "star me")
    qtbot.keyClick(page.cards, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert page.model.get(Note, note.id).starred

    note = _select(page, "kind me")
    qtbot.keyClick(page.cards, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert page.model.get(Note, note.id).kind == "concern"

    note = _select(page, "move me")
    dialogs.choices.append(2)
    qtbot.keyClick(page.cards, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    third = page.model.select(Question)[2].id
    assert page.model.get(Note, note.id).question_id == third
    assert note.id not in {n.id for n in page.mine.notes()}  # left this question's cards

    note = _select(page, "delete me")
    qtbot.keyClick(page.cards, Qt.Key.Key_Delete)
    assert page.model.get(Note, note.id).deleted
    _undo(qtbot, page)
    assert not page.model.get(Note, note.id).deleted
    assert note.id in {n.id for n in page.mine.notes()}

    note = _select(page, "trash me")
    qtbot.keyClick(page.cards, Qt.Key.Key_Delete)
    assert page.trash.notes()[0 if page.trash.newest_first else -1].id == note.id
    assert page.side.tabText(2) == "Trash (1)"
    # the Trash says which keys restore, and they are the ones that do (it said "press R")
    assert "press Ctrl+R or Enter to restore" in page.side.trash_label.text()
    page.side.setCurrentIndex(2)
    page.side.trash.setFocus()
    page.side.trash.select_row(page.trash.row_of(note.id))
    qtbot.keyClick(page.side.trash, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert not page.model.get(Note, note.id).deleted
    assert page.trash.rowCount() == 0
    _undo(qtbot, page)  # undo the restore: back in the trash
    assert page.model.get(Note, note.id).deleted
    page.side.trash.select_row(0)
    _press(qtbot, page.side.trash, Qt.Key.Key_Return)  # Enter restores too
    assert not page.model.get(Note, note.id).deleted

    notes = {n.text: n for n in reopen_all_notes(demo_window)}
    assert "edited\nin place" in notes and "edit me" not in notes
    assert notes["star me"].starred
    assert notes["kind me"].kind == "concern"
    assert notes["move me"].question_id == third
    assert not notes["delete me"].deleted and not notes["trash me"].deleted


def test_each_fix_is_one_undo_step_and_esc_cancels_an_edit(demo_window: MainWindow, qtbot) -> None:
    page = capture_page(demo_window)
    type_note(qtbot, page, "original")
    note = _select(page, "original")
    steps = page.model.undo_stack.count()
    _press(qtbot, page.cards, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    _press(qtbot, page.cards, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    _press(qtbot, page.cards, Qt.Key.Key_5, Qt.KeyboardModifier.AltModifier)
    assert page.model.undo_stack.count() == steps + 3
    for _ in range(3):
        _undo(qtbot, page)
    back = page.model.get(Note, note.id)
    assert (back.starred, back.kind, back.text) == (note.starred, note.kind, note.text)
    _press(qtbot, page.cards, Qt.Key.Key_F2)
    editor = page.cards.focusWidget()
    assert isinstance(editor, QPlainTextEdit)
    qtbot.keyClicks(editor, "never saved")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert page.model.get(Note, note.id).text == "original"


def test_other_tables_and_search(demo_window: MainWindow, qtbot) -> None:
    page = capture_page(demo_window, table=0)
    others = page.others.notes()
    assert others and all(n.group_id != page.table_id for n in others)
    assert all(n.question_id == page.question_id for n in others)
    type_note(qtbot, page, "Dashboards nobody asked for, again")
    qtbot.keyClick(page.entry.box, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.side.search.hasFocus() and page.side.currentIndex() == 1
    qtbot.keyClicks(page.side.search, "DASHBOARDS")
    qtbot.keyClick(page.side.search, Qt.Key.Key_Return)
    found = page.found.notes()
    assert len(found) >= 2  # the demo's table 2 quote and ours, from any table
    assert all("dashboards" in n.text.casefold() for n in found)
    assert page.side.found_label.text() == f"{len(found)} notes found."
