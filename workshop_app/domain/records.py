"""The records an event is made of, as frozen dataclasses.

Every record has a UUID text ``id``, ``created_at``/``updated_at`` (UTC, see ``clock``), the
``device_id`` of the laptop that last changed it, and a ``deleted`` tombstone flag: nothing is
hard-deleted while a document lives, so files from several laptops can later merge without loss.
Display order is kept by the storage layer (lists come back in order), not by a field here.

Records are immutable: change one with ``dataclasses.replace`` or ``Document.update``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from enum import StrEnum

from workshop_app.domain.clock import new_id, utc_now
from workshop_app.i18n import N_, _

SPEAKER_KINDS: tuple[str, ...] = ("keynote", "panellist", "facilitator", "host", "other")
AGENDA_KINDS: tuple[str, ...] = (
    "welcome",
    "talk",
    "panel",
    "breakout",
    "plenary",
    "break",
    "other",
)


class NoteKind(StrEnum):
    """What a sticky note is. Members equal their text ("quote" == NoteKind.QUOTE): the file
    and the JSON interchange hold the text."""

    IDEA = "idea"
    CONCERN = "concern"
    QUOTE = "quote"
    ACTION = "action"
    QUESTION = "question"


#: The kinds in the order the Capture chips and the report list them.
NOTE_KINDS: tuple[NoteKind, ...] = tuple(NoteKind)


class NoteSource(StrEnum):
    """Where a note was written: by a note-taker (at a table, or away from the tables), or
    by an attendee on their own phone (Run > Attendee Input). The file holds the text."""

    NOTE_TAKER = "note-taker"
    PHONE = "phone"


NOTE_SOURCES: tuple[NoteSource, ...] = tuple(NoteSource)
#: What the Board, Capture and the report call notes sent from attendees' phones (these four
#: are marked with N_: translate them where they are shown, ``_(UNNAMED_TABLE)``).
PHONE_SOURCE_LABEL = N_("from attendees' phones")
#: The same, where it names a place of its own (a card's footer, a column of the report).
PHONE_SOURCE_PLACE = N_("From attendees' phones")

#: What every screen and export calls the notes not taken at any table (a keynote question,
#: a panel remark), and a table with no name: one wording, so the Board and the report agree.
AWAY_FROM_TABLES = N_("Away from the tables")
UNNAMED_TABLE = N_("Unnamed table")

#: The words for the kinds of note, agenda item and speaker: the file holds the key ("concern"),
#: a person reads the word (``kind_label``).
KIND_LABELS: dict[str, str] = {
    NoteKind.IDEA: N_("Idea"),
    NoteKind.CONCERN: N_("Concern"),
    # Translators: a kind of sticky note (words someone said)
    NoteKind.QUOTE: N_("Quote"),
    # Translators: a kind of sticky note (something to do)
    NoteKind.ACTION: N_("Action"),
    # Translators: a kind of sticky note (a question someone asked)
    NoteKind.QUESTION: N_("Question"),
    # Translators: kinds of agenda item
    "welcome": N_("Welcome"),
    "talk": N_("Talk"),
    "panel": N_("Panel"),
    "breakout": N_("Breakout"),
    "plenary": N_("Plenary"),
    # Translators: a kind of agenda item (a pause for coffee)
    "break": N_("Break"),
    # Translators: kinds of speaker
    "keynote": N_("Keynote"),
    "panellist": N_("Panellist"),
    "facilitator": N_("Facilitator"),
    "host": N_("Host"),
    # Translators: a kind of agenda item or speaker that is none of the others
    "other": N_("Other"),
}


def kind_label(kind: str) -> str:
    """A kind of note, agenda item or speaker as a person reads it, in the current language:
    "concern" -> "Concern"; a kind this version does not know, capitalised as it is."""
    label = KIND_LABELS.get(kind)
    return _(label) if label else kind[:1].upper() + kind[1:]


#: Longest text any field may hold (a note, a summary, a synthesis).
MAX_TEXT = 20_000
#: The most votes a note or theme holds: far above any room's dot count, and within every
#: integer column and number format the file, JSON and report use.
MAX_VOTES = 1_000_000


@dataclass(frozen=True, kw_only=True)
class Record:
    """Fields every record shares."""

    id: str = field(default_factory=new_id)
    created_at: str = field(default_factory=utc_now)
    updated_at: str = field(default_factory=utc_now)
    device_id: str = ""
    deleted: bool = False

    @classmethod
    def content_fields(cls) -> tuple[str, ...]:
        """Names of the fields a user edits (everything but the shared bookkeeping)."""
        shared = {f.name for f in fields(Record)}
        return tuple(f.name for f in fields(cls) if f.name not in shared)


@dataclass(frozen=True, kw_only=True)
class Event(Record):
    """The event itself: one per document."""

    title: str = ""
    date: str | None = None  # YYYY-MM-DD
    start_time: str | None = None  # HH:MM, local time of the venue
    venue: str = ""
    organiser: str = ""
    summary: str = ""
    attendee_count: int | None = None  # how many are expected
    attendance: int | None = None  # how many came, once counted
    timezone: str = "UTC"  # IANA name; every time of day is shown in it (timestamps stay UTC)
    #: A template's suggested summary: shown greyed in Plan until one is written, never printed.
    summary_hint: str = ""


@dataclass(frozen=True, kw_only=True)
class Speaker(Record):
    name: str = ""
    role: str = ""
    organisation: str = ""
    kind: str = "other"  # one of SPEAKER_KINDS


@dataclass(frozen=True, kw_only=True)
class Question(Record):
    """A question the breakout tables answer. ``synthesis`` is the write-up after the event.
    ``text_hint`` and ``prompt_hint`` are a template's placeholders: shown greyed in Plan while
    the question has no text (or prompt) of its own, never printed or shown to the tables."""

    text: str = ""
    prompt: str = ""
    synthesis: str = ""
    text_hint: str = ""
    prompt_hint: str = ""


@dataclass(frozen=True, kw_only=True)
class Group(Record):
    """A breakout table."""

    name: str = ""
    facilitator: str = ""
    note_taker: str = ""


@dataclass(frozen=True, kw_only=True)
class AgendaItem(Record):
    title: str = ""
    kind: str = "other"  # one of AGENDA_KINDS
    planned_minutes: int = 10
    question_ids: tuple[str, ...] = ()
    started_at: str | None = None
    ended_at: str | None = None


@dataclass(frozen=True, kw_only=True)
class Theme(Record):
    """A cluster of notes under one question. ``votes`` are the dot votes given to the theme
    itself; its total (for ranking) adds its notes' votes."""

    question_id: str | None = None
    title: str = ""
    summary: str = ""
    votes: int = 0


@dataclass(frozen=True, kw_only=True)
class Note(Record):
    """A sticky note. ``question_id`` None is a general note (e.g. a keynote quote)."""

    question_id: str | None = None
    group_id: str | None = None
    text: str = ""
    kind: str = NoteKind.IDEA  # one of NOTE_KINDS
    attribution: str = ""
    role: str = ""
    theme_id: str | None = None
    votes: int = 0
    starred: bool = False
    source: str = NoteSource.NOTE_TAKER  # one of NOTE_SOURCES


def note_place(
    note: Note,
    tables: Mapping[str, str],
    away: str | None = None,
    phones: str | None = None,
) -> str:
    """Where ``note`` came from, in words: its table's name (``tables`` maps ids to names),
    else ``phones`` for a note sent from an attendee's phone, else ``away`` (by default each
    in the current language)."""
    if note.group_id is not None and note.group_id in tables:
        return tables[note.group_id]
    if note.source == NoteSource.PHONE:
        return _(PHONE_SOURCE_PLACE) if phones is None else phones
    return _(AWAY_FROM_TABLES) if away is None else away


#: The list-kept record types, in the order the interchange format lists them.
COLLECTIONS: tuple[type[Record], ...] = (Speaker, Question, Group, AgendaItem, Theme, Note)
