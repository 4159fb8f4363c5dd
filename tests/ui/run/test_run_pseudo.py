"""Under the pseudo-locale every word of the Run page is bracketed (so none was left out of the
catalogue), and under English it reads exactly as before: the Start button, the countdown's
"Time's up", the day against the plan, the agenda's durations and what a screen reader hears."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.run.run_helpers import BREAKOUT_1, fake_multimedia, go_to, show_page
from tests.unit.fake_clock import FakeClock
from workshop_app import i18n
from workshop_app.domain.announcements import moment
from workshop_app.ui.common import i18n as ui_i18n
from workshop_app.ui.document_model import DocumentModel
from workshop_app.ui.run.page import RunPage


@pytest.fixture
def language() -> Iterator[None]:
    """The test sets the language; English again afterwards, whatever happens."""
    try:
        yield
    finally:
        ui_i18n.install(i18n.SOURCE)


def _run_out(qtbot: QtBot, demo_model: DocumentModel) -> tuple[RunPage, dict[str, str]]:
    """A Run page on the first breakout, started and run 1 s past its 20 minutes."""
    clock = FakeClock()
    page = show_page(qtbot, RunPage(demo_model, clock=clock, chime_loader=fake_multimedia()))
    go_to(page, BREAKOUT_1)
    seen = {"toggle": page.toggle_button.text(), "agenda": page.agenda.item(BREAKOUT_1).text()}
    qtbot.keyClick(page.focusWidget() or page, Qt.Key.Key_Space)  # start
    before = page.controller.reading
    for _ in range(20 * 60 + 1):
        clock.advance(1)
        page.controller.tick()
    said = moment(before, page.controller.reading)
    seen.update(
        word=page.display.shown_word,
        day=page.day_label.text(),
        said=said.text if said is not None else "",
    )
    return page, seen


def test_the_run_page_speaks_the_pseudo_locale(
    qtbot: QtBot, demo_model: DocumentModel, language: None
) -> None:
    ui_i18n.install(i18n.PSEUDO)
    page, seen = _run_out(qtbot, demo_model)
    assert seen["toggle"] == i18n.pseudo("Start")
    assert seen["word"] == i18n.pseudo("Time's up")
    assert seen["said"] == i18n.pseudo("Time's up")
    assert seen["day"].startswith(i18n.PSEUDO_OPEN)
    assert i18n.pseudo("{minutes} min").format(minutes=20) in seen["agenda"]
    assert i18n.pseudo("Next") in seen["agenda"] or i18n.pseudo("Now") in seen["agenda"]
    assert page.display.accessibleName() == i18n.pseudo("Countdown")
    page.open_presenter()
    assert page.presenter is not None
    assert page.presenter.windowTitle() == i18n.pseudo("Workshop — presenter display")
    page.close_presenter()


def test_the_run_page_reads_as_before_in_english(
    qtbot: QtBot, demo_model: DocumentModel, language: None
) -> None:
    ui_i18n.install(i18n.SOURCE)
    page, seen = _run_out(qtbot, demo_model)
    assert seen["toggle"] == "Start"
    assert seen["word"] == seen["said"] == "Time's up"
    assert seen["day"].endswith("the plan") or seen["day"] in ("On time", "Not started yet")
    assert "20 min" in seen["agenda"] and "[" not in seen["agenda"]
    assert page.display.accessibleName() == "Countdown"
