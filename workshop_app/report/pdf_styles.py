"""The PDF's typography: page geometry, colours and paragraph styles (reportlab; import lazily).

One family (DejaVu Sans), a restrained palette that prints well in black and white, and a clear
scale: cover title 30, section 20, question 18, sub-heading 12.5, body 10, notes 9.5, small 8.
Headings keep with what follows them, so none is ever left alone at the foot of a page.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from workshop_app.report import fonts

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#595959")
ACCENT = colors.HexColor("#1f3a5f")
RULE = colors.HexColor("#c8cdd3")
SHADE = colors.HexColor("#f1f3f5")

PAPERS = {"a4": A4, "letter": LETTER}
MARGIN_X = 22 * mm
MARGIN_TOP = 26 * mm
MARGIN_BOTTOM = 22 * mm


@dataclass(frozen=True)
class Styles:
    kicker: ParagraphStyle
    cover_title: ParagraphStyle
    cover_fact: ParagraphStyle
    cover_label: ParagraphStyle
    h1: ParagraphStyle
    label: ParagraphStyle
    question: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    table_label: ParagraphStyle
    lead: ParagraphStyle
    body: ParagraphStyle
    prompt: ParagraphStyle
    stats: ParagraphStyle
    note: ParagraphStyle
    note_text: ParagraphStyle
    quote: ParagraphStyle
    key_quote: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    caption: ParagraphStyle
    empty: ParagraphStyle


def make_styles() -> Styles:
    """The paragraph styles, with the fonts registered."""
    regular = fonts.register()
    base = ParagraphStyle(
        "base",
        fontName=regular,
        fontSize=10,
        leading=15,
        textColor=INK,
        alignment=TA_LEFT,
        bulletFontName=regular,
    )

    def style(name: str, **kw: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    heading = {"fontName": fonts.BOLD, "keepWithNext": 1}
    return Styles(
        kicker=style(
            "kicker",
            fontName=fonts.BOLD,
            fontSize=10.5,
            leading=14,
            textColor=ACCENT,
            spaceAfter=10,
        ),
        cover_title=style(
            "cover_title", fontName=fonts.BOLD, fontSize=30, leading=37, spaceAfter=18
        ),
        cover_fact=style("cover_fact", fontSize=12, leading=17),
        cover_label=style(
            "cover_label", fontName=fonts.BOLD, fontSize=8.5, leading=17, textColor=MUTED
        ),
        h1=style(
            "h1",
            fontSize=20,
            leading=25,
            textColor=ACCENT,
            spaceBefore=18,
            spaceAfter=12,
            **heading,
        ),
        label=style("label", fontSize=9.5, leading=13, textColor=ACCENT, spaceAfter=4, **heading),
        question=style("question", fontSize=18, leading=24, spaceAfter=8, **heading),
        h2=style(
            "h2",
            fontSize=12.5,
            leading=17,
            textColor=ACCENT,
            spaceBefore=16,
            spaceAfter=6,
            **heading,
        ),
        h3=style("h3", fontSize=11, leading=15, spaceBefore=12, spaceAfter=2, **heading),
        table_label=style(
            "table_label",
            fontSize=8.5,
            leading=12,
            textColor=MUTED,
            spaceBefore=8,
            spaceAfter=3,
            **heading,
        ),
        lead=style("lead", fontSize=11.5, leading=17.5, spaceAfter=10),
        body=style("body", spaceAfter=8),
        prompt=style(
            "prompt", fontName=fonts.ITALIC, textColor=MUTED, spaceAfter=6, keepWithNext=1
        ),
        stats=style(
            "stats", fontSize=8.5, leading=12, textColor=MUTED, spaceAfter=4, keepWithNext=1
        ),
        note=style(
            "note",
            fontSize=9.5,
            leading=13.5,
            leftIndent=14,
            bulletIndent=3,
            spaceBefore=3,
            spaceAfter=3,
        ),
        note_text=style(
            "note_text",
            fontSize=9.5,
            leading=13.5,
            leftIndent=14,
            bulletIndent=3,
            bulletFontSize=9.5,
        ),
        quote=style(
            "quote",
            fontName=fonts.ITALIC,
            fontSize=12.5,
            leading=18.5,
            spaceBefore=6,
            spaceAfter=10,
        ),
        key_quote=style(
            "key_quote",
            fontName=fonts.ITALIC,
            fontSize=15,
            leading=22,
            spaceBefore=6,
            spaceAfter=16,
        ),
        small=style("small", fontSize=8.5, leading=12, textColor=MUTED, spaceAfter=4),
        cell=style("cell", fontSize=8.5, leading=11.5),
        cell_head=style("cell_head", fontName=fonts.BOLD, fontSize=8, leading=11, textColor=ACCENT),
        caption=style(
            "caption", fontSize=8.5, leading=12, textColor=MUTED, spaceBefore=4, spaceAfter=14
        ),
        empty=style("empty", fontName=fonts.ITALIC, textColor=MUTED, spaceAfter=8),
    )


def para(text: str, style: ParagraphStyle, outline: tuple[str, int] | None = None) -> Flowable:
    """A Paragraph of user text in ``style`` (its face decides the glyph check; right to left
    if its first letter is). ``outline`` (title, level) makes it a PDF bookmark when placed."""
    from workshop_app.report.pdf_rtl import user_paragraph

    flowable = user_paragraph(text, style)
    if outline:
        flowable.outline = outline
    return flowable
