"""Modules stay small enough to read in one sitting: none in workshop_app/ is over 500 lines
(docs/architecture.md; most are under 300). A module that grows past it is split by role."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "workshop_app"
LIMIT = 500
#: Modules allowed over the limit, each with the reason why (none today).
EXCEPTIONS: dict[str, str] = {}


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_no_module_is_over_500_lines() -> None:
    too_long = {
        path.relative_to(PACKAGE).as_posix(): _lines(path)
        for path in sorted(PACKAGE.rglob("*.py"))
        if _lines(path) > LIMIT and path.relative_to(PACKAGE).as_posix() not in EXCEPTIONS
    }
    assert not too_long, f"over {LIMIT} lines, split by role: {too_long}"


def test_every_exception_is_still_over_the_limit() -> None:
    for name in EXCEPTIONS:
        assert _lines(PACKAGE / name) > LIMIT, f"{name} is back under {LIMIT}: drop its exception"
