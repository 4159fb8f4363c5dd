"""A new event from a template prints none of the template's placeholder text, and no time
without a date: the template's summary and (for the engagement event) its questions are hints,
shown greyed in Plan, never content. Read back from the real PDF (pypdf) and HTML."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from report_events import body_text, pdf_text

from workshop_app import paths
from workshop_app.report.content import build_content
from workshop_app.report.html import render_html
from workshop_app.report.pdf import render_pdf
from workshop_app.storage import interchange
from workshop_app.storage.document import Document
from workshop_app.storage.templates import create_from_template, list_templates

KEYS = [t.key for t in list_templates()]
FILES = {
    "engagement": "three-question-engagement.json",
    "retrospective": "retrospective.json",
    "world-cafe": "world-cafe.json",
}


def _template_json(key: str) -> dict:
    return json.loads(paths.resource("templates", FILES[key]).read_bytes())


def _placeholders(key: str) -> list[str]:
    """The template file's describing text: its summary and, for the engagement event whose
    summary calls its questions placeholders, the questions and their prompts."""
    raw = _template_json(key)
    found = [raw["event"]["summary"]]
    if key == "engagement":
        found += [q["text"] for q in raw["questions"]] + [q["prompt"] for q in raw["questions"]]
    return [text for text in found if text]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("key", KEYS)
def test_a_new_event_from_a_template_prints_no_placeholder_and_no_dateless_time(
    key: str, tmp_path: Path
) -> None:
    with create_from_template(tmp_path / "new.workshop", key, title="Our day") as document:
        bundle = document.bundle()
    assert bundle.event.date is None
    content = build_content(bundle)
    pdf = pdf_text(render_pdf(content))
    html = render_html(content)
    for placeholder in _placeholders(key):
        # a fragment is enough: the longest sentence of the placeholder
        fragment = max(re.split(r"(?<=[.?!])\s+", placeholder), key=len)
        assert _squash(fragment) not in _squash(pdf), fragment
        assert fragment not in html, fragment
    start = _template_json(key)["event"]["start_time"]
    for text in (pdf, html):
        assert not re.search(r"\b\d{1,2}:\d{2}\b", text)  # no time printed without a date
        assert "DATE" not in text.upper().replace("UPDATE", "")
    if start:  # the same event with a date does print its start time (the check can fail)
        with Document.open(tmp_path / "new.workshop") as document:
            document.update_event(date="2027-03-02")
            dated = document.bundle()
        assert start in body_text(render_pdf(build_content(dated)))


@pytest.mark.parametrize("key", KEYS)
def test_template_text_becomes_hints(key: str, tmp_path: Path) -> None:
    raw = _template_json(key)
    with create_from_template(tmp_path / "new.workshop", key) as document:
        event, questions = document.event(), document.bundle().questions
    assert event.summary == "" and event.summary_hint == raw["event"]["summary"]
    texts = [q["text"] for q in raw["questions"]]
    if key == "engagement":
        assert [q.text for q in questions] == [""] * len(texts)
        assert [q.text_hint for q in questions] == texts
        assert [q.prompt_hint for q in questions] == [q["prompt"] for q in raw["questions"]]
    else:  # a retrospective's "What went well?" is the method, not an example
        assert [q.text for q in questions] == texts


def test_hints_survive_the_interchange_and_files_without_them_still_read(tmp_path: Path) -> None:
    with create_from_template(tmp_path / "new.workshop", "engagement") as document:
        bundle = document.bundle()
    text = interchange.dumps(bundle)
    again = interchange.parse(text)
    assert interchange.dumps(again) == text  # lossless, hints included
    assert [q.text_hint for q in again.questions] == [q.text_hint for q in bundle.questions]
    plain = json.loads(text)
    for question in plain["questions"]:
        question.pop("text_hint"), question.pop("prompt_hint")
    plain["event"].pop("summary_hint")
    read = interchange.parse(json.dumps(plain))  # a file written before hints existed
    assert all(q.text_hint == "" for q in read.questions) and read.event.summary_hint == ""
    written = json.loads(interchange.dumps(read))
    assert "summary_hint" not in written["event"]  # nothing new is written when unset
    assert all("text_hint" not in q for q in written["questions"])
