"""Welsh in every output: a report printed in Welsh (cy) carries Welsh letters (ŵ, ŷ and the
rest) in the PDF (in the bundled DejaVu fonts), the HTML, the Word file, the Markdown and the
CSV, with its dates in Welsh and its language tag set; the charts draw them in DejaVu."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

import pytest
from pypdf import PdfReader
from report_outputs import outputs, texts

from workshop_app import i18n
from workshop_app.report import charts
from workshop_app.report.model import ThemeVotesChart
from workshop_app.storage.templates import demo_bundle

LETTERS = "ŵ ŷ â ê î ô û ẁ ẃ ẅ ỳ ý ÿ Ŵ Ŷ"


@pytest.fixture(scope="module")
def made() -> dict:
    bundle = demo_bundle()
    notes = list(bundle.notes)
    notes[0] = replace(notes[0], text=f"Gŵyl y gweithdy: {LETTERS}")
    return outputs(replace(bundle, notes=tuple(notes)), "cy")


def _welsh_date() -> str:
    day = date.fromisoformat(demo_bundle().event.date or "")
    with i18n.using("cy"):
        return i18n.format_date(day, "EEEE d MMMM y")


@pytest.mark.parametrize("fmt", ["pdf", "html", "docx", "md", "csv"])
def test_welsh_letters_in_every_output(made: dict, fmt: str) -> None:
    text = texts(made)[fmt]
    for letter in LETTERS.split():
        assert letter in text, f"{letter} missing from the {fmt}"


@pytest.mark.parametrize("fmt", ["pdf", "html", "docx"])
def test_the_report_speaks_welsh(made: dict, fmt: str) -> None:
    welsh = _welsh_date()
    assert welsh.startswith("Dydd ")
    assert welsh in texts(made)[fmt].replace("\n", " ")


def test_pdf_fonts_are_the_bundled_dejavu_and_the_language_is_welsh(made: dict) -> None:
    reader = PdfReader(io.BytesIO(made["pdf"]))
    used: set[str] = set()  # the fonts that draw the text (not reportlab's unused default)

    def visit(text: str, cm: list, tm: list, font: dict | None, size: float) -> None:
        if text.strip() and font is not None:
            used.add(str(font["/BaseFont"]))
            assert "/FontFile2" in font["/FontDescriptor"].get_object()  # embedded

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    assert used and all("+DejaVuSans" in face for face in used), used
    assert reader.trailer["/Root"]["/Lang"] == "cy-GB"


def test_html_and_word_carry_the_welsh_language_tag(made: dict) -> None:
    import docx

    assert '<html lang="cy-GB">' in made["html"]
    assert docx.Document(io.BytesIO(made["docx"])).core_properties.language == "cy-GB"


def test_charts_draw_welsh_letters_in_dejavu() -> None:
    assert charts._PARAMS["font.family"] == "DejaVu Sans"
    assert charts.label(LETTERS) == LETTERS  # nothing replaced by the missing-glyph mark
    chart = ThemeVotesChart(f"Themâu {LETTERS}", ((f"Ŵyau {LETTERS}", 3, 2),), "alt")
    drawn = charts.render(chart, "png", 60, language="cy")
    assert drawn.data.startswith(b"\x89PNG")
