"""Plurals: n_() (below the window) and trn() (the window) are THE plural helpers, with the
English plural written out (``n_("%n note", "%n notes", n)``) so a language with more forms
(Welsh has six) can translate each; no plural is made by hand anywhere else. (domain/wording.py,
the English-only helper they replaced, is gone.)"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "workshop_app"
#: Hand-made plurals left on purpose, by a piece of their text (none now).
LEFT: tuple[str, ...] = ()
#: The plural helpers: their singular/plural pair is how a plural is made (npN_ marks one of
#: argparse's, cli_words.py).
PLURAL_HELPERS = frozenset({"n_", "trn", "ngettext", "npgettext", "npN_"})
#: Translating a single message: a plural chosen between two of them is still made by hand.
TRANSLATE = frozenset({"_", "tr", "p_"})


# -- no plural by hand ------------------------------------------------------------------------

_ENDINGS = ("s", "es", "ies", "y", "")


def _render(node: ast.AST) -> str | None:
    """A branch of ``a if n == 1 else b`` as text: strings as written, values as "{}", names
    as themselves (``word + "s"`` -> "words"); None when it is not text at all."""
    if isinstance(node, ast.Constant):
        return node.value if isinstance(node.value, str) else None
    if isinstance(node, ast.JoinedStr):
        parts = [_render(v) if isinstance(v, ast.Constant) else "{}" for v in node.values]
        return "".join(p or "" for p in parts)
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Call):
        return _render_call(node)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _render(node.left), _render(node.right)
        return None if left is None or right is None else left + right
    if isinstance(node, ast.BoolOp):
        parts = [_render(v) for v in node.values]
        return None if None in parts else " ".join(p or "" for p in parts)
    return None


def _called(node: ast.Call) -> str | None:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else None


def _render_call(node: ast.Call) -> str:
    """``_("1 note")`` as its message, ``_("{n} notes").format(n=n)`` too (a plural chosen
    between two translated messages is made by hand); any other call is a value, "{}"."""
    func = node.func
    if isinstance(func, ast.Attribute) and func.attr == "format":
        inner = func.value
        if isinstance(inner, ast.Call) and _called(inner) in TRANSLATE:
            return _render_call(inner)
        return "{}"
    if _called(node) in TRANSLATE and node.args:
        text = _render(node.args[-1])
        return "{}" if text is None else text
    return "{}"


def _tests_one(node: ast.expr) -> bool:
    """``n == 1``, ``n != 1``, ``len(x) > 1``: a comparison with the number 1."""
    if not isinstance(node, ast.Compare):
        return False
    values = [node.left, *node.comparators]
    return any(isinstance(v, ast.Constant) and v.value == 1 for v in values)


def _words(text: str) -> set[str]:
    return set(re.findall(r"[A-Za-z]+", re.sub(r"\d+", "{}", text)))


def _plural_pair(one: str, other: str) -> bool:
    if one != other and {one, other} <= set(_ENDINGS):  # "note{'s' if n != 1 else ''}"
        return True
    for a, b in ((one, other), (other, one)):  # f"{n} {word}" / f"{n} {word}s"
        for i in range(len(b)):
            if any(b.startswith(e, i) and b[:i] + b[i + len(e) :] == a for e in ("s", "es")):
                return True
    for a, b in ((one, other), (other, one)):
        for word in _words(a):
            many = {word + "s", word + "es", word[:-1] + "ies", "people"}
            if many & _words(b):
                return True
    return False


def _pair_in_call(node: ast.Call) -> bool:
    """A call given a singular and its plural ("note", "notes") that is not a plural helper:
    a plural helper of its own, which a translation cannot reach."""
    if _called(node) in PLURAL_HELPERS:
        return False
    texts = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
    return any(
        _same_but_plural(one, other) for i, one in enumerate(texts) for other in texts[i + 1 :]
    )


def _same_but_plural(one: str, other: str) -> bool:
    """ "note"/"notes", "%n copy"/"%n copies": the whole text is the other with a plural
    ending (stricter than ``_plural_pair``: a call's texts are often two unrelated phrases)."""
    for a, b in ((one, other), (other, one)):
        if a.strip() and b in (a + "s", a + "es", a[:-1] + "ies"):
            return True
    return False


def hand_made_plurals(source: str) -> list[int]:
    """Lines of ``source`` that choose a singular or a plural word by comparing with 1, or
    that hand a singular and its plural to anything but n_()/trn()."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.IfExp) and _tests_one(node.test):
            body, orelse = _render(node.body), _render(node.orelse)
            if body is not None and orelse is not None and _plural_pair(body, orelse):
                lines.append(node.lineno)
        elif isinstance(node, ast.Call) and _pair_in_call(node):
            lines.append(node.lineno)
    return sorted(lines)


@pytest.mark.parametrize(
    "code",
    [
        "f\"{n} note{'s' if n != 1 else ''}\"",
        "f\"{n} note{'' if n == 1 else 's'}\"",
        'f"{n} note" if n == 1 else f"{n} notes"',
        '"1 file" if len(x) == 1 else f"{len(x)} files"',
        'f"{n} files" if n > 1 else "1 file"',
        "f\"{n} cop{'ies' if n != 1 else 'y'}\"",
        'word if len(items) == 1 else word + "s"',
        'f"{n} {word}" if n == 1 else f"{n} {word}s"',
        "f\"{n} {word if n == 1 else (many or word + 's')}\"",
        'plural = "s" if len(records) > 1 else ""',
        '"Add table" if n == 1 else f"Add {n} tables"',
        '_("1 note") if n == 1 else _("{n} notes").format(n=n)',
        'tr("%n note") if n == 1 else tr("%n notes")',
        'counted(n, "note", "notes")',
        'pick("%n note", "%n notes", n)',
    ],
)
def test_the_check_finds_a_plural_made_by_hand(code: str) -> None:
    assert hand_made_plurals(code) == [1]


@pytest.mark.parametrize(
    "code",
    [
        'records[0].id if len(records) == 1 else ""',
        '"" if attempt == 1 else f" ({attempt})"',
        'f"Add {plural(n, \'table\')}" if n > 1 else "Add table"',
        '"Star" if starred else "Unstar"',
        'n_("%n note", "%n notes", n)',
        'trn("%n note", "%n notes", len(notes))',
        'self.trn("%n agenda item", "%n agenda items", n)',
        'n_("%n note", "%n notes", n) if n else _("No notes")',
        '_("Saved") if n == 1 else _("Not saved")',
        'join("a", "b")',
    ],
)
def test_the_check_leaves_other_choices_alone(code: str) -> None:
    assert hand_made_plurals(code) == []


def test_no_plural_is_made_by_hand_outside_the_helper() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        for line in hand_made_plurals(source):
            near = "\n".join(lines[line - 1 : line + 3])
            if not any(piece in near for piece in LEFT):
                found.append(f"{path.relative_to(PACKAGE)}:{line}: {lines[line - 1].strip()}")
    assert not found, "plurals made by hand (use n_() or trn() with %n):\n" + "\n".join(found)
