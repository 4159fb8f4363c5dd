"""The Board at a laptop's 1280x720: the side panels get room enough to read and write in, and
every panel's tab shows (before, the splitter was sized before the panels were added: a
200-pixel sliver with Matrix and Suggestions behind scroll arrows)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.ui.board.board_helpers import open_board
from workshop_app.storage.document import Document
from workshop_app.storage.templates import demo_bundle
from workshop_app.ui.shell.main_window import MainWindow


def test_side_panels_get_two_fifths_and_every_tab_shows_at_1280x720(
    make_window: Callable[[], MainWindow], tmp_path: Path, qtbot: QtBot
) -> None:
    path = tmp_path / "demo.workshop"
    Document.create(path, demo_bundle()).close()
    page = open_board(make_window, path, qtbot)
    view, side = page.splitter.sizes()
    assert side >= 0.35 * (view + side), (view, side)
    bar = page.side.tabBar()
    assert page.side.count() == 4
    for index in range(page.side.count()):
        assert bar.rect().contains(bar.tabRect(index)), page.side.tabText(index)
