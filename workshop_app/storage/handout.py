"""Handing out copies of an event, one laptop per table, and the settings each copy keeps.

A copy is the whole event (SQLite backup API) plus two settings of its own in ``file_setting``,
a table no merge reads, so they stay with that one file:

- ``device_id``: a fresh laptop identity for the copy. Every record it changes is stamped with
  it (``Document.device_id`` prefers it to the user data folder's), so two copies of one file
  opened on one laptop are still two laptops to a merge.
- ``capture_table``: the table (a group id) the copy opens on, in Capture.

``write_copies`` writes every copy to a temporary file in the folder (fsynced), and only once
all are whole renames them into place: a full disk, a pulled USB stick or a folder that cannot
be written gives one ``DocumentError`` and leaves nothing behind.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from workshop_app.domain.errors import DocumentError
from workshop_app.i18n import _
from workshop_app.storage import files

#: The table of this file's own settings, and its columns (the schema check asks for them).
TABLE = "file_setting"
COLUMNS = ("key", "value")
DEVICE, CAPTURE_TABLE = "device_id", "capture_table"
FINE_FINDINGS = "fine_findings"  # personal data the organiser marked fine (a JSON list)
SUFFIX = ".workshop"
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def read(conn: sqlite3.Connection, key: str) -> str | None:
    """The setting ``key`` of the file on ``conn`` (None if unset, or a file without the table:
    one opened before it was migrated)."""
    try:
        row = conn.execute(f"SELECT value FROM {TABLE} WHERE key = ?", (key,)).fetchone()
    except sqlite3.OperationalError:
        return None
    value = row[0] if row is not None else None
    return value if isinstance(value, str) and value else None


def read_list(conn: sqlite3.Connection, key: str) -> list[str]:
    """The setting ``key`` read as a JSON list of texts ([] if unset or not such a list)."""
    try:
        value = json.loads(read(conn, key) or "[]")
    except ValueError:
        return []
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def write(conn: sqlite3.Connection, key: str, value: str | None) -> None:
    """Set (or with None, clear) the setting ``key``; call inside the caller's transaction."""
    if value is None:
        conn.execute(f"DELETE FROM {TABLE} WHERE key = ?", (key,))
    else:
        conn.execute(f"INSERT OR REPLACE INTO {TABLE} (key, value) VALUES (?, ?)", (key, value))


@dataclass(frozen=True)
class Copy:
    """One copy to write: its file name and the table it opens on (None: it asks)."""

    name: str
    table_id: str | None = None


def safe_stem(text: str) -> str:
    """``text`` as part of a file name: 'Day: plans' -> 'Day - plans'."""
    stem = _UNSAFE.sub(" - ", text).strip(" .-")
    return re.sub(r"\s+", " ", stem)[:80].strip()


def plan(title: str, tables: Sequence[tuple[str, str]] = (), count: int = 0) -> list[Copy]:
    """The copies to write: one per table (``(id, name)`` pairs), named for a person ("NHS AI
    strategy – Table 2.workshop"), or else ``count`` copies ("… – Laptop 1.workshop") that ask
    for their table on the first note."""
    event = safe_stem(title) or _("Untitled event")
    labels = [(table_id, safe_stem(name) or _("Unnamed table")) for table_id, name in tables]
    if not labels:
        laptop = _("Laptop {number}")
        labels = [(None, laptop.format(number=n)) for n in range(1, count + 1)]  # type: ignore[misc]
    copies, used = [], set()
    for table_id, label in labels:
        name, n = f"{event} – {label}{SUFFIX}", 1
        while name.lower() in used:  # two tables of one name still get two files
            n += 1
            name = f"{event} – {label} ({n}){SUFFIX}"
        used.add(name.lower())
        copies.append(Copy(name, table_id))
    return copies


def write_copies(source: sqlite3.Connection, folder: Path, copies: Sequence[Copy]) -> list[Path]:
    """Write ``copies`` of the database on ``source`` into ``folder``, each with a fresh device
    id and its table. All or nothing: raises DocumentError (nothing left in the folder) if one
    cannot be written, or if a file of one of those names is already there (a laptop may have
    typed into it: it is never replaced)."""
    from uuid import uuid4  # not at import: uuid (and platform) are not needed to open

    folder = Path(folder)
    if not folder.is_dir():
        raise DocumentError(
            _(
                "The folder “{folder}” is not there (was a USB stick removed?). "
                "Nothing was written."
            ).format(folder=folder)
        )
    targets = [folder / copy.name for copy in copies]
    there = [target.name for target in targets if os.path.lexists(target)]
    if there:
        raise DocumentError(
            _(
                "“{name}” is already in “{folder}”: copies are never written over "
                "(a laptop may have notes in it). Choose another folder, or move the old copies "
                "away. Nothing was written."
            ).format(name=there[0], folder=folder.name or folder)
        )
    temporaries: list[Path] = []
    placed: list[Path] = []
    try:
        for copy, target in zip(copies, targets, strict=True):
            tmp = folder / f".{target.name}.{uuid4().hex[:8]}.tmp"
            temporaries.append(tmp)
            _write_one(source, tmp, copy.table_id)
        for tmp, target in zip(temporaries, targets, strict=True):
            files.replace_durably(tmp, target)
            placed.append(target)
    except (OSError, sqlite3.Error) as exc:
        for path in (*temporaries, *placed):
            for leftover in (path, path.with_name(path.name + "-journal")):
                try:
                    leftover.unlink(missing_ok=True)
                except OSError:
                    pass
        raise DocumentError(
            _(
                "The copies could not be written into “{folder}”: {why}. Nothing was written."
            ).format(folder=folder, why=files.write_failure(exc))
        ) from None
    return targets


def _write_one(source: sqlite3.Connection, tmp: Path, table_id: str | None) -> None:
    from uuid import uuid4

    copy = sqlite3.connect(tmp, isolation_level=None)
    try:
        source.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")  # one file, nothing beside it
        copy.execute("PRAGMA synchronous=FULL")
        copy.execute("BEGIN IMMEDIATE")
        write(copy, DEVICE, str(uuid4()))
        write(copy, CAPTURE_TABLE, table_id)
        copy.execute("COMMIT")
    finally:
        copy.close()
    with open(tmp, "rb+") as handle:
        os.fsync(handle.fileno())
