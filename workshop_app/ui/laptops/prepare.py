"""File ▸ Prepare laptops for tables…: write one copy of the event per table (or N copies)
into a folder or onto a USB stick, each opening in Capture on its own table, each its own laptop
(``storage.handout``).

The dialog is complete by keyboard: the folder box has the focus (type a path, or Alt+C to
choose one), Tab reaches the two ways and the tables (Space ticks or unticks one), Enter writes.
A failure (a full stick, a folder that is gone, a copy already there) is said in the dialog,
which stays open; nothing is half-written.

Signals:
    written(list paths): the copies were written (the dialog then closes).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.errors import WorkshopError
from workshop_app.domain.records import UNNAMED_TABLE, Group
from workshop_app.i18n import N_
from workshop_app.storage import handout
from workshop_app.ui.common.dialogs import Dialogs
from workshop_app.ui.common.i18n import tr, trn
from workshop_app.ui.common.text import plain_label
from workshop_app.ui.document_model import DocumentModel

INTRO = N_(
    "Each table's note-taker gets a copy of this event on their laptop. A copy opens in "
    "Capture on its table, and counts as a laptop of its own. Afterwards, File ▸ Merge Notes "
    "From… brings every table's notes back into one file."
)


class PrepareDialog(QDialog):
    """Where, and how many copies; ``write`` writes them."""

    written = Signal(list)

    def __init__(
        self, model: DocumentModel, dialogs: Dialogs, folder: Path, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.model, self.dialogs = model, dialogs
        self.setWindowTitle(tr("Prepare laptops for tables"))
        self.setAccessibleName(tr("Prepare laptops for tables"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.groups = model.select(Group)
        self.folder = QLineEdit(str(folder), self)
        self.folder.setAccessibleName(tr("Folder or USB stick for the copies"))
        self.choose = QPushButton(tr("&Choose…"), self)
        self.choose.setAccessibleName(tr("Choose the folder"))
        self.choose.setAutoDefault(False)
        folder_label = QLabel(tr("&Folder or USB stick:"), self)
        folder_label.setBuddy(self.folder)
        self.per_table = QRadioButton(tr("One copy per &table"), self)
        self.per_table.setAccessibleName(tr("One copy per table"))
        self.tables = QListWidget(self)
        self.tables.setAccessibleName(tr("Tables to prepare a copy for (Space ticks or unticks)"))
        for group in self.groups:
            item = QListWidgetItem(group.name or tr(UNNAMED_TABLE), self.tables)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setData(Qt.ItemDataRole.UserRole, group.id)
        self.tables.setCurrentRow(0)
        self.numbered = QRadioButton(tr("A &number of copies, each asking for its table:"), self)
        self.numbered.setAccessibleName(tr("A number of copies, each asking for its table"))
        self.count = QSpinBox(self)
        self.count.setRange(1, 50)
        self.count.setValue(max(2, len(self.groups)))
        self.count.setAccessibleName(tr("Number of copies"))
        self.ways = QButtonGroup(self)
        self.ways.addButton(self.per_table)
        self.ways.addButton(self.numbered)
        (self.per_table if self.groups else self.numbered).setChecked(True)
        self.per_table.setEnabled(bool(self.groups))
        self.names = plain_label("", self)
        self.problem = plain_label("", self)
        self.problem.setAccessibleName(tr("Problem"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.write_button = self.buttons.addButton(
            tr("&Write copies"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.write_button.setAccessibleName(tr("Write the copies"))
        self.write_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(tr("Cancel"))
        self._lay_out(folder_label)
        self.choose.clicked.connect(self._on_choose_clicked)
        self.buttons.accepted.connect(self.write)
        self.buttons.rejected.connect(self.reject)
        self.ways.buttonToggled.connect(self._on_way_toggled)
        self.tables.itemChanged.connect(self._show_names)
        self.count.valueChanged.connect(self._show_names)
        self._on_way_toggled()
        self.folder.setFocus()

    def _lay_out(self, folder_label: QLabel) -> None:
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(self.choose)
        count_row = QHBoxLayout()
        count_row.addWidget(self.numbered)
        count_row.addWidget(self.count)
        count_row.addStretch(1)
        column = QVBoxLayout(self)
        column.addWidget(plain_label(tr(INTRO), self))
        column.addWidget(folder_label)
        column.addLayout(row)
        column.addWidget(self.per_table)
        column.addWidget(self.tables, 1)
        column.addLayout(count_row)
        column.addWidget(self.names)
        column.addWidget(self.problem)
        column.addWidget(self.buttons)
        self.resize(560, 480)

    def copies(self) -> list[handout.Copy]:
        title = self.model.event_record().title
        if self.numbered.isChecked():
            return handout.plan(title, count=self.count.value())
        ticked = [
            (str(item.data(Qt.ItemDataRole.UserRole)), item.text())
            for item in (self.tables.item(row) for row in range(self.tables.count()))
            if item.checkState() == Qt.CheckState.Checked
        ]
        return handout.plan(title, ticked) if ticked else []

    def write(self) -> None:
        copies = self.copies()
        text = self.folder.text().strip()
        if not copies:
            self.problem.setText(tr("Tick at least one table (Space ticks the one selected)."))
            return
        if not text:
            self.problem.setText(tr("Type or choose the folder (or USB stick) for the copies."))
            self.folder.setFocus()
            return
        try:
            paths = self.model.document.write_copies(Path(text).expanduser(), copies)
        except WorkshopError as err:
            self.problem.setText(tr("⚠ {reason}").format(reason=err))
            return
        self.written.emit(paths)
        self.accept()

    def _show_names(self, *_: object) -> None:
        copies = self.copies()
        if not copies:
            self.names.setText(tr("No copies: no table is ticked."))
            return
        self.names.setText(
            trn(
                "Writes %n file, such as “{name}”.",
                "Writes %n files, such as “{name}”.",
                len(copies),
            ).format(name=copies[-1].name)
        )
        self.problem.clear()

    def _on_way_toggled(self, *_: object) -> None:
        self.tables.setEnabled(self.per_table.isChecked())
        self.count.setEnabled(self.numbered.isChecked())
        self._show_names()

    def _on_choose_clicked(self) -> None:
        folder = self.dialogs.choose_folder(
            self, tr("Folder or USB stick for the copies"), Path(self.folder.text() or ".")
        )
        if folder is not None:
            self.folder.setText(str(folder))
        self.folder.setFocus()
