"""Every call of the translation functions can be extracted, and none runs at import time.

- The message of ``_``, ``N_``, ``p_``, ``n_``, ``tr`` and ``trn`` is one literal string: the
  extractor (packaging/catalogue.py) reads the source, so an f-string, a concatenation, a
  ``.format`` or a ``%`` inside the call is a message the catalogue never holds.
- ``_(x)`` / ``tr(x)`` of a variable is allowed for a table marked with ``N_`` (``_(LABELS[k])``):
  a name, an attribute or a subscript; a table's ``.get(key, default)``; a field of a record
  a plain function looks up (``kind_style(kind).word``); or a choice between such lookups.
  No other call (``str(x)``, ``x.upper()``), f-string or operator.
- No ``_``/``n_``/``p_``/``tr``/``trn`` call at module level, in a class body or in a default
  argument: those run at import, before the language is chosen (``N_`` is for them).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "workshop_app"
#: Message positions (0-based) of each translation function.
MESSAGES: dict[str, tuple[int, ...]] = {
    "_": (0,),
    "N_": (0,),
    "tr": (0,),
    "p_": (0, 1),
    "n_": (0, 1),
    "trn": (0, 1),
}
#: Functions that translate when called (N_ only marks).
TRANSLATING = frozenset(MESSAGES) - {"N_"}
#: Where a variable message is allowed: the table lookups of N_-marked strings.
VARIABLE_OK = frozenset({"_", "tr"})


def _name(call: ast.Call) -> str | None:
    return call.func.id if isinstance(call.func, ast.Name) else None


def _is_literal(node: ast.expr) -> bool:
    """One plain string, as the extractor sees it (implicit concatenation of literals is one
    Constant in the AST, so it is fine)."""
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _is_key(node: ast.expr) -> bool:
    """A key or default of a lookup: a constant, a lookup, or an N_-marked literal."""
    marked = isinstance(node, ast.Call) and _name(node) == "N_"
    return isinstance(node, ast.Constant) or _is_lookup(node) or marked


def _is_lookup(node: ast.expr) -> bool:
    """A name, an attribute or a subscript of those; ``table.get(key, default)``; a field of
    what a plain function looks up (``kind_style(kind).word``); or ``a if c else b`` of those.
    No other call, f-string or operator."""
    if isinstance(node, ast.Name):
        return True
    if isinstance(node, ast.Attribute):
        value = node.value
        if isinstance(value, ast.Call) and isinstance(value.func, ast.Name):
            return not value.keywords and all(_is_key(arg) for arg in value.args)
        return _is_lookup(value)
    if isinstance(node, ast.Subscript):
        return _is_lookup(node.value) and _is_key(node.slice)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        table = node.func
        return (
            table.attr == "get"
            and _is_lookup(table.value)
            and not node.keywords
            and all(_is_key(arg) for arg in node.args)
        )
    if isinstance(node, ast.IfExp):
        return _is_lookup(node.body) and _is_lookup(node.orelse)
    return False


def _message_problems(call: ast.Call, name: str) -> list[str]:
    problems = []
    for position in MESSAGES[name]:
        if position >= len(call.args):
            if not call.keywords:
                problems.append(f"{name}() without its message")
            continue
        arg = call.args[position]
        if _is_literal(arg):
            continue
        if name in VARIABLE_OK and len(MESSAGES[name]) == 1 and _is_lookup(arg):
            continue
        problems.append(f"{name}() with a message that is not one literal string")
    return problems


class _Checker(ast.NodeVisitor):
    """Walks a module, knowing whether it is inside a function body (where translating is
    fine) or at import time (module level, class body, default argument, decorator)."""

    def __init__(self) -> None:
        self.problems: list[tuple[int, str]] = []
        self.in_function = False

    def visit_Call(self, node: ast.Call) -> None:
        name = _name(node)
        if name in MESSAGES:
            self.problems.extend((node.lineno, p) for p in _message_problems(node, name))
            if name in TRANSLATING and not self.in_function:
                self.problems.append((node.lineno, f"{name}() runs at import time (use N_)"))
        self.generic_visit(node)

    def _visit_function(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) -> None:
        # defaults and decorators are evaluated where the function is defined
        for default in [*node.args.defaults, *node.args.kw_defaults]:
            if default is not None:
                self.visit(default)
        if not isinstance(node, ast.Lambda):
            for decorator in node.decorator_list:
                self.visit(decorator)
        outer, self.in_function = self.in_function, True
        body = node.body if isinstance(node.body, list) else [node.body]
        for statement in body:
            self.visit(statement)
        self.in_function = outer

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self._visit_function(node)

    def visit_AsyncFunctionDef(self, node: ast.AsyncFunctionDef) -> None:
        self._visit_function(node)

    def visit_Lambda(self, node: ast.Lambda) -> None:
        self._visit_function(node)

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        outer, self.in_function = self.in_function, False  # a class body runs at import
        self.generic_visit(node)
        self.in_function = outer


def problems_in(source: str) -> list[tuple[int, str]]:
    checker = _Checker()
    checker.visit(ast.parse(source))
    return sorted(checker.problems)


BAD = [
    'def f(n):\n    return _(f"{n} notes")',
    'def f(n):\n    return _("Saved at " + t)',
    'def f(t):\n    return _("Saved at {t}".format(t=t))',
    'def f(t):\n    return _("Saved at %s" % t)',
    'def f(n):\n    return n_("%n note", f"%n note{s}", n)',
    "def f(n):\n    return n_(singular, plural, n)",
    'def f(n):\n    return trn("%n note", "%n notes" + "", n)',
    'def f():\n    return p_("menu", "File" + suffix)',
    "def f(k):\n    return _(labels(k))",
    "def f(k):\n    return tr(LABELS[k.lower()])",
    'TITLE = _("Welcome")',
    'class Page:\n    title = tr("Welcome")',
    'def f(title=_("Untitled")):\n    return title',
    'def f(*, title=tr("Untitled")):\n    return title',
    'X = [n_("%n note", "%n notes", n) for n in (1, 2)]',
    'N_(f"{kind} note")',
    "def f(x):\n    return tr(str(x))",
    "def f(x):\n    return tr(x.upper())",
    'def f(x):\n    return tr("Start" if x else "Pause")',
    "def f(k):\n    return tr(kind_style(k.lower()).word)",
]

GOOD = [
    'def f(t):\n    return _("Saved at {time}").format(time=t)',
    'def f(n):\n    return n_("%n note", "%n notes", n)',
    'def f(n):\n    return trn("%n note", "%n notes", n)',
    'def f():\n    return p_("menu", "File")',
    "def f(k):\n    return _(LABELS[k])",
    "def f(self):\n    return tr(self.title)",
    'LABELS = {"a": N_("Apple"), "b": N_("Banana")}',
    'def f():\n    return _("one long message that goes on "\n             "over two lines")',
    'class Page:\n    def title(self):\n        return tr("Welcome")',
    'X = lambda: _("Later")',
    "def f(k):\n    return tr(kind_style(k).word)",
    'def f(k):\n    return _(KINDS.get(k, KINDS["other"]))',
    "def f(done, k):\n    return tr(FINISHED if done else PHASES.get(k, IDLE).word)",
]


@pytest.mark.parametrize("source", BAD)
def test_the_lint_finds_a_bad_call(source: str) -> None:
    assert problems_in(source), source


@pytest.mark.parametrize("source", GOOD)
def test_the_lint_leaves_a_good_call_alone(source: str) -> None:
    assert problems_in(source) == [], source


def test_every_translation_call_in_the_package_is_extractable_and_not_at_import_time() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for line, problem in problems_in(path.read_text(encoding="utf-8")):
            found.append(f"{path.relative_to(PACKAGE)}:{line}: {problem}")
    assert not found, "translation calls the catalogue cannot use:\n" + "\n".join(found)
