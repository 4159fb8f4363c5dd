"""JSON text in, for the interchange format: bytes or text to a decoded object, or an
``InterchangeError`` saying, for a person, what is wrong and where (line and column): not
UTF-8, empty, not valid JSON, NaN or Infinity, nested too deep. Whole numbers too long to read
become ``HugeNumber``, which the field checkers refuse with their path (``interchange_fields``).
"""

from __future__ import annotations

import json
import re
from typing import Any

from workshop_app.domain.errors import InterchangeError
from workshop_app.i18n import N_, _

#: Deepest nesting of lists and objects read; an event file needs 4.
MAX_DEPTH = 64


class HugeNumber(float):
    """What a whole number too long to be read becomes (Python refuses to convert more than
    4,300 digits): checkers then refuse it with the path, like any other bad value."""

    def __new__(cls, digits: str) -> HugeNumber:
        number = super().__new__(cls, "inf")
        number.digits = len(digits.lstrip("-"))
        return number

    digits: int


def _parse_int(digits: str) -> int | float:
    return int(digits) if len(digits) <= 30 else HugeNumber(digits)


def load(data: bytes | str, source: str = "") -> Any:
    """The object in JSON ``data`` (bytes must be UTF-8). Raises InterchangeError saying what
    is wrong with the text and where."""
    if isinstance(data, bytes):
        data = _decode(data, source)
    data = data.lstrip("\ufeff")  # a byte-order mark (even two) is not part of the JSON
    if not data.strip():
        raise InterchangeError([_("(file): the file is empty")], source=source)
    try:
        obj = json.loads(data, parse_constant=_reject_constant, parse_int=_parse_int)
        deep = _depth(obj) > MAX_DEPTH
    except json.JSONDecodeError as err:
        raise InterchangeError(
            [
                _("(file): not valid JSON: {problem} {where}").format(
                    problem=_json_message(err.msg), where=_at(data, err.pos)
                )
            ],
            source=source,
        ) from None
    except _Constant as err:
        where = _at(data, _constant_position(data))
        raise InterchangeError(
            [
                _(
                    "(file): not valid JSON: {value} is not allowed "
                    "(JSON has no NaN or Infinity) {where}"
                ).format(value=err, where=where)
            ],
            source=source,
        ) from None
    except RecursionError:
        deep = True
    if deep:
        raise InterchangeError(
            [
                _(
                    "(file): lists and objects are nested more than {depth} levels deep "
                    "{where}; an event file needs 4"
                ).format(depth=MAX_DEPTH, where=_at(data, _too_deep_position(data)))
            ],
            source=source,
        )
    return obj


def _decode(data: bytes, source: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InterchangeError(
            [_("(file): this is not UTF-8 text: it is UTF-16 (save it again as UTF-8)")],
            source=source,
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InterchangeError(
            [
                _("(file): this is not UTF-8 text (unreadable byte at position {position})").format(
                    position=err.start
                )
            ],
            source=source,
        ) from None


class _Constant(Exception):
    """NaN, Infinity or -Infinity met while decoding (they are not JSON)."""


def _reject_constant(name: str) -> Any:
    raise _Constant(name)


#: Python's wording of a JSON syntax error, put for a person (its "at" is where the error is).
#: Marked with N_ and translated where the message is made.
_JSON_WORDS = {
    # Translators: followed by "at line 3, column 5"
    "Unterminated string starting at": N_("text in quotes that is never closed, starting"),
    "Invalid control character at": N_("a control character (such as a line break) inside quotes"),
    "Expecting value": N_("expected a value"),
    "Expecting property name enclosed in double quotes": N_(
        "expected a name in double quotes (is there a comma too many?)"
    ),
    "Expecting ',' delimiter": N_("expected a comma"),
    "Expecting ':' delimiter": N_("expected a colon"),
    "Extra data": N_("more text after the end of the JSON"),
    "Invalid \\escape": N_("a backslash that does not start a valid escape"),
    "Invalid \\uXXXX escape": N_("a \\u escape that is not four hexadecimal digits"),
}


def _json_message(msg: str) -> str:
    words = _JSON_WORDS.get(msg)
    return _(words) if words else msg.removesuffix(" at")


def _at(text: str, pos: int | None) -> str:
    """``at line L, column C`` (both from 1) of offset ``pos`` in ``text``; "" if unknown."""
    if pos is None:
        return ""
    line = text.count("\n", 0, pos) + 1
    column = pos - (text.rfind(chr(10), 0, pos) + 1) + 1
    return _("at line {line}, column {column}").format(line=line, column=column)


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
