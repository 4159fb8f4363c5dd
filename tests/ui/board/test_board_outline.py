"""Board outline by keyboard only, on a freshly shown main window (Ctrl+4): the demo's themes,
votes and stars rebuilt from the demo with them removed, then the PDF shows them; undo and
redo of every action; a walk that reaches every note; names on every control; the model
checked by qtmodeltester."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from tests.ui.board.board_helpers import current, go, open_board
from tests.ui.common.accessibility import unnamed_widgets
from workshop_app.domain.records import Note, Question, Theme
from workshop_app.report.content import build_content
from workshop_app.report.pdf import render_pdf
from workshop_app.storage.document import Document
from workshop_app.storage.templates import demo_bundle
from workshop_app.ui.board.outline import OutlineView
from workshop_app.ui.board.outline_model import (
    NOTE,
    THEME,
    UNSORTED,
)
from workshop_app.ui.board.page import BoardPage
from workshop_app.ui.shell.main_window import MainWindow

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
K = Qt.Key


@pytest.fixture
def board(make_window: Callable[[], MainWindow], tmp_path: Path, qtbot: QtBot) -> BoardPage:
    """The demo with no themes, votes or stars, open in a shown window, Board mode by Ctrl+4."""
    demo = demo_bundle()
    bare = replace(
        demo,
        themes=(),
        notes=tuple(replace(n, theme_id=None, votes=0, starred=False) for n in demo.notes),
    )
    Document.create(tmp_path / "Bare.workshop", bare).close()
    return open_board(make_window, tmp_path / "Bare.workshop", qtbot)


def _select(qtbot: QtBot, tree: OutlineView, note_ids: list[str]) -> None:
    go(qtbot, tree, NOTE, note_ids[0])
    for note_id in note_ids[1:]:
        go(qtbot, tree, NOTE, note_id, keep=True)
        qtbot.keyClick(tree, K.Key_Space, CTRL)
    assert sorted(tree.selected_note_ids()) == sorted(note_ids)


def _next_question(qtbot: QtBot, page: BoardPage) -> None:
    qtbot.keyClick(page.outline, K.Key_PageDown, CTRL)


def test_the_demos_themes_votes_and_stars_rebuilt_by_keyboard_then_printed(
    board: BoardPage, qtbot: QtBot, qtmodeltester
) -> None:
    demo = demo_bundle()
    tree = board.outline
    model = board.model
    for number, question in enumerate(demo.questions):
        assert board.question_id() == question.id
        for theme in (t for t in demo.themes if t.question_id == question.id):
            members = [n.id for n in demo.notes if n.theme_id == theme.id]
            _select(qtbot, tree, members)
            qtbot.keyClick(tree, K.Key_G, CTRL)
            editor = QApplication.focusWidget()
            assert isinstance(editor, QLineEdit)  # the focus is in the new theme's title
            qtbot.keyClicks(editor, theme.title)  # M, S, + and - are text here, not commands
            qtbot.keyClick(editor, K.Key_Return)
            qtbot.waitUntil(lambda t=theme: any(m.title == t.title for m in model.select(Theme)))
            assert QApplication.focusWidget() is tree
            made = next(t for t in model.select(Theme) if t.title == theme.title)
            qtbot.waitUntil(lambda made=made: current(tree) == (THEME, made.id))
        for note in (n for n in demo.notes if n.question_id == question.id):
            if note.votes or note.starred:
                go(qtbot, tree, NOTE, note.id)
                for _ in range(note.votes):
                    qtbot.keyClick(tree, K.Key_Plus)
                if note.starred:
                    qtbot.keyClick(tree, K.Key_S)
                assert current(tree) == (NOTE, note.id)  # the focus stays on the note
        if number + 1 < len(demo.questions):
            _next_question(qtbot, board)
    qtmodeltester.check(tree.outline)

    made = {t.title: t for t in model.select(Theme)}
    assert set(made) == {t.title for t in demo.themes}
    for theme in demo.themes:
        assert made[theme.title].question_id == theme.question_id
        want = {n.id for n in demo.notes if n.theme_id == theme.id}
        assert {n.id for n in model.select(Note, theme_id=made[theme.title].id)} == want
    asked = {q.id for q in demo.questions}  # general notes (a keynote's quote) have no board
    assert {(n.id, n.votes, n.starred) for n in model.select(Note) if n.question_id in asked} == {
        (n.id, n.votes, n.starred) for n in demo.notes if n.question_id in asked
    }

    # The report follows: the file as saved, through the Report's own functions.
    with Document.open(model.document.path, readonly=True) as saved:
        text = " ".join(pdf_text(render_pdf(build_content(saved.bundle()))).split())
    for theme in demo.themes:
        votes = sum(n.votes for n in demo.notes if n.theme_id == theme.id)
        assert theme.title in text
        if votes:
            assert f"{votes} vote" in text


def pdf_text(data: bytes) -> str:
    import io

    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def _undo_redo(qtbot: QtBot, tree: OutlineView, check_before, check_after) -> None:
    window = tree.window()
    qtbot.keyClick(tree, K.Key_Z, CTRL)
    check_before()
    qtbot.keyClick(tree, K.Key_Z, CTRL | SHIFT)
    check_after()
    assert QApplication.focusWidget() is tree and window.isActiveWindow()


def test_every_action_by_key_undoes_and_redoes(board: BoardPage, qtbot: QtBot) -> None:
    tree, model = board.outline, board.model
    qid = board.question_id()
    qtbot.keyClick(tree, K.Key_A, CTRL)  # the question's notes not yet sorted
    loose = [n.id for n in model.select(Note, question_id=qid)]
    assert tree.selected_note_ids() == loose
    _select(qtbot, tree, loose[:3])
    qtbot.keyClick(tree, K.Key_G, CTRL)
    qtbot.keyClicks(QApplication.focusWidget(), "Access")
    qtbot.keyClick(QApplication.focusWidget(), K.Key_Return)
    qtbot.waitUntil(lambda: any(t.title == "Access" for t in model.select(Theme)))
    theme = model.select(Theme)[0]
    assert current(tree) == (THEME, theme.id) and QApplication.focusWidget() is tree

    def members() -> set[str]:
        return {n.id for n in model.select(Note, theme_id=theme.id)}

    _undo_redo(  # the rename is its own step after the grouping
        qtbot,
        tree,
        lambda: _eq(model.get(Theme, theme.id).title, ""),
        lambda: _eq(model.get(Theme, theme.id).title, "Access"),
    )
    assert model.get(Theme, theme.id).title == "Access" and members() == set(loose[:3])

    # M: a filterable chooser; typing filters, Enter moves; the focus follows the note.
    go(qtbot, tree, NOTE, loose[3])
    qtbot.keyClick(tree, K.Key_M)
    chooser = board.keys["outline"].chooser
    assert chooser is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is chooser.filter)
    qtbot.keyClicks(chooser.filter, "acc")
    qtbot.keyClick(chooser.filter, K.Key_Return)
    assert members() == set(loose[:4]) and current(tree) == (NOTE, loose[3])
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tree)

    def assert_members(want: set[str]) -> Callable[[], None]:
        def check() -> None:
            assert members() == want

        return check

    _undo_redo(qtbot, tree, assert_members(set(loose[:3])), assert_members(set(loose[:4])))

    # + and - on a note and on the theme; never below 0.
    qtbot.keyClick(tree, K.Key_Plus)
    qtbot.keyClick(tree, K.Key_Equal)
    assert model.get(Note, loose[3]).votes == 2
    qtbot.keyClick(tree, K.Key_Minus)
    assert model.get(Note, loose[3]).votes == 1
    _undo_redo(
        qtbot,
        tree,
        lambda: _eq(model.get(Note, loose[3]).votes, 2),
        lambda: _eq(model.get(Note, loose[3]).votes, 1),
    )
    go(qtbot, tree, THEME, theme.id)
    qtbot.keyClick(tree, K.Key_Minus)
    qtbot.keyClick(tree, K.Key_Plus)
    assert model.get(Theme, theme.id).votes == 1 and current(tree) == (THEME, theme.id)
    assert "2 (1 own)" in tree.outline.index_of(THEME, theme.id).siblingAtColumn(3).data()

    # F2 renames the focused theme.
    qtbot.keyClick(tree, K.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Access for all")
    qtbot.keyClick(editor, K.Key_Return)
    qtbot.waitUntil(lambda: model.get(Theme, theme.id).title == "Access for all")
    _undo_redo(
        qtbot,
        tree,
        lambda: _eq(model.get(Theme, theme.id).title, "Access"),
        lambda: _eq(model.get(Theme, theme.id).title, "Access for all"),
    )

    # S stars the selection, twice unstars.
    _select(qtbot, tree, loose[:2])
    qtbot.keyClick(tree, K.Key_S)
    assert all(model.get(Note, n).starred for n in loose[:2])
    _undo_redo(
        qtbot,
        tree,
        lambda: _eq([model.get(Note, n).starred for n in loose[:2]], [False, False]),
        lambda: _eq([model.get(Note, n).starred for n in loose[:2]], [True, True]),
    )

    # Ctrl+Shift+G on a note takes it out of its theme; on the theme, dissolves it.
    go(qtbot, tree, NOTE, loose[0])
    qtbot.keyClick(tree, K.Key_G, CTRL | SHIFT)
    assert model.get(Note, loose[0]).theme_id is None and current(tree) == (NOTE, loose[0])
    _undo_redo(qtbot, tree, assert_members(set(loose[:4])), assert_members(set(loose[1:4])))
    go(qtbot, tree, THEME, theme.id)
    qtbot.keyClick(tree, K.Key_G, CTRL | SHIFT)
    assert model.get(Theme, theme.id).deleted and members() == set()
    assert current(tree)[0] == NOTE and current(tree)[1] in loose[1:4]
    _undo_redo(qtbot, tree, assert_members(set(loose[1:4])), assert_members(set()))
    qtbot.keyClick(tree, K.Key_Z, CTRL)  # the theme is back
    assert not model.get(Theme, theme.id).deleted

    # Delete removes the focused theme; its notes go back to Not yet sorted.
    go(qtbot, tree, THEME, theme.id)
    qtbot.keyClick(tree, K.Key_Delete)
    assert model.get(Theme, theme.id).deleted
    assert {n.theme_id for n in model.select(Note, question_id=qid)} == {None}
    _undo_redo(qtbot, tree, assert_members(set(loose[1:4])), assert_members(set()))
    assert tree.outline.index_of(UNSORTED, "").isValid()


def _eq(a: object, b: object) -> None:
    assert a == b


def test_a_keyboard_walk_reaches_every_note_of_every_question(
    board: BoardPage, qtbot: QtBot
) -> None:
    tree, model = board.outline, board.model
    questions = model.select(Question)
    for number, question in enumerate(questions):
        seen: list[tuple[str, str]] = []
        qtbot.keyClick(tree, K.Key_Home)
        for _ in range(500):
            seen.append(current(tree))
            before = tree.currentIndex()
            qtbot.keyClick(tree, K.Key_Down)
            if tree.currentIndex() == before:
                break
        notes = {n.id for n in model.select(Note, question_id=question.id)}
        assert {rid for kind, rid in seen if kind == NOTE} == notes
        assert tree.currentIndex().data(Qt.ItemDataRole.AccessibleTextRole).startswith("Note, ")
        if number + 1 < len(questions):
            _next_question(qtbot, board)
            assert board.question_id() == questions[number + 1].id


def test_every_control_is_named_and_rows_read_as_sentences(board: BoardPage) -> None:
    assert unnamed_widgets(board) == []
    index = board.outline.outline.index_of(UNSORTED, "")
    assert index.data(Qt.ItemDataRole.AccessibleTextRole).startswith("Not yet sorted, ")
    note = board.outline.outline.index(0, 0, index)
    spoken = note.data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.startswith("Note, ") and " from " in spoken and " vote" in spoken


def test_the_view_is_remembered(board: BoardPage, settings) -> None:
    assert settings.board_view() == "outline"
    assert board.view_name() == "outline"


def test_the_outline_model_answers_both_of_qts_parent_calls(board: BoardPage) -> None:
    """parent(index) is the tree's; parent() is still the QObject's, as on any model."""
    outline = board.outline.outline
    assert outline.parent() is board.outline
    unsorted = outline.index_of(UNSORTED, "")
    assert outline.parent(outline.index(0, 0, unsorted)) == unsorted
