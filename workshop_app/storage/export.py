"""CSV and Markdown exports of an event's notes, for spreadsheets and write-ups.

Notes come out in display order: question by question (in question order, each question's notes in
note order), then the general notes (no question). Pure text in, text out: callers write the
result to a file (CSV with ``newline=""`` so its ``\\r\\n`` line ends are kept).
"""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime

from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.clock import parse_utc
from workshop_app.domain.local_time import local
from workshop_app.domain.quoting import quoted
from workshop_app.domain.records import (
    PHONE_SOURCE_LABEL,
    Note,
    NoteKind,
    Question,
    Theme,
    note_place,
)
from workshop_app.domain.safe_text import without_controls
from workshop_app.i18n import N_, _, format_datetime

# Translators: the CSV export's column headers (a spreadsheet's first row); keep them short
CSV_COLUMNS = (
    N_("question"),
    N_("table"),
    N_("theme"),
    N_("kind"),
    N_("text"),
    N_("attribution"),
    N_("role"),
    N_("votes"),
    N_("starred"),
    N_("local_time"),
    N_("created_at"),
)
#: A note's kind as the CSV writes it (English: the kind's own key).
CSV_KINDS: dict[str, str] = {
    NoteKind.IDEA: N_("idea"),
    NoteKind.CONCERN: N_("concern"),
    NoteKind.QUOTE: N_("quote"),
    NoteKind.ACTION: N_("action"),
    NoteKind.QUESTION: N_("question"),
}

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: A formula can hide behind spaces, a byte-order mark or an invisible character, and can start
#: with a full-width or small sign that a spreadsheet reads as the plain one.
_HIDDEN_FORMULA = re.compile(
    r"[\s\ufeff\u200b-\u200d\u2060\u180e]*[=+\-@\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b]"
)


def notes_in_order(bundle: EventBundle) -> list[tuple[Question | None, list[Note]]]:
    """Each question with its notes, then ``None`` with the general notes (and any note whose
    question is not in the bundle)."""
    known = {q.id for q in bundle.questions}
    out: list[tuple[Question | None, list[Note]]] = [
        (q, [n for n in bundle.notes if n.question_id == q.id]) for q in bundle.questions
    ]
    out.append((None, [n for n in bundle.notes if n.question_id not in known]))
    return out


# ---------------------------------------------------------------- CSV


def _cell(value: str) -> str:
    """Spreadsheet-safe text: control characters out, and a cell a spreadsheet could run as a
    formula gets a leading '."""
    value = without_controls(value)
    risky = value.startswith(_FORMULA_START) or _HIDDEN_FORMULA.match(value)
    return "'" + value if risky else value


def to_csv(bundle: EventBundle) -> str:
    """One row per note, with a header row (``CSV_COLUMNS``, in the current language),
    ``\\r\\n`` line ends. ``local_time``
    is when the note was taken in the event's time zone; ``created_at`` the same moment in UTC.

    Guard against CSV formula injection: any text cell starting with ``= + - @`` (also after
    spaces, a byte-order mark or a zero-width character, and their full-width forms), a tab or
    a carriage return gets a leading apostrophe, so Excel, LibreOffice and Sheets show it as text
    instead of running it (the apostrophe is visible if the file is read as plain CSV). Control
    characters other than line ends and tabs are left out.
    """
    groups = {g.id: g.name for g in bundle.groups}
    themes = {t.id: t.title for t in bundle.themes}
    zone = bundle.event.timezone
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([_(column) for column in CSV_COLUMNS])
    yes, no = _("yes"), _("no")
    for question, notes in notes_in_order(bundle):
        for note in notes:
            texts = (
                question.text if question else "",
                note_place(note, groups, ""),
                themes.get(note.theme_id or "", ""),
                _(CSV_KINDS[note.kind]) if note.kind in CSV_KINDS else note.kind,
                note.text,
                note.attribution,
                note.role,
            )
            starred = yes if note.starred else no
            when = local(note.created_at, zone).strftime("%Y-%m-%d %H:%M:%S")
            writer.writerow([*map(_cell, texts), note.votes, starred, when, note.created_at])
    return buffer.getvalue()


# ---------------------------------------------------------------- Markdown

_INLINE = re.compile(r"([\\`*_\[\]<>|~#])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_BLOCK_START = re.compile(r"^([=+-])|^(\d+)([.)])")


def _escape_line(line: str) -> str:
    line = _ENTITY.sub(r"\\&", _INLINE.sub(r"\\\1", line.strip()))
    return _BLOCK_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", line)


def escape(text: str) -> str:
    """User text as literal Markdown: inline marks escaped, and a line starting with ``#``, ``-``,
    ``>``, ``1.`` and the like made plain. Lines are kept; runs of blank lines become one."""
    lines = [_escape_line(line) for line in without_controls(text).splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


def _one_line(text: str) -> str:
    return " ".join(escape(text).split())


def _hard_lines(text: str) -> str:
    """Escaped text whose line breaks survive inside a bullet or quote (blank lines dropped)."""
    return "\\\n".join(line for line in escape(text).split("\n") if line)


def _note_source(note: Note, groups: dict[str, str]) -> str:
    who = ", ".join(_one_line(part) for part in (note.attribution, note.role) if part.strip())
    table = note_place(note, groups, "", _(PHONE_SOURCE_LABEL))
    where = f"({_one_line(table)})" if table.strip() else ""
    return " ".join(part for part in (f"— {who}" if who else "", where) if part)


def _note_block(note: Note, groups: dict[str, str]) -> str:
    """A bullet (continuation lines indented), or a blockquote for a quote."""
    source = _note_source(note, groups)
    empty = _("(empty note)")
    text = _hard_lines(note.text) or empty
    if note.kind == NoteKind.QUOTE:
        body = (_hard_lines(quoted(note.text)) or empty) + (f" {source}" if source else "")
        return "\n".join("> " + line for line in body.split("\n"))
    body = text + (f" {source}" if source else "")
    return "- " + body.replace("\n", "\n  ")


def _notes_markdown(notes: list[Note], groups: dict[str, str]) -> list[str]:
    """Blocks for a run of notes: consecutive bullets form one list; quotes stand apart."""
    blocks: list[str] = []
    for note in notes:
        block = _note_block(note, groups)
        if blocks and block.startswith("- ") and blocks[-1].startswith("- "):
            blocks[-1] += "\n" + block
        else:
            blocks.append(block)
    return blocks


def _question_markdown(
    question: Question, notes: list[Note], themes: list[Theme], groups: dict[str, str]
) -> list[str]:
    untitled = escape(_("Untitled question"))
    blocks = [f"## {_one_line(question.text) or untitled}"]
    if question.synthesis.strip():
        blocks.append(escape(question.synthesis))
    theme_ids = {t.id for t in themes}
    for theme in themes:
        untitled = escape(_("Untitled theme"))
        blocks.append(f"### {_one_line(theme.title) or untitled}")
        if theme.summary.strip():
            blocks.append(escape(theme.summary))
        blocks += _notes_markdown([n for n in notes if n.theme_id == theme.id], groups)
    others = [n for n in notes if n.theme_id not in theme_ids]
    if others:
        blocks.append(("### " + escape(_("Other notes"))) if themes else "")
        blocks += _notes_markdown(others, groups)
    return blocks


def _header_markdown(bundle: EventBundle) -> list[str]:
    event = bundle.event
    untitled = escape(_("Untitled event"))
    blocks = [f"# {_one_line(event.title) or untitled}"]
    when = " ".join(part for part in (event.date, event.start_time) if part)
    facts = [
        _fact(_("Date"), when) if when else "",
        _fact(_("Venue"), _one_line(event.venue)) if event.venue.strip() else "",
        _fact(_("Organiser"), _one_line(event.organiser)) if event.organiser.strip() else "",
        _people(event.attendee_count, event.attendance),
        _notes_taken(bundle),
    ]
    blocks.append(" · ".join(fact for fact in facts if fact))
    if event.summary.strip():
        blocks.append(escape(event.summary))
    if bundle.speakers:
        blocks.append("## " + escape(_("Speakers")))
        lines = []
        for speaker in bundle.speakers:
            extra = [_one_line(p) for p in (speaker.role, speaker.organisation) if p.strip()]
            name = _one_line(speaker.name) or escape(_("Unnamed speaker"))
            lines.append("- " + ", ".join([f"**{name}**", *extra]))
        blocks.append("\n".join(lines))
    return blocks


def _people(expected: int | None, attended: int | None) -> str:
    """The head count: the actual one when it was recorded, never the expected one as if it were."""
    if attended is not None:
        if expected:
            about = _("{attended} (about {expected} expected)")
            return _fact(_("Attendance"), about.format(attended=attended, expected=expected))
        return _fact(_("Attendance"), str(attended))
    if expected:
        return _fact(_("Expected"), _("about {expected}").format(expected=expected))
    return ""


def _fact(label: str, value: str) -> str:
    """ "**Venue:** Leeds": a fact of the header in bold, its label translated."""
    return f"**{escape(label)}:** {value}"


def _notes_taken(bundle: EventBundle) -> str:
    """When notes were taken, in the event's local time ("10:18 BST to 12:40 BST")."""
    stamps = sorted(parse_utc(n.created_at) for n in bundle.notes)  # UTC: no repeated hour
    if not stamps:
        return ""
    first, last = (local(moment, bundle.event.timezone) for moment in (stamps[0], stamps[-1]))
    shape = "HH:mm" if first.date() == last.date() else "yyyy-MM-dd HH:mm"
    start, end = (_stamp(t, shape) for t in (first, last))
    if start == end:
        return _fact(_("Notes taken"), start)
    return _fact(_("Notes taken"), _("{start} to {end}").format(start=start, end=end))


def _stamp(moment: datetime, pattern: str) -> str:
    """A local time as the header prints it, its zone's abbreviation after it ("10:18 BST")."""
    wall = format_datetime(moment.replace(tzinfo=None), pattern)
    return f"{wall} {moment.tzname() or ''}".strip()


def to_markdown(bundle: EventBundle) -> str:
    """A readable write-up: event details and speakers, then per question its synthesis, themes
    (summary and notes) and other notes, then the general notes. All user text is escaped."""
    groups = {g.id: g.name for g in bundle.groups}
    blocks = _header_markdown(bundle)
    for question, notes in notes_in_order(bundle):
        if question is not None:
            themes = [t for t in bundle.themes if t.question_id == question.id]
            blocks += _question_markdown(question, notes, themes, groups)
        elif notes:
            blocks.append("## " + escape(_("General notes")))
            blocks += _notes_markdown(notes, groups)
    return "\n\n".join(block for block in blocks if block) + "\n"
