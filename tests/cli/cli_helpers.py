"""Helpers shared by the CLI tests: run the command in-process, and check the one-line error."""

from __future__ import annotations

import pytest

from workshop_app.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(code: int, err: str, *needles: str) -> None:
    """One ``error:`` line; only a JSON file's further problems may follow, one per line,
    indented, when that line says there are more."""
    assert code == 2
    lines = err.rstrip("\n").splitlines()
    assert lines[0].startswith("workshop-app: error: "), err
    if len(lines) > 1:
        assert "more problem" in lines[0], err
        assert all(line.startswith("  ") and line.strip() for line in lines[1:]), err
    assert "Traceback" not in err
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
