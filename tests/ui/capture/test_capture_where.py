"""Where am I: the table is picked once and remembered (per event, on this laptop); the
question follows the running breakout, else the question bar and Ctrl+PgUp/PgDn; entering
Capture puts the focus in the note box."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.common.capture_helpers import capture_page, start_breakout, type_note
from workshop_app.domain.records import AgendaItem, Group, Note, Question
from workshop_app.domain.run import RunState, RunStatus
from workshop_app.ui.capture.follow import running_breakout
from workshop_app.ui.capture.table_chooser import TableChooser
from workshop_app.ui.shell.main_window import MainWindow

IDLE, PAUSED, RUNNING = RunStatus.IDLE, RunStatus.PAUSED, RunStatus.RUNNING


def test_the_question_follows_the_running_breakout(demo_window: MainWindow, qtbot) -> None:
    page = capture_page(demo_window)
    questions = page.model.select(Question)
    qtbot.keyClick(page.entry.box, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.entry.box, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert page.question_id == questions[2].id  # no breakout running: the bar decides
    assert "No breakout" in page.header.follow.text()
    start_breakout(demo_window, "Breakout round 1")
    assert page.question_id == questions[0].id
    assert page.header.question.text() == questions[0].text
    assert page.header.prompt.text() == questions[0].prompt
    assert "Breakout round 1" in page.header.follow.text()
    type_note(qtbot, page, "during round one")
    controller = demo_window.workspace.page("run").controller  # type: ignore[union-attr]
    controller.toggle()  # paused: still that breakout
    assert page.question_id == questions[0].id
    controller.toggle()
    controller.next()  # keeps running into round 2
    assert page.question_id == questions[1].id
    assert "Breakout round 2" in page.header.follow.text()
    type_note(qtbot, page, "during round two")
    qtbot.keyClick(page.entry.box, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert page.question_id == questions[0].id  # a table may still look back
    controller.next()  # round 3
    assert page.question_id == questions[2].id
    notes = {n.text: n.question_id for n in page.model.select(Note)}
    assert notes["during round one"] == questions[0].id
    assert notes["during round two"] == questions[1].id


def test_running_breakout_rules() -> None:
    items = [
        AgendaItem(title="Welcome", kind="welcome"),
        AgendaItem(title="Round", kind="breakout", question_ids=("q1",)),
        AgendaItem(title="Empty round", kind="breakout"),
    ]
    assert running_breakout(RunState(item_id=items[1].id, status=RUNNING), items) == items[1]
    assert running_breakout(RunState(item_id=items[1].id, status=PAUSED), items) == items[1]
    assert running_breakout(RunState(item_id=items[1].id, status=IDLE), items) is None
    assert running_breakout(RunState(item_id=items[0].id, status=RUNNING), items) is None
    assert running_breakout(RunState(item_id=items[2].id, status=RUNNING), items) is None
    assert running_breakout(RunState(status=RUNNING), items) is None  # first item
    assert running_breakout(RunState(item_id="gone", status=RUNNING), items) is None


def _focus() -> QWidget | None:
    return QApplication.focusWidget()


def _chooser(qtbot, page) -> TableChooser:
    """The table chooser, open and with the focus in its list."""
    qtbot.waitUntil(lambda: page.chooser is not None and _focus() is page.chooser.list)
    assert page.chooser is not None
    return page.chooser


def test_first_open_typing_starts_at_once_and_enter_asks_the_table(make_window, qtbot) -> None:
    window = make_window()
    assert window.open_demo()
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # Capture
    page = capture_page(window, table=None)
    assert page.table_id is None
    qtbot.waitUntil(lambda: _focus() is page.entry.box)  # not a table chooser: typing works
    assert page.mine.rowCount() == 0  # no table: no cards are "yours"
    assert "once it is chosen" in page.cards_label.text()
    count = page.model.count(Note)
    qtbot.keyClicks(_focus(), "Test one, typed at once")
    qtbot.keyClick(_focus(), Qt.Key.Key_Return)
    chooser = _chooser(qtbot, page)  # the first Enter asks which table this laptop is
    assert page.model.count(Note) == count
    qtbot.keyClick(_focus(), Qt.Key.Key_Return)  # nothing picked yet: Enter does nothing
    assert page.chooser is chooser and chooser.isVisible()
    assert "No table picked yet" in chooser.hint.text()
    qtbot.keyClick(_focus(), Qt.Key.Key_Escape)  # cancel: the note stays in the box
    qtbot.waitUntil(lambda: _focus() is page.entry.box)
    assert page.entry.box.toPlainText() == "Test one, typed at once"
    assert page.table_id is None and page.model.count(Note) == count
    assert "still in the box" in page.status.text()

    qtbot.keyClick(_focus(), Qt.Key.Key_Return)
    _chooser(qtbot, page)
    tables = page.model.select(Group)
    for _ in range(3):
        qtbot.keyClick(_focus(), Qt.Key.Key_Down)  # Table 1, 2, 3
    qtbot.keyClicks(_focus(), "next")  # typed on: kept for the next note, picks nothing
    qtbot.keyClick(_focus(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _focus() is page.entry.box)
    assert page.table_id == tables[2].id
    saved = page.model.select(Note)[-1]
    assert (saved.text, saved.group_id) == ("Test one, typed at once", tables[2].id)
    assert page.entry.box.toPlainText() == "next"
    assert page.where.table.text() == tables[2].name
    path = window.document.path
    window.close_document()  # "next" is committed on close

    again = make_window()
    assert again.open_path(path)
    page = capture_page(again, table=None)
    assert page.table_id == tables[2].id  # remembered on this laptop
    assert page.where.table.text() == tables[2].name
    assert [n.text for n in page.mine.notes()][-2:] == ["Test one, typed at once", "next"] or (
        [n.text for n in page.mine.notes()][:2] == ["next", "Test one, typed at once"]
    )


def test_changing_table_is_deliberate(demo_window: MainWindow, qtbot) -> None:
    page = capture_page(demo_window)
    tables = page.model.select(Group)
    demo_window.activateWindow()
    page.focus_entry()
    qtbot.waitUntil(lambda: _focus() is page.entry.box)
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_T):  # no plain key switches it
        qtbot.keyClick(_focus(), key)
    assert page.table_id == tables[0].id
    assert page.entry.box.toPlainText() == "t"  # the T key was text
    qtbot.keyClick(_focus(), Qt.Key.Key_Escape)
    type_note(qtbot, page, "before the change")
    qtbot.keyClick(_focus(), Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # Change table…
    _chooser(qtbot, page)
    qtbot.keyClick(_focus(), Qt.Key.Key_Down)
    qtbot.keyClick(_focus(), Qt.Key.Key_Escape)  # cancelled: still table 1
    qtbot.waitUntil(lambda: _focus() is page.entry.box)
    assert page.table_id == tables[0].id
    qtbot.keyClick(_focus(), Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    _chooser(qtbot, page)
    qtbot.keyClick(_focus(), Qt.Key.Key_Down)  # from the current table to the next
    qtbot.keyClick(_focus(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _focus() is page.entry.box)
    assert page.table_id == tables[1].id
    assert page.status.text() == ""  # "✓ Saved" was about the other table
    type_note(qtbot, page, "after the change")
    notes = {n.text: n.group_id for n in page.model.select(Note)}
    assert notes["before the change"] == tables[0].id
    assert notes["after the change"] == tables[1].id


def test_entering_capture_focuses_the_note_box(demo_window: MainWindow, qtbot) -> None:
    page = capture_page(demo_window)
    demo_window.workspace.set_mode("plan")  # type: ignore[union-attr]
    demo_window.activateWindow()
    demo_window.workspace.set_mode("capture", focus=True)  # type: ignore[union-attr]
    assert page.focusWidget() is page.entry.box
    demo_window.workspace.set_mode("run")  # type: ignore[union-attr]
    demo_window.workspace.mode_bar.setCurrentIndex(2)  # a click on the Capture tab
    assert page.focusWidget() is page.entry.box


def test_counts_per_question(demo_window: MainWindow, qtbot) -> None:
    page = capture_page(demo_window)
    mine = page.cache.count(page.question_id, page.table_id)
    every = page.cache.count(page.question_id)
    assert page.where.question.currentText().endswith(f"— {mine} here · {every} in all")
    type_note(qtbot, page, "one more")
    assert page.where.question.currentText().endswith(f"— {mine + 1} here · {every + 1} in all")
    assert f"{mine + 1} notes on this question · {every + 1} from all tables" in (
        page.cards_label.text()
    )
