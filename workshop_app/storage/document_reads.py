"""Reading an open event document: the records as typed objects, in display order.

``DocumentReads`` is the first layer of ``Document`` (``document.py``): every query of the
file, none of which writes. Records set aside as unreadable when the file was opened (a damaged
file) are left out of every read.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.errors import NotFoundError
from workshop_app.domain.records import (
    AgendaItem,
    Event,
    Group,
    Note,
    Question,
    Record,
    Speaker,
    Theme,
)
from workshop_app.i18n import _, n_
from workshop_app.storage import bulk, run_state
from workshop_app.storage.rows import (
    COLUMNS,
    NAMES,
    TABLES,
    BadRow,
    field_values,
    from_row,
    missing_message,
    unreadable,
)
from workshop_app.storage.validation import SetAside, damaged

if TYPE_CHECKING:  # domain.run is imported by the Run page, after the first frame
    from workshop_app.domain.run import RunState

R = TypeVar("R", bound=Record)


class DocumentReads:
    """The reading layer of ``Document``: what its ``__init__`` sets, and every query."""

    path: Path
    #: Records that could not be read (a damaged file): left out of every read, and the
    #: document is read-only, so nothing can be written over them.
    set_aside: tuple[SetAside, ...]
    readonly: bool
    _conn: sqlite3.Connection
    _event_id: str

    def readonly_reason(self) -> str:
        """Why this document cannot be changed, for a person."""
        if self.set_aside:
            return _("{damage}, so it is open read-only.").format(damage=self.damage())
        return _("“{name}” is open read-only.").format(name=self.path.name)

    def damage(self) -> str:
        """ "“x.workshop” is damaged: 2 records could not be read and are left out" ("" if
        every record was read)."""
        count = len(self.set_aside)
        if not count:
            return ""
        return n_(
            "“{name}” is damaged: %n record could not be read and is left out",
            "“{name}” is damaged: %n records could not be read and are left out",
            count,
        ).format(name=self.path.name)

    @property
    def event_id(self) -> str:
        return self._event_id

    def event(self) -> Event:
        row = self._conn.execute("SELECT * FROM event WHERE id = ?", (self._event_id,)).fetchone()
        return self._record(Event, row)

    def select(self, kind: type[R], /, *, include_deleted: bool = False, **where: Any) -> list[R]:
        """Records of ``kind`` in display order; ``where`` filters by equal field values
        (``None`` matches NULL). ``kind`` is positional-only so ``kind="quote"`` can filter.
        Records set aside as unreadable are left out."""
        sql, params = self._sql(kind, include_deleted, where)
        records = []
        for row in self._conn.execute(sql + " ORDER BY position, rowid", params):
            try:
                records.append(self._record(kind, row))
            except NotFoundError:
                continue
        return records

    def count(self, kind: type[Record], /, *, include_deleted: bool = False, **where: Any) -> int:
        if self.set_aside:  # count what select() gives
            return len(self.select(kind, include_deleted=include_deleted, **where))
        sql, params = self._sql(kind, include_deleted, where, columns="COUNT(*)")
        return int(self._conn.execute(sql, params).fetchone()[0])

    def get(self, kind: type[R], record_id: str) -> R:
        """The record with this id, tombstoned or not. Raises NotFoundError."""
        row = self._conn.execute(
            f"SELECT * FROM {TABLES[kind]} WHERE id = ?", (record_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(missing_message(kind, record_id))
        return self._record(kind, row)

    def _record(self, kind: type[R], row: sqlite3.Row) -> R:
        """The record in ``row``; NotFoundError for a row set aside when the file was opened."""
        try:
            return from_row(kind, row)
        except BadRow as bad:
            if self.set_aside and kind is not Event:
                raise NotFoundError(
                    _("This {kind} could not be read from “{name}” ({reason}).").format(
                        kind=_(NAMES[kind]), name=self.path.name, reason=bad
                    )
                ) from None
            reason = _("a {kind} was changed into one that cannot be read: {reason}").format(
                kind=_(NAMES[kind]), reason=bad
            )
            raise damaged(self.path.name, reason) from None

    def records(self, kind: type[R], ids: list[str]) -> list[R]:
        """The records with these ids (tombstoned or not), in the order asked, read in a few
        queries. Raises NotFoundError if one is missing."""
        found: dict[str, R] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            for row in self._conn.execute(
                f"SELECT * FROM {TABLES[kind]} WHERE id IN ({marks})", chunk
            ):
                found[row["id"]] = from_row(kind, row)
        missing = [rid for rid in ids if rid not in found]
        if missing:
            raise NotFoundError(missing_message(kind, missing[0]))
        return [found[rid] for rid in ids]

    def field_values(
        self, kind: type[R], ids: list[str], names: tuple[str, ...]
    ) -> dict[str, dict[str, Any]]:
        """``{id: {field: value}}`` for a few fields of several records (the before-values an
        undo needs), read without building whole records. Raises NotFoundError if one is
        missing."""
        unknown = set(names) - set(COLUMNS[kind])
        if unknown:
            raise ValueError(f"{kind.__name__} has no field(s) {', '.join(sorted(unknown))}")
        columns = ", ".join(("id", *names))
        found: dict[str, dict[str, Any]] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            for row in self._conn.execute(
                f"SELECT {columns} FROM {TABLES[kind]} WHERE id IN ({marks})", chunk
            ):
                try:
                    found[row["id"]] = field_values(kind, names, row)
                except BadRow as bad:
                    raise damaged(self.path.name, unreadable(kind, bad)) from None
        missing = [rid for rid in ids if rid not in found]
        if missing:
            raise NotFoundError(missing_message(kind, missing[0]))
        return found

    def index_of(self, kind: type[Record], record_id: str) -> int:
        """Display index of a live record among the live records of its kind."""
        if self.set_aside:
            return [record.id for record in self.select(kind)].index(record_id)
        ids = [
            r[0]
            for r in self._conn.execute(
                f"SELECT id FROM {TABLES[kind]} WHERE deleted = 0 ORDER BY position, rowid"
            )
        ]
        return ids.index(record_id)

    def bundle(self) -> EventBundle:
        """The whole live event, in display order (for export)."""
        return EventBundle(
            event=self.event(),
            speakers=tuple(self.select(Speaker)),
            questions=tuple(self.select(Question)),
            groups=tuple(self.select(Group)),
            agenda=tuple(self.select(AgendaItem)),
            themes=tuple(self.select(Theme)),
            notes=tuple(self.select(Note)),
        )

    def grouped_values(
        self, kind: type[R], ids: Iterable[str], names: Iterable[str]
    ) -> list[tuple[dict[str, Any], list[str]]]:
        """The values of a few fields of several records, as groups of records sharing them:
        ``[({field: value}, [id, ...]), ...]`` (the before-values an undo of a bulk change
        needs, read in SQL). Raises NotFoundError if a record is missing."""
        return bulk.grouped_values(self._conn, self.path.name, kind, list(ids), tuple(names))

    def run_state(self) -> RunState:
        """Where the run is (Run mode): the countdown a restart resumes."""
        return run_state.read(self._conn)

    def _sql(
        self, kind: type[Record], include_deleted: bool, where: dict[str, Any], columns: str = "*"
    ) -> tuple[str, list[Any]]:
        clauses: list[str] = [] if include_deleted else ["deleted = 0"]
        params: list[Any] = []
        for name, value in where.items():
            if name not in COLUMNS[kind]:
                raise ValueError(f"{kind.__name__} has no field {name}")
            if value is None:
                clauses.append(f"{name} IS NULL")
            else:
                clauses.append(f"{name} = ?")
                params.append(value)
        sql = f"SELECT {columns} FROM {TABLES[kind]}"
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        return sql, params
