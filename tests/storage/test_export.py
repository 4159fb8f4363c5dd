"""CSV and Markdown exports: right rows in display order, hostile text kept literal and safe."""

from __future__ import annotations

import csv
import io

import pytest

from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.records import Event, Group, Note, Question, Speaker, Theme
from workshop_app.storage.export import CSV_COLUMNS, escape, to_csv, to_markdown


def bundle(*notes: Note) -> EventBundle:
    return EventBundle(
        event=Event(
            id="e",
            title="Listening event",
            date="2026-11-27",
            venue="Leeds",
            organiser="NHS",
            summary="Why we met.",
        ),
        speakers=(Speaker(id="s", name="Ada", role="CDIO", organisation="NHS England"),),
        questions=(
            Question(id="q1", text="What is our vision?", synthesis="We want clear problems."),
            Question(id="q2", text="How do we bring people?"),
        ),
        groups=(Group(id="g3", name="Table 3"),),
        themes=(Theme(id="t1", question_id="q1", title="Needs first", summary="Start there."),),
        notes=notes,
    )


def note(id: str, text: str, **fields: object) -> Note:
    return Note(id=id, text=text, created_at="2026-11-27T10:00:00.000Z", **fields)  # type: ignore[arg-type]


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


DEMO_NOTES = (
    note("n0", "general remark", kind="concern"),
    note("n1", "second question note", question_id="q2", group_id="g3"),
    note(
        "n2",
        "Start from the problem",
        question_id="q1",
        group_id="g3",
        theme_id="t1",
        attribution="Sam",
        role="GP",
        votes=4,
        starred=True,
    ),
    note("n3", "We need basics first", question_id="q1", kind="quote", attribution="Wendy"),
)


# ---------------------------------------------------------------- CSV


def test_csv_has_header_and_one_row_per_note_in_display_order() -> None:
    text = to_csv(bundle(*DEMO_NOTES))
    assert text.splitlines()[0] == ",".join(CSV_COLUMNS)
    assert "\r\n" in text
    got = rows(text)
    assert [r["text"] for r in got] == [
        "Start from the problem",
        "We need basics first",
        "second question note",
        "general remark",
    ]
    first = got[0]
    assert first == {
        "question": "What is our vision?",
        "table": "Table 3",
        "theme": "Needs first",
        "kind": "idea",
        "text": "Start from the problem",
        "attribution": "Sam",
        "role": "GP",
        "votes": "4",
        "starred": "yes",
        "local_time": "2026-11-27 10:00:00",  # the bundle's event has no zone: UTC
        "created_at": "2026-11-27T10:00:00.000Z",
    }
    assert got[3]["question"] == "" and got[3]["table"] == "" and got[3]["starred"] == "no"


def test_csv_of_no_notes_is_just_the_header() -> None:
    assert rows(to_csv(bundle())) == []
    assert to_csv(bundle()) == ",".join(CSV_COLUMNS) + "\r\n"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_formula_guard(start: str) -> None:
    hostile = start + 'HYPERLINK("http://evil")'
    got = rows(to_csv(bundle(note("n", hostile, attribution=start + "1+1"))))[0]
    assert got["text"] == "'" + hostile
    assert got["attribution"] == "'" + start + "1+1"


def test_csv_keeps_hostile_text_intact() -> None:
    hostile = 'x<y, R&D said "yes"\nsecond line; third, "quoted"\r\nfinal 🎉 שלום'
    got = rows(to_csv(bundle(note("n", hostile, role="a,b"))))
    assert len(got) == 1
    assert got[0]["text"] == hostile
    assert got[0]["role"] == "a,b"


# ---------------------------------------------------------------- Markdown


def test_markdown_structure() -> None:
    md = to_markdown(bundle(*DEMO_NOTES))
    lines = md.splitlines()
    assert lines[0] == "# Listening event"
    facts = "**Date:** 2026-11-27 · **Venue:** Leeds · **Organiser:** NHS"
    assert f"{facts} · **Notes taken:** 10:00 UTC" in lines
    assert "Why we met." in lines
    assert "- **Ada**, CDIO, NHS England" in lines
    assert "## What is our vision?" in lines and "## How do we bring people?" in lines
    assert "We want clear problems." in lines
    assert "### Needs first" in lines and "Start there." in lines
    assert "- Start from the problem — Sam, GP (Table 3)" in lines
    assert "> “We need basics first” — Wendy" in lines
    assert "## General notes" in lines and "- general remark" in lines
    order = [md.index(s) for s in ("## What is", "### Needs", "## How do", "## General notes")]
    assert order == sorted(order)
    assert md.endswith("\n") and not md.endswith("\n\n")


def test_markdown_other_notes_heading_only_beside_themes() -> None:
    md = to_markdown(bundle(note("a", "loose", question_id="q1"), note("b", "x", question_id="q2")))
    q1, q2 = md.split("## How do we bring people?")
    assert "### Other notes\n\n- loose" in q1
    assert "Other notes" not in q2 and "- x" in q2


def test_markdown_escapes_user_text() -> None:
    md = to_markdown(
        bundle(
            note("a", "# not a heading", question_id="q2"),
            note("b", "- not a list *not bold* _x_ <b>x</b>", question_id="q2"),
            note("c", "1. not numbered", question_id="q2"),
        )
    )
    assert "- \\# not a heading" in md
    assert "- \\- not a list \\*not bold\\* \\_x\\_ \\<b\\>x\\</b\\>" in md
    assert "- 1\\. not numbered" in md
    assert "<b>" not in md


def test_markdown_multiline_note_stays_in_its_bullet() -> None:
    md = to_markdown(bundle(note("a", "first\n# second\n\n- third", attribution="Jo")))
    assert "- first\\\n  \\# second\\\n  \\- third — Jo\n" in md


def test_markdown_multiline_quote_stays_in_its_blockquote() -> None:
    md = to_markdown(bundle(note("a", "one\ntwo", kind="quote")))
    assert "> “one\\\n> two”\n" in md


def test_markdown_does_not_double_quote_a_quoted_quote() -> None:
    md = to_markdown(bundle(note("a", "“Already quoted”", kind="quote", attribution="Ann")))
    assert "> “Already quoted” — Ann" in md


def test_escape_keeps_plain_text_readable() -> None:
    assert escape("x<y and R&D, 50% of 3 - 2") == "x\\<y and R&D, 50% of 3 - 2"
    assert escape("&amp; stays literal") == "\\&amp; stays literal"
    assert escape("> quoted\n+ plus\n= eq") == "\\> quoted\n\\+ plus\n\\= eq"
