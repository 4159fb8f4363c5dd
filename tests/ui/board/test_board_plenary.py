"""The plenary display: F6 on a freshly shown Board (Ctrl+4) opens the question's themes in vote
order, a vote added re-ranks it at once, Esc closes it; rendered to an image at 1920x1080 and
1280x720 with long titles, no text is clipped (every piece of text fits the box it was given,
and the screen's edges are bare), like test_run_digits does for the countdown."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from workshop_app.domain.records import Note, Theme
from workshop_app.ui.board import actions
from workshop_app.ui.board.outline_model import THEME, ItemKindRole, RecordIdRole
from workshop_app.ui.board.page import BoardPage
from workshop_app.ui.board.plenary import PlenaryWindow, ranking
from workshop_app.ui.shell.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
K = Qt.Key
LONG = (
    "Basics first: working laptops, single sign-on and records that talk to each other across "
    "every trust, care home and GP practice in the whole region, before any new tool arrives"
)


@pytest.fixture
def board(make_window: Callable[[], MainWindow], qtbot: QtBot) -> BoardPage:
    window = make_window()
    assert window.open_demo()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget() or window, K.Key_4, CTRL)
    page = window.workspace.page("board")  # type: ignore[union-attr]
    assert isinstance(page, BoardPage)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.outline)
    return page


def _order(board: BoardPage) -> list[str]:
    themes = board.model.select(Theme, question_id=board.question_id())
    notes = board.model.select(Note, question_id=board.question_id())
    ranked = sorted(themes, key=lambda t: -actions.theme_total(t, notes))
    return [t.title for t in ranked]


def test_f6_opens_the_themes_in_vote_order_a_vote_reranks_and_esc_closes(
    board: BoardPage, qtbot: QtBot
) -> None:
    qtbot.keyClick(board.outline, K.Key_F6)
    plenary = board.plenary.window
    assert isinstance(plenary, PlenaryWindow) and plenary.isVisible()
    qtbot.waitUntil(lambda: bool(plenary.drawn))
    titles = [r.title for r in plenary.rows]
    assert titles == _order(board) and len(titles) == 3
    votes = [r.votes for r in plenary.rows]
    assert votes == sorted(votes, reverse=True)
    drawn = [d.text for d in plenary.drawn]
    assert _drawn_titles(plenary) == titles
    for row in plenary.rows:
        assert f"{row.votes} votes" in drawn and f"{row.notes} notes" in drawn
    # the last theme gets enough votes, by keys on the Board, to lead: the display follows
    last = next(t for t in board.model.select(Theme) if t.title == titles[-1])
    tree = board.outline
    board.activateWindow()
    qtbot.waitUntil(board.isActiveWindow)
    tree.setFocus()
    qtbot.keyClick(tree, K.Key_Home)
    for _ in range(60):
        here = tree.currentIndex()
        if (here.data(ItemKindRole), here.data(RecordIdRole)) == (THEME, last.id):
            break
        qtbot.keyClick(tree, K.Key_Down)
    for _ in range(plenary.rows[0].votes - plenary.rows[-1].votes + 1):
        qtbot.keyClick(tree, K.Key_Plus)
    assert plenary.rows[0].title == titles[-1]  # at once, before any repaint
    qtbot.waitUntil(lambda: _drawn_titles(plenary)[:1] == [titles[-1]])
    assert [r.title for r in plenary.rows] == _order(board)
    # Esc on the display closes it
    plenary.activateWindow()
    qtbot.waitUntil(plenary.isActiveWindow)
    qtbot.keyClick(plenary, K.Key_Escape)
    qtbot.waitUntil(lambda: board.plenary.window is None)
    qtbot.waitUntil(board.isActiveWindow)  # the Board has the keyboard back
    assert QApplication.focusWidget() is board.outline
    # F6 again opens it, and F6 on the Board closes it
    qtbot.keyClick(board.outline, K.Key_F6)
    assert board.plenary.window is not None
    board.activateWindow()
    qtbot.waitUntil(board.isActiveWindow)
    qtbot.keyClick(board.outline, K.Key_F6)
    qtbot.waitUntil(lambda: board.plenary.window is None)


def _drawn_titles(plenary: PlenaryWindow) -> list[str]:
    """The titles as last painted: the text after each rank number."""
    texts = [d.text for d in plenary.drawn]
    return [texts[i + 1] for i, t in enumerate(texts[:-1]) if t.endswith(".") and t[:-1].isdigit()]


def _bare_edges(image: QImage, margin: int) -> list[tuple[int, int]]:
    """Pixels within ``margin`` of the screen's edges that are not black."""
    w, h = image.width(), image.height()
    black = QColor("#000000")
    found = []
    for x in range(0, w, 3):
        for y in (*range(margin), *range(h - margin, h)):
            if image.pixelColor(x, y) != black:
                found.append((x, y))
    for y in range(0, h, 3):
        for x in (*range(margin), *range(w - margin, w)):
            if image.pixelColor(x, y) != black:
                found.append((x, y))
    return found


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (1280, 720)])
@pytest.mark.parametrize("themes", [3, 8, 30])
def test_no_text_is_clipped_at_projector_sizes(
    board: BoardPage, qtbot: QtBot, width: int, height: int, themes: int
) -> None:
    question = board.question_id()
    assert question is not None
    loose = actions.unsorted_note_ids(board.model, question)
    first = board.model.select(Theme, question_id=question)[0]
    actions.rename_theme(board.model, first.id, LONG)
    for number in range(themes - len(board.model.select(Theme, question_id=question))):
        title = LONG if number % 3 == 0 else f"Theme {number} " + "Supercalifragilistic" * 3
        theme_id = actions.group_into_new_theme(board.model, question, loose[:0], title)
        actions.set_votes(board.model, Theme, theme_id, number % 5)
    plenary = PlenaryWindow(board.model, question)
    qtbot.addWidget(plenary)
    plenary.resize(width, height)
    image = plenary.grab().toImage()
    assert len(plenary.rows) == themes == len(ranking(board.model, question))
    screen = QRectF(0, 0, width, height)
    for piece in plenary.drawn:
        needs = piece.needs
        assert (
            piece.box.contains(needs)
            or needs.height() <= piece.box.height() + 0.5
            and (needs.width() <= piece.box.width() + 0.5)
        ), f"{piece.text[:30]!r} needs {needs} in {piece.box}"
        assert screen.contains(piece.box), piece.text[:30]
    rows = [p for p in plenary.drawn if p.text in {r.title for r in plenary.rows}]
    for a, b in zip(rows, rows[1:], strict=False):
        assert a.box.bottom() <= b.box.top() + 0.5  # rows never overlap
    shown = len(rows)
    assert shown + plenary.hidden_count == themes
    if plenary.hidden_count:
        assert any("more theme" in p.text for p in plenary.drawn)
    titles = [p for p in rows if p.text == LONG]
    assert titles and all(p.needs.height() > 1.8 * p.pixels for p in titles)  # wrapped
    assert min(p.pixels for p in rows) >= int(0.032 * height)  # readable from the back
    assert _bare_edges(image, int(0.02 * height)) == []
