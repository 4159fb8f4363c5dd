"""Checking a document's content before it is used: its tables and columns, its one event, and
every row. SQLite's integrity_check says the file is sound; this says it is a workshop document
whose records can be read.

Read-only throughout: a file refused here is left as it was. What is wrong with the file as a
whole (a table or column missing, no event, a foreign schema under our application id) refuses
it with the usual "damaged" message. A row that cannot become a record (a note whose text is a
BLOB) is set aside: the document opens read-only without it, and ``SetAside`` names it.

The expected schema is derived from the code that reads the file (the record dataclasses and the
run state's columns), so a column a later migration adds is expected as soon as its field exists;
a test checks that applying every migration gives exactly those tables and columns.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from workshop_app.domain.errors import DocumentError
from workshop_app.domain.records import Event, Record
from workshop_app.i18n import N_, _, n_
from workshop_app.storage import handout, run_state
from workshop_app.storage.rows import (
    COLUMNS,
    EXTRA_COLUMNS,
    NAMES,
    TABLES,
    BadRow,
    decode_text,
    field_name,
    from_row,
    suspect_sql,
    text_columns,
)

#: The columns of ``field_history`` (the texts that lost a merge: conflicts.py).
HISTORY_COLUMNS = ("record_kind", "record_id", "field", "value", "updated_at", "device_id")
#: How many set-aside records a message lists before "and N more".
LISTED = 10
#: The second sentence of every damaged-file refusal.
RESTORE_HINT = N_("It has not been changed; File ▸ Restore from Backup… may hold a recent copy.")


def damaged(name: str, what: str) -> DocumentError:
    """The refusal of a damaged file, saying ``what`` is wrong."""
    first = _("“{name}” is damaged and cannot be opened ({what}).").format(name=name, what=what)
    return DocumentError(f"{first} {_(RESTORE_HINT)}")


@dataclass(frozen=True)
class SetAside:
    """A record that could not be read: what it is, its id (if readable), why, and the
    readable words of it (a note's text when only its kind is damaged), so a person can tell
    which one it is."""

    kind: str
    record_id: str
    reason: str
    preview: str = ""

    def describe(self) -> str:
        """'note “We need more time…” (id 1b2c…): its text is stored as raw bytes, not text'"""
        values = {
            "kind": _(self.kind),  # an N_ name of rows.NAMES
            "preview": self.preview,
            "id": self.record_id[:8],
            "reason": self.reason,
        }
        if self.preview and self.record_id:
            # Translators: a record that could not be read: 'note “We need…” (id 1b2c3d4e): why'
            return _("{kind} “{preview}” (id {id}): {reason}").format(**values)
        if self.preview:
            return _("{kind} “{preview}”: {reason}").format(**values)
        if self.record_id:
            return _("{kind} (id {id}): {reason}").format(**values)
        return _("{kind}: {reason}").format(**values)


def describe_all(items: list[SetAside] | tuple[SetAside, ...]) -> list[str]:
    """One line per set-aside record, at most ``LISTED``, then "and N more"."""
    lines = [item.describe() for item in items[:LISTED]]
    if len(items) > LISTED:
        lines.append(n_("and %n more", "and %n more", len(items) - LISTED))
    return lines


def expected_schema() -> dict[str, tuple[str, ...]]:
    """Every table the app reads, with the columns it reads or writes."""
    schema = {TABLES[kind]: COLUMNS[kind] + EXTRA_COLUMNS for kind in TABLES}
    schema[run_state.TABLE] = run_state.ALL_COLUMNS
    schema["field_history"] = HISTORY_COLUMNS
    schema[handout.TABLE] = handout.COLUMNS
    return schema


def inspect(conn: sqlite3.Connection, name: str) -> list[SetAside]:
    """Check the schema and the event (raising DocumentError for ``name``), then every row:
    the rows that cannot be read, set aside. Only reads."""
    check_tables(conn, name)
    return scan(conn)


def check_tables(conn: sqlite3.Connection, name: str) -> None:
    """The schema and the event row (raising DocumentError for ``name``): the quick checks,
    without reading every row."""
    conn.text_factory = decode_text
    check_schema(conn, name)
    check_event(conn, name)


def scan_rows(conn: sqlite3.Connection) -> list[SetAside]:
    """``scan`` on a connection of its own (a worker thread's)."""
    conn.text_factory = decode_text
    return scan(conn)


def check_schema(conn: sqlite3.Connection, name: str) -> None:
    expected = expected_schema()
    tables = {
        row[0]
        for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if isinstance(row[0], str)
    }
    if not tables & set(TABLES.values()):
        raise damaged(
            name,
            _("it holds none of a workshop document's tables; another program may have made it"),
        )
    for table, columns in expected.items():
        if table not in tables:
            raise damaged(name, _("the table “{table}” is missing").format(table=table))
        present = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        for column in columns:
            if column not in present:
                raise damaged(
                    name,
                    _("the table “{table}” has no column “{column}”").format(
                        table=table, column=column
                    ),
                )


def check_event(conn: sqlite3.Connection, name: str) -> None:
    conn.row_factory = sqlite3.Row
    rows = conn.execute("SELECT * FROM event LIMIT 2").fetchall()
    if not rows:
        raise damaged(name, _("the event itself is missing: its row was deleted"))
    if len(rows) > 1:
        raise damaged(name, _("it holds more than one event"))
    try:
        from_row(Event, rows[0])
    except BadRow as bad:
        raise damaged(
            name,
            # Translators: "the event's date is not a date in the form YYYY-MM-DD"
            _("the event's {field} {reason}").format(
                field=field_name(bad.field), reason=bad.reason
            ),
        ) from None


def scan(conn: sqlite3.Connection) -> list[SetAside]:
    """Every row (tombstoned ones too) that cannot become a record, in display order.

    SQLite flags the rows that may be wrong in one pass over each table (``suspect_sql``, made
    from the same field types as ``from_row``, beside every text value's bytes for Python to
    decode: ``_flag``); only those rows are read into Python and checked by ``from_row``,
    which gives the reason."""
    conn.row_factory = sqlite3.Row
    utf8 = conn.execute("PRAGMA encoding").fetchone()[0] == "UTF-8"
    found: list[SetAside] = []
    for kind, table in TABLES.items():
        if kind is Event:
            continue
        if utf8:
            flagged = _flag(conn, kind, table)
            if not flagged:
                continue
            where = f"rowid IN ({flagged})"
        else:  # the bytes are UTF-16: let Python read every row
            where = "1"
        query = f"SELECT * FROM {table} NOT INDEXED WHERE {where} ORDER BY position, rowid"
        for row in conn.execute(query):
            try:
                from_row(kind, row)
            except BadRow as bad:
                found.append(_set_aside(NAMES[kind], row, bad))
    return found


def _flag(conn: sqlite3.Connection, kind: type[Record], table: str) -> str:
    """The rowids (as SQL) of the rows of ``table`` that ``from_row`` may refuse: those
    ``suspect_sql`` flags and those with a text value that is not UTF-8 (``_not_utf8``),
    found in one pass over the table."""
    columns = text_columns(kind)
    suspects = f"group_concat(CASE WHEN {suspect_sql(kind)} THEN rowid END)"
    # NOT INDEXED here and wherever a row is read: see _not_utf8.
    row = conn.execute(f"SELECT {suspects}, {_pieces(columns)} FROM {table} NOT INDEXED").fetchone()
    rowids = set(row[0].split(",")) if row[0] else set()
    rowids.update(_broken_rowids(conn, table, _broken(columns, row[1:])))
    return ", ".join(sorted(rowids))


def _not_utf8(conn: sqlite3.Connection, kind: type[Record], table: str) -> str:
    """The rowids (as SQL) of rows of ``table`` with a text value that is not UTF-8. Each
    column's values in one piece first (an ASCII separator keeps one value's broken bytes from
    completing another's, so the piece decodes only if every value does); row by row if not."""
    columns = text_columns(kind)
    # NOT INDEXED: read the table itself. A query of one column can be answered from that
    # column's index, whose copy of a value a damaged table page no longer matches (quick_check
    # does not compare them), and the record read later comes from the table.
    row = conn.execute(f"SELECT {_pieces(columns)} FROM {table} NOT INDEXED").fetchone()
    return ", ".join(sorted(_broken_rowids(conn, table, _broken(columns, row))))


def _pieces(columns: tuple[str, ...]) -> str:
    """Each column's values in one piece, as bytes (the aggregates of ``_not_utf8``), joined
    by group_concat's own comma: a separator given as ``char(10)`` is worked out again for
    every value, which doubled the cost."""
    return ", ".join(f"CAST(group_concat({c}) AS BLOB)" for c in columns)


def _broken(columns: tuple[str, ...], pieces: Sequence[bytes | None]) -> list[str]:
    """The columns whose piece is not UTF-8."""
    broken = []
    for column, piece in zip(columns, pieces, strict=True):
        try:
            (piece or b"").decode("utf-8")
        except UnicodeDecodeError:
            broken.append(column)
    return broken


def _broken_rowids(conn: sqlite3.Connection, table: str, broken: list[str]) -> set[str]:
    """The rowids (as text) of the rows of ``table`` whose value in a ``broken`` column is not
    UTF-8, row by row."""
    bad = set()
    for column in broken:
        query = (
            f"SELECT rowid, CAST({column} AS BLOB) FROM {table} NOT INDEXED "
            f"WHERE typeof({column}) = 'text'"
        )
        for rowid, value in conn.execute(query):
            try:
                value.decode("utf-8")
            except UnicodeDecodeError:
                bad.add(str(int(rowid)))
    return bad


def _set_aside(kind: str, row: sqlite3.Row, bad: BadRow) -> SetAside:
    record_id = row["id"] if isinstance(row["id"], str) else ""
    preview = ""
    for field in ("text", "title", "name"):
        value = row[field] if field in row.keys() and field != bad.field else None
        if isinstance(value, str) and value.strip():
            preview = " ".join("".join(c for c in value if c.isprintable() or c.isspace()).split())
            preview = preview if len(preview) <= 40 else preview[:39] + "…"
            break
    return SetAside(kind, record_id, str(bad), preview)
