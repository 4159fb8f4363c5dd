"""The report's method note: how many tables and note-takers, when notes were captured, how
themes were ranked, whether timings and names are included."""

from __future__ import annotations

from collections import Counter

from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.clock import parse_utc
from workshop_app.domain.local_time import local
from workshop_app.domain.records import Note
from workshop_app.report.labels import KIND_LABELS, long_date, plural


def method_note(bundle: EventBundle, *, anonymous: bool) -> tuple[str, ...]:
    """The method note's paragraphs, in order (empty ones left out)."""
    notes = bundle.notes
    takers = {g.note_taker.strip() for g in bundle.groups if g.note_taker.strip()}
    kinds = Counter(n.kind for n in notes)
    lines = []
    if notes:
        mix = ", ".join(
            plural(kinds[k], KIND_LABELS[k].lower()) for k in KIND_LABELS if kinds[k]
        )
        lines.append(
            f"{plural(len(notes), 'note')} ({mix}) were captured at "
            f"{plural(len(bundle.groups), 'table')}"
            + (f" by {plural(len(takers), 'note-taker')}." if takers else ".")
        )
        lines.append(_capture_span(notes, bundle.event.timezone))
    else:
        lines.append("No notes were captured for this event.")
    if bundle.themes:
        lines.append(
            "After the event, similar notes were grouped into themes. Themes are ranked by "
            "the dot votes their notes received, then by their number of notes; starred "
            "notes come first within a theme."
        )
    timed = sum(1 for a in bundle.agenda if a.started_at and a.ended_at)
    if bundle.agenda:
        lines.append(
            f"Actual timings were recorded for {timed} of "
            f"{plural(len(bundle.agenda), 'agenda item')}."
            if timed
            else "Actual timings of the agenda were not recorded."
        )
    if anonymous:
        lines.append(
            "This edition is anonymous: the names of speakers, participants, facilitators "
            "and note-takers, and participants' roles, are left out."
        )
    return tuple(line for line in lines if line)


def _capture_span(notes: tuple[Note, ...], zone_name: str) -> str:
    """When the notes were entered, from their timestamps, in the event's local time."""
    stamps = []
    for note in notes:
        try:
            stamps.append(parse_utc(note.created_at))
        except ValueError:
            continue
    if not stamps:
        return ""
    # compared in UTC: when the clocks go back, the same wall time happens twice
    first, last = local(min(stamps), zone_name), local(max(stamps), zone_name)
    day = long_date(first.date().isoformat())
    if first.date() != last.date():
        end = long_date(last.date().isoformat())
        return f"Notes were entered into the app between {day} and {end}."
    start, end = f"{first:%H:%M} {first.tzname()}", f"{last:%H:%M} {last.tzname()}"
    if start == end:
        return f"Notes were entered into the app at {end} on {day}."
    if first.tzname() == last.tzname():
        start = f"{first:%H:%M}"  # else the clocks changed in between: both zones are named
    return f"Notes were entered into the app between {start} and {end} on {day}."
