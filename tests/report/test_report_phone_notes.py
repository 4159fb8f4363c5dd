"""Notes sent from attendees' phones say so, in words, wherever the report and the exports say
where a note came from: the PDF (text extracted), the HTML, the Word file, Markdown and CSV; the
question's count says how many came from phones."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import docx
import pytest
from docx.table import Table
from report_events import pdf_text, squash

from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.records import PHONE_SOURCE_LABEL, PHONE_SOURCE_PLACE, Note, NoteSource
from workshop_app.report.content import build_content
from workshop_app.report.docx_report import render_docx
from workshop_app.report.html import render_html
from workshop_app.report.model import ReportOptions
from workshop_app.report.pdf import render_pdf
from workshop_app.storage.export import to_csv, to_markdown
from workshop_app.storage.templates import demo_bundle

TEXTS = ("Text me the discharge letter please", "Fewer passwords for the night staff")


@pytest.fixture(scope="module")
def bundle() -> EventBundle:
    demo = demo_bundle()
    question = demo.questions[0].id
    phones = tuple(
        Note(question_id=question, text=t, source=NoteSource.PHONE, kind="idea") for t in TEXTS
    )
    return replace(demo, notes=demo.notes + phones)


def test_the_pdf_says_which_notes_came_from_phones(bundle: EventBundle) -> None:
    content = build_content(bundle, ReportOptions())
    section = content.questions[0]
    assert f"2 {PHONE_SOURCE_LABEL}" in section.stats
    about = {line.name: line.note_count for line in content.about.tables}
    assert about[PHONE_SOURCE_PLACE] == 2
    text = squash(pdf_text(render_pdf(content)))
    assert squash(f"2 {PHONE_SOURCE_LABEL}") in text  # the question's count
    assert squash(PHONE_SOURCE_PLACE) in text  # the notes' group and the tables list
    for note in TEXTS:
        assert squash(note) in text


def test_html_and_word_say_it_too(bundle: EventBundle) -> None:
    content = build_content(bundle, ReportOptions())
    html = render_html(content)
    assert PHONE_SOURCE_PLACE.replace("'", "&#x27;") in html or PHONE_SOURCE_PLACE in html
    document = docx.Document(io.BytesIO(render_docx(content)))
    words = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            words += [cell.text for row in block.rows for cell in row.cells]
        else:
            words.append(block.text)
    assert any(PHONE_SOURCE_PLACE in w for w in words)


def test_markdown_and_csv_name_the_source(bundle: EventBundle) -> None:
    markdown = to_markdown(bundle)
    for note in TEXTS:
        line = next(line for line in markdown.splitlines() if note in line)
        assert f"({PHONE_SOURCE_LABEL})" in line
    rows = list(csv.DictReader(io.StringIO(to_csv(bundle))))
    phones = [r for r in rows if r["text"] in TEXTS]
    assert [r["table"] for r in phones] == [PHONE_SOURCE_PLACE] * 2
    assert all(r["table"] != PHONE_SOURCE_PLACE for r in rows if r["text"] not in TEXTS)
