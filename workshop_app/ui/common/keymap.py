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

Where a key works and what it does are marked for the catalogue (``N_``) and translated where
they are shown (Help ▸ Keyboard Shortcuts); README's tables stay in English.

``python -m workshop_app.ui.common.keymap --markdown`` prints README's tables;
``--readme README.md`` rewrites them in place (a test fails when they differ).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from workshop_app.i18n import N_
from workshop_app.ui.common.i18n import tr
from workshop_app.ui.shell.modes import Mode

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QAction, QKeyEvent
    from PySide6.QtWidgets import QToolButton, QWidget

WINDOW, CHILDREN, WIDGET, HANDLED = "window", "children", "widget", "handled"
ANYWHERE = N_("anywhere")

#: Each mode's title, in the order Help and README list them.
MODE_TITLES: dict[str, str] = {
    "window": N_("Everywhere"),  # the window's own keys ("window.new"): not a mode
    Mode.PLAN: N_("Plan"),
    Mode.RUN: N_("Run"),
    Mode.CAPTURE: N_("Capture"),
    Mode.BOARD: N_("Board"),
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
        """The keys as people read them, in the window's language: "Ctrl+N or Insert" (the keys'
        names stay as the keyboard prints them)."""
        if self.written:
            return tr(self.written)
        text = _people(self.keys[0])
        for key in self.keys[1:]:
            # Translators: two keys that do the same: "Ctrl+N or Insert"
            text = tr("{keys} or {key}").format(keys=text, key=_people(key))
        return text


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
NOTE_BOX, CARD, TRASH_CARD = N_("note box"), N_("a card"), N_("a card in Trash")
BOARD_VIEW, TITLE_BOX = N_("the outline or the canvas"), N_("a theme's title")
DOTS_VIEW = N_("the outline or the canvas, in dot voting")
CANVAS = N_("the canvas")
LIST, SECTION = N_("a list"), N_("anywhere in a section")

# fmt: off
BINDINGS: tuple[KeyBinding, ...] = (
    # -- the window's menus: anywhere in the window ------------------------------------------
    _b("window.new", ANYWHERE, "Ctrl+Shift+N", N_("File ▸ New event…, from a template")),
    _b("window.open", ANYWHERE, "Ctrl+O", N_("File ▸ Open… an event file")),
    _b("window.save", ANYWHERE, "Ctrl+S", N_("File ▸ Save: says when every change was saved")),
    _b("window.close", ANYWHERE, "Ctrl+W", N_("File ▸ Close Event, back to the welcome screen")),
    _b("window.quit", ANYWHERE, "Ctrl+Q", N_("File ▸ Quit")),
    _b("window.undo", ANYWHERE, "Ctrl+Z", N_("Edit ▸ Undo (the menu names the step)")),
    _b("window.redo", ANYWHERE, ("Ctrl+Shift+Z", "Ctrl+Y"), N_("Edit ▸ Redo")),
    _b("window.mode_plan", ANYWHERE, "Ctrl+1", N_("Plan mode")),
    _b("window.mode_run", ANYWHERE, "Ctrl+2", N_("Run mode")),
    _b("window.mode_capture", ANYWHERE, "Ctrl+3", N_("Capture mode")),
    _b("window.mode_board", ANYWHERE, "Ctrl+4", N_("Board mode")),
    _b("window.mode_report", ANYWHERE, "Ctrl+5", N_("Report mode")),
    _b("window.larger", ANYWHERE, ("Ctrl++", "Ctrl+="), N_("View ▸ Larger Text")),
    _b("window.smaller", ANYWHERE, "Ctrl+-", N_("View ▸ Smaller Text")),
    _b("window.reset_text", ANYWHERE, "Ctrl+0", N_("View ▸ Reset Text Size")),
    _b("window.keys", ANYWHERE, "F1", N_("Help ▸ Keyboard Shortcuts: every key of every mode")),
    # -- Plan ---------------------------------------------------------------------------------
    _b("plan.into", N_("the section list"), "Tab", N_("into the section"), HANDLED),
    _b("plan.sections", SECTION, "Alt+Left", N_("back to the section list"), CHILDREN),
    _b("plan.add", N_("Speakers, Questions, Tables, Agenda"), ("Ctrl+N", "Insert"),
       N_("add a row and start typing in it"), CHILDREN),
    _b("plan.add_tables", N_("Tables section"), "Ctrl+Shift+T", N_("add several tables at once"),
       CHILDREN),
    _b("plan.edit", LIST, "F2",
       N_("edit the cell (on one worked out from elsewhere, such as a question's prompt or an "
       "agenda item's start, go to the field that sets it)"), HANDLED),
    _b("plan.delete", LIST, "Delete", N_("remove the row (it asks first when notes are attached)"),
       WIDGET),
    _b("plan.move_up", LIST, "Alt+Up", N_("move the row up"), WIDGET),
    _b("plan.move_down", LIST, "Alt+Down", N_("move the row down"), WIDGET),
    # -- Run: anywhere on the Run page and on the presenter display ---------------------------
    _b("run.toggle", ANYWHERE, "Space", N_("start, pause or resume the countdown")),
    _b("run.more", ANYWHERE, ("+", "="), N_("add a minute"), written=N_("+ (or =)")),
    _b("run.less", ANYWHERE, "-", N_("take a minute off")),
    _b("run.more5", ANYWHERE, "Shift+Up", N_("add five minutes")),
    _b("run.less5", ANYWHERE, "Shift+Down", N_("take five minutes off")),
    _b("run.next", ANYWHERE, "N", N_("end this item and go to the next (the clock keeps running "
       "if it was)")),
    _b("run.previous", ANYWHERE, "P", N_("back to the previous item")),
    _b("run.reset", ANYWHERE, "R", N_("this item back to its planned length, not started")),
    _b("run.present", ANYWHERE, "F5", N_("the presenter display on or off")),
    _b("run.leave", ANYWHERE, "Esc", N_("close the presenter display")),
    _b("run.mute", ANYWHERE, "M", N_("mute the chimes, or turn them back on")),
    # -- Capture ------------------------------------------------------------------------------
    _b("capture.save", NOTE_BOX, ("Return", "Enter"),
       N_("save the note (the first one asks which table this laptop is; on a quote, Enter "
       "first moves to Said by, where Enter saves; Enter in Role saves too)"), HANDLED,
       "Enter"),
    _b("capture.newline", NOTE_BOX, "Shift+Return", N_("new line"), HANDLED),
    _b("capture.clear", NOTE_BOX, "Esc", N_("clear the box"), HANDLED),
    _b("capture.kind", NOTE_BOX, KIND_KEYS, N_("idea, concern, quote, action, question"), CHILDREN,
       "Alt+1…5"),
    _b("capture.previous", ANYWHERE, "Ctrl+PgUp", N_("previous question")),
    _b("capture.next", ANYWHERE, "Ctrl+PgDown", N_("next question")),
    _b("capture.follow", ANYWHERE, "Alt+B", N_("back to the running breakout's question")),
    _b("capture.table", ANYWHERE, "Alt+T", N_("change this laptop's table")),
    _b("capture.search", ANYWHERE, "Ctrl+F", N_("search every note of the event")),
    _b("capture.edit", CARD, "F2", N_("edit the card in place (Enter saves, Esc cancels)"), WIDGET),
    _b("capture.star", CARD, "Ctrl+D", N_("star or unstar"), WIDGET),
    _b("capture.card_kind", CARD, KIND_KEYS, N_("change the kind"), WIDGET, "Alt+1…5"),
    _b("capture.move", CARD, "Ctrl+M", N_("move to another question"), WIDGET),
    _b("capture.delete", CARD, "Delete", N_("delete (to the Trash tab)"), WIDGET),
    _b("capture.restore", TRASH_CARD, ("Ctrl+R", "Return", "Enter"), N_("restore the deleted note"),
       WIDGET, "Ctrl+R or Enter"),
    # -- Board: the view keys act while the outline (or canvas) itself has the focus, so a
    # text box on the Board takes M, S, + and - as text ----------------------------------------
    _b("board.previous", ANYWHERE, "Ctrl+PgUp", N_("previous question")),
    _b("board.next", ANYWHERE, "Ctrl+PgDown", N_("next question")),
    _b("board.view", ANYWHERE, "F4", N_("switch between the outline and the canvas (remembered)")),
    _b("board.plenary", ANYWHERE, "F6", N_("the plenary display on or off: this question's themes "
       "ranked by votes, for the room")),
    _b("board.select_unsorted", BOARD_VIEW, "Ctrl+A", N_("select this question's notes not yet "
       "sorted"), WIDGET),
    _b("board.group", BOARD_VIEW, "Ctrl+G", N_("group the selected notes into a new theme and "
       "type its title (Enter keeps it)"), WIDGET),
    _b("board.move", BOARD_VIEW, "M", N_("move the selected notes to a theme: type part of its "
       "title, Enter"), WIDGET),
    _b("board.ungroup", BOARD_VIEW, "Ctrl+Shift+G", N_("ungroup the focused theme (its notes go "
       "back to Not yet sorted), or take the selected notes out of their theme"), WIDGET),
    _b("board.rename", BOARD_VIEW, "F2", N_("rename the focused theme"), WIDGET),
    _b("board.vote_up", BOARD_VIEW, ("+", "="), N_("add a vote to the focused note or theme"),
       WIDGET, "+ (or =)"),
    _b("board.vote_down", BOARD_VIEW, "-", N_("remove a vote (never below 0)"), WIDGET),
    _b("board.star", BOARD_VIEW, "S", N_("star or unstar the selected notes (key quotes)"), WIDGET),
    _b("board.delete", BOARD_VIEW, "Delete", N_("delete the focused theme; its notes go back to "
       "Not yet sorted"), WIDGET),
    _b("board.focus", CANVAS, ("Left", "Right", "Up", "Down"), N_("move the focus between cards "
       "and theme titles (Shift: add to the selection; Ctrl: keep it; Ctrl+Space: pick one)"),
       HANDLED, "arrow keys"),
    _b("board.zoom_in", CANVAS, ("Alt++", "Alt+="), N_("zoom in (or Ctrl+wheel; Ctrl++ stays "
       "View ▸ Larger Text)"), WIDGET, "Alt++ (or Alt+=)"),
    _b("board.zoom_out", CANVAS, "Alt+-", N_("zoom out (or Ctrl+wheel)"), WIDGET),
    _b("board.zoom_fit", CANVAS, "F", N_("zoom to fit the whole question"), WIDGET),
    _b("board.title", TITLE_BOX, ("Return", "Enter"), N_("keep the title (Esc: cancel)"), HANDLED,
       "Enter"),
    _b("board.show_all", BOARD_VIEW, "Esc", N_("show every table again, after a Matrix cell "
       "filtered the board to one"), WIDGET),
    _b("board.dots", ANYWHERE, "Ctrl+D", N_("dot voting mode on or off (a budget of dots per "
       "person and a running count)")),
    _b("board.dot_votes", DOTS_VIEW, tuple(str(n) for n in range(10)), N_("type the votes a wall "
       "vote gave the focused note or theme, then Enter: they are set, and the focus moves to "
       "the next one (Backspace: a digit back, Esc: forget)"), HANDLED, "0…9, then Enter"),
    _b("board.matrix_filter", N_("a Matrix cell"), ("Return", "Enter"),
       N_("show only that question's notes from that table (a click does too)"), HANDLED, "Enter"),
    _b("board.plenary_close", N_("the plenary display"), "Esc", N_("close the plenary display"),
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
