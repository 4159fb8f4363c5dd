"""Personal data across a whole event: which people it lists, where in its texts personal data
is (``scan``), and a copy with it replaced by labels (``redacted``), which every export and the
report render from, so redaction is done once, before any format is written.

What is read: the event's title and summary; each question's text, prompt and write-up; each
theme's title and summary; each note's text, attribution and role. Names are looked for in the
free texts, not in the attribution and role fields, whose job is to say who spoke: hiding those
is what ``--anonymous`` does. The plan's own fields (venue, organiser, speakers, tables, agenda)
are not scanned: they are the event's public programme, and where its list of people comes from.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.personal_data import KINDS, Finding, Kind, find, is_name_word, redact
from workshop_app.domain.records import AWAY_FROM_TABLES, UNNAMED_TABLE, Record
from workshop_app.i18n import _

R = TypeVar("R", bound=Record)

#: Fields read per record kind, and whether names are looked for in each.
FIELDS: dict[str, tuple[tuple[str, bool], ...]] = {
    "event": (("title", True), ("summary", True)),
    "question": (("text", True), ("prompt", True), ("synthesis", True)),
    "theme": (("title", True), ("summary", True)),
    "note": (("text", True), ("attribution", False), ("role", False)),
}
_CONTACT_KINDS = frozenset(KINDS) - {Kind.NAME}

#: Words that make an attribution a role or a source, not a person ("Panel", "Carer", "GP").
_NOT_PEOPLE = frozenset(
    """panel panellist patient patients carer carers nurse gp doctor dr keynote speaker speakers
    table participant participants attendee attendees anonymous audience facilitator resident
    residents member members manager staff chair host group team everyone unknown parent
    volunteer clinician pharmacist plenary floor room question questions comment comments mum
    dad son daughter wife husband partner service user users lead director officer worker social
    care council trust hospital representative rep family friend public community person people
    online chat slido workshop breakout session talk welcome other none all various several
    consultant therapist paramedic midwife student governor commissioner""".split()
)
_TITLES = frozenset("dr mr mrs ms miss mx prof professor cllr sir dame rev lord lady".split())
_SPLIT = re.compile(r"[,;/()&+|\[\]]|\s+(?:and|or|with)\s+|\s+[-–—]\s+")


def names_in(text: str) -> list[str]:
    """The people's names a field that lists people holds: "Dr Sam Okafor, GP" gives
    ["Sam Okafor"]; "Priya & Tom" gives both; "Panel" or "Carer" give none."""
    out = []
    for part in _SPLIT.split(text):
        words = [w.strip(".") for w in part.split()]
        while words and words[0].casefold() in _TITLES:
            words = words[1:]
        if not 1 <= len(words) <= 4:
            continue
        if all(is_name_word(w) and w.casefold() not in _NOT_PEOPLE for w in words):
            out.append(" ".join(words))
    return out


def people(bundle: EventBundle) -> tuple[str, ...]:
    """Everyone the event names: speakers, facilitators, note-takers, and the people notes are
    attributed to."""
    found: dict[str, None] = {}
    sources = [s.name for s in bundle.speakers]
    sources += [text for g in bundle.groups for text in (g.facilitator, g.note_taker)]
    sources += [n.attribution for n in bundle.notes]
    for text in sources:
        for name in names_in(text):
            found.setdefault(name)
    return tuple(found)


@dataclass(frozen=True)
class Located:
    """A finding in one field of one record: ``record`` is "event", "question", "theme" or
    "note", ``place`` says where a person finds it ("Question 2 · Table 1")."""

    record: str
    record_id: str
    field: str
    place: str
    finding: Finding

    @property
    def kind(self) -> Kind:
        return self.finding.kind


def _findings(
    record: str, obj: Record, names: tuple[str, ...], kinds: frozenset[Kind]
) -> Iterable[tuple[str, Finding]]:
    for field, with_names in FIELDS[record]:
        text = getattr(obj, field)
        if not text:
            continue
        wanted = kinds if with_names else kinds & _CONTACT_KINDS
        if not wanted:
            continue
        for finding in find(text, names if Kind.NAME in wanted else ()):
            if finding.kind in wanted:
                yield field, finding


def _records(bundle: EventBundle) -> Iterable[tuple[str, Record, str]]:
    """(record kind, record, place) for each record scanned, in reading order."""
    numbers = {q.id: i for i, q in enumerate(bundle.questions, 1)}
    tables = {g.id: g.name.strip() or _(UNNAMED_TABLE) for g in bundle.groups}
    yield "event", bundle.event, _("Event details")
    for question in bundle.questions:
        yield "question", question, _("Question {number}").format(number=numbers[question.id])
    for theme in bundle.themes:
        number = numbers.get(theme.question_id or "")
        title = " ".join(theme.title.split())
        title = title if len(title) <= 40 else title[:39] + "…"
        if number:
            place = _("Question {number} · theme “{title}”").format(number=number, title=title)
        else:
            place = _("theme “{title}”").format(title=title)
        yield "theme", theme, place
    for note in bundle.notes:
        number = numbers.get(note.question_id or "")
        where = _("Question {number}").format(number=number) if number else _("General notes")
        table = tables.get(note.group_id or "", _(AWAY_FROM_TABLES))
        # Translators: where a note is: "Question 2 · Table 1"
        yield "note", note, _("{where} · {table}").format(where=where, table=table)


def scan(bundle: EventBundle, kinds: Iterable[Kind] = KINDS) -> list[Located]:
    """Every finding of ``kinds`` in the event's texts, in reading order."""
    wanted = frozenset(kinds)
    names = people(bundle) if Kind.NAME in wanted else ()
    return [
        Located(record, obj.id, field, place, finding)
        for record, obj, place in _records(bundle)
        for field, finding in _findings(record, obj, names, wanted)
    ]


def redacted(bundle: EventBundle, kinds: Iterable[Kind] = KINDS) -> EventBundle:
    """A copy of ``bundle`` with each finding of ``kinds`` replaced by its label ("[phone]")."""
    wanted = frozenset(kinds)
    names = people(bundle) if Kind.NAME in wanted else ()

    def clean(record: str, obj: R) -> R:
        by_field: dict[str, list[Finding]] = {}
        for field, finding in _findings(record, obj, names, wanted):
            by_field.setdefault(field, []).append(finding)
        if not by_field:
            return obj
        changes: dict[str, Any] = {
            f: redact(getattr(obj, f), found) for f, found in by_field.items()
        }
        return replace(obj, **changes)

    return replace(
        bundle,
        event=clean("event", bundle.event),
        questions=tuple(clean("question", q) for q in bundle.questions),
        themes=tuple(clean("theme", t) for t in bundle.themes),
        notes=tuple(clean("note", n) for n in bundle.notes),
    )
