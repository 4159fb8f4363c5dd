"""Board ▸ dot voting, by keys on a freshly shown window: outside the mode digits set nothing;
Ctrl+D switches the mode on, digits then Enter set the focused note's votes and move the focus
to the next note, the count follows the budget, and the report ranks the themes by the votes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.board.board_helpers import CTRL, K, current, go, open_board
from workshop_app.domain.records import Note, Question, Theme
from workshop_app.report.content import build_content
from workshop_app.storage.document import Document
from workshop_app.storage.templates import demo_bundle
from workshop_app.ui.board.outline_model import NOTE, THEME
from workshop_app.ui.shell.main_window import MainWindow

DIGIT_KEYS = {str(n): getattr(Qt.Key, f"Key_{n}") for n in range(10)}


def _type(qtbot: QtBot, widget, text: str) -> None:
    for char in text:
        qtbot.keyClick(widget, DIGIT_KEYS[char])


def test_digits_then_enter_set_votes_only_in_the_mode_and_the_report_ranks_by_them(
    make_window: Callable[[], MainWindow], tmp_path: Path, qtbot: QtBot
) -> None:
    demo = demo_bundle()
    path = tmp_path / "Votes.workshop"
    Document.create(
        path, replace(demo, notes=tuple(replace(n, votes=0) for n in demo.notes))
    ).close()
    page = open_board(make_window, path, qtbot)
    model, tree, dots = page.model, page.outline, page.dots
    question = model.select(Question)[0]
    themes = model.select(Theme, question_id=question.id)
    order = [n.id for n in model.select(Note, question_id=question.id, theme_id=None)]
    for theme in themes:
        order += [n.id for n in model.select(Note, theme_id=theme.id)]
    want = {n.id: n.votes for n in demo.notes}
    # the demo's votes backwards, so the ranking differs from the demo's
    wall = dict(zip(order, reversed([want[i] for i in order]), strict=True))
    wall[order[0]] = 12  # two digits

    # outside the mode, digits and Enter change nothing
    go(qtbot, tree, NOTE, order[0])
    steps = model.undo_stack.count()
    _type(qtbot, tree, "7")
    qtbot.keyClick(tree, K.Key_Return)
    assert model.undo_stack.count() == steps
    assert all(n.votes == 0 for n in model.select(Note))

    qtbot.keyClick(tree, K.Key_D, CTRL)  # the mode on
    assert dots.action.isChecked() and dots.switch.isChecked()
    assert page.side.currentWidget() is dots
    go(qtbot, tree, NOTE, order[0])
    for note_id in order:
        assert current(tree) == (NOTE, note_id)  # Enter moved the focus on
        _type(qtbot, tree, str(wall[note_id]))
        assert str(wall[note_id]) in dots.entry.text()
        qtbot.keyClick(tree, K.Key_Return)
    assert {n.id: n.votes for n in model.select(Note, question_id=question.id)} == wall
    placed = sum(wall.values())
    people = dots.people.value()
    assert f"Votes placed {placed} of {people} × 5 = {people * 5} dots" in dots.count.text()

    # a theme's own votes, by digits too; Backspace takes a digit back, Esc forgets
    go(qtbot, tree, THEME, themes[-1].id)
    _type(qtbot, tree, "45")
    qtbot.keyClick(tree, K.Key_Backspace)
    qtbot.keyClick(tree, K.Key_Return)
    assert model.get(Theme, themes[-1].id).votes == 4
    _type(qtbot, tree, "9")
    qtbot.keyClick(tree, K.Key_Escape)
    qtbot.keyClick(tree, K.Key_Return)
    assert model.get(Theme, themes[-1].id).votes == 4

    qtbot.keyClick(tree, K.Key_D, CTRL)  # off again: digits are nothing
    go(qtbot, tree, NOTE, order[1])
    _type(qtbot, tree, "3")
    qtbot.keyClick(tree, K.Key_Return)
    assert model.get(Note, order[1]).votes == wall[order[1]]

    with Document.open(path, readonly=True) as saved:
        content = build_content(saved.bundle())
    section = content.questions[0]
    totals = {
        t.title: t.votes + sum(wall[n.id] for n in model.select(Note, theme_id=t.id))
        for t in model.select(Theme, question_id=question.id)
    }
    assert [t.votes for t in section.themes] == sorted(totals.values(), reverse=True)
    assert {t.title: t.votes for t in section.themes} == totals
