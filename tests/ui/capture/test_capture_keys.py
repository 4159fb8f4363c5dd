"""Capture's keys come from the one key table (``keymap``, ids "capture.…"): the cards install
them, the hint shows them, and none of the card keys is a printable key. (README's table is
checked with every mode's in test_keymap.py.)"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from tests.ui.common.capture_helpers import capture_page
from workshop_app.ui.capture.keys import hint
from workshop_app.ui.common.keymap import CARD, TRASH_CARD, of_mode, shown
from workshop_app.ui.shell.main_window import MainWindow


def test_the_cards_install_the_table_and_no_card_key_is_text(demo_window: MainWindow) -> None:
    page = capture_page(demo_window)
    installed = {
        key.toString(QKeySequence.SequenceFormat.PortableText)
        for action in page.cards.actions() + page.side.trash.actions()
        for key in action.shortcuts()
    }
    for entry in of_mode("capture"):
        if entry.place in (CARD, TRASH_CARD):
            for sequence in entry.keys:
                portable = QKeySequence(sequence).toString(QKeySequence.SequenceFormat.PortableText)
                assert portable in installed, sequence
                assert portable in ("F2", "Del", "Return", "Enter") or "+" in portable, sequence
            if entry.place == CARD and entry.id != "capture.card_kind":
                assert shown(entry.id) in hint(), entry.id
    assert page.entry.hint.text() == hint()
