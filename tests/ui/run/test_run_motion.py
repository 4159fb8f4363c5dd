"""Reduced motion on the Run page: time's up flashes, or with motion reduced (the environment's
override or View ▸ Reduce Motion) shows a steady border, solid, with the word on a band."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QVariantAnimation
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from tests.ui.run.run_helpers import BREAKOUT_1, fake_multimedia, go_to, show_page
from tests.unit.fake_clock import FakeClock
from workshop_app.domain.run import RunStatus
from workshop_app.ui.common import motion
from workshop_app.ui.document_model import DocumentModel
from workshop_app.ui.run.page import RunPage
from workshop_app.ui.run.presenter import PresenterWindow
from workshop_app.ui.run.style import phase_color

OVERTIME = phase_color(RunStatus.OVERTIME, dark=True)


def at_times_up(qtbot: QtBot, model: DocumentModel) -> tuple[RunPage, PresenterWindow]:
    clock = FakeClock()
    page = show_page(qtbot, RunPage(model, clock=clock, chime_loader=fake_multimedia()))
    go_to(page, BREAKOUT_1)
    presenter = page.open_presenter()
    page.keys["toggle"].trigger()
    clock.advance(20 * 60)
    page.controller.tick()
    assert page.display.shown_word == "Time's up"
    return page, presenter


def running_animations(*widgets: object) -> list[QVariantAnimation]:
    found = []
    for widget in widgets:
        found += [
            a
            for a in widget.findChildren(QVariantAnimation)  # type: ignore[attr-defined]
            if a.state() == QVariantAnimation.State.Running
        ]
    return found


def edge(image: QImage) -> QColor:
    """The colour a few pixels in from the left edge, half-way down."""
    return image.pixelColor(4, image.height() // 2)


def test_reduced_motion_times_up_is_a_steady_border(
    qtbot: QtBot, demo_model: DocumentModel, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(motion.ENV, "1")
    page, presenter = at_times_up(qtbot, demo_model)
    assert not page.display.flashing and not presenter.flashing
    assert running_animations(page, presenter) == []  # nothing pulses, on either screen
    assert presenter.steady
    first = presenter.grab().toImage()
    assert edge(first) == OVERTIME  # the border, in time's up colour ...
    assert first.pixelColor(first.width() // 2, first.height() // 2 - 40) != OVERTIME
    qtbot.wait(400)  # ... and it stays: a later frame is the same
    assert edge(presenter.grab().toImage()) == OVERTIME
    display = page.display.grab().toImage()
    assert edge(display) == phase_color(RunStatus.OVERTIME, dark=False)
    page.close_presenter()


def test_with_motion_times_up_still_flashes(
    qtbot: QtBot, demo_model: DocumentModel, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(motion.ENV, "0")
    page, presenter = at_times_up(qtbot, demo_model)
    assert page.display.flashing and presenter.flashing
    assert not presenter.steady
    assert edge(presenter.grab().toImage()) != OVERTIME  # a tint over black, not the border
    page.close_presenter()


def test_reducing_motion_mid_flash_stops_it(
    qtbot: QtBot, demo_model: DocumentModel, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(motion.ENV, "0")
    page, presenter = at_times_up(qtbot, demo_model)
    assert presenter.flashing
    motion.set_reduced_motion(True)  # View ▸ Reduce Motion (its own test: test_motion_menu)
    assert not presenter.flashing and not page.display.flashing
    assert presenter.steady and edge(presenter.grab().toImage()) == OVERTIME
    motion.set_reduced_motion(False)
    page.close_presenter()
