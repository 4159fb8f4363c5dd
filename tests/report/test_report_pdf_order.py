"""The PDF's reading order (the text pdftotext extracts, else pypdf's) follows the visual order:
cover, about, key quotes, charts, each question with its themes in rank order, the method note
(which says the PDF is untagged and points to the HTML and Word versions), then the appendix."""

from __future__ import annotations

import io
import shutil
import subprocess

from pypdf import PdfReader

from workshop_app.report.content import build_content
from workshop_app.report.pdf import render_pdf
from workshop_app.storage.templates import demo_bundle


def extracted(pdf: bytes) -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    done = subprocess.run([tool, "-", "-"], input=pdf, capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def test_reading_order_follows_the_page() -> None:
    content = build_content(demo_bundle())
    text = " ".join(extracted(render_pdf(content)).split())
    expected = ["EVENT SUMMARY", " ".join(content.title.split())]
    expected += [
        f"{n.value} {n.label}" for n in content.cover.numbers
    ]  # each figure, then its label
    expected += ["About the event", "Who spoke", "The questions", "The tables", "Key quotes"]
    expected += ["At a glance"]
    for section in content.questions:
        expected += [f"QUESTION {section.number}", section.text, "Themes, by votes"]
        expected += [theme.title for theme in section.themes]
    expected += ["How this report was made", "cannot tag PDFs", "Appendix: every note"]
    expected += [" ".join(section.heading.split()) for section in content.appendix or ()]
    at = 0
    for needle in expected:
        found = text.find(needle, at)
        assert found >= 0, f"“{needle}” not found after “{text[max(0, at - 80) : at]}”"
        at = found + len(needle)
    # the figures read as one line: no page furniture between them
    figures = " · ".join(f"{n.value} {n.label}" for n in content.cover.numbers)
    assert figures in text


def test_method_note_points_to_the_accessible_versions() -> None:
    from workshop_app.report.html import render_html

    content = build_content(demo_bundle())
    text = " ".join(extracted(render_pdf(content)).split())
    assert "This PDF is not tagged for screen readers" in text
    assert "The HTML and Word versions of this report" in text
    assert "not tagged" not in render_html(content)  # only the PDF says it of itself
