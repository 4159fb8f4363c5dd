"""Which table is this laptop? Asked on the first note's Enter, or by "Change table…".

A small window-modal dialog (opened with ``open()``; the page listens to ``finished``) with the
event's tables in a list that has the focus: the arrow keys move, Enter picks, Esc cancels. No
table is picked until an arrow key (or a click) says which, so a second Enter pressed by habit
picks nothing. Printable keys typed while it is open are not a keyboard search (which would pick
a table by its first letter): they are kept in ``typed`` for the note box, never lost.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.records import UNNAMED_TABLE, Group
from workshop_app.ui.capture.type_to_box import is_text
from workshop_app.ui.common.i18n import tr

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class TableChooser(QDialog):
    """The tables of the event; ``chosen()`` is the picked table's id after ``accepted``."""

    def __init__(
        self, groups: list[Group], current: str | None, question: str, parent: QWidget
    ) -> None:
        super().__init__(parent)
        # Translators: the table (furniture) this laptop takes notes for
        self.setWindowTitle(tr("Your table"))
        self.setAccessibleName(tr("Choose your table"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.typed = ""
        label = QLabel(question, self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        self.hint = QLabel(tr("↑ ↓ choose · Enter uses it · Esc goes back to your note"), self)
        self.list = QListWidget(self)
        self.list.setAccessibleName(tr("Tables"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for group in groups:
            item = QListWidgetItem(group.name or tr(UNNAMED_TABLE), self.list)
            item.setData(Qt.ItemDataRole.UserRole, group.id)
        rows = [g.id for g in groups]
        self.list.setCurrentRow(rows.index(current) if current in rows else -1)
        self.list.installEventFilter(self)
        label.setBuddy(self.list)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(tr("Use this table"))
        ok.setAccessibleName(tr("Use this table"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(tr("Cancel"))
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.list.itemSelectionChanged.connect(self._on_list_selection_changed)
        self.list.itemDoubleClicked.connect(self._on_buttons_accepted)
        self._on_list_selection_changed()
        column = QVBoxLayout(self)
        column.addWidget(label)
        column.addWidget(self.list, 1)
        column.addWidget(self.hint)
        column.addWidget(self.buttons)
        self.list.setFocus()

    def chosen(self) -> str | None:
        """The selected table (a list given the focus has a current row, but not a choice)."""
        items = self.list.selectedItems()
        return str(items[0].data(Qt.ItemDataRole.UserRole)) if items else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.key() in ENTER_KEYS:
            self._on_buttons_accepted()  # nothing picked yet: Enter does nothing
            return True
        down = event.key() == Qt.Key.Key_Down
        if (down or event.key() == Qt.Key.Key_Up) and not self.list.selectedItems():
            self.list.setCurrentRow(0 if down else self.list.count() - 1)  # the first arrow
            return True
        if is_text(event):
            self.typed += event.text()
            return True
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in ENTER_KEYS:  # never through a default button: only a picked table
            self._on_buttons_accepted()
            return
        super().keyPressEvent(event)

    def _on_list_selection_changed(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.chosen() is not None)

    def _on_buttons_accepted(self, *_: object) -> None:
        if self.chosen() is None:
            self.hint.setText(
                tr("No table picked yet: press ↓ to pick one, then Enter (Esc: back)")
            )
        elif self.isVisible():
            self.accept()
