"""PdfPreview: the exported PDF shown in the page (QtPdf, imported only when first needed), and
printing it through the system's print dialog (QtPrintSupport, likewise).

Until there is something to show, a label says what will appear; QtPdf loads on the first
``show_pdf``, so opening the app never pays for it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStackedLayout, QWidget

from workshop_app.i18n import N_
from workshop_app.ui.common.i18n import tr

EMPTY_TEXT = N_("Export the report to see it here.")


class PdfPreview(QWidget):
    """A placeholder, then a scrolling view of the last exported PDF."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr("Report preview"))
        self.placeholder = QLabel(tr(EMPTY_TEXT), self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self._stack = QStackedLayout(self)
        self._stack.addWidget(self.placeholder)
        self.document: Any = None  # QPdfDocument once loaded
        self.view: Any = None  # QPdfView once loaded
        self.path: Path | None = None

    def show_message(self, text: str) -> None:
        self.placeholder.setText(text)
        self._stack.setCurrentWidget(self.placeholder)

    def show_pdf(self, path: Path) -> int:
        """Load ``path`` into the view; returns its page count (0 if it could not be read)."""
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        if self.view is None:
            self.document = QPdfDocument(self)
            self.view = QPdfView(self)
            self.view.setAccessibleName(tr("Report preview pages"))
            self.view.setPageMode(QPdfView.PageMode.MultiPage)
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            self.view.setDocument(self.document)
            self._stack.addWidget(self.view)
        self.document.close()
        self.document.load(str(path))
        pages = int(self.document.pageCount())
        if pages <= 0:
            self.show_message(tr("The preview cannot show “{name}”.").format(name=path.name))
            return 0
        self.path = path
        self._stack.setCurrentWidget(self.view)
        return pages

    def print_pdf(self) -> bool:
        """Ask for a printer (the system dialog) and print every page; False if cancelled."""
        if self.document is None or self.path is None:
            return False
        from PySide6.QtGui import QPainter
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.path.stem)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(tr("Print the report"))
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return False
        self.render_to(printer, QPainter)
        return True

    def render_to(self, printer: Any, painter_type: Any) -> None:
        """Paint every page of the loaded PDF onto ``printer`` at 300 dpi, fitted to the page."""
        from PySide6.QtCore import QRect, QSize

        painter = painter_type(printer)
        try:
            target = painter.viewport()
            count = int(self.document.pageCount())
            for index in range(count):
                points = self.document.pagePointSize(index)
                pixels = QSize(int(points.width() * 300 / 72), int(points.height() * 300 / 72))
                image = self.document.render(index, pixels)
                fitted = pixels.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QRect(target.topLeft(), fitted), image)
                if index + 1 < count:
                    printer.newPage()
        finally:
            painter.end()
