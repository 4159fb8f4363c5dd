"""The Board speaks the window's language: built under the pseudo-locale (qps-ploc), its
outline's headings, its buttons, its canvas columns and its undo texts come out bracketed, as a
translation would; under English they read exactly as written. Real window, real key events."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.board.board_helpers import go, open_board
from workshop_app import i18n
from workshop_app.domain.records import Note
from workshop_app.storage.document import Document
from workshop_app.storage.templates import demo_bundle
from workshop_app.ui.board.outline_model import NOTE, UNSORTED
from workshop_app.ui.common import i18n as window_i18n
from workshop_app.ui.shell.main_window import MainWindow

HORIZONTAL = Qt.Orientation.Horizontal


@pytest.fixture
def language() -> Iterator[Callable[[str], None]]:
    """Choose the window's language for the test; English again after it."""
    yield window_i18n.install
    window_i18n.install("en")


def _words(code: str, text: str) -> str:
    return i18n.pseudo(text) if code == i18n.PSEUDO else text


@pytest.mark.parametrize("code", [i18n.PSEUDO, "en"])
def test_the_board_is_built_in_the_window_language(
    code: str,
    language: Callable[[str], None],
    make_window: Callable[[], MainWindow],
    tmp_path: Path,
    qtbot: QtBot,
) -> None:
    language(code)
    Document.create(tmp_path / "Demo.workshop", demo_bundle()).close()
    board = open_board(make_window, tmp_path / "Demo.workshop", qtbot)
    outline, model = board.outline.outline, board.model

    # the outline's headings and its "Not yet sorted" row
    headings = [outline.headerData(c, HORIZONTAL) for c in range(outline.columnCount())]
    assert headings == [_words(code, w) for w in ("Note", "Table", "Kind", "Votes", "Star")]
    loose = outline.index_of(UNSORTED, "").data()
    assert _words(code, "Not yet sorted") in loose
    # a button, a tab, the canvas's columns
    assert board.suggestions.themes.button is not None
    assert board.suggestions.themes.button.text() == _words(code, "Suggest themes")
    assert board.side.tabText(0) == _words(code, "Write-up")
    new_column = board.canvas.scene.columns[("new", "")]
    assert new_column.title == _words(code, "+ New theme")

    # an undo text: group one note into a new theme by Ctrl+G
    note = next(n for n in model.select(Note, question_id=board.question_id()) if not n.theme_id)
    go(qtbot, board.outline, NOTE, note.id)
    qtbot.keyClick(board.outline, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: model.undo_stack.count() == 1)
    grouped = _words(code, "Group %n note into a new theme").replace("%n", "1")
    assert model.undo_stack.undoText() == grouped
    if code == "en":
        assert model.undo_stack.undoText() == "Group 1 note into a new theme"
        assert headings[1] == "Table" and loose.startswith("Not yet sorted (")
    else:
        for word in (headings[1], loose, model.undo_stack.undoText(), new_column.title):
            assert word.startswith(i18n.PSEUDO_OPEN) and i18n.PSEUDO_CLOSE in word
