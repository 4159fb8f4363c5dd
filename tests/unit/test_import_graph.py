"""The package's import graph has no loops and points down the layers (docs/architecture.md).

The graph is read with ``ast`` from the source: every ``import`` of a workshop_app module that
runs, at module level and inside functions alike. An import moved into a function to dodge a
loop is still a loop, and shows up here as a cycle. Function-level imports stay legitimate for
startup laziness (the window paints before storage, the mode pages or the templates load); they
pass as long as they close no loop. Imports under ``if TYPE_CHECKING:`` never run and are left
out: naming a type is how a module may refer to one above it (STYLE.md), with one exception
checked below: nothing but the entry point names the main window, which drives everything
and is driven by nothing (its menus', laptops' and sharing's slots are handed what they need).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "workshop_app"
NAME = PACKAGE.name

#: Lower layers never import higher ones: domain -> storage -> report -> ui -> the entry points.
#: ``paths`` (every folder the app uses) sits beside storage: domain may not touch the disk.
#: ``version`` (the one version number, read from pyproject.toml or the metadata) is a leaf,
#: and so is ``i18n`` (the words in the chosen language), which every layer uses.
LAYERS = {"domain": 0, "version": 0, "i18n": 0, "paths": 1, "storage": 1, "report": 2, "ui": 3}
ENTRY = 4  # cli*.py, __main__.py: may import everything

#: Function-level imports of our own modules that would close a loop, each with its reason.
#: Empty: keep it that way (hand in what is needed instead; see STYLE.md).
ALLOWED_LOOPS: dict[tuple[str, str], str] = {}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def all_modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


class Import:
    """One import statement naming a module of ours: inside a function, or for type checkers
    only (under ``if TYPE_CHECKING:``)?"""

    def __init__(
        self, target: str, line: int, in_function: bool, *, typing_only: bool = False
    ) -> None:
        self.target, self.line, self.in_function = target, line, in_function
        self.typing_only = typing_only


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _resolve(name: str, modules: dict[str, Path]) -> str | None:
    """The module of ours ``name`` is, or lies in (``a.b.C`` -> ``a.b``)."""
    while name:
        if name in modules:
            return name
        name = name.rpartition(".")[0]
    return None


def imports_of(module: str, modules: dict[str, Path]) -> Iterator[Import]:
    path = modules[module]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]

    def visit(node: ast.AST, in_function: bool) -> Iterator[Import]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child.test):
                yield from (
                    Import(found.target, found.line, found.in_function, typing_only=True)
                    for part in child.body
                    for found in visit(ast.Module(body=[part], type_ignores=[]), in_function)
                )
                for part in child.orelse:
                    yield from visit(ast.Module(body=[part], type_ignores=[]), in_function)
                continue
            nested = in_function or isinstance(
                child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda
            )
            names: list[str] = []
            if isinstance(child, ast.Import):
                names = [alias.name for alias in child.names]
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    anchor = package.split(".")[: len(package.split(".")) - child.level + 1]
                    base = ".".join([*anchor, base] if base else anchor)
                # ``from a import b`` imports module a.b when b is one, else a itself.
                names = [f"{base}.{alias.name}" for alias in child.names]
            for name in names:
                target = _resolve(name, modules)
                if target is not None and target != module:
                    yield Import(target, child.lineno, nested)
            yield from visit(child, nested)

    yield from visit(tree, False)


def graph(*, typing_only: bool = False) -> dict[str, dict[str, Import]]:
    """Module -> the modules of ours it imports when run (``typing_only``: or names for type
    checkers). Importing a.b.c also runs a/__init__ and a/b/__init__; those are not edges the
    code chose and are left out."""
    modules = all_modules()
    edges: dict[str, dict[str, Import]] = {name: {} for name in modules}
    for name in modules:
        for found in imports_of(name, modules):
            if typing_only or not found.typing_only:
                edges[name].setdefault(found.target, found)
    return edges


def cycles(edges: dict[str, dict[str, Import]]) -> list[list[str]]:
    """Every strongly connected component of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def strong(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in edges[node]:
            if (node, target) in ALLOWED_LOOPS:
                continue
            if target not in index:
                strong(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            strong(node)
    return found


def layer(module: str) -> int:
    if module == NAME:
        return 0  # the package's __init__: its version and nothing else
    return LAYERS.get(module.split(".")[1], ENTRY)


def test_the_graph_sees_imports_of_every_kind() -> None:
    """The reader itself: module-level, function-level and TYPE_CHECKING imports."""
    edges = graph()
    assert "workshop_app.storage.document" in edges["workshop_app.ui.document_model"]
    lazy = edges["workshop_app.ui.shell.workspace"]["workshop_app.ui.plan.page"]
    assert lazy.in_function
    assert "workshop_app.ui.board.page" not in edges["workshop_app.ui.board.keys"]
    assert graph(typing_only=True)["workshop_app.ui.board.keys"]["workshop_app.ui.board.page"]
    assert len(edges) == len(all_modules()) > 100


def test_no_import_loops() -> None:
    loops = cycles(graph())
    edges = graph()
    described = [
        " <-> ".join(loop)
        + ": "
        + "; ".join(
            f"{source} imports {target} (line {edges[source][target].line}"
            + (", inside a function)" if edges[source][target].in_function else ")")
            for source in loop
            for target in loop
            if target in edges[source]
        )
        for loop in loops
    ]
    assert described == []


def test_no_import_climbs_a_layer() -> None:
    edges = graph()
    climbing = [
        f"{source} imports {target} (line {found.line})"
        for source, targets in edges.items()
        for target, found in targets.items()
        if layer(target) > layer(source)
    ]
    assert climbing == []


def test_nothing_below_the_entry_point_names_the_main_window() -> None:
    """Not even for types: the window hands its menus', laptops' and sharing's slots what they
    need (dialogs, status bar, a way to the open model), so none of them reaches back into it."""
    window = "workshop_app.ui.shell.main_window"
    naming = sorted(
        f"{source} (line {targets[window].line})"
        for source, targets in graph(typing_only=True).items()
        if window in targets and source != "workshop_app.ui.app"
    )
    assert naming == []


def test_allowed_loops_are_still_needed() -> None:
    """An entry of ALLOWED_LOOPS whose import is gone is removed from the list too."""
    edges = graph()
    stale = [pair for pair in ALLOWED_LOOPS if pair[1] not in edges.get(pair[0], {})]
    assert stale == []
