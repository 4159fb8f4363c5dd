"""High contrast: cards, the Board's canvas and the Run page's colours at 7:1 or more, from the
palette, kinds still told apart by their word; followed when the system changes its mind."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.board.board_helpers import open_board
from tests.ui.common.capture_helpers import capture_page, start_breakout, type_note
from workshop_app.domain.records import NOTE_KINDS, NoteKind
from workshop_app.domain.run import RunStatus
from workshop_app.storage.document import Document
from workshop_app.storage.templates import demo_bundle
from workshop_app.ui.board.canvas_items import CardItem
from workshop_app.ui.common import contrast
from workshop_app.ui.common.sticky import KIND_STYLES, kind_style
from workshop_app.ui.run.style import phase_color
from workshop_app.ui.shell.main_window import MainWindow


@pytest.fixture
def high(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(contrast.ENV, "1")


@pytest.fixture
def dark_palette(qapp: QApplication) -> Iterator[QPalette]:
    """A system high-contrast palette of the dark kind: white text on black."""
    before = QPalette(qapp.palette())
    palette = QPalette(before)
    for role, color in ((QPalette.ColorRole.Base, "#000000"),
                        (QPalette.ColorRole.Text, "#ffffff")):  # fmt: skip
        palette.setColor(role, QColor(color))
    qapp.setPalette(palette)
    yield palette
    qapp.setPalette(before)


def test_high_contrast_cards_are_seven_to_one_and_keep_their_words(high: None) -> None:
    words = set()
    for kind in NOTE_KINDS:
        style = kind_style(kind)
        assert contrast.contrast(style.tint, style.text) >= 7, kind  # the note's text
        assert contrast.contrast(style.tint, style.ink) >= 7, kind  # the kind's word
        assert style.border >= 2
        words.add(style.word)
    assert len(words) == len(NOTE_KINDS)  # told apart by the word, not a tint


def test_a_dark_high_contrast_palette_gives_white_on_black_cards(
    high: None, dark_palette: QPalette
) -> None:
    style = kind_style(NoteKind.CONCERN)
    assert (style.tint, style.text) == ("#000000", "#ffffff")


def test_without_high_contrast_the_tints_stay(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(contrast.ENV, "0")
    assert kind_style(NoteKind.CONCERN) == KIND_STYLES[NoteKind.CONCERN]


def test_run_page_phase_colours_are_seven_to_one(high: None) -> None:
    for phase in (RunStatus.IDLE, RunStatus.RUNNING, RunStatus.WARNING, RunStatus.OVERTIME):
        assert contrast.contrast(phase_color(phase, dark=False).name(), "#ffffff") >= 7
        assert contrast.contrast(phase_color(phase, dark=True).name(), "#000000") >= 7


def test_capture_cards_paint_in_high_contrast(
    demo_window: MainWindow, qtbot: QtBot, high: None
) -> None:
    start_breakout(demo_window)
    page = capture_page(demo_window)
    page.entry.set_kind(NoteKind.CONCERN)
    type_note(qtbot, page, "Logging in takes ten minutes on some wards")
    view = page.cards
    rect = view.visualRect(view.model().index(0, 0))
    image = view.viewport().grab().toImage()
    paper, ink = contrast.paper_and_ink()
    inside = image.pixelColor(rect.right() - 12, rect.center().y())
    assert inside.name() == paper  # no tint ...
    border = [image.pixelColor(rect.left() + x, rect.center().y()).name() for x in range(4)]
    assert ink in border  # ... and a strong border
    assert (
        contrast.contrast(
            page.entry.box.palette().color(QPalette.ColorRole.Base).name(),
            page.entry.box.palette().color(QPalette.ColorRole.Text).name(),
        )
        >= 7
    )


def test_board_canvas_follows_a_change_of_contrast(
    make_window: Callable[[], MainWindow],
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(contrast.ENV, "0")
    path = tmp_path / "demo.workshop"
    Document.create(path, demo_bundle()).close()
    page = open_board(make_window, path, qtbot)
    qtbot.keyClick(page.outline, Qt.Key.Key_F4)
    canvas = page.canvas.canvas
    qtbot.waitUntil(lambda: QApplication.focusWidget() is canvas)
    card = next(i for i in canvas.scene().items() if isinstance(i, CardItem) and i.isVisible())
    canvas.centerOn(card)
    point = canvas.mapFromScene(card.mapToScene(card.metrics.width - 6, card.metrics.height / 2))

    def pixel() -> str:
        return canvas.viewport().grab().toImage().pixelColor(QPoint(point)).name()

    assert pixel() == kind_style(card.note.kind).tint.lower()
    monkeypatch.setenv(contrast.ENV, "1")  # the system asks for high contrast ...
    follower = contrast.follow()
    assert follower is not None
    follower.accessibility.contrastPreferenceChanged.emit(Qt.ContrastPreference.HighContrast)
    assert pixel() == contrast.paper_and_ink()[0]  # ... and the canvas repaints at once
