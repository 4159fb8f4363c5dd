"""The report's method note: how many tables and note-takers, when notes were captured, how
themes were ranked, whether timings and names are included."""

from __future__ import annotations

from collections import Counter

from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.clock import parse_utc
from workshop_app.domain.local_time import local
from workshop_app.domain.records import Note, NoteKind, NoteSource
from workshop_app.i18n import _, format_time, n_
from workshop_app.report.labels import KIND_LABELS, SPEAKER_KINDS, long_date


def kind_count(kind: str, count: int) -> str:
    """ "3 ideas", "1 quote": a count of notes of one kind, in the report's language."""
    if kind == NoteKind.IDEA:
        return n_("%n idea", "%n ideas", count)
    if kind == NoteKind.CONCERN:
        return n_("%n concern", "%n concerns", count)
    if kind == NoteKind.QUOTE:
        return n_("%n quote", "%n quotes", count)
    if kind == NoteKind.ACTION:
        return n_("%n action", "%n actions", count)
    if kind == NoteKind.QUESTION:
        return n_("%n question", "%n questions", count)
    return f"{count} {kind}"


def method_note(bundle: EventBundle, *, anonymous: bool, redacted: bool = False) -> tuple[str, ...]:
    """The method note's paragraphs, in order (empty ones left out)."""
    notes = bundle.notes
    kinds = Counter(n.kind for n in notes)
    lines = []
    if notes:
        mix = ", ".join(kind_count(k, kinds[k]) for k in KIND_LABELS if kinds[k])
        lines.append(_where(bundle, n_("%n note", "%n notes", len(notes)), mix))
        lines.append(_capture_span(notes, bundle.event.timezone))
    else:
        lines.append(_("No notes were captured for this event."))
    if bundle.themes:
        lines.append(
            _(
                "After the event, similar notes were grouped into themes. Themes are ranked by "
                "their total of dot votes (the votes given to the theme itself plus those its "
                "notes received), then by their number of notes; starred notes come first "
                "within a theme."
            )
        )
    timed = sum(1 for a in bundle.agenda if a.started_at and a.ended_at)
    if bundle.agenda:
        lines.append(
            _("Actual timings were recorded for {timed} of {items}.").format(
                timed=timed, items=n_("%n agenda item", "%n agenda items", len(bundle.agenda))
            )
            if timed
            else _("Actual timings of the agenda were not recorded.")
        )
    if anonymous:
        lines.append(
            _(
                "This edition is anonymous: the names of speakers, participants, facilitators "
                "and note-takers, and participants' roles, are left out, and their names in "
                "the notes and write-ups are replaced by [name]."
            )
        )
    if redacted:
        lines.append(
            _(
                "Personal data found in the notes and write-ups (NHS numbers, email addresses, "
                "phone numbers, postcodes and the names of people at the event) is replaced by "
                "labels such as [phone] and [name]."
            )
        )
    return tuple(line for line in lines if line)


def _where(bundle: EventBundle, notes: str, kinds: str) -> str:
    """The sentence of what was captured where: the tables that gave notes (not the tables
    planned), and what the notes away from the tables were, e.g. "48 notes (...) were captured:
    46 at 5 tables by 5 note-takers, and 2 away from the tables (1 quote from the keynote
    speaker; 1 quote from the panel discussion, on question 1)." """
    groups = {g.id: g for g in bundle.groups}
    used = [g for g in bundle.groups if any(n.group_id == g.id for n in bundle.notes)]
    at_tables = sum(1 for n in bundle.notes if n.group_id in groups)
    away = [n for n in bundle.notes if n.group_id not in groups]
    takers = {g.note_taker.strip() for g in used if g.note_taker.strip()}
    tables = n_("%n table", "%n tables", len(used))
    if len(used) < len(groups):
        tables = _("{used} of the {tables}").format(
            used=len(used), tables=n_("%n table", "%n tables", len(groups))
        )
    if takers:
        tables = _("{tables} by {takers}").format(
            tables=tables, takers=n_("%n note-taker", "%n note-takers", len(takers))
        )
    if not away:
        return _("{notes} ({kinds}) were captured at {tables}.").format(
            notes=notes, kinds=kinds, tables=tables
        )
    why = _away_sources(bundle, away)
    if not at_tables:
        return _("{notes} ({kinds}) were captured, none of them at a table ({why}).").format(
            notes=notes, kinds=kinds, why=why
        )
    return _(
        "{notes} ({kinds}) were captured: {at_tables} at {tables}, and {away} away from the "
        "tables ({why})."
    ).format(notes=notes, kinds=kinds, at_tables=at_tables, tables=tables, away=len(away), why=why)


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
            source = _("attendees' phones")
        elif who in speakers:
            kind = _(SPEAKER_KINDS.get(speakers[who], SPEAKER_KINDS["other"])).lower()
            # Translators: where a note came from: "1 quote from the keynote speaker"
            source = _("the {speaker}").format(speaker=kind)
        elif who:
            for item in items:
                words = item.title.casefold().replace(":", " ").split()
                if who in words or who == item.kind:
                    # Translators: an agenda item a note came from: "the panel discussion"
                    source = _("the {item}").format(item=_lower_first(item.title.strip()))
                    break
        number = numbers.get(note.question_id or "")
        on = _("question {number}").format(number=number) if number else ""
        sources[(note.kind, source, on)] += 1
    parts = []
    for (kind, source, on), count in sources.items():
        what = kind_count(kind, count)
        if source and on:
            what = _("{notes} from {source}, on {question}").format(
                notes=what, source=source, question=on
            )
        elif source:
            what = _("{notes} from {source}").format(notes=what, source=source)
        elif on:
            what = _("{notes} on {question}").format(notes=what, question=on)
        else:
            what = _("{notes} not about a question").format(notes=what)
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
        return _("Notes were entered into the app between {start} and {end}.").format(
            start=day, end=end
        )
    start = f"{format_time(first, 'HH:mm')} {first.tzname()}"
    end = f"{format_time(last, 'HH:mm')} {last.tzname()}"
    if start == end:
        return _("Notes were entered into the app at {time} on {day}.").format(time=end, day=day)
    if first.tzname() == last.tzname():
        start = format_time(first, "HH:mm")  # else the clocks changed: both zones are named
    return _("Notes were entered into the app between {start} and {end} on {day}.").format(
        start=start, end=end, day=day
    )
