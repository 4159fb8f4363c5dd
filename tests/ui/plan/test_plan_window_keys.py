"""Plan's keys in the real main window: every key the screen advertises works, and has one owner.

Real key presses on a freshly shown window with the demo event open (not slots called), with
Qt's own warnings ("Ambiguous shortcut overload") failing the test.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QTabBar,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.common.fakes import FakeDialogs
from workshop_app.ui.common.keymap import shown
from workshop_app.ui.plan.page import LISTS, SECTIONS, PlanPage
from workshop_app.ui.plan.record_editor import RecordListEditor
from workshop_app.ui.shell.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
NOMOD = Qt.KeyboardModifier.NoModifier


def strict_qt_log(test: Callable[..., None]) -> Callable[..., None]:
    """Qt warnings fail the test; the offscreen platform's own notices are not ours."""
    test = pytest.mark.qt_log_ignore("This plugin does not support")(test)
    return pytest.mark.qt_log_level_fail("WARNING")(test)


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _plan(window: MainWindow, qtbot: QtBot) -> PlanPage:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)  # View ▸ Plan, the way a person gets there
    assert window.workspace is not None
    page = window.workspace.page("plan")
    assert isinstance(page, PlanPage)
    return page


def _press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = NOMOD):
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    qtbot.keyClick(widget, key, modifier)
    _settle()


def _into_list(qtbot: QtBot, page: PlanPage, section: str) -> RecordListEditor:
    """Choose ``section`` in the section list and Tab into its list, by keyboard."""
    page.sections.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.sections)
    _press(qtbot, Qt.Key.Key_Home)
    for _ in range(SECTIONS.index(section)):
        _press(qtbot, Qt.Key.Key_Down)
    _press(qtbot, Qt.Key.Key_Tab)
    editor = page.editor(section)
    assert isinstance(editor, RecordListEditor)
    assert QApplication.focusWidget() is editor.view
    return editor


# -- item 7: Ctrl+N (and Insert) add a row in whichever Plan list has the focus ---------------


@pytest.mark.parametrize("section", list(LISTS))
@pytest.mark.parametrize("key", [(Qt.Key.Key_N, CTRL), (Qt.Key.Key_Insert, NOMOD)])
@strict_qt_log
def test_add_key_adds_a_row_in_the_focused_plan_list_of_the_main_window(
    demo_window: MainWindow, dialogs: FakeDialogs, qtbot: QtBot, section: str, key
) -> None:
    page = _plan(demo_window, qtbot)
    editor = _into_list(qtbot, page, section)
    before = editor.table_model.rowCount()
    _press(qtbot, *key)
    assert editor.table_model.rowCount() == before + 1
    assert editor.view.state() == editor.view.State.EditingState  # typing goes into the row
    assert dialogs.asked == []  # no New event dialog


@strict_qt_log
def test_new_event_has_its_own_key_even_from_a_plan_list(
    demo_window: MainWindow, dialogs: FakeDialogs, qtbot: QtBot
) -> None:
    page = _plan(demo_window, qtbot)
    editor = _into_list(qtbot, page, "Speakers")
    before = editor.table_model.rowCount()
    _press(qtbot, Qt.Key.Key_N, CTRL | SHIFT)
    assert dialogs.asked and dialogs.asked[0].startswith("choose: Start from this template")
    assert editor.table_model.rowCount() == before
    assert demo_window.menu_actions.new.shortcut().toString() == "Ctrl+Shift+N"


# One owner per key, in every context of the window and the presenter display (the walk of
# every action, shortcut and mnemonic): test_keymap.py::test_no_key_has_two_owners_in_one_context


# -- item 8: back to the sections, Tab order, confirmation, F2, mnemonics ---------------------


def _tab_chain(qtbot: QtBot, start: QWidget, limit: int = 40) -> list[QWidget]:
    """The widgets Tab visits from ``start`` until it comes back (or ``limit`` presses)."""
    chain: list[QWidget] = []
    for _ in range(limit):
        _press(qtbot, Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        if widget is start or widget is None or widget in chain:
            break
        chain.append(widget)
    return chain


@pytest.mark.parametrize("section", SECTIONS)
@strict_qt_log
def test_alt_left_goes_back_to_the_section_list_from_anywhere_in_a_section(
    demo_window: MainWindow, qtbot: QtBot, section: str
) -> None:
    page = _plan(demo_window, qtbot)
    page.sections.setFocus(Qt.FocusReason.OtherFocusReason)
    page.show_section(section)
    chain = [w for w in _tab_chain(qtbot, page.sections) if page.stack.isAncestorOf(w)]
    assert len(chain) >= 2, f"Tab should walk through {section}"
    for widget in chain:
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(lambda w=widget: QApplication.focusWidget() is w)
        _press(qtbot, Qt.Key.Key_Left, ALT)
        assert QApplication.focusWidget() is page.sections, widget.accessibleName()
        assert page.sections.currentRow() == SECTIONS.index(section)
    if section in LISTS:  # from a cell being edited too, and what was typed is kept
        editor = _into_list(qtbot, page, section)
        editor.select(editor.current_id())  # its first editable cell
        _press(qtbot, Qt.Key.Key_F2)
        assert editor.view.state() == editor.view.State.EditingState
        qtbot.keyClicks(QApplication.focusWidget(), " (edited)")
        _press(qtbot, Qt.Key.Key_Left, ALT)
        assert QApplication.focusWidget() is page.sections
        index = editor.view.currentIndex()
        assert str(index.data(Qt.ItemDataRole.EditRole)).endswith("(edited)")


def test_ctrl_1_lands_in_the_section_list(demo_window: MainWindow, qtbot: QtBot) -> None:
    page = _plan(demo_window, qtbot)
    qtbot.keyClick(demo_window, Qt.Key.Key_2, CTRL)
    _press(qtbot, Qt.Key.Key_1, CTRL)
    assert QApplication.focusWidget() is page.sections  # so Down and Tab work at once


def test_the_back_key_is_shown_on_screen(demo_window: MainWindow, qtbot: QtBot) -> None:
    page = _plan(demo_window, qtbot)
    assert page.keys_hint.isVisible()
    assert f"{shown('plan.sections')}: back to this list" in page.keys_hint.text()
    assert shown("plan.sections") in page.sections.accessibleDescription()


@pytest.mark.parametrize("section", SECTIONS)
def test_tab_never_reaches_a_button_that_deletes_without_asking(
    demo_window: MainWindow, qtbot: QtBot, section: str
) -> None:
    page = _plan(demo_window, qtbot)
    page.sections.setFocus(Qt.FocusReason.OtherFocusReason)
    page.show_section(section)
    forward = _tab_chain(qtbot, page.sections)
    page.sections.setFocus(Qt.FocusReason.OtherFocusReason)
    backward: list[QWidget] = []
    for _ in range(40):
        _press(qtbot, Qt.Key.Key_Backtab)
        widget = QApplication.focusWidget()
        if widget is page.sections or widget is None or widget in backward:
            break
        backward.append(widget)
    buttons = [w for w in forward + backward if isinstance(w, QAbstractButton)]
    assert [b.text() for b in buttons if b.text().startswith("Delete")] == []
    editor = page.editor(section)
    if isinstance(editor, RecordListEditor):  # the other buttons are still reachable
        add = _button(editor, editor.add_action)
        assert add in forward


# -- mnemonics ------------------------------------------------------------------------------


def _mnemonic(text: str) -> str:
    match = re.search(r"&([^&])", text.replace("&&", ""))
    return match.group(1).lower() if match else ""


def _visible_mnemonics(window: MainWindow) -> list[tuple[str, str]]:
    """(letter, where) for every Alt+letter of what is on screen: menu titles, labels with a
    buddy, buttons, tabs, group boxes."""
    found = [(_mnemonic(a.text()), f"menu {a.text()}") for a in window.menuBar().actions()]
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel) and widget.buddy() is not None:
            found.append((_mnemonic(widget.text()), f"label {widget.text()}"))
        elif isinstance(widget, QAbstractButton):
            found.append((_mnemonic(widget.text()), f"button {widget.text()}"))
        elif isinstance(widget, QGroupBox):
            found.append((_mnemonic(widget.title()), f"group {widget.title()}"))
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                found.append((_mnemonic(widget.tabText(i)), f"tab {widget.tabText(i)}"))
    return [(letter, where) for letter, where in found if letter]


@pytest.mark.parametrize("section", SECTIONS)
def test_mnemonics_are_unique_on_each_plan_section_and_the_menu_bar(
    demo_window: MainWindow, qtbot: QtBot, section: str
) -> None:
    page = _plan(demo_window, qtbot)
    page.show_section(section)
    _settle()
    by_letter: dict[str, list[str]] = defaultdict(list)
    for letter, where in _visible_mnemonics(demo_window):
        by_letter[letter].append(where)
    assert {k: v for k, v in by_letter.items() if len(v) > 1} == {}
    assert len(by_letter) >= 4  # the menu bar at least: the walk sees something


def test_alt_n_goes_to_the_venue(demo_window: MainWindow, qtbot: QtBot) -> None:
    page = _plan(demo_window, qtbot)
    page.show_section("Details")
    page.details.title.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.details.title)
    _press(qtbot, Qt.Key.Key_N, ALT)
    assert QApplication.focusWidget() is page.details.venue


def _button(editor, action):
    """The toolbar button of ``action``."""
    return next(b for b in editor.findChildren(QToolButton) if b.defaultAction() is action)
