"""The report in every output (PDF, HTML, Word, Markdown, CSV) as plain text, for the language
tests: pypdf for the PDF, the text and visible attributes of the HTML, the Word runs."""

from __future__ import annotations

import io
from html.parser import HTMLParser

from pypdf import PdfReader

from workshop_app import i18n
from workshop_app.domain.bundle import EventBundle
from workshop_app.report.model import ReportOptions
from workshop_app.report.render import render_report
from workshop_app.storage.export import to_csv, to_markdown


class _Visible(HTMLParser):
    """Text and the attributes a person (or a screen reader) meets: alt, aria-label, title."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.in_style = tag == "style"
        for name, value in attrs:
            if name in ("alt", "aria-label", "title") and value:
                self.parts.append(value)
            if tag == "meta" and name == "content" and value and "width=" not in value:
                self.parts.append(value)

    def handle_endtag(self, tag: str) -> None:
        self.in_style = False

    def handle_data(self, data: str) -> None:
        if not self.in_style:
            self.parts.append(data)


def html_text(html: str) -> str:
    parser = _Visible()
    parser.feed(html)
    return "\n".join(parser.parts)


def docx_text(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    runs = [run.text for p in document.paragraphs for run in p.runs]
    cells = [
        run.text
        for table in document.tables
        for row in table.rows
        for cell in row.cells
        for p in cell.paragraphs
        for run in p.runs
    ]
    props = document.core_properties
    return "\n".join([*runs, *cells, props.keywords, props.category, props.comments])


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


def outputs(bundle: EventBundle, language: str, options: ReportOptions | None = None) -> dict:
    """Every output of ``bundle`` made in ``language``: {"pdf": bytes, "html": str, ...}."""
    options = options or ReportOptions()
    with i18n.using(language):  # the exports follow the current language, as on the CLI
        markdown, csv = to_markdown(bundle), to_csv(bundle)
    return {
        "pdf": render_report(bundle, options, "pdf", language=language),
        "html": render_report(bundle, options, "html", language=language).decode("utf-8"),
        "docx": render_report(bundle, options, "docx", language=language),
        "md": markdown,
        "csv": csv,
    }


def texts(made: dict) -> dict[str, str]:
    """The readable text of each output of ``outputs``."""
    return {
        "pdf": pdf_text(made["pdf"]),
        "html": html_text(made["html"]),
        "docx": docx_text(made["docx"]),
        "md": made["md"],
        "csv": made["csv"],
    }
