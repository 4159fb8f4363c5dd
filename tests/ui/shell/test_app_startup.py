"""Startup stays light: after the main window shows the demo, no heavy module is imported.

Runs ``run_gui(None, demo=True)`` in a fresh interpreter, so imports made by other tests in this
process cannot hide (or fake) a problem.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

HEAVY = (
    "matplotlib",
    "reportlab",
    "PySide6.QtMultimedia",
    "PySide6.QtPdf",
    "PySide6.QtHttpServer",
    "PySide6.QtNetwork",
    "segno",
    "babel",
)
ROOT = Path(__file__).resolve().parents[3]

SCRIPT = f"""
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])

def check():
    windows = [w for w in app.topLevelWidgets() if w.isVisible() and w.windowTitle()]
    window = windows[0]
    if window.workspace is None:  # the event opens after the first frame is painted
        QTimer.singleShot(50, check)
        return
    heavy = [name for name in {HEAVY!r} if name in sys.modules]
    print(json.dumps({{"heavy": heavy, "title": window.windowTitle(),
                      "mode": window.workspace.mode()}}))
    for w in windows:
        w.close()

QTimer.singleShot(50, check)
from workshop_app.ui.app import run_gui
sys.exit(run_gui(None, demo=True))
"""


def test_no_heavy_modules_after_the_window_shows(app_home: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["heavy"] == []
    assert report["title"].endswith("Demo event.workshop — Workshop")
    assert report["mode"] == "plan"


#: Modules that opening an event and showing it in Plan does not need: they are imported later
#: (a new id, a merge, the Run page, a zone other than UTC, a resource in a zip), not before the
#: frame that shows the event (issue 13; ``tests/benchmarks/bench_startup.py``).
DEFERRED = (
    "uuid",
    "platform",
    "socket",
    "importlib.resources",
    "zoneinfo",
    "workshop_app.domain.run",
    "workshop_app.storage.merge",
)

EVENT_FRAME = f"""
import json, sys
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])
from workshop_app.ui.shell.workspace import Workspace

first_paint = Workspace._on_first_paint

def check(self):  # the workspace's first frame is on screen; the Run page is built next
    loaded = [name for name in {DEFERRED!r} if name in sys.modules]
    print(json.dumps({{"loaded": loaded, "mode": self.mode()}}), flush=True)
    first_paint(self)
    self.window().close()

Workspace._on_first_paint = check
from pathlib import Path
from workshop_app.ui.app import run_gui
sys.exit(run_gui(Path(sys.argv[1])))
"""


def test_showing_an_event_imports_none_of_the_deferred_modules(
    app_home: Path, tmp_path: Path
) -> None:
    from workshop_app.domain.bundle import EventBundle
    from workshop_app.domain.records import Event, Group, Note, Question
    from workshop_app.storage.document import Document

    question, group = Question(text="What should change?"), Group(name="Table 1")
    bundle = EventBundle(
        event=Event(title="Startup", timezone="UTC"),
        questions=(question,),
        groups=(group,),
        notes=(Note(question_id=question.id, group_id=group.id, text="More time."),),
    )
    path = tmp_path / "startup.workshop"
    Document.create(path, bundle).close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    result = subprocess.run(
        [sys.executable, "-c", EVENT_FRAME, str(path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["mode"] == "plan"
    assert report["loaded"] == []
