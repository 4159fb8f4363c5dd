"""The report's content as reportlab flowables, section by section (import lazily).

Every piece of user text reaches a Paragraph through ``fonts.markup`` (escaped, line breaks kept,
missing glyphs marked). Headings carry an ``outline`` attribute that the document template turns
into a PDF bookmark when the heading is placed.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import HRFlowable

from workshop_app.domain.quoting import quoted
from workshop_app.i18n import N_, _
from workshop_app.report import fonts, pdf_tables
from workshop_app.report.fonts import markup
from workshop_app.report.model import (
    ContributionsChart,
    NoteItem,
    QuestionSection,
    QuoteItem,
    ReportContent,
)
from workshop_app.report.pdf_charts import ChartPool, chart_flowable
from workshop_app.report.pdf_flowables import NoteBlock, RuledQuote
from workshop_app.report.pdf_rtl import RtlParagraph, user_paragraph
from workshop_app.report.pdf_styles import ACCENT, MUTED, Styles, para
from workshop_app.report.wording import note_meta, theme_info

_GREY = MUTED.hexval()[2:]
#: The PDF's own line in the method note (the HTML and Word versions carry their structure).
ACCESSIBILITY = N_(
    "This PDF is not tagged for screen readers: the library that prints it (reportlab) cannot "
    "tag PDFs. The HTML and Word versions of this report carry its structure (headings, lists, "
    "tables and text descriptions of the charts) and are the accessible ones: ask the organiser "
    "for one, or export one from Workshop’s Report mode."
)


def paragraphs(text: str, style: ParagraphStyle) -> list[Paragraph]:
    """Text with blank lines as separate paragraphs (single line breaks kept inside them)."""
    blocks = [b.strip("\n") for b in text.replace("\r\n", "\n").split("\n\n")]
    return [para(b, style) for b in blocks if b.strip()]


def _quote(quote: QuoteItem, style: ParagraphStyle, show_context: bool = True) -> Flowable:
    credit = " · ".join(p for p in (quote.credit, quote.context if show_context else "") if p)
    words = quoted(quote.text)
    suffix = ""
    if credit:
        suffix = f'<br/><font name="DejaVuSans" size="9" color="#{_GREY}">— {markup(credit)}</font>'
    return RuledQuote(user_paragraph(words, style, suffix=suffix))


def _note(note: NoteItem, s: Styles) -> Flowable:
    meta = note_meta(note)
    if not note.text.strip():
        body: Flowable = Paragraph(("<i>" + escape(_("(empty note)")) + "</i>"), s.note_text)
    else:
        body = user_paragraph(note.text, s.note_text)
    return NoteBlock(
        body,
        " · ".join(meta),
        s.note,
        bullet="★" if note.starred else "•",
        right=isinstance(body, RtlParagraph),
    )


def cover(content: ReportContent, s: Styles, frame_width: float) -> list[Flowable]:
    c = content.cover
    out: list[Flowable] = []
    if c.logo is not None:
        scale = min(60 * mm / c.logo.width, 22 * mm / c.logo.height)
        logo = Image(io.BytesIO(c.logo.data), c.logo.width * scale, c.logo.height * scale)
        logo.hAlign = "LEFT"
        out += [logo, Spacer(1, 38 * mm)]
    else:
        out.append(Spacer(1, 60 * mm))
    out += [
        Paragraph(escape(c.kicker.upper()), s.kicker),
        HRFlowable(width=36 * mm, thickness=3, color=ACCENT, hAlign="LEFT", spaceAfter=16),
        para(c.title, s.cover_title),
    ]
    if c.facts:
        rows = [
            [Paragraph(escape(f.label.upper()), s.cover_label), para(f.value, s.cover_fact)]
            for f in c.facts
        ]
        table = Table(rows, colWidths=[32 * mm, frame_width - 32 * mm], hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ]
            )
        )
        out.append(table)
    if c.numbers:
        out += [Spacer(1, 22 * mm), *_numbers(c.numbers, s, frame_width)]
    return out + [NextPageTemplate("body"), PageBreak()]


def _numbers(numbers: tuple, s: Styles, width: float) -> list[Flowable]:
    """The event in figures under a rule: bold numbers, each with its label beside it, in one
    line of text, so text extraction and screen readers get "40 attended 3 questions", not
    four numbers then four labels (nor the page footer in between)."""
    # one size for the numbers and their labels: text extraction (pdftotext) breaks a line where
    # the font size changes, and would read the numbers and the labels as separate blocks
    style = ParagraphStyle("numbers", parent=s.body, fontSize=18, leading=26)
    figures = (
        f'<font name="{fonts.BOLD}">{n.value}</font>'
        f'<font color="#{_GREY}">\u00a0{escape(n.label)}</font>'
        for n in numbers
    )
    # ordinary gaps: wide ones would make pdftotext read each figure as a column of its own
    gap = f'<font color="#{_GREY}"> \u00a0·\u00a0 </font>'
    return [
        HRFlowable(width=width, thickness=0.6, color=ACCENT, hAlign="LEFT", spaceAfter=8),
        Paragraph(gap.join(figures), style),
    ]


def about(content: ReportContent, s: Styles, frame_width: float) -> list[Flowable]:
    a = content.about
    title = _("About the event")
    out: list[Flowable] = [para(title, s.h1, (title, 0))]
    out += paragraphs(a.summary, s.lead)  # no summary written: nothing printed for it
    out.append(pdf_tables.facts(a.facts, s, frame_width))
    if a.speakers:
        out.append(Paragraph(escape(_("Who spoke")), s.h2))
        for speaker in a.speakers:
            name = markup(speaker.name, s.body.fontName)
            line = f"<b>{name}</b> · " if speaker.name else ""
            detail = f", {markup(speaker.detail)}" if speaker.detail else ""
            out.append(Paragraph(f"{line}{markup(speaker.kind)}{detail}", s.body))
        if a.speakers_note:
            out.append(Paragraph(escape(a.speakers_note), s.small))
    out.append(Paragraph(escape(_("The questions")), s.h2))
    if a.questions:
        out += [para(q, s.note) for q in a.questions]
        for number, flowable in enumerate(out[-len(a.questions) :], 1):
            flowable.bulletText = f"{number}."
    else:
        out.append(Paragraph(escape(_("No questions were set for this event.")), s.empty))
    if a.tables:
        out += [
            Paragraph(escape(_("The tables")), s.h2),
            pdf_tables.tables(a.tables, s, frame_width),
        ]
    return out


def key_quotes(content: ReportContent, s: Styles) -> list[Flowable]:
    if not content.key_quotes:
        return []
    title = _("Key quotes")
    out: list[Flowable] = [CondPageBreak(80 * mm), para(title, s.h1, (title, 0))]
    return out + [_quote(q, s.key_quote) for q in content.key_quotes]


def at_a_glance(
    content: ReportContent, s: Styles, frame_width: float, pool: ChartPool
) -> list[Flowable]:
    if not content.charts:
        return []
    title = _("At a glance")
    out: list[Flowable] = [PageBreak(), para(title, s.h1, (title, 0))]
    for index, chart in enumerate(content.charts):
        image = chart_flowable(pool, index, frame_width)
        caption = ""
        if isinstance(chart, ContributionsChart):
            caption = "   ".join(
                f"<b>{escape(q)}</b> {markup(t)}"
                for q, t in zip(chart.questions, chart.question_texts, strict=True)
            )
        block = [para(chart.title, s.h3), Spacer(1, 4), image]
        if caption:
            block.append(Paragraph(caption, s.caption))
        else:
            block.append(Spacer(1, 14))
        out += [CondPageBreak(image.drawHeight + 40), *block]
    return out


def question(section: QuestionSection, s: Styles) -> Iterator[Flowable]:
    yield PageBreak()
    yield Paragraph(escape(section.heading.upper()), s.label)
    yield para(section.text, s.question, (f"{section.number}. {section.text}", 0))
    if section.prompt:
        yield para(section.prompt, s.prompt)
    yield Paragraph(escape(section.stats), s.stats)
    yield HRFlowable(width="100%", thickness=0.6, color=ACCENT, spaceBefore=2, spaceAfter=6)
    if section.synthesis:
        yield Paragraph(escape(_("What we heard")), s.h2)
        yield from paragraphs(section.synthesis, s.body)
    for quote in section.quotes:
        yield _quote(quote, s.quote, show_context=False)
    if not section.note_count:
        yield Paragraph(escape(_("No notes were captured for this question.")), s.empty)
        return
    if section.themes:
        yield Paragraph(escape(_("Themes, by votes")), s.h2)
    for theme in section.themes:
        yield para(theme.title, s.h3, (theme.title, 1))
        yield Paragraph(escape(theme_info(theme.rank, len(theme.notes), theme.votes)), s.stats)
        if theme.summary:
            yield para(theme.summary, s.prompt)
        if not theme.notes:
            yield Paragraph(escape(_("No notes in this theme.")), s.empty)
        yield from (_note(n, s) for n in theme.notes)
    if section.unthemed:
        yield Paragraph(escape(section.unthemed_heading), s.h2)
        for group in section.unthemed:
            yield para(group.table.upper(), s.table_label)
            yield from (_note(n, s) for n in group.notes)


def general(content: ReportContent, s: Styles) -> list[Flowable]:
    if not content.general_notes:
        return []
    title = _("Other contributions")
    return [
        PageBreak(),
        para(title, s.h1, (title, 0)),
        Paragraph(escape(_("Notes that were not about one of the questions.")), s.small),
        *(_note(n, s) for n in content.general_notes),
    ]


def method(content: ReportContent, s: Styles) -> list[Flowable]:
    title = _("How this report was made")
    out: list[Flowable] = [CondPageBreak(60 * mm), para(title, s.h1, (title, 0))]
    out += [para(line, s.body) for line in content.method]
    out.append(Paragraph(escape(_(ACCESSIBILITY)), s.body))
    out.append(Paragraph(escape(_("★ marks a note the team starred as important.")), s.small))
    return out


def story(
    content: ReportContent, s: Styles, frame_width: float, pool: ChartPool | None = None
) -> list[Flowable]:
    """Every flowable of the report, in reading order. The charts come from ``pool`` (by
    default: the cache, else drawn in this process)."""
    pool = pool or ChartPool(content.charts, parallel=False)
    out = cover(content, s, frame_width) + about(content, s, frame_width)
    out += key_quotes(content, s) + at_a_glance(content, s, frame_width, pool)
    for section in content.questions:
        out += question(section, s)
    out += general(content, s) + method(content, s)
    if content.appendix is not None:
        out += pdf_tables.appendix(content, s, frame_width)
    return out
