"""Help ▸ About: what Workshop is, its version, and the details a bug report needs (the
Python, PySide6 and Qt versions, the system and the data folder) with a button that copies
them."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app.ui.common.text import ScaledLabel
from workshop_app.ui.common.versions import version_report
from workshop_app.version import app_version

DESCRIPTION = (
    "Plan in-person workshops, run the breakouts to time, capture sticky notes per question "
    "and print the event summary.\n\n"
    "Everything stays on this computer: no account, no network, no server. Every change is "
    "saved to the event file the moment you make it, and backups are kept in the data folder "
    "(Help ▸ Where Files Are Kept).\n\n"
    "Free software under the MIT licence."
)


class AboutDialog(QDialog):
    """The app's name and version, what it does, and copyable details for a bug report."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About Workshop")
        self.setAccessibleName("About Workshop")
        layout = QVBoxLayout(self)
        self.heading = ScaledLabel(f"Workshop {app_version()}", 1.4, bold=True)
        layout.addWidget(self.heading)
        description = ScaledLabel(DESCRIPTION)
        description.setWordWrap(True)
        layout.addWidget(description)

        layout.addSpacing(self.fontMetrics().height() // 2)
        layout.addWidget(ScaledLabel("Details for a bug report", bold=True))
        self.details = QPlainTextEdit(version_report())
        self.details.setReadOnly(True)
        self.details.setAccessibleName("Details for a bug report")
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        lines = self.details.toPlainText().count("\n") + 1
        self.details.setFixedHeight(self.details.fontMetrics().lineSpacing() * lines + 24)
        layout.addWidget(self.details)

        self.copied = QLabel("")
        self.copied.setAccessibleName("Copy result")
        layout.addWidget(self.copied)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton("&Copy Details")
        self.copy_button.setAccessibleName("Copy details for a bug report")
        self.copy_button.setToolTip("Put the version details on the clipboard")
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName("Close")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.copy_button.setDefault(True)
        self.copy_button.setFocus()
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)

    def _on_copy_button_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())
        self.copied.setText("Copied to the clipboard: paste it into your bug report.")
