"""Where am I: the table is picked once and remembered (per event, on this laptop); the
question follows the running breakout, else the question bar and Ctrl+PgUp/PgDn; entering
Capture puts the focus in the note box."""

from __future__ import annotations

from capture_helpers import capture_page, start_breakout, type_note
from PySide6.QtCore import Qt

from workshop_app.domain.records import AgendaItem, Group, Note, Question
from workshop_app.domain.run import IDLE, PAUSED, RUNNING, RunState
from workshop_app.ui.capture.follow import running_breakout
from workshop_app.ui.main_window import MainWindow


def test_the_question_follows_the_running_breakout(demo_window: MainWindow, qtbot) -> None:
    page = capture_page(demo_window)
    questions = page.model.list(Question)
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
    notes = {n.text: n.question_id for n in page.model.list(Note)}
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


def test_the_table_is_picked_once_and_remembered(make_window, qtbot) -> None:
    window = make_window()
    assert window.open_demo()
    page = capture_page(window, table=None)
    assert page.table_id is None
    assert page.where.table.currentText() == "Choose your table…"
    assert page.where.table.hasFocus() or not window.isActiveWindow()
    count = page.model.count(Note)
    qtbot.keyClicks(page.entry.box, "waits for a table")
    qtbot.keyClick(page.entry.box, Qt.Key.Key_Return)
    assert page.model.count(Note) == count  # nothing lost: still in the box
    assert page.entry.box.toPlainText() == "waits for a table"
    assert "Choose your table" in page.status.text()
    table = page.model.list(Group)[3]
    page.where.table.setCurrentIndex(page.where.table.findData(table.id))
    page.where.table.activated.emit(page.where.table.currentIndex())
    assert page.where.table.findText("Choose your table…") == -1
    qtbot.keyClick(page.entry.box, Qt.Key.Key_Return)
    assert page.model.list(Note)[-1].group_id == table.id
    path = window.document.path
    window.close_document()

    again = make_window()
    assert again.open_path(path)
    page = capture_page(again, table=None)
    assert page.table_id == table.id
    assert page.where.table.currentData() == table.id


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
