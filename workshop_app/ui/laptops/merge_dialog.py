"""File ▸ Merge notes from…: choose other laptops' files (or a folder of them), see what would
come in, then merge as one undoable step.

The preview is a dry run (``storage.merge_preview``): "+38 notes, +1 theme from 3 laptops,
2 conflicts kept", then one line per file, a refused one ("Left out: …") with its reason. The
dialog is complete by keyboard: Alt+F chooses files, Alt+O a folder, Tab reaches the list,
Enter merges.

Signals:
    merge_requested(list paths): merge these (the accepted files); the dialog then closes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app.i18n import N_
from workshop_app.storage import merge_preview
from workshop_app.ui.common.dialogs import Dialogs
from workshop_app.ui.common.i18n import tr, trn
from workshop_app.ui.common.text import plain_label

SOURCES_FILTER = N_("Event files and snapshots (*.workshop *.json *.workshop-snapshot)")
INTRO = N_(
    "Bring in the notes typed on other laptops: their copies of this event (.workshop files, "
    "snapshots or JSON). Nothing changes until you press Merge, and Edit ▸ Undo takes the "
    "whole merge back."
)


class MergeDialog(QDialog):
    """The sources and their preview; ``merge_requested`` once confirmed."""

    merge_requested = Signal(list)

    def __init__(self, into: Path, dialogs: Dialogs, folder: Path, parent: QWidget) -> None:
        super().__init__(parent)
        self.into, self.dialogs, self.start = into, dialogs, folder
        self.preview = merge_preview.Preview()
        self.setWindowTitle(tr("Merge notes from other laptops"))
        self.setAccessibleName(tr("Merge notes from other laptops"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.files_button = QPushButton(tr("Choose &files…"), self)
        self.files_button.setAccessibleName(tr("Choose files to merge"))
        self.folder_button = QPushButton(tr("Choose a f&older…"), self)
        self.folder_button.setAccessibleName(tr("Choose a folder to merge every copy in it"))
        for button in (self.files_button, self.folder_button):
            button.setAutoDefault(False)
        self.summary = plain_label(tr("No files chosen yet."), self)
        self.summary.setAccessibleName(tr("What will come in"))
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        self.list = QListWidget(self)
        self.list.setAccessibleName(tr("Files and what each brings in"))
        self.list.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.merge_button = self.buttons.addButton(
            tr("&Merge"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.merge_button.setAccessibleName(tr("Merge these notes in"))
        self.merge_button.setEnabled(False)
        self.merge_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(tr("Cancel"))
        row = QHBoxLayout()
        row.addWidget(self.files_button)
        row.addWidget(self.folder_button)
        row.addStretch(1)
        column = QVBoxLayout(self)
        column.addWidget(plain_label(tr(INTRO), self))
        column.addLayout(row)
        column.addWidget(self.summary)
        column.addWidget(self.list, 1)
        column.addWidget(self.buttons)
        self.resize(720, 460)
        self.files_button.clicked.connect(self._on_files_clicked)
        self.folder_button.clicked.connect(self._on_folder_clicked)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.files_button.setFocus()

    def show_sources(self, sources: list[Path], where: str = "") -> None:
        """Preview ``sources`` (the files chosen, or those found in a folder: ``where``)."""
        if not sources:
            empty = tr("No event files in {folder}.").format(folder=where) if where else ""
            self._show(merge_preview.Preview(), empty)
            return
        self._show(merge_preview.preview(self.into, sources))

    def _show(self, found: merge_preview.Preview, empty: str = "") -> None:
        self.preview = found
        self.list.clear()
        for item in found.files:
            if item.result is not None:
                self.list.addItem(
                    tr("✓ {file}: {summary}").format(
                        file=item.path.name, summary=item.result.summary()
                    )
                )
            else:
                self.list.addItem(
                    tr("✗ Left out: {file}: {reason}").format(
                        file=item.path.name, reason=item.refused
                    )
                )
        if found.total is not None:
            files = len(found.accepted)
            self.summary.setText(
                trn("{summary} (from %n file)", "{summary} (from %n files)", files).format(
                    summary=found.total.summary()
                )
            )
        else:
            self.summary.setText(empty or tr("None of these files can be merged into this event."))
        self.merge_button.setEnabled(found.total is not None)
        if self.list.count():
            self.list.setCurrentRow(0)
        (self.merge_button if found.total is not None else self.files_button).setFocus()

    def _on_files_clicked(self) -> None:
        chosen = self.dialogs.open_files(
            self, tr("Merge notes from"), self.start, tr(SOURCES_FILTER)
        )
        if chosen:
            self.start = chosen[0].parent
            self.show_sources(chosen)
        self.activateWindow()

    def _on_folder_clicked(self) -> None:
        folder = self.dialogs.choose_folder(self, tr("Merge every copy in a folder"), self.start)
        if folder is not None:
            self.start = folder
            try:
                found = merge_preview.in_folder(folder, self.into)
            except OSError as exc:
                from workshop_app.storage.files import reason

                cannot = tr("“{folder}” cannot be read: {reason}.")
                self._show(
                    merge_preview.Preview(), cannot.format(folder=folder, reason=reason(exc))
                )
                return
            self.show_sources(found, f"“{folder.name or folder}”")
        self.activateWindow()

    def _on_buttons_accepted(self) -> None:
        if self.preview.total is not None:
            self.merge_requested.emit(self.preview.accepted)
            self.accept()
