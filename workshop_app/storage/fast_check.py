"""A set-based first look at every row of a file, in SQL: one query per table finds the rows
that might not be readable, so a file whose rows are all sound (nearly always) is passed
without building a record per row in Python (merging a 10,000-note file costs about what
copying its rows does).

The SQL is at least as strict as ``rows.from_row`` (it may doubt a row Python would read, never
the other way round), so any doubt falls back to ``validation.scan``, which names the rows.
Text that is not UTF-8 is caught by reading every text column once with Python's own decoder.
"""

from __future__ import annotations

import sqlite3
from typing import get_type_hints

from workshop_app.domain.records import Record
from workshop_app.storage.rows import _CHOICES, COLUMNS, TABLES

_STAMP = (  # the date's roundtrip through SQLite only for days past the 28th
    "{c} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]"
    ".[0-9][0-9][0-9]Z' AND substr({c}, 6, 2) BETWEEN '01' AND '12' AND substr({c}, 12, 2) "
    "<= '23' AND (substr({c}, 9, 2) BETWEEN '01' AND '28' OR date(substr({c}, 1, 10)) = "
    "substr({c}, 1, 10))"
)
_BY_NAME = {
    "id": "typeof({c}) = 'text' AND {c} GLOB '*[0-9A-Za-z]*'",
    "created_at": _STAMP,
    "updated_at": _STAMP,
    "started_at": _STAMP,
    "ended_at": _STAMP,
    "date": "{c} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date({c}) = {c}",
    "start_time": "{c} GLOB '[0-2][0-9]:[0-5][0-9]' AND substr({c}, 1, 2) <= '23'",
}
#: Columns whose rule above leaves only ASCII or a number in them: no need to decode.
_ASCII_OR_NUMBER = frozenset(
    {"created_at", "updated_at", "started_at", "ended_at", "date", "start_time", "kind"}
    | {"deleted", "votes", "starred", "planned_minutes", "attendee_count", "attendance"}
)
_BY_TYPE = {
    str: "typeof({c}) = 'text'",
    int: "typeof({c}) = 'integer' AND {c} >= 0",
    bool: "typeof({c}) = 'integer' AND {c} IN (0, 1)",
    tuple[str, ...]: (
        "typeof({c}) = 'text' AND json_valid({c}) AND json_type({c}) = 'array' AND NOT EXISTS "
        "(SELECT 1 FROM json_each({c}) WHERE type <> 'text' OR value = '')"
    ),
}


_CHECKS: dict[type[Record], str] = {}


def sql_check(kind: type[Record]) -> str:
    """A condition true of every row of ``kind``'s table that ``from_row`` surely reads."""
    if kind not in _CHECKS:
        _CHECKS[kind] = _make_check(kind)
    return _CHECKS[kind]


def _make_check(kind: type[Record]) -> str:
    hints = get_type_hints(kind)
    parts = ["typeof(position) IN ('integer', 'real')"]
    for name in COLUMNS[kind]:
        hint = hints[name]
        args = getattr(hint, "__args__", ())
        optional = type(None) in args and hint not in _BY_TYPE
        base = next(a for a in args if a is not type(None)) if optional else hint
        if (kind, name) in _CHOICES:
            choices = ", ".join(f"'{choice}'" for choice in _CHOICES[kind, name])
            rule = f"{{c}} IN ({choices})"
        else:
            rule = _BY_NAME.get(name) or _BY_TYPE[base]
        rule = "(" + rule.format(c=name) + ")"
        parts.append(f"({name} IS NULL OR {rule})" if optional else rule)
    return " AND ".join(parts)


def all_sound(conn: sqlite3.Connection, schema: str = "main") -> bool:
    """True if every row of every table surely reads (else look row by row)."""
    for kind, table in TABLES.items():
        texts = [name for name in COLUMNS[kind] if name not in _ASCII_OR_NUMBER]
        # one scan: the rows in doubt, and each text column as one string with a line break
        # between values (two broken halves never join into a character), decoded at once
        joined = ", ".join(f"CAST(group_concat({name}, char(10)) AS BLOB)" for name in texts)
        try:
            doubtful, *columns = conn.execute(
                f"SELECT total(NOT coalesce(({sql_check(kind)}), 0)), {joined} "
                f"FROM {schema}.{table}"
            ).fetchone()
        except sqlite3.OperationalError:
            return False
        if doubtful:
            return False
        try:
            for column in columns:
                if column is not None:
                    bytes(column).decode("utf-8")
        except UnicodeDecodeError:
            return False
    return True
