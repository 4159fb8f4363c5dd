"""Questions Plan mode asks the user, behind one small object tests replace.

``PlanDialogs`` uses modal message boxes; tests pass their own object with the same methods
(e.g. one that answers "cancel") so nothing blocks.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget


class Dialogs(Protocol):
    """What Plan mode may ask."""

    def confirm(self, parent: QWidget, title: str, text: str, action: str) -> bool:
        """Ask before something destructive; ``action`` labels the button that goes ahead."""
        ...

    def ask_count(self, parent: QWidget, title: str, label: str, value: int) -> int | None:
        """Ask for a number (1-100); None if cancelled."""
        ...


class PlanDialogs:
    """The real dialogs."""

    def confirm(self, parent: QWidget, title: str, text: str, action: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        box.setTextFormat(Qt.TextFormat.PlainText)  # user text shown as typed
        go = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is go

    def ask_count(self, parent: QWidget, title: str, label: str, value: int) -> int | None:
        count, ok = QInputDialog.getInt(parent, title, label, value, 1, 100)
        return count if ok else None
