"""One table of keys (``keymap.BINDINGS``) and everything that must agree with it: the shortcuts
installed in the real window (every page and Plan section built, the presenter display open),
one owner per key in every context, README's key tables, the words on screen, and Help ▸
Keyboard Shortcuts (F1), opened and searched with real key events."""

from __future__ import annotations

import ast
import os
import re
from collections import defaultdict
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.shell.shortcut_walk import clashes, owners
from workshop_app.ui.common import keymap
from workshop_app.ui.common.text import apply_text_size
from workshop_app.ui.plan.page import SECTIONS
from workshop_app.ui.shell.help_keys import KeysDialog
from workshop_app.ui.shell.main_window import MainWindow
from workshop_app.ui.shell.modes import MODES

ROOT = Path(__file__).resolve().parents[3]
UI = ROOT / "workshop_app" / "ui"
PORTABLE = QKeySequence.SequenceFormat.PortableText


def _portable(key: str) -> str:
    return QKeySequence(key).toString(PORTABLE)


def _everything_built(window: MainWindow) -> list[QWidget]:
    """Build every page and Plan section and open the presenter display; the windows to walk."""
    assert window.open_demo()
    assert window.workspace is not None
    for mode in MODES:
        window.workspace.page(mode)
    plan = window.workspace.page("plan")
    for section in SECTIONS:
        plan.editor(section)  # type: ignore[attr-defined]
    presenter = window.workspace.page("run").open_presenter()  # type: ignore[attr-defined]
    return [window, presenter]


# -- the table itself ------------------------------------------------------------------------


def test_every_key_parses_and_no_two_bindings_of_one_place_share_a_key() -> None:
    """A key that works "anywhere" in a mode (or in every mode, for the window's) has no other
    binding in that mode; others may share a key only in different places."""
    seen: dict[str, list[keymap.KeyBinding]] = defaultdict(list)
    for entry in keymap.BINDINGS:
        assert entry.id.count(".") == 1 and entry.mode in keymap.MODE_TITLES, entry.id
        assert entry.does and entry.place and entry.keys, entry.id
        for key in entry.keys:
            assert QKeySequence(key).count() == 1, f"{entry.id}: {key!r}"
            seen[_portable(key)].append(entry)
    assert len(keymap.BY_ID) == len(keymap.BINDINGS)
    for key, entries in seen.items():
        for i, a in enumerate(entries):
            for b in entries[i + 1 :]:
                if a is b:  # Enter and Return, one binding
                    continue
                global_ = "window" in (a.mode, b.mode)
                one_place = a.mode == b.mode and (
                    keymap.ANYWHERE in (a.place, b.place) or a.place == b.place
                )
                assert not (global_ or one_place), f"{key}: {a.id} / {b.id}"


# -- installed in the app ----------------------------------------------------------------------


def test_every_installed_key_comes_from_the_table(make_window) -> None:
    """Every action and QShortcut with a key, in the main window and the presenter display,
    was installed from a binding (same keys, same context); every binding not read by its
    widget is installed somewhere."""
    windows = _everything_built(make_window())
    contexts = {
        keymap.WINDOW: Qt.ShortcutContext.WindowShortcut,
        keymap.CHILDREN: Qt.ShortcutContext.WidgetWithChildrenShortcut,
        keymap.WIDGET: Qt.ShortcutContext.WidgetShortcut,
    }
    installed: dict[str, set[str]] = defaultdict(set)
    strays = []
    for window in windows:
        assert window.findChildren(QShortcut) == []  # shortcuts are actions, from the table
        for owner in owners(window):
            if not isinstance(owner.owner, QAction) or owner.name.startswith("menu "):
                continue
            action = owner.owner
            binding_id = action.property("keymap_id")
            if binding_id not in keymap.BY_ID:
                strays.append(f"{owner.key}: {owner.name}")
                continue
            entry = keymap.binding(binding_id)
            assert _portable(owner.key) in {_portable(k) for k in entry.keys}, binding_id
            assert action.shortcutContext() == contexts[entry.context], binding_id
            installed[binding_id].add(_portable(owner.key))
    assert strays == []
    for entry in keymap.BINDINGS:
        if entry.context == keymap.HANDLED:
            assert entry.id not in installed, f"{entry.id} is said to be read by its widget"
        else:
            assert installed[entry.id] == {_portable(k) for k in entry.keys}, entry.id


def test_no_key_has_two_owners_in_one_context(make_window) -> None:
    """Walks every action, shortcut and mnemonic of the main window (every page and Plan
    section built) and of the presenter display: two owners of one key that can act at one
    focus make Qt refuse both ("Ambiguous shortcut overload")."""
    windows = _everything_built(make_window())
    assert [clashes(window) for window in windows] == [[], []]
    ctrl_n = {o.name for o in owners(windows[0]) if o.key == "Ctrl+N"}
    assert ctrl_n == {"Add speaker", "Add question", "Add table", "Add agenda item"}


def test_the_walk_sees_a_clash_when_there_is_one(make_window) -> None:
    """The check above can fail: a second window-wide Ctrl+Shift+N, or a label whose Alt+F is
    the File menu's, are both reported."""
    window, _presenter = _everything_built(make_window())
    extra = QAction("Another new", window)
    extra.setShortcut(QKeySequence("Ctrl+Shift+N"))
    window.workspace.addAction(extra)  # type: ignore[union-attr]
    label = QLabel("&Format:", window.workspace.page("capture"))  # type: ignore[union-attr]
    label.setBuddy(window.workspace.page("capture").entry.box)  # type: ignore[union-attr]
    found = clashes(window)
    assert "Ctrl+Shift+N: New event… / Another new" in found
    assert "Alt+F: menu &File / mnemonic &Format:" in found


# -- nowhere else ----------------------------------------------------------------------------

KEY_WORDS = re.compile(r"\b(?:Ctrl|Alt|Shift)\+\S|\bF\d{1,2}\b|\bDel\b")


def _texts(tree: ast.AST) -> list[tuple[int, str]]:
    """The string constants of a module that are not docstrings."""
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def test_no_key_is_set_or_written_outside_the_table() -> None:
    """No ``setShortcut``, ``QShortcut`` or standard key outside keymap.py, and no text shown
    to people names a key by itself ("press Ctrl+N"): it asks the table, so it cannot drift."""
    found = []
    for path in sorted(UI.rglob("*.py")):
        if path.name == "keymap.py":
            continue
        source = path.read_text(encoding="utf-8")
        rel = path.relative_to(ROOT)
        for number, line in enumerate(source.splitlines(), start=1):
            code = line.split("#", 1)[0]
            if re.search(r"setShortcuts?\(|QShortcut\(|StandardKey\.", code):
                found.append(f"{rel}:{number}: {line.strip()}")
        for number, text in _texts(ast.parse(source)):
            if KEY_WORDS.search(text):
                found.append(f"{rel}:{number}: {text!r}")
    assert found == []


# -- README ------------------------------------------------------------------------------------


def test_readme_key_tables_are_the_table() -> None:
    """Each mode's table in README.md follows its marker and is exactly what ``keymap`` makes
    (run `python -m workshop_app.ui.common.keymap --readme README.md` after changing a key)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    tables = keymap.readme_tables(text)
    for mode in keymap.MODE_TITLES:
        assert tables[mode] == keymap.markdown(mode), mode
    assert keymap.rewrite_readme(text) == text
    assert "**F1** (Help ▸ Keyboard Shortcuts)" in text


def test_readme_rewrite_mends_a_drifted_table() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    drifted = text.replace("| F5 | the presenter display on or off |", "| F6 | presenter |")
    assert drifted != text
    assert keymap.readme_tables(drifted)["run"] != keymap.markdown("run")
    assert keymap.rewrite_readme(drifted) == text


# -- on screen -------------------------------------------------------------------------------


def test_the_hints_on_screen_are_written_from_the_table(make_window) -> None:
    window, _presenter = _everything_built(make_window())
    assert window.workspace is not None
    plan = window.workspace.page("plan").keys_hint.text()  # type: ignore[attr-defined]
    for binding_id in ("plan.into", "plan.sections", "plan.add", "plan.edit", "plan.delete"):
        assert f"{keymap.shown(binding_id)}: " in plan, binding_id
    capture = window.workspace.page("capture").entry.hint.text()  # type: ignore[attr-defined]
    for entry in keymap.of_mode("capture"):
        if entry.id not in ("capture.card_kind", "capture.follow", "capture.table",
                            "capture.restore", "capture.next"):  # fmt: skip
            assert entry.shown in capture, entry.id
    run = window.workspace.page("run")
    strip = next(w.text() for w in run.findChildren(QLabel) if w.accessibleName() == "Keys")
    for name in run.keys:  # type: ignore[attr-defined]
        assert keymap.keys_of(f"run.{name}")[0].replace("-", "−") in strip, name


# -- Help ▸ Keyboard Shortcuts -------------------------------------------------------------


def _press_f1(qtbot: QtBot, window: MainWindow) -> KeysDialog:
    widget = QApplication.focusWidget() or window
    qtbot.keyClick(widget, Qt.Key.Key_F1)
    dialog = window.keys_dialog
    assert isinstance(dialog, KeysDialog)
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


@pytest.mark.parametrize("mode", ["plan", "run", "capture", "report"])
def test_f1_lists_every_key_of_every_mode_from_any_mode(
    make_window, qtbot: QtBot, mode: str
) -> None:
    window = make_window()
    assert window.open_demo()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.workspace.set_mode(mode, focus=True)  # type: ignore[union-attr]
    dialog = _press_f1(qtbot, window)
    assert dialog.shown_ids() == [b.id for b in keymap.BINDINGS]
    for mode_name, group in dialog.groups.items():
        assert group.text(0).startswith(keymap.MODE_TITLES[mode_name])
        rows = [[group.child(i).text(c) for c in range(3)] for i in range(group.childCount())]
        assert rows == [[b.shown, b.place, b.does] for b in keymap.of_mode(mode_name)]
        for i in range(group.childCount()):
            spoken = group.child(i).data(0, Qt.ItemDataRole.AccessibleTextRole)
            assert spoken.startswith(rows[i][0]) and rows[i][2] in spoken
    assert dialog.tree.accessibleName() and dialog.find_box.accessibleName()
    assert QApplication.focusWidget() is dialog.find_box
    qtbot.keyClick(dialog.find_box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.keys_dialog is None)


def test_typing_in_help_finds_a_key(make_window, qtbot: QtBot) -> None:
    window = make_window()
    window.show_welcome()  # no event open: F1 works on the welcome screen too
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    dialog = _press_f1(qtbot, window)
    qtbot.keyClicks(dialog.find_box, "unstar")
    assert dialog.shown_ids() == ["capture.star", "board.star"]
    dialog.find_box.clear()
    qtbot.keyClicks(dialog.find_box, "presenter")
    # the Run group says "on the presenter display too"
    assert dialog.shown_ids() == [b.id for b in keymap.of_mode("run")]
    dialog.find_box.clear()
    qtbot.keyClicks(dialog.find_box, "f5")
    assert dialog.shown_ids() == ["run.present"]
    dialog.find_box.clear()
    qtbot.keyClicks(dialog.find_box, "zebra")
    assert dialog.shown_ids() == [] and dialog.nothing.isVisible()
    assert "zebra" in dialog.nothing.text()
    dialog.find_box.clear()
    assert len(dialog.shown_ids()) == len(keymap.BINDINGS) and not dialog.nothing.isVisible()


def test_help_text_follows_the_text_size(make_window, qtbot: QtBot) -> None:
    window = make_window()
    window.show_welcome()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    normal = _press_f1(qtbot, window)
    small = normal.tree.fontInfo().pointSizeF()
    normal.close()
    qtbot.waitUntil(lambda: window.keys_dialog is None)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    apply_text_size(6)
    try:
        larger = _press_f1(qtbot, window)
        assert larger.tree.fontInfo().pointSizeF() >= small + 5
    finally:
        apply_text_size(0)


def test_grab_the_keyboard_shortcuts(make_window, qtbot: QtBot, tmp_path: Path) -> None:
    """README's picture of Help ▸ Keyboard Shortcuts. To refresh it:
    WORKSHOP_SCREENSHOTS=resources/screenshots pytest tests/ui/shell/test_keymap.py -k grab"""
    window = make_window()
    assert window.open_demo()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    dialog = _press_f1(qtbot, window)
    dialog.resize(1000, 760)
    qtbot.wait(50)
    image = dialog.grab().toImage()
    folder = Path(os.environ.get("WORKSHOP_SCREENSHOTS") or tmp_path)
    target = folder / "keyboard-shortcuts.png"
    assert image.save(str(target))
    assert target.stat().st_size > 10_000
