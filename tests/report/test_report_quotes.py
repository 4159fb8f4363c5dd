"""Quotes get exactly one pair of quotation marks, in the PDF, the HTML, the Markdown export and
on the app's cards: ``domain.quoting.quoted`` is the one function all of them use."""

from __future__ import annotations

from html import escape

import pytest
from report_events import body_text, squash

from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.quoting import quoted
from workshop_app.domain.records import Event, Note, Question
from workshop_app.report.content import build_content
from workshop_app.report.html import render_html
from workshop_app.report.pdf import render_pdf
from workshop_app.storage.export import to_markdown

#: (as typed, as printed)
CASES = [
    ("Plain words", "“Plain words”"),
    ("  padded  ", "“padded”"),
    ('"straight double"', "“straight double”"),
    ("“curly double”", "“curly double”"),
    ("'straight single'", "“straight single”"),
    ("‘curly single’", "“curly single”"),
    ("«guillemets»", "“guillemets”"),
    ("„low nine“", "“low nine”"),
    ("“‘twice wrapped’”", "“twice wrapped”"),
    (
        "Start with a clear problem, so that “everybody is bought into solving something”.",
        "“Start with a clear problem, so that ‘everybody is bought into solving something’.”",
    ),
    ('She said "no" twice', "“She said ‘no’ twice”"),
    ("“A” and “B”", "“‘A’ and ‘B’”"),
    ('"A" and "B"', "“‘A’ and ‘B’”"),
    ("“He said “stop” and left”", "“He said ‘stop’ and left”"),
    ("Don’t say it’s fine", "“Don’t say it’s fine”"),
    ("'Tis the season", "“'Tis the season”"),
    ("It costs 5' of rope", "“It costs 5' of rope”"),
]


@pytest.mark.parametrize(("typed", "printed"), CASES)
def test_quoted_gives_one_pair_of_marks(typed: str, printed: str) -> None:
    assert quoted(typed) == printed
    assert quoted(printed) == printed  # idempotent: printing twice adds nothing


def _bundle(text: str) -> EventBundle:
    question = Question(text="What did people say?")
    return EventBundle(
        event=Event(title="Quotes"),
        questions=(question,),
        notes=(
            Note(question_id=question.id, text=text, kind="quote", starred=True),
            Note(question_id=None, text=text, kind="quote"),
        ),
    )


@pytest.mark.parametrize(("typed", "printed"), CASES)
def test_pdf_html_and_markdown_print_one_pair(typed: str, printed: str) -> None:
    bundle = _bundle(typed)
    content = build_content(bundle)
    pdf = squash(body_text(render_pdf(content)))
    # key quotes (the general one and the starred one) and the pull quote under the question;
    # printed as typed: the question's note in its notes list, both notes in the appendix
    as_typed = 3 if squash(typed) == squash(printed) else 0
    assert pdf.count(squash(printed)) == 3 + as_typed
    for doubled in ("””", "““", "”.”", "’”.”"):
        assert doubled not in pdf
    html = render_html(content)
    assert html.count(f">{escape(printed)}</p>") == 3  # the quote blocks only
    markdown = to_markdown(bundle)
    assert markdown.count(f"> {printed}") == 2


def test_the_demo_panel_quote_has_no_doubled_closing_marks() -> None:
    from workshop_app.storage.templates import demo_bundle

    pdf = body_text(render_pdf(build_content(demo_bundle())))
    assert "something”.”" not in pdf
    assert "‘everybody is bought into solving something’.”" in pdf
