"""WindowSharing: File ▸ Share Through a Folder… and Stop Sharing, and the status bar's share
state, for the main window.

The folder is remembered per event file (``AppSettings.share_folder``): opening the file again
shares it again. The state is one permanent label of the status bar of its own, hidden while
the event is not shared ("Shared through “Room” · last published 12:03 · 4 laptops").

The window connects File ▸ Share Through a Folder… to ``share`` and Stop Sharing to ``stop``,
and hands in what they need (the dialogs' parent, the dialogs service, the settings, the status
bar, the Stop Sharing action to enable, a way to the open model); ``adopt`` and ``release``
follow the open event.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from workshop_app.ui.common.dialogs import Dialogs
from workshop_app.ui.common.i18n import tr
from workshop_app.ui.common.settings import AppSettings

if TYPE_CHECKING:
    from workshop_app.ui.document_model import DocumentModel
    from workshop_app.ui.laptops.sharing import FolderSharing


class WindowSharing(QObject):
    """Starts and stops ``FolderSharing`` for the window's open event."""

    def __init__(
        self,
        parent: QWidget,
        dialogs: Dialogs,
        settings: AppSettings,
        status: QStatusBar,
        stop_action: QAction,
        model: Callable[[], DocumentModel | None],
    ) -> None:
        super().__init__(parent)
        self.parent_widget, self.dialogs, self.settings = parent, dialogs, settings
        self.status, self.stop_action = status, stop_action
        self.model = model  # the open event's, None while none is open
        self.sharing: FolderSharing | None = None
        self.label: QLabel | None = None  # made when first shared: nothing more at startup
        stop_action.setEnabled(False)

    def adopt(self, model: DocumentModel) -> None:
        """An event was opened: share it again if its file was shared when last open."""
        folder = self.settings.share_folder(model.document.path)
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
        self.stop_action.setEnabled(False)

    def _start(self, model: DocumentModel, folder: Path) -> None:
        from workshop_app.ui.laptops.sharing import FolderSharing

        self.release()
        self.sharing = FolderSharing(model, folder, self)
        self.sharing.status_changed.connect(self._on_sharing_status_changed)
        self._label().show()
        self.stop_action.setEnabled(True)
        self.sharing.start()

    def share(self) -> None:
        """File ▸ Share Through a Folder…: ask for the folder, remember it, start sharing."""
        model = self.model()
        if model is None:
            return
        if model.document.readonly:
            self.dialogs.show_error(
                self.parent_widget,
                tr("This event cannot be shared"),
                model.document.readonly_reason()
                + " "
                + tr("Notes from other laptops cannot come in."),
            )
            return
        current = self.settings.share_folder(model.document.path)
        start = current or model.document.path.parent
        folder = self.dialogs.choose_folder(
            self.parent_widget, tr("Share this event through a folder"), start
        )
        if folder is None:
            return
        if not folder.is_dir():
            self.dialogs.show_error(
                self.parent_widget,
                tr("This folder cannot be used"),
                tr("“{folder}” is not a folder.").format(folder=folder),
            )
            return
        self.settings.set_share_folder(model.document.path, folder)
        self._start(model, folder)

    def stop(self) -> None:
        """File ▸ Stop Sharing: forget the folder for this event and stop."""
        model = self.model()
        if model is not None:
            self.settings.set_share_folder(model.document.path, None)
        self.release()
        self.status.showMessage(tr("Sharing stopped: notes are kept on this laptop only"), 5000)

    def _label(self) -> QLabel:
        if self.label is None:
            from PySide6.QtCore import Qt

            self.label = QLabel(self.parent_widget)
            self.label.setObjectName("shareStatus")
            self.label.setAccessibleName(tr("Sharing"))
            self.label.setContentsMargins(16, 0, 4, 0)  # apart from "All changes saved"
            self.label.setTextFormat(Qt.TextFormat.PlainText)  # a folder's name as it is
            self.status.addPermanentWidget(self.label)
        return self.label

    def _on_sharing_status_changed(self, text: str, details: str) -> None:
        label = self._label()
        label.setText(text)
        label.setToolTip(details)
        label.setAccessibleDescription(details)
