"""Attendee input on the Run page and the presenter display: the QR code and the address.

The QR code is read back by zbarimg (Debian's zbar-tools, installed by .ci/run) from the pixels
the presenter display paints, at the two common projector sizes, so "scan it" really works.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.run.run_helpers import BREAKOUT_1, fake_multimedia, go_to, show_page
from workshop_app.ui.document_model import DocumentModel
from workshop_app.ui.run.attendee_qr import INVITE, address_lines
from workshop_app.ui.run.page import RunPage

URL = "http://192.168.1.23:8765/3q2-7wAAAADerb7vAAAAAA/"


def decode(png: Path) -> list[str]:
    zbarimg = shutil.which("zbarimg")
    if zbarimg is None:
        pytest.skip("zbarimg (apt package zbar-tools) is not installed: the QR code is not read")
    done = subprocess.run(
        [zbarimg, "--raw", "-q", str(png)], capture_output=True, text=True, timeout=60
    )
    return done.stdout.splitlines()


def page_for(qtbot: QtBot, model: DocumentModel) -> RunPage:
    page = show_page(qtbot, RunPage(model, chime_loader=fake_multimedia()))
    go_to(page, BREAKOUT_1)
    return page


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)])
def test_the_presenter_shows_a_readable_qr_code_beside_the_countdown(
    qtbot: QtBot, demo_model: DocumentModel, tmp_path: Path, size: tuple[int, int]
) -> None:
    page = page_for(qtbot, demo_model)
    page.set_attendee_url(URL)  # before the display opens: it shows the code from the start
    presenter = page.open_presenter()
    qtbot.addWidget(presenter)
    presenter.showNormal()
    presenter.setFixedSize(*size)
    qtbot.waitUntil(lambda: presenter.size().width() == size[0])
    image = presenter.grab().toImage()
    png = tmp_path / "presenter.png"
    assert image.save(str(png))
    panel = presenter.attendee
    assert panel is not None and panel.qr_rect.height() >= 0.25 * size[1]  # big, for the room
    # the countdown stays the largest thing on the screen and nothing covers it
    digits = presenter.digits_ink
    assert digits.width() >= 2.5 * panel.qr_rect.width() and digits.height() >= 0.25 * size[1]
    assert not digits.intersects(panel.qr_rect)
    assert presenter.rect().toRectF().contains(panel.qr_rect)
    assert decode(png) == [URL]


def test_the_run_page_shows_it_small_and_both_hide_it_when_input_ends(
    qtbot: QtBot, demo_model: DocumentModel, tmp_path: Path
) -> None:
    page = page_for(qtbot, demo_model)
    box = page.side.attendee_box
    assert not box.isVisible()
    page.set_attendee_url(URL)
    presenter = page.open_presenter()
    qtbot.addWidget(presenter)
    assert box.isVisible()
    assert page.side.attendee_url.text() == "\n".join(address_lines(URL))
    assert INVITE in " ".join(w.text() for w in box.findChildren(type(page.side.attendee_url)))
    png = tmp_path / "page.png"
    assert page.side.attendee_qr.grab().save(str(png))
    assert decode(png) == [URL]

    page.set_attendee_url(None)  # input turned off
    assert not box.isVisible() and presenter.attendee is None
    presenter.showNormal()
    presenter.setFixedSize(1280, 720)
    qtbot.waitUntil(lambda: presenter.size().width() == 1280)
    presenter.grab()  # paints it
    assert presenter.digits_ink.width() >= 0.85 * presenter.width()  # full width again


def test_the_address_breaks_after_the_host() -> None:
    assert address_lines(URL) == ["http://192.168.1.23:8765/", "3q2-7wAAAADerb7vAAAAAA/"]
