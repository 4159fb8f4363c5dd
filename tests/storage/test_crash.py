"""Power-cut style test: a process adding notes is killed with SIGKILL at random moments.

Every note whose id the child printed (it prints only after ``Document.add`` returned) must be in
the file afterwards, the file must pass ``integrity_check``, and the kill must release the lock so
the same file opens again at once.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.records import Event, Note
from workshop_app.storage.document import Document

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("crash_child.py")
KILLS_WHILE_ADDING = 20
KILLS_WHILE_OPENING = 4


class Child:
    """The child process and the lines it printed, read on a thread so its pipe never fills."""

    def __init__(self, path: Path) -> None:
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        self.proc = subprocess.Popen(
            [sys.executable, str(CHILD), str(path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=ROOT,
        )
        self.lines: list[str] = []
        self.ready = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            line = line.strip()
            if line == "ready":
                self.ready.set()
            elif line:
                self.lines.append(line)
        self.ready.set()  # also on EOF, so a child that died early cannot hang the test

    def kill(self) -> str:
        """SIGKILL the child, collect everything it printed; returns its stderr."""
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=10)
        self._reader.join(timeout=10)
        assert self.proc.stderr is not None
        return self.proc.stderr.read()


def check_after_kill(path: Path, promised: set[str], printed: list[str], round_name: str) -> int:
    with Document.open(path) as doc:  # the kill released the lock; the file is not damaged
        integrity = [row[0] for row in doc._conn.execute("PRAGMA integrity_check")]
        assert integrity == ["ok"], f"{round_name}: {integrity}"
        stored = {row[0] for row in doc._conn.execute("SELECT id FROM note")}
        lost = promised - stored
        assert not lost, f"{round_name}: {len(lost)} committed notes lost, e.g. {sorted(lost)[:3]}"
        for note_id in printed[-3:]:  # the last writes before the kill, whole
            assert doc.get(Note, note_id).text.startswith("crash note")
        return len(stored)


def test_sigkill_while_writing_loses_no_committed_note(tmp_path: Path) -> None:
    path = tmp_path / "crash.workshop"
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    start_notes = tuple(Note(text=f"before {i}") for i in range(50))
    Document.create(path, EventBundle(event=Event(title="Crash"), notes=start_notes)).close()
    promised = {n.id for n in start_notes}
    rounds = ["adding"] * KILLS_WHILE_ADDING + ["opening"] * KILLS_WHILE_OPENING
    rng.shuffle(rounds)
    printed_per_round = []
    started = time.monotonic()

    for number, phase in enumerate(rounds):
        name = f"round {number} ({phase}, seed {seed})"
        child = Child(path)
        if phase == "adding":
            assert child.ready.wait(timeout=20), f"{name}: child never opened the file"
            assert child.proc.poll() is None, f"{name}: child exited: {child.proc.stderr}"
            time.sleep(rng.uniform(0.05, 0.5))
        else:  # somewhere in start-up, open, checks, or the first backup
            time.sleep(rng.uniform(0.0, 0.3))
        stderr = child.kill()
        assert child.proc.returncode == -signal.SIGKILL, f"{name}: child failed:\n{stderr}"
        promised |= set(child.lines)
        printed_per_round.append(len(child.lines))
        total = check_after_kill(path, promised, child.lines, name)
        assert total >= len(promised)

    adding = [n for n, phase in zip(printed_per_round, rounds, strict=True) if phase == "adding"]
    assert sum(1 for n in adding if n > 0) >= KILLS_WHILE_ADDING - 2, adding  # kills hit writes
    assert time.monotonic() - started < 90
    print(f"seed {seed}: notes printed before each kill: {printed_per_round}")
    with Document.open(path) as doc:
        assert doc.count(Note) >= len(promised) > len(start_notes)
