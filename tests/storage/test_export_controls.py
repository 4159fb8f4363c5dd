"""CSV and Markdown keep control characters out (but ordinary whitespace), and the CSV formula
guard sees a formula behind spaces, a byte-order mark, a zero-width character or a full-width
sign (issue 10, item 6)."""

from __future__ import annotations

import csv
import io

import pytest

from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.records import Event, Note, Question
from workshop_app.storage.export import to_csv, to_markdown

CONTROLS = "".join(map(chr, [*range(0, 9), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)]))


def event(*notes: Note, title: str = "Day") -> EventBundle:
    return EventBundle(
        event=Event(id="e", title=title, venue="Hall\x1b[2J"),
        questions=(Question(id="q", text="Why\x07?"),),
        notes=notes,
    )


def csv_text(text: str, **fields: str) -> dict[str, str]:
    note = Note(id="n", question_id="q", text=text, created_at="2026-11-27T10:00:00.000Z", **fields)
    return next(csv.DictReader(io.StringIO(to_csv(event(note)), newline="")))


def test_csv_leaves_control_characters_out_but_keeps_line_ends_and_tabs() -> None:
    row = csv_text("a\x1b]0;title\x07b\x00c\x9bd\u0085e\tf\r\ng", role="R\x08\x08x")
    assert row["text"] == "a]0;titlebcd e\tf\r\ng"
    assert row["role"] == "Rx"
    assert row["question"] == "Why?"
    assert not any(ch in to_csv(event()) for ch in CONTROLS)


@pytest.mark.parametrize(
    "start",
    [
        " =",
        "  +",
        "\u00a0-",
        "\ufeff=",
        "\u200b@",
        "\u200d=",
        "\u2060=",
        "\n=",
        "＝",
        "＋",
        "－",
        "＠",
        " ＝",
        "\ufe66",
    ],
)
def test_csv_formula_guard_sees_hidden_starts(start: str) -> None:
    hostile = start + 'HYPERLINK("http://evil")'
    assert csv_text(hostile, attribution=start + "1")["text"] == "'" + hostile
    assert csv_text("x", attribution=start + "1")["attribution"] == "'" + start + "1"


@pytest.mark.parametrize("text", ["a = b", " plain", "\ufeffhello", "-", "x-1"])
def test_csv_leaves_ordinary_text_alone(text: str) -> None:
    expected = "'" + text if text == "-" else text
    assert csv_text(text)["text"] == expected


def test_markdown_leaves_control_characters_out() -> None:
    note = Note(id="n", question_id="q", text="one\x1b[31mred\x00\x0ctwo\r\nthree", kind="idea")
    markdown = to_markdown(event(note, title="T\x1b]0;x\x07itle"))
    assert not any(ch in markdown for ch in CONTROLS)
    assert "# T\\]0;xitle" in markdown and "Hall\\[2J" in markdown
    assert "one\\[31mred two" in markdown and "three" in markdown
