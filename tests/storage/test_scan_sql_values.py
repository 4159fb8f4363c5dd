"""The SQL that flags rows for Python to check (``rows.suspect_sql``) misses no value that
``from_row`` refuses, checked value by value against the Python checks themselves: hostile
values hypothesis makes (near-valid times built from parts or mutated, random text, invalid
UTF-8, blobs, numbers, NULL), every day of a whole 400-year Gregorian cycle and of the years
where calendars disagree, and whole rows whose two timestamps are the same or differ.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.clock import format_utc
from workshop_app.domain.records import NOTE_KINDS, Event, Note
from workshop_app.storage import rows, validation
from workshop_app.storage.document import Document


class Broken(bytes):
    """Bytes stored as TEXT (not UTF-8, as a damaged page can hold)."""


#: The checks the SQL mirrors, and whether text that is not UTF-8 is the SQL's to find (for
#: free text and ids, ``validation._not_utf8`` finds it from the bytes instead).
CHECKS: dict[str, tuple[rows.Convert, bool]] = {
    "timestamp": (rows._timestamp, True),
    "date": (rows._date, True),
    "clock_time": (rows._clock_time, True),
    "kind": (rows._OneOf(NOTE_KINDS), True),
    "id_list": (rows._id_list, True),
    "whole": (rows._whole, True),
    "flag": (rows._flag, True),
    "text": (rows._text, False),
    "id": (rows._id, False),
}

VALID_TIMES = st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31)).map(
    format_utc
)
NEAR_CHARS = "0123456789-:.TZtz +/\x00\x7fé\U0001f600"


@st.composite
def mutated(draw: st.DrawFn, base: st.SearchStrategy[str]) -> str:
    """A value with one to three characters replaced, dropped, doubled or added."""
    text = draw(base)
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(text)))
        char = draw(st.sampled_from(NEAR_CHARS))
        edit = draw(st.sampled_from(["replace", "drop", "insert", "double"]))
        if edit == "replace":
            text = text[:i] + char + text[i + 1 :]
        elif edit == "drop":
            text = text[:i] + text[i + 1 :]
        elif edit == "insert":
            text = text[:i] + char + text[i:]
        else:
            text = text[:i] + text[i : i + 1] * 2 + text[i + 1 :]
    return text


def digits(low: int, high: int, width: int = 2) -> st.SearchStrategy[str]:
    return st.integers(low, high).map(lambda n: str(n).zfill(width))


#: Times built from parts, each near or past its limits (hour 24, the 31st of April, year 0).
BUILT_TIMES = st.builds(
    "{}-{}-{}{}{}:{}:{}{}{}".format,
    st.one_of(digits(0, 9999, 4), st.sampled_from(["0000", "0300", "0400", "-001", "99999"])),
    digits(0, 13),
    digits(0, 32),
    st.sampled_from(["T", "T", "T", " ", "t", "TT", "T "]),
    digits(0, 25),
    digits(0, 60),
    digits(0, 60),
    st.one_of(
        st.just(".").map(lambda dot: dot + "123"),
        st.sampled_from(["", ".", ".1", ".12", ".1234", ".12 ", ". 12", ".999"]),
    ),
    st.sampled_from(["Z", "Z", "z", "", "+00:00", "Z ", " Z", "ZZ", "Z\x00", "Z\x00x", "-01:00"]),
)
TEXTS = st.one_of(
    VALID_TIMES,
    BUILT_TIMES,
    mutated(VALID_TIMES),
    VALID_TIMES.map(lambda t: t[:10]),
    mutated(VALID_TIMES.map(lambda t: t[:10])),
    BUILT_TIMES.map(lambda t: t[:10]),
    BUILT_TIMES.map(lambda t: t[11:16]),
    mutated(st.just("09:30")),
    st.sampled_from(NOTE_KINDS),
    mutated(st.sampled_from(NOTE_KINDS)),
    st.lists(st.text(max_size=3), max_size=3).map(json.dumps),
    mutated(st.lists(st.sampled_from(["a", "b1"]), max_size=3).map(json.dumps)),
    st.text(max_size=30),
    st.text(alphabet=NEAR_CHARS, max_size=26),
)
VALUES: st.SearchStrategy[Any] = st.one_of(
    TEXTS,
    TEXTS.map(lambda t: t.encode()),  # a BLOB holding the bytes of a text
    TEXTS.map(lambda t: Broken(t.encode() + b"\xff")),
    TEXTS.map(lambda t: Broken(b"\xc3" + t.encode())),
    st.integers(-(2**63), 2**63 - 1),
    st.sampled_from([0, 1, 2, -1]),
    st.floats(allow_nan=False),
    st.none(),
)


def stored(values: list[Any]) -> sqlite3.Connection:
    """A table of one untyped column holding ``values`` as they are (a TEXT column's damaged
    cells can hold any storage class)."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.text_factory = rows.decode_text
    conn.execute("CREATE TABLE t (v)")
    for value in values:
        marker = "CAST(? AS TEXT)" if isinstance(value, Broken) else "?"
        conn.execute(
            f"INSERT INTO t VALUES ({marker})",
            (bytes(value) if isinstance(value, Broken) else value,),
        )
    return conn


def refuses(check: rows.Convert, value: Any) -> bool:
    try:
        check(value)
    except rows._Wrong:
        return True
    return False


@settings(max_examples=800, deadline=None)
@given(values=st.lists(VALUES, min_size=1, max_size=12))
@example(
    values=["2026-02-29T14:03:22.123Z", "0300-02-29T00:00:00.000Z", "2026-04-31T00:00:00.000Z"]
)
@example(
    values=["2026-01-01T24:00:00.000Z", "0000-01-01T00:00:00.000Z", "2026-01-01T00:00:00.1  Z"]
)
@example(values=["2026-01-01T00:00:00.000z", "2026-01-01 00:00:00.000Z", Broken(b"\xc3026-01-01")])
def test_every_check_in_sql_flags_every_value_python_refuses(values: list[Any]) -> None:
    conn = stored(values)
    read = [row[0] for row in conn.execute("SELECT v FROM t ORDER BY rowid")]
    for name, (check, finds_broken_text) in CHECKS.items():
        flagged = {
            rowid
            for (rowid,) in conn.execute(f"SELECT rowid FROM t WHERE {rows._sql_for(check, 'v')}")
        }
        for rowid, value in enumerate(read, start=1):
            if isinstance(value, rows.Undecodable) and not finds_broken_text:
                continue  # validation._not_utf8's to find
            if refuses(check, value):
                assert rowid in flagged, f"{name}: {value!r} is refused but not flagged"


def calendar(years: range | list[int], hours: tuple[str, ...]) -> list[str]:
    return [
        f"{year:04d}-{month:02d}-{day:02d}T{hour}:59:59.999Z"
        for year in years
        for month in range(0, 14)
        for day in range(0, 33)
        for hour in hours
    ]


@pytest.mark.parametrize(
    ("years", "hours"),
    [
        (range(2000, 2400), ("00", "24")),  # a whole cycle of the Gregorian calendar
        ([0, 1, 2, 3, 4, 99, 100, 200, 299, 300, 301, 399, 400, 401, 1582, 1900, 9998, 9999],
         ("00", "23", "24")),
    ],
)  # fmt: skip
def test_well_shaped_times_are_flagged_when_python_refuses_them_and_only_then(
    years: range | list[int], hours: tuple[str, ...]
) -> None:
    values = calendar(years, hours)
    conn = stored(values)
    condition = rows._sql_for(rows._timestamp, "v")
    flagged = {value for (value,) in conn.execute(f"SELECT v FROM t WHERE {condition}")}
    refused = {value for value in values if refuses(rows._timestamp, value)}
    assert refused <= flagged
    assert {value for value in flagged - refused if value >= "0400"} == set()


@pytest.fixture(scope="module")
def note_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("notes") / "notes.workshop"
    with Document.create(path, EventBundle(event=Event(title="Times"))) as doc:
        doc.add(Note(text="One"))
    return path


@settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(created=VALUES, updated=st.one_of(st.just("same"), VALUES))
def test_a_note_whose_times_are_the_same_or_not_is_flagged_if_refused(
    note_file: Path, created: Any, updated: Any
) -> None:
    """``suspect_sql`` checks an ``updated_at`` the same as the row's ``created_at`` once."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    source = sqlite3.connect(note_file)
    source.backup(conn)
    source.close()
    conn.text_factory = rows.decode_text
    updated = created if updated == "same" else updated
    cells = []
    for value in (created, updated):
        cells.append("CAST(? AS TEXT)" if isinstance(value, Broken) else "?")
    params = tuple(bytes(v) if isinstance(v, Broken) else v for v in (created, updated))
    try:
        conn.execute(f"UPDATE note SET created_at = {cells[0]}, updated_at = {cells[1]}", params)
    except sqlite3.IntegrityError:  # NULL where the schema refuses it
        return
    conn.row_factory = sqlite3.Row
    row = conn.execute("SELECT * FROM note").fetchone()
    try:
        rows.from_row(Note, row)
    except rows.BadRow:
        assert conn.execute(f"SELECT count(*) FROM note WHERE {rows.suspect_sql(Note)}").fetchone()[
            0
        ]
        assert validation.scan(conn)
    else:
        assert validation.scan(conn) == []


def test_a_time_before_the_year_400_is_flagged_for_python_to_decide() -> None:
    conn = stored(
        ["0300-02-29T00:00:00.000Z", "0399-12-31T00:00:00.000Z", "0400-01-01T00:00:00.000Z"]
    )
    condition = rows._sql_for(rows._timestamp, "v")
    flagged = [value for (value,) in conn.execute(f"SELECT v FROM t WHERE {condition} ORDER BY v")]
    assert flagged == ["0300-02-29T00:00:00.000Z", "0399-12-31T00:00:00.000Z"]
    assert refuses(rows._timestamp, "0300-02-29T00:00:00.000Z")
    assert not refuses(rows._timestamp, "0399-12-31T00:00:00.000Z")
