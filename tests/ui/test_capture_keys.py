"""Capture's keys come from one table (``capture/keys.py``): the cards install them, the hint
shows them, README's key table is that table, and none of them is a printable key."""

from __future__ import annotations

from pathlib import Path

from capture_helpers import capture_page
from PySide6.QtGui import QKeySequence

from workshop_app.ui.capture.keys import CAPTURE_KEYS, CARDS, HINT, TRASH, readme_rows, shown
from workshop_app.ui.main_window import MainWindow

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_capture_table_is_the_key_table() -> None:
    lines = README.read_text(encoding="utf-8").splitlines()
    rows = readme_rows()
    start = lines.index(rows[0])
    assert lines[start : start + len(rows)] == rows
    assert not lines[start + len(rows)].startswith("|")  # nothing else in that table


def test_the_cards_install_the_table_and_no_card_key_is_text(demo_window: MainWindow) -> None:
    page = capture_page(demo_window)
    installed = {
        key.toString(QKeySequence.SequenceFormat.PortableText)
        for action in page.cards.actions() + page.side.trash.actions()
        for key in action.shortcuts()
    }
    for key in CAPTURE_KEYS:
        if key.place in (CARDS, TRASH):
            for sequence in key.keys:
                portable = QKeySequence(sequence).toString(QKeySequence.SequenceFormat.PortableText)
                assert portable in installed, sequence
                assert portable in ("F2", "Del", "Return") or "+" in portable, sequence
            if key.place == CARDS and key.name != "card_kind":
                assert shown(key.name) in HINT, key.name
    assert page.entry.hint.text() == HINT
