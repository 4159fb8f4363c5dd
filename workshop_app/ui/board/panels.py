"""The Board's own side panels, added to the page through ``add_side``: the write-up, dot voting
and the question × table matrix."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workshop_app.ui.board.dots import DotsPanel
from workshop_app.ui.board.matrix import MatrixPanel
from workshop_app.ui.board.writeup import WriteupPanel
from workshop_app.ui.common.i18n import tr

if TYPE_CHECKING:
    from workshop_app.ui.board.page import BoardPage


def add_panels(page: BoardPage) -> None:
    page.writeup = WriteupPanel(page)
    page.add_side(page.writeup, tr("Write-up"))
    page.dots = DotsPanel(page)
    page.add_side(page.dots, tr("Dot voting"))
    page.matrix = MatrixPanel(page)
    page.add_side(page.matrix, tr("Matrix"))
