"""A new laptop's id is made once even when several processes start at once (the app and a
command, the tests' subprocesses): every one of them gets the same id and none fails (a shared
temporary name once made one of them fail with FileNotFoundError)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHILD = "from workshop_app.storage.device import device_id; print(device_id())"


def test_processes_starting_together_share_one_new_device_id(tmp_path: Path) -> None:
    for attempt in range(3):
        home = tmp_path / f"home{attempt}"
        env = {"WORKSHOP_APP_HOME": str(home), "PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", CHILD],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(8)
        ]
        results = [proc.communicate(timeout=60) for proc in procs]
        assert all(proc.returncode == 0 for proc in procs), [err for _, err in results]
        ids = {out.strip() for out, _ in results}
        assert len(ids) == 1, ids
        assert (home / "data" / "device-id").read_text().strip() == ids.pop()
        assert not [p.name for p in (home / "data").iterdir() if p.name.endswith(".tmp")]
