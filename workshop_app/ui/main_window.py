"""MainWindow: the one window of the app, showing the welcome page or an open event.

Opening another event replaces the open one in this same window: the new file is opened first
and only when that worked is the current one closed, so a refused file (in use, damaged, too
new) leaves everything as it was, and the user sees why in a dialog. Closing the window closes
the document, which releases its lock.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QUndoGroup
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget, QWidget

from workshop_app.domain.errors import WorkshopError
from workshop_app.domain.records import Event
from workshop_app.storage.document import Document
from workshop_app.ui import file_ops
from workshop_app.ui.dialogs import Dialogs
from workshop_app.ui.document_model import DocumentModel
from workshop_app.ui.icons import app_icon
from workshop_app.ui.menus import build_menus, fill_recent_menu
from workshop_app.ui.settings import AppSettings
from workshop_app.ui.text import apply_text_size
from workshop_app.ui.welcome import WelcomePage
from workshop_app.ui.workspace import Workspace

APP_TITLE = "Workshop"
SAVED_HINT = "All changes saved. Workshop saves every change the moment you make it."


class MainWindow(QMainWindow):
    """The main window; ``settings`` and ``dialogs`` are passed in (tests pass fakes)."""

    def __init__(
        self, settings: AppSettings, dialogs: Dialogs, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.dialogs = dialogs
        self.model: DocumentModel | None = None
        self.workspace: Workspace | None = None
        self.welcome: WelcomePage | None = None  # built on first use: not needed for `FILE`
        self._remember = True
        self.setWindowIcon(app_icon())
        self.setAccessibleName("Workshop")
        self.undo_group = QUndoGroup(self)
        self.actions = build_menus(self, self.undo_group)
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

    def open_path(self, path: Path) -> bool:
        """Open the event at ``path`` here (or just show it if it is the one open)."""
        current = self.document
        if current is not None and current.path == Path(path).absolute():
            self.stack.setCurrentWidget(self.workspace)
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
        title = self.dialogs.ask_text(self, "New event", "Title of the event:", template.name)
        if title is None or not title.strip():
            return False
        path = file_ops.ask_new_event_path(self.dialogs, self, title.strip())
        if path is None:
            return False
        return self._open_with(
            lambda: create_from_template(path, key, title=title, force=path.exists()), mode="plan"
        )

    def close_document(self) -> None:
        """Close the open event (releasing its file) and show the welcome page."""
        self._close_current()
        self.show_welcome()

    def show_welcome(self) -> None:
        if self.welcome is None:
            from workshop_app.storage.templates import list_templates

            self.welcome = WelcomePage(list_templates(), self.settings.recent(), app_icon())
            self.welcome.create_requested.connect(self.new_event)
            self.welcome.open_requested.connect(self._on_open_action_triggered)
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
            self.dialogs.show_error(self, "The event could not be opened", str(err))
            if self.welcome is not None:
                self.welcome.set_recent(self.settings.recent())
            return False
        self._adopt(document, mode or self.settings.last_mode(), remember)
        return True

    def _adopt(self, document: Document, mode: str, remember: bool) -> None:
        self._close_current()
        model = DocumentModel(document, self)
        workspace = Workspace(model, self.dialogs, self.stack)
        model.changed.connect(self._on_model_changed)
        model.saved.connect(self._on_model_saved)
        workspace.mode_changed.connect(self._on_workspace_mode_changed)
        self.model, self.workspace, self._remember = model, workspace, remember
        self.undo_group.addStack(model.undo_stack)
        self.undo_group.setActiveStack(model.undo_stack)
        self.stack.addWidget(workspace)
        self.stack.setCurrentWidget(workspace)
        self._set_document_actions(True)
        workspace.set_mode(mode, focus=True)
        self._on_workspace_mode_changed(workspace.mode())
        if remember:
            self.settings.add_recent(document.path, model.event_record().title)
        self._update_title()
        self.saved_label.setText("All changes saved")

    def _close_current(self) -> None:
        model, workspace = self.model, self.workspace
        if model is None or workspace is None:
            return
        self.model = self.workspace = None
        if self._remember and not model.document.closed:
            self.settings.rename_recent(model.document.path, model.event_record().title)
        self.undo_group.removeStack(model.undo_stack)
        self.stack.removeWidget(workspace)
        workspace.deleteLater()
        model.document.close()
        model.deleteLater()
        self._set_document_actions(False)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.settings.set_geometry(self.saveGeometry())
        self._close_current()
        self.settings.sync()
        super().closeEvent(event)

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
        title = self.model.event_record().title.strip() or "Untitled event"
        self.setWindowTitle(f"{title} — {self.model.document.path.name} — {APP_TITLE}")

    def _set_document_actions(self, enabled: bool) -> None:
        for action in self.actions.document:
            action.setEnabled(enabled)

    def set_text_size(self, delta: int) -> None:
        self.settings.set_text_size_delta(apply_text_size(delta))

    # -- connections -----------------------------------------------------------------------

    def _connect_actions(self) -> None:
        a = self.actions
        a.new.triggered.connect(self._on_new_action_triggered)
        a.open.triggered.connect(self._on_open_action_triggered)
        a.recent.aboutToShow.connect(self._on_recent_menu_about_to_show)
        a.recent.triggered.connect(self._on_recent_menu_triggered)
        a.save.triggered.connect(self._on_save_action_triggered)
        a.save_copy.triggered.connect(self._on_save_copy_action_triggered)
        for kind, action in a.exports.items():
            action.triggered.connect(lambda _=False, k=kind: self._on_export_action_triggered(k))
        a.close.triggered.connect(self.close_document)
        a.quit.triggered.connect(self.close)
        for mode, action in a.modes.items():
            action.triggered.connect(lambda _=False, m=mode: self._on_mode_action_triggered(m))
        a.larger.triggered.connect(lambda: self.set_text_size(self.settings.text_size_delta() + 1))
        a.smaller.triggered.connect(lambda: self.set_text_size(self.settings.text_size_delta() - 1))
        a.reset_text.triggered.connect(lambda: self.set_text_size(0))
        a.about.triggered.connect(self._on_about_action_triggered)
        a.files.triggered.connect(self._on_files_action_triggered)

    # -- handlers --------------------------------------------------------------------------

    def _on_new_action_triggered(self) -> None:
        from workshop_app.storage.templates import list_templates

        templates = list_templates()
        index = self.dialogs.choose(
            self, "New event", "Start from this template:", [t.name for t in templates]
        )
        if index is not None:
            self.new_event(templates[index].key)

    def _on_open_action_triggered(self) -> None:
        document = self.document
        folder = document.path.parent if document is not None else file_ops.default_folder()
        path = self.dialogs.open_file(self, "Open an event", folder)
        if path is not None:
            self.open_path(path)

    def _on_recent_menu_about_to_show(self) -> None:
        fill_recent_menu(self.actions.recent, self.settings.recent(), self)

    def _on_recent_menu_triggered(self, action: QAction) -> None:
        path = str(action.data() or "")
        if path:
            self.open_path(Path(path))
        else:
            self.settings.clear_recent()
            if self.welcome is not None:
                self.welcome.set_recent([])

    def _on_welcome_recent_chosen(self, path: str) -> None:
        self.open_path(Path(path))

    def _on_welcome_recent_removed(self, path: str) -> None:
        self.settings.remove_recent(path)
        if self.welcome is not None:
            self.welcome.set_recent(self.settings.recent())
            self.welcome.recent_list.setFocus()

    def _on_save_action_triggered(self) -> None:
        if self.model is not None:
            self.saved_label.setText(f"All changes saved {self.model.last_saved}".strip())
        self.statusBar().showMessage(SAVED_HINT, 6000)

    def _on_save_copy_action_triggered(self) -> None:
        if self.document is None:
            return
        try:
            path = file_ops.save_copy(self.dialogs, self, self.document)
        except WorkshopError as err:
            self.dialogs.show_error(self, "The copy could not be saved", str(err))
            return
        if path is not None:
            self.statusBar().showMessage(f"Saved a copy to {path}", 8000)

    def _on_export_action_triggered(self, kind: str) -> None:
        if self.document is None:
            return
        try:
            path = file_ops.export(self.dialogs, self, self.document, kind)
        except WorkshopError as err:
            self.dialogs.show_error(self, "The export could not be written", str(err))
            return
        if path is not None:
            self.statusBar().showMessage(f"Exported to {path}", 8000)

    def _on_mode_action_triggered(self, mode: str) -> None:
        if self.workspace is not None:
            self.workspace.set_mode(mode, focus=True)

    def _on_workspace_mode_changed(self, mode: str) -> None:
        self.settings.set_last_mode(mode)
        self.actions.modes[mode].setChecked(True)

    def _on_model_changed(self, kind: type, _record_id: str) -> None:
        if kind is Event:
            self._update_title()

    def _on_model_saved(self, clock_time: str) -> None:
        self.saved_label.setText(f"All changes saved {clock_time}")

    def _on_about_action_triggered(self) -> None:
        from workshop_app.ui.help import about_text

        self.dialogs.show_info(self, "About Workshop", about_text())

    def _on_files_action_triggered(self) -> None:
        from workshop_app.ui.help import FilesDialog

        dialog = FilesDialog(self.document, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
