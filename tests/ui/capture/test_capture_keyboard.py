"""A note-taker's round by keyboard alone, through the whole Capture page: type at once, pick the
table on the first Enter, walk to the cards and fix one (back in the box after each fix),
switch the order, search, come back; and every interactive widget of the page has an
accessible name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.common.accessibility import unnamed_widgets
from tests.ui.common.capture_helpers import capture_page
from workshop_app.domain.records import Group, Note
from workshop_app.ui.shell.main_window import MainWindow


def _focus() -> QWidget | None:
    return QApplication.focusWidget()


def test_a_round_by_keyboard_alone(make_window, qtbot) -> None:
    window: MainWindow = make_window()
    assert window.open_demo()
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # Capture
    page = capture_page(window, table=None)
    qtbot.waitUntil(lambda: _focus() is page.entry.box)
    qtbot.keyClicks(_focus(), "first by keyboard")
    qtbot.keyClick(_focus(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.chooser is not None and _focus() is page.chooser.list)
    qtbot.keyClick(_focus(), Qt.Key.Key_Down)  # choose the first table
    qtbot.keyClick(_focus(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _focus() is page.entry.box)  # picked: straight back to typing
    assert page.table_id == page.model.select(Group)[0].id
    qtbot.keyClick(_focus(), Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClicks(_focus(), "second, a concern")
    qtbot.keyClick(_focus(), Qt.Key.Key_Return)
    assert _focus() is page.entry.box

    walk = []
    for _ in range(5):
        qtbot.keyClick(_focus(), Qt.Key.Key_Tab)
        walk.append(_focus())
    tabs = page.side.tabBar()
    assert walk == [page.entry.role, page.cards, page.order, tabs, page.side.others]
    for _ in range(3):
        qtbot.keyClick(_focus(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert _focus() is page.cards
    qtbot.keyClick(page.cards, Qt.Key.Key_Home)
    first = page.mine.note(page.cards.currentIndex().row())
    assert first.text == "second, a concern"  # newest first
    qtbot.keyClick(page.cards, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # star
    assert _focus() is page.entry.box
    for _ in range(2):  # Tab back to the same card
        qtbot.keyClick(_focus(), Qt.Key.Key_Tab)
    assert _focus() is page.cards and page.cards.current_id() == first.id
    qtbot.keyClick(_focus(), Qt.Key.Key_Delete)
    assert page.model.get(Note, first.id).deleted
    assert _focus() is page.entry.box
    qtbot.keyClick(_focus(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not page.model.get(Note, first.id).deleted and page.model.get(Note, first.id).starred

    for _ in range(3):
        qtbot.keyClick(_focus(), Qt.Key.Key_Tab)
    assert _focus() is page.order
    qtbot.keyClick(page.order, Qt.Key.Key_Space)  # in order: the oldest first
    assert not page.mine.newest_first
    assert page.mine.note(page.mine.rowCount() - 1).text == "second, a concern"

    qtbot.keyClick(_focus(), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert _focus() is page.side.search
    qtbot.keyClicks(page.side.search, "by keyboard")
    qtbot.keyClick(page.side.search, Qt.Key.Key_Return)
    assert [n.text for n in page.found.notes()] == ["first by keyboard"]
    qtbot.keyClick(page.side.search, Qt.Key.Key_Tab)
    assert _focus() is page.side.found

    for _ in range(3):  # back up the page to the question bar
        qtbot.keyClick(_focus(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert page.question_id == page.where.question.itemData(1)
    window.workspace.set_mode("capture", focus=True)  # type: ignore[union-attr]
    assert _focus() is page.entry.box


def test_every_interactive_widget_of_capture_has_a_name(demo_window: MainWindow, qtbot) -> None:
    page = capture_page(demo_window)
    page.entry.set_kind("quote")  # shows "who said it"
    for tab in range(page.side.count()):
        page.side.setCurrentIndex(tab)
        assert unnamed_widgets(page) == []
    page.cards.select_row(0)
    page.cards.edit(page.cards.currentIndex())  # the in-place editor too
    assert unnamed_widgets(page) == []
