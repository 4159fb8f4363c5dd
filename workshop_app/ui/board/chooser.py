"""ThemeChooser: where to move the selected notes (M), picked by typing part of a theme's title.

A small window-modal dialog, opened with ``open()``: a filter box over a list of the question's
themes and "Not yet sorted". Typing filters; Up/Down move in the list without leaving the box;
Enter picks the highlighted one, Esc cancels.

Signals:
    picked(object theme_id): a theme's id, or None for "Not yet sorted".
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop_app.ui.board.outline_model import UNSORTED_TITLE
from workshop_app.ui.common.i18n import tr, trn


class ThemeChooser(QDialog):
    picked = Signal(object)

    def __init__(self, themes: list[tuple[str, str]], count: int, parent: QWidget) -> None:
        """``themes``: (id, title) of the question's themes; ``count``: notes to move."""
        super().__init__(parent)
        self.setWindowTitle(trn("Move %n note to…", "Move %n notes to…", count))
        self.setAccessibleName(trn("Move %n note to a theme", "Move %n notes to a theme", count))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.filter = QLineEdit(self)
        self.filter.setAccessibleName(tr("Filter themes"))
        self.filter.setPlaceholderText(tr("Type part of a theme's title"))
        label = QLabel(tr("&Theme:"), self)
        label.setBuddy(self.filter)
        self.list = QListWidget(self)
        self.list.setAccessibleName(tr("Themes"))
        for theme_id, title in [("", tr(UNSORTED_TITLE)), *themes]:
            item = QListWidgetItem(title.strip() or tr("Untitled theme"), self.list)
            item.setData(Qt.ItemDataRole.UserRole, theme_id)
        self.list.setCurrentRow(0)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        self.filter.textChanged.connect(self._on_filter_text_changed)
        self.filter.installEventFilter(self)
        self.list.itemActivated.connect(self._on_list_item_activated)
        self.resize(420, 320)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.filter and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
                self.list.keyPressEvent(event)  # the highlight moves, the typing stays here
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                item = self.list.currentItem()
                if item is not None and not item.isHidden():
                    self._on_list_item_activated(item)
                return True
        return super().eventFilter(watched, event)

    def _on_filter_text_changed(self, text: str) -> None:
        words = text.casefold().split()
        first = -1  # no row: nothing current
        for row in range(self.list.count()):
            item = self.list.item(row)
            hidden = not all(w in item.text().casefold() for w in words)
            item.setHidden(hidden)
            if not hidden and first == -1:
                first = row
        self.list.setCurrentRow(first)

    def _on_list_item_activated(self, item: QListWidgetItem) -> None:
        theme_id = item.data(Qt.ItemDataRole.UserRole)
        self.accept()
        self.picked.emit(theme_id or None)
