"""The Board says group and move results to a screen reader, in the words of the step (as in
Edit ▸ Undo), as done: by keys in the outline (Ctrl+G, M; drops: test_board_canvas.py). A move
that changes nothing says nothing. Real key events on a freshly shown window."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.board.board_helpers import go, open_board
from tests.ui.common.announced import listening
from workshop_app.domain.records import Note, Theme
from workshop_app.storage.document import Document
from workshop_app.storage.templates import demo_bundle
from workshop_app.ui.board.outline_model import NOTE
from workshop_app.ui.shell.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
K = Qt.Key


def test_group_and_move_are_announced(
    make_window: Callable[[], MainWindow], tmp_path: Path, qtbot: QtBot
) -> None:
    demo = demo_bundle()
    bare = replace(demo, themes=(), notes=tuple(replace(n, theme_id=None) for n in demo.notes))
    Document.create(tmp_path / "Bare.workshop", bare).close()
    board = open_board(make_window, tmp_path / "Bare.workshop", qtbot)
    tree, model = board.outline, board.model
    loose = [n.id for n in model.select(Note, question_id=board.question_id())]
    with listening() as heard:
        go(qtbot, tree, NOTE, loose[0])
        go(qtbot, tree, NOTE, loose[1], keep=True)
        qtbot.keyClick(tree, K.Key_Space, CTRL)
        qtbot.keyClick(tree, K.Key_G, CTRL)
        assert heard.said == [(tree, "Grouped 2 notes into a new theme", False)]
        qtbot.keyClicks(QApplication.focusWidget(), "Access")
        qtbot.keyClick(QApplication.focusWidget(), K.Key_Return)
        qtbot.waitUntil(lambda: any(t.title == "Access" for t in model.select(Theme)))
        assert len(heard.said) == 1  # naming the theme is not a group or a move

        go(qtbot, tree, NOTE, loose[2])
        qtbot.keyClick(tree, K.Key_M)
        chooser = board.keys["outline"].chooser
        assert chooser is not None
        qtbot.waitUntil(lambda: QApplication.focusWidget() is chooser.filter)
        qtbot.keyClicks(chooser.filter, "acc")
        qtbot.keyClick(chooser.filter, K.Key_Return)
        assert heard.texts()[1:] == ["Moved 1 note to “Access”"]
        qtbot.waitUntil(lambda: QApplication.focusWidget() is tree)

        go(qtbot, tree, NOTE, loose[2])
        qtbot.keyClick(tree, K.Key_M)
        again = board.keys["outline"].chooser
        assert again is not None
        qtbot.waitUntil(lambda: QApplication.focusWidget() is again.filter)
        qtbot.keyClicks(again.filter, "acc")
        qtbot.keyClick(again.filter, K.Key_Return)  # where it already is: no step
        assert len(heard.said) == 2
