"""JSON interchange format v1: a whole event as one JSON object, for import, export and templates.

``dumps`` writes an ``EventBundle``; ``parse`` reads one back after validating everything and
raises ``InterchangeError`` listing every problem, each starting with the JSON path of the value
(``notes[3].kind: "idea2" is not one of ...``). Validation is table-driven: ``_FIELDS`` says, per
record type, which checker each field goes through. Unknown keys are ignored (forward
compatibility). ``deleted`` is never written; here only notes carry timestamps (export and
import add every record's stamps and clock: ``interchange_stamps``).
JSON -> bundle -> JSON is lossless. Optional fields added within version 1: ``event.attendance``
(how many came; ``attendee_count`` is how many were expected) and ``event.timezone`` (an IANA
name; absent means UTC, as files from before it were read).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.clock import parse_utc, utc_now
from workshop_app.domain.errors import InterchangeError
from workshop_app.domain.local_time import check_zone
from workshop_app.domain.records import (
    AGENDA_KINDS,
    MAX_TEXT,
    MAX_VOTES,
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
from workshop_app.domain.safe_text import for_terminal

FORMAT = "workshop-app.event"
VERSION = 1
MAX_ID = 200
MAX_PROBLEMS = 50
#: The largest whole numbers import accepts (the Plan page's limits; votes generously).
MAX_ATTENDEES = 100_000
MAX_MINUTES = 24 * 60
#: Dates and timestamps must fall in these years (so every date sum stays in range).
YEARS = (1900, 2999)
#: Deepest nesting of lists and objects read; an event file needs 4.
MAX_DEPTH = 64
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z")


class _HugeNumber(float):
    """What a whole number too long to be read becomes (Python refuses to convert more than
    4,300 digits): checkers then refuse it with the path, like any other bad value."""

    def __new__(cls, digits: str) -> _HugeNumber:
        number = super().__new__(cls, "inf")
        number.digits = len(digits.lstrip("-"))
        return number

    digits: int


def _parse_int(digits: str) -> int | float:
    return int(digits) if len(digits) <= 30 else _HugeNumber(digits)


class _Bad(Exception):
    """A checker's complaint about one value; ``where`` extends the path (``[2]``)."""

    def __init__(self, message: str, where: str = "") -> None:
        super().__init__(message)
        self.where = where


Check = Callable[[Any], Any]


def _kind_of(value: Any) -> str:
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


def _show(value: Any) -> str:
    shown = for_terminal(json.dumps(value, ensure_ascii=False))
    return shown if len(shown) <= 60 else shown[:59] + "…"


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise _Bad(f"expected text, got {_kind_of(value)}")
    if len(value) > MAX_TEXT:
        raise _Bad(f"text is too long ({len(value):,} characters; at most {MAX_TEXT:,})")
    _no_surrogate(value)
    return value


def _no_surrogate(value: str) -> None:
    """A lone surrogate (``\\ud800``) is half of a character: no file can store it."""
    found = _SURROGATE.search(value)
    if found:
        raise _Bad(
            f"character {found.start() + 1} is not a real character (a lone UTF-16 surrogate, "
            f"\\u{ord(found[0]):04x})"
        )


def _id(value: Any) -> str:
    if not isinstance(value, str):
        raise _Bad(f"expected an id (text), got {_kind_of(value)}")
    if not value.strip():
        raise _Bad("an id cannot be empty")
    if len(value) > MAX_ID:
        raise _Bad(f"id is too long ({len(value):,} characters; at most {MAX_ID})")
    _no_surrogate(value)
    return value


def _count(limit: int) -> Check:
    def check(value: Any) -> int:
        if isinstance(value, _HugeNumber):
            raise _Bad(f"a number {value.digits:,} digits long is too large (at most {limit:,})")
        if isinstance(value, bool) or not isinstance(value, int):
            raise _Bad(f"expected a whole number, got {_kind_of(value)}")
        if value < 0:
            raise _Bad(f"{value} is negative; expected 0 or more")
        if value > limit:
            raise _Bad(f"{value:,} is too large (at most {limit:,})")
        return value

    return check


def _in_years(value: str, what: str) -> None:
    if not YEARS[0] <= int(value[:4]) <= YEARS[1]:
        raise _Bad(f"{_show(value)} is not {what} between the years {YEARS[0]} and {YEARS[1]}")


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise _Bad(f"expected true or false, got {_kind_of(value)}")
    return value


def _date(value: Any) -> str:
    _text(value)
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError
        date.fromisoformat(value)
    except ValueError:
        raise _Bad(f"{_show(value)} is not a real date in the form YYYY-MM-DD") from None
    _in_years(value, "a date")
    return value


def _clock_time(value: Any) -> str:
    _text(value)
    if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", value):
        raise _Bad(f"{_show(value)} is not a time in the form HH:MM (00:00 to 23:59)")
    return value


def _timestamp(value: Any) -> str:
    _text(value)
    try:
        if not _TIMESTAMP.fullmatch(value):  # a date alone would read as a naive time
            raise ValueError
        parse_utc(value)
    except ValueError:
        raise _Bad(f"{_show(value)} is not a UTC timestamp like 2026-11-27T14:03:22.123Z") from None
    _in_years(value, "a time")
    return value


def _zone(value: Any) -> str:
    _text(value)
    try:
        return check_zone(value)
    except ValueError as error:
        raise _Bad(str(error)) from None


def _one_of(choices: tuple[str, ...]) -> Check:
    def check(value: Any) -> str:
        _text(value)
        if value not in choices:
            raise _Bad(f"{_show(value)} is not one of {', '.join(choices)}")
        return value

    return check


def _optional(check: Check) -> Check:
    return lambda value: None if value is None else check(value)


def _id_list(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise _Bad(f"expected a list of ids, got {_kind_of(value)}")
    for index, item in enumerate(value):
        try:
            _id(item)
        except _Bad as bad:
            raise _Bad(str(bad), f"[{index}]") from None
    return tuple(value)


@dataclass(frozen=True)
class _Field:
    check: Check
    required: bool = False


_REQ_ID = _Field(_id, required=True)
_TEXT = _Field(_text)
_REF = _Field(_optional(_id))

#: Per JSON section: the record type and its fields, in output order.
# fmt: off
_FIELDS: dict[str, tuple[type[Record], dict[str, _Field]]] = {
    "event": (Event, {
        "id": _REQ_ID, "title": _Field(_text, required=True), "date": _Field(_optional(_date)),
        "start_time": _Field(_optional(_clock_time)), "venue": _TEXT, "organiser": _TEXT,
        "summary": _TEXT, "attendee_count": _Field(_optional(_count(MAX_ATTENDEES))),
        "summary_hint": _TEXT, "attendance": _Field(_optional(_count(MAX_ATTENDEES))),
        "timezone": _Field(_zone),
    }),
    "speakers": (Speaker, {
        "id": _REQ_ID, "name": _TEXT, "role": _TEXT, "organisation": _TEXT,
        "kind": _Field(_one_of(SPEAKER_KINDS)),
    }),
    "questions": (Question, {
        "id": _REQ_ID, "text": _TEXT, "prompt": _TEXT, "synthesis": _TEXT, "text_hint": _TEXT,
        "prompt_hint": _TEXT,
    }),
    "groups": (Group, {"id": _REQ_ID, "name": _TEXT, "facilitator": _TEXT, "note_taker": _TEXT}),
    "agenda": (AgendaItem, {
        "id": _REQ_ID, "title": _TEXT, "kind": _Field(_one_of(AGENDA_KINDS)),
        "planned_minutes": _Field(_count(MAX_MINUTES)), "question_ids": _Field(_id_list),
        "started_at": _Field(_optional(_timestamp)), "ended_at": _Field(_optional(_timestamp)),
    }),
    "themes": (Theme, {
        "id": _REQ_ID, "question_id": _REF, "title": _TEXT, "summary": _TEXT,
        "votes": _Field(_count(MAX_VOTES)),
    }),
    "notes": (Note, {
        "id": _REQ_ID, "question_id": _REF, "group_id": _REF,
        "text": _Field(_text, required=True), "kind": _Field(_one_of(NOTE_KINDS), required=True),
        "attribution": _TEXT, "role": _TEXT, "theme_id": _REF, "votes": _Field(_count(MAX_VOTES)),
        "starred": _Field(_flag), "created_at": _Field(_timestamp),
        "updated_at": _Field(_timestamp),
    }),
}
# fmt: on
#: Optional fields written only when set, so an event without them reads as before.
_ONLY_IF_SET = {"summary_hint", "text_hint", "prompt_hint"}
#: The same, for one section only (a note's votes are always written; a theme's only if any).
_ONLY_IF_SET_IN = {("themes", "votes")}
SECTIONS = ("speakers", "questions", "groups", "agenda", "themes", "notes")

#: Reference fields: section -> field -> (section it points into, what a person calls it).
_REFS: dict[str, dict[str, tuple[str, str]]] = {
    "agenda": {"question_ids": ("questions", "question")},
    "themes": {"question_id": ("questions", "question")},
    "notes": {
        "question_id": ("questions", "question"),
        "group_id": ("groups", "table (group)"),
        "theme_id": ("themes", "theme"),
    },
}


# ---------------------------------------------------------------- writing


def _record_to_dict(section: str, record: Record) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in _FIELDS[section][1]:
        value = getattr(record, name)
        if (name in _ONLY_IF_SET or (section, name) in _ONLY_IF_SET_IN) and not value:
            continue
        out[name] = list(value) if isinstance(value, tuple) else value
    return out


def bundle_to_dict(bundle: EventBundle) -> dict[str, Any]:
    """The bundle as a v1 interchange object (keys in the documented order)."""
    out: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    out["event"] = _record_to_dict("event", bundle.event)
    for section in SECTIONS:
        out[section] = [_record_to_dict(section, r) for r in getattr(bundle, section)]
    return out


def dumps(bundle: EventBundle) -> str:
    """The bundle as v1 JSON text (indent 2, Unicode kept as is, trailing newline)."""
    return json.dumps(bundle_to_dict(bundle), indent=2, ensure_ascii=False) + "\n"


# ---------------------------------------------------------------- reading


def parse(data: bytes | str, *, source: str = "") -> EventBundle:
    """Read v1 JSON (bytes must be UTF-8). Raises InterchangeError listing every problem."""
    if isinstance(data, bytes):
        data = _decode(data, source)
    data = data.lstrip("\ufeff")  # a byte-order mark (even two) is not part of the JSON
    if not data.strip():
        raise InterchangeError(["(file): the file is empty"], source=source)
    try:
        obj = json.loads(data, parse_constant=_reject_constant, parse_int=_parse_int)
        deep = _depth(obj) > MAX_DEPTH
    except json.JSONDecodeError as err:
        raise InterchangeError(
            [f"(file): not valid JSON: {_json_message(err.msg)} {_at(data, err.pos)}"],
            source=source,
        ) from None
    except _Constant as err:
        where = _at(data, _constant_position(data))
        raise InterchangeError(
            [f"(file): not valid JSON: {err} is not allowed (JSON has no NaN or Infinity) {where}"],
            source=source,
        ) from None
    except RecursionError:
        deep = True
    if deep:
        raise InterchangeError(
            [
                f"(file): lists and objects are nested more than {MAX_DEPTH} levels deep "
                f"{_at(data, _too_deep_position(data))}; an event file needs 4"
            ],
            source=source,
        )
    return bundle_from_dict(obj, source=source)


def _decode(data: bytes, source: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InterchangeError(
            ["(file): this is not UTF-8 text: it is UTF-16 (save it again as UTF-8)"],
            source=source,
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InterchangeError(
            [f"(file): this is not UTF-8 text (unreadable byte at position {err.start})"],
            source=source,
        ) from None


class _Constant(Exception):
    """NaN, Infinity or -Infinity met while decoding (they are not JSON)."""


def _reject_constant(name: str) -> Any:
    raise _Constant(name)


#: Python's wording of a JSON syntax error, put for a person (its "at" is where the error is).
_JSON_WORDS = {
    "Unterminated string starting at": "text in quotes that is never closed, starting",
    "Invalid control character at": "a control character (such as a line break) inside quotes",
    "Expecting value": "expected a value",
    "Expecting property name enclosed in double quotes": (
        "expected a name in double quotes (is there a comma too many?)"
    ),
    "Expecting ',' delimiter": "expected a comma",
    "Expecting ':' delimiter": "expected a colon",
    "Extra data": "more text after the end of the JSON",
    "Invalid \\escape": "a backslash that does not start a valid escape",
    "Invalid \\uXXXX escape": "a \\u escape that is not four hexadecimal digits",
}


def _json_message(msg: str) -> str:
    return _JSON_WORDS.get(msg) or msg.removesuffix(" at")


def _at(text: str, pos: int | None) -> str:
    """``at line L, column C`` (both from 1) of offset ``pos`` in ``text``; "" if unknown."""
    if pos is None:
        return ""
    line = text.count("\n", 0, pos) + 1
    return f"at line {line}, column {pos - (text.rfind(chr(10), 0, pos) + 1) + 1}"


_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|NaN|-?Infinity|[][{}]')


def _constant_position(text: str) -> int | None:
    """Where the first NaN/Infinity outside quotes is (the text before it is valid JSON)."""
    for token in _TOKENS.finditer(text):
        if token[0][0] in "NI-":
            return token.start()
    return None


def _too_deep_position(text: str) -> int | None:
    """Where the nesting first goes deeper than MAX_DEPTH."""
    depth = 0
    for token in _TOKENS.finditer(text):
        if token[0] in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return token.start()
        elif token[0] in "]}":
            depth -= 1
    return None


def _depth(obj: Any) -> int:
    """How deeply lists and objects nest in ``obj`` (counted without recursion)."""
    deepest = 0
    stack = [(obj, 1)]
    while stack:
        value, level = stack.pop()
        if isinstance(value, dict | list):
            deepest = max(deepest, level)
            if level <= MAX_DEPTH:
                items = value.values() if isinstance(value, dict) else value
                stack.extend((item, level + 1) for item in items if isinstance(item, dict | list))
    return deepest


def bundle_from_dict(obj: Any, *, source: str = "") -> EventBundle:
    """Validate a decoded v1 object and build the bundle. Raises InterchangeError."""
    header = _check_header(obj)
    if header:
        raise InterchangeError(header, source=source)
    problems: list[str] = []
    seen: dict[str, tuple[str, str]] = {}  # id -> (section, path) where first seen
    read = {s: _read_section(obj, s, problems, seen) for s in ("event", *SECTIONS)}
    _check_references(read, seen, problems)
    if problems:
        total = len(problems)
        if total > MAX_PROBLEMS:
            problems = [*problems[:MAX_PROBLEMS], f"... and {total - MAX_PROBLEMS:,} more"]
        raise InterchangeError(problems, source=source, total=total)
    lists = {s: tuple(_FIELDS[s][0](**kw) for _, kw in read[s]) for s in SECTIONS}
    return EventBundle(event=Event(**read["event"][0][1]), **lists)  # type: ignore[arg-type]


def _check_header(obj: Any) -> list[str]:
    """Problems with the top level, format and version: if any, nothing else is worth reading."""
    if not isinstance(obj, dict):
        return [f"(file): expected a JSON object at the top level, got {_kind_of(obj)}"]
    fmt, version = obj.get("format"), obj.get("version")
    if "format" not in obj:
        return ["format: required (this is not a Workshop event file)"]
    if fmt != FORMAT:
        return [f"format: {_show(fmt)} is not a Workshop event file (expected {_show(FORMAT)})"]
    if "version" not in obj:
        return ["version: required"]
    if isinstance(version, bool) or not isinstance(version, int):
        return [f"version: expected a whole number, got {_kind_of(version)}"]
    if version != VERSION:
        return [
            f"version: this file is version {version}; "
            f"this version of Workshop reads version {VERSION}"
        ]
    return []


_Read = list[tuple[str, dict[str, Any]]]  # (JSON path, dataclass kwargs) of each valid record


def _read_section(
    obj: dict[str, Any], section: str, problems: list[str], seen: dict[str, tuple[str, str]]
) -> _Read:
    """The section's valid records; every problem is appended, every usable id noted in seen."""
    if section == "event":
        items = [("event", obj["event"])] if "event" in obj else []
        if not items:
            problems.append("event: required")
    else:
        value = obj.get(section, [])
        if not isinstance(value, list):
            problems.append(f"{section}: expected a list, got {_kind_of(value)}")
            return []
        items = [(f"{section}[{i}]", item) for i, item in enumerate(value)]
    out = []
    for path, item in items:
        if not isinstance(item, dict):
            problems.append(f"{path}: expected an object, got {_kind_of(item)}")
            continue
        kwargs, ok = _read_record(section, path, item, problems)
        record_id = kwargs.get("id")
        if record_id in seen:
            problems.append(
                f"{path}.id: id {_show(record_id)} is used more than once "
                f"(also at {seen[record_id][1]})"
            )
        elif record_id is not None:
            seen[record_id] = (section, path)
        if ok:
            out.append((path, kwargs))
    return out


def _read_record(
    section: str, path: str, item: dict[str, Any], problems: list[str]
) -> tuple[dict[str, Any], bool]:
    """Checked dataclass kwargs for one record, and whether every field passed."""
    kwargs: dict[str, Any] = {}
    ok = True
    for name, spec in _FIELDS[section][1].items():
        if name not in item:
            if spec.required:
                problems.append(f"{path}.{name}: required")
                ok = False
            continue
        try:
            kwargs[name] = spec.check(item[name])
        except _Bad as bad:
            problems.append(f"{path}.{name}{bad.where}: {bad}")
            ok = False
    if section == "notes":  # a note without timestamps is new now
        kwargs.setdefault("created_at", kwargs.get("updated_at") or utc_now())
        kwargs.setdefault("updated_at", kwargs["created_at"])
    return kwargs, ok


def _check_references(
    read: dict[str, _Read], seen: dict[str, tuple[str, str]], problems: list[str]
) -> None:
    """Dangling ids, and notes filed under a theme of another question."""
    for section, refs in _REFS.items():
        for path, kwargs in read[section]:
            for name, (target, noun) in refs.items():
                value = kwargs.get(name)
                many = isinstance(value, tuple)
                refs_here: tuple[Any, ...] = value if many else (value,)  # type: ignore[assignment]
                for index, ref in enumerate(refs_here):
                    if ref is not None and seen.get(ref, ("",))[0] != target:
                        where = f"{path}.{name}" + (f"[{index}]" if many else "")
                        problems.append(f"{where}: no {noun} with id {_show(ref)}")
    themes = {kw["id"]: kw for _, kw in read["themes"]}
    for path, note in read["notes"]:
        theme = themes.get(note.get("theme_id"))
        if theme is not None and theme.get("question_id") != note.get("question_id"):
            problems.append(
                f"{path}.theme_id: theme {_show(theme.get('title', ''))} belongs to question "
                f"{_show(theme.get('question_id'))}, but this note is under question "
                f"{_show(note.get('question_id'))}"
            )
