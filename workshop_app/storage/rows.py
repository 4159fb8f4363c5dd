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
from workshop_app.i18n import N_, _

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
#: What a person calls a record of each kind (English: also a key in field_history; shown
#: through ``_()``).
NAMES: dict[type[Record], str] = {
    Event: N_("event"),
    Speaker: N_("speaker"),
    Question: N_("question"),
    Group: N_("table"),
    AgendaItem: N_("agenda item"),
    Theme: N_("theme"),
    Note: N_("note"),
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
        super().__init__(_("its {field} {reason}").format(field=field_name(field), reason=reason))
        self.field = field
        self.reason = reason


def field_name(field: str) -> str:
    """A column as a person calls it ("planned minutes")."""
    if field == "question_ids":
        return _("list of questions")
    return field.replace("_", " ")


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
    row: dict[str, Any] = {
        name: to_column(name, getattr(record, name)) for name in COLUMNS[type(record)]
    }
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
        raise BadRow("position", _is_not(position, _("a number")))
    return kind(**values)


# -- the checks -----------------------------------------------------------------------------


class _Wrong(Exception):
    """A value that is not what its field holds; the message completes "its <field> ..."."""


Convert = Callable[[Any], Any]


def _describe(value: Any) -> str:
    if value is None:
        return _("empty")
    if isinstance(value, Undecodable):
        return _("text in a broken encoding (not UTF-8)")
    if isinstance(value, bytes):
        return _("stored as raw bytes")
    if isinstance(value, float):
        return _("the number {number}").format(number=f"{value:g}")
    if isinstance(value, int):
        return _("the number {number}").format(number=value)
    shown = value if len(value) <= 30 else value[:29] + "…"
    return _("the text “{text}”").format(text=shown)


def _is_not(value: Any, what: str) -> str:
    if isinstance(value, Undecodable):
        return _("is {value}").format(value=_describe(value))
    return _("is {value}, not {expected}").format(value=_describe(value), expected=what)


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise _Wrong(_is_not(value, _("text")))
    return value


def _id(value: Any) -> str:
    if not _text(value).strip():
        raise _Wrong(_("is empty"))
    return value


def _whole(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Wrong(_is_not(value, _("a whole number")))
    if value < 0:
        raise _Wrong(_("is {number}, below zero").format(number=value))
    return value


def _flag(value: Any) -> bool:
    if isinstance(value, bool) or value not in (0, 1):
        raise _Wrong(_is_not(value, _("0 or 1 (no or yes)")))
    return bool(value)


def _id_list(value: Any) -> tuple[str, ...]:
    _text(value)
    try:
        items = json.loads(value)
    except ValueError:
        raise _Wrong(_is_not(value, _("a list in JSON"))) from None
    if not isinstance(items, list) or not all(isinstance(i, str) and i for i in items):
        raise _Wrong(_is_not(value, _("a list of ids")))
    return tuple(items)


def _timestamp(value: Any) -> str:
    _text(value)
    try:
        parse_utc(value)
    except ValueError:
        raise _Wrong(_is_not(value, _("a time like 2026-11-27T14:03:22.123Z"))) from None
    return value


def _date(value: Any) -> str:
    _text(value)
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError
        date.fromisoformat(value)
    except ValueError:
        raise _Wrong(_is_not(value, _("a date like 2026-11-27"))) from None
    return value


def _clock_time(value: Any) -> str:
    _text(value)
    if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", value):
        raise _Wrong(_is_not(value, _("a time of day like 09:30")))
    return value


class _OneOf:
    """The check of a text that must be one of ``choices`` (a kind)."""

    def __init__(self, choices: tuple[str, ...]) -> None:
        self.choices = choices

    def __call__(self, value: Any) -> str:
        _text(value)
        if value not in self.choices:
            raise _Wrong(
                _is_not(value, _("one of {choices}").format(choices=", ".join(self.choices)))
            )
        return value


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
    return tuple(
        (name, _optional(check) if optional else check)
        for name, check, optional in _field_checks(kind)
    )


_FIELD_CHECKS: dict[type[Record], tuple[tuple[str, Convert, bool], ...]] = {}


def _field_checks(kind: type[Record]) -> tuple[tuple[str, Convert, bool], ...]:
    """(field, check, whether NULL is allowed) for every field of ``kind``, from its type
    annotation: the one source of both the Python checks and their SQL (``suspect_sql``).
    Worked out once a kind (``get_type_hints`` is slow, and the scan asks on every open)."""
    if kind not in _FIELD_CHECKS:
        _FIELD_CHECKS[kind] = _make_field_checks(kind)
    return _FIELD_CHECKS[kind]


def _make_field_checks(kind: type[Record]) -> tuple[tuple[str, Convert, bool], ...]:
    hints = get_type_hints(kind)
    result = []
    for name in COLUMNS[kind]:
        hint = hints[name]
        optional = type(None) in getattr(hint, "__args__", ()) and hint not in _BY_TYPE
        base = next(a for a in hint.__args__ if a is not type(None)) if optional else hint
        if (kind, name) in _CHOICES:
            check: Convert = _OneOf(_CHOICES[kind, name])
        else:
            check = _BY_NAME.get(name) or _BY_TYPE[base]
        result.append((name, check, optional))
    return tuple(result)


# -- the same checks in SQL -----------------------------------------------------------------
# For a whole table at once, in C: a condition true for every row that ``from_row`` could
# refuse, and false for nearly every row it accepts (a doubtful value, such as the 29th of
# February, is flagged too: ``from_row`` decides). SQLite cannot see whether text is UTF-8:
# ``TEXT_CHECKS`` names the checks of text columns, whose bytes the caller checks apart.

_TS = "[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]"  # a date: 2026-11-27
_CLOCK = "[0-2][0-9]:[0-5][0-9]"
#: Every month and day of a year but the 29th of February (doubtful: Python decides).
_MONTH_DAYS = ", ".join(
    f"'{month:02d}-{day:02d}'"
    for month, days in enumerate((31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31), start=1)
    for day in range(1, days + 1)
)


def _not_text(c: str) -> str:
    return f"typeof({c}) <> 'text'"


def _bytes_not(c: str, n: int) -> str:
    """True when ``c`` holds more than its first NUL shows (GLOB stops there)."""
    return f"length(CAST({c} AS BLOB)) <> {n}"


def _bad_date_sql(c: str) -> str:
    """``c`` (matching ``_TS`` at its start) is not surely a real date."""
    return f"{c} < '0001' OR substr({c}, 6, 5) NOT IN ({_MONTH_DAYS})"


#: The shape of a timestamp. Its ``?`` are digits: SQLite's ``date()`` reads none but digits there.
_TIMESTAMP = "????-??-??T??:??:??.[0-9][0-9][0-9]Z"


def _bad_timestamp_sql(c: str) -> str:
    """``c`` is not surely a time ``parse_utc`` reads (2026-11-27T14:03:22.123Z).

    Cheap for the valid value, which every row holds (one GLOB of few classes, one ``date()``):
    24 bytes (no NUL hiding more) of that shape, which SQLite's date parser reads
    (a digit at every ``?``, month 01-12, day 01-31, hour 00-24, minutes and seconds 00-59)
    back to the same day (not the 31st of April, the 29th of February of a common year, nor
    hour 24: each is the next day; ``+0 days`` makes ``date()`` work the day out rather than
    repeat it), and not before the year 400 (Python has no year 0000, and SQLite's calendar
    takes the 29th of February of 300 for real: before 400, Python decides). Checked against
    ``_timestamp`` for days 00-32 of months 00-13 of every year 0000-9999 at hours 00, 23 and 24
    (once; test_scan_sql_values.py checks a whole 400-year cycle and the years around 300)."""
    return (
        f"{_not_text(c)} OR NOT ({c} GLOB '{_TIMESTAMP}') OR {_bytes_not(c, 24)}"
        f" OR date({c}, '+0 days') IS NOT substr({c}, 1, 10) OR {c} < '0400'"
    )


def _sql_for(check: Convert, c: str) -> str:
    """A condition true for every value of column ``c`` that ``check`` refuses."""
    if isinstance(check, _OneOf):
        quoted = ", ".join("'" + choice.replace("'", "''") + "'" for choice in check.choices)
        return f"{_not_text(c)} OR {c} NOT IN ({quoted})"
    if check is _text:
        return _not_text(c)
    if check is _id:  # an id with a letter or digit is not blank
        return f"{_not_text(c)} OR NOT ({c} GLOB '*[0-9A-Za-z]*')"
    if check is _whole:
        return f"typeof({c}) <> 'integer' OR {c} < 0"
    if check is _flag:
        return f"typeof({c}) <> 'integer' OR {c} NOT IN (0, 1)"
    if check is _timestamp:
        return _bad_timestamp_sql(c)
    if check is _date:
        wrong = f"NOT ({c} GLOB '{_TS}') OR {_bytes_not(c, 10)}"
        return f"{_not_text(c)} OR {wrong} OR {_bad_date_sql(c)}"
    if check is _clock_time:
        return f"{_not_text(c)} OR NOT ({c} GLOB '{_CLOCK}') OR {_bytes_not(c, 5)} OR {c} > '23:59'"
    if check is _id_list:  # plain ASCII, no escapes or control characters, a list of texts
        return (
            f"CASE WHEN {_not_text(c)} OR length(CAST({c} AS BLOB)) <> length({c})"
            f" OR instr({c}, '\\') OR {c} GLOB ('*[' || char(1) || '-' || char(31) || ']*')"
            f" OR NOT json_valid({c}) OR json_type({c}) <> 'array' THEN 1"
            f" ELSE EXISTS (SELECT 1 FROM json_each({c}) WHERE type <> 'text' OR value = '') END"
        )
    raise LookupError(f"no SQL for the check {check!r} of column {c}")


def suspect_sql(kind: type[Record]) -> str:
    """A WHERE condition flagging every row of ``kind``'s table that ``from_row`` could refuse
    (and a few it accepts), leaving aside whether its text is UTF-8 (``text_columns``)."""
    parts = ["typeof(position) NOT IN ('integer', 'real')"]
    for name, check, optional in _field_checks(kind):
        condition = _sql_for(check, name)
        if check is _timestamp and name != "created_at":
            # A time that is created_at's very value (a record never changed) is checked there.
            condition = f"{name} IS NOT created_at AND ({condition})"
        parts.append(f"({name} IS NOT NULL AND ({condition}))" if optional else f"({condition})")
    return "\n OR ".join(parts)


def text_columns(kind: type[Record]) -> tuple[str, ...]:
    """The columns of ``kind`` holding text whose SQL check does not already prove it plain
    ASCII (and so UTF-8): free text and ids, not timestamps, kinds or lists."""
    ascii_only = (_whole, _flag, _timestamp, _date, _clock_time, _id_list)
    return tuple(
        name
        for name, check, _ in _field_checks(kind)
        if check not in ascii_only and not isinstance(check, _OneOf)
    )


def missing_message(kind: type[Record], record_id: str) -> str:
    """The NotFoundError message for a record id this event does not have."""
    return _("No {kind} with id “{id}” in this event.").format(kind=_(NAMES[kind]), id=record_id)


def unreadable(kind: type[Record], bad: BadRow) -> str:
    """Why a record of ``kind`` read from the file is damage ("a note cannot be read: ...")."""
    return _("a {kind} cannot be read: {reason}").format(kind=_(NAMES[kind]), reason=bad)
