"""WindowSharing: File ▸ Share Through a Folder… and Stop Sharing, and the status bar's share
state, for the main window.

The folder is remembered per event file (``AppSettings.share_folder``): opening the file again
shares it again. The state is one permanent label of the status bar of its own, hidden while
the event is not shared ("Shared through “Room” · last published 12:03 · 4 laptops").
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel

if TYPE_CHECKING:
    from workshop_app.ui.document_model import DocumentModel
    from workshop_app.ui.laptops.sharing import FolderSharing
    from workshop_app.ui.shell.main_window import MainWindow


class WindowSharing(QObject):
    """Starts and stops ``FolderSharing`` for the window's open event."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.sharing: FolderSharing | None = None
        self.label: QLabel | None = None  # made when first shared: nothing more at startup
        window.actions.share.triggered.connect(self._on_share_action_triggered)
        window.actions.stop_share.triggered.connect(self._on_stop_share_action_triggered)
        window.actions.stop_share.setEnabled(False)

    def adopt(self, model: DocumentModel) -> None:
        """An event was opened: share it again if its file was shared when last open."""
        folder = self.window.settings.share_folder(model.document.path)
        if folder is not None and not model.document.readonly:
            self._start(model, folder)

    def release(self) -> None:
        """The event is closing: stop sharing it (its folder stays remembered)."""
        if self.sharing is not None:
            self.sharing.stop()
            self.sharing.deleteLater()
            self.sharing = None
        if self.label is not None:
            self.label.clear()
            self.label.hide()
        self.window.actions.stop_share.setEnabled(False)

    def _start(self, model: DocumentModel, folder: Path) -> None:
        from workshop_app.ui.laptops.sharing import FolderSharing

        self.release()
        self.sharing = FolderSharing(model, folder, self)
        self.sharing.status_changed.connect(self._on_sharing_status_changed)
        self._label().show()
        self.window.actions.stop_share.setEnabled(True)
        self.sharing.start()

    def _on_share_action_triggered(self) -> None:
        model = self.window.model
        if model is None:
            return
        if model.document.readonly:
            self.window.dialogs.show_error(
                self.window,
                "This event cannot be shared",
                model.document.readonly_reason() + " Notes from other laptops cannot come in.",
            )
            return
        current = self.window.settings.share_folder(model.document.path)
        start = current or model.document.path.parent
        folder = self.window.dialogs.choose_folder(
            self.window, "Share this event through a folder", start
        )
        if folder is None:
            return
        if not folder.is_dir():
            self.window.dialogs.show_error(
                self.window, "This folder cannot be used", f"“{folder}” is not a folder."
            )
            return
        self.window.settings.set_share_folder(model.document.path, folder)
        self._start(model, folder)

    def _on_stop_share_action_triggered(self) -> None:
        model = self.window.model
        if model is not None:
            self.window.settings.set_share_folder(model.document.path, None)
        self.release()
        self.window.statusBar().showMessage(
            "Sharing stopped: notes are kept on this laptop only", 5000
        )

    def _label(self) -> QLabel:
        if self.label is None:
            from PySide6.QtCore import Qt

            self.label = QLabel(self.window)
            self.label.setObjectName("shareStatus")
            self.label.setAccessibleName("Sharing")
            self.label.setContentsMargins(16, 0, 4, 0)  # apart from "All changes saved"
            self.label.setTextFormat(Qt.TextFormat.PlainText)  # a folder's name as it is
            self.window.statusBar().addPermanentWidget(self.label)
        return self.label

    def _on_sharing_status_changed(self, text: str, details: str) -> None:
        label = self._label()
        label.setText(text)
        label.setToolTip(details)
        label.setAccessibleDescription(details)
