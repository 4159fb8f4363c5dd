"""Render the report as a Word document (.docx) that organisers can edit before circulating it.

The same content as the PDF (``report.model``), with Word's own structure: the event's title in
the Title style, sections as Heading 1, their parts as Heading 2, themes and tables as Heading 3
(so the navigation pane and screen readers find them), notes as bulleted lists, quotes in the
Quote style, the appendix as tables with header rows, charts as pictures with alt text, and the
document properties set. Import lazily: python-docx loads at the top of this module.
"""

from __future__ import annotations

import io
from collections.abc import Callable

import docx
from docx.document import Document
from docx.enum.text import WD_BREAK

from workshop_app.domain.quoting import quoted
from workshop_app.i18n import _
from workshop_app.report import docx_parts as parts
from workshop_app.report.docx_parts import KICKER, SMALL, add_meta, add_text
from workshop_app.report.model import (
    ContributionsChart,
    Fact,
    NoteItem,
    QuestionSection,
    QuoteItem,
    ReportContent,
)
from workshop_app.report.wording import appendix_head, note_meta, table_head, theme_info

Progress = Callable[[float], None]


def _heading(doc: Document, text: str, level: int, *, new_page: bool = False) -> None:
    paragraph = doc.add_paragraph(style=f"Heading {level}")
    add_text(paragraph, text)
    if new_page:
        paragraph.paragraph_format.page_break_before = True


def _paragraphs(doc: Document, text: str, style: str | None = None, italic: bool = False) -> None:
    """Text with blank lines as separate paragraphs (single line breaks kept inside them)."""
    for block in text.replace("\r\n", "\n").split("\n\n"):
        if block.strip():
            add_text(doc.add_paragraph(style=style), block.strip("\n"), italic=italic)


def _small(doc: Document, text: str, *, keep_with_next: bool = False) -> None:
    paragraph = doc.add_paragraph(style=SMALL)
    paragraph.add_run(text)
    paragraph.paragraph_format.keep_with_next = keep_with_next or None


def _facts(doc: Document, facts: tuple[Fact, ...]) -> None:
    for fact in facts:
        paragraph = doc.add_paragraph()
        paragraph.paragraph_format.space_after = 0
        # Translators: a fact's label before its value: "Venue: "
        paragraph.add_run(_("{label}: ").format(label=fact.label)).bold = True
        add_text(paragraph, fact.value)


def _quote(doc: Document, quote: QuoteItem, show_context: bool = True) -> None:
    paragraph = doc.add_paragraph(style="Quote")
    add_text(paragraph, quoted(quote.text))
    credit = " · ".join(p for p in (quote.credit, quote.context if show_context else "") if p)
    if credit:
        paragraph.add_run().add_break(WD_BREAK.LINE)
        add_meta(paragraph, f"— {credit}")


def _notes(doc: Document, notes: tuple[NoteItem, ...]) -> None:
    for note in notes:
        meta = note_meta(note)
        paragraph = doc.add_paragraph(style="List Bullet")
        if note.starred:
            paragraph.add_run("★ ")
        if note.text.strip():
            add_text(paragraph, note.text)
        else:
            paragraph.add_run(_("(empty note)")).italic = True
        add_meta(paragraph, "  " + " · ".join(meta))


def _cover(doc: Document, content: ReportContent) -> None:
    cover = content.cover
    if cover.logo is not None:
        width = min(parts.Mm(60), int(parts.Mm(22) * cover.logo.width / cover.logo.height))
        parts.picture(doc, cover.logo.data, width, _("Logo"), _("Logo"))
    doc.add_paragraph(cover.kicker, style=KICKER).paragraph_format.space_before = parts.Pt(120)
    add_text(doc.add_paragraph(style="Title"), cover.title)
    _facts(doc, cover.facts)
    if cover.numbers:
        paragraph = doc.add_paragraph()
        paragraph.paragraph_format.space_before = parts.Pt(36)
        for i, number in enumerate(cover.numbers):
            paragraph.add_run(("    " if i else "") + number.value).bold = True
            add_meta(paragraph, f" {number.label}")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _about(doc: Document, content: ReportContent) -> None:
    about = content.about
    _heading(doc, _("About the event"), 1)
    _paragraphs(doc, about.summary)
    _facts(doc, about.facts)
    if about.speakers:
        _heading(doc, _("Who spoke"), 2)
        for speaker in about.speakers:
            paragraph = doc.add_paragraph(style="List Bullet")
            if speaker.name:
                add_text(paragraph, speaker.name, bold=True)
                paragraph.add_run(" · ")
            add_text(paragraph, speaker.kind + (f", {speaker.detail}" if speaker.detail else ""))
        if about.speakers_note:
            _small(doc, about.speakers_note)
    _heading(doc, _("The questions"), 2)
    for text in about.questions:
        add_text(doc.add_paragraph(style="List Number"), text)
    if not about.questions:
        doc.add_paragraph(_("No questions were set for this event.")).runs[0].italic = True
    if about.tables:
        _heading(doc, _("The tables"), 2)
        people = any(t.people for t in about.tables)
        head = table_head(people)
        rows = [
            [t.name, *([t.people or "—"] if people else []), str(t.note_count)]
            for t in about.tables
        ]
        parts.table(doc, head, rows, [0.3, 0.55, 0.15] if people else [0.7, 0.3])


def _charts(doc: Document, content: ReportContent) -> None:
    if not content.charts:
        return
    from workshop_app.report.charts import render

    _heading(doc, _("At a glance"), 1, new_page=True)
    for chart in content.charts:
        _heading(doc, chart.title, 2)
        drawn = render(chart, dpi=150)
        width = min(parts.text_width(doc), int(drawn.width_in * 914400))
        parts.picture(doc, drawn.data, width, chart.alt, chart.title)
        if isinstance(chart, ContributionsChart):
            caption = doc.add_paragraph(style="Caption")
            for label, text in zip(chart.questions, chart.question_texts, strict=True):
                caption.add_run(f"{label} ").bold = True
                add_text(caption, f"{text}   ")


def _question(doc: Document, section: QuestionSection) -> None:
    title = _("Question {number}: {text}").format(number=section.number, text=section.text)
    _heading(doc, title, 1, new_page=True)
    if section.prompt:
        add_text(doc.add_paragraph(), section.prompt, italic=True)
    _small(doc, section.stats)
    if section.synthesis:
        _heading(doc, _("What we heard"), 2)
        _paragraphs(doc, section.synthesis)
    for quote in section.quotes:
        _quote(doc, quote, show_context=False)
    if not section.note_count:
        doc.add_paragraph(_("No notes were captured for this question.")).runs[0].italic = True
        return
    if section.themes:
        _heading(doc, _("Themes, by votes"), 2)
    for theme in section.themes:
        _heading(doc, theme.title, 3)
        _small(doc, theme_info(theme.rank, len(theme.notes), theme.votes))
        if theme.summary:
            _paragraphs(doc, theme.summary, italic=True)
        if not theme.notes:
            doc.add_paragraph(_("No notes in this theme.")).runs[0].italic = True
        _notes(doc, theme.notes)
    if section.unthemed:
        _heading(doc, section.unthemed_heading, 2)
        for group in section.unthemed:
            _heading(doc, group.table, 3)
            _notes(doc, group.notes)


def _end(doc: Document, content: ReportContent) -> None:
    """Other contributions, the method note and the appendix."""
    if content.general_notes:
        _heading(doc, _("Other contributions"), 1, new_page=True)
        _small(doc, _("Notes that were not about one of the questions."))
        _notes(doc, content.general_notes)
    _heading(doc, _("How this report was made"), 1)
    for line in content.method:
        add_text(doc.add_paragraph(), line)
    _small(doc, _("★ marks a note the team starred as important."))
    if content.appendix is None:
        return
    _heading(doc, _("Appendix: every note"), 1, new_page=True)
    if not content.appendix:
        doc.add_paragraph(_("No notes were captured for this event.")).runs[0].italic = True
    anonymous = content.options.anonymous
    head = appendix_head(anonymous)
    widths = [0.18, 0.14, 0.68] if anonymous else [0.14, 0.13, 0.21, 0.52]
    for section in content.appendix:
        _heading(doc, section.heading, 2)
        _small(doc, section.count, keep_with_next=True)
        rows = [[r.table, r.kind, *([] if anonymous else [r.role]), r.text] for r in section.rows]
        parts.table(doc, head, rows, widths)


def render_docx(content: ReportContent, progress: Progress | None = None) -> bytes:
    """The whole report as .docx bytes. ``progress(fraction)`` may raise to cancel."""

    def step(fraction: float) -> None:
        if progress is not None:
            progress(fraction)

    doc = docx.Document()
    parts.set_up(doc, content)
    parts.properties(doc, content)
    _cover(doc, content)
    _about(doc, content)
    if content.key_quotes:
        _heading(doc, _("Key quotes"), 1)
        for quote in content.key_quotes:
            _quote(doc, quote)
    step(0.1)
    _charts(doc, content)
    step(0.3)
    for number, section in enumerate(content.questions, 1):
        _question(doc, section)
        step(0.3 + 0.4 * number / len(content.questions))
    _end(doc, content)
    step(0.9)
    buffer = io.BytesIO()
    doc.save(buffer)
    step(1.0)
    return buffer.getvalue()
