"""The countdown digits are never clipped and never leave their box: on the presenter display
and on the Run page, for every format from 0:00 to 9:59:59 and in overtime, on a 16:9 and a
4:3 projector. Each case is rendered to an image and its pixels are read, so what is checked
is what the room sees; and the size holds still while the countdown ticks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from tests.ui.run.run_helpers import BREAKOUT_1, fake_multimedia, go_to, show_page
from tests.unit.fake_clock import FakeClock
from workshop_app.ui.document_model import DocumentModel
from workshop_app.ui.run.digits import layout_digits
from workshop_app.ui.run.page import RunPage
from workshop_app.ui.run.presenter import PresenterWindow

SIZES = [(1920, 1080), (1280, 720), (1024, 768)]
#: seconds left (negative: overtime) and the digits they show, one or more per format
VALUES = [
    (0, "0:00"),
    (42, "0:42"),
    (599, "9:59"),
    (600, "10:00"),
    (3599, "59:59"),
    (3600, "60:00"),  # an hour's round starts at 60:00 (hours only past 99 minutes)
    (5999, "99:59"),
    (6000, "1:40:00"),
    (35999, "9:59:59"),
    (-1, "+0:01"),
    (-599, "+9:59"),
    (-3900, "+65:00"),  # an hour and five minutes over
    (-6000, "+1:40:00"),
    (-35999, "+9:59:59"),
]


def show_remaining(page: RunPage, clock: FakeClock, seconds: int) -> None:
    """Breakout 1 (20 min) running with ``seconds`` left, through the run's own actions."""
    controller = page.controller
    controller.reset()
    controller.toggle()
    left = controller.reading.remaining
    if seconds > left:
        controller.adjust(seconds - left)
    else:
        clock.advance(left - seconds)
        controller.tick()


def edge_pixels(image: QImage, area: QRectF, background: QColor) -> list[tuple[int, int]]:
    """Pixels on the border of ``area`` (one pixel inside it) that are not ``background``."""
    left, top = int(area.left()) + 1, int(area.top()) + 1
    right, bottom = int(area.right()) - 1, int(area.bottom()) - 1
    border = [(x, y) for x in range(left, right + 1) for y in (top, bottom)]
    border += [(x, y) for y in range(top, bottom + 1) for x in (left, right)]
    return [(x, y) for x, y in border if image.pixelColor(x, y) != background]


def ink_rows(image: QImage, area: QRectF, background: QColor) -> tuple[int, int]:
    """The first and last row of ``area`` with any glyph pixel."""
    rows = [
        y
        for y in range(int(area.top()), int(area.bottom()))
        if any(
            image.pixelColor(x, y) != background
            for x in range(int(area.left()), int(area.right()), 2)
        )
    ]
    return rows[0], rows[-1]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def page(qtbot: QtBot, demo_model: DocumentModel, clock: FakeClock) -> RunPage:
    page = show_page(qtbot, RunPage(demo_model, clock=clock, chime_loader=fake_multimedia()))
    go_to(page, BREAKOUT_1)
    return page


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_presenter_digits_fit_every_format(
    qtbot: QtBot, page: RunPage, clock: FakeClock, width: int, height: int
) -> None:
    presenter = PresenterWindow(page.controller, page.keys.values())
    qtbot.addWidget(presenter)
    presenter.resize(width, height)
    black = QColor("#000000")
    for seconds, text in VALUES:
        show_remaining(page, clock, seconds)
        image = presenter.grab().toImage()
        assert presenter.shown_text == text
        area = presenter.digits_area
        assert area.height() >= 0.4 * height
        touching = edge_pixels(image, area, black)
        assert not touching, f"{text} at {width}x{height} touches its box at {touching[:3]}"
        top, bottom = ink_rows(image, area, black)
        assert bottom - top >= 0.15 * height, f"{text} at {width}x{height} is too small"


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_run_page_digits_fit_every_format(
    qtbot: QtBot, page: RunPage, clock: FakeClock, width: int, height: int
) -> None:
    page.resize(width, height)
    qtbot.waitUntil(lambda: page.width() == width)
    display = page.display
    for seconds, text in VALUES:
        show_remaining(page, clock, seconds)
        image = display.grab().toImage()
        assert display.shown_text == text
        area = display.digits_area
        background = image.pixelColor(int(area.left()) + 1, int(area.top()) + 1)
        corner = image.pixelColor(int(area.right()) - 1, int(area.bottom()) - 1)
        assert background == corner  # the box's corners are clear
        touching = edge_pixels(image, area, background)
        assert not touching, f"{text} at {width}x{height} touches its box at {touching[:3]}"
        top, bottom = ink_rows(image, area, background)
        assert bottom - top >= 0.25 * area.height(), f"{text} at {width}x{height} is too small"


def test_the_digits_hold_their_size_and_place_while_counting_down(page: RunPage) -> None:
    box = QRectF(40, 400, 1800, 480)
    font = page.display.font()
    for texts in (["9:59", "0:00", "1:11", "4:44"], ["59:59", "10:00", "11:11"],
                  ["+9:59:59", "+1:00:00", "+1:11:11"]):  # fmt: skip
        layouts = [layout_digits(font, text, box) for text in texts]
        assert len({layout.font.pixelSize() for layout in layouts}) == 1, texts
        assert len({(layout.origin.x(), layout.origin.y()) for layout in layouts}) == 1, texts
