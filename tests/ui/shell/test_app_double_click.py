"""Double-clicking a .workshop file on Linux runs the .desktop file's Exec line, `%f` replaced by
the file's path: the event opens, File ▸ Open Recent lists it, and the window tells the desktop
which .desktop file it belongs to (Wayland matches them by that name).

Runs the real entry (``python -m workshop_app``, as the ``workshop-app`` command does) in a
fresh interpreter, offscreen, on a path with spaces and non-ASCII letters.
"""

from __future__ import annotations

import configparser
import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.records import Event
from workshop_app.storage.document import Document
from workshop_app.ui.app import APP_ID
from workshop_app.ui.common.settings import AppSettings

ROOT = Path(__file__).resolve().parents[3]
DESKTOP = ROOT / "packaging" / "linux" / f"{APP_ID}.desktop"

#: Runs ``workshop-app ARGS`` as ``python -m workshop_app ARGS``; once the event is on screen it
#: prints what the window shows, opens File ▸ Open Recent's list, and closes the window.
RUN_AS_DESKTOP = """
import json, runpy, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])

def check():
    windows = [w for w in app.topLevelWidgets() if w.isVisible() and w.windowTitle()]
    if not windows or getattr(windows[0], "workspace", None) is None:
        QTimer.singleShot(50, check)
        return
    window = windows[0]
    window.menu_actions.recent.aboutToShow.emit()
    recent = [a.statusTip() for a in window.menu_actions.recent.actions() if a.data()]
    print(json.dumps({"title": window.windowTitle(), "path": str(window.model.document.path),
                      "recent": recent, "desktop_file": app.desktopFileName()}))
    window.close()

QTimer.singleShot(50, check)
sys.argv = sys.argv[1:]
runpy.run_module("workshop_app", run_name="__main__")
"""


def _exec_for(path: Path) -> list[str]:
    """The .desktop file's Exec line, as a launcher expands it for one file."""
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.read(DESKTOP, encoding="utf-8")
    return [
        str(path) if arg == "%f" else arg for arg in shlex.split(parser["Desktop Entry"]["Exec"])
    ]


def test_double_clicking_a_workshop_file_opens_it_and_lists_it_as_recent(
    app_home: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "Atelier d’été 2026"
    folder.mkdir()
    path = folder / "Café & co — plan.workshop"
    Document.create(
        path, EventBundle(event=Event(title="Journée d’équipe", timezone="UTC"))
    ).close()

    command = _exec_for(path)
    assert command == ["workshop-app", str(path)]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    result = subprocess.run(
        [sys.executable, "-c", RUN_AS_DESKTOP, *command],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout.strip().splitlines()[-1])
    assert shown["path"] == str(path)
    assert shown["title"].startswith("Journée d’équipe — Café & co — plan.workshop")
    assert shown["recent"] == [str(path)]
    assert shown["desktop_file"] == APP_ID == DESKTOP.stem

    # The next start (from the menu, with no file) offers it under File ▸ Open Recent.
    recent = AppSettings().recent()
    assert [(r.path, r.title) for r in recent] == [(str(path), "Journée d’équipe")]
