"""The main window's menus and their actions (built here, connected by the window).

File, Edit (Undo/Redo named after the step, from a QUndoGroup that follows the open event),
View (modes Ctrl+1..5 and text size), Run (Attendee Input) and Help (Keyboard Shortcuts, F1).
Keys: ``keymap``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtGui import QAction, QActionGroup, QUndoGroup
from PySide6.QtWidgets import QMainWindow, QMenu

from workshop_app.ui.common import keymap, motion
from workshop_app.ui.common.settings import RecentEvent
from workshop_app.ui.shell.modes import MODE_HINTS, MODE_TITLES, MODES


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
    prepare: QAction
    merge: QAction
    conflicts: QAction
    share: QAction
    stop_share: QAction
    close: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    modes: dict[str, QAction]
    larger: QAction
    smaller: QAction
    reset_text: QAction
    phones: QAction
    about: QAction
    files: QAction
    keys: QAction
    document: list[QAction] = field(default_factory=list)
    #: Keyboard shortcuts (action, ``keymap`` id), set by ``install_shortcuts`` (at startup only
    #: after the first frame: the first shortcut set makes PySide6 build the enums of the whole
    #: ``Qt`` namespace).
    shortcuts: list[tuple[QAction, str]] = field(default_factory=list)


def install_shortcuts(actions: Actions) -> None:
    for action, binding_id in actions.shortcuts:
        keymap.install(action, binding_id)


def build_menus(window: QMainWindow, undo_group: QUndoGroup, *, shortcuts: bool = True) -> Actions:
    """Create the menu bar of ``window``; returns the actions for the window to connect.
    With ``shortcuts=False`` the caller installs them later with ``install_shortcuts``."""
    bar = window.menuBar()
    pending: list[tuple[QAction, str]] = []

    def _action(
        window: QMainWindow, text: str, binding_id: str | None = None, tip: str = ""
    ) -> QAction:
        """``binding_id``: the action's keys in ``keymap``."""
        action = QAction(text, window)
        if binding_id is not None:
            pending.append((action, binding_id))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        return action

    file_menu = bar.addMenu("&File")
    # Ctrl+Shift+N: Ctrl+N adds a row in Plan's lists (one owner per key; keymap.py)
    new = _action(window, "&New event…", "window.new", "Start a new event from a template")
    open_ = _action(window, "&Open…", "window.open", "Open a .workshop event file")
    recent = QMenu("Open &Recent", window)
    save = _action(window, "&Save", "window.save", "Every change is already saved as you make it")
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
    # Several laptops (laptops/handlers.py): hand out copies, merge them back, kept texts
    prepare = _action(
        window, "&Prepare Laptops for Tables…", None, "Write a copy of this event for each table"
    )
    merge = _action(window, "&Merge Notes From…", None, "Bring in the notes typed on other laptops")
    conflicts = _action(
        window, "Con&flicts…", None, "Texts changed on two laptops: the one kept, to put back"
    )
    share = _action(
        window,
        "S&hare Through a Folder…",
        None,
        "Keep this event in step with other laptops through a folder a sync engine shares",
    )
    stop_share = _action(
        window, "S&top Sharing", None, "Stop sharing this event; its notes stay on this laptop"
    )
    close = _action(window, "&Close Event", "window.close", "Close this event and go to the start")
    quit_ = _action(window, "&Quit", "window.quit", "Close Workshop")
    quit_.setMenuRole(QAction.MenuRole.QuitRole)
    file_menu.addActions([new, open_])
    file_menu.addMenu(recent)
    file_menu.addSeparator()
    file_menu.addActions([save, save_copy])
    export_menu = file_menu.addMenu("&Export")
    export_menu.addActions(list(exports.values()))
    file_menu.addAction(restore)
    file_menu.addSeparator()
    file_menu.addActions([prepare, merge, conflicts, share, stop_share])
    file_menu.addSeparator()
    file_menu.addActions([close, quit_])

    edit_menu = bar.addMenu("&Edit")
    undo = undo_group.createUndoAction(window, "Undo")
    pending.append((undo, "window.undo"))
    redo = undo_group.createRedoAction(window, "Redo")
    pending.append((redo, "window.redo"))
    edit_menu.addActions([undo, redo])

    view_menu = bar.addMenu("&View")
    mode_group = QActionGroup(window)
    modes: dict[str, QAction] = {}
    for mode in MODES:
        action = _action(window, MODE_TITLES[mode], f"window.mode_{mode}", MODE_HINTS[mode])
        action.setCheckable(True)
        action.setData(mode)
        mode_group.addAction(action)
        modes[mode] = action
    view_menu.addActions(list(modes.values()))
    view_menu.addSeparator()
    larger = _action(window, "&Larger Text", "window.larger", "Make all text larger")
    smaller = _action(window, "&Smaller Text", "window.smaller", "Make all text smaller")
    reset_text = _action(
        window, "&Reset Text Size", "window.reset_text", "Use the system's text size"
    )
    view_menu.addActions([larger, smaller, reset_text, motion.menu_action(window)])

    # No mnemonic: Alt+R, U and N are taken on the Plan and Board pages (Alt+F, then Right)
    run_menu = bar.addMenu("Run")
    # No key: it opens the laptop to the room's network, so it is chosen from the menu.
    phones = _action(
        window,
        "Attendee &Input",
        None,
        "Let attendees send notes from their phones over this network; uncheck to stop",
    )
    phones.setCheckable(True)
    run_menu.addAction(phones)

    help_menu = bar.addMenu("&Help")
    keys = _action(window, "&Keyboard Shortcuts", "window.keys", "Every key of every mode")
    files = _action(window, "&Where Files Are Kept", None, "Data, backups and logs folders")
    about = _action(window, "&About Workshop", None)
    about.setMenuRole(QAction.MenuRole.AboutRole)
    help_menu.addActions([keys, files, about])

    document = [save, save_copy, *exports.values(), prepare, merge, conflicts, share, close, phones]
    document += modes.values()
    actions = Actions(
        new=new,
        open=open_,
        recent=recent,
        save=save,
        save_copy=save_copy,
        exports=exports,
        restore=restore,
        prepare=prepare,
        merge=merge,
        conflicts=conflicts,
        share=share,
        stop_share=stop_share,
        close=close,
        quit=quit_,
        undo=undo,
        redo=redo,
        modes=modes,
        larger=larger,
        smaller=smaller,
        reset_text=reset_text,
        phones=phones,
        about=about,
        files=files,
        keys=keys,
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
