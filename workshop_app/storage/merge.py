"""Merging other laptops' files of the same event into this one: order-free and idempotent.

Records are matched by id and merged field by field: each field's newest stamp wins (its time,
then the device id, then a hash of the value: ``clocks``), so a theme set on the Board and a
typo fixed at the table both survive. ``deleted`` and ``position`` are fields like the others,
so a delete is not undone by an older copy, and an order changed on one laptop carries over.
When one text was edited on two laptops, the losing text is kept in ``field_history``
(``Document.conflicts``). Records only the other file has come in by one ``INSERT ... SELECT``.

Every source is checked first (same event, not newer, not damaged) and copied aside with the
SQLite backup API, so it is read once as it was and nothing is written beside it; any refusal
refuses the whole merge before anything is changed. The copies are attached to the document's
connection and merged in one transaction.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workshop_app.domain.errors import DocumentError, different_event
from workshop_app.domain.records import Record
from workshop_app.i18n import _, n_
from workshop_app.storage import clocks, files, inspection, opening
from workshop_app.storage.conflicts import TEXT_FIELDS
from workshop_app.storage.rows import COLUMNS, NAMES, TABLES
from workshop_app.storage.schema import SCHEMA_VERSION

#: SQLite attaches at most 10 databases; sources beyond this many are folded together first.
ATTACH_AT_ONCE = 8
_BOOKKEEPING = ("id", "created_at", "updated_at", "device_id")
#: A losing text is kept once, with the newest stamp it was written with: so the kept texts
#: are the same whichever order files are merged in.
_KEEP_NEWEST = (
    "ON CONFLICT (record_id, field, value) DO UPDATE SET updated_at = excluded.updated_at, "
    "device_id = excluded.device_id WHERE (excluded.updated_at, excluded.device_id) > "
    "(field_history.updated_at, field_history.device_id)"
)


@dataclass
class MergeResult:
    """What a merge brought in: new records by kind, ids of records changed by kind, the laptops
    (device ids) the new and winning changes came from, and the losing texts kept."""

    added: Counter[str] = field(default_factory=Counter)
    changed: dict[str, set[str]] = field(default_factory=dict)
    devices: set[str] = field(default_factory=set)
    conflicts: int = 0

    def summary(self) -> str:
        """ "+38 notes, +1 theme from 3 laptops, 4 records updated, 2 conflicts kept"."""
        parts = [_added(kind, n) for kind, n in _ordered(self.added)]
        changed = sum(len(ids) for ids in self.changed.values())
        if changed and not parts:  # "1 record updated from 1 laptop", not "Nothing new from"
            parts, changed = [n_("%n record updated", "%n records updated", changed)], 0
        text = ", ".join(parts) if parts else nothing_new()
        if self.devices:
            text = n_("{changes} from %n laptop", "{changes} from %n laptops", len(self.devices))
            text = text.format(changes=", ".join(parts) if parts else nothing_new())
        if changed:
            text += ", " + n_("%n record updated", "%n records updated", changed)
        if self.conflicts:
            text += ", " + n_("%n conflict kept", "%n conflicts kept", self.conflicts)
        return text


def nothing_new() -> str:
    """What ``MergeResult.summary`` says when nothing came in."""
    return _("Nothing new")


def _added(kind: str, n: int) -> str:
    """ "+38 notes": ``kind`` is a record kind's English name (rows.NAMES)."""
    if kind == "event":
        return n_("+%n event", "+%n events", n)
    if kind == "speaker":
        return n_("+%n speaker", "+%n speakers", n)
    if kind == "question":
        return n_("+%n question", "+%n questions", n)
    if kind == "table":
        return n_("+%n table", "+%n tables", n)
    if kind == "agenda item":
        return n_("+%n agenda item", "+%n agenda items", n)
    if kind == "theme":
        return n_("+%n theme", "+%n themes", n)
    return n_("+%n note", "+%n notes", n)


def _ordered(counts: Counter[str]) -> list[tuple[str, int]]:
    order = [NAMES[kind] for kind in TABLES]
    return sorted(((k, n) for k, n in counts.items() if n), key=lambda kn: order.index(kn[0]))


def merge_into(
    conn: sqlite3.Connection,
    event_id: str,
    sources: Sequence[Path],
    begin: Any,
    refused: list[tuple[Path, str]] | None = None,
    *,
    checked: bool = False,
) -> MergeResult:
    """Merge ``sources`` into the database on ``conn`` (whose event is ``event_id``).
    ``begin()`` is a context manager making one transaction (``Document.transaction``).
    Raises DocumentError, with nothing changed, if a source is refused; with a ``refused``
    list, a refused source is added to it with the reason instead and the others merge.
    ``checked``: the sources are copies ``stage_source`` made (checked already, in the current
    format) of snapshots in a shared folder: merged as they are, and committed without waiting
    for the disk (``synchronous=NORMAL``; the next ordinary write syncs it, and until then
    what came in is still in the folder, merged again if lost): the UI thread waits less."""
    result = MergeResult()
    if checked:
        level = conn.execute("PRAGMA synchronous").fetchone()[0]
        conn.execute("PRAGMA synchronous=NORMAL")
        try:
            _merge_attached(conn, [Path(s) for s in sources], result, begin)
        finally:
            conn.execute(f"PRAGMA synchronous={int(level)}")
        return result
    with tempfile.TemporaryDirectory(prefix="workshop-merge-") as folder:
        staged: list[_Staged] = []
        for i, source in enumerate(sources):
            try:
                staged.append(_stage(Path(source), event_id, Path(folder) / str(i)))
            except DocumentError as exc:
                if refused is None:
                    raise
                refused.append((Path(source), str(exc)))
        with ThreadPoolExecutor(max_workers=2, thread_name_prefix="merge-check") as pool:
            for one in staged:
                one.start_checks(pool)
            while staged:
                try:
                    return _merge_staged(conn, staged, begin)
                except _Refused as refusal:
                    if refused is None:
                        raise refusal.error from None
                    refused.append((refusal.source, str(refusal.error)))
                    staged.remove(refusal.staged)
    return result


@dataclass
class _Staged:
    """A source checked and copied for merging. ``checks``: its slow checks (integrity_check,
    every row), running in worker threads while it merges; the merge commits only if they
    pass. None: checked already."""

    source: Path
    path: Path
    deferred: bool
    checks: list[Future[None]] | None = None

    def start_checks(self, pool: ThreadPoolExecutor) -> None:
        if self.deferred:
            name = self.source.name
            self.checks = [
                pool.submit(inspection.integrity_check, self.path, name),
                pool.submit(_every_row_readable, self.path, name),
            ]

    def wait(self) -> None:
        """Raises _Refused if a check failed."""
        for check in self.checks or []:
            try:
                check.result()
            except DocumentError as exc:
                raise _Refused(self, exc) from None


class _Refused(Exception):
    def __init__(self, staged: _Staged, error: DocumentError) -> None:
        super().__init__(str(error))
        self.staged, self.source, self.error = staged, staged.source, error


def _every_row_readable(path: Path, name: str) -> None:
    set_aside = inspection.row_scan(path, name)
    if set_aside:
        raise DocumentError(_damaged_source(name, len(set_aside)))


def _merge_staged(conn: sqlite3.Connection, staged: list[_Staged], begin: Any) -> MergeResult:
    """One merge of ``staged`` into ``conn``, committed only once every source's checks have
    passed. Raises _Refused (nothing changed) naming a source that failed them."""
    result = MergeResult()

    def checks_passed() -> None:
        for one in staged:
            one.wait()

    paths = [one.path for one in staged]
    if len(paths) > ATTACH_AT_ONCE:
        checks_passed()  # folded copies are merged into each other: check them first
        while len(paths) > ATTACH_AT_ONCE:  # merge is associative: fold the rest together
            first = sqlite3.connect(paths[0], isolation_level=None)
            try:
                _merge_attached(first, paths[1:ATTACH_AT_ONCE], MergeResult(), _begin(first))
            finally:
                first.close()
            del paths[1:ATTACH_AT_ONCE]
    try:
        _merge_attached(conn, paths, result, begin, before_commit=checks_passed)
    except Exception:
        # A damaged source can fail the merge itself (a page that cannot be read, a value
        # that is not text): say what its checks found, rather than what reading it raised.
        checks_passed()
        raise
    return result


def preview(into: Path, sources: Sequence[Path]) -> MergeResult:
    """What merging ``sources`` into the file ``into`` would bring in, worked out on a copy in
    memory: ``into`` is only read (a dry run)."""
    found = opening.open_for_reading(into)
    memory = sqlite3.connect(":memory:", isolation_level=None)
    try:
        if found.set_aside:
            raise DocumentError(
                n_(
                    "“{name}” is damaged: %n of its records cannot be read.",
                    "“{name}” is damaged: %n of its records cannot be read.",
                    len(found.set_aside),
                ).format(name=into.name)
            )
        event_id = str(found.conn.execute("SELECT id FROM event").fetchone()[0])
        found.conn.backup(memory)
        found.conn.close()
        return merge_into(memory, event_id, sources, _begin(memory))
    finally:
        found.conn.close()
        memory.close()


def _begin(conn: sqlite3.Connection) -> Any:
    import contextlib

    @contextlib.contextmanager
    def transaction() -> Any:
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    return transaction


def _merge_attached(
    conn: sqlite3.Connection,
    staged: list[Path],
    result: MergeResult,
    begin: Any,
    before_commit: Callable[[], None] | None = None,
) -> None:
    names = [f"src{i}" for i in range(len(staged))]
    for name, path in zip(names, staged, strict=True):
        conn.execute(f"ATTACH DATABASE ? AS {name}", (str(path),))
    try:
        with begin():
            for name in names:
                for kind in TABLES:
                    _merge_table(conn, name, kind, result)
                result.conflicts += conn.execute(
                    f"INSERT INTO main.field_history SELECT * FROM {name}.field_history "
                    f"WHERE true {_KEEP_NEWEST}"
                ).rowcount
            if before_commit is not None:
                before_commit()  # raising here rolls the whole merge back
    finally:
        for name in names:
            conn.execute(f"DETACH DATABASE {name}")


def _merge_table(
    conn: sqlite3.Connection, src: str, kind: type[Record], result: MergeResult
) -> None:
    table = TABLES[kind]
    columns = (*COLUMNS[kind], "position", "clock")
    differs = " OR ".join(f"s.{c} IS NOT m.{c}" for c in columns)
    listed = ", ".join(f"s.{c}" for c in columns) + ", " + ", ".join(f"m.{c}" for c in columns)
    pairs = conn.execute(
        f"SELECT {listed} FROM {src}.{table} s JOIN main.{table} m ON m.id = s.id WHERE {differs}"
    ).fetchall()
    width = len(columns)
    for pair in pairs:
        theirs = dict(zip(columns, tuple(pair)[:width], strict=True))
        mine = dict(zip(columns, tuple(pair)[width:], strict=True))
        _merge_record(conn, kind, mine, theirs, result)
    # The new rows are counted after they are in, by the rowids SQLite gives them (after the
    # largest one there): one pass over the source instead of a count and then the insert.
    last = conn.execute(f"SELECT MAX(rowid) FROM main.{table}").fetchone()[0] or 0
    names = ", ".join(columns)
    inserted = conn.execute(
        f"INSERT INTO main.{table} ({names}) SELECT {names} FROM {src}.{table} WHERE true "
        "ON CONFLICT (id) DO NOTHING"
    ).rowcount
    if not inserted:
        return
    new = conn.execute(
        f"SELECT device_id, COUNT(*) FROM main.{table} WHERE rowid > ? GROUP BY device_id",
        (last,),
    ).fetchall()
    if sum(count for _, count in new) != inserted:  # rowids past the largest possible one
        raise DocumentError(_("Could not count the merged records. Nothing was merged."))
    for device, count in new:
        result.added[NAMES[kind]] += count
        result.devices.add(device)


def _merge_record(
    conn: sqlite3.Connection,
    kind: type[Record],
    mine: dict[str, Any],
    theirs: dict[str, Any],
    result: MergeResult,
) -> None:
    merged, winners, losers = merge_rows(kind, mine, theirs)
    for name, value, stamp in losers:
        result.conflicts += conn.execute(
            f"INSERT INTO main.field_history VALUES (?, ?, ?, ?, ?, ?) {_KEEP_NEWEST}",
            (NAMES[kind], mine["id"], name, value, *stamp),
        ).rowcount
    if merged == mine:
        return
    assignments = ", ".join(f"{name} = ?" for name in merged if name != "id")
    conn.execute(
        f"UPDATE main.{TABLES[kind]} SET {assignments} WHERE id = ?",
        (*(v for name, v in merged.items() if name != "id"), mine["id"]),
    )
    if any(merged[name] != mine[name] for name in COLUMNS[kind] if name not in _BOOKKEEPING):
        result.changed.setdefault(NAMES[kind], set()).add(mine["id"])
        result.devices.update(winners)


def merge_rows(
    kind: type[Record], mine: dict[str, Any], theirs: dict[str, Any]
) -> tuple[dict[str, Any], set[str], list[tuple[str, str, clocks.Stamp]]]:
    """Two rows of one record, merged: the row, the devices whose values came from
    ``theirs``, and the losing texts (field, value, stamp) of fields both changed."""
    fields = tuple(name for name in (*COLUMNS[kind], "position") if name not in _BOOKKEEPING)
    ours = clocks.expand(
        clocks.decode(mine["clock"], mine["updated_at"], mine["device_id"]), fields
    )
    other = clocks.expand(
        clocks.decode(theirs["clock"], theirs["updated_at"], theirs["device_id"]), fields
    )
    merged = dict(mine)
    stamps: dict[str, clocks.Stamp] = {}
    winners: set[str] = set()
    losers = []
    for name in fields:
        a, b = mine[name], theirs[name]
        key_a = (*ours[name], clocks.value_hash(a))
        key_b = (*other[name], clocks.value_hash(b))
        if key_b > key_a:
            merged[name], stamps[name] = b, other[name]
            loser, loser_row, loser_stamp = a, mine, ours[name]
            if a != b:
                winners.add(other[name][1])
        else:
            stamps[name] = ours[name]
            loser, loser_row, loser_stamp = b, theirs, other[name]
        if (
            name in TEXT_FIELDS
            and a != b
            and isinstance(loser, str)
            and loser.strip()  # an empty text that lost loses no words: nothing to keep
            and loser_stamp[0] != loser_row["created_at"]
        ):
            losers.append((name, loser, loser_stamp))
    newest = max(stamps.values())
    merged["clock"] = clocks.encode(clocks.compact(stamps))
    merged["updated_at"], merged["device_id"] = newest
    merged["created_at"] = min(mine["created_at"], theirs["created_at"])
    return merged, winners, losers


def stage_source(source: Path, event_id: str, folder: Path) -> Path:
    """``source`` checked and copied into the new folder ``folder`` as a merge would: the copy
    (which the caller may change). Raises DocumentError when the source is refused."""
    staged = _stage(Path(source), event_id, folder)
    if staged.deferred:
        inspection.integrity_check(staged.path, source.name)
        _every_row_readable(staged.path, source.name)
    return staged.path


def _stage(source: Path, event_id: str, folder: Path) -> _Staged:
    """``source`` checked and copied into ``folder`` (in the current format): the file to
    attach. Raises DocumentError for a file of another event, a newer format or a damaged
    file. A file in the current format with no writer is copied whole and only its quick
    checks are made here (``deferred``): its slow ones run while it merges."""
    folder.mkdir()
    staged = folder / "staged.workshop"
    if source.suffix.lower() == ".json":
        from workshop_app.storage.merge_json import stage_json

        stage_json(source, event_id, staged)
        return _Staged(source, staged, deferred=False)
    version = inspection.read_header(source)
    copied = _copy_whole(source, folder / source.name)
    deferred = copied is not None and version == SCHEMA_VERSION
    found = inspection.inspect(copied or source, deep=not deferred)
    try:
        if found.set_aside:
            raise DocumentError(_damaged_source(source.name, len(found.set_aside)))
        theirs = str(found.conn.execute("SELECT id FROM event").fetchone()[0])
        if theirs != event_id:
            raise DocumentError(different_event(source.name))
        if copied is not None and found.version == SCHEMA_VERSION:
            return _Staged(source, copied, deferred)  # what is checked is what is merged
        copy = sqlite3.connect(staged)
        try:
            found.conn.backup(copy)
        finally:
            copy.close()
    finally:
        found.conn.close()
    return _Staged(source, staged, deferred=False)


def _damaged_source(name: str, count: int) -> str:
    return n_(
        "“{name}” is damaged: %n of its records cannot be read. Nothing was merged.",
        "“{name}” is damaged: %n of its records cannot be read. Nothing was merged.",
        count,
    ).format(name=name)


def _copy_whole(source: Path, copy: Path) -> Path | None:
    """A plain copy of ``source`` when the file holds all of itself (no ``-wal`` beside it:
    no writer has it open), else None (then the backup API copies what was checked)."""
    real = Path(os.path.realpath(source))
    if real.with_name(real.name + "-wal").exists() or files.holder_path(real) is not None:
        return None
    try:
        shutil.copyfile(real, copy)
    except OSError as exc:
        raise DocumentError(
            _("“{name}” cannot be read: {reason}.").format(
                name=source.name, reason=files.reason(exc)
            )
        ) from None
    return copy
