"""Board canvas on a freshly shown main window (Ctrl+4, then F4): cards dragged with real mouse
events into a theme, out to "Not yet sorted" and between themes (one undo step each, saved in
the file); rubber band, Ctrl- and Shift-click; the Board's keys through real key presses;
canvas and outline in step without rebuilding; the view remembered; zoom."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from tests.ui.common.accessibility import unnamed_widgets
from tests.ui.common.announced import listening
from workshop_app.domain.records import Note, Theme
from workshop_app.storage.document import Document
from workshop_app.ui.board.canvas import CanvasView
from workshop_app.ui.board.canvas_scene import NEW
from workshop_app.ui.board.chooser import ThemeChooser
from workshop_app.ui.board.outline_model import NOTE, THEME, UNSORTED
from workshop_app.ui.board.page import BoardPage
from workshop_app.ui.shell.main_window import MainWindow

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier
LEFT = Qt.MouseButton.LeftButton
K = Qt.Key


def _open_board(window: MainWindow, qtbot: QtBot) -> BoardPage:
    # Wide enough for every column of a question beside the side panels (two fifths), so a
    # card and its target column are on screen together and a drag is one straight move.
    window.resize(2200, 1000)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget() or window, K.Key_4, CTRL)
    page = window.workspace.page("board")  # type: ignore[union-attr]
    assert isinstance(page, BoardPage)
    return page


@pytest.fixture
def board(make_window: Callable[[], MainWindow], qtbot: QtBot, settings) -> BoardPage:
    """The demo in a shown window, Board mode (Ctrl+4), switched to the canvas with F4, on the
    first question that has themes."""
    window = make_window()
    assert window.open_demo()
    page = _open_board(window, qtbot)
    assert settings.board_view() == "outline"
    qtbot.keyClick(page.outline, K.Key_F4)
    assert page.view_name() == "canvas" and settings.board_view() == "canvas"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.canvas.canvas)
    while not page.model.select(Theme, question_id=page.question_id()):
        qtbot.keyClick(page.canvas.canvas, K.Key_PageDown, CTRL)
    return page


def _point(view: CanvasView, scene_point: QPointF) -> QPoint:
    return view.canvas.mapFromScene(scene_point)


def _card(view: CanvasView, note_id: str) -> QPoint:
    card = view.scene.cards[note_id]
    view.canvas.ensureVisible(card)
    return _point(view, card.sceneBoundingRect().center())


def _column(view: CanvasView, kind: str, record_id: str = "") -> QPoint:
    column = view.scene.columns[(kind, record_id)]
    view.canvas.ensureVisible(column.header_rect())
    return _point(view, column.header_rect().center())


def _drag(qtbot: QtBot, view: CanvasView, start: QPoint, end: QPoint, mods=NONE) -> None:
    port = view.canvas.viewport()
    qtbot.mousePress(port, LEFT, mods, start)
    for step in range(1, 9):
        qtbot.mouseMove(port, start + (end - start) * step / 8)
    qtbot.mouseRelease(port, LEFT, mods, end)


def _theme_ids(page: BoardPage) -> list[str]:
    return [t.id for t in page.model.select(Theme, question_id=page.question_id())]


def _members(page: BoardPage, theme_id: str | None) -> set[str]:
    notes = page.model.select(Note, question_id=page.question_id(), theme_id=theme_id)
    return {n.id for n in notes}


def test_drag_into_out_of_and_between_themes_is_saved(board: BoardPage, qtbot: QtBot) -> None:
    view, model = board.canvas, board.model
    first, second = _theme_ids(board)[:2]
    stack = model.undo_stack

    # Into a theme: a card from "Not yet sorted" dropped on the first theme's column.
    loose = sorted(_members(board, None))[0]
    _drag(qtbot, view, _card(view, loose), _column(view, THEME, first))
    assert model.get(Note, loose).theme_id == first
    assert view.scene.column_of(loose) == (THEME, first)
    assert (
        view.scene.cards[loose]
        .sceneBoundingRect()
        .intersects(view.scene.columns[(THEME, first)].sceneBoundingRect())
    )

    # Between themes: two cards picked with Ctrl-click, dragged together: one undo step.
    picked = sorted(_members(board, first))[:2]
    qtbot.mouseClick(view.canvas.viewport(), LEFT, NONE, _card(view, picked[0]))
    qtbot.mouseClick(view.canvas.viewport(), LEFT, CTRL, _card(view, picked[1]))
    assert sorted(view.selected_note_ids()) == picked
    steps = stack.count()
    _drag(qtbot, view, _card(view, picked[1]), _column(view, THEME, second))
    assert stack.count() == steps + 1
    assert {model.get(Note, n).theme_id for n in picked} == {second}
    assert sorted(view.selected_note_ids()) == picked  # still selected after the drop

    # Out to "Not yet sorted".
    qtbot.mouseClick(view.canvas.viewport(), LEFT, NONE, _card(view, picked[0]))
    _drag(qtbot, view, _card(view, picked[0]), _column(view, UNSORTED))
    assert model.get(Note, picked[0]).theme_id is None

    # A drop back on its own column changes nothing and the card goes back in place.
    place = view.scene.cards[picked[1]].pos()
    steps = stack.count()
    _drag(qtbot, view, _card(view, picked[1]), _column(view, THEME, second) + QPoint(0, 40))
    assert [stack.text(i) for i in range(stack.count())][steps:] == []
    assert view.scene.cards[picked[1]].pos() == place

    with Document.open(model.document.path, readonly=True) as saved:
        assert saved.get(Note, loose).theme_id == first
        assert saved.get(Note, picked[0]).theme_id is None
        assert saved.get(Note, picked[1]).theme_id == second

    # Undo by the window's key puts the two-card move back in one go.
    qtbot.keyClick(view.canvas, K.Key_Z, CTRL)
    qtbot.keyClick(view.canvas, K.Key_Z, CTRL)
    assert {model.get(Note, n).theme_id for n in picked} == {first}


def test_dropping_on_new_theme_groups_and_asks_the_title(board: BoardPage, qtbot: QtBot) -> None:
    view, model = board.canvas, board.model
    note = sorted(_members(board, _theme_ids(board)[0]))[0]
    _drag(qtbot, view, _card(view, note), _column(view, NEW))
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "Made by mouse")
    qtbot.keyClick(editor, K.Key_Return)
    made = next(t for t in model.select(Theme) if t.title == "Made by mouse")
    assert model.get(Note, note).theme_id == made.id
    assert view.focused_item() == (THEME, made.id)
    assert QApplication.focusWidget() is view.canvas


def test_drops_are_announced_as_done(board: BoardPage, qtbot: QtBot) -> None:
    view = board.canvas
    first, second = _theme_ids(board)[:2]
    title = board.model.get(Theme, second).title
    note = sorted(_members(board, first))[0]
    with listening() as heard:
        _drag(qtbot, view, _card(view, note), _column(view, THEME, second))
        _drag(qtbot, view, _card(view, note), _column(view, NEW))
    assert heard.said == [
        (view.canvas, f"Moved 1 note to “{title}”", False),
        (view.canvas, "Grouped 1 note into a new theme", False),
    ]


def test_rubber_band_ctrl_and_shift_click_select(board: BoardPage, qtbot: QtBot) -> None:
    view = board.canvas
    theme = _theme_ids(board)[0]
    order = [n for n in view.scene.note_order() if view.scene.column_of(n) == (THEME, theme)]
    assert len(order) >= 3
    a, b, c = (view.scene.cards[n].sceneBoundingRect() for n in order[:3])
    # A box from the column's left margin, across the first two cards only.
    start = _point(view, QPointF(a.left() - 4, a.top() + 5))
    end = _point(view, QPointF(b.right() - 5, b.bottom() - 5))
    _drag(qtbot, view, start, end)
    assert view.selected_note_ids() == order[:2]
    # Ctrl-click adds the third, then takes the first away.
    port = view.canvas.viewport()
    qtbot.mouseClick(port, LEFT, CTRL, _point(view, c.center()))
    qtbot.mouseClick(port, LEFT, CTRL, _point(view, a.center()))
    assert view.selected_note_ids() == order[1:3]
    # A plain click selects one; Shift-click selects the run to another.
    qtbot.mouseClick(port, LEFT, NONE, _point(view, a.center()))
    assert view.selected_note_ids() == order[:1]
    qtbot.mouseClick(port, LEFT, SHIFT, _point(view, c.center()))
    assert view.selected_note_ids() == order[:3]
    assert view.focused_item() == (NOTE, order[2])


def test_the_keyboard_contract_holds_on_the_canvas(board: BoardPage, qtbot: QtBot) -> None:
    view, model = board.canvas, board.model
    canvas = view.canvas
    question = board.question_id()
    # Ctrl+A: the notes not yet sorted.
    loose = [n.id for n in model.select(Note, question_id=question, theme_id=None)]
    qtbot.keyClick(canvas, K.Key_A, CTRL)
    assert view.selected_note_ids() == loose
    # Ctrl+G, type the title (M, S, + are text here), Enter.
    qtbot.keyClick(canvas, K.Key_G, CTRL)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "MS+ keys")
    qtbot.keyClick(editor, K.Key_Return)
    made = next(t for t in model.select(Theme) if t.title == "MS+ keys")
    assert _members(board, made.id) == set(loose)
    assert QApplication.focusWidget() is canvas and view.focused_item() == (THEME, made.id)
    # F2 renames; Esc cancels.
    qtbot.keyClick(canvas, K.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "Nope")
    qtbot.keyClick(editor, K.Key_Escape)
    assert model.get(Theme, made.id).title == "MS+ keys"
    # + and - on the focused theme.
    qtbot.keyClick(canvas, K.Key_Plus)
    qtbot.keyClick(canvas, K.Key_Plus)
    qtbot.keyClick(canvas, K.Key_Minus)
    assert model.get(Theme, made.id).votes == 1
    # Down arrow: into the theme's first card; + votes it, S stars it.
    qtbot.keyClick(canvas, K.Key_Down)
    focus = view.focused_item()
    assert focus is not None and focus[0] == NOTE and focus[1] in loose
    votes = model.get(Note, focus[1]).votes
    qtbot.keyClick(canvas, K.Key_Plus)
    qtbot.keyClick(canvas, K.Key_S)
    assert model.get(Note, focus[1]).votes == votes + 1 and model.get(Note, focus[1]).starred
    assert view.focused_item() == focus
    assert "starred" in canvas.accessibleDescription()
    # M: the chooser, filtered by typing, Enter moves the note.
    other = next(t for t in model.select(Theme, question_id=question) if t.id != made.id)
    qtbot.keyClick(canvas, K.Key_M)
    chooser = view.canvas.findChild(ThemeChooser)
    assert chooser is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is chooser.filter)
    qtbot.keyClicks(chooser.filter, other.title[:8])
    qtbot.keyClick(chooser.filter, K.Key_Return)
    assert model.get(Note, focus[1]).theme_id == other.id
    qtbot.waitUntil(lambda: QApplication.focusWidget() is canvas)
    # Up to the theme's title (arrow keys), Ctrl+Shift+G ungroups it.
    view.reveal(THEME, made.id)
    qtbot.keyClick(canvas, K.Key_G, CTRL | SHIFT)
    assert made.id not in _theme_ids(board)
    assert (THEME, made.id) not in view.scene.columns
    # Delete removes a theme; its notes go back to Not yet sorted.
    qtbot.keyClick(canvas, K.Key_Home)  # nothing: the canvas ignores it
    for _ in range(20):
        if view.focused_item() == (THEME, other.id):
            break
        qtbot.keyClick(canvas, K.Key_Right if view.focused_item()[0] != NOTE else K.Key_Up)  # type: ignore[index]
    assert view.focused_item() == (THEME, other.id)
    members = _members(board, other.id)
    qtbot.keyClick(canvas, K.Key_Delete)
    assert other.id not in _theme_ids(board) and members <= _members(board, None)
    # Ctrl+PgDn: the next question.
    qtbot.keyClick(canvas, K.Key_PageDown, CTRL)
    assert board.question_id() != question and view.question_id() == board.question_id()


def test_outline_and_canvas_stay_in_step_without_a_rebuild(board: BoardPage, qtbot: QtBot) -> None:
    view, outline = board.canvas, board.outline
    theme = _theme_ids(board)[0]
    note = sorted(_members(board, theme))[0]
    card = view.scene.cards[note]
    column = view.scene.columns[(THEME, theme)]
    qtbot.keyClick(view.canvas, K.Key_F4)
    assert board.view_name() == "outline"
    outline.reveal(NOTE, note)
    qtbot.keyClick(outline, K.Key_Plus)  # a vote in the outline …
    qtbot.keyClick(outline, K.Key_G, CTRL | SHIFT)  # … and out of its theme
    assert view.scene.cards[note] is card and view.scene.columns[(THEME, theme)] is column
    assert card.note.votes == board.model.get(Note, note).votes and card.note.theme_id is None
    assert view.scene.column_of(note) == (UNSORTED, "")
    assert "vote" in column.counts
    # And back: a drag on the canvas shows in the outline.
    qtbot.keyClick(outline, K.Key_F4)
    _drag(qtbot, view, _card(view, note), _column(view, THEME, theme))
    index = outline.outline.index_of(NOTE, note)
    assert outline.outline.node(index.parent()).record_id == theme  # type: ignore[union-attr]


def test_the_view_is_remembered_and_everything_named(
    board: BoardPage, make_window: Callable[[], MainWindow], qtbot: QtBot, tmp_path: Path
) -> None:
    assert unnamed_widgets(board) == []
    assert "outline" in board.canvas.canvas.accessibleDescription() or board.canvas.focused_item()
    window = make_window()
    assert window.open_demo()
    again = _open_board(window, qtbot)
    assert again.view_name() == "canvas"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is again.canvas.canvas)


def test_zoom_by_wheel_keys_and_fit(board: BoardPage, qtbot: QtBot) -> None:
    view = board.canvas
    canvas = view.canvas

    def scale() -> float:
        return canvas.transform().m11()

    qtbot.keyClick(canvas, K.Key_Equal, Qt.KeyboardModifier.AltModifier)
    assert scale() == pytest.approx(1.2)
    qtbot.keyClick(canvas, K.Key_Minus, Qt.KeyboardModifier.AltModifier)
    assert scale() == pytest.approx(1.0)
    qtbot.keyClick(canvas, K.Key_F)
    fitted = scale()
    port = canvas.viewport().rect()
    shown = canvas.mapToScene(port).boundingRect()
    assert shown.contains(view.scene.sceneRect().adjusted(1, 1, -1, -1)) and fitted != 1.0
    assert view.zoom_label.text() == f"{round(fitted * 100)}%"
    from PySide6.QtCore import QPoint as P
    from PySide6.QtGui import QWheelEvent

    centre = QPointF(port.center())
    wheel = QWheelEvent(
        centre, QPointF(canvas.viewport().mapToGlobal(port.center())), P(0, 0), P(0, 120),
        Qt.MouseButton.NoButton, CTRL, Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(canvas.viewport(), wheel)
    assert scale() == pytest.approx(fitted * 1.2)
