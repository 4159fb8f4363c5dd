"""Helpers the Board panel tests share: open an event file in a shown main window and go to the
Board by Ctrl+4; walk the outline by arrow keys; PDF text."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from workshop_app.ui.board.outline import OutlineView
from workshop_app.ui.board.outline_model import ItemKindRole, RecordIdRole
from workshop_app.ui.board.page import BoardPage
from workshop_app.ui.shell.main_window import MainWindow

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


def open_board(make_window: Callable[[], MainWindow], path: Path, qtbot: QtBot) -> BoardPage:
    """``path`` open in a freshly shown window, Board mode by Ctrl+4, the focus in the outline."""
    window = make_window()
    window.resize(1280, 720)
    assert window.open_path(path)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget() or window, K.Key_4, CTRL)
    page = window.workspace.page("board")  # type: ignore[union-attr]
    assert isinstance(page, BoardPage)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.outline)
    return page


def current(tree: OutlineView) -> tuple[str, str]:
    index = tree.currentIndex()
    return str(index.data(ItemKindRole)), str(index.data(RecordIdRole))


def go(qtbot: QtBot, tree: OutlineView, kind: str, record_id: str, *, keep: bool = False) -> None:
    """Move the focus to a row with arrow keys from the top (``keep``: Ctrl held, so the
    selection stays as it is)."""
    mods = CTRL if keep else Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(tree, K.Key_Home, mods)
    for _ in range(300):
        if current(tree) == (kind, record_id):
            return
        qtbot.keyClick(tree, K.Key_Down, mods)
    raise AssertionError(f"{kind} {record_id} not reached")


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return " ".join(text.split())
