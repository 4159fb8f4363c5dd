"""The small pieces of the Word report: safe text, page set-up, styles, tables, pictures with alt
text, document properties. Import lazily: python-docx (and lxml) load at the top of this module.

Every string that reaches the document goes through ``clean``: XML 1.0 cannot hold most control
characters, so each becomes U+FFFD (visible, like the PDF and the HTML show it) and the rest of
the text is kept; tabs stay tabs and line breaks stay line breaks.
"""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime

from docx.document import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Emu, Mm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

from workshop_app.i18n import _
from workshop_app.report.bidi import rtl_paragraph
from workshop_app.report.model import ReportContent
from workshop_app.version import app_version

# Characters XML 1.0 forbids (C0 controls but tab/newline/return, lone surrogates, U+FFFE/F).
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: Page sizes (width, height) and the margin on every side.
PAGES = {"a4": (Mm(210), Mm(297)), "letter": (Mm(215.9), Mm(279.4))}
MARGIN = Mm(20)
MUTED = RGBColor(0x55, 0x5B, 0x66)
ACCENT = RGBColor(0x1F, 0x4E, 0x79)
#: Names of the paragraph styles this module adds to the template.
META, SMALL, KICKER = "Note details", "Small print", "Kicker"


def clean(text: str) -> str:
    """``text`` as the document can hold it: ``\\r\\n`` and lone ``\\r`` become line breaks,
    characters XML forbids become U+FFFD."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _FORBIDDEN.sub("\ufffd", text)


def add_text(paragraph: Paragraph, text: str, *, bold: bool = False, italic: bool = False) -> None:
    """A run of ``text`` (cleaned); a paragraph that starts right-to-left is marked so."""
    run = paragraph.add_run(clean(text))
    run.bold = bold or None
    run.italic = italic or None
    if not paragraph.runs[:-1] and rtl_paragraph(text):
        paragraph._p.get_or_add_pPr().append(OxmlElement("w:bidi"))


def add_meta(paragraph: Paragraph, text: str) -> None:
    """Muted small text (who said it, the table, votes) after the words in ``paragraph``."""
    if text:
        run = paragraph.add_run(clean(text))
        run.style = META + " Char"


def set_up(doc: Document, content: ReportContent) -> None:
    """Paper, margins, language, the body font and the styles the report uses."""
    width, height = PAGES.get(content.options.paper, PAGES["a4"])
    for section in doc.sections:
        section.page_width, section.page_height = width, height
        section.left_margin = section.right_margin = MARGIN
        section.top_margin = section.bottom_margin = MARGIN
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    defaults = styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        if rpr is not None:
            for old in rpr.findall(qn("w:lang")):
                rpr.remove(old)
            lang = OxmlElement("w:lang")
            lang.set(qn("w:val"), content.language)
            lang.set(qn("w:bidi"), "ar-SA")
            rpr.append(lang)
    for level, size in ((1, 18), (2, 14), (3, 12)):
        heading = styles[f"Heading {level}"]
        heading.font.size = Pt(size)
        heading.font.color.rgb = ACCENT
        heading.font.name = "Calibri"
        heading.paragraph_format.space_before = Pt(16 if level == 1 else 12)
    styles["Title"].font.name = "Calibri"
    styles["Quote"].paragraph_format.left_indent = Mm(8)
    styles["Quote"].paragraph_format.space_after = Pt(10)
    from docx.enum.style import WD_STYLE_TYPE

    meta = styles.add_style(META + " Char", WD_STYLE_TYPE.CHARACTER)
    meta.font.size = Pt(9)
    meta.font.color.rgb = MUTED
    for name, size, caps in ((SMALL, 9, False), (KICKER, 10, True)):
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.font.size = Pt(size)
        style.font.color.rgb = MUTED
        style.font.all_caps = caps


def properties(doc: Document, content: ReportContent) -> None:
    """Title, author (the organiser), subject, language, when it was made and by what."""
    props = doc.core_properties
    props.title = clean(content.title)
    props.author = clean(content.author)
    props.subject = clean(content.subject)
    props.language = content.language
    props.keywords = _("event summary; workshop")
    props.comments = _("Made with Workshop {version}").format(version=app_version())
    props.last_modified_by = ""
    props.category = _("Event summary")
    now = datetime.now(UTC).replace(microsecond=0)
    props.created = props.modified = now
    props.revision = 1


def table(doc: Document, head: list[str], rows: list[list[str]], widths: list[float]) -> Table:
    """A table whose first row is a header row (repeated on every page, read as headers);
    ``widths`` are fractions of the text width. Built row by row in XML: python-docx's cell
    lookups are quadratic, and the appendix can hold thousands of notes."""
    grid = doc.add_table(rows=1, cols=len(head))
    grid.style = doc.styles["Light Grid Accent 1"]
    grid.alignment = WD_TABLE_ALIGNMENT.LEFT
    twips = [int(text_width(doc) * w / 635) for w in widths]  # EMU -> twentieths of a point
    grid.autofit = False  # fixed layout: the widths below hold in Word and LibreOffice
    tblpr = grid._tbl.tblPr
    for old in tblpr.findall(qn("w:tblW")):
        tblpr.remove(old)
    tblw = OxmlElement("w:tblW")
    tblw.set(qn("w:w"), str(sum(twips)))
    tblw.set(qn("w:type"), "dxa")
    tblpr.append(tblw)
    for col, width in zip(grid.columns, twips, strict=True):
        col.width = Emu(width * 635)
    header = grid.rows[0]
    trpr = header._tr.get_or_add_trPr()
    trpr.append(_on("w:tblHeader"))
    for cell, label, width in zip(header.cells, head, twips, strict=True):
        cell.width = Emu(width * 635)
        cell.paragraphs[0].add_run(clean(label)).bold = True
    body = grid._tbl
    for row in rows:
        tr = OxmlElement("w:tr")
        trpr = OxmlElement("w:trPr")
        if len(row[-1]) < 600:  # a short row stays on one page; a long one may break
            trpr.append(_on("w:cantSplit"))
        tr.append(trpr)
        for value, width in zip(row, twips, strict=True):
            tr.append(_cell(value, width, grid))
        body.append(tr)
    return grid


def _on(tag: str) -> BaseOxmlElement:
    element = OxmlElement(tag)
    element.set(qn("w:val"), "true")
    return element


def _cell(value: str, width: int, grid: Table) -> BaseOxmlElement:
    tc = OxmlElement("w:tc")
    tcpr = OxmlElement("w:tcPr")
    tcw = OxmlElement("w:tcW")
    tcw.set(qn("w:w"), str(width))
    tcw.set(qn("w:type"), "dxa")
    tcpr.append(tcw)
    tc.append(tcpr)
    p = OxmlElement("w:p")
    if rtl_paragraph(value):
        ppr = OxmlElement("w:pPr")
        ppr.append(OxmlElement("w:bidi"))
        p.append(ppr)
    tc.append(p)
    Paragraph(p, grid).add_run(clean(value))
    return tc


def picture(doc: Document, data: bytes, width: int, alt: str, name: str) -> Paragraph:
    """An image in its own paragraph, ``width`` EMU wide, with ``alt`` as its alternative text
    (Word's "Alt Text", read by screen readers) and ``name`` as its title."""
    paragraph = doc.add_paragraph()
    shape = paragraph.add_run().add_picture(io.BytesIO(data), width=Emu(width))
    props = shape._inline.docPr
    props.set("descr", clean(alt))
    props.set("title", clean(name))
    return paragraph


def text_width(doc: Document) -> int:
    """The width between the margins, in EMU."""
    section = doc.sections[-1]
    width, left, right = section.page_width, section.left_margin, section.right_margin
    return int(width or 0) - int(left or 0) - int(right or 0)
