"""Screenshots of every page under the pseudo-locale (qps-ploc) at 1280x720, to look at.

    PYTHONPATH=. python tests/ui/pseudo_screens.py OUT_FOLDER [--simulate]

Writes one PNG per page (welcome, Plan's sections, Run mid-breakout and its presenter display,
Capture with cards, the Board's views, Report, and the About, Restore and Keyboard Shortcuts
dialogs) on a copy of the demo event, offscreen, in a throw-away WORKSHOP_APP_HOME. Then prints
what tests/ui/common/pseudo_check.py finds clipped on each.

``--simulate`` first puts the pseudo text in place of the English still on labels, buttons,
group boxes and tabs (not the user's data): a preview of the layout once every string goes
through the catalogue, while the sweep is not in yet.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("WORKSHOP_APP_HOME", tempfile.mkdtemp(prefix="pseudo-screens-"))

from PySide6.QtWidgets import QApplication, QDialog, QWidget

from tests.ui.common.capture_helpers import capture_page, start_breakout, type_note
from tests.ui.common.fakes import FakeDialogs
from tests.ui.common.pseudo_check import Words, clipped, event_data, simulate_translation
from workshop_app.ui.common import i18n

WIDTH, HEIGHT = 1280, 720
Shot = tuple[str, QWidget]


def _settle() -> None:
    for _ in range(3):  # nested layouts settle over a few passes
        QApplication.processEvents()


def tour(window) -> Iterator[Shot]:
    """Show each page in turn; yields (file stem, the top-level widget to grab)."""
    from workshop_app.ui.plan.page import SECTIONS

    window.show_welcome()
    yield "welcome", window
    assert window.open_demo()
    workspace = window.workspace
    plan = workspace.page("plan")
    workspace.set_mode("plan")
    for section in SECTIONS:
        plan.show_section(section)
        yield f"plan-{section.lower()}", window
    workspace.set_mode("run")
    start_breakout(window)
    yield "run", window
    run = workspace.page("run")
    presenter = run.open_presenter()
    presenter.showNormal()
    presenter.resize(WIDTH, HEIGHT)
    yield "run-presenter", presenter
    run.close_presenter()
    page = capture_page(window)
    for kind, text in (("idea", "Start from a problem the ward already feels."),):
        page.entry.set_kind(kind)
        type_note(_Bot(), page, text)
    yield "capture", window
    workspace.set_mode("board")
    board = workspace.page("board")
    for view in list(board.views):
        board.set_view(view)
        yield f"board-{view}", window
    board.side.setCurrentIndex(board.side.count() - 1)
    yield "board-side-last", window
    workspace.set_mode("report")
    yield "report", window
    actions = window.menu_actions
    for name, action in (("about", actions.about), ("restore", actions.restore)):
        action.trigger()
        dialog = next(d for d in window.findChildren(QDialog) if d.isVisible())
        yield f"dialog-{name}", dialog
        dialog.close()
    actions.keys.trigger()
    dialog = next(d for d in window.findChildren(QDialog) if d.isVisible())
    yield "dialog-keys", dialog
    dialog.close()


class _Bot:
    """Enough of pytest-qt's qtbot for ``type_note``: QTest's real key events."""

    def keyClicks(self, widget: QWidget, text: str) -> None:
        from PySide6.QtTest import QTest

        QTest.keyClicks(widget, text)

    def keyClick(self, widget: QWidget, key, modifier=None) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        QTest.keyClick(widget, key, modifier or Qt.KeyboardModifier.NoModifier)


def main(folder: Path, simulate: bool, report: Callable[[str], None] = print) -> int:
    app = QApplication.instance() or QApplication([])
    i18n.install("qps-ploc")
    from workshop_app.ui.common.settings import AppSettings
    from workshop_app.ui.shell.main_window import MainWindow

    window = MainWindow(AppSettings(), FakeDialogs())
    window.resize(WIDTH, HEIGHT)
    window.show()
    folder.mkdir(parents=True, exist_ok=True)
    found = 0
    for stem, widget in tour(window):
        _settle()
        words = Words(event_data(window.document) if window.document is not None else ())
        if simulate and simulate_translation(widget, words):
            _settle()
        widget.grab().save(str(folder / f"{stem}.png"))
        for problem in clipped(stem, widget, words):
            found += 1
            report(str(problem))
    window.close()
    app.processEvents()
    report(f"{found} clipped; screenshots in {folder}")
    return 0


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(arguments) != 1:
        sys.exit(__doc__)
    sys.exit(main(Path(arguments[0]), "--simulate" in sys.argv))
