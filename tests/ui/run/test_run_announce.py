"""The Run page says the countdown's moments to a screen reader (QAccessibleAnnouncementEvent
through ui.common.announce), from a real page with the fake clock, also while it is hidden."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.common.announced import listening
from tests.ui.run.run_helpers import BREAKOUT_1, fake_multimedia, go_to, show_page
from tests.unit.fake_clock import FakeClock
from workshop_app.ui.document_model import DocumentModel
from workshop_app.ui.run.page import RunPage


def test_the_run_page_announces_only_the_moments_even_when_hidden(
    qtbot: QtBot, demo_model: DocumentModel
) -> None:
    clock = FakeClock()
    page = RunPage(demo_model, clock=clock, chime_loader=fake_multimedia())
    show_page(qtbot, page)
    go_to(page, BREAKOUT_1)
    with listening() as heard:
        qtbot.keyClick(page.focusWidget() or page, Qt.Key.Key_Space)  # start
        assert heard.texts() == ["Breakout round 1 started, 20 minutes"]
        page.hide()  # another mode is on screen: Run's countdown still ticks and speaks
        for _ in range(20 * 60 + 61):
            clock.advance(1)
            page.controller.tick()
        assert [(t, a) for _, t, a in heard.said[1:]] == [
            ("5 minutes left", False),
            ("Nearly time, 2 minutes left", False),
            ("Time's up", True),
            ("1 minute over", False),
        ]
        assert all(widget is page for widget, _, _ in heard.said)
