"""Run mode benchmark (run by hand): how late the digits change, what a tick and a frame cost.

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_run.py [--seconds 20]

With the real clock, the demo's first breakout runs on the Run page with the presenter display
open (1920x1080) for ``--seconds``. Reported:

* lateness of each change of the digits after the true second boundary (median, max);
* ticks per second (timer wake-ups) and the cost of one tick (read + both views updated);
* the time to paint the presenter display and the Run page's countdown once;
* references to ``None`` and ``True`` lost per minute (PySide6 6.12.0 loses them on Qt calls
  and ``Signal.emit``; the app aborts when they run out, so this must be 0).

Goals: max lateness < 50 ms; a tick < 1 ms; a full-HD presenter frame < 16 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("WORKSHOP_APP_HOME", tempfile.mkdtemp(prefix="bench-run-"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0)
    options = parser.parse_args()

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])  # noqa: F841 - kept alive for the run
    from workshop_app.storage.templates import open_demo
    from workshop_app.ui.document_model import DocumentModel
    from workshop_app.ui.run.page import RunPage

    document = open_demo()
    page = RunPage(DocumentModel(document))
    page.resize(1920, 1080)
    page.show()
    for _ in range(4):
        page.keys["next"].trigger()
    presenter = page.open_presenter()
    presenter.resize(1920, 1080)
    changes: list[tuple[float, str]] = []
    ticks: list[float] = []
    page.controller.ticked.connect(lambda _r: ticks.append(time.monotonic()))
    page.controller.ticked.connect(
        lambda _r: (
            changes.append((time.monotonic(), page.display.shown_text))
            if not changes or changes[-1][1] != page.display.shown_text
            else None
        )
    )
    page.keys["toggle"].trigger()
    deadline = page.controller.countdown._round.deadline_mono
    refs = sys.getrefcount(None) + sys.getrefcount(True)
    started = time.monotonic()
    loop = QEventLoop()
    QTimer.singleShot(int(options.seconds * 1000), loop.quit)
    loop.exec()
    lost = refs - sys.getrefcount(None) - sys.getrefcount(True)
    elapsed = time.monotonic() - started

    def seconds(text: str) -> int:
        minutes, secs = text.split(":")
        return int(minutes) * 60 + int(secs)

    late = [(t - (deadline - seconds(text))) * 1000 for t, text in changes[1:]]
    rate = len(ticks) / elapsed
    tick_cost = timed(page.controller.tick, 200)
    presenter_frame = timed(presenter.repaint, 50)
    ring_frame = timed(page.display.repaint, 50)
    print(f"digits changed {len(late)} times, late by median {statistics.median(late):.1f} ms, "
          f"max {max(late):.1f} ms")  # fmt: skip
    print(f"{rate:.1f} ticks/s; one tick {tick_cost:.2f} ms")
    print(
        f"presenter frame (1920x1080) {presenter_frame:.2f} ms; countdown ring {ring_frame:.2f} ms"
    )
    change = -lost / elapsed * 60
    print(f"references to None/True per minute: {change:+.0f} (a loss would abort the app)")
    page.close_presenter()
    document.close()
    ok = max(late) < 50 and tick_cost < 1 and presenter_frame < 16 and lost <= 0
    print("goals met" if ok else "GOALS MISSED")
    return 0 if ok else 1


def timed(action: Callable[[], object], runs: int) -> float:
    """Median milliseconds of ``action``."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


if __name__ == "__main__":
    sys.exit(main())
