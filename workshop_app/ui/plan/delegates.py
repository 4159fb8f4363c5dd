"""The cell editors of Plan lists: a line edit that teaches, a combo box for kinds, a spin box
for minutes. Values reach the document only when the editor commits (Enter, Tab, focus out)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from workshop_app.ui.common.i18n import tr
from workshop_app.ui.plan.columns import RecordSpec, choice_text

Index = QModelIndex | QPersistentModelIndex
MAX_MINUTES = 24 * 60


class RecordDelegate(QStyledItemDelegate):
    """Creates the right editor for each column of a ``RecordSpec``."""

    def __init__(self, spec: RecordSpec, parent: Any = None) -> None:
        super().__init__(parent)
        self.spec = spec

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        column = self.spec.columns[index.column()]
        editor: QWidget
        if column.editor == "choice":
            combo = QComboBox(parent)
            for choice in column.choices:
                combo.addItem(choice_text(choice), choice)
            editor = combo
        elif column.editor == "minutes":
            spin = QSpinBox(parent)
            spin.setRange(0, MAX_MINUTES)
            spin.setSingleStep(5)
            # Translators: after a number of minutes in a box: "20 min" (keep the space)
            spin.setSuffix(tr(" min"))
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            editor = spin
        else:
            line = QLineEdit(parent)
            line.setPlaceholderText(tr(column.placeholder) if column.placeholder else "")
            line.setFrame(False)
            editor = line
        # Translators: a cell being edited: "Role of speaker 2"
        name = tr("{column} of {thing} {number}").format(
            column=tr(column.header), thing=tr(self.spec.noun), number=index.row() + 1
        )
        editor.setAccessibleName(name)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(value or 0))
            editor.selectAll()
        elif isinstance(editor, QLineEdit):
            editor.setText(str(value or ""))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        elif isinstance(editor, QSpinBox):
            editor.interpretText()
            model.setData(index, editor.value())
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text())
