"""Times of day in the report and the exports are the event's local time (stored timestamps stay
UTC), and the head count is printed as expected unless the actual attendance was recorded."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import replace

import pytest
from report_events import pdf_text

from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.records import Event, Note, Question
from workshop_app.report.content import build_content
from workshop_app.report.html import render_html
from workshop_app.report.model import ReportOptions
from workshop_app.report.pdf import render_pdf
from workshop_app.storage.export import to_csv, to_markdown
from workshop_app.storage.templates import demo_bundle

LEAN = ReportOptions(charts=False, appendix=False)


def _first_note(bundle: EventBundle) -> Note:
    return min(bundle.notes, key=lambda n: n.created_at)


def _spaced(text: str) -> str:
    return " ".join(text.split())


def test_the_demo_report_says_the_first_note_was_taken_at_10_18_bst() -> None:
    bundle = demo_bundle()
    first = _first_note(bundle)
    assert first.created_at.startswith("2021-06-15T09:18")  # stored in UTC: 10:18 in London
    span = re.compile(r"entered into the app between 10:18 and \d\d:\d\d BST on Tuesday 15 June")
    assert span.search(_spaced(pdf_text(render_pdf(build_content(bundle, LEAN)))))
    assert span.search(_spaced(render_html(build_content(bundle, LEAN))))


def test_the_demo_exports_give_the_first_note_at_10_18() -> None:
    bundle = demo_bundle()
    first = _first_note(bundle)
    rows = list(csv.DictReader(io.StringIO(to_csv(bundle))))
    row = next(r for r in rows if r["text"] == first.text)
    assert row["local_time"] == "2021-06-15 10:18:42"
    assert row["created_at"] == first.created_at  # the UTC timestamp is kept beside it
    assert re.search(r"\*\*Notes taken:\*\* 10:18 BST to \d\d:\d\d BST", to_markdown(bundle))


def _one_day(zone: str, *stamps: str) -> EventBundle:
    question = Question(text="Q")
    notes = tuple(
        Note(question_id=question.id, text=f"n{i}", created_at=s, updated_at=s)
        for i, s in enumerate(stamps)
    )
    return EventBundle(event=Event(title="E", timezone=zone), questions=(question,), notes=notes)


@pytest.mark.parametrize(
    ("zone", "stamps", "said", "csv_first", "markdown"),
    [
        (
            "UTC",
            ("2021-06-15T09:18:00.000Z",),
            "at 09:18 UTC on Tuesday 15 June 2021",
            "2021-06-15 09:18:00",
            "09:18 UTC",
        ),
        (
            "Europe/London",
            ("2021-01-15T09:18:00.000Z", "2021-01-15T11:02:00.000Z"),
            "between 09:18 and 11:02 GMT on Friday 15 January 2021",
            "2021-01-15 09:18:00",
            "09:18 GMT to 11:02 GMT",
        ),
        (
            "America/New_York",
            ("2021-06-15T09:18:00.000Z", "2021-06-15T10:00:00.000Z"),
            "between 05:18 and 06:00 EDT on Tuesday 15 June 2021",
            "2021-06-15 05:18:00",
            "05:18 EDT to 06:00 EDT",
        ),
        (
            "Asia/Kolkata",
            ("2021-06-15T09:18:00.000Z",),
            "at 14:48 IST on Tuesday 15 June 2021",
            "2021-06-15 14:48:00",
            "14:48 IST",
        ),
        # late on the 15th in UTC is the morning of the 16th in Sydney
        (
            "Australia/Sydney",
            ("2021-06-15T23:30:00.000Z", "2021-06-16T00:10:00.000Z"),
            "between 09:30 and 10:10 AEST on Wednesday 16 June 2021",
            "2021-06-16 09:30:00",
            "09:30 AEST to 10:10 AEST",
        ),
        # the clocks went back at 02:00 BST: 01:30 happened twice, an hour apart
        (
            "Europe/London",
            ("2021-10-31T00:30:00.000Z", "2021-10-31T01:30:00.000Z"),
            "between 01:30 BST and 01:30 GMT on Sunday 31 October 2021",
            "2021-10-31 01:30:00",
            "01:30 BST to 01:30 GMT",
        ),
        # ... and forward at 01:00 GMT: one minute later it was 02:00
        (
            "Europe/London",
            ("2021-03-28T00:59:00.000Z", "2021-03-28T01:00:00.000Z"),
            "between 00:59 GMT and 02:00 BST on Sunday 28 March 2021",
            "2021-03-28 00:59:00",
            "00:59 GMT to 02:00 BST",
        ),
    ],
)
def test_times_are_local_in_any_zone_and_across_a_clock_change(
    zone: str, stamps: tuple[str, ...], said: str, csv_first: str, markdown: str
) -> None:
    bundle = _one_day(zone, *stamps)
    method = " ".join(build_content(bundle, LEAN).method)
    assert f"Notes were entered into the app {said}." in method
    rows = list(csv.DictReader(io.StringIO(to_csv(bundle))))
    assert rows[0]["local_time"] == csv_first and rows[0]["created_at"] == stamps[0]
    assert f"**Notes taken:** {markdown}" in to_markdown(bundle)


# -- attendance ----------------------------------------------------------------------------------


def _texts(bundle: EventBundle) -> tuple[str, str]:
    content = build_content(bundle, LEAN)
    return _spaced(pdf_text(render_pdf(content))), _spaced(render_html(content))


def test_an_expected_head_count_is_printed_as_expected_not_as_attendance() -> None:
    bundle = demo_bundle()
    assert bundle.event.attendee_count == 40 and bundle.event.attendance is None
    for text in _texts(bundle):
        assert "About 40 expected" in text
        assert not re.search(r"40 attendees|Attendees( About|</dt>)|Attendance|attended", text), (
            "an expectation printed as attendance"
        )
    assert "**Expected:** about 40" in to_markdown(bundle)


def test_a_recorded_attendance_is_printed_as_attendance() -> None:
    bundle = demo_bundle()
    bundle = replace(bundle, event=replace(bundle.event, attendance=37))
    for text in _texts(bundle):
        assert "37 attended (about 40 expected)" in text
    assert "**Attendance:** 37 (about 40 expected)" in to_markdown(bundle)
    cover = build_content(bundle, LEAN).cover.numbers
    assert ("attended", "37") in [(n.label, n.value) for n in cover]
