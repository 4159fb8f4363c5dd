"""Issue 12's "done when": the report of a merged event shows every table's notes. The demo is
handed out to its tables, each laptop types its own notes (its own device id, its own table),
the organiser runs ``workshop-app merge``, then ``workshop-app report``; the PDF's text holds
every table's new notes, under the question they answer, and the appendix names each table."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_helpers import run
from pypdf import PdfReader

from workshop_app.domain.records import Group, Note, Question
from workshop_app.storage import handout
from workshop_app.storage.document import Document
from workshop_app.storage.templates import demo_bundle


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_the_report_of_a_merged_event_shows_every_tables_notes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    organiser = tmp_path / "day.workshop"
    Document.create(organiser, demo_bundle()).close()
    stick = tmp_path / "stick"
    stick.mkdir()
    with Document.open(organiser) as doc:
        tables = [(g.id, g.name) for g in doc.select(Group)]
        question = doc.select(Question)[0]
        copies = doc.write_copies(stick, handout.plan("Day", tables))
    typed = {}
    for copy, (_, name) in zip(copies, tables, strict=True):
        with Document.open(copy) as doc:
            text = f"At {name} we asked for protected time to learn the tools"
            doc.add(Note(text=text, question_id=question.id, group_id=doc.copy_table()))
            typed[name] = text
    code, out, err = run(capsys, "merge", organiser, *copies)
    assert (code, err) == (0, "")
    assert out.startswith(
        f"Merged into {organiser}: +{len(tables)} notes from {len(tables)} laptops"
    )

    pdf = tmp_path / "report.pdf"
    code, out, _ = run(capsys, "report", organiser, "-o", pdf)
    assert code == 0, out
    text = _words(" ".join(page.extract_text() for page in PdfReader(pdf).pages))
    for name, note in typed.items():
        assert note in text, f"{name}'s note is missing from the report"
    appendix = text[text.rindex("Appendix") :]
    for name in typed:
        assert name in appendix
