"""MainWindow: the one window of the app, showing the welcome page or an open event.

Opening another event replaces the open one in this same window: the new file is opened first
and only when that worked is the current one closed, so a refused file (in use, damaged, too
new) leaves everything as it was, and the user sees why in a dialog. Closing the window closes
the document, which releases its lock.

Startup is staged (see ``app.run_gui``): the window first paints a light "Opening…" page, built
without importing storage, the Plan page or the welcome page's templates; ``after_first_paint``
then opens the event. Those heavier modules are imported where they are first used.

The menus' actions (``menus.Actions``) are connected here to the window's own slots; the
laptop and sharing actions to ``LaptopHandlers`` and ``WindowSharing``, which are handed what
they need (the dialogs service, the status bar, a way to the open model) and never import the
window.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QUndoGroup
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.errors import WorkshopError
from workshop_app.i18n import N_
from workshop_app.ui.common.dialogs import Dialogs
from workshop_app.ui.common.i18n import tr
from workshop_app.ui.common.icons import app_icon
from workshop_app.ui.common.settings import AppSettings
from workshop_app.ui.common.text import apply_text_size
from workshop_app.ui.laptops.handlers import LaptopHandlers
from workshop_app.ui.phones.toggle import WindowPhones
from workshop_app.ui.shell.language import WindowLanguage
from workshop_app.ui.shell.menus import build_menus, fill_recent_menu
from workshop_app.ui.shell.modes import Mode
from workshop_app.ui.shell.share_window import WindowSharing

if TYPE_CHECKING:
    from workshop_app.storage.backups import BackupInfo
    from workshop_app.storage.document import Document
    from workshop_app.ui.document_model import DocumentModel
    from workshop_app.ui.laptops.status import LaptopsStatus
    from workshop_app.ui.shell.help_keys import KeysDialog
    from workshop_app.ui.shell.restore import RestoreDialog
    from workshop_app.ui.shell.welcome import WelcomePage
    from workshop_app.ui.shell.workspace import Workspace

APP_TITLE = "Workshop"
SAVED_HINT = N_("All changes saved. Workshop saves every change the moment you make it.")


class MainWindow(QMainWindow):
    """The main window; ``settings`` and ``dialogs`` are passed in (tests pass fakes).

    ``shortcuts=False`` leaves the keyboard shortcuts for ``menus.install_shortcuts`` to set
    after the first frame (startup does that; see ``menus.Actions.shortcuts``)."""

    def __init__(
        self,
        settings: AppSettings,
        dialogs: Dialogs,
        parent: QWidget | None = None,
        *,
        shortcuts: bool = True,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.dialogs = dialogs
        self.model: DocumentModel | None = None
        self.workspace: Workspace | None = None
        self.welcome: WelcomePage | None = None  # built on first use: not needed for `FILE`
        self._remember = True
        self.setWindowIcon(app_icon())
        self.setAccessibleName(tr("Workshop"))
        self.undo_group = QUndoGroup(self)
        self.menu_actions = build_menus(self, self.undo_group, shortcuts=shortcuts)
        self.restore_dialog: RestoreDialog | None = None
        self.keys_dialog: KeysDialog | None = None
        self.laptop_handlers = LaptopHandlers(self, dialogs, self.statusBar(), self._model)
        self.laptops_status: LaptopsStatus | None = None
        self.sharing = WindowSharing(
            self, dialogs, settings, self.statusBar(), self.menu_actions.stop_share, self._model
        )
        self.phones = WindowPhones(
            self, dialogs, self.statusBar(), self.menu_actions.phones, self._model
        )
        self.language = WindowLanguage(
            self, dialogs, settings, self.menu_actions.languages, lambda: self._event_file()
        )
        self._connect_actions()
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self.saved_label = QLabel()
        self.statusBar().addPermanentWidget(self.saved_label)
        self._restore_geometry()
        self._set_document_actions(False)
        self.setWindowTitle(APP_TITLE)

    # -- opening and closing ---------------------------------------------------------------

    @property
    def document(self) -> Document | None:
        return self.model.document if self.model is not None else None

    def _model(self) -> DocumentModel | None:
        return self.model

    def _event_file(self) -> Path | None:
        return self.document.path if self.document is not None else None

    def open_path(self, path: Path) -> bool:
        """Open the event at ``path`` here (or just show it if it is the one open)."""
        from workshop_app.storage.document import Document
        from workshop_app.storage.files import same_file

        current, workspace = self.document, self.workspace
        if current is not None and workspace is not None and same_file(current.path, Path(path)):
            self.stack.setCurrentWidget(workspace)
            return True

        return self._open_with(lambda: Document.open(path))

    def open_demo(self) -> bool:
        """Open a fresh copy of the demo event (not added to the recent list)."""
        from workshop_app.storage.templates import open_demo

        return self._open_with(open_demo, remember=False)

    def new_event(self, key: str) -> bool:
        """Ask for a title and a file, then create an event from template ``key``; Plan shows."""
        from workshop_app.storage.templates import create_from_template, find_template

        template = find_template(key)
        title = self.dialogs.ask_text(
            self, tr("New event"), tr("Title of the event:"), template.name
        )
        if title is None or not title.strip():
            return False
        from workshop_app.ui.shell import file_ops

        path = file_ops.ask_new_event_path(self.dialogs, self, title.strip())
        if path is None:
            return False
        return self._open_with(
            lambda: create_from_template(path, key, title=title, force=path.exists()),
            mode=Mode.PLAN,
        )

    def close_document(self) -> None:
        """Close the open event (releasing its file) and show the welcome page."""
        self._close_current()
        self.show_welcome()

    def show_welcome(self) -> None:
        if self.welcome is None:
            from workshop_app.storage.templates import list_templates
            from workshop_app.ui.shell.welcome import WelcomePage

            self.welcome = WelcomePage(list_templates(), self.settings.recent(), app_icon())
            self.welcome.create_requested.connect(self.new_event)
            self.welcome.open_requested.connect(self.menu_actions.open.trigger)
            self.welcome.recent_chosen.connect(self._on_welcome_recent_chosen)
            self.welcome.recent_removed.connect(self._on_welcome_recent_removed)
            self.welcome.demo_requested.connect(self.open_demo)
            self.stack.addWidget(self.welcome)
        else:
            self.welcome.set_recent(self.settings.recent())
        self.stack.setCurrentWidget(self.welcome)
        self.setWindowTitle(APP_TITLE)
        self.saved_label.clear()
        self.welcome.focus_first()

    def _open_with(
        self, opener: Callable[[], Document], *, mode: str | None = None, remember: bool = True
    ) -> bool:
        try:
            document = opener()
        except WorkshopError as err:
            if self.model is None:
                self.show_welcome()  # behind the message, so the app stays usable
            self.dialogs.show_error(self, tr("The event could not be opened"), str(err))
            if self.welcome is not None:
                self.welcome.set_recent(self.settings.recent())
            return False
        if mode is None:  # a copy handed out to a table is that table's laptop: Capture
            mode = Mode.CAPTURE if document.handed_out else self.settings.last_mode()
        self._adopt(document, mode, remember)
        return True

    def _adopt(self, document: Document, mode: str, remember: bool) -> None:
        from workshop_app.ui.document_model import DocumentModel
        from workshop_app.ui.laptops.status import LaptopsStatus
        from workshop_app.ui.shell.workspace import Workspace

        self._close_current()
        model = DocumentModel(document, self)
        workspace = Workspace(model, self.dialogs, self.stack, mode=mode)
        model.changed.connect(self._on_model_changed)
        model.saved.connect(self._on_model_saved)
        workspace.mode_changed.connect(self._on_workspace_mode_changed)
        self.model, self.workspace, self._remember = model, workspace, remember
        self.undo_group.addStack(model.undo_stack)
        self.undo_group.setActiveStack(model.undo_stack)
        self.stack.addWidget(workspace)
        self.stack.setCurrentWidget(workspace)
        self.laptops_status = LaptopsStatus(model, workspace, self)
        self.statusBar().insertPermanentWidget(0, self.laptops_status)
        self._set_document_actions(True)
        workspace.set_mode(mode, focus=True)
        self._on_workspace_mode_changed(workspace.mode())
        if remember:
            self.settings.add_recent(document.path, model.event_record().title)
        self._update_title()
        self.saved_label.setText(
            tr("Read-only: nothing can be changed")
            if document.readonly
            else tr("All changes saved")
        )
        self.sharing.adopt(model)
        if document.set_aside:
            from workshop_app.ui.shell.file_ops import set_aside_message

            self.dialogs.show_info(self, tr("Opened read-only"), set_aside_message(document))

    def _close_current(self) -> None:
        model, workspace = self.model, self.workspace
        if model is None or workspace is None:
            return
        if not model.document.closed:
            workspace.commit_edits()
        self.sharing.release()  # before the document closes: a publish may be reading it
        self.phones.stop()
        self.model = self.workspace = None
        if self.laptops_status is not None:
            self.statusBar().removeWidget(self.laptops_status)
            self.laptops_status.deleteLater()
            self.laptops_status = None
        if self._remember and not model.document.closed:
            self.settings.rename_recent(model.document.path, model.event_record().title)
        self.undo_group.removeStack(model.undo_stack)
        self.stack.removeWidget(workspace)
        workspace.deleteLater()
        model.document.close()
        model.deleteLater()
        self._set_document_actions(False)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.set_geometry(self.saveGeometry())
        self._close_current()
        self.settings.sync()
        super().closeEvent(event)

    # -- staged startup --------------------------------------------------------------------

    def show_opening(self, text: str, *, title: str = "") -> None:
        """A light page for the first frame at startup, e.g. "Opening “x.workshop”…".

        Centred with stretches rather than ``Qt.AlignmentFlag``: touching PySide6's ``Qt``
        namespace builds all its enums (about 10 ms), which can wait until after this frame."""
        page = QWidget()
        rows = QVBoxLayout(page)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(QLabel(text))
        row.addStretch(1)
        rows.addStretch(1)
        rows.addLayout(row)
        rows.addStretch(2)
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        if title:
            self.setWindowTitle(tr("{title} — Workshop").format(title=title))

    # -- window state ----------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self.settings.geometry()
        if geometry is not None and self.restoreGeometry(geometry):
            return
        screen = QGuiApplication.primaryScreen().availableGeometry()
        self.resize(min(1200, int(screen.width() * 0.9)), min(820, int(screen.height() * 0.9)))

    def _update_title(self) -> None:
        if self.model is None:
            self.setWindowTitle(APP_TITLE)
            return
        title = self.model.event_record().title.strip() or tr("Untitled event")
        name = self.model.document.path.name
        if self.model.document.readonly:
            name = tr("{file} (read-only)").format(file=name)
        self.setWindowTitle(tr("{title} — {file} — Workshop").format(title=title, file=name))

    def _set_document_actions(self, enabled: bool) -> None:
        for action in self.menu_actions.document:
            action.setEnabled(enabled)

    def set_text_size(self, delta: int) -> None:
        self.settings.set_text_size_delta(apply_text_size(delta))

    def _on_welcome_recent_chosen(self, path: str) -> None:
        self.open_path(Path(path))

    def _on_welcome_recent_removed(self, path: str) -> None:
        self.settings.remove_recent(path)
        if self.welcome is not None:
            self.welcome.set_recent(self.settings.recent())
            self.welcome.recent_list.setFocus()

    def _on_workspace_mode_changed(self, mode: str) -> None:
        self.settings.set_last_mode(mode)
        self.menu_actions.modes[mode].setChecked(True)

    def _on_model_changed(self, kind: type, _record_id: str) -> None:
        from workshop_app.domain.records import Event

        if kind is Event:
            self._update_title()

    def _on_model_saved(self, clock_time: str) -> None:
        self.saved_label.setText(tr("All changes saved {time}").format(time=clock_time))

    # -- the menus' slots --------------------------------------------------------------------

    def _connect_actions(self) -> None:
        self.phones.url_changed.connect(self._on_phones_url_changed)
        a = self.menu_actions
        a.new.triggered.connect(self._on_new_action_triggered)
        a.open.triggered.connect(self._on_open_action_triggered)
        a.recent.aboutToShow.connect(self._on_recent_menu_about_to_show)
        a.recent.triggered.connect(self._on_recent_menu_triggered)
        a.save.triggered.connect(self._on_save_action_triggered)
        a.save_copy.triggered.connect(lambda: self._write_file(None))
        for kind, action in a.exports.items():
            action.triggered.connect(lambda _=False, k=kind: self._write_file(k))
        a.restore.triggered.connect(self._on_restore_action_triggered)
        a.prepare.triggered.connect(self.laptop_handlers.prepare)
        a.merge.triggered.connect(self.laptop_handlers.merge)
        a.conflicts.triggered.connect(self.laptop_handlers.show_conflicts)
        a.share.triggered.connect(self.sharing.share)
        a.stop_share.triggered.connect(self.sharing.stop)
        a.close.triggered.connect(self.close_document)
        a.quit.triggered.connect(self.close)
        for mode, action in a.modes.items():
            action.triggered.connect(lambda _=False, m=mode: self._on_mode_action_triggered(m))
        a.larger.triggered.connect(lambda: self.set_text_size(self.settings.text_size_delta() + 1))
        a.smaller.triggered.connect(lambda: self.set_text_size(self.settings.text_size_delta() - 1))
        a.reset_text.triggered.connect(lambda: self.set_text_size(0))
        a.about.triggered.connect(self._on_about_action_triggered)
        a.files.triggered.connect(self._on_files_action_triggered)
        a.keys.triggered.connect(self._on_keys_action_triggered)

    def _on_new_action_triggered(self) -> None:
        from workshop_app.storage.templates import list_templates

        templates = list_templates()
        names = [t.name for t in templates]
        index = self.dialogs.choose(self, tr("New event"), tr("Start from this template:"), names)
        if index is not None:
            self.new_event(templates[index].key)

    def _on_open_action_triggered(self) -> None:
        from workshop_app.ui.shell.file_ops import ask_open_path

        document = self.document
        path = ask_open_path(self.dialogs, self, document.path if document is not None else None)
        if path is not None:
            self.open_path(path)

    def _on_recent_menu_about_to_show(self) -> None:
        fill_recent_menu(self.menu_actions.recent, self.settings.recent(), self)

    def _on_recent_menu_triggered(self, action: QAction) -> None:
        path = str(action.data() or "")
        if path:
            self.open_path(Path(path))
        else:
            self.settings.clear_recent()
            if self.welcome is not None:
                self.welcome.set_recent([])

    def _on_save_action_triggered(self) -> None:
        if self.model is not None and not self.model.document.readonly:
            saved = tr("All changes saved {time}").format(time=self.model.last_saved)
            self.saved_label.setText(saved.strip())
        self.statusBar().showMessage(tr(SAVED_HINT), 6000)

    def _write_file(self, kind: str | None) -> None:
        """Save a Copy As… (``kind`` None) or an export (``file_ops.EXPORTS``)."""
        from workshop_app.ui.shell.file_ops import write_from_menu

        document = self.document
        if document is None:
            return
        if kind is not None and self.model is not None:  # an export: the check runs first
            from workshop_app.ui.report.findings import check_then
            from workshop_app.ui.shell.file_ops import EXPORTS

            check_then(
                self.model, tr("export as {format}").format(format=EXPORTS[kind].name), self,
                lambda redact: self._show_written(write_from_menu(
                    self.dialogs, self, document, kind, redact=redact)),
            )  # fmt: skip
            return
        self._show_written(write_from_menu(self.dialogs, self, document, kind))

    def _show_written(self, done: str | None) -> None:
        if done is not None:
            self.statusBar().showMessage(done, 8000)

    def _on_restore_action_triggered(self) -> None:
        """List the open event's backups (every event's on the welcome screen)."""
        from PySide6.QtCore import Qt

        from workshop_app.storage.backups import describe_backups
        from workshop_app.ui.shell.restore import RestoreDialog

        if self.model is not None:
            found = describe_backups(self.model.document.event_id)
            title: str | None = self.model.event_record().title
        else:
            found, title = describe_backups(), None
        dialog = RestoreDialog(found, title, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.chosen.connect(self._on_restore_dialog_chosen)
        self.restore_dialog = dialog
        dialog.open()

    def _on_restore_dialog_chosen(self, info: BackupInfo) -> None:
        from workshop_app.ui.shell.restore import restore_copy, when_text

        document = self.document
        try:
            path = restore_copy(self.dialogs, self, info, document.path if document else None)
        except WorkshopError as err:
            self.dialogs.show_error(self, tr("The backup was not restored"), str(err))
            return
        if path is not None and self.open_path(path):
            self.statusBar().showMessage(
                tr("Opened a copy of the backup from {time}: {path}").format(
                    time=when_text(info), path=path
                ),
                10000,
            )

    def _on_mode_action_triggered(self, mode: str) -> None:
        if self.workspace is not None:
            self.workspace.set_mode(mode, focus=True)

    def _on_phones_url_changed(self, url: str | None) -> None:
        """Attendee input on or off: Run shows the page's QR code and address (or hides them)."""
        from workshop_app.ui.run.page import RunPage

        page = self.workspace.page(Mode.RUN) if self.workspace is not None else None
        if isinstance(page, RunPage):
            page.set_attendee_url(url)

    def _on_about_action_triggered(self) -> None:
        from PySide6.QtCore import Qt

        from workshop_app.ui.shell.about import AboutDialog

        dialog = AboutDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _on_files_action_triggered(self) -> None:
        from PySide6.QtCore import Qt

        from workshop_app.ui.shell.help import FilesDialog

        dialog = FilesDialog(self.document, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _on_keys_action_triggered(self) -> None:
        from PySide6.QtCore import Qt

        from workshop_app.ui.shell.help_keys import KeysDialog

        dialog = KeysDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(self._on_keys_dialog_destroyed)
        self.keys_dialog = dialog
        dialog.open()

    def _on_keys_dialog_destroyed(self) -> None:
        self.keys_dialog = None
