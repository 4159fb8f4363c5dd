"""How records map to table rows: table names, and conversion both ways.

Reading is type-checked: a file can pass SQLite's own checks and still hold a note whose text is
a BLOB, text in a whole-number column or a list column that is not JSON. ``from_row`` turns such
a row into ``BadRow`` (a reason for a person) instead of a record that crashes whoever uses it.
The rules come from the record dataclasses' field types, plus the few values a field must be one
of (kinds, timestamps, dates), so a row that reads is one that import would accept (text length
aside: long texts are shortened on the way out).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable
from dataclasses import fields
from datetime import date
from typing import Any, TypeVar, get_type_hints

from workshop_app.domain.clock import parse_utc
from workshop_app.domain.records import (
    AGENDA_KINDS,
    NOTE_KINDS,
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

R = TypeVar("R", bound=Record)

TABLES: dict[type[Record], str] = {
    Event: "event",
    Speaker: "speaker",
    Question: "question",
    Group: "breakout_group",
    AgendaItem: "agenda_item",
    Theme: "theme",
    Note: "note",
}
#: What a person calls a record of each kind.
NAMES: dict[type[Record], str] = {
    Event: "event",
    Speaker: "speaker",
    Question: "question",
    Group: "table",
    AgendaItem: "agenda item",
    Theme: "theme",
    Note: "note",
}
_BOOLS = {"deleted", "starred"}
_JSON_LISTS = {"question_ids"}
COLUMNS: dict[type[Record], tuple[str, ...]] = {
    kind: tuple(f.name for f in fields(kind)) for kind in TABLES
}
#: Columns every table has beside its record's fields (kept by storage, not by the record).
EXTRA_COLUMNS: tuple[str, ...] = ("position", "clock")


class BadRow(ValueError):
    """A row that cannot become a record; ``str()`` says why, for a person ("its text is stored
    as raw bytes, not text"); ``field`` names the column."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"its {field_name(field)} {reason}")
        self.field = field
        self.reason = reason


def field_name(field: str) -> str:
    """A column as a person calls it ("planned minutes")."""
    return {"question_ids": "list of questions"}.get(field, field.replace("_", " "))


class Undecodable(bytes):
    """A TEXT value whose bytes are not UTF-8 (see ``decode_text``)."""


def decode_text(raw: bytes) -> str:
    """The connection's ``text_factory``: UTF-8 text, or ``Undecodable`` for bytes that are not
    UTF-8, so one damaged value fails its row (``BadRow``) instead of the whole query."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return Undecodable(raw)  # type: ignore[return-value]  # caught by from_row's checks


def to_column(name: str, value: Any) -> Any:
    """A field's value as its column stores it (flags as 0/1, lists as JSON)."""
    if name in _BOOLS:
        return int(bool(value))
    if name in _JSON_LISTS:
        return json.dumps(list(value))
    return value


def to_row(record: Record, position: float) -> dict[str, Any]:
    row: dict[str, Any] = {name: to_column(name, getattr(record, name)) for name in COLUMNS[
        type(record)]}
    row["position"] = position
    return row


def from_row(kind: type[R], row: sqlite3.Row) -> R:
    """The record in ``row``. Raises BadRow if a value is not what the field holds."""
    values: dict[str, Any] = {}
    for name, convert in _converters(kind):
        try:
            values[name] = convert(row[name])
        except _Wrong as wrong:
            raise BadRow(name, str(wrong)) from None
    try:
        position = row["position"]
    except IndexError:  # a row read without its position (run-time queries of a few columns)
        position = 0.0
    if isinstance(position, bool) or not isinstance(position, int | float):
        raise BadRow("position", _is_not(position, "a number"))
    return kind(**values)


# -- the checks -----------------------------------------------------------------------------


class _Wrong(Exception):
    """A value that is not what its field holds; the message completes "its <field> ..."."""


Convert = Callable[[Any], Any]


def _describe(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, Undecodable):
        return "text in a broken encoding (not UTF-8)"
    if isinstance(value, bytes):
        return "stored as raw bytes"
    if isinstance(value, float):
        return f"the number {value:g}"
    if isinstance(value, int):
        return f"the number {value}"
    shown = value if len(value) <= 30 else value[:29] + "…"
    return f"the text “{shown}”"


def _is_not(value: Any, what: str) -> str:
    if isinstance(value, Undecodable):
        return f"is {_describe(value)}"
    return f"is {_describe(value)}, not {what}"


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise _Wrong(_is_not(value, "text"))
    return value


def _id(value: Any) -> str:
    if not _text(value).strip():
        raise _Wrong("is empty")
    return value


def _whole(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Wrong(_is_not(value, "a whole number"))
    if value < 0:
        raise _Wrong(f"is {value}, below zero")
    return value


def _flag(value: Any) -> bool:
    if isinstance(value, bool) or value not in (0, 1):
        raise _Wrong(_is_not(value, "0 or 1 (no or yes)"))
    return bool(value)


def _id_list(value: Any) -> tuple[str, ...]:
    _text(value)
    try:
        items = json.loads(value)
    except ValueError:
        raise _Wrong(_is_not(value, "a list in JSON")) from None
    if not isinstance(items, list) or not all(isinstance(i, str) and i for i in items):
        raise _Wrong(_is_not(value, "a list of ids"))
    return tuple(items)


def _timestamp(value: Any) -> str:
    _text(value)
    try:
        parse_utc(value)
    except ValueError:
        raise _Wrong(_is_not(value, "a time like 2026-11-27T14:03:22.123Z")) from None
    return value


def _date(value: Any) -> str:
    _text(value)
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError
        date.fromisoformat(value)
    except ValueError:
        raise _Wrong(_is_not(value, "a date like 2026-11-27")) from None
    return value


def _clock_time(value: Any) -> str:
    _text(value)
    if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", value):
        raise _Wrong(_is_not(value, "a time of day like 09:30"))
    return value


def _one_of(choices: tuple[str, ...]) -> Convert:
    def check(value: Any) -> str:
        _text(value)
        if value not in choices:
            raise _Wrong(_is_not(value, f"one of {', '.join(choices)}"))
        return value

    return check


def _optional(convert: Convert) -> Convert:
    return lambda value: None if value is None else convert(value)


#: Checks by field type (as the dataclasses annotate them).
_BY_TYPE: dict[Any, Convert] = {
    str: _text,
    int: _whole,
    bool: _flag,
    tuple[str, ...]: _id_list,
}
#: Fields whose values are narrower than their type says.
_BY_NAME: dict[str, Convert] = {
    "id": _id,
    "created_at": _timestamp,
    "updated_at": _timestamp,
    "started_at": _timestamp,
    "ended_at": _timestamp,
    "date": _date,
    "start_time": _clock_time,
}
_CHOICES: dict[tuple[type[Record], str], tuple[str, ...]] = {
    (Speaker, "kind"): SPEAKER_KINDS,
    (AgendaItem, "kind"): AGENDA_KINDS,
    (Note, "kind"): NOTE_KINDS,
}


_CONVERTERS: dict[type[Record], tuple[tuple[str, Convert], ...]] = {}


def field_values(kind: type[R], names: tuple[str, ...], row: sqlite3.Row) -> dict[str, Any]:
    """Some fields of a record from a row holding those columns, checked like ``from_row``.
    Raises BadRow if a value is not what the field holds."""
    converters = dict(_converters(kind))
    values: dict[str, Any] = {}
    for name in names:
        try:
            values[name] = converters[name](row[name])
        except _Wrong as wrong:
            raise BadRow(name, str(wrong)) from None
    return values


def _converters(kind: type[Record]) -> tuple[tuple[str, Convert], ...]:
    """(field, check) for every field of ``kind``, from its type annotation (worked out once)."""
    if kind not in _CONVERTERS:
        _CONVERTERS[kind] = _make_converters(kind)
    return _CONVERTERS[kind]


def _make_converters(kind: type[Record]) -> tuple[tuple[str, Convert], ...]:
    hints = get_type_hints(kind)
    result = []
    for name in COLUMNS[kind]:
        hint = hints[name]
        optional = type(None) in getattr(hint, "__args__", ()) and hint not in _BY_TYPE
        base = next(a for a in hint.__args__ if a is not type(None)) if optional else hint
        if (kind, name) in _CHOICES:
            convert = _one_of(_CHOICES[kind, name])
        else:
            convert = _BY_NAME.get(name) or _BY_TYPE[base]
        result.append((name, _optional(convert) if optional else convert))
    return tuple(result)
