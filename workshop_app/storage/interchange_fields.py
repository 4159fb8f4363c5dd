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
from workshop_app.i18n import N_, _, format_number
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

#: How each kind of JSON value is called after "got" ("expected text, got a list").
_KINDS = {
    # Translators: the JSON value null, after "expected text, got"
    "null": N_("null"),
    # Translators: a JSON true or false value, after "expected text, got"
    "bool": N_("true/false"),
    # Translators: after "expected text, got"
    "number": N_("number"),
    # Translators: after "expected an id, got"
    "text": N_("text"),
    # Translators: after "expected text, got"
    "list": N_("a list"),
    # Translators: a JSON object, after "expected text, got"
    "object": N_("an object"),
}


def kind_of(value: Any) -> str:
    """How a JSON value is called in a message for a person."""
    if value is None:
        return _(_KINDS["null"])
    if isinstance(value, bool):
        return _(_KINDS["bool"])
    if isinstance(value, int | float):
        return _(_KINDS["number"])
    if isinstance(value, str):
        return _(_KINDS["text"])
    return _(_KINDS["list"]) if isinstance(value, list) else _(_KINDS["object"])


def show(value: Any) -> str:
    shown = for_terminal(json.dumps(value, ensure_ascii=False))
    return shown if len(shown) <= 60 else shown[:59] + "…"


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise Bad(_("expected text, got {kind}").format(kind=kind_of(value)))
    if len(value) > MAX_TEXT:
        raise Bad(
            _("text is too long ({length} characters; at most {limit})").format(
                length=format_number(len(value)), limit=format_number(MAX_TEXT)
            )
        )
    _no_surrogate(value)
    return value


def _no_surrogate(value: str) -> None:
    """A lone surrogate (``\\ud800``) is half of a character: no file can store it."""
    found = _SURROGATE.search(value)
    if found:
        raise Bad(
            _(
                "character {position} is not a real character (a lone UTF-16 surrogate, {code})"
            ).format(position=found.start() + 1, code=f"\\u{ord(found[0]):04x}")
        )


def _id(value: Any) -> str:
    if not isinstance(value, str):
        raise Bad(_("expected an id (text), got {kind}").format(kind=kind_of(value)))
    if not value.strip():
        raise Bad(_("an id cannot be empty"))
    if len(value) > MAX_ID:
        raise Bad(
            _("id is too long ({length} characters; at most {limit})").format(
                length=format_number(len(value)), limit=MAX_ID
            )
        )
    _no_surrogate(value)
    return value


def _count(limit: int) -> Check:
    def check(value: Any) -> int:
        if isinstance(value, HugeNumber):
            raise Bad(
                _("a number {digits} digits long is too large (at most {limit})").format(
                    digits=format_number(value.digits), limit=format_number(limit)
                )
            )
        if isinstance(value, bool) or not isinstance(value, int):
            raise Bad(_("expected a whole number, got {kind}").format(kind=kind_of(value)))
        if value < 0:
            raise Bad(_("{value} is negative; expected 0 or more").format(value=value))
        if value > limit:
            raise Bad(
                _("{value} is too large (at most {limit})").format(
                    value=format_number(value), limit=format_number(limit)
                )
            )
        return value

    return check


def _in_years(value: str, what: str) -> None:
    """``what``: "date" or "time"."""
    if YEARS[0] <= int(value[:4]) <= YEARS[1]:
        return
    if what == "date":
        message = _("{value} is not a date between the years {first} and {last}")
    else:
        message = _("{value} is not a time between the years {first} and {last}")
    raise Bad(message.format(value=show(value), first=YEARS[0], last=YEARS[1]))


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise Bad(_("expected true or false, got {kind}").format(kind=kind_of(value)))
    return value


def _date(value: Any) -> str:
    _text(value)
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError
        date.fromisoformat(value)
    except ValueError:
        raise Bad(
            _("{value} is not a real date in the form YYYY-MM-DD").format(value=show(value))
        ) from None
    _in_years(value, "date")
    return value


def _clock_time(value: Any) -> str:
    _text(value)
    if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", value):
        raise Bad(
            _("{value} is not a time in the form HH:MM (00:00 to 23:59)").format(value=show(value))
        )
    return value


def _timestamp(value: Any) -> str:
    _text(value)
    try:
        if not _TIMESTAMP.fullmatch(value):  # a date alone would read as a naive time
            raise ValueError
        parse_utc(value)
    except ValueError:
        raise Bad(
            _("{value} is not a UTC timestamp like 2026-11-27T14:03:22.123Z").format(
                value=show(value)
            )
        ) from None
    _in_years(value, "time")
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
            raise Bad(
                _("{value} is not one of {choices}").format(
                    value=show(value), choices=", ".join(choices)
                )
            )
        return value

    return check


def _optional(check: Check) -> Check:
    return lambda value: None if value is None else check(value)


def _id_list(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise Bad(_("expected a list of ids, got {kind}").format(kind=kind_of(value)))
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

# Translators: {path} is where in the JSON file, such as notes[3].question_id
_NO_QUESTION = N_("{path}: no question with id {id}")
#: Reference fields: section -> field -> (section it points into, the message when it is not
#: there, marked with N_ and translated where the problem is listed).
REFS: dict[str, dict[str, tuple[str, str]]] = {
    "agenda": {"question_ids": ("questions", _NO_QUESTION)},
    "themes": {"question_id": ("questions", _NO_QUESTION)},
    "notes": {
        "question_id": ("questions", _NO_QUESTION),
        "group_id": ("groups", N_("{path}: no table (group) with id {id}")),
        "theme_id": ("themes", N_("{path}: no theme with id {id}")),
    },
}
