"""The frozen (PyInstaller) build: packaging/build.py builds it, archives it and smoke-tests it.

Minutes long, so it runs only with WORKSHOP_APP_PACKAGE_TEST=1 (``.ci/run`` then installs
``.[package]`` too). Linux only: the other systems build on their own CI runners
(.github/workflows/build.yml), with the same build.py and smoke test.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.package,
    pytest.mark.skipif(
        os.environ.get("WORKSHOP_APP_PACKAGE_TEST") != "1",
        reason="builds the frozen app (minutes): set WORKSHOP_APP_PACKAGE_TEST=1 to run it",
    ),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="built here on Linux only"),
]


def test_build_archives_and_smokes_the_frozen_app() -> None:
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "version"
    ]
    result = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build.py")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    out = result.stdout
    assert result.returncode == 0, out[-3000:] + result.stderr[-3000:]
    for check in ("version", "report", "resources", "window"):
        assert f"PASS {check}:" in out
    assert "FAIL" not in out

    archive = Path(out.strip().splitlines()[-1])
    assert archive.parent == ROOT / "dist"
    assert archive.name.startswith(f"workshop-app-{version}-linux-")
    assert archive.name.endswith(".tar.gz")
    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
    resources = "workshop-app/_internal/workshop_app/resources"
    assert "workshop-app/workshop-app" in names
    assert {f"{resources}/fonts/DejaVuSans.ttf", f"{resources}/sounds/chime-soft.wav"} <= names
    assert not any("/screenshots/" in name for name in names)
    assert not any(name.endswith(".qm") for name in names)  # Qt's translations left out

    folder = (ROOT / "dist" / "workshop-app").rglob("*")
    size = sum(f.stat().st_size for f in folder if f.is_file() and not f.is_symlink())
    assert size <= 250 * 2**20, f"the folder is {size / 2**20:.0f} MiB"
