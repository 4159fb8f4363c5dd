"""The open-time scan lets SQLite flag the rows that may be wrong and checks only those in
Python. The flagger must miss nothing: for every kind of damage (the damaged-file cases, and
random bad cells), every row ``from_row`` refuses is flagged, and the scan sets aside exactly
what checking every row in Python sets aside."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.storage.damaged_files import SET_ASIDE, make_demo
from workshop_app.domain.records import Event
from workshop_app.storage import validation
from workshop_app.storage.rows import (
    COLUMNS,
    NAMES,
    TABLES,
    BadRow,
    decode_text,
    from_row,
    suspect_sql,
)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "day.workshop"
    make_demo(path)
    return path


def in_memory(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    source = sqlite3.connect(path)
    source.backup(conn)
    source.close()
    conn.text_factory = decode_text
    return conn


def python_scan(conn: sqlite3.Connection) -> list[validation.SetAside]:
    """Every row of every table checked in Python (the scan before SQLite flagged rows)."""
    conn.row_factory = sqlite3.Row
    found = []
    for kind, table in TABLES.items():
        if kind is Event:
            continue
        for row in conn.execute(f"SELECT * FROM {table} ORDER BY position, rowid"):
            try:
                from_row(kind, row)
            except BadRow as bad:
                found.append(validation._set_aside(NAMES[kind], row, bad))
    return found


def flagged(conn: sqlite3.Connection) -> set[tuple[str, int]]:
    """(table, rowid) of every row the SQL side flags."""
    rows = set()
    for kind, table in TABLES.items():
        if kind is Event:
            continue
        where = f"{suspect_sql(kind)} OR rowid IN ({validation._not_utf8(conn, kind, table)})"
        rows |= {(table, r[0]) for r in conn.execute(f"SELECT rowid FROM {table} WHERE {where}")}
    return rows


def refused(conn: sqlite3.Connection) -> set[tuple[str, int]]:
    conn.row_factory = sqlite3.Row
    rows = set()
    for kind, table in TABLES.items():
        if kind is Event:
            continue
        for row in conn.execute(f"SELECT rowid AS rowid_, * FROM {table}"):
            try:
                from_row(kind, row)
            except BadRow:
                rows.add((table, row["rowid_"]))
    return rows


def test_a_sound_demo_flags_nothing(demo: Path) -> None:
    conn = in_memory(demo)
    assert flagged(conn) == set()
    assert validation.scan(conn) == []


@pytest.mark.parametrize("name", SET_ASIDE)
def test_every_damaged_file_case_is_flagged_and_set_aside_alike(demo: Path, name: str) -> None:
    conn = in_memory(demo)
    conn.executescript(SET_ASIDE[name][0])
    assert refused(conn), "the damage must make a row unreadable"
    assert refused(conn) <= flagged(conn)
    assert validation.scan(conn) == python_scan(conn)


#: Values close to right, and plainly wrong ones, as SQL literals.
NEAR = st.sampled_from(
    [
        "'2026-11-27T14:03:22.123Z'",
        "'2026-02-29T14:03:22.123Z'",
        "'2024-02-29T14:03:22.123Z'",
        "'2026-02-30T14:03:22.123Z'",
        "'2026-04-31T00:00:00.000Z'",
        "'2026-13-01T00:00:00.000Z'",
        "'0000-01-01T00:00:00.000Z'",
        "'2026-01-01T24:00:00.000Z'",
        "'2026-01-01T23:59:60.000Z'",
        "'2026-01-01T23:59:59.999'",
        "'2026-01-01 23:59:59.999Z'",
        "'2021-06-15Z'",
        "'2026-11-27T14:03:22.123Z' || char(0) || 'x'",
        "'2026-11-27T14:03:22Z'",
        "'2026-11-27T14:03:22.123456Z'",
        "'idea'",
        "'idea' || char(0)",
        "'Idea'",
        "' idea'",
        "'[]'",
        "'[\"a\"]'",
        "'[\"\"]'",
        "'[1]'",
        "'[\"a\",]'",
        "'[\"a\" ]'",
        "'{\"a\": 1}'",
        "'[\"a\\u0000\"]'",
        "'[\"a' || char(9) || 'b\"]'",
        "'[NaN]'",
        "'[\"é\"]'",
        "'null'",
        "'[\"a\"]' || char(0) || 'x'",
        "0",
        "1",
        "2",
        "-1",
        "1.0",
        "0.5",
        "NULL",
        "''",
        "' '",
        "char(12288)",
        "'x'",
        "'5'",
        "X'00'",
        "X'4FFF6B'",
        "CAST(X'4FFF6B' AS TEXT)",
        "CAST(X'C3' AS TEXT)",
        "CAST(X'61C3A9' AS TEXT)",
        "CAST(X'EDA080' AS TEXT)",
        "CAST(X'6100FF' AS TEXT)",
        "9223372036854775807",
        "'09:30'",
        "'24:00'",
        "'2026-11-27'",
    ]
)
CELLS = [(table, column) for kind, table in TABLES.items() if kind is not Event
         for column in (*COLUMNS[kind], "position")]  # fmt: skip


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(damage=st.lists(st.tuples(st.sampled_from(CELLS), NEAR, st.integers(0, 3)), max_size=4))
def test_the_flagger_misses_no_row_python_refuses(
    demo: Path, damage: list[tuple[tuple[str, str], str, int]]
) -> None:
    conn = in_memory(demo)
    for (table, column), value, nth in damage:
        try:
            conn.execute(
                f"UPDATE {table} SET {column} = {value} WHERE rowid = "
                f"(SELECT rowid FROM {table} ORDER BY rowid LIMIT 1 OFFSET {nth})"
            )
        except sqlite3.IntegrityError:  # damage the schema itself refuses (NOT NULL, UNIQUE)
            continue
    assert refused(conn) <= flagged(conn)
    assert validation.scan(conn) == python_scan(conn)
