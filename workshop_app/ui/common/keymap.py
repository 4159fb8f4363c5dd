"""Every key of the app, in one table: what installs the shortcuts, the on-screen hints,
Help ▸ Keyboard Shortcuts and README's key tables all read ``BINDINGS``, so none can drift.

A binding says where its key works in words (``place``), the keys (Qt's portable text, as
``QKeySequence`` reads it; "Ctrl" is Cmd on a Mac), what it does, and how Qt is told:
``context`` is the shortcut context ``install`` sets (``WINDOW``: anywhere in the window while
its page is shown; ``CHILDREN``: while the focus is inside the owning widget; ``WIDGET``: while
the owning widget itself has the focus), or ``HANDLED`` for a key a widget reads itself (Enter
in the note box, F2 in a list, Tab), which is listed but not installed.

Keys are written out rather than taken from ``QKeySequence.StandardKey``: the standard keys
differ by platform (and are empty on some), so the app, Help and the README would disagree.

``python -m workshop_app.ui.common.keymap --markdown`` prints README's tables;
``--readme README.md`` rewrites them in place (a test fails when they differ).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from workshop_app.ui.shell.modes import Mode

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QAction, QKeyEvent
    from PySide6.QtWidgets import QToolButton, QWidget

WINDOW, CHILDREN, WIDGET, HANDLED = "window", "children", "widget", "handled"
ANYWHERE = "anywhere"

#: Each mode's title, in the order Help and README list them.
MODE_TITLES: dict[str, str] = {
    "window": "Everywhere",  # the window's own keys ("window.new"): not a mode
    Mode.PLAN: "Plan",
    Mode.RUN: "Run",
    Mode.CAPTURE: "Capture",
    Mode.BOARD: "Board",
}


@dataclass(frozen=True)
class KeyBinding:
    """One command's keys; ``id`` is "mode.name", what install sites ask for."""

    id: str
    place: str
    keys: tuple[str, ...]
    does: str
    context: str = WINDOW
    #: How people read the keys, when not "A or B" (e.g. "Alt+1…5").
    written: str = ""

    @property
    def mode(self) -> str:
        return self.id.split(".", 1)[0]

    @property
    def shown(self) -> str:
        return self.written or " or ".join(_people(k) for k in self.keys)


def _people(key: str) -> str:
    return key.replace("PgDown", "PgDn").replace("Return", "Enter")


def _b(
    id_: str,
    place: str,
    keys: str | tuple[str, ...],
    does: str,
    context: str = WINDOW,
    written: str = "",
) -> KeyBinding:
    return KeyBinding(
        id_, place, (keys,) if isinstance(keys, str) else keys, does, context, written
    )


KIND_KEYS = tuple(f"Alt+{n}" for n in range(1, 6))
NOTE_BOX, CARD, TRASH_CARD = "note box", "a card", "a card in Trash"
BOARD_VIEW, TITLE_BOX = "the outline or the canvas", "a theme's title"
DOTS_VIEW = "the outline or the canvas, in dot voting"
CANVAS = "the canvas"
LIST, SECTION = "a list", "anywhere in a section"

# fmt: off
BINDINGS: tuple[KeyBinding, ...] = (
    # -- the window's menus: anywhere in the window ------------------------------------------
    _b("window.new", ANYWHERE, "Ctrl+Shift+N", "File ▸ New event…, from a template"),
    _b("window.open", ANYWHERE, "Ctrl+O", "File ▸ Open… an event file"),
    _b("window.save", ANYWHERE, "Ctrl+S", "File ▸ Save: says when every change was saved"),
    _b("window.close", ANYWHERE, "Ctrl+W", "File ▸ Close Event, back to the welcome screen"),
    _b("window.quit", ANYWHERE, "Ctrl+Q", "File ▸ Quit"),
    _b("window.undo", ANYWHERE, "Ctrl+Z", "Edit ▸ Undo (the menu names the step)"),
    _b("window.redo", ANYWHERE, ("Ctrl+Shift+Z", "Ctrl+Y"), "Edit ▸ Redo"),
    _b("window.mode_plan", ANYWHERE, "Ctrl+1", "Plan mode"),
    _b("window.mode_run", ANYWHERE, "Ctrl+2", "Run mode"),
    _b("window.mode_capture", ANYWHERE, "Ctrl+3", "Capture mode"),
    _b("window.mode_board", ANYWHERE, "Ctrl+4", "Board mode"),
    _b("window.mode_report", ANYWHERE, "Ctrl+5", "Report mode"),
    _b("window.larger", ANYWHERE, ("Ctrl++", "Ctrl+="), "View ▸ Larger Text"),
    _b("window.smaller", ANYWHERE, "Ctrl+-", "View ▸ Smaller Text"),
    _b("window.reset_text", ANYWHERE, "Ctrl+0", "View ▸ Reset Text Size"),
    _b("window.keys", ANYWHERE, "F1", "Help ▸ Keyboard Shortcuts: every key of every mode"),
    # -- Plan ---------------------------------------------------------------------------------
    _b("plan.into", "the section list", "Tab", "into the section", HANDLED),
    _b("plan.sections", SECTION, "Alt+Left", "back to the section list", CHILDREN),
    _b("plan.add", "Speakers, Questions, Tables, Agenda", ("Ctrl+N", "Insert"),
       "add a row and start typing in it", CHILDREN),
    _b("plan.add_tables", "Tables section", "Ctrl+Shift+T", "add several tables at once", CHILDREN),
    _b("plan.edit", LIST, "F2",
       "edit the cell (on one worked out from elsewhere, such as a question's prompt or an "
       "agenda item's start, go to the field that sets it)", HANDLED),
    _b("plan.delete", LIST, "Delete", "remove the row (it asks first when notes are attached)",
       WIDGET),
    _b("plan.move_up", LIST, "Alt+Up", "move the row up", WIDGET),
    _b("plan.move_down", LIST, "Alt+Down", "move the row down", WIDGET),
    # -- Run: anywhere on the Run page and on the presenter display ---------------------------
    _b("run.toggle", ANYWHERE, "Space", "start, pause or resume the countdown"),
    _b("run.more", ANYWHERE, ("+", "="), "add a minute", written="+ (or =)"),
    _b("run.less", ANYWHERE, "-", "take a minute off"),
    _b("run.more5", ANYWHERE, "Shift+Up", "add five minutes"),
    _b("run.less5", ANYWHERE, "Shift+Down", "take five minutes off"),
    _b("run.next", ANYWHERE, "N", "end this item and go to the next (the clock keeps running "
       "if it was)"),
    _b("run.previous", ANYWHERE, "P", "back to the previous item"),
    _b("run.reset", ANYWHERE, "R", "this item back to its planned length, not started"),
    _b("run.present", ANYWHERE, "F5", "the presenter display on or off"),
    _b("run.leave", ANYWHERE, "Esc", "close the presenter display"),
    _b("run.mute", ANYWHERE, "M", "mute the chimes, or turn them back on"),
    # -- Capture ------------------------------------------------------------------------------
    _b("capture.save", NOTE_BOX, ("Return", "Enter"),
       "save the note (the first one asks which table this laptop is; on a quote, Enter "
       "first moves to Said by, where Enter saves; Enter in Role saves too)", HANDLED,
       "Enter"),
    _b("capture.newline", NOTE_BOX, "Shift+Return", "new line", HANDLED),
    _b("capture.clear", NOTE_BOX, "Esc", "clear the box", HANDLED),
    _b("capture.kind", NOTE_BOX, KIND_KEYS, "idea, concern, quote, action, question", CHILDREN,
       "Alt+1…5"),
    _b("capture.previous", ANYWHERE, "Ctrl+PgUp", "previous question"),
    _b("capture.next", ANYWHERE, "Ctrl+PgDown", "next question"),
    _b("capture.follow", ANYWHERE, "Alt+B", "back to the running breakout's question"),
    _b("capture.table", ANYWHERE, "Alt+T", "change this laptop's table"),
    _b("capture.search", ANYWHERE, "Ctrl+F", "search every note of the event"),
    _b("capture.edit", CARD, "F2", "edit the card in place (Enter saves, Esc cancels)", WIDGET),
    _b("capture.star", CARD, "Ctrl+D", "star or unstar", WIDGET),
    _b("capture.card_kind", CARD, KIND_KEYS, "change the kind", WIDGET, "Alt+1…5"),
    _b("capture.move", CARD, "Ctrl+M", "move to another question", WIDGET),
    _b("capture.delete", CARD, "Delete", "delete (to the Trash tab)", WIDGET),
    _b("capture.restore", TRASH_CARD, ("Ctrl+R", "Return", "Enter"), "restore the deleted note",
       WIDGET, "Ctrl+R or Enter"),
    # -- Board: the view keys act while the outline (or canvas) itself has the focus, so a
    # text box on the Board takes M, S, + and - as text ----------------------------------------
    _b("board.previous", ANYWHERE, "Ctrl+PgUp", "previous question"),
    _b("board.next", ANYWHERE, "Ctrl+PgDown", "next question"),
    _b("board.view", ANYWHERE, "F4", "switch between the outline and the canvas (remembered)"),
    _b("board.plenary", ANYWHERE, "F6", "the plenary display on or off: this question's themes "
       "ranked by votes, for the room"),
    _b("board.select_unsorted", BOARD_VIEW, "Ctrl+A", "select this question's notes not yet "
       "sorted", WIDGET),
    _b("board.group", BOARD_VIEW, "Ctrl+G", "group the selected notes into a new theme and "
       "type its title (Enter keeps it)", WIDGET),
    _b("board.move", BOARD_VIEW, "M", "move the selected notes to a theme: type part of its "
       "title, Enter", WIDGET),
    _b("board.ungroup", BOARD_VIEW, "Ctrl+Shift+G", "ungroup the focused theme (its notes go "
       "back to Not yet sorted), or take the selected notes out of their theme", WIDGET),
    _b("board.rename", BOARD_VIEW, "F2", "rename the focused theme", WIDGET),
    _b("board.vote_up", BOARD_VIEW, ("+", "="), "add a vote to the focused note or theme",
       WIDGET, "+ (or =)"),
    _b("board.vote_down", BOARD_VIEW, "-", "remove a vote (never below 0)", WIDGET),
    _b("board.star", BOARD_VIEW, "S", "star or unstar the selected notes (key quotes)", WIDGET),
    _b("board.delete", BOARD_VIEW, "Delete", "delete the focused theme; its notes go back to "
       "Not yet sorted", WIDGET),
    _b("board.focus", CANVAS, ("Left", "Right", "Up", "Down"), "move the focus between cards "
       "and theme titles (Shift: add to the selection; Ctrl: keep it; Ctrl+Space: pick one)",
       HANDLED, "arrow keys"),
    _b("board.zoom_in", CANVAS, ("Alt++", "Alt+="), "zoom in (or Ctrl+wheel; Ctrl++ stays "
       "View ▸ Larger Text)", WIDGET, "Alt++ (or Alt+=)"),
    _b("board.zoom_out", CANVAS, "Alt+-", "zoom out (or Ctrl+wheel)", WIDGET),
    _b("board.zoom_fit", CANVAS, "F", "zoom to fit the whole question", WIDGET),
    _b("board.title", TITLE_BOX, ("Return", "Enter"), "keep the title (Esc: cancel)", HANDLED,
       "Enter"),
    _b("board.show_all", BOARD_VIEW, "Esc", "show every table again, after a Matrix cell "
       "filtered the board to one", WIDGET),
    _b("board.dots", ANYWHERE, "Ctrl+D", "dot voting mode on or off (a budget of dots per "
       "person and a running count)"),
    _b("board.dot_votes", DOTS_VIEW, tuple(str(n) for n in range(10)), "type the votes a wall "
       "vote gave the focused note or theme, then Enter: they are set, and the focus moves to "
       "the next one (Backspace: a digit back, Esc: forget)", HANDLED, "0…9, then Enter"),
    _b("board.matrix_filter", "a Matrix cell", ("Return", "Enter"), "show only that question's "
       "notes from that table (a click does too)", HANDLED, "Enter"),
    _b("board.plenary_close", "the plenary display", "Esc", "close the plenary display",
       HANDLED),
)
# fmt: on

BY_ID: dict[str, KeyBinding] = {b.id: b for b in BINDINGS}


def binding(id_: str) -> KeyBinding:
    return BY_ID[id_]


def keys_of(id_: str) -> tuple[str, ...]:
    return BY_ID[id_].keys


def shown(id_: str) -> str:
    """The keys of ``id_`` as people read them: "Ctrl+N or Insert"."""
    return BY_ID[id_].shown


def of_mode(mode: str) -> tuple[KeyBinding, ...]:
    return tuple(b for b in BINDINGS if b.mode == mode)


def install(action: QAction, id_: str, *, index: int | None = None) -> QAction:
    """Give ``action`` the keys and context of binding ``id_`` (only its ``index``-th key when
    several actions share one binding, like Alt+1…5), and tag it with the id for tests."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeySequence

    entry = BY_ID[id_]
    if entry.context == HANDLED:
        raise ValueError(f"{id_} is read by its widget, not installed")
    keys = entry.keys if index is None else (entry.keys[index],)
    action.setShortcuts([QKeySequence(k) for k in keys])
    context = Qt.ShortcutContext
    action.setShortcutContext(
        {
            WINDOW: context.WindowShortcut,
            CHILDREN: context.WidgetWithChildrenShortcut,
            WIDGET: context.WidgetShortcut,
        }[entry.context]
    )
    action.setProperty("keymap_id", id_)
    return action


def keyed_button(
    owner: QWidget, text: str, tip: str, id_: str, slot: Callable[[], None]
) -> QToolButton:
    """A button for binding ``id_``: its action has the binding's keys (added to ``owner``, so
    they work while the button cannot take the focus), runs ``slot``, and says its key in the
    tooltip and accessible name ("Next question (Ctrl+PgDn)")."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QToolButton

    action = install(QAction(text, owner), id_)
    tip = f"{tip} ({shown(id_)})"
    action.setToolTip(tip)
    action.triggered.connect(slot)
    owner.addAction(action)
    button = QToolButton(owner)
    button.setDefaultAction(action)
    button.setAccessibleName(tip)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return button


def matches(event: QKeyEvent, id_: str) -> bool:
    """Is ``event`` one of the keys of ``id_``? (for a widget that must let a window's key
    through, like the note box with nothing of its own to undo)."""
    from PySide6.QtGui import QKeySequence

    pressed = QKeySequence(event.keyCombination())
    return any(pressed == QKeySequence(k) for k in BY_ID[id_].keys)


# -- README ---------------------------------------------------------------------------------


def markdown(mode: str) -> list[str]:
    """README's key table of ``mode``; a "where" column when the keys work in different places."""
    entries = of_mode(mode)
    if all(b.place == ANYWHERE for b in entries):
        rows = ["| key | does |", "| --- | --- |"]
        rows += [f"| {b.shown} | {b.does} |" for b in entries]
    else:
        rows = ["| where | key | does |", "| --- | --- | --- |"]
        rows += [f"| {b.place} | {b.shown} | {b.does} |" for b in entries]
    return rows


def marker(mode: str) -> str:
    """The comment in README.md that the table of ``mode`` follows."""
    return f"<!-- keys: {mode} (python -m workshop_app.ui.common.keymap --readme README.md) -->"


def readme_tables(text: str) -> dict[str, list[str]]:
    """The key table after each mode's marker in README ``text`` (empty when missing)."""
    lines = text.splitlines()
    found: dict[str, list[str]] = {}
    for mode in MODE_TITLES:
        if marker(mode) not in lines:
            found[mode] = []
            continue
        start = lines.index(marker(mode)) + 1
        end = start
        while end < len(lines) and lines[end].startswith("|"):
            end += 1
        found[mode] = lines[start:end]
    return found


def rewrite_readme(text: str) -> str:
    """README ``text`` with each marked table replaced by the one made from ``BINDINGS``."""
    old = readme_tables(text)
    lines = text.splitlines()
    for mode in MODE_TITLES:
        if marker(mode) in lines:
            start = lines.index(marker(mode)) + 1
            lines[start : start + len(old[mode])] = markdown(mode)
    return "\n".join(lines) + ("\n" if text.endswith("\n") else "")


def main(argv: list[str]) -> int:
    if argv[:1] == ["--markdown"]:
        for mode, title in MODE_TITLES.items():
            print(f"{title}:\n\n{marker(mode)}\n" + "\n".join(markdown(mode)) + "\n")
        return 0
    if argv[:1] == ["--readme"] and len(argv) == 2:
        path = Path(argv[1])
        path.write_text(rewrite_readme(path.read_text(encoding="utf-8")), encoding="utf-8")
        return 0
    print("usage: python -m workshop_app.ui.common.keymap --markdown | --readme README.md")
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
