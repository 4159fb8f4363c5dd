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

from workshop_app import i18n
from workshop_app.i18n import N_
from workshop_app.ui.common.i18n import tr
from workshop_app.ui.common.text import ScaledLabel
from workshop_app.ui.common.versions import version_report
from workshop_app.version import app_version

DESCRIPTION = N_(
    "Plan in-person workshops, run the breakouts to time, capture sticky notes per question "
    "and print the event summary.\n\n"
    "Everything stays on this computer: no account, no network, no server. Every change is "
    "saved to the event file the moment you make it, and backups are kept in the data folder "
    "(Help ▸ Where Files Are Kept).\n\n"
    "Free software under the MIT licence."
)


def language_lines() -> list[str]:
    """The window's language, and whether its translation is a draft awaiting review."""
    code = i18n.app_language()
    name = i18n.LANGUAGES.get(code, i18n.describe(code))
    lines = [tr("Language: {language} ({code})").format(language=name, code=code)]
    if code == "cy":
        lines.append(tr("This Welsh translation is a draft awaiting review by a Welsh speaker."))
    elif i18n.is_draft(code):
        lines.append(tr("This translation is a draft awaiting review by a native speaker."))
    return lines


class AboutDialog(QDialog):
    """The app's name and version, what it does, and copyable details for a bug report."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("About Workshop"))
        self.setAccessibleName(tr("About Workshop"))
        layout = QVBoxLayout(self)
        self.heading = ScaledLabel(
            tr("Workshop {version}").format(version=app_version()), 1.4, bold=True
        )
        layout.addWidget(self.heading)
        description = ScaledLabel(tr(DESCRIPTION))
        description.setWordWrap(True)
        layout.addWidget(description)
        self.language = ScaledLabel("\n".join(language_lines()))
        self.language.setWordWrap(True)
        self.language.setAccessibleName(tr("Language"))
        layout.addWidget(self.language)

        layout.addSpacing(self.fontMetrics().height() // 2)
        layout.addWidget(ScaledLabel(tr("Details for a bug report"), bold=True))
        self.details = QPlainTextEdit("\n".join([version_report(), *language_lines()]))
        self.details.setReadOnly(True)
        self.details.setAccessibleName(tr("Details for a bug report"))
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        # What a bug report needs, as --version prints it: read by the developers, so the
        # labels stay English in every language (tests/ui/test_pseudo_locale.py skips it).
        self.details.setProperty("untranslated", "versions for a bug report")
        lines = self.details.toPlainText().count("\n") + 1
        self.details.setFixedHeight(self.details.fontMetrics().lineSpacing() * lines + 24)
        layout.addWidget(self.details)

        self.copied = QLabel("")
        self.copied.setAccessibleName(tr("Copy result"))
        layout.addWidget(self.copied)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(tr("&Copy Details"))
        self.copy_button.setAccessibleName(tr("Copy details for a bug report"))
        self.copy_button.setToolTip(tr("Put the version details on the clipboard"))
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(tr("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.copy_button.setDefault(True)
        self.copy_button.setFocus()
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)

    def _on_copy_button_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())
        self.copied.setText(tr("Copied to the clipboard: paste it into your bug report."))
