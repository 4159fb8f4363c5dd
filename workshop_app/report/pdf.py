"""Render the report as a print-ready PDF with reportlab platypus. Import lazily: reportlab loads
at the top of this module.

One pass: the "of y" in each page's "Page x of y" footer is a form XObject drawn on every page
and defined once, after the last page, with the page count (no second layout pass). Headings
become PDF bookmarks as they are placed; metadata carries title, author (the organiser), subject
and language.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from workshop_app.domain.errors import WorkshopError
from workshop_app.i18n import _
from workshop_app.report import fonts, pdf_story
from workshop_app.report.model import ReportContent
from workshop_app.report.pdf_charts import ChartPool
from workshop_app.report.pdf_styles import (
    ACCENT,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MUTED,
    PAPERS,
    RULE,
    make_styles,
)
from workshop_app.version import app_version

#: Called with the fraction done (0..1); may raise ReportCancelled to stop the export.
Progress = Callable[[float], None]
_TOTAL_FORM = "pagetotal"


class ReportCancelled(WorkshopError):
    """The person cancelled the export; nothing was written."""

    def __init__(self) -> None:
        super().__init__(_("The export was cancelled."))


class _Canvas(Canvas):
    """A canvas that defines the page-total form, and the forms flowables drew before their
    content was ready (``late_forms``: the charts), once every page is laid out."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.late_forms: dict[str, Callable[[Canvas], None]] = {}

    def save(self) -> None:
        for name, paint in self.late_forms.items():
            self.beginForm(name)
            paint(self)
            self.endForm()
        total = self.getPageNumber() - (0 if self._code else 1)
        self.beginForm(_TOTAL_FORM)
        self.setFont(fonts.REGULAR, 8)
        self.setFillColor(MUTED)
        self.drawString(0, 0, str(total))
        self.endForm()
        super().save()


def _fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` on one line within ``width`` points, cut with an ellipsis if it must be."""
    text = fonts.display_line(text, font)
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[: int(len(text) * 0.9)] if len(text) > 40 else text[:-1]
    return text.rstrip() + "…"


class _Document(BaseDocTemplate):
    """The report's page templates (cover, body), bookmarks and progress reporting."""

    def __init__(self, buffer: io.BytesIO, content: ReportContent, progress: Progress | None):
        paper = PAPERS[content.options.paper]
        super().__init__(
            buffer,
            pagesize=paper,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=content.title,
            author=content.author,
            subject=content.subject,
            creator=f"Workshop {app_version()}",
            lang=content.language,
            displayDocTitle=1,
        )
        self.content = content
        self.header = _fit(content.title, fonts.REGULAR, 8, self.width - 90)
        self.footer = _fit(content.author, fonts.REGULAR, 8, 250) if content.author else ""
        self.progress = progress
        # drawn on every page: translated once, in the report's language
        self.cover_line = _("Event summary prepared with Workshop")
        self.kicker = _("Event summary")
        # Translators: the page footer; the page count is printed right after it (keep the
        # space at the end): "Page 3 of 12"
        self.page_label = _("Page {number} of ")
        self.story: list[Flowable] = []
        self.total = 1
        self.done = 0.0
        self._bookmarks = 0
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            id="text",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates(
            [
                PageTemplate("cover", [frame], onPage=self._draw_cover),
                PageTemplate("body", [frame], onPage=self._draw_body),
            ]
        )

    # -------------------------------------------------------------- page furniture

    def _draw_cover(self, canvas: Canvas, doc: Any) -> None:
        width, height = self.pagesize
        canvas.saveState()
        canvas.setFillColor(ACCENT)
        canvas.rect(MARGIN_X, height - 16 * mm, width - 2 * MARGIN_X, 5, stroke=0, fill=1)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, 18 * mm, width - MARGIN_X, 18 * mm)
        canvas.setFont(fonts.REGULAR, 8)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN_X, 13 * mm, fonts.display_line(self.cover_line))
        canvas.showOutline()
        canvas.restoreState()

    def _draw_body(self, canvas: Canvas, doc: Any) -> None:
        width, height = self.pagesize
        right = width - MARGIN_X
        canvas.saveState()
        canvas.setFont(fonts.REGULAR, 8)
        canvas.setFillColor(MUTED)
        head_y = height - 15 * mm
        canvas.drawString(MARGIN_X, head_y, self.header)
        canvas.drawRightString(right, head_y, fonts.display_line(self.kicker))
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, head_y - 5, right, head_y - 5)
        foot_y = 12 * mm
        label = self.page_label.format(number=canvas.getPageNumber())
        canvas.drawString(MARGIN_X, foot_y, label)
        canvas.saveState()
        canvas.translate(MARGIN_X + stringWidth(label, fonts.REGULAR, 8), foot_y)
        canvas.doForm(_TOTAL_FORM)
        canvas.restoreState()
        if self.footer:
            canvas.drawRightString(right, foot_y, self.footer)
        canvas.restoreState()

    # -------------------------------------------------------------- hooks

    def handle_flowable(self, flowables: list[Flowable]) -> None:
        if self.progress is not None and flowables is self.story:  # not inner action lists
            # Splits put pieces back on the list, so the raw fraction can step back: keep it
            # monotonic for the progress bar.
            self.done = max(self.done, min(1.0, 1 - len(flowables) / self.total))
            self.progress(self.done)
        super().handle_flowable(flowables)

    def afterFlowable(self, flowable: Flowable) -> None:
        outline = getattr(flowable, "outline", None)
        if outline is None:
            return
        title, level = outline
        self._bookmarks += 1
        key = f"section-{self._bookmarks}"
        top = self.frame._y + flowable.height
        self.canv.bookmarkPage(key, fit="XYZ", left=0, top=top + 12)
        self.canv.addOutlineEntry(
            _fit(title, fonts.REGULAR, 10, 400), key, level=level, closed=level > 0
        )


def render_pdf(content: ReportContent, progress: Progress | None = None) -> bytes:
    """The report as PDF bytes. ``progress(fraction)`` is called as pages are laid out."""
    from reportlab import rl_config

    styles = make_styles()
    buffer = io.BytesIO()
    doc = _Document(buffer, content, progress)
    # Compressed streams stay binary: ASCII85 on top makes them a quarter larger and, in
    # reportlab's pure-Python encoder, costs more than the compression itself.
    a85, rl_config.useA85 = rl_config.useA85, 0
    # Charts missing from the cache are drawn in a worker process while the pages are laid out.
    try:
        with ChartPool(content.charts) as pool:
            doc.story = pdf_story.story(content, styles, doc.width, pool)
            doc.total = max(1, len(doc.story))
            doc.build(doc.story, canvasmaker=_Canvas)
    finally:
        rl_config.useA85 = a85
    if progress is not None:
        progress(1.0)
    return buffer.getvalue()
