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

from workshop_app import i18n
from workshop_app.domain.errors import WorkshopError
from workshop_app.i18n import N_
from workshop_app.report.model import Logo, ReportOptions
from workshop_app.ui.common.dialogs import Dialogs
from workshop_app.ui.common.i18n import tr
from workshop_app.ui.common.settings import AppSettings
from workshop_app.ui.common.text import ScaledLabel
from workshop_app.ui.document_model import DocumentModel
from workshop_app.ui.report.preview import PdfPreview
from workshop_app.ui.report.worker import CANCELLED, FINISHED, ExportJob
from workshop_app.ui.shell.file_ops import start_folder

POLL_MS = 80
FORMATS = (
    ("pdf", N_("PDF, to print")),
    ("html", N_("HTML, accessible (for screen readers)")),
    ("docx", N_("Word (.docx), accessible, to edit")),
)
PAPERS = (("a4", N_("A4")), ("letter", N_("US Letter")))
FILTERS = {
    "pdf": N_("PDF documents (*.pdf)"),
    "html": N_("Web pages (*.html)"),
    "docx": N_("Word documents (*.docx)"),
}
#: What the preview says in place of a file it cannot show, by suffix.
NOT_PREVIEWED = {
    ".docx": N_(
        "“{name}” is a Word document: use Open in viewer to edit it in your word processor. "
        "Export as PDF to preview and print it here."
    ),
}
WEB_PAGE = N_(
    "“{name}” is a web page: use Open in viewer to read it in your browser. Export as PDF to "
    "preview and print it here."
)
INTRO = N_(
    "The event summary to print and circulate: what the event was, who spoke, the key "
    "quotes, then per question what people said, ranked by votes."
)


def _button(text: str, parent: QWidget, name: str = "") -> QPushButton:
    """A button with ``text`` (translated by the caller) and an accessible name."""
    button = QPushButton(text, parent)
    button.setAccessibleName(name or text.replace("&", "").rstrip("…"))
    return button


def language_choices() -> list[tuple[str, str]]:
    """The report's languages as (code, label): the app's own first (code ""), then each
    language by the name it calls itself, a draft one marked so."""
    app = i18n.app_language()
    name = i18n.LANGUAGES.get(app) or i18n.describe(app)
    choices = [("", tr("Same as the app ({language})").format(language=name))]
    for code, own in i18n.LANGUAGES.items():
        draft = tr("{language} (draft translation)").format(language=own)
        choices.append((code, draft if i18n.is_draft(code) else own))
    return choices


class ReportPage(QWidget):
    """Report mode for ``model``'s event; ``dialogs`` asks where to save and shows errors."""

    def __init__(
        self,
        model: DocumentModel,
        parent: QWidget | None = None,
        *,
        dialogs: Dialogs | None = None,
        settings: AppSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.dialogs = dialogs or Dialogs()
        self.settings = settings or AppSettings()
        self.logo: Logo | None = None
        self.output: Path | None = None
        self.job = ExportJob()
        self.setAccessibleName(tr("Report mode"))
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
        # Room for a longer language's options (Welsh, the pseudo-locale's +40%)
        side.setMaximumWidth(side.fontMetrics().averageCharWidth() * 84)
        column = QVBoxLayout(side)
        column.addWidget(ScaledLabel(tr("Report"), 1.5, bold=True, parent=side))
        intro = QLabel(tr(INTRO), side)
        intro.setWordWrap(True)
        column.addWidget(intro)

        include = QGroupBox(tr("Include"), side)
        boxes = QVBoxLayout(include)
        self.charts = QCheckBox(tr("Charts"), include)
        self.charts.setToolTip(tr("Notes per question by table, top themes by votes, timings"))
        self.appendix = QCheckBox(tr("Appendix: every note in a table"), include)
        self.anonymous = QCheckBox(tr("Anonymous: no names or roles"), include)
        self.anonymous.setToolTip(
            tr(
                "Leave out the names of speakers, participants, facilitators and note-takers, "
                "and participants' roles"
            )
        )
        for box, name in (
            (self.charts, tr("Include charts")),
            (self.appendix, tr("Include appendix")),
            (self.anonymous, tr("Anonymous report")),
        ):
            box.setAccessibleName(name)
            boxes.addWidget(box)
        self.charts.setChecked(True)
        self.appendix.setChecked(True)
        column.addWidget(include)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a long label goes above
        self.paper = QComboBox(side)
        self.paper.setAccessibleName(tr("Paper size"))
        self.format = QComboBox(side)
        self.format.setAccessibleName(tr("File format"))
        for combo, items in ((self.paper, PAPERS), (self.format, FORMATS)):
            for key, label in items:
                combo.addItem(tr(label), key)
        self.language = QComboBox(side)
        self.language.setAccessibleName(tr("Report language"))
        self.language.setToolTip(
            tr("The language the report is printed in, whatever the window's language is")
        )
        for code, label in language_choices():
            self.language.addItem(label, code)
        remembered = self.language.findData(self.settings.report_language())
        self.language.setCurrentIndex(max(0, remembered))
        form.addRow(tr("&Paper:"), self.paper)
        form.addRow(tr("Fo&rmat:"), self.format)  # Alt+F is the File menu
        form.addRow(tr("Report lan&guage:"), self.language)
        self.logo_name = QLineEdit(side)
        self.logo_name.setReadOnly(True)
        self.logo_name.setPlaceholderText(tr("No logo"))
        self.logo_name.setAccessibleName(tr("Cover logo"))
        form.addRow(tr("Logo:"), self.logo_name)
        column.addLayout(form)
        logo_row = QHBoxLayout()
        self.choose_logo = _button(tr("Choose logo…"), side)
        self.remove_logo = _button(tr("Remove logo"), side)
        logo_row.addWidget(self.choose_logo)
        logo_row.addWidget(self.remove_logo)
        column.addLayout(logo_row)

        actions = QHBoxLayout()
        self.export = _button(tr("Export…"), side, tr("Export the report"))
        self.export.setDefault(True)
        self.cancel = _button(tr("Cancel"), side, tr("Cancel the export"))
        actions.addWidget(self.export)
        actions.addWidget(self.cancel)
        column.addLayout(actions)
        self.progress = QProgressBar(side)
        self.progress.setRange(0, 100)
        self.progress.setAccessibleName(tr("Export progress"))
        policy = self.progress.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # no jump when it appears
        self.progress.setSizePolicy(policy)
        self.progress.setVisible(False)  # an empty bar at rest reads as an empty text box
        column.addWidget(self.progress)
        self.status = QLabel("", side)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(tr("Export status"))
        column.addWidget(self.status)
        after = QHBoxLayout()
        self.print_button = _button(tr("Print…"), side, tr("Print the report"))
        self.open_button = _button(
            tr("Open in viewer"), side, tr("Open the report in the system viewer")
        )
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
        self.language.currentIndexChanged.connect(self._on_language_current_index_changed)

    # ------------------------------------------------------------------ state

    def options(self) -> ReportOptions:
        return ReportOptions(
            appendix=self.appendix.isChecked(),
            charts=self.charts.isChecked(),
            anonymous=self.anonymous.isChecked(),
            paper=self.paper.currentData(),
            logo=self.logo,
        )

    def report_language(self) -> str | None:
        """The language chosen for the report; None for the app's."""
        return self.language.currentData() or None

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
            self.language,
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
        stem = re.sub(r'[\\/:*?"<>|]+', " ", document.stem).strip() or tr("Event")
        # Translators: the file name suggested for a report: "Demo report.pdf"
        name = tr("{name} report").format(name=stem)
        return start_folder(document) / f"{name}.{fmt}"

    # ------------------------------------------------------------------ handlers

    def _on_choose_logo_clicked(self) -> None:
        from workshop_app.report.render import load_logo

        path = self.dialogs.open_file(
            self,
            tr("Choose a logo for the cover"),
            start_folder(self.model.document.path),
            tr("Images (*.png *.jpg *.jpeg)"),
        )
        if path is None:
            return
        try:
            self.logo = load_logo(path)
        except WorkshopError as exc:
            self.dialogs.show_error(self, tr("Logo not used"), str(exc))
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

        check_then(self.model, tr("make the report"), self, self._export)

    def _export(self, redact: bool) -> None:
        fmt = self.format.currentData()
        path = self.dialogs.save_file(
            self, tr("Export the report"), self._suggested_path(fmt), tr(FILTERS[fmt])
        )
        if path is None:
            return
        if not path.suffix:
            path = path.with_name(path.name + f".{fmt}")
        bundle = self.model.document.bundle()
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.status.setText(tr("Making “{name}”…").format(name=path.name))
        options = replace(self.options(), redact=redact)
        self.job.start(bundle, path, options, fmt, self.report_language())
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
        self.status.setText(
            tr("Saved “{name}” in {folder}.").format(
                name=self.output.name, folder=self.output.parent
            )
        )
        if self.output.suffix.lower() == ".pdf":
            self.preview.show_pdf(self.output)
        else:
            what = NOT_PREVIEWED.get(self.output.suffix.lower(), WEB_PAGE)
            self.preview.show_message(tr(what).format(name=self.output.name))
        self._set_running(False)

    def _on_job_failed(self, message: str) -> None:
        self.progress.setValue(0)
        self.progress.setVisible(False)
        self.status.setText(tr("The report was not saved."))
        self._set_running(False)
        self.dialogs.show_error(self, tr("Report not saved"), message)

    def _on_job_cancelled(self) -> None:
        self.progress.setValue(0)
        self.progress.setVisible(False)
        self.status.setText(tr("Export cancelled; nothing was written."))
        self._set_running(False)

    def _on_model_changed(self, kind: object, record_id: str) -> None:
        if self.output is not None and not self.job.running():
            self.status.setText(
                tr("The event has changed since this export: export again to include the changes.")
            )

    def _on_language_current_index_changed(self, _index: int) -> None:
        self.settings.set_report_language(self.language.currentData() or "")

    def _on_print_clicked(self) -> None:
        self.preview.print_pdf()

    def _on_open_clicked(self) -> None:
        if self.output is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.output)))
