"""Child process for the presenter-screen tests and the Run screenshots.

Run with ``QT_QPA_PLATFORM=offscreen:configfile=<screens.json>`` (Qt's offscreen platform then
has those screens) and the repository on PYTHONPATH:

    python tests/ui/run/run_screens_child.py report          # JSON about screens and the presenter
    python tests/ui/run/run_screens_child.py shots <folder>  # run-page.png, run-presenter*.png
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from workshop_app.domain.clock import format_utc
from workshop_app.domain.records import AgendaItem
from workshop_app.domain.run import RunState, RunStatus
from workshop_app.storage.document import Document
from workshop_app.storage.templates import open_demo

RUNNING = RunStatus.RUNNING
#: An address like the one attendee input gives (a LAN address, a port, a 128-bit token).
ATTENDEE_URL = "http://192.168.1.23:8765/Qm9vLXRva2VuLTEyOC1iaXRz/"


def _rect(r: QRect) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def report(app: QApplication) -> dict:
    from workshop_app.ui.document_model import DocumentModel
    from workshop_app.ui.run.page import RunPage

    document = open_demo()
    page = RunPage(DocumentModel(document))
    page.show()
    app.processEvents()
    chooser = page.chooser
    out: dict = {
        "screens": [s.name() for s in QGuiApplication.screens()],
        "primary": QGuiApplication.primaryScreen().name(),
        "items": [chooser.itemText(i) for i in range(chooser.count())],
        "chosen": chooser.screen_choice().name(),
        "chooser_enabled": chooser.isEnabled(),
    }
    presenter = page.open_presenter()
    app.processEvents()
    presenter.repaint()
    out.update(
        presenter_screen=presenter.screen().name(),
        presenter_geometry=_rect(presenter.geometry()),
        full_screen=presenter.isFullScreen(),
        frameless=bool(presenter.windowFlags() & Qt.WindowType.FramelessWindowHint),
        digits_share=presenter.digits_ink.height() / presenter.height(),
        digits_inside=presenter.rect().toRectF().contains(presenter.digits_ink),
    )
    if len(QGuiApplication.screens()) > 1:  # the projector is unplugged
        projector = chooser.screen_choice()
        chooser._on_app_screen_removed(projector)
        app.processEvents()
        out.update(
            after_removal_items=[chooser.itemText(i) for i in range(chooser.count())],
            after_removal_presenter=page.presenter is not None,
            notice=page.notice.text(),
        )
        chooser._on_app_screen_added(projector)  # and plugged in again
        out["after_adding_chosen"] = chooser.screen_choice().name()
    page.close_presenter()
    document.close()
    return out


def _mid_breakout(document: Document) -> None:
    """A realistic run: the first items done (a little over time), breakout 1 at 12:34 left."""
    items = document.select(AgendaItem)
    now = datetime.now(UTC).replace(microsecond=0)
    start = now - timedelta(minutes=7, seconds=26)
    stamps: dict[str, dict[str, str | None]] = {}
    taken = [6, 21, 32, 14]
    moment = start - timedelta(minutes=sum(taken))
    for item, minutes in zip(items[:4], taken, strict=True):
        end = moment + timedelta(minutes=minutes)
        stamps[item.id] = {"started_at": format_utc(moment), "ended_at": format_utc(end)}
        moment = end
    stamps[items[4].id] = {"started_at": format_utc(start), "ended_at": None}
    deadline = now + timedelta(minutes=12, seconds=34)
    document.set_run_state(RunState(items[4].id, RUNNING, format_utc(deadline)), stamps)


def shots(app: QApplication, folder: Path) -> dict:
    from workshop_app.ui.common.dialogs import Dialogs
    from workshop_app.ui.common.settings import AppSettings
    from workshop_app.ui.shell.main_window import MainWindow

    document = open_demo()
    _mid_breakout(document)
    path = document.path
    document.close()
    window = MainWindow(AppSettings(), Dialogs())
    window.setGeometry(QGuiApplication.primaryScreen().geometry())
    window.show()
    window.open_path(path)
    window.workspace.set_mode("run", focus=True)
    page = window.workspace.page("run")
    app.processEvents()
    folder.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(folder / "run-page.png"))
    presenter = page.open_presenter()
    app.processEvents()
    presenter.grab().save(str(folder / "run-presenter.png"))
    page.set_attendee_url(ATTENDEE_URL)  # attendee input on: the QR code beside the countdown
    for _ in range(3):  # the side column's nested layouts settle over a few passes
        app.processEvents()
    presenter.grab().save(str(folder / "run-presenter-phones.png"))
    out = {"page": _rect(window.geometry()), "presenter": _rect(presenter.geometry())}
    page.close_presenter()
    window.close()
    return out


def main() -> None:
    app = QApplication(sys.argv[:1])
    if sys.argv[1] == "report":
        result = report(app)
    else:
        result = shots(app, Path(sys.argv[2]))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
