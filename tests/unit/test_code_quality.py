"""The code stays as clean as STYLE.md asks: ruff everywhere, mypy over the whole package.

The same checks run before each commit (.pre-commit-config.yaml); their settings are
pyproject.toml's, so this test, the hooks and an editor agree."""

from __future__ import annotations

import re
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


def test_ruff_format_is_clean() -> None:
    result = _run("ruff", "format", "--check", "workshop_app", "tests")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean_over_the_whole_package() -> None:
    """ui/ included, against PySide6's own stubs; options in pyproject's [tool.mypy]."""
    result = _run("mypy", "--config-file", "pyproject.toml", "workshop_app")
    assert result.returncode == 0, result.stdout + result.stderr
    checked = re.search(r"no issues found in (\d+) source files", result.stdout)
    assert checked is not None, result.stdout
    assert int(checked[1]) == len(list((ROOT / "workshop_app").rglob("*.py")))  # none left out


def test_pre_commit_runs_the_same_checks_offline() -> None:
    """The hooks run this environment's ruff and mypy (nothing to download): the checks above."""
    config = (ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    entries = re.findall(r"^\s+entry: (.+)$", config, flags=re.MULTILINE)
    assert entries == [
        "python -m ruff check --force-exclude",
        "python -m ruff format --force-exclude",
        "python -m mypy workshop_app",
    ]
    assert "repo: local" in config and "language: system" in config
    assert re.findall(r"^\s+- repo: (.+)$", config, flags=re.MULTILINE) == ["local"]
