"""What File ▸ Prepare laptops for tables…, Merge notes from… and Conflicts… do. Built by the
main window, which it drives through ``window.model``, ``window.dialogs`` and the status bar."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from workshop_app.domain.errors import WorkshopError
from workshop_app.domain.wording import plural

if TYPE_CHECKING:
    from workshop_app.ui.laptops.conflicts_view import ConflictsDialog
    from workshop_app.ui.laptops.merge_dialog import MergeDialog
    from workshop_app.ui.laptops.prepare import PrepareDialog
    from workshop_app.ui.shell.main_window import MainWindow


class LaptopHandlers(QObject):
    """Connects the laptop actions of ``window.actions``; keeps the open dialog (tests drive
    it)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.prepare_dialog: PrepareDialog | None = None
        self.merge_dialog: MergeDialog | None = None
        self.conflicts_dialog: ConflictsDialog | None = None
        actions = window.actions
        actions.prepare.triggered.connect(self._on_prepare_action_triggered)
        actions.merge.triggered.connect(self._on_merge_action_triggered)
        actions.conflicts.triggered.connect(self.show_conflicts)

    def _start_folder(self) -> Path:
        from workshop_app.ui.shell.file_ops import start_folder

        document = self.window.document
        return start_folder(document.path if document is not None else None)

    def _on_prepare_action_triggered(self) -> None:
        from workshop_app.ui.laptops.prepare import PrepareDialog

        model = self.window.model
        if model is None:
            return
        dialog = PrepareDialog(model, self.window.dialogs, self._start_folder(), self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.written.connect(self._on_prepare_dialog_written)
        self._keep("prepare_dialog", dialog)
        dialog.open()

    def _on_prepare_dialog_written(self, paths: list[Path]) -> None:
        folder = paths[0].parent if paths else ""
        self.window.statusBar().showMessage(
            f"Wrote {plural(len(paths), 'copy')} for the tables to {folder}",
            10000,
        )

    def _on_merge_action_triggered(self) -> None:
        from workshop_app.ui.laptops.merge_dialog import MergeDialog

        model = self.window.model
        if model is None:
            return
        dialog = MergeDialog(
            model.document.path, self.window.dialogs, self._start_folder(), self.window
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.merge_requested.connect(self._on_merge_dialog_merge_requested)
        self._keep("merge_dialog", dialog)
        dialog.open()

    def _on_merge_dialog_merge_requested(self, sources: list[Path]) -> None:
        model = self.window.model
        if model is None:
            return
        try:
            result = model.push_merge(sources)
        except WorkshopError as err:
            self.window.dialogs.show_error(self.window, "Nothing was merged", str(err))
            return
        text = f"Merged: {result.summary()}."
        self.window.statusBar().showMessage(text, 15000)
        if result.conflicts:
            text += (
                "\n\nWhen one text was changed on two laptops, the newer change won and the "
                "other was kept. File ▸ Conflicts… lists them, and can put one back."
            )
            if self.window.dialogs.confirm(self.window, "Notes merged", text, "Show conflicts"):
                self.show_conflicts()
        else:
            self.window.dialogs.show_info(self.window, "Notes merged", text)

    def show_conflicts(self) -> None:
        from workshop_app.ui.laptops.conflicts_view import ConflictsDialog

        model = self.window.model
        if model is None:
            return
        dialog = ConflictsDialog(model, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._keep("conflicts_dialog", dialog)
        dialog.open()

    def _keep(self, name: str, dialog: QObject) -> None:
        """Hold ``dialog`` as ``name`` until it is closed (and deleted)."""
        setattr(self, name, dialog)
        dialog.destroyed.connect(lambda: setattr(self, name, None))
