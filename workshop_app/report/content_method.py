"""The report's method note: how many tables and note-takers, when notes were captured, how
themes were ranked, whether timings and names are included."""

from __future__ import annotations

from collections import Counter

from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.clock import parse_utc
from workshop_app.domain.local_time import local
from workshop_app.domain.records import Note, NoteSource
from workshop_app.domain.wording import plural
from workshop_app.report.labels import KIND_LABELS, SPEAKER_KINDS, long_date


def method_note(bundle: EventBundle, *, anonymous: bool, redacted: bool = False) -> tuple[str, ...]:
    """The method note's paragraphs, in order (empty ones left out)."""
    notes = bundle.notes
    kinds = Counter(n.kind for n in notes)
    lines = []
    if notes:
        mix = ", ".join(plural(kinds[k], KIND_LABELS[k].lower()) for k in KIND_LABELS if kinds[k])
        lines.append(f"{plural(len(notes), 'note')} ({mix}) were captured{_where(bundle)}")
        lines.append(_capture_span(notes, bundle.event.timezone))
    else:
        lines.append("No notes were captured for this event.")
    if bundle.themes:
        lines.append(
            "After the event, similar notes were grouped into themes. Themes are ranked by "
            "their total of dot votes (the votes given to the theme itself plus those its "
            "notes received), then by their number of notes; starred notes come first "
            "within a theme."
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
            "and note-takers, and participants' roles, are left out, and their names in "
            "the notes and write-ups are replaced by [name]."
        )
    if redacted:
        lines.append(
            "Personal data found in the notes and write-ups (NHS numbers, email addresses, "
            "phone numbers, postcodes and the names of people at the event) is replaced by "
            "labels such as [phone] and [name]."
        )
    return tuple(line for line in lines if line)


def _where(bundle: EventBundle) -> str:
    """Where the notes came from: the tables that gave notes (not the tables planned), and what
    the notes away from the tables were, e.g. ": 46 at 5 tables by 5 note-takers, and 2 away
    from the tables (1 quote from the keynote speaker; 1 quote from the panel discussion, on
    question 1)." """
    groups = {g.id: g for g in bundle.groups}
    used = [g for g in bundle.groups if any(n.group_id == g.id for n in bundle.notes)]
    at_tables = sum(1 for n in bundle.notes if n.group_id in groups)
    away = [n for n in bundle.notes if n.group_id not in groups]
    takers = {g.note_taker.strip() for g in used if g.note_taker.strip()}
    tables = plural(len(used), "table")
    if len(used) < len(groups):
        tables = f"{len(used)} of the {plural(len(groups), 'table')}"
    tables += f" by {plural(len(takers), 'note-taker')}" if takers else ""
    if not away:
        return f" at {tables}."
    why = f" ({_away_sources(bundle, away)})"
    if not at_tables:
        return f", none of them at a table{why}."
    return f": {at_tables} at {tables}, and {len(away)} away from the tables{why}."


def _away_sources(bundle: EventBundle, notes: list[Note]) -> str:
    """What the notes away from the tables were, from the data: "1 quote from the keynote
    speaker; 2 ideas on question 3". A note's source is the speaker it is attributed to (their
    kind, never their name), else the agenda item its attribution names, else its question."""
    speakers = {s.name.strip().casefold(): s.kind for s in bundle.speakers if s.name.strip()}
    numbers = {q.id: i for i, q in enumerate(bundle.questions, 1)}
    items = [a for a in bundle.agenda if a.kind != "breakout" and a.title.strip()]
    sources: Counter[tuple[str, str, str]] = Counter()
    for note in notes:
        who = note.attribution.strip().casefold()
        source = ""
        if note.source == NoteSource.PHONE:
            source = "attendees' phones"
        elif who in speakers:
            source = "the " + SPEAKER_KINDS.get(speakers[who], "speaker").lower()
        elif who:
            for item in items:
                words = item.title.casefold().replace(":", " ").split()
                if who in words or who == item.kind:
                    source = "the " + _lower_first(item.title.strip())
                    break
        number = numbers.get(note.question_id or "")
        on = f"question {number}" if number else ""
        sources[(note.kind, source, on)] += 1
    parts = []
    for (kind, source, on), count in sources.items():
        what = plural(count, KIND_LABELS.get(kind, kind).lower())
        if source:
            what += f" from {source}" + (f", on {on}" if on else "")
        else:
            what += f" on {on}" if on else " not about a question"
        parts.append(what)
    return "; ".join(parts)


def _lower_first(title: str) -> str:
    """ "Panel discussion" -> "panel discussion", but "NHS talk" stays as it is."""
    if len(title) > 1 and title[0].isupper() and not title[1].isupper():
        return title[0].lower() + title[1:]
    return title


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
