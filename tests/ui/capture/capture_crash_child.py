"""Child process for test_capture_crash: the real window in Capture mode, notes typed with
QTest and Enter until the process is killed.

Prints ``ready`` once Capture is showing, then each note's text on its own line, flushed only
once its card is on the list marked saved (what the note-taker sees). Run as
``python tests/ui/capture/capture_crash_child.py <document> <round>`` with the repository on
PYTHONPATH.
"""

from __future__ import annotations

import itertools
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from workshop_app.domain.records import Group
from workshop_app.ui.common.dialogs import Dialogs
from workshop_app.ui.common.settings import AppSettings
from workshop_app.ui.common.sticky import NoteRole
from workshop_app.ui.shell.main_window import MainWindow


def main(path: str, tag: str) -> None:
    app = QApplication(sys.argv[:1])
    window = MainWindow(AppSettings(), Dialogs())
    window.show()
    assert window.open_path(Path(path))
    assert window.workspace is not None
    window.workspace.set_mode("capture", focus=True)
    page = window.workspace.page("capture")
    group = page.model.select(Group)[0]
    page.set_table(group.id)
    app.processEvents()
    print("ready", flush=True)
    box = page.entry.box
    for number in itertools.count():
        text = f"typed note {number} of round {tag}"
        QTest.keyClicks(box, text)
        QTest.keyClick(box, Qt.Key.Key_Return)
        app.processEvents()
        row = 0 if page.mine.newest_first else page.mine.rowCount() - 1
        card = page.mine.index(row, 0)
        shown = card.data(NoteRole)
        if shown is not None and shown.text == text:
            if "Saved" in (card.data(Qt.ItemDataRole.AccessibleTextRole) or ""):
                print(text, flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
