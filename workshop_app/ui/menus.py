"""The main window's menus and their actions (built here, connected by the window).

File, Edit (Undo/Redo named after the step, from a QUndoGroup that follows the open event),
View (modes Ctrl+1..5 and text size) and Help.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QMainWindow, QMenu

from workshop_app.ui.modes import MODE_HINTS, MODE_TITLES, MODES
from workshop_app.ui.settings import RecentEvent


@dataclass
class Actions:
    """Every menu action, by role. ``document`` ones are enabled only while an event is open."""

    new: QAction
    open: QAction
    recent: QMenu
    save: QAction
    save_copy: QAction
    exports: dict[str, QAction]
    restore: QAction
    close: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    modes: dict[str, QAction]
    larger: QAction
    smaller: QAction
    reset_text: QAction
    about: QAction
    files: QAction
    document: list[QAction] = field(default_factory=list)
    #: Keyboard shortcuts, set by ``install_shortcuts`` (at startup only after the first frame:
    #: the first ``setShortcut`` call makes PySide6 build the enums of the whole ``Qt`` namespace).
    shortcuts: list[tuple[QAction, tuple[Key, ...]]] = field(default_factory=list)


Key = QKeySequence.StandardKey | str


def install_shortcuts(actions: Actions) -> None:
    for action, keys in actions.shortcuts:
        action.setShortcuts([QKeySequence(key) for key in keys])


def build_menus(window: QMainWindow, undo_group: QUndoGroup, *, shortcuts: bool = True) -> Actions:
    """Create the menu bar of ``window``; returns the actions for the window to connect.
    With ``shortcuts=False`` the caller installs them later with ``install_shortcuts``."""
    keys = QKeySequence.StandardKey
    bar = window.menuBar()
    pending: list[tuple[QAction, tuple[Key, ...]]] = []

    def _action(
        window: QMainWindow, text: str, shortcut: Key | None = None, tip: str = ""
    ) -> QAction:
        action = QAction(text, window)
        if shortcut is not None:
            pending.append((action, (shortcut,)))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        return action

    file_menu = bar.addMenu("&File")
    # Ctrl+Shift+N: Ctrl+N adds a row in Plan's lists (one owner per key; plan/keys.py)
    new = _action(window, "&New event…", "Ctrl+Shift+N", "Start a new event from a template")
    open_ = _action(window, "&Open…", keys.Open, "Open a .workshop event file")
    recent = QMenu("Open &Recent", window)
    save = _action(window, "&Save", keys.Save, "Every change is already saved as you make it")
    save_copy = _action(
        window, "Save a &Copy As…", None, "Write a copy of this event to another file"
    )
    exports = {
        "json": _action(window, "Export as &JSON…", None, "The whole event as interchange JSON"),
        "csv": _action(window, "Export as &CSV…", None, "Every note as a spreadsheet table"),
        "markdown": _action(window, "Export as &Markdown…", None, "The event as a text document"),
    }
    restore = _action(
        window, "Restore from &Backup…", None, "Open a copy of one of the event's backups"
    )
    close = _action(window, "&Close Event", keys.Close, "Close this event and go to the start")
    quit_ = _action(window, "&Quit", keys.Quit, "Close Workshop")
    quit_.setMenuRole(QAction.MenuRole.QuitRole)
    file_menu.addActions([new, open_])
    file_menu.addMenu(recent)
    file_menu.addSeparator()
    file_menu.addActions([save, save_copy])
    export_menu = file_menu.addMenu("&Export")
    export_menu.addActions(list(exports.values()))
    file_menu.addAction(restore)
    file_menu.addSeparator()
    file_menu.addActions([close, quit_])

    edit_menu = bar.addMenu("&Edit")
    undo = undo_group.createUndoAction(window, "Undo")
    pending.append((undo, (keys.Undo,)))
    redo = undo_group.createRedoAction(window, "Redo")
    pending.append((redo, (keys.Redo, "Ctrl+Y")))
    edit_menu.addActions([undo, redo])

    view_menu = bar.addMenu("&View")
    mode_group = QActionGroup(window)
    modes: dict[str, QAction] = {}
    for number, mode in enumerate(MODES, start=1):
        action = _action(window, MODE_TITLES[mode], f"Ctrl+{number}", MODE_HINTS[mode])
        action.setCheckable(True)
        action.setData(mode)
        mode_group.addAction(action)
        modes[mode] = action
    view_menu.addActions(list(modes.values()))
    view_menu.addSeparator()
    larger = _action(window, "&Larger Text", None, "Make all text larger")
    pending.append((larger, (keys.ZoomIn, "Ctrl+=")))
    smaller = _action(window, "&Smaller Text", keys.ZoomOut, "Make all text smaller")
    reset_text = _action(window, "&Reset Text Size", "Ctrl+0", "Use the system's text size")
    view_menu.addActions([larger, smaller, reset_text])

    help_menu = bar.addMenu("&Help")
    files = _action(window, "&Where Files Are Kept", None, "Data, backups and logs folders")
    about = _action(window, "&About Workshop", None)
    about.setMenuRole(QAction.MenuRole.AboutRole)
    help_menu.addActions([files, about])

    document = [save, save_copy, *exports.values(), close, *modes.values()]
    actions = Actions(
        new=new,
        open=open_,
        recent=recent,
        save=save,
        save_copy=save_copy,
        exports=exports,
        restore=restore,
        close=close,
        quit=quit_,
        undo=undo,
        redo=redo,
        modes=modes,
        larger=larger,
        smaller=smaller,
        reset_text=reset_text,
        about=about,
        files=files,
        document=document,
        shortcuts=pending,
    )
    if shortcuts:
        install_shortcuts(actions)
    return actions


def fill_recent_menu(menu: QMenu, recent: list[RecentEvent], window: QMainWindow) -> list[QAction]:
    """Rebuild Open Recent: one action per event (data = its path), then Clear list (data = "")."""
    menu.clear()
    actions: list[QAction] = []
    for number, entry in enumerate(recent, start=1):
        missing = "" if entry.exists else " (file not found)"
        name = entry.title.replace("&", "&&")
        action = QAction(f"&{number % 10} {name} — {Path(entry.path).name}{missing}", window)
        action.setData(entry.path)
        action.setStatusTip(entry.path)
        action.setEnabled(entry.exists)
        actions.append(action)
    if not actions:
        empty = QAction("No recent events", window)
        empty.setEnabled(False)
        menu.addAction(empty)
        return []
    menu.addActions(actions)
    menu.addSeparator()
    clear = QAction("&Clear List", window)
    clear.setData("")
    menu.addAction(clear)
    return [*actions, clear]
