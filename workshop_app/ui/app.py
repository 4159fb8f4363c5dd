"""Start the GUI in stages: crash log, QApplication, excepthook, the window, then the event.

Nothing slow happens before the first paint. The window first shows a light "Opening…" page,
built without importing storage (sqlite-utils), the Plan page or the templates; once that frame
is on screen the event is opened (or the welcome page built). Heavy modules (matplotlib,
reportlab, QtMultimedia, QtPdf) are imported by the modes that need them, when they need them.
"""

from __future__ import annotations

import faulthandler
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING

from workshop_app import paths

if TYPE_CHECKING:
    from workshop_app.ui.common.dialogs import Dialogs
    from workshop_app.ui.shell.main_window import MainWindow

ORGANIZATION = "workshop-app"
APPLICATION = "Workshop"
#: The reverse-DNS id of packaging/linux/: the .desktop file's name without ".desktop". Wayland
#: compositors (and X11 docks, through _GTK_APPLICATION_ID) match the window to it by this name.
APP_ID = "io.github.workshop_app.workshop_app"

_fault_log: IO[str] | None = None  # faulthandler writes to it from C: it must stay open


def _enable_faulthandler() -> None:
    """Stage 1, before Qt is even imported: hard crashes go to logs/faulthandler.log."""
    global _fault_log
    if _fault_log is None:
        _fault_log = open(paths.logs_dir() / "faulthandler.log", "a", encoding="utf-8")
        faulthandler.enable(_fault_log)


def run_gui(
    path: Path | None,
    *,
    demo: bool = False,
    phones: tuple[str, int] | None = None,
    lang: str | None = None,
) -> int:
    """Open the main window (on ``path``, on a fresh demo copy, or on the welcome page) and run
    until it closes. Returns the process exit code. ``phones`` (host, port): turn Attendee Input
    on there once the event is open, and print the page's address, one line on stdout.
    ``lang``: the window's language this time (the command line's ``--lang``; not saved), else
    the one chosen in View ▸ Language, else the system's."""
    _enable_faulthandler()

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANIZATION)
    app.setDesktopFileName(APP_ID)

    from workshop_app.ui.common import crash_dialog
    from workshop_app.ui.common.dialogs import Dialogs

    dialogs = Dialogs()
    crash_dialog.install(dialogs)

    from workshop_app.ui.common import motion
    from workshop_app.ui.common.first_paint import after_first_paint
    from workshop_app.ui.common.i18n import tr
    from workshop_app.ui.common.icons import app_icon
    from workshop_app.ui.common.settings import AppSettings
    from workshop_app.ui.common.text import apply_text_size
    from workshop_app.ui.shell.file_open import FileOpenHandler
    from workshop_app.ui.shell.language import startup_language
    from workshop_app.ui.shell.main_window import MainWindow
    from workshop_app.ui.shell.menus import install_shortcuts

    app.setWindowIcon(app_icon())
    settings = AppSettings()
    startup_language(settings, lang)  # before any widget is built: each takes its words once
    apply_text_size(settings.text_size_delta())
    window = MainWindow(settings, dialogs, shortcuts=False)
    file_open = FileOpenHandler(window, window.open_path)
    if sys.platform == "darwin":
        # A double-clicked .workshop file comes as an event, on macOS only. A filter on the
        # application sees every event of every widget, so it is not installed where it
        # would only cost time.
        app.installEventFilter(file_open)
    if demo:
        window.show_opening(tr("Opening the demo event…"))
    elif path is not None:
        opening = tr("Opening “{file}”…").format(file=Path(path).name)
        window.show_opening(opening, title=Path(path).name)
    window.show()

    def open_event() -> None:
        """Stage 2, once the window is on screen: open the event (or show the welcome)."""
        from workshop_app.version import app_version

        app.setApplicationVersion(app_version())
        motion.follow_system()  # reduced motion: the system's answer, read in the background
        install_shortcuts(window.menu_actions)
        file_open.ready()
        opened = False
        if demo:
            opened = window.open_demo()
        elif path is not None:
            opened = window.open_path(Path(path))
        elif file_open.pending is not None:
            opened = window.open_path(file_open.pending)
        if not opened and window.workspace is None:
            window.show_welcome()
        if opened and phones is not None:
            _start_phones(window, dialogs, *phones)

    after_first_paint(window, open_event)
    return int(app.exec())


def _start_phones(window: MainWindow, dialogs: Dialogs, host: str, port: int) -> None:
    """``--phones``: the one line on stdout, or the reason on stderr and in a dialog."""
    from workshop_app.domain.errors import WorkshopError
    from workshop_app.domain.safe_text import for_terminal
    from workshop_app.ui.common.i18n import tr

    try:
        url = window.phones.start(host, port)
    except WorkshopError as err:
        print(for_terminal(f"workshop-app: error: {err}"), file=sys.stderr)
        dialogs.show_error(window, tr("Attendee input did not start"), str(err))
        return
    print(f"Attendee page: {url}", flush=True)
