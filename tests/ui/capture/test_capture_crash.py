"""A note the screen shows as saved is in the file, even if the app is killed right after.

The real window runs in Capture mode in a child process, typing notes with QTest; the child
prints a note's text only once its card is on screen marked saved. The parent kills it with
SIGKILL at random moments and checks every printed note is in the file, which passes
``integrity_check``.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from workshop_app.domain.records import Note
from workshop_app.storage.document import Document
from workshop_app.storage.templates import demo_bundle

ROOT = Path(__file__).resolve().parents[3]
CHILD = Path(__file__).with_name("capture_crash_child.py")
ROUNDS = 5


def _round(path: Path, tag: int, delay: float) -> list[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(path), str(tag)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    assert child.stdout is not None
    lines: list[str] = []
    ready = threading.Event()

    def read() -> None:
        for line in child.stdout:  # type: ignore[union-attr]
            if line.strip() == "ready":
                ready.set()
            else:
                lines.append(line.rstrip("\n"))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    assert ready.wait(60), "the capture child never became ready"
    time.sleep(delay)
    child.send_signal(signal.SIGKILL)
    child.wait(30)
    reader.join(10)
    return [line for line in lines if line]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_notes_shown_as_saved_survive_sigkill(tmp_path: Path) -> None:
    path = tmp_path / "event.workshop"
    Document.create(path, demo_bundle()).close()
    rng = random.Random(5)
    shown_total: list[str] = []
    for tag in range(ROUNDS):
        shown = _round(path, tag, rng.uniform(0.2, 1.0))
        shown_total += shown
        with Document.open(path) as doc:
            texts = {note.text for note in doc.select(Note)}
        missing = [text for text in shown if text not in texts]
        assert missing == [], f"shown as saved but not in the file: {missing[:3]}"
        conn = sqlite3.connect(path)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            conn.close()
    assert len(shown_total) >= 5 * ROUNDS, "the child should have saved notes before the kills"
