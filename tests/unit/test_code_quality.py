"""The code stays as clean as STYLE.md asks: ruff everywhere, mypy on the Qt-free layers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=300
    )


def test_ruff_finds_nothing() -> None:
    result = _run("ruff", "check", "workshop_app", "tests")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean_on_domain_storage_and_report() -> None:
    result = _run(
        "mypy",
        "--ignore-missing-imports",
        "--no-error-summary",
        "workshop_app/domain",
        "workshop_app/storage",
        "workshop_app/report",
    )
    assert result.returncode == 0, result.stdout + result.stderr
