"""Help menu content: "Where files are kept" with a button to open each folder."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app import paths
from workshop_app.storage.document import Document
from workshop_app.ui.common.i18n import tr
from workshop_app.ui.common.text import ScaledLabel


def open_folder(path: Path) -> bool:
    """Show a folder in the system's file manager."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class FilesDialog(QDialog):
    """Lists this event's file and the data, backups and logs folders, each with Open folder."""

    def __init__(self, document: Document | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Where files are kept"))
        self.setAccessibleName(tr("Where files are kept"))
        layout = QVBoxLayout(self)
        layout.addWidget(ScaledLabel(tr("Where files are kept"), 1.3, bold=True))
        intro = QLabel(
            tr(
                "Each event is one .workshop file, kept wherever you saved it. Workshop also "
                "keeps its own folders on this computer:"
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        rows: list[tuple[str, Path, str]] = []
        if document is not None:
            rows.append((tr("This event"), document.path, tr("The event file you have open.")))
            from workshop_app.storage.backups import backup_folder

            rows.append(
                (
                    tr("Its backups"),
                    backup_folder(document.event_id),
                    tr("The last ten copies of this event, taken while you work."),
                )
            )
        rows += [
            (
                tr("Data"),
                paths.data_dir(),
                tr("The demo copy, this computer's id, backups and logs."),
            ),
            (
                tr("Backups"),
                paths.backups_dir(),
                tr("Backups of every event, one folder per event."),
            ),
            (tr("Logs"), paths.logs_dir(), tr("Error reports, if anything went wrong.")),
            (tr("Settings"), paths.config_dir(), tr("Window size, recent events and text size.")),
        ]
        grid = QGridLayout()
        grid.setVerticalSpacing(self.fontMetrics().height() // 2)
        self.paths: dict[str, Path] = {}
        for row, (name, path, what) in enumerate(rows):
            self.paths[name] = path
            title = QLabel(f"<b>{escape(name)}</b>")
            detail = QLabel(f"{escape(what)}<br>{escape(str(path))}")
            detail.setWordWrap(True)
            detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            folder = path if path.is_dir() else path.parent
            button = QPushButton(tr("Open folder"))
            button.setAccessibleName(tr("Open the folder of: {place}").format(place=name))
            button.setToolTip(str(folder))
            button.clicked.connect(lambda _=False, f=folder: open_folder(f))
            grid.addWidget(title, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(detail, row, 1)
            grid.addWidget(button, row, 2, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(tr("Close"))
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 100, self.sizeHint().height())
