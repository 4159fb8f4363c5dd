"""The command line names who has an event open, in words, when it refuses to replace it."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from tests.lock_holder import ROOT, hold
from workshop_app.storage.document import Document


def test_replacing_an_event_open_elsewhere_names_the_user_and_the_time(tmp_path: Path) -> None:
    path = tmp_path / "held.workshop"
    Document.create(path).close()
    before = path.read_bytes()
    with hold(path):
        opened = datetime.fromtimestamp(path.with_name(path.name + ".lock").stat().st_mtime)
        result = subprocess.run(
            [sys.executable, "-m", "workshop_app", "new", str(path), "--force"],
            capture_output=True,
            text=True,
            env=dict(os.environ, PYTHONPATH=str(ROOT)),
            cwd=ROOT,
            timeout=60,
        )
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"workshop-app: error: “held.workshop” is already open in Workshop, opened by alice at "
        f"{opened:%H:%M} today. Close it there first, or open a copy."
    )
    assert path.read_bytes() == before
