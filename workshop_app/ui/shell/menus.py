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
from workshop_app.ui.common.i18n import tr
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
    #: View ▸ Language, by language code ("": the system's language).
    languages: dict[str, QAction]
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

    file_menu = bar.addMenu(tr("&File"))
    # Ctrl+Shift+N: Ctrl+N adds a row in Plan's lists (one owner per key; keymap.py)
    new = _action(window, tr("&New event…"), "window.new", tr("Start a new event from a template"))
    open_ = _action(window, tr("&Open…"), "window.open", tr("Open a .workshop event file"))
    recent = QMenu(tr("Open &Recent"), window)
    save = _action(
        window, tr("&Save"), "window.save", tr("Every change is already saved as you make it")
    )
    save_copy = _action(
        window, tr("Save a Cop&y As…"), None, tr("Write a copy of this event to another file")
    )
    exports = {
        "json": _action(
            window, tr("Export as &JSON…"), None, tr("The whole event as interchange JSON")
        ),
        "csv": _action(
            window, tr("Export as &CSV…"), None, tr("Every note as a spreadsheet table")
        ),
        "markdown": _action(
            window, tr("Export as &Markdown…"), None, tr("The event as a text document")
        ),
    }
    restore = _action(
        window, tr("Restore from &Backup…"), None, tr("Open a copy of one of the event's backups")
    )
    # Several laptops (laptops/handlers.py): hand out copies, merge them back, kept texts
    prepare = _action(
        window,
        tr("&Prepare Laptops for Tables…"),
        None,
        tr("Write a copy of this event for each table"),
    )
    merge = _action(
        window, tr("&Merge Notes From…"), None, tr("Bring in the notes typed on other laptops")
    )
    conflicts = _action(
        window,
        tr("Con&flicts…"),
        None,
        tr("Texts changed on two laptops: the one kept, to put back"),
    )
    share = _action(
        window,
        tr("S&hare Through a Folder…"),
        None,
        tr("Keep this event in step with other laptops through a folder a sync engine shares"),
    )
    stop_share = _action(
        window,
        tr("S&top Sharing"),
        None,
        tr("Stop sharing this event; its notes stay on this laptop"),
    )
    close = _action(
        window, tr("&Close Event"), "window.close", tr("Close this event and go to the start")
    )
    quit_ = _action(window, tr("&Quit"), "window.quit", tr("Close Workshop"))
    quit_.setMenuRole(QAction.MenuRole.QuitRole)
    file_menu.addActions([new, open_])
    file_menu.addMenu(recent)
    file_menu.addSeparator()
    file_menu.addActions([save, save_copy])
    export_menu = file_menu.addMenu(tr("&Export"))
    export_menu.addActions(list(exports.values()))
    file_menu.addAction(restore)
    file_menu.addSeparator()
    file_menu.addActions([prepare, merge, conflicts, share, stop_share])
    file_menu.addSeparator()
    file_menu.addActions([close, quit_])

    edit_menu = bar.addMenu(tr("&Edit"))
    undo = undo_group.createUndoAction(window, tr("Undo"))
    pending.append((undo, "window.undo"))
    redo = undo_group.createRedoAction(window, tr("Redo"))
    pending.append((redo, "window.redo"))
    edit_menu.addActions([undo, redo])

    view_menu = bar.addMenu(tr("&View"))
    mode_group = QActionGroup(window)
    modes: dict[str, QAction] = {}
    for mode in MODES:
        action = _action(window, tr(MODE_TITLES[mode]), f"window.mode_{mode}", tr(MODE_HINTS[mode]))
        action.setCheckable(True)
        action.setData(mode)
        mode_group.addAction(action)
        modes[mode] = action
    view_menu.addActions(list(modes.values()))
    view_menu.addSeparator()
    larger = _action(window, tr("&Larger Text"), "window.larger", tr("Make all text larger"))
    smaller = _action(window, tr("&Smaller Text"), "window.smaller", tr("Make all text smaller"))
    reset_text = _action(
        window, tr("&Reset Text Size"), "window.reset_text", tr("Use the system's text size")
    )
    view_menu.addActions([larger, smaller, reset_text, motion.menu_action(window)])
    view_menu.addSeparator()
    languages = _language_menu(window, view_menu)

    # No mnemonic: Alt+R, U and N are taken on the Plan and Board pages (Alt+F, then Right)
    run_menu = bar.addMenu(tr("Run"))
    # No key: it opens the laptop to the room's network, so it is chosen from the menu.
    phones = _action(
        window,
        tr("Attendee &Input"),
        None,
        tr("Let attendees send notes from their phones over this network; uncheck to stop"),
    )
    phones.setCheckable(True)
    run_menu.addAction(phones)

    help_menu = bar.addMenu(tr("&Help"))
    keys = _action(window, tr("&Keyboard Shortcuts"), "window.keys", tr("Every key of every mode"))
    files = _action(window, tr("&Where Files Are Kept"), None, tr("Data, backups and logs folders"))
    about = _action(window, tr("&About Workshop"), None)
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
        languages=languages,
        document=document,
        shortcuts=pending,
    )
    if shortcuts:
        install_shortcuts(actions)
    return actions


def _language_menu(window: QMainWindow, view_menu: QMenu) -> dict[str, QAction]:
    """View ▸ Language: the system's language, then each language by the name it calls itself.
    Checkable and exclusive; which one is checked, and what choosing one does: ``language.py``."""
    from workshop_app import i18n
    from workshop_app.ui.common.i18n import system_language

    menu = view_menu.addMenu(tr("Lan&guage"))
    menu.setAccessibleName(tr("Language"))
    group = QActionGroup(window)
    group.setExclusive(True)
    system = i18n.LANGUAGES.get(system_language(), system_language())
    texts = {"": tr("&System Default ({language})").format(language=system)}
    texts |= {code: f"&{i18n.describe(code)}" for code in i18n.LANGUAGES}
    actions: dict[str, QAction] = {}
    for code, text in texts.items():
        action = QAction(text, window)
        action.setCheckable(True)
        action.setData(code)
        if not code:
            action.setStatusTip(tr("Use the language this computer is set to"))
        group.addAction(action)
        menu.addAction(action)
        actions[code] = action
    return actions


def fill_recent_menu(menu: QMenu, recent: list[RecentEvent], window: QMainWindow) -> list[QAction]:
    """Rebuild Open Recent: one action per event (data = its path), then Clear list (data = "")."""
    menu.clear()
    actions: list[QAction] = []
    for number, entry in enumerate(recent, start=1):
        values = {
            "number": number % 10,
            "title": entry.title.replace("&", "&&"),
            "file": Path(entry.path).name.replace("&", "&&"),
        }
        if entry.exists:
            text = tr("&{number} {title} — {file}").format(**values)
        else:
            text = tr("&{number} {title} — {file} (file not found)").format(**values)
        action = QAction(text, window)
        action.setData(entry.path)
        action.setStatusTip(entry.path)
        action.setEnabled(entry.exists)
        actions.append(action)
    if not actions:
        empty = QAction(tr("No recent events"), window)
        empty.setEnabled(False)
        menu.addAction(empty)
        return []
    menu.addActions(actions)
    menu.addSeparator()
    clear = QAction(tr("&Clear List"), window)
    clear.setData("")
    menu.addAction(clear)
    return [*actions, clear]
