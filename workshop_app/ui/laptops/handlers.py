"""What File ▸ Prepare laptops for tables…, Merge notes from… and Conflicts… do. Built by the
main window, which connects those actions to ``prepare``, ``merge`` and ``show_conflicts`` and
hands in what they need: the dialogs' parent, the dialogs service, the status bar and a way to
the open event's model (None while none is open)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QStatusBar, QWidget

from workshop_app.domain.errors import WorkshopError
from workshop_app.ui.common.dialogs import Dialogs
from workshop_app.ui.common.i18n import tr, trn

if TYPE_CHECKING:
    from workshop_app.ui.document_model import DocumentModel
    from workshop_app.ui.laptops.conflicts_view import ConflictsDialog
    from workshop_app.ui.laptops.merge_dialog import MergeDialog
    from workshop_app.ui.laptops.prepare import PrepareDialog


class LaptopHandlers(QObject):
    """The laptop actions' slots; keeps the open dialog (tests drive it)."""

    def __init__(
        self,
        parent: QWidget,
        dialogs: Dialogs,
        status: QStatusBar,
        model: Callable[[], DocumentModel | None],
    ) -> None:
        super().__init__(parent)
        self.parent_widget, self.dialogs, self.status, self.model = parent, dialogs, status, model
        self.prepare_dialog: PrepareDialog | None = None
        self.merge_dialog: MergeDialog | None = None
        self.conflicts_dialog: ConflictsDialog | None = None

    def _start_folder(self, model: DocumentModel) -> Path:
        from workshop_app.ui.shell.file_ops import start_folder

        return start_folder(model.document.path)

    def prepare(self) -> None:
        """File ▸ Prepare Laptops for Tables…"""
        from workshop_app.ui.laptops.prepare import PrepareDialog

        model = self.model()
        if model is None:
            return
        dialog = PrepareDialog(model, self.dialogs, self._start_folder(model), self.parent_widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.written.connect(self._on_prepare_dialog_written)
        self._keep("prepare_dialog", dialog)
        dialog.open()

    def _on_prepare_dialog_written(self, paths: list[Path]) -> None:
        folder = paths[0].parent if paths else ""
        self.status.showMessage(
            trn(
                "Wrote %n copy for the tables to {folder}",
                "Wrote %n copies for the tables to {folder}",
                len(paths),
            ).format(folder=folder),
            10000,
        )

    def merge(self) -> None:
        """File ▸ Merge Notes From…"""
        from workshop_app.ui.laptops.merge_dialog import MergeDialog

        model = self.model()
        if model is None:
            return
        dialog = MergeDialog(
            model.document.path, self.dialogs, self._start_folder(model), self.parent_widget
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.merge_requested.connect(self._on_merge_dialog_merge_requested)
        self._keep("merge_dialog", dialog)
        dialog.open()

    def _on_merge_dialog_merge_requested(self, sources: list[Path]) -> None:
        model = self.model()
        if model is None:
            return
        try:
            result = model.push_merge(sources)
        except WorkshopError as err:
            self.dialogs.show_error(self.parent_widget, tr("Nothing was merged"), str(err))
            return
        text = tr("Merged: {summary}.").format(summary=result.summary())
        self.status.showMessage(text, 15000)
        if result.conflicts:
            kept = tr(
                "When one text was changed on two laptops, the newer change won and the "
                "other was kept. File ▸ Conflicts… lists them, and can put one back."
            )
            text = f"{text}\n\n{kept}"
            title, show = tr("Notes merged"), tr("Show conflicts")
            if self.dialogs.confirm(self.parent_widget, title, text, show):
                self.show_conflicts()
        else:
            self.dialogs.show_info(self.parent_widget, tr("Notes merged"), text)

    def show_conflicts(self) -> None:
        """File ▸ Conflicts…"""
        from workshop_app.ui.laptops.conflicts_view import ConflictsDialog

        model = self.model()
        if model is None:
            return
        dialog = ConflictsDialog(model, self.parent_widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._keep("conflicts_dialog", dialog)
        dialog.open()

    def _keep(self, name: str, dialog: QObject) -> None:
        """Hold ``dialog`` as ``name`` until it is closed (and deleted)."""
        setattr(self, name, dialog)
        dialog.destroyed.connect(lambda: setattr(self, name, None))
