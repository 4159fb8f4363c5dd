"""Board ▸ Write-up, by keys on a freshly shown window: "What we heard" and a theme's summary
typed in the side panel reach the .workshop file and the PDF; each burst of typing is one undo
step; typed text survives a question switch and closing the window; stars from the panel."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.board.board_helpers import CTRL, K, go, open_board, pdf_text
from workshop_app.domain.records import Note, Question, Theme
from workshop_app.report.content import build_content
from workshop_app.report.pdf import render_pdf
from workshop_app.storage.document import Document
from workshop_app.storage.templates import demo_bundle
from workshop_app.ui.board.outline_model import THEME
from workshop_app.ui.shell.main_window import MainWindow

ALT = Qt.KeyboardModifier.AltModifier
HEARD = (
    "Tables want one national frame with room for local priorities, "
    "and R&D that starts from what wards need."
)
SUMMARY = "Start from needs, not from the technology"


@pytest.fixture
def bare(tmp_path: Path) -> Path:
    """The demo with no write-ups and no theme summaries."""
    demo = demo_bundle()
    path = tmp_path / "Bare.workshop"
    bundle = replace(
        demo,
        questions=tuple(replace(q, synthesis="") for q in demo.questions),
        themes=tuple(replace(t, summary="") for t in demo.themes),
    )
    Document.create(path, bundle).close()
    return path


def test_write_up_and_summary_typed_reach_the_file_and_the_pdf(
    make_window: Callable[[], MainWindow], bare: Path, qtbot: QtBot, tmp_path: Path
) -> None:
    page = open_board(make_window, bare, qtbot)
    model, panel = page.model, page.writeup
    first = model.select(Question)[0]
    theme = model.select(Theme, question_id=first.id)[0]
    go(qtbot, page.outline, THEME, theme.id)
    assert "“" + theme.title + "”" in panel.theme_label.text()
    # the theme's notes are listed beside the text
    members = model.select(Note, theme_id=theme.id)
    assert panel.notes.count() == len(members)

    qtbot.keyClick(page.outline, K.Key_W, ALT)  # Alt+W: What we heard
    assert QApplication.focusWidget() is panel.synthesis
    steps = model.undo_stack.count()
    qtbot.keyClicks(panel.synthesis, HEARD)
    qtbot.keyClick(panel.synthesis, K.Key_Tab)  # on to the theme's summary: the burst is kept
    assert QApplication.focusWidget() is panel.summary
    assert model.get(Question, first.id).synthesis == HEARD
    assert model.undo_stack.count() == steps + 1  # one step for the whole burst
    qtbot.keyClicks(panel.summary, SUMMARY)
    qtbot.keyClick(panel.summary, K.Key_Tab)
    assert model.get(Theme, theme.id).summary == SUMMARY
    assert model.undo_stack.count() == steps + 2

    # star a key quote from the panel: Tab into its notes, Down, Space
    assert QApplication.focusWidget() is panel.notes
    qtbot.keyClick(panel.notes, K.Key_Down)
    row = panel.notes.currentRow()
    qtbot.keyClick(panel.notes, K.Key_Space)
    note_id = panel.notes.item(row).data(Qt.ItemDataRole.UserRole + 1)
    was = next(n.starred for n in members if n.id == note_id)
    qtbot.waitUntil(lambda: model.get(Note, note_id).starred is not was)
    assert panel.notes.item(row).text().startswith("★") is not was

    if folder := os.environ.get("WORKSHOP_SCREENSHOTS"):
        qtbot.wait(50)
        assert page.window().grab().save(str(Path(folder) / "board-writeup.png"))

    with Document.open(bare, readonly=True) as saved:
        bundle = saved.bundle()
    assert next(q for q in bundle.questions if q.id == first.id).synthesis == HEARD
    assert next(t for t in bundle.themes if t.id == theme.id).summary == SUMMARY
    text = pdf_text(render_pdf(build_content(bundle)))
    assert HEARD in text and SUMMARY in text


def test_typed_text_survives_a_question_switch_and_closing_the_window(
    make_window: Callable[[], MainWindow], bare: Path, qtbot: QtBot
) -> None:
    page = open_board(make_window, bare, qtbot)
    model, panel = page.model, page.writeup
    questions = model.select(Question)
    qtbot.keyClick(page.outline, K.Key_W, ALT)
    qtbot.keyClicks(panel.synthesis, "Half a thought about Q1")
    # Ctrl+PgDn while still typing: the burst goes to Q1, not to Q2
    qtbot.keyClick(panel.synthesis, K.Key_PageDown, CTRL)
    assert page.question_id() == questions[1].id
    assert model.get(Question, questions[0].id).synthesis == "Half a thought about Q1"
    assert panel.synthesis.toPlainText() == ""
    panel.synthesis.setFocus()
    qtbot.waitUntil(panel.synthesis.hasFocus)
    qtbot.keyClicks(panel.synthesis, "Last words on Q2")
    assert model.get(Question, questions[1].id).synthesis == ""  # still being typed
    window = page.window()
    assert isinstance(window, MainWindow)
    window.close()
    with Document.open(bare, readonly=True) as saved:
        bundle = saved.bundle()
    assert bundle.questions[0].synthesis == "Half a thought about Q1"
    assert bundle.questions[1].synthesis == "Last words on Q2"


def test_an_undo_shows_the_text_it_brings_back(
    make_window: Callable[[], MainWindow], bare: Path, qtbot: QtBot
) -> None:
    page = open_board(make_window, bare, qtbot)
    panel = page.writeup
    qtbot.keyClick(page.outline, K.Key_W, ALT)
    qtbot.keyClicks(panel.synthesis, "Draft")
    qtbot.keyClick(panel.synthesis, K.Key_Tab)
    page.outline.setFocus()
    qtbot.waitUntil(page.outline.hasFocus)
    qtbot.keyClick(page.outline, K.Key_Z, CTRL)
    assert panel.synthesis.toPlainText() == ""
    assert page.model.select(Question)[0].synthesis == ""
