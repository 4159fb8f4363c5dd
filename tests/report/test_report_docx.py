"""The Word twin: the same notes as the PDF, real headings, lists, quotes, tables with header rows,
charts with alt text, document properties, hostile text kept, options applied."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime, timedelta

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table
from report_events import HOSTILE_TEXTS, PEOPLE, hostile_bundle

from workshop_app.domain.quoting import quoted
from workshop_app.report.content import build_content
from workshop_app.report.docx_report import render_docx
from workshop_app.report.model import ReportContent, ReportOptions
from workshop_app.storage.templates import demo_bundle


def read(content: ReportContent) -> Document:
    return docx.Document(io.BytesIO(render_docx(content)))


def body_text(document: Document) -> str:
    """Every paragraph and table cell, in document order."""
    out = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            out += [cell.text for row in block.rows for cell in row.cells]
        else:
            out.append(block.text)
    return "\n".join(out)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def headings(document: Document) -> list[tuple[str, str]]:
    return [
        (p.style.name, p.text)
        for p in document.paragraphs
        if p.style is not None and p.style.name.startswith(("Heading", "Title"))
    ]


def test_demo_holds_every_question_theme_note_and_the_appendix() -> None:
    content = build_content(demo_bundle())
    document = read(content)
    text = squash(body_text(document))
    for note in content.all_text():
        assert squash(note) in text, note
    found = headings(document)
    assert found[0] == ("Title", content.title)
    for section in content.questions:
        assert ("Heading 1", f"Question {section.number}: {section.text}") in found
        for theme in section.themes:
            assert ("Heading 3", theme.title) in found
    assert content.appendix
    tables = document.tables
    for section in content.appendix:
        assert ("Heading 2", section.heading) in found
        table = next(
            t for t in tables if [c.text for c in t.rows[1].cells][-1] == section.rows[0].text
        )
        assert [c.text for c in table.rows[0].cells] == ["Table", "Kind", "Role", "Note"]
        assert [[c.text for c in row.cells] for row in table.rows[1:]] == [
            [r.table, r.kind, r.role, r.text] for r in section.rows
        ]
        header = table.rows[0]._tr.trPr
        assert header is not None and header.find(qn("w:tblHeader")) is not None
    levels = [name for name, _ in found]
    assert levels.count("Title") == 1 and "Heading 4" not in levels
    assert ("Heading 1", "Appendix: every note") in found


def test_lists_and_quotes_use_word_styles() -> None:
    content = build_content(demo_bundle())
    document = read(content)
    styles: dict[str, list[str]] = {}
    for paragraph in document.paragraphs:
        styles.setdefault(paragraph.style.name, []).append(paragraph.text)
    quotes = " ".join(styles["Quote"])
    assert content.key_quotes
    assert all(squash(quoted(q.text)) in squash(quotes) for q in content.key_quotes)
    bullets = " ".join(styles["List Bullet"])
    theme_notes = [n.text for s in content.questions for t in s.themes for n in t.notes]
    assert theme_notes and all(squash(n) in squash(bullets) for n in theme_notes)
    assert styles["List Number"] == list(content.about.questions)


def test_charts_are_pictures_with_their_alt_text() -> None:
    content = build_content(demo_bundle())
    document = read(content)
    pictures = document.inline_shapes
    assert len(pictures) == len(content.charts) == 2
    for shape, chart in zip(pictures, content.charts, strict=True):
        properties = shape._inline.docPr
        assert properties.get("descr") == chart.alt
        assert properties.get("title") == chart.title
        assert shape.width <= document.sections[0].page_width
    assert "Needs-based approach (Q1): 31 votes, 7 notes" in pictures[1]._inline.docPr.get("descr")
    without = read(build_content(demo_bundle(), ReportOptions(charts=False)))
    assert len(without.inline_shapes) == 0


def test_document_properties_paper_and_language() -> None:
    content = build_content(demo_bundle(), ReportOptions(paper="letter"))
    before = datetime.now(UTC).replace(microsecond=0)
    document = read(content)
    props = document.core_properties
    assert props.title == content.title
    assert props.author == "NHS AI Lab" == content.author
    assert props.subject == content.subject and props.subject.startswith("Event summary")
    assert props.language == "en-GB"
    assert props.created is not None
    assert before - timedelta(seconds=1) <= props.created.replace(tzinfo=UTC)
    assert round(document.sections[0].page_width.mm) == 216  # US Letter
    lang = document.styles.element.find(f".//{qn('w:docDefaults')}//{qn('w:lang')}")
    assert lang is not None and lang.get(qn("w:val")) == "en-GB"


def test_hostile_text_round_trips() -> None:
    document = read(build_content(hostile_bundle()))
    text = squash(body_text(document))
    for hostile in HOSTILE_TEXTS:
        # XML cannot hold control characters: they are shown as U+FFFD, like the PDF and HTML.
        expected = re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f]", "\ufffd", hostile.replace("\r\n", "\n"))
        assert squash(expected) in text, hostile[:50]
    assert "line one\nline two\nline three" in body_text(document)  # breaks kept as breaks
    assert document.core_properties.title == "Hostile <event> & “friends” שלום"
    rtl = [p for p in document.paragraphs if p.text.startswith("שלום עולם")]
    assert rtl and all(
        p._p.pPr is not None and p._p.pPr.find(qn("w:bidi")) is not None for p in rtl
    )


def test_anonymous_leaves_out_the_people() -> None:
    document = read(build_content(hostile_bundle(), ReportOptions(anonymous=True)))
    text = body_text(document)
    for person in PEOPLE.values():
        assert person not in text, person
    appendix = document.tables[-1]
    assert [c.text for c in appendix.rows[0].cells] == ["Table", "Kind", "Note"]
