"""MenuHandlers: what the main window's menu actions do.

Built by the main window, which it drives through its public methods (open_path, new_event,
close_document, set_text_size) and attributes (dialogs, settings, document, workspace).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from workshop_app.domain.errors import WorkshopError
from workshop_app.ui.common.dialogs import Dialogs
from workshop_app.ui.shell.menus import fill_recent_menu

if TYPE_CHECKING:
    from workshop_app.storage.backups import BackupInfo
    from workshop_app.storage.document import Document
    from workshop_app.ui.shell.help_keys import KeysDialog
    from workshop_app.ui.shell.main_window import MainWindow
    from workshop_app.ui.shell.restore import RestoreDialog

SAVED_HINT = "All changes saved. Workshop saves every change the moment you make it."


class MenuHandlers(QObject):
    """Connects ``window.actions`` to their handlers."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.restore_dialog: RestoreDialog | None = None
        self.keys_dialog: KeysDialog | None = None
        self._connect_actions()

    def _connect_actions(self) -> None:
        a = self.window.actions
        a.new.triggered.connect(self._on_new_action_triggered)
        a.open.triggered.connect(self._on_open_action_triggered)
        a.recent.aboutToShow.connect(self._on_recent_menu_about_to_show)
        a.recent.triggered.connect(self._on_recent_menu_triggered)
        a.save.triggered.connect(self._on_save_action_triggered)
        a.save_copy.triggered.connect(self._on_save_copy_action_triggered)
        for kind, action in a.exports.items():
            action.triggered.connect(lambda _=False, k=kind: self._on_export_action_triggered(k))
        a.restore.triggered.connect(self._on_restore_action_triggered)
        a.close.triggered.connect(self.window.close_document)
        a.quit.triggered.connect(self.window.close)
        for mode, action in a.modes.items():
            action.triggered.connect(lambda _=False, m=mode: self._on_mode_action_triggered(m))
        a.larger.triggered.connect(self._on_larger_action_triggered)
        a.smaller.triggered.connect(self._on_smaller_action_triggered)
        a.reset_text.triggered.connect(self._on_reset_text_action_triggered)
        a.about.triggered.connect(self._on_about_action_triggered)
        a.files.triggered.connect(self._on_files_action_triggered)
        a.keys.triggered.connect(self._on_keys_action_triggered)

    # -- handlers --------------------------------------------------------------------------

    def _on_new_action_triggered(self) -> None:
        from workshop_app.storage.templates import list_templates

        templates = list_templates()
        index = self.window.dialogs.choose(
            self.window, "New event", "Start from this template:", [t.name for t in templates]
        )
        if index is not None:
            self.window.new_event(templates[index].key)

    def _on_open_action_triggered(self) -> None:
        from workshop_app.ui.shell.file_ops import start_folder

        document = self.window.document
        folder = start_folder(document.path if document is not None else None)
        path = self.window.dialogs.open_file(self.window, "Open an event", folder)
        if path is not None:
            self.window.open_path(path)

    def _on_recent_menu_about_to_show(self) -> None:
        fill_recent_menu(self.window.actions.recent, self.window.settings.recent(), self.window)

    def _on_recent_menu_triggered(self, action: QAction) -> None:
        path = str(action.data() or "")
        if path:
            self.window.open_path(Path(path))
        else:
            self.window.settings.clear_recent()
            if self.window.welcome is not None:
                self.window.welcome.set_recent([])

    def _on_save_action_triggered(self) -> None:
        model = self.window.model
        if model is not None and not model.document.readonly:
            self.window.saved_label.setText(f"All changes saved {model.last_saved}".strip())
        self.window.statusBar().showMessage(SAVED_HINT, 6000)

    def _on_save_copy_action_triggered(self) -> None:
        from workshop_app.ui.shell.file_ops import save_copy

        self._write_file(save_copy, "The copy could not be saved", "Saved a copy to")

    def _on_export_action_triggered(self, kind: str) -> None:
        from workshop_app.ui.shell.file_ops import export

        def write(dialogs: Dialogs, parent: QWidget, document: Document) -> Path | None:
            return export(dialogs, parent, document, kind)

        self._write_file(write, "The export could not be written", "Exported to")

    def _write_file(
        self,
        writer: Callable[[Dialogs, QWidget, Document], Path | None],
        failure: str,
        done: str,
    ) -> None:
        if self.window.document is None:
            return
        try:
            path = writer(self.window.dialogs, self.window, self.window.document)
        except WorkshopError as err:
            self.window.dialogs.show_error(self.window, failure, str(err))
            return
        if path is not None:
            self.window.statusBar().showMessage(f"{done} {path}", 8000)

    def _on_restore_action_triggered(self) -> None:
        """List the open event's backups (every event's on the welcome screen)."""
        from PySide6.QtCore import Qt

        from workshop_app.storage.backups import describe_backups
        from workshop_app.ui.shell.restore import RestoreDialog

        model = self.window.model
        if model is not None:
            found = describe_backups(model.document.event_id)
            title: str | None = model.event_record().title
        else:
            found, title = describe_backups(), None
        dialog = RestoreDialog(found, title, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.chosen.connect(self._on_restore_dialog_chosen)
        self.restore_dialog = dialog
        dialog.open()

    def _on_restore_dialog_chosen(self, info: BackupInfo) -> None:
        from workshop_app.ui.shell.restore import restore_copy, when_text

        document = self.window.document
        try:
            path = restore_copy(
                self.window.dialogs, self.window, info, document.path if document else None
            )
        except WorkshopError as err:
            self.window.dialogs.show_error(self.window, "The backup was not restored", str(err))
            return
        if path is not None and self.window.open_path(path):
            self.window.statusBar().showMessage(
                f"Opened a copy of the backup from {when_text(info)}: {path}", 10000
            )

    def _on_mode_action_triggered(self, mode: str) -> None:
        if self.window.workspace is not None:
            self.window.workspace.set_mode(mode, focus=True)

    def _on_larger_action_triggered(self) -> None:
        self.window.set_text_size(self.window.settings.text_size_delta() + 1)

    def _on_smaller_action_triggered(self) -> None:
        self.window.set_text_size(self.window.settings.text_size_delta() - 1)

    def _on_reset_text_action_triggered(self) -> None:
        self.window.set_text_size(0)

    def _on_about_action_triggered(self) -> None:
        from workshop_app.ui.shell.help import about_text

        self.window.dialogs.show_info(self.window, "About Workshop", about_text())

    def _on_files_action_triggered(self) -> None:
        from PySide6.QtCore import Qt

        from workshop_app.ui.shell.help import FilesDialog

        dialog = FilesDialog(self.window.document, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _on_keys_action_triggered(self) -> None:
        from PySide6.QtCore import Qt

        from workshop_app.ui.shell.help_keys import KeysDialog

        dialog = KeysDialog(self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(self._on_keys_dialog_destroyed)
        self.keys_dialog = dialog
        dialog.open()

    def _on_keys_dialog_destroyed(self) -> None:
        self.keys_dialog = None
