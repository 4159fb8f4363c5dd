"""The fields of the interchange format and the checker each goes through.

``FIELDS`` says, per JSON section, the record type and its fields in output order, each with a
checker that returns the value to store or raises ``Bad`` with a message for a person; ``REFS``
says which fields are ids pointing into another section. ``interchange`` reads and writes by
these tables.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from workshop_app.domain.clock import parse_utc
from workshop_app.domain.local_time import check_zone
from workshop_app.domain.records import (
    AGENDA_KINDS,
    MAX_TEXT,
    MAX_VOTES,
    NOTE_KINDS,
    NOTE_SOURCES,
    SPEAKER_KINDS,
    AgendaItem,
    Event,
    Group,
    Note,
    Question,
    Record,
    Speaker,
    Theme,
)
from workshop_app.domain.safe_text import for_terminal
from workshop_app.storage.interchange_json import HugeNumber

MAX_ID = 200
#: The largest whole numbers import accepts (the Plan page's limits; votes generously).
MAX_ATTENDEES = 100_000
MAX_MINUTES = 24 * 60
#: Dates and timestamps must fall in these years (so every date sum stays in range).
YEARS = (1900, 2999)
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z")


class Bad(Exception):
    """A checker's complaint about one value; ``where`` extends the path (``[2]``)."""

    def __init__(self, message: str, where: str = "") -> None:
        super().__init__(message)
        self.where = where


Check = Callable[[Any], Any]


def kind_of(value: Any) -> str:
    """How a JSON value is called in a message for a person."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "text"
    return "a list" if isinstance(value, list) else "an object"


def show(value: Any) -> str:
    shown = for_terminal(json.dumps(value, ensure_ascii=False))
    return shown if len(shown) <= 60 else shown[:59] + "…"


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise Bad(f"expected text, got {kind_of(value)}")
    if len(value) > MAX_TEXT:
        raise Bad(f"text is too long ({len(value):,} characters; at most {MAX_TEXT:,})")
    _no_surrogate(value)
    return value


def _no_surrogate(value: str) -> None:
    """A lone surrogate (``\\ud800``) is half of a character: no file can store it."""
    found = _SURROGATE.search(value)
    if found:
        raise Bad(
            f"character {found.start() + 1} is not a real character (a lone UTF-16 surrogate, "
            f"\\u{ord(found[0]):04x})"
        )


def _id(value: Any) -> str:
    if not isinstance(value, str):
        raise Bad(f"expected an id (text), got {kind_of(value)}")
    if not value.strip():
        raise Bad("an id cannot be empty")
    if len(value) > MAX_ID:
        raise Bad(f"id is too long ({len(value):,} characters; at most {MAX_ID})")
    _no_surrogate(value)
    return value


def _count(limit: int) -> Check:
    def check(value: Any) -> int:
        if isinstance(value, HugeNumber):
            raise Bad(f"a number {value.digits:,} digits long is too large (at most {limit:,})")
        if isinstance(value, bool) or not isinstance(value, int):
            raise Bad(f"expected a whole number, got {kind_of(value)}")
        if value < 0:
            raise Bad(f"{value} is negative; expected 0 or more")
        if value > limit:
            raise Bad(f"{value:,} is too large (at most {limit:,})")
        return value

    return check


def _in_years(value: str, what: str) -> None:
    if not YEARS[0] <= int(value[:4]) <= YEARS[1]:
        raise Bad(f"{show(value)} is not {what} between the years {YEARS[0]} and {YEARS[1]}")


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise Bad(f"expected true or false, got {kind_of(value)}")
    return value


def _date(value: Any) -> str:
    _text(value)
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError
        date.fromisoformat(value)
    except ValueError:
        raise Bad(f"{show(value)} is not a real date in the form YYYY-MM-DD") from None
    _in_years(value, "a date")
    return value


def _clock_time(value: Any) -> str:
    _text(value)
    if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", value):
        raise Bad(f"{show(value)} is not a time in the form HH:MM (00:00 to 23:59)")
    return value


def _timestamp(value: Any) -> str:
    _text(value)
    try:
        if not _TIMESTAMP.fullmatch(value):  # a date alone would read as a naive time
            raise ValueError
        parse_utc(value)
    except ValueError:
        raise Bad(f"{show(value)} is not a UTC timestamp like 2026-11-27T14:03:22.123Z") from None
    _in_years(value, "a time")
    return value


def _zone(value: Any) -> str:
    _text(value)
    try:
        return check_zone(value)
    except ValueError as error:
        raise Bad(str(error)) from None


def _one_of(choices: tuple[str, ...]) -> Check:
    def check(value: Any) -> str:
        _text(value)
        if value not in choices:
            raise Bad(f"{show(value)} is not one of {', '.join(choices)}")
        return value

    return check


def _optional(check: Check) -> Check:
    return lambda value: None if value is None else check(value)


def _id_list(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise Bad(f"expected a list of ids, got {kind_of(value)}")
    for index, item in enumerate(value):
        try:
            _id(item)
        except Bad as bad:
            raise Bad(str(bad), f"[{index}]") from None
    return tuple(value)


@dataclass(frozen=True)
class Field:
    check: Check
    required: bool = False


_REQ_ID = Field(_id, required=True)
_TEXT = Field(_text)
_REF = Field(_optional(_id))

#: Per JSON section: the record type and its fields, in output order.
# fmt: off
FIELDS: dict[str, tuple[type[Record], dict[str, Field]]] = {
    "event": (Event, {
        "id": _REQ_ID, "title": Field(_text, required=True), "date": Field(_optional(_date)),
        "start_time": Field(_optional(_clock_time)), "venue": _TEXT, "organiser": _TEXT,
        "summary": _TEXT, "attendee_count": Field(_optional(_count(MAX_ATTENDEES))),
        "summary_hint": _TEXT, "attendance": Field(_optional(_count(MAX_ATTENDEES))),
        "timezone": Field(_zone),
    }),
    "speakers": (Speaker, {
        "id": _REQ_ID, "name": _TEXT, "role": _TEXT, "organisation": _TEXT,
        "kind": Field(_one_of(SPEAKER_KINDS)),
    }),
    "questions": (Question, {
        "id": _REQ_ID, "text": _TEXT, "prompt": _TEXT, "synthesis": _TEXT, "text_hint": _TEXT,
        "prompt_hint": _TEXT,
    }),
    "groups": (Group, {"id": _REQ_ID, "name": _TEXT, "facilitator": _TEXT, "note_taker": _TEXT}),
    "agenda": (AgendaItem, {
        "id": _REQ_ID, "title": _TEXT, "kind": Field(_one_of(AGENDA_KINDS)),
        "planned_minutes": Field(_count(MAX_MINUTES)), "question_ids": Field(_id_list),
        "started_at": Field(_optional(_timestamp)), "ended_at": Field(_optional(_timestamp)),
    }),
    "themes": (Theme, {
        "id": _REQ_ID, "question_id": _REF, "title": _TEXT, "summary": _TEXT,
        "votes": Field(_count(MAX_VOTES)),
    }),
    "notes": (Note, {
        "id": _REQ_ID, "question_id": _REF, "group_id": _REF,
        "text": Field(_text, required=True), "kind": Field(_one_of(NOTE_KINDS), required=True),
        "attribution": _TEXT, "role": _TEXT, "theme_id": _REF, "votes": Field(_count(MAX_VOTES)),
        "starred": Field(_flag), "source": Field(_one_of(NOTE_SOURCES)),
        "created_at": Field(_timestamp), "updated_at": Field(_timestamp),
    }),
}
# fmt: on
#: Optional fields written only when set, so an event without them reads as before.
ONLY_IF_SET = {"summary_hint", "text_hint", "prompt_hint"}
#: The same, for one section only (a note's votes are always written; a theme's only if any).
ONLY_IF_SET_IN = {("themes", "votes")}
#: Fields left out while they hold their default (a note-taker's note has no "source").
UNLESS_DEFAULT = {("notes", "source"): "note-taker"}

#: Reference fields: section -> field -> (section it points into, what a person calls it).
REFS: dict[str, dict[str, tuple[str, str]]] = {
    "agenda": {"question_ids": ("questions", "question")},
    "themes": {"question_id": ("questions", "question")},
    "notes": {
        "question_id": ("questions", "question"),
        "group_id": ("groups", "table (group)"),
        "theme_id": ("themes", "theme"),
    },
}
