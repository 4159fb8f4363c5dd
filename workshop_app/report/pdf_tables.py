"""The PDF's tables: event facts, the breakout tables, and the appendix of every note.

Table headers repeat on every page; a row taller than a page (a 5,000-character note) splits
inside the row rather than failing the layout. The appendix is one ``NoteTable`` per question
(see pdf_notetable), which measures each cell once instead of re-wrapping it on every split.
Import lazily (reportlab).
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Paragraph, Table, TableStyle

from workshop_app.domain.safe_text import pieces as split_text
from workshop_app.i18n import _
from workshop_app.report import fonts
from workshop_app.report.fonts import markup
from workshop_app.report.model import Fact, ReportContent, TableLine
from workshop_app.report.pdf_notetable import Cell, NoteTable
from workshop_app.report.pdf_rtl import user_paragraph
from workshop_app.report.pdf_styles import ACCENT, INK, RULE, SHADE, Styles, para
from workshop_app.report.wording import appendix_head, table_head


def _grid(header_rows: int = 1) -> list[tuple]:
    return [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.9, ACCENT),
        ("LINEBELOW", (0, header_rows), (-1, -1), 0.3, RULE),
        ("ROWBACKGROUNDS", (0, header_rows), (-1, -1), [None, SHADE]),
        ("FONT", (0, header_rows), (-1, -1), fonts.REGULAR, 8.5, 11.5),
        ("TEXTCOLOR", (0, header_rows), (-1, -1), INK),
    ]


def _short(text: str, style: ParagraphStyle, width: float) -> str | Flowable:
    """A cell's text as a plain string when it fits on one line (far cheaper for reportlab to
    lay out than a Paragraph), else a wrapping Paragraph."""
    line = fonts.display_line(text)
    if "\n" not in text and stringWidth(line, style.fontName, style.fontSize) <= width - 10:
        return line
    return user_paragraph(text, style)


def facts(items: tuple[Fact, ...], s: Styles, width: float) -> Flowable:
    """The event's key facts as a two-column list (label, value)."""
    rows = [
        [Paragraph(escape(f.label), s.cell_head), Paragraph(markup(f.value), s.cell)] for f in items
    ]
    table = Table(rows, colWidths=[30 * mm, width - 30 * mm], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LINEABOVE", (0, 0), (-1, 0), 0.9, ACCENT),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
            ]
        )
    )
    table.spaceBefore, table.spaceAfter = 4, 6
    return table


def tables(items: tuple[TableLine, ...], s: Styles, width: float) -> Flowable:
    """The breakout tables: name, who ran them (unless anonymous) and how many notes."""
    with_people = any(t.people for t in items)
    head = table_head(with_people)
    rows: list[list[Flowable]] = [[Paragraph(escape(h), s.cell_head) for h in head]]
    for item in items:
        row = [Paragraph(markup(item.name), s.cell)]
        if with_people:
            row.append(Paragraph(markup(item.people) or "—", s.cell))
        row.append(Paragraph(str(item.note_count), s.cell))
        rows.append(row)
    widths = [45 * mm, width - 65 * mm, 20 * mm] if with_people else [width - 20 * mm, 20 * mm]
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT", splitInRow=1)
    table.setStyle(TableStyle(_grid()))
    return table


#: Longest piece of a note laid out as one paragraph in the appendix: a very long note (from a
#: damaged or foreign file) is laid out as rows of moderate paragraphs, in linear time, instead
#: of one paragraph re-split page after page.
PIECE = 2_000


def appendix(content: ReportContent, s: Styles, width: float) -> list[Flowable]:
    """Every note, by question and table, with its kind (and role unless anonymous)."""
    title = _("Appendix: every note")
    out: list[Flowable] = [PageBreak(), para(title, s.h1, (title, 0))]
    sections = content.appendix or ()
    if not sections:
        return [*out, Paragraph(escape(_("No notes were captured for this event.")), s.empty)]
    out.append(
        Paragraph(
            escape(_("Every note as it was captured, question by question and table by table.")),
            s.small,
        )
    )
    anonymous = content.options.anonymous
    head = appendix_head(anonymous)
    fixed = [24 * mm, 19 * mm] if anonymous else [24 * mm, 19 * mm, 30 * mm]
    widths = [*fixed, width - sum(fixed)]
    header = [Paragraph(escape(h), s.cell_head) for h in head]
    for number, section in enumerate(sections, 1):
        # Not kept with its table (a long table would then jump to the next page whole);
        # the conditional break leaves room for the heading and a few rows instead.
        heading = para(section.heading, s.h2, (f"A{number}. {section.heading}", 1))
        heading.keepWithNext = 0
        out += [CondPageBreak(45 * mm), heading, Paragraph(escape(section.count), s.small)]
        rows: list[list[Cell]] = []
        kinds: dict[str, Cell] = {}
        continued: set[int] = set()
        for r in section.rows:
            pieces = split_text(r.text, PIECE) if r.text.strip() else []
            kind = kinds.get(r.kind)
            if kind is None:  # a kind's word is measured once (thousands of rows share a few)
                kind = kinds[r.kind] = _short(r.kind, s.cell, widths[1])
            if not isinstance(kind, str):  # a longer word (a translation) wraps in its column
                kind = user_paragraph(r.kind, s.cell)
            cells: list[Cell] = [_short(r.table, s.cell, widths[0]), kind]
            cells += [] if anonymous else [_short(r.role, s.cell, widths[2])]
            first = user_paragraph(pieces[0], s.cell) if pieces else None
            empty = "<i>" + escape(_("(empty note)")) + "</i>"
            rows.append([*cells, first or Paragraph(empty, s.cell)])
            for piece in pieces[1:]:
                continued.add(len(rows))
                rows.append(["" for _ in cells] + [user_paragraph(piece, s.cell)])
        out.append(NoteTable(header, rows, widths, continued=continued))
    return out
