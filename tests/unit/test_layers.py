"""The layers of docs/architecture.md hold: imports point down only, and Qt lives in ui/ alone."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "workshop_app"


def _imports(path: Path) -> set[str]:
    """Every module a file imports at top level or inside functions."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _modules(folder: str) -> list[Path]:
    return sorted((PACKAGE / folder).rglob("*.py")) if folder else sorted(PACKAGE.glob("*.py"))


@pytest.mark.parametrize(
    ("folder", "forbidden"),
    [
        (
            "domain",
            (
                "workshop_app.storage",
                "workshop_app.report",
                "workshop_app.ui",
                "workshop_app.paths",
                "PySide6",
                "sqlite3",
                "sqlite_utils",
            ),
        ),
        ("storage", ("workshop_app.report", "workshop_app.ui", "PySide6")),
        ("report", ("workshop_app.ui", "PySide6")),
    ],
)
def test_lower_layers_do_not_import_upper_ones(folder: str, forbidden: tuple[str, ...]) -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in _modules(folder)
        for name in _imports(path)
        if name.startswith(forbidden)
    ]
    assert offenders == []


def test_qt_is_imported_only_in_ui() -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "ui" not in path.relative_to(PACKAGE).parts[:1]
        and any(name.startswith("PySide6") for name in _imports(path))
    ]
    assert offenders == []
