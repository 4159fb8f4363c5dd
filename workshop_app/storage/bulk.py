"""Reading and writing a few fields of many records at once (filing 500 notes under a theme).

The work is done in SQL, grouped by value, so the cost per record is SQLite's, not Python's:
``grouped_values`` reads the before-values an undo needs as a handful of groups (``GROUP BY``
the fields, the ids of each group gathered by ``json_group_array``), and ``update_groups`` writes
one ``UPDATE ... WHERE id IN (...)`` per group, stamping each changed field in the record's
clock in the same statement.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any

from workshop_app.domain.errors import NotFoundError
from workshop_app.domain.records import Record
from workshop_app.storage.rows import (
    COLUMNS,
    TABLES,
    BadRow,
    field_values,
    missing_message,
    to_column,
    unreadable,
)
from workshop_app.storage.validation import damaged

#: Ids per statement: well under SQLite's limit on bound values.
CHUNK = 500

#: One change and the records it applies to: ``({field: value}, [id, ...])``.
Group = tuple[dict[str, Any], list[str]]


def grouped_values(
    conn: sqlite3.Connection,
    file_name: str,
    kind: type[Record],
    ids: Sequence[str],
    names: Sequence[str],
) -> list[Group]:
    """The values of fields ``names`` of records ``ids``, as groups of records sharing them.
    Raises ValueError for a field ``kind`` has not, NotFoundError if a record is missing, and
    the damaged-file DocumentError if a value is not what its field holds."""
    names = tuple(names)
    unknown = set(names) - set(COLUMNS[kind])
    if unknown:
        raise ValueError(f"{kind.__name__} has no field(s) {', '.join(sorted(unknown))}")
    wanted = list(dict.fromkeys(ids))
    columns = ", ".join(f"r.{name}" for name in names) if names else "NULL"
    groups: list[Group] = []
    found = 0
    # The ids go in as one JSON array (json_each), so any number of them is one statement.
    rows = conn.execute(
        f"SELECT json_group_array(r.id) AS ids, {columns} FROM json_each(?) AS j "
        f"JOIN {TABLES[kind]} AS r ON r.id = j.value GROUP BY {columns}",
        (json.dumps(wanted),),
    )
    for row in rows:
        try:
            values = field_values(kind, names, row)
        except BadRow as bad:
            raise damaged(file_name, unreadable(kind, bad)) from None
        members: list[str] = json.loads(row["ids"])
        found += len(members)
        groups.append((values, members))
    if found != len(wanted):
        present = {rid for _, members in groups for rid in members}
        missing = next(rid for rid in wanted if rid not in present)
        raise NotFoundError(missing_message(kind, missing))
    return groups


def group_changes(changes: Mapping[str, Mapping[str, Any]]) -> list[Group]:
    """``{id: {field: value}}`` as groups of records given the same change."""
    groups: dict[tuple[tuple[str, Any], ...], Group] = {}
    for rid, change in changes.items():
        key = tuple(sorted((name, to_column(name, v)) for name, v in change.items()))
        if key in groups:
            groups[key][1].append(rid)
        else:
            groups[key] = (dict(change), [rid])
    return list(groups.values())


def update_groups(
    conn: sqlite3.Connection,
    kind: type[Record],
    groups: Sequence[tuple[Mapping[str, Any], Sequence[str]]],
    stamp: tuple[str, str],
) -> int:
    """Write each group's change to its records, stamping (time, device) on every field whose
    value changes, in the caller's transaction. Returns how many records were written."""
    table = TABLES[kind]
    written = 0
    for change, ids in groups:
        key = sorted((name, to_column(name, value)) for name, value in change.items())
        if not key:
            continue
        # Each changed field is stamped in the clock only where its value changes (SET reads
        # the old values), and written, for up to CHUNK records in one statement.
        clock, clock_params = "clock", ()  # type: tuple[str, tuple[Any, ...]]
        for name, value in key:
            clock_params = (value, *clock_params, *stamp, *clock_params)
            clock = (
                f"CASE WHEN {name} IS NOT ? THEN json_set({clock}, '$.{name}', "
                f"json_array(?, ?)) ELSE {clock} END"
            )
        assignments = ", ".join(f"{name} = ?" for name, _ in key)
        values = (*(value for _, value in key), *stamp)
        for start in range(0, len(ids), CHUNK):
            chunk = list(ids[start : start + CHUNK])
            marks = ", ".join("?" * len(chunk))
            written += conn.execute(
                f"UPDATE {table} SET clock = {clock}, {assignments}, updated_at = ?, "
                f"device_id = ? WHERE id IN ({marks})",
                (*clock_params, *values, *chunk),
            ).rowcount
    return written
