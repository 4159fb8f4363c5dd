"""Dialogs: the small service every question to the user goes through.

The main window and its helpers never call QFileDialog or QMessageBox themselves; they ask this
service, which tests replace with a fake that answers at once (tests/ui/common/fakes.py). The
real service uses the platform's native dialogs, imported when first needed (they are not
needed before the window's first paint).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from workshop_app.i18n import N_

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

#: Translated where it is used: ``tr(WORKSHOP_FILTER)``.
WORKSHOP_FILTER = N_("Workshop events (*.workshop)")


class Dialogs:
    """Ask, confirm, choose a file, show an error. Every method blocks until answered."""

    def ask_text(
        self, parent: QWidget | None, title: str, label: str, default: str = ""
    ) -> str | None:
        """A line of text, or None if cancelled."""
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        text, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, default)
        return text if ok else None

    def choose(
        self, parent: QWidget | None, title: str, label: str, options: list[str]
    ) -> int | None:
        """The index of the option chosen from a list, or None if cancelled."""
        from PySide6.QtWidgets import QInputDialog

        text, ok = QInputDialog.getItem(parent, title, label, options, 0, False)
        return options.index(text) if ok and text in options else None

    def ask_count(self, parent: QWidget | None, title: str, label: str, value: int) -> int | None:
        """A whole number from 1 to 100 (e.g. how many tables to add), or None."""
        from PySide6.QtWidgets import QInputDialog

        count, ok = QInputDialog.getInt(parent, title, label, value, 1, 100)
        return count if ok else None

    def confirm(self, parent: QWidget | None, title: str, text: str, action: str) -> bool:
        """True if the user chose ``action`` (the button's text, e.g. "Delete")."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        box.setTextFormat(Qt.TextFormat.PlainText)  # user text shown as typed
        yes = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is yes

    def question(self, parent: QWidget | None, title: str, text: str, yes: str, no: str) -> bool:
        """True if the user chose ``yes`` (a button's text, e.g. "Restart Now"), False for
        ``no`` (e.g. "Later") or Esc."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        chosen = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        later = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(later)
        box.setEscapeButton(later)
        box.exec()
        return box.clickedButton() is chosen

    def open_file(
        self, parent: QWidget | None, title: str, folder: Path, file_filter: str = WORKSHOP_FILTER
    ) -> Path | None:
        """An existing file to open, or None."""
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(parent, title, str(folder), file_filter)
        return Path(name) if name else None

    def open_files(
        self, parent: QWidget | None, title: str, folder: Path, file_filter: str
    ) -> list[Path]:
        """Existing files to read (several may be chosen); empty if cancelled."""
        from PySide6.QtWidgets import QFileDialog

        names, _ = QFileDialog.getOpenFileNames(parent, title, str(folder), file_filter)
        return [Path(name) for name in names]

    def choose_folder(self, parent: QWidget | None, title: str, folder: Path) -> Path | None:
        """A folder (e.g. a USB stick), or None if cancelled."""
        from PySide6.QtWidgets import QFileDialog

        name = QFileDialog.getExistingDirectory(parent, title, str(folder))
        return Path(name) if name else None

    def save_file(
        self, parent: QWidget | None, title: str, suggested: Path, file_filter: str
    ) -> Path | None:
        """Where to write a new file, or None. The dialog itself asks before replacing a file,
        so a returned path that exists may be replaced."""
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), file_filter)
        return Path(name) if name else None

    def show_error(self, parent: QWidget | None, title: str, text: str, details: str = "") -> None:
        """A message about something that went wrong; ``details`` go in the expandable part."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
        box.setTextFormat(Qt.TextFormat.PlainText)  # user text shown as typed
        if details:
            box.setDetailedText(details)
        box.exec()

    def show_info(self, parent: QWidget | None, title: str, text: str) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
        box.setTextFormat(Qt.TextFormat.PlainText)  # user text shown as typed
        box.exec()
