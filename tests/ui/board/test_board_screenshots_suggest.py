"""Board's Suggestions panel and plenary display on the demo, grabbed offscreen.

To refresh the committed screenshots:
    WORKSHOP_SCREENSHOTS=resources/screenshots \
        pytest tests/ui/board/test_board_screenshots_suggest.py
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from workshop_app.domain.records import Theme
from workshop_app.storage.document import Document
from workshop_app.storage.templates import demo_bundle
from workshop_app.ui.board.page import BoardPage
from workshop_app.ui.board.plenary import PlenaryWindow
from workshop_app.ui.shell.main_window import MainWindow


def _folder(tmp_path: Path) -> Path:
    return Path(os.environ.get("WORKSHOP_SCREENSHOTS") or tmp_path)


def test_grab_suggestions(
    make_window: Callable[[], MainWindow], qtbot: QtBot, tmp_path: Path
) -> None:
    demo = demo_bundle()
    bare = replace(demo, themes=(), notes=tuple(replace(n, theme_id=None) for n in demo.notes))
    Document.create(tmp_path / "Bare.workshop", bare).close()
    window = make_window()
    window.resize(1280, 800)
    assert window.open_path(tmp_path / "Bare.workshop")
    window.workspace.set_mode("board", focus=True)  # type: ignore[union-attr]
    page = window.workspace.page("board")  # type: ignore[union-attr]
    assert isinstance(page, BoardPage)
    page.splitter.setSizes([560, 720])
    panel = page.suggestions
    page.side.setCurrentWidget(panel)
    assert panel.themes.button is not None
    panel.themes.button.click()
    qtbot.waitUntil(lambda: bool(panel.cards))
    qtbot.wait(50)
    QApplication.processEvents()
    # the picture shows the proposals
    assert panel.isVisible() and all(card.isVisible() for card in panel.cards.values())
    image = window.grab().toImage()
    target = _folder(tmp_path) / "board-suggestions.png"
    assert image.save(str(target)) and target.stat().st_size > 10_000


def test_grab_plenary(demo_window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    model = demo_window.workspace.model  # type: ignore[union-attr]
    question = next(t.question_id for t in model.select(Theme))
    plenary = PlenaryWindow(model, question)
    qtbot.addWidget(plenary)
    plenary.resize(1920, 1080)
    image = plenary.grab().toImage()
    assert len(plenary.rows) >= 3
    target = _folder(tmp_path) / "board-plenary.png"
    assert image.save(str(target)) and target.stat().st_size > 10_000
