"""Capture mode on the demo event mid-breakout, grabbed at 1280x800 (offscreen).

To refresh the committed screenshot:
    WORKSHOP_SCREENSHOTS=resources/screenshots pytest tests/ui/capture/test_capture_screenshot.py
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt

from tests.ui.common.capture_helpers import capture_page, start_breakout, type_note
from workshop_app.ui.shell.main_window import MainWindow

NOTES = [
    ("idea", "Start from a problem the ward already feels, not from the technology."),
    ("concern", "Logging in takes ten minutes on some wards: fix the basics before any AI."),
    ("quote", "“If it saves me typing the same thing three times, I’m in.”"),
    ("action", "Ask each trust to name one problem\nand one person who owns it."),
]


def test_grab_capture_mid_breakout(demo_window: MainWindow, qtbot, tmp_path: Path) -> None:
    demo_window.resize(1280, 800)
    start_breakout(demo_window)
    page = capture_page(demo_window)
    for kind, text in NOTES:
        page.entry.set_kind(kind)
        if kind == "quote":
            qtbot.keyClicks(page.entry.who, "Ward nurse")
            page.entry.role.setCurrentIndex(page.entry.role.findData("clinician"))
        type_note(qtbot, page, text)
    page.cards.select_row(1)
    page.entry.box.setFocus()
    qtbot.keyClicks(page.entry.box, "Data saves lives only if collecting it is easy")
    qtbot.wait(50)
    assert page.header.question.text().startswith("What’s our vision")
    image = demo_window.grab().toImage()
    assert (image.width(), image.height()) == (1280, 800)
    folder = Path(os.environ.get("WORKSHOP_SCREENSHOTS") or tmp_path)
    target = folder / "capture.png"
    assert image.save(str(target))
    assert target.stat().st_size > 10_000
    assert page.entry.box.hasFocus() or not demo_window.isActiveWindow()
    assert page.mine.rowCount() >= len(NOTES)
    _ = Qt
