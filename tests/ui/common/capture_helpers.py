"""Helpers for the Capture tests: a demo window in Capture mode, typing notes, the run."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from workshop_app.domain.records import AgendaItem, Group, Note
from workshop_app.storage.document import Document
from workshop_app.ui.capture.page import CapturePage
from workshop_app.ui.shell.main_window import MainWindow


def capture_page(window: MainWindow, *, table: int | None = 0) -> CapturePage:
    """Show Capture mode in ``window`` and (unless ``table`` is None) pick that table."""
    assert window.workspace is not None
    window.workspace.set_mode("capture", focus=True)
    page = window.workspace.page("capture")
    assert isinstance(page, CapturePage)
    if table is not None:
        group = page.model.select(Group)[table]
        page.set_table(group.id)
    return page


def type_note(qtbot: QtBot, page: CapturePage, text: str) -> None:
    """Type ``text`` into the note box (\\n as Shift+Enter) and press Enter (twice for a quote
    with nobody named yet: the first Enter moves to "Said by"); a line that is not ASCII is
    pasted (QTest cannot type it in this environment)."""
    box = page.entry.box
    for number, line in enumerate(text.split("\n")):
        if number:
            qtbot.keyClick(box, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
        if line.isascii():
            qtbot.keyClicks(box, line)
        else:  # QTest cannot type beyond ASCII here: paste such a line instead
            box.insertPlainText(line)
    asks_who = page.entry.kind() == "quote" and not page.entry.who.text().strip()
    qtbot.keyClick(box, Qt.Key.Key_Return)
    if asks_who:
        qtbot.keyClick(page.entry.who, Qt.Key.Key_Return)


def start_breakout(window: MainWindow, title: str = "Breakout round 1") -> AgendaItem:
    """Walk the run to the agenda item called ``title`` and start its countdown (Run mode's
    controller, as the facilitator would)."""
    assert window.workspace is not None
    controller = window.workspace.page("run").controller  # type: ignore[attr-defined]
    items = list(controller.countdown.items)
    target = next(i for i in items if i.title == title)
    while controller.countdown.current().id != target.id:
        controller.next()
    controller.toggle()
    return target


def reopen_notes(window: MainWindow) -> list[Note]:
    """Close the event in ``window`` and read its live notes back from the file."""
    assert window.document is not None
    path = window.document.path
    window.close_document()
    with Document.open(path) as document:
        return document.select(Note)


def reopen_all_notes(window: MainWindow) -> list[Note]:
    """Like ``reopen_notes`` with the tombstoned notes too."""
    assert window.document is not None
    path = window.document.path
    window.close_document()
    with Document.open(path) as document:
        return document.select(Note, include_deleted=True)
