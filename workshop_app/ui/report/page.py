"""ReportPage: Report mode, the event summary to print and circulate.

Options on the left (charts, appendix, anonymous, paper, format: PDF, HTML or Word, logo),
Export (rendered on a worker thread with a progress bar and Cancel, so the window stays
responsive), then the result previewed on the right, printable, and openable in the system's
viewer. The same renderer as ``workshop-app report``: nothing is implemented twice.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.errors import WorkshopError
from workshop_app.report.model import Logo, ReportOptions
from workshop_app.ui.common.dialogs import Dialogs
from workshop_app.ui.common.text import ScaledLabel
from workshop_app.ui.document_model import DocumentModel
from workshop_app.ui.report.preview import PdfPreview
from workshop_app.ui.report.worker import CANCELLED, FINISHED, ExportJob
from workshop_app.ui.shell.file_ops import start_folder

POLL_MS = 80
FORMATS = (
    ("pdf", "PDF, to print"),
    ("html", "HTML, accessible (for screen readers)"),
    ("docx", "Word (.docx), accessible, to edit"),
)
PAPERS = (("a4", "A4"), ("letter", "US Letter"))
FILTERS = {
    "pdf": "PDF documents (*.pdf)",
    "html": "Web pages (*.html)",
    "docx": "Word documents (*.docx)",
}
#: What the preview says in place of a file it cannot show, by suffix.
NOT_PREVIEWED = {
    ".docx": "is a Word document: use Open in viewer to edit it in your word processor",
}
INTRO = (
    "The event summary to print and circulate: what the event was, who spoke, the key "
    "quotes, then per question what people said, ranked by votes."
)


def _button(text: str, parent: QWidget, name: str = "") -> QPushButton:
    button = QPushButton(text, parent)
    button.setAccessibleName(name or text.rstrip("…"))
    return button


class ReportPage(QWidget):
    """Report mode for ``model``'s event; ``dialogs`` asks where to save and shows errors."""

    def __init__(
        self,
        model: DocumentModel,
        parent: QWidget | None = None,
        *,
        dialogs: Dialogs | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.dialogs = dialogs or Dialogs()
        self.logo: Logo | None = None
        self.output: Path | None = None
        self.job = ExportJob()
        self.setAccessibleName("Report mode")
        self._build()
        self.setFocusProxy(self.export)  # arriving by Ctrl+5, the focus is seen on Export
        self._poll = QTimer(self)  # reads the worker's progress (see worker.py for why)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._on_poll_timeout)
        self.model.changed.connect(self._on_model_changed)
        self._set_running(False)

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        side = QWidget(self)
        side.setMaximumWidth(side.fontMetrics().averageCharWidth() * 64)
        column = QVBoxLayout(side)
        column.addWidget(ScaledLabel("Report", 1.5, bold=True, parent=side))
        intro = QLabel(INTRO, side)
        intro.setWordWrap(True)
        column.addWidget(intro)

        include = QGroupBox("Include", side)
        boxes = QVBoxLayout(include)
        self.charts = QCheckBox("Charts", include)
        self.charts.setToolTip("Notes per question by table, top themes by votes, timings")
        self.appendix = QCheckBox("Appendix: every note in a table", include)
        self.anonymous = QCheckBox("Anonymous: no names or roles", include)
        self.anonymous.setToolTip(
            "Leave out the names of speakers, participants, facilitators and note-takers, "
            "and participants' roles"
        )
        for box, name in (
            (self.charts, "Include charts"),
            (self.appendix, "Include appendix"),
            (self.anonymous, "Anonymous report"),
        ):
            box.setAccessibleName(name)
            boxes.addWidget(box)
        self.charts.setChecked(True)
        self.appendix.setChecked(True)
        column.addWidget(include)

        form = QFormLayout()
        self.paper = QComboBox(side)
        self.paper.setAccessibleName("Paper size")
        self.format = QComboBox(side)
        self.format.setAccessibleName("File format")
        for combo, items in ((self.paper, PAPERS), (self.format, FORMATS)):
            for key, label in items:
                combo.addItem(label, key)
        form.addRow("&Paper:", self.paper)
        form.addRow("Fo&rmat:", self.format)  # Alt+F is the File menu
        self.logo_name = QLineEdit(side)
        self.logo_name.setReadOnly(True)
        self.logo_name.setPlaceholderText("No logo")
        self.logo_name.setAccessibleName("Cover logo")
        form.addRow("Logo:", self.logo_name)
        column.addLayout(form)
        logo_row = QHBoxLayout()
        self.choose_logo = _button("Choose logo…", side)
        self.remove_logo = _button("Remove logo", side)
        logo_row.addWidget(self.choose_logo)
        logo_row.addWidget(self.remove_logo)
        column.addLayout(logo_row)

        actions = QHBoxLayout()
        self.export = _button("Export…", side, "Export the report")
        self.export.setDefault(True)
        self.cancel = _button("Cancel", side, "Cancel the export")
        actions.addWidget(self.export)
        actions.addWidget(self.cancel)
        column.addLayout(actions)
        self.progress = QProgressBar(side)
        self.progress.setRange(0, 100)
        self.progress.setAccessibleName("Export progress")
        policy = self.progress.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # no jump when it appears
        self.progress.setSizePolicy(policy)
        self.progress.setVisible(False)  # an empty bar at rest reads as an empty text box
        column.addWidget(self.progress)
        self.status = QLabel("", side)
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Export status")
        column.addWidget(self.status)
        after = QHBoxLayout()
        self.print_button = _button("Print…", side, "Print the report")
        self.open_button = _button("Open in viewer", side, "Open the report in the system viewer")
        after.addWidget(self.print_button)
        after.addWidget(self.open_button)
        column.addLayout(after)
        column.addStretch(1)

        self.preview = PdfPreview(self)
        layout = QHBoxLayout(self)
        layout.addWidget(side)
        layout.addWidget(self.preview, 1)

        self.choose_logo.clicked.connect(self._on_choose_logo_clicked)
        self.remove_logo.clicked.connect(self._on_remove_logo_clicked)
        self.export.clicked.connect(self._on_export_clicked)
        self.cancel.clicked.connect(self.job.cancel)
        self.print_button.clicked.connect(self._on_print_clicked)
        self.open_button.clicked.connect(self._on_open_clicked)

    # ------------------------------------------------------------------ state

    def options(self) -> ReportOptions:
        return ReportOptions(
            appendix=self.appendix.isChecked(),
            charts=self.charts.isChecked(),
            anonymous=self.anonymous.isChecked(),
            paper=self.paper.currentData(),
            logo=self.logo,
        )

    def running(self) -> bool:
        """Whether an export is under way (until its outcome has been shown)."""
        return self._poll.isActive()

    def _set_running(self, running: bool) -> None:
        for widget in (
            self.export,
            self.charts,
            self.appendix,
            self.anonymous,
            self.paper,
            self.format,
            self.choose_logo,
        ):
            widget.setEnabled(not running)
        self.remove_logo.setEnabled(not running and self.logo is not None)
        self.cancel.setEnabled(running)
        has_pdf = self.output is not None and self.output.suffix.lower() == ".pdf"
        self.print_button.setEnabled(not running and has_pdf and self.preview.path is not None)
        self.open_button.setEnabled(not running and self.output is not None)

    def _suggested_path(self, fmt: str) -> Path:
        document = self.model.document.path
        stem = re.sub(r'[\\/:*?"<>|]+', " ", document.stem).strip() or "Event"
        return start_folder(document) / f"{stem} report.{fmt}"

    # ------------------------------------------------------------------ handlers

    def _on_choose_logo_clicked(self) -> None:
        from workshop_app.report.render import load_logo

        path = self.dialogs.open_file(
            self,
            "Choose a logo for the cover",
            start_folder(self.model.document.path),
            "Images (*.png *.jpg *.jpeg)",
        )
        if path is None:
            return
        try:
            self.logo = load_logo(path)
        except WorkshopError as exc:
            self.dialogs.show_error(self, "Logo not used", str(exc))
            return
        self.logo_name.setText(path.name)
        self._set_running(False)

    def _on_remove_logo_clicked(self) -> None:
        self.logo = None
        self.logo_name.clear()
        self._set_running(False)

    def _on_export_clicked(self) -> None:
        """Run the personal-data check first; its dialog (if it finds anything) goes on."""
        from workshop_app.ui.report.findings import check_then

        check_then(self.model, "make the report", self, self._export)

    def _export(self, redact: bool) -> None:
        fmt = self.format.currentData()
        path = self.dialogs.save_file(
            self, "Export the report", self._suggested_path(fmt), FILTERS[fmt]
        )
        if path is None:
            return
        if not path.suffix:
            path = path.with_name(path.name + f".{fmt}")
        bundle = self.model.document.bundle()
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.status.setText(f"Making “{path.name}”…")
        self.job.start(bundle, path, replace(self.options(), redact=redact), fmt)
        self._set_running(True)
        self._poll.start()

    def _on_poll_timeout(self) -> None:
        self.progress.setValue(round(self.job.fraction * 100))
        outcome = self.job.outcome()
        if outcome is None:
            return
        self._poll.stop()
        if outcome.kind == FINISHED:
            self._on_job_finished(str(outcome.path))
        elif outcome.kind == CANCELLED:
            self._on_job_cancelled()
        else:
            self._on_job_failed(outcome.message)

    def _on_job_finished(self, path: str) -> None:
        self.output = Path(path)
        self.progress.setValue(100)
        self.status.setText(f"Saved “{self.output.name}” in {self.output.parent}.")
        if self.output.suffix.lower() == ".pdf":
            self.preview.show_pdf(self.output)
        else:
            what = NOT_PREVIEWED.get(
                self.output.suffix.lower(),
                "is a web page: use Open in viewer to read it in your browser",
            )
            self.preview.show_message(
                f"“{self.output.name}” {what}. Export as PDF to preview and print it here."
            )
        self._set_running(False)

    def _on_job_failed(self, message: str) -> None:
        self.progress.setValue(0)
        self.progress.setVisible(False)
        self.status.setText("The report was not saved.")
        self._set_running(False)
        self.dialogs.show_error(self, "Report not saved", message)

    def _on_job_cancelled(self) -> None:
        self.progress.setValue(0)
        self.progress.setVisible(False)
        self.status.setText("Export cancelled; nothing was written.")
        self._set_running(False)

    def _on_model_changed(self, kind: object, record_id: str) -> None:
        if self.output is not None and not self.job.running():
            self.status.setText(
                "The event has changed since this export: export again to include the changes."
            )

    def _on_print_clicked(self) -> None:
        self.preview.print_pdf()

    def _on_open_clicked(self) -> None:
        if self.output is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.output)))
