"""Small widgets Plan mode shares: a heading, a problem line, a committing text box, a table
that says what to do when it is empty."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QFocusEvent, QFont, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QStyle,
    QTableView,
    QWidget,
)

from workshop_app.ui.common.i18n import tr


class Heading(QLabel):
    """A section heading: bold and larger than the surrounding text, following its font."""

    def __init__(self, text: str, parent: QWidget | None = None, scale: float = 1.35) -> None:
        super().__init__(text, parent)
        self._scale = scale
        self.setAccessibleName(text)
        self._apply()

    def _apply(self) -> None:
        parent = self.parentWidget()
        base = QFont(parent.font() if parent is not None else QApplication.font())
        base.setBold(True)
        if base.pointSizeF() > 0:
            base.setPointSizeF(base.pointSizeF() * self._scale)
        self.setFont(base)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.ParentChange:
            self._apply()
        super().changeEvent(event)

    def follow_parent_font(self) -> None:
        """Re-scale after the parent's font changed (View ▸ text size)."""
        self._apply()


class ProblemLine(QWidget):
    """A warning icon and the reason, shown next to a field; hidden when there is no problem."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.icon = QLabel(self)
        size = self.fontMetrics().height()
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.icon.setPixmap(icon.pixmap(size, size))
        self.icon.setAccessibleName(tr("Warning"))
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        layout.addWidget(self.icon)
        layout.addWidget(self.text, 1)
        self.set_problems([])

    def set_problems(self, problems: list[str]) -> None:
        message = "; ".join(problems)
        self.text.setText(message)
        self.setAccessibleName(
            tr("Needs attention: {problems}").format(problems=message)
            if message
            else tr("No problems")
        )
        self.text.setAccessibleName(self.accessibleName())
        self.setVisible(bool(message))

    def message(self) -> str:
        return self.text.text() if self.isVisibleTo(self.parentWidget() or self) else ""


class CommitTextEdit(QPlainTextEdit):
    """Multi-line text that commits when focus leaves (like a line edit's editingFinished).
    Tab moves focus on; it does not type a tab."""

    committed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)

    def set_text_quietly(self, text: str) -> None:
        if self.toPlainText() != text:
            self.setPlainText(text)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.committed.emit(self.toPlainText())
        super().focusOutEvent(event)


class RecordTableView(QTableView):
    """A table view that tells people what to do when it has no rows.

    F2 on a cell the list cannot edit (one worked out from elsewhere) emits
    ``edit_elsewhere_requested(index)`` instead of doing nothing."""

    edit_elsewhere_requested = Signal(QModelIndex)

    def __init__(self, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.empty_text = empty_text

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        if (
            event.key() == Qt.Key.Key_F2
            and self.state() != self.State.EditingState
            and index.isValid()
            and not index.flags() & Qt.ItemFlag.ItemIsEditable
        ):
            self.edit_elsewhere_requested.emit(index)
            event.accept()
            return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if model is not None and model.rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().placeholderText().color())
            rect = self.viewport().rect().adjusted(12, 12, -12, -12)
            flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
            painter.drawText(rect, int(flags), self.empty_text)
            painter.end()


def configure_table(view: QTableView) -> None:
    """Keyboard-first behaviour shared by every Plan list."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.AnyKeyPressed
        | QAbstractItemView.EditTrigger.SelectedClicked
    )
    view.setTabKeyNavigation(False)  # Tab leaves the list; while editing, Tab moves cell to cell
    view.setDragEnabled(True)
    view.setAcceptDrops(True)
    view.setDropIndicatorShown(True)
    view.setDragDropOverwriteMode(False)
    view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
    view.setDefaultDropAction(Qt.DropAction.MoveAction)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)


def is_font_change(event: QEvent) -> bool:
    return event.type() in (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange)
