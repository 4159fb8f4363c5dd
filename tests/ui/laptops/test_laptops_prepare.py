"""File ▸ Prepare laptops for tables… (issue 12, item 3), by keyboard: the copies are written,
and a copy opens in Capture on its table, stamping its own laptop on what is typed there."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.laptops.laptop_helpers import TITLE, copy_device, make_event
from workshop_app.domain.records import Note
from workshop_app.storage.device import device_id as this_device
from workshop_app.ui.capture.page import CapturePage

K = Qt.Key


def _focus() -> object:
    return QApplication.focusWidget()


def test_prepare_by_keyboard_then_a_copy_opens_in_capture_on_its_table(
    make_window, qtbot, tmp_path: Path
) -> None:
    question_id, tables = make_event(tmp_path / "day.workshop")
    stick = tmp_path / "USB stick"
    stick.mkdir()
    window = make_window()
    assert window.open_path(tmp_path / "day.workshop")
    window.menu_actions.prepare.trigger()
    dialog = window.laptop_handlers.prepare_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    qtbot.waitActive(dialog)
    qtbot.waitUntil(dialog.folder.hasFocus)  # the keys below go where a person's would
    qtbot.keyClick(dialog.folder, K.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.folder, str(stick))
    qtbot.keyClick(dialog.folder, K.Key_Tab)
    assert _focus() is dialog.choose
    qtbot.keyClick(dialog.choose, K.Key_Tab)
    assert _focus() is dialog.per_table and dialog.per_table.isChecked()
    qtbot.keyClick(dialog.per_table, K.Key_Tab)
    assert _focus() is dialog.tables
    qtbot.keyClick(dialog.tables, K.Key_Down)
    qtbot.keyClick(dialog.tables, K.Key_Down)
    qtbot.keyClick(dialog.tables, K.Key_Space)  # Table 3 has no laptop today
    assert "Writes 2 files" in dialog.names.text()
    qtbot.keyClick(dialog.tables, K.Key_Return)
    qtbot.waitUntil(lambda: window.laptop_handlers.prepare_dialog is None)
    names = sorted(p.name for p in stick.iterdir())
    assert names == [f"{TITLE} – Table 1.workshop", f"{TITLE} – Table 2.workshop"]
    assert "Wrote 2 copies" in window.statusBar().currentMessage()

    copy = stick / f"{TITLE} – Table 2.workshop"
    laptop = make_window()
    assert laptop.open_path(copy)
    assert laptop.workspace is not None and laptop.workspace.mode() == "capture"
    page = laptop.workspace.page("capture")
    assert isinstance(page, CapturePage) and page.table_id == tables[1]
    qtbot.keyClicks(page.entry.box, "Start with the rota")
    qtbot.keyClick(page.entry.box, K.Key_Return)  # no table to ask for: it is this copy's
    assert page.chooser is None
    (note,) = [n for n in laptop.model.select(Note) if n.text == "Start with the rota"]
    assert note.group_id == tables[1] and note.question_id == question_id
    assert note.device_id == copy_device(copy) != this_device()
    assert laptop.model.document.device_id == copy_device(copy)


def test_a_folder_that_cannot_take_the_copies_is_said_in_the_dialog(
    make_window, qtbot, tmp_path: Path
) -> None:
    make_event(tmp_path / "day.workshop")
    window = make_window()
    assert window.open_path(tmp_path / "day.workshop")
    window.menu_actions.prepare.trigger()
    dialog = window.laptop_handlers.prepare_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.folder.clear()
    qtbot.keyClicks(dialog.folder, str(tmp_path / "pulled stick"))
    qtbot.keyClick(dialog.folder, K.Key_Return)
    assert dialog.isVisible() and "USB stick" in dialog.problem.text()
    assert "Nothing was written" in dialog.problem.text()
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".workshop") == ["day.workshop"]
