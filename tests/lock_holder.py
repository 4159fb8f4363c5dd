"""Another Workshop process holding an event open, as the laptop user "alice" (CLI and GUI tests
of the "already open" refusal). ``hold(path)`` is a context manager; run as a script it opens the
document, prints ``ready``, and closes it when a line arrives on stdin."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@contextmanager
def hold(path: Path, user: str = "alice") -> Iterator[subprocess.Popen[str]]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), LOGNAME=user, USER=user)
    proc = subprocess.Popen(
        [sys.executable, str(Path(__file__)), str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        yield proc
    finally:
        proc.kill()
        proc.wait(timeout=10)


if __name__ == "__main__":
    from workshop_app.storage.document import Document

    doc = Document.open(sys.argv[1])
    print("ready", flush=True)
    sys.stdin.readline()
    doc.close()
