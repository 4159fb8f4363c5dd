"""ui/ names modes and note kinds by their StrEnum members (``Mode``, ``NoteKind``), never as
bare strings: a typo in a member is an error at import and in mypy, a typo in a string is a
silent miss. Read with ``ast``: docstrings may spell the values out, code may not."""

from __future__ import annotations

import ast
from pathlib import Path

from workshop_app.domain.records import NoteKind
from workshop_app.ui.shell.modes import Mode

UI = Path(__file__).resolve().parents[2] / "workshop_app" / "ui"
#: Strings that equal a value by chance, each with its reason. ("question" is left out of the
#: kinds looked for: it is also what the Board calls a Question's row.)
ALLOWED = {
    ("report/worker.py", "report"): "the report thread's name prefix",
}
VALUES = {*Mode, *(kind for kind in NoteKind if kind != NoteKind.QUESTION)}


def _bare_values(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and node.value in VALUES
        and id(node) not in docstrings
    ]


def test_ui_names_modes_and_kinds_by_their_members() -> None:
    found = [
        f"{path.relative_to(UI)}:{line}: {value!r}"
        for path in sorted(UI.rglob("*.py"))
        if path.name != "modes.py"  # where the members are defined
        for line, value in _bare_values(path)
        if (path.relative_to(UI).as_posix(), value) not in ALLOWED
    ]
    assert found == []
