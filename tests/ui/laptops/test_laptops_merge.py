"""File ▸ Merge notes from… (issue 12, item 4): a preview of what comes in (a refused file
listed with its reason and left out), one undoable step that undo really takes back, "Other
tables" in Capture filled from the merged notes, and the status bar naming the laptops."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from tests.ui.common.capture_helpers import capture_page
from tests.ui.laptops.laptop_helpers import hand_out, make_event, records, type_at_table
from workshop_app.domain.records import Note

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


def _setup(tmp_path: Path) -> tuple[Path, Path, str]:
    question_id, _ = make_event(tmp_path / "day.workshop")
    stick = tmp_path / "stick"
    copies = hand_out(tmp_path / "day.workshop", stick)
    type_at_table(copies[1], question_id, "More time for training", "Clear rules on data")
    type_at_table(copies[2], question_id, "Start with one ward")
    make_event(stick / "another event.workshop")  # a different event: left out, with why
    (stick / "notes.txt").write_text("not an event")  # not looked at
    return tmp_path / "day.workshop", stick, question_id


def test_merge_a_folder_previewed_then_undone_and_redone(
    make_window, qtbot, dialogs, tmp_path: Path
) -> None:
    path, stick, question_id = _setup(tmp_path)
    window = make_window()
    assert window.open_path(path)
    page = capture_page(window, table=0)
    assert page.others.rowCount() == 1  # only the note written at the front
    before = records(path)
    window.menu_actions.merge.trigger()
    dialog = window.laptop_handlers.merge_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    qtbot.waitActive(dialog)
    qtbot.waitUntil(dialog.files_button.hasFocus)
    dialogs.folders.append(stick)
    qtbot.keyClick(dialog.files_button, K.Key_Tab)
    assert dialog.folder_button.hasFocus()
    qtbot.keyClick(dialog.folder_button, K.Key_Space)  # Choose a folder…
    assert dialog.summary.text() == "+3 notes from 2 laptops (from 3 files)"
    lines = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert lines[0] == "✗ Left out: another event.workshop: “another event.workshop” is a " \
        "different event (not a copy of this one)."  # fmt: skip
    assert lines[1:] == [
        "✓ NHS AI strategy – Table 1.workshop: Nothing new",
        "✓ NHS AI strategy – Table 2.workshop: +2 notes from 1 laptop",
        "✓ NHS AI strategy – Table 3.workshop: +1 note from 1 laptop",
    ]
    assert records(path) == before  # a preview changes nothing
    assert dialog.merge_button.hasFocus()
    qtbot.keyClick(dialog.merge_button, K.Key_Return)
    qtbot.waitUntil(lambda: window.laptop_handlers.merge_dialog is None)
    assert dialogs.infos[-1] == ("Notes merged", "Merged: +3 notes from 2 laptops.")
    assert page.model.count(Note) == 4
    assert sorted(page.others.note(r).text for r in range(page.others.rowCount())) == [
        "Clear rules on data", "More time for training", "Start with one ward",
        "written at the front",
    ]  # fmt: skip
    assert window.menu_actions.undo.text() == "Undo Merge notes"
    status = window.laptops_status
    assert status is not None
    qtbot.waitUntil(lambda: status.text().startswith("Notes from 3 laptops"), timeout=3000)
    assert "Table 2 just now" in status.text() and "Table 3 just now" in status.text()

    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.waitUntil(page.entry.box.hasFocus)
    qtbot.keyClick(page.entry.box, K.Key_Z, CTRL)  # one step takes the whole merge back
    assert records(path) == before
    assert page.others.rowCount() == 1 and page.model.count(Note) == 1
    qtbot.waitUntil(lambda: status.isHidden(), timeout=3000)
    qtbot.keyClick(page.entry.box, K.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert page.others.rowCount() == 4 and page.model.count(Note) == 4


def test_nothing_to_merge_in_a_folder_of_other_events(
    make_window, qtbot, dialogs, tmp_path: Path
) -> None:
    make_event(tmp_path / "day.workshop")
    other = tmp_path / "other"
    other.mkdir()
    make_event(other / "x.workshop")
    window = make_window()
    assert window.open_path(tmp_path / "day.workshop")
    window.menu_actions.merge.trigger()
    dialog = window.laptop_handlers.merge_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialogs.folders.append(other)
    qtbot.keyClick(dialog.folder_button, K.Key_Space)
    assert dialog.summary.text() == "None of these files can be merged into this event."
    assert not dialog.merge_button.isEnabled()
    qtbot.keyClick(dialog.list, K.Key_Return)
    assert dialog.isVisible() and window.model is not None
    assert window.model.undo_stack.count() == 0
