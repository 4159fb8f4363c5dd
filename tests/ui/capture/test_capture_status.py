"""A quote asks who said it without slowing the common case (Alt+3, Enter moves to "Said by",
Enter again saves; Enter in Role saves); the status lines tell the truth (the breakout banner
when the question is picked by hand, "✓ Saved" cleared on a question change, the count above
the cards is the count of the cards); and at 1280x720 with larger text Capture shows two rows
of cards. Real key events on a shown window."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.common.capture_helpers import capture_page, reopen_notes, start_breakout, type_note
from workshop_app.domain.records import Group, Note, Question
from workshop_app.ui.capture.page import CapturePage
from workshop_app.ui.shell.main_window import MainWindow

Key = Qt.Key
Mod = Qt.KeyboardModifier


def _focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Mod.NoModifier) -> None:
    qtbot.keyClick(_focus(), key, modifier)


def _ready(window: MainWindow, qtbot, table: int | None = 0) -> CapturePage:
    page = capture_page(window, table=table)
    window.activateWindow()
    page.focus_entry()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.entry.box)
    return page


def test_a_quote_asks_who_said_it_and_enter_in_role_saves(demo_window: MainWindow, qtbot) -> None:
    page = _ready(demo_window, qtbot)
    count = page.model.count(Note)
    _press(qtbot, Key.Key_3, Mod.AltModifier)
    qtbot.keyClicks(_focus(), "It saves me typing")
    _press(qtbot, Key.Key_Return)
    assert _focus() is page.entry.who and page.model.count(Note) == count  # asks, optional
    qtbot.keyClicks(_focus(), "Ward nurse")
    _press(qtbot, Key.Key_Return)
    assert _focus() is page.entry.box and page.model.count(Note) == count + 1

    _press(qtbot, Key.Key_3, Mod.AltModifier)
    qtbot.keyClicks(_focus(), "Nobody asked for dashboards")
    _press(qtbot, Key.Key_Return)
    _press(qtbot, Key.Key_Return)  # nobody named: Enter again saves
    assert _focus() is page.entry.box and page.model.count(Note) == count + 2

    qtbot.keyClicks(_focus(), "An idea with a role")
    _press(qtbot, Key.Key_Tab)
    assert _focus() is page.entry.role
    _press(qtbot, Key.Key_Down)
    _press(qtbot, Key.Key_Return)  # Enter in the Role box saves
    assert _focus() is page.entry.box and page.model.count(Note) == count + 3

    notes = {n.text: n for n in reopen_notes(demo_window)}
    said = notes["It saves me typing"]
    assert (said.kind, said.attribution) == ("quote", "Ward nurse")
    anonymous = notes["Nobody asked for dashboards"]
    assert (anonymous.kind, anonymous.attribution) == ("quote", "")
    assert notes["An idea with a role"].role == "patient or public"


def test_the_said_by_placeholder_fits(demo_window: MainWindow, qtbot) -> None:
    demo_window.resize(1280, 720)
    page = _ready(demo_window, qtbot)
    _press(qtbot, Key.Key_3, Mod.AltModifier)
    for step in (0, 1, 2, 3):
        demo_window.set_text_size(step)
        qtbot.wait(20)
        who = page.entry.who
        margins = who.textMargins().left() + who.textMargins().right()
        needed = who.fontMetrics().horizontalAdvance(who.placeholderText()) + margins
        assert who.isVisible() and who.width() >= needed + 8, f"text size +{step}"


def test_the_breakout_banner_changes_when_the_question_is_picked_by_hand(
    demo_window: MainWindow, qtbot
) -> None:
    page = _ready(demo_window, qtbot)
    questions = page.model.select(Question)
    start_breakout(demo_window, "Breakout round 1")
    assert "the question follows it" in page.header.follow.text()
    assert not page.header.back.isVisible()
    _press(qtbot, Key.Key_PageDown, Mod.ControlModifier)
    banner = page.header.follow.text()
    assert "follows it" not in banner and "you chose this question" in banner
    assert page.header.back.isVisible()  # offers to follow again
    _press(qtbot, Key.Key_B, Mod.AltModifier)
    assert page.question_id == questions[0].id
    assert "the question follows it" in page.header.follow.text()
    assert not page.header.back.isVisible()


def test_saved_is_cleared_when_the_question_changes(demo_window: MainWindow, qtbot) -> None:
    page = _ready(demo_window, qtbot)
    type_note(qtbot, page, "on the first question")
    assert page.status.text().startswith("✓ Saved")
    _press(qtbot, Key.Key_PageDown, Mod.ControlModifier)
    assert page.status.text() == ""
    type_note(qtbot, page, "on the second question")
    assert page.status.text().startswith("✓ Saved")
    _press(qtbot, Key.Key_PageUp, Mod.ControlModifier)
    assert page.status.text() == ""


def _shown_count(page: CapturePage) -> int | None:
    match = re.search(r"(\d+) notes? on this question", page.cards_label.text())
    return int(match.group(1)) if match else None


def test_the_count_above_the_cards_is_the_count_of_the_cards(make_window, qtbot) -> None:
    window = make_window()
    assert window.open_demo()
    page = _ready(window, qtbot, table=None)
    for _ in range(len(page.questions)):  # no table yet: no "0 notes" above general cards
        count = _shown_count(page)
        assert count == page.mine.rowCount() or (count is None and page.mine.rowCount() == 0)
        _press(qtbot, Key.Key_PageDown, Mod.ControlModifier)
    page.set_table(page.model.select(Group)[0].id)
    for _ in range(len(page.questions)):
        assert _shown_count(page) == page.mine.rowCount()
        _press(qtbot, Key.Key_PageDown, Mod.ControlModifier)


def _full_rows(page: CapturePage) -> int:
    """How many rows of cards are wholly inside the visible part of the card list."""
    view = page.cards
    visible = view.viewport().rect()
    rows = {
        view.visualRect(page.mine.index(row)).top()
        for row in range(page.mine.rowCount())
        if visible.contains(view.visualRect(page.mine.index(row)))
    }
    return len(rows)


def test_two_rows_of_cards_at_1280x720_with_larger_text(demo_window: MainWindow, qtbot) -> None:
    demo_window.resize(1280, 720)
    page = _ready(demo_window, qtbot)
    for text in (
        "Patients should be able to see and correct their own record.",
        "Start with one ward and one problem people already feel.",
        "Fund the boring basics first: log-ins, Wi-Fi, devices.",
        "Who owns the data when a supplier goes bust?",
    ):
        type_note(qtbot, page, text)
    assert page.mine.rowCount() >= 6  # the demo's cards for this table and ours
    for step in (1, 2):  # View ▸ Larger Text, once and twice
        _press(qtbot, Key.Key_Equal, Mod.ControlModifier)
        qtbot.wait(50)  # the cards are laid out in batches
        assert window_text_step(demo_window) == step
        assert demo_window.size().height() <= 720
        assert _full_rows(page) >= 2, f"text size +{step}"


def window_text_step(window: MainWindow) -> int:
    return window.settings.text_size_delta()
