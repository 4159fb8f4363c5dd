"""Child process for test_app_damaged: the real window (real dialogs service, the app's
excepthook) opens a file, shows every mode, then quits. Prints ``opened`` or ``refused``, then
``shown: <title>`` for each message the user would have seen, then ``done``. Run as
``python tests/ui/shell/damaged_child.py <document>`` with the repository on PYTHONPATH: a segfault
shows as a negative return code, a crash dialog as "shown: Something went wrong".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget

from workshop_app.ui.common import crash_dialog
from workshop_app.ui.common.dialogs import Dialogs
from workshop_app.ui.common.settings import AppSettings
from workshop_app.ui.shell.main_window import MainWindow
from workshop_app.ui.shell.modes import MODES


class Answering(Dialogs):
    """The real service, except that messages are printed rather than waiting for a click."""

    def show_error(self, parent: QWidget | None, title: str, text: str, details: str = "") -> None:
        print(f"shown: {title}: {text}", flush=True)

    def show_info(self, parent: QWidget | None, title: str, text: str) -> None:
        print(f"shown: {title}: {text}", flush=True)


def main(path: str) -> None:
    app = QApplication(sys.argv[:1])
    dialogs = Answering()
    crash_dialog.install(dialogs)
    window = MainWindow(AppSettings(), dialogs)
    window.show()
    print("opened" if window.open_path(Path(path)) else "refused", flush=True)
    if window.workspace is not None:
        for mode in (*MODES, "capture"):
            window.workspace.set_mode(mode, focus=True)
            for _ in range(3):
                app.processEvents()
    window.close()
    print("done", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
