"""Board ▸ Matrix on a freshly shown window: the counts are the file's, a table with no notes
is marked in words and type (not colour alone), a click (or Enter) on a cell filters the board
to that question and table with a banner, Esc shows all again; the model passes qtmodeltester."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.board.board_helpers import K, open_board
from tests.ui.common.accessibility import unnamed_widgets
from workshop_app.domain.records import AWAY_FROM_TABLES, Group, Note
from workshop_app.storage.document import Document
from workshop_app.storage.templates import demo_bundle
from workshop_app.ui.board.matrix import EMPTY, CountRole, EmptyRole
from workshop_app.ui.board.outline_model import NOTE, ItemKindRole, RecordIdRole, TableRole
from workshop_app.ui.board.page import BoardPage
from workshop_app.ui.shell.main_window import MainWindow


def _late_table(tmp_path: Path) -> Path:
    """The demo plus a table that has given no notes yet."""
    demo = demo_bundle()
    path = tmp_path / "Matrix.workshop"
    late = Group(name="Table 6 (late)")
    Document.create(path, replace(demo, groups=(*demo.groups, late))).close()
    return path


def _shown_notes(page: BoardPage) -> list[tuple[str, str]]:
    model, found = page.outline.outline, []
    stack = [model.index(0, 0)]
    while stack:
        index = stack.pop()
        if index.data(ItemKindRole) == NOTE:
            found.append((str(index.data(RecordIdRole)), str(index.data(TableRole))))
        stack += [model.index(r, 0, index) for r in range(model.rowCount(index))]
    return found


def _open_matrix(page: BoardPage, qtbot: QtBot) -> None:
    bar = page.side.tabBar()
    index = next(i for i in range(bar.count()) if bar.tabText(i) == "Matrix")
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert page.side.currentWidget() is page.matrix


def test_matrix_counts_are_the_files_and_empty_cells_are_marked(
    make_window: Callable[[], MainWindow], tmp_path: Path, qtbot: QtBot, qtmodeltester
) -> None:
    path = _late_table(tmp_path)
    page = open_board(make_window, path, qtbot)
    _open_matrix(page, qtbot)
    grid = page.matrix.matrix
    qtmodeltester.check(grid)
    with sqlite3.connect(path) as db:
        rows = db.execute(
            "SELECT question_id, group_id, count(*) FROM note WHERE deleted = 0 "
            "AND question_id IS NOT NULL GROUP BY question_id, group_id"
        ).fetchall()
    on_disk = {(q, g or ""): n for q, g, n in rows}
    shown, empty = {}, []
    for row in range(grid.rowCount()):
        for column in range(grid.columnCount()):
            index = grid.index(row, column)
            question, table = grid.cell(index)
            if index.data(CountRole):
                shown[question, table] = index.data(CountRole)
                assert index.data() == str(on_disk[question, table])
            if index.data(EmptyRole):
                empty.append(grid.tables[column][1])
                assert index.data() == EMPTY  # in words,
                assert index.data(Qt.ItemDataRole.FontRole).bold()  # in type,
                assert index.data(Qt.ItemDataRole.BackgroundRole).style() == (
                    Qt.BrushStyle.BDiagPattern  # and hatched: never colour alone
                )
                tip = index.data(Qt.ItemDataRole.ToolTipRole).replace("\xa0", " ")
                assert "no notes yet" in tip
    assert shown == on_disk
    assert empty == ["Table 6 (late)"] * grid.rowCount()
    first = grid.index(0, 0)
    assert "Themes:" in first.data(Qt.ItemDataRole.ToolTipRole)
    assert unnamed_widgets(page.matrix) == []

    if folder := os.environ.get("WORKSHOP_SCREENSHOTS"):
        page.matrix.view.setCurrentIndex(grid.index(1, 2))
        qtbot.wait(50)
        assert page.window().grab().save(str(Path(folder) / "board-matrix.png"))


def test_a_click_on_a_cell_filters_the_board_and_esc_shows_all(
    make_window: Callable[[], MainWindow], tmp_path: Path, qtbot: QtBot
) -> None:
    page = open_board(make_window, _late_table(tmp_path), qtbot)
    every = len(_shown_notes(page))
    _open_matrix(page, qtbot)
    view, grid = page.matrix.view, page.matrix.matrix
    cell = grid.index(1, 2)  # Q2 × the third table
    question, table = grid.cell(cell)
    name = grid.tables[2][1]
    rect = view.visualRect(cell)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.question_id() == question
    assert QApplication.focusWidget() is page.outline
    notes = _shown_notes(page)
    assert len(notes) == cell.data(CountRole) > 0
    assert {t for _id, t in notes} == {name}
    assert page.banner.isVisible()
    assert page.banner.text() == f"Showing {name} only — Esc to show all"

    qtbot.keyClick(page.outline, K.Key_Escape)
    assert not page.banner.isVisible()
    assert len(_shown_notes(page)) > len(notes)

    # by keys: into the matrix, an arrow, Enter
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    view.setCurrentIndex(grid.index(0, 0))
    qtbot.keyClick(view, K.Key_Right)
    qtbot.keyClick(view, K.Key_Return)
    assert page.question_id() == grid.cell(grid.index(0, 1))[0]
    assert {t for _id, t in _shown_notes(page)} == {grid.tables[1][1]}
    qtbot.keyClick(page.outline, K.Key_Escape)
    page.set_question(grid.cell(grid.index(0, 0))[0])
    assert len(_shown_notes(page)) == every


def test_notes_away_from_the_tables_are_named_alike_on_the_board_and_in_the_report(
    make_window: Callable[[], MainWindow], tmp_path: Path, qtbot: QtBot
) -> None:
    """The demo's keynote and panel notes were not taken at a table: the outline, the matrix,
    the canvas and the report call them by one name (they used to say "no table", "No table"
    and "Away from the tables")."""
    from workshop_app.report.content import build_content

    path = _late_table(tmp_path)
    page = open_board(make_window, path, qtbot)
    with sqlite3.connect(path) as db:
        away = {r[0] for r in db.execute("SELECT id FROM note WHERE group_id IS NULL")}
    assert away, "the demo has notes taken away from the tables"
    tables = {note_id: table for note_id, table in _shown_notes(page) if note_id in away}
    assert tables and set(tables.values()) == {AWAY_FROM_TABLES.lower()}
    _open_matrix(page, qtbot)
    assert AWAY_FROM_TABLES in [name for _, name in page.matrix.matrix.tables]
    scene = page.canvas.scene
    note = next(n for n in page.model.select(Note) if n.id in away)
    assert scene._table(note) == AWAY_FROM_TABLES
    with Document.open(path, readonly=True) as doc:
        content = build_content(doc.bundle())
    assert AWAY_FROM_TABLES in str(content)
