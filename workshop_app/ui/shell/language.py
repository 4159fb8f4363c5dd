"""View ▸ Language: the window's language, chosen, saved, and taken up at the next start.

The window's words are set once, as its widgets are built, so a new language shows from the
next start. Choosing one saves it (``AppSettings.set_language``; "" follows the system's) and,
when it changes what the window speaks, asks whether to restart now. Restarting loses nothing:
every change is already committed to the event file. The window is closed first (its event
file released), then the same command starts again, on the event that was open.

``startup_language`` is what ``run_gui`` calls before the first widget is built.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMainWindow

from workshop_app import i18n
from workshop_app.ui.common import i18n as window_i18n
from workshop_app.ui.common.dialogs import Dialogs
from workshop_app.ui.common.i18n import tr
from workshop_app.ui.common.settings import AppSettings

#: Starts a program detached from this one: ``(program, arguments) -> started``.
Starter = Callable[[str, list[str]], bool]


def resolve(choice: str) -> str:
    """The language a saved choice speaks ("" follows the system's)."""
    return i18n.normalise(choice) or window_i18n.system_language()


def startup_language(settings: AppSettings, lang: str | None = None) -> str:
    """Install the window's language: ``lang`` (the command line's ``--lang``, not saved) if
    the app has it, else the one saved in View ▸ Language, else the system's."""
    code = i18n.normalise(lang) or resolve(settings.language())
    return window_i18n.install(code)


def name_of(code: str) -> str:
    """A language as it calls itself, with "(draft translation)" while it is a draft."""
    return i18n.describe(code)


def restart_arguments(arguments: Sequence[str], event: Path | None) -> list[str]:
    """The command line's arguments for the restart: the same, without ``--lang`` (the saved
    choice is what the restart is for), on ``event`` (the open event's file) if there is one."""
    kept: list[str] = []
    skip = False
    for argument in arguments:
        if skip:
            skip = False
        elif argument == "--lang":
            skip = True
        elif not argument.startswith("--lang="):
            kept.append(argument)
    if event is None:
        return kept
    opened: list[str] = []
    skip = False
    for argument in kept:  # --demo or the file named: the event open now instead
        if skip:
            opened.append(argument)
            skip = False
        elif argument == "--phones":
            opened.append(argument)
            skip = True
        elif argument.startswith("-") and argument != "--demo":
            opened.append(argument)
    return [str(event), *opened]


def restart_command(event: Path | None) -> tuple[str, list[str]]:
    """How this process was started (``python -m workshop_app …``, the ``workshop-app``
    script, or a frozen build), to start it again on ``event``."""
    own = sys.argv[1:]
    if getattr(sys, "frozen", False):
        return sys.executable, restart_arguments(own, event)
    original = list(getattr(sys, "orig_argv", [sys.executable, *sys.argv]))
    interpreter = original[1 : len(original) - len(own)]  # -m workshop_app, or the script
    return sys.executable, [*interpreter, *restart_arguments(own, event)]


def start_detached(program: str, arguments: list[str]) -> bool:
    from PySide6.QtCore import QProcess

    started, _pid = QProcess.startDetached(program, arguments)
    return bool(started)


class WindowLanguage(QObject):
    """Checks the saved choice in View ▸ Language and handles a new one."""

    def __init__(
        self,
        window: QMainWindow,
        dialogs: Dialogs,
        settings: AppSettings,
        actions: dict[str, QAction],
        event: Callable[[], Path | None],
    ) -> None:
        super().__init__(window)
        self.window, self.dialogs, self.settings = window, dialogs, settings
        self.actions = actions
        self.event_file = event  # the open event's file, None while none is open
        self.start: Starter = start_detached
        self.quit: Callable[[], None] = QApplication.quit
        chosen = settings.language()
        actions.get(chosen, actions[""]).setChecked(True)
        for code, action in actions.items():
            action.triggered.connect(lambda _=False, c=code: self.choose(c))

    def choose(self, code: str) -> None:
        """Save ``code`` ("" = the system's); offer to restart when that changes the words."""
        self.settings.set_language(code)
        self.settings.sync()
        self.actions[code].setChecked(True)
        speaks = resolve(code)
        if speaks == i18n.app_language():
            return
        restart = self.dialogs.question(
            self.window,
            tr("Language"),
            tr(
                "Workshop will speak {language} when it next starts. Restart now? Nothing is "
                "lost: every change is already saved."
            ).format(language=name_of(speaks)),
            tr("Restart Now"),
            tr("Later"),
        )
        if restart:
            self.restart()

    def restart(self) -> None:
        """Close the window (its event file released), start the same command again, quit."""
        program, arguments = restart_command(self.event_file())
        self.window.close()
        if not self.start(program, arguments):
            self.dialogs.show_error(
                None,
                tr("Workshop did not restart"),
                tr("Start Workshop again to see it in its new language."),
            )
        self.quit()
