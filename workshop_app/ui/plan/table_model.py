"""RecordTableModel: one list of records (speakers, questions, tables, agenda) as a Qt table.

A read-through view of the document: rows are re-read from ``DocumentModel`` whenever its
``changed`` signal names this kind (or one it watches); every edit, move and drop is pushed back as
one undoable command. Columns come from a ``RecordSpec`` (``columns.py``).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from workshop_app.domain.records import Record
from workshop_app.ui.common.i18n import tr
from workshop_app.ui.document_model import DocumentModel
from workshop_app.ui.plan.columns import RecordSpec, choice_text

Index = QModelIndex | QPersistentModelIndex
log = logging.getLogger(__name__)
MIME_TYPE = "application/x-workshop-record-ids"

RecordIdRole = Qt.ItemDataRole.UserRole + 1
RecordRole = Qt.ItemDataRole.UserRole + 2
ProblemsRole = Qt.ItemDataRole.UserRole + 3
FieldRole = Qt.ItemDataRole.UserRole + 4


class RecordTableModel(QAbstractTableModel):
    """Rows are the live records of ``spec.kind`` in display order; columns per ``spec``."""

    def __init__(self, model: DocumentModel, spec: RecordSpec, parent: Any = None) -> None:
        super().__init__(parent)
        self.document_model = model
        self.spec = spec
        self._records: list[Record] = []
        self._context: Any = None
        self._problems: list[list[str]] = []
        self._reload()
        model.changed.connect(self._on_model_changed)

    # -- reading the document ------------------------------------------------------------

    def _reload(self) -> None:
        self._records = self.document_model.select(self.spec.kind)
        self._context = self.spec.context(self.document_model, self._records)
        self._problems = [
            self.spec.problems(record, row, self._context)
            for row, record in enumerate(self._records)
        ]

    def _on_model_changed(self, kind: type, record_id: str) -> None:
        if kind is not self.spec.kind and kind not in self.spec.watches:
            return
        old_ids = [r.id for r in self._records]
        new_ids = [r.id for r in self.document_model.select(self.spec.kind)]
        if new_ids != old_ids:
            self.beginResetModel()
            self._reload()
            self.endResetModel()
        elif self._records:
            self._reload()
            last = self.index(self.rowCount() - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def record(self, row: int) -> Record:
        return self._records[row]

    def row_of(self, record_id: str) -> int:
        """The row of a record, or -1."""
        return next((r for r, rec in enumerate(self._records) if rec.id == record_id), -1)

    def problems(self, row: int) -> list[str]:
        return self._problems[row] if 0 <= row < len(self._problems) else []

    @property
    def context(self) -> Any:
        return self._context

    # -- QAbstractTableModel ---------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.spec.columns)

    def roleNames(self) -> dict[int, QByteArray]:
        names = super().roleNames()
        names.update(
            {
                RecordIdRole: QByteArray(b"recordId"),
                RecordRole: QByteArray(b"record"),
                ProblemsRole: QByteArray(b"problems"),
                FieldRole: QByteArray(b"field"),
            }
        )
        return names

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.spec.columns):
            column = self.spec.columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return tr(column.header)
            if role == Qt.ItemDataRole.ToolTipRole and column.tooltip:
                return tr(column.tooltip)
            return None
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        flags = base | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        flags |= Qt.ItemFlag.ItemIsDragEnabled
        if self.spec.columns[index.column()].editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        row = index.row()
        record = self._records[row]
        column = self.spec.columns[index.column()]
        problems = self._problems[row]
        if role == RecordIdRole:
            return record.id
        if role == RecordRole:
            return record
        if role == ProblemsRole:
            return list(problems)
        if role == FieldRole:
            return column.field
        value = getattr(record, column.field) if column.field else None
        if role == Qt.ItemDataRole.EditRole:
            return value if column.field else None
        hint = self._hint(record, row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return hint or self._display(record, row, column.editor, column, value)
        if hint and role == Qt.ItemDataRole.ForegroundRole:
            return QApplication.palette().placeholderText()
        if hint and role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(True)  # not colour alone: a suggestion reads in italics too
            return font
        if hint and role == Qt.ItemDataRole.AccessibleTextRole:
            return tr("Empty. Suggestion: {hint}").format(hint=hint)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            if problems and index.column() == self._problem_column():
                return tr("Needs attention: {problems}").format(problems="; ".join(problems))
            return tr(column.tooltip) if column.tooltip else None
        if role == Qt.ItemDataRole.DecorationRole and problems:
            if index.column() == self._problem_column():
                # imported here: QStyle's enums (~5 ms) are not needed before a list shows
                from PySide6.QtWidgets import QStyle

                style = QApplication.style()
                return style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.editor == "minutes":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, record: Record, row: int, editor: str, column: Any, value: Any) -> str:
        if column.compute is not None:
            return column.compute(record, row, self._context)
        if editor == "choice":
            return choice_text(str(value))
        if editor == "minutes":
            return tr("{minutes} min").format(minutes=value)
        return str(value or "")

    def _hint(self, record: Record, row: int, column: Any) -> str:
        """A template's placeholder for an empty cell, shown greyed (never a value)."""
        if not column.hint_field or self._display(
            record, row, column.editor, column, getattr(record, column.field, None)
        ):
            return ""
        return str(getattr(record, column.hint_field, ""))

    def _problem_column(self) -> int:
        """Problems are flagged (icon + tooltip) on the first editable column."""
        return next(i for i, c in enumerate(self.spec.columns) if c.editable)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        if self.document_model.document.closed:  # an editor closing with the window
            return False
        column = self.spec.columns[index.column()]
        if not column.editable:
            return False
        if column.editor == "minutes":
            value = int(value)
        elif column.editor == "choice" and value not in column.choices:
            return False
        elif column.editor == "text":
            value = str(value).strip()
        record = self._records[index.row()]
        self.document_model.push_update(
            type(record), record.id, label=tr(column.undo_label), **{column.field: value}
        )
        return True

    # -- moving: keyboard, moveRows and drag and drop all end in push_move ------------------

    def move_record(self, record_id: str, to_row: int) -> None:
        """Move one record to ``to_row`` (its final row) as one undoable step."""
        # Translators: an undo step: "Move speaker"; {thing} is a lower-case record name
        label = tr("Move {thing}").format(thing=tr(self.spec.noun))
        self.document_model.push_move(self.spec.kind, record_id, to_row, label=label)

    def moveRows(
        self, source_parent: Index, source_row: int, count: int, dest_parent: Index, dest: int
    ) -> bool:
        """Move ``count`` rows before ``dest`` (Qt's convention). Only single rows are moved."""
        if source_parent.isValid() or dest_parent.isValid() or count != 1:
            return False
        if not 0 <= source_row < len(self._records) or not 0 <= dest <= len(self._records):
            return False
        final = dest - 1 if dest > source_row else dest
        if final == source_row:
            return False
        self.move_record(self._records[source_row].id, final)
        return True

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data = QMimeData()
        ids = "\n".join(self._records[r].id for r in rows)
        data.setData(MIME_TYPE, QByteArray(ids.encode()))
        return data

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return action == Qt.DropAction.MoveAction and data.hasFormat(MIME_TYPE)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """A drop inside the list moves the dragged record (the view never removes rows)."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        ids = bytes(data.data(MIME_TYPE).data()).decode().split("\n")
        source = self.row_of(ids[0]) if ids and ids[0] else -1
        if source < 0:
            return False
        if row < 0 and parent.isValid():  # dropped onto a row: take its place
            row = parent.row() + (1 if parent.row() > source else 0)
        elif row < 0:  # dropped below the last row
            row = len(self._records)
        self.moveRows(QModelIndex(), source, 1, QModelIndex(), row)
        return True  # removeRows is not implemented, so the view cannot remove the source row
