"""Notes sent from attendees' phones, as the facilitator meets them: they arrive live (through
DocumentModel, as the phone server adds them) in Capture's side panel (the "Other tables" tab,
named as from attendees' phones, never in the note-taker's own cards) and on the Board, and
Delete on one hides it (a tombstone, so the Board and the plenary display drop it) until Ctrl+Z.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.common.capture_helpers import capture_page
from workshop_app.domain.records import PHONE_SOURCE_LABEL, PHONE_SOURCE_PLACE, Note, NoteSource
from workshop_app.ui.board.page import BoardPage
from workshop_app.ui.common.sticky import PlaceRole
from workshop_app.ui.shell.main_window import MainWindow

TEXT = "Could the discharge letter come by text message?"


def _phone_note(window: MainWindow, question_id: str | None) -> Note:
    assert window.workspace is not None
    model = window.workspace.model
    return model.push_add(
        Note(question_id=question_id, text=TEXT, source=NoteSource.PHONE),
        label="Add a note from an attendee's phone",
    )


def _outline_texts(page: BoardPage) -> list[str]:
    model = page.outline.outline
    found: list[str] = []

    def walk(parent) -> None:  # type: ignore[no-untyped-def]
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            cells = [str(index.siblingAtColumn(c).data() or "") for c in range(2)]
            found.append(" | ".join(cells))
            walk(index)

    walk(model.index(-1, -1))
    return found


def test_a_phone_note_arrives_live_is_named_and_hidden_by_delete(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    page = capture_page(demo_window)
    demo_window.activateWindow()
    qtbot.waitUntil(demo_window.isActiveWindow)
    others = page.side.others_model
    before = others.rowCount()
    note = _phone_note(demo_window, page.question_id)

    # live, without reloading: in the side panel, said in words, not in this table's own cards
    assert others.rowCount() == before + 1
    row = others.row_of(note.id)
    assert others.index(row, 0).data(PlaceRole) == PHONE_SOURCE_PLACE
    assert all(page.mine.note(r).id != note.id for r in range(page.mine.rowCount()))
    assert PHONE_SOURCE_LABEL in page.side.others_label.text()

    # the facilitator hides it by keyboard from there: Delete on the card
    page.side.setCurrentIndex(0)
    view = page.side.others
    view.setFocus()
    view.select_row(row)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    model = page.model
    assert all(n.id != note.id for n in model.select(Note))  # the Board and plenary read this
    assert any(n.id == note.id for n in model.deleted(Note))  # a tombstone, not gone
    assert others.rowCount() == before

    focused = QApplication.focusWidget() or page
    qtbot.keyClick(focused, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Z
    assert any(n.id == note.id for n in model.select(Note))
    assert others.rowCount() == before + 1


def test_the_board_shows_phone_notes_as_they_arrive(
    make_window: Callable[[], MainWindow], qtbot: QtBot
) -> None:
    window = make_window()
    assert window.open_demo()
    assert window.workspace is not None
    window.workspace.set_mode("board", focus=True)
    page = window.workspace.page("board")
    assert isinstance(page, BoardPage)
    question_id = page.question_id()
    assert not any(TEXT in line for line in _outline_texts(page))
    _phone_note(window, question_id)
    lines = [line for line in _outline_texts(page) if TEXT in line]
    assert lines == [f"{TEXT} | {PHONE_SOURCE_LABEL}"]
