"""Startup benchmark (run by hand): time to the first painted frame of the main window.

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_startup.py [--runs 5]

Compares ``run_gui`` on a 1,000-note event (3 questions, 5 tables) with a bare PySide6
QMainWindow of the same size, in the same run. Two times for the app: its first frame (startup
is staged: a light "Opening…" frame comes first) and the first frame showing the event in Plan
mode (a paint inside the widget named "workspace").

Each measurement is a fresh interpreter; the two kinds alternate so drift in the machine affects
both alike. The clock starts before PySide6 (and our code) is imported. A frame's time is that of
its last Paint event. The probe watches the main window's own events, and every widget's only
while a frame is being painted (from the window's paint to the first event that is not a Paint):
a Python event filter on the whole application would make PySide6 build a Python type for each
kind of event the window's widgets receive, about 25 ms that a bare window (one widget) does not
pay and a user never does. Bytecode is cached (in a private folder) by an uncounted warm-up run
of each kind, as for an installed app.

Goal (issue 3): app median <= 1.5 x bare median.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOAL = 1.5

_PROBE = """
import time
T0 = time.perf_counter()
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])

class Frames(QObject):
    \"\"\"Times the first frame of the main window and the first frame showing the event
    (a paint inside the widget named "workspace"; a bare window has none: the same frame).

    A frame's time is that of its last Paint event: once the window paints, every widget's
    events are watched until the first one that is not a Paint (the frame is over). In
    between frames only the window's events are: a Python filter on the application would see
    every event of every widget, and PySide6 builds a Python type for each kind of event on
    its first delivery, which costs a window of many widgets (not a bare one) ~25 ms.\"\"\"

    def __init__(self, wait_for_event):
        super().__init__()
        self.wait_for_event = wait_for_event
        self.window = None
        self.last = {}  # kind -> time of the latest paint of the frame being painted
        self.done = {}  # kind -> time of the last paint of that kind's frame
        self.in_frame = False

    def eventFilter(self, obj, event):
        kind = event.type()
        if len(self.done) == 2:
            return False
        if self.window is None:  # until the main window shows, watch the application
            if kind == QEvent.Type.Show and isinstance(obj, QMainWindow):
                self.window = obj
                app.removeEventFilter(self)
                obj.installEventFilter(self)
            return False
        if kind != QEvent.Type.Paint:
            if self.in_frame:
                self.end_frame()
            return False
        if not self.in_frame:  # the window's first paint of a frame: watch every widget
            self.in_frame = True
            app.installEventFilter(self)
        now = (time.perf_counter() - T0) * 1000
        self.last.setdefault("first", now)
        if not self.wait_for_event or self.in_workspace(obj):
            self.last.setdefault("event", now)
        for key in self.last:
            if key not in self.done:
                self.last[key] = now
        return False

    @staticmethod
    def in_workspace(widget):
        while widget is not None and hasattr(widget, "parentWidget"):
            if widget.objectName() == "workspace":
                return True
            widget = widget.parentWidget()
        return False

    def end_frame(self):
        self.in_frame = False
        app.removeEventFilter(self)
        for key, value in self.last.items():
            self.done.setdefault(key, value)
        if len(self.done) == 2:
            print(json.dumps(self.done), flush=True)
            QTimer.singleShot(0, self.window.close)
"""

BARE = (
    _PROBE
    + """
frames = Frames(wait_for_event=False)
app.installEventFilter(frames)
from PySide6.QtGui import QGuiApplication
window = QMainWindow()
window.setWindowTitle("bare")
screen = QGuiApplication.primaryScreen().availableGeometry()
window.resize(min(1200, int(screen.width() * 0.9)), min(820, int(screen.height() * 0.9)))
window.show()
sys.exit(app.exec())
"""
)

APP = (
    _PROBE
    + """
frames = Frames(wait_for_event=True)
app.installEventFilter(frames)
from pathlib import Path
from workshop_app.ui.app import run_gui
sys.exit(run_gui(Path(sys.argv[1])))
"""
)


def make_event(path: Path) -> None:
    """A .workshop file with 1,000 notes spread over 3 questions and 5 tables."""
    sys.path.insert(0, str(ROOT))
    from workshop_app.domain.bundle import EventBundle
    from workshop_app.domain.records import NOTE_KINDS, Event, Group, Note, Question
    from workshop_app.storage.document import Document

    questions = tuple(Question(text=f"Question {n}: what should we change?") for n in range(1, 4))
    groups = tuple(Group(name=f"Table {n}") for n in range(1, 6))
    notes = tuple(
        Note(
            question_id=questions[i % 3].id,
            group_id=groups[i % 5].id,
            text=f"Note {i}: people said the basics need to be in place before anything else.",
            kind=NOTE_KINDS[i % len(NOTE_KINDS)],
        )
        for i in range(1000)
    )
    bundle = EventBundle(
        event=Event(title="Benchmark event", start_time="09:30"),
        questions=questions,
        groups=groups,
        notes=notes,
    )
    Document.create(path, bundle, force=True).close()


def measure(script: str, env: dict[str, str], *args: str) -> tuple[float, float]:
    """(first frame, first frame showing the event) in ms, from before PySide6 is imported."""
    result = subprocess.run(
        [sys.executable, "-c", script, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if result.returncode != 0:
        raise SystemExit(f"child failed ({result.returncode}):\n{result.stderr}")
    line = json.loads(result.stdout.strip().splitlines()[-1])
    return float(line["first"]), float(line["event"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        home = Path(tmp, "home")
        home.mkdir()
        # Compiled bytecode as an installed app has it (pip compiles at install): cached in a
        # private folder by the warm-up runs, even where PYTHONDONTWRITEBYTECODE is set.
        env = dict(
            os.environ,
            WORKSHOP_APP_HOME=str(home),
            PYTHONPATH=str(ROOT),
            PYTHONPYCACHEPREFIX=str(Path(tmp, "pycache")),
        )
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        os.environ["WORKSHOP_APP_HOME"] = str(home)
        event = Path(tmp, "benchmark.workshop")
        make_event(event)

        measure(BARE, env)  # warm the disk cache for both; not counted
        measure(APP, env, str(event))
        bare: list[float] = []
        first: list[float] = []
        shown: list[float] = []
        for _ in range(options.runs):
            bare.append(measure(BARE, env)[0])
            frame, event_frame = measure(APP, env, str(event))
            first.append(frame)
            shown.append(event_frame)

    platform = env["QT_QPA_PLATFORM"]
    print(f"Time to painted frame, ms ({options.runs} runs each, alternating, {platform})")
    print(f"{'run':>4} {'bare QMainWindow':>17} {'Workshop first frame':>21} {'event shown':>12}")
    for n, row in enumerate(zip(bare, first, shown, strict=True), start=1):
        print(f"{n:>4} {row[0]:>17.1f} {row[1]:>21.1f} {row[2]:>12.1f}")
    medians = [statistics.median(values) for values in (bare, first, shown)]
    print(f"{'med':>4} {medians[0]:>17.1f} {medians[1]:>21.1f} {medians[2]:>12.1f}")
    for name, value in (("first frame", medians[1]), ("event shown", medians[2])):
        ratio = value / medians[0]
        verdict = "meets" if ratio <= GOAL else "misses"
        print(f"{name}: {ratio:.2f}x the bare window ({verdict} the goal of <= {GOAL}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
