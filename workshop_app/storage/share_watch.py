"""Live sharing through a folder, the part without Qt: which of the others' snapshots are new
or changed, and each one made ready to merge off the UI thread.

The window (``ui/laptops/sharing.py``) publishes this snapshot (``snapshots.publish``) a few
seconds after changes and watches the folder. For each other laptop's snapshot that is new or
changed, ``stage`` runs in a worker thread: the snapshot is checked and copied aside exactly as a
merge would (``merge.stage_source``: same event, not newer, not damaged), then every row that the
open file already holds as it is (read through a read-only connection of the worker's own) is
deleted from the copy. What is left is only what may change the open file, so the merge on the
UI thread (``Document.merge`` of that small file, with the same checks and rules) takes a few
milliseconds instead of the ~90 ms a 10,000-note snapshot costs.

Leaving out rows that were equal when the copy was staged is safe even if the open file changes
before the merge: a row's fields only move forward in its clocks, so merging the old equal row
would have kept the newer values anyway.

Nothing here compares another laptop's clock to this one's: a snapshot is "changed" when its
size, modification time or file identity differ from when it was last looked at, so clock skew
between laptops does not hide or repeat a snapshot (the merge rules order the changes).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from workshop_app.domain.records import Record
from workshop_app.i18n import _, n_
from workshop_app.storage import files
from workshop_app.storage.merge import stage_source
from workshop_app.storage.rows import COLUMNS, TABLES
from workshop_app.storage.snapshots import SUFFIX, others

#: What identifies one version of a file: (size, modification time in ns, inode).
Signature = tuple[int, int, int]
_HISTORY = ("record_kind", "record_id", "field", "value", "updated_at", "device_id")


def signature(path: Path) -> Signature | None:
    """The version of ``path`` as the file system tells it, or None if it is gone."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (found.st_size, found.st_mtime_ns, found.st_ino)


def device_of(path: Path) -> str:
    """The device part of a snapshot's name (``<event>.<device>[.sync-conflict-…]<suffix>``)."""
    return path.name.removesuffix(SUFFIX).split(".")[1]


@dataclass
class Watch:
    """What this laptop has seen in the folder: each other snapshot's version when it was last
    merged (or refused), so only a new or changed one is staged again."""

    folder: Path
    event_id: str
    device_id: str
    seen: dict[str, Signature] = field(default_factory=dict)
    devices: set[str] = field(default_factory=set)

    def present(self) -> bool:
        return self.folder.is_dir()

    def due(self, busy: Iterable[str] = ()) -> list[tuple[Path, Signature]]:
        """The other laptops' snapshots that are new or changed since last looked at (not those
        in ``busy``, already being staged). Forgets snapshots that are gone or renamed away."""
        found = others(self.folder, self.event_id, self.device_id)
        names = {path.name for path in found}
        for gone in set(self.seen) - names:
            del self.seen[gone]
        self.devices = {device_of(path) for path in found}
        due = []
        for path in found:
            version = signature(path)
            if version is not None and self.seen.get(path.name) != version:
                if path.name not in busy:
                    due.append((path, version))
        return due

    def done(self, name: str, version: Signature) -> None:
        """``name`` at ``version`` was merged, or refused (then it is tried again once it
        changes: a copy still arriving or cut short changes when it is whole)."""
        self.seen[name] = version

    def laptops(self) -> int:
        """Laptops sharing this event through the folder, this one included."""
        return len(self.devices | {self.device_id})


@dataclass
class Staged:
    """A snapshot made ready to merge: the file, and the ids of the records in it by kind
    (those the merge may add or change; the window refreshes just those)."""

    path: Path
    ids: dict[type[Record], list[str]]


def stage(source: Path, live: Path, event_id: str, workdir: Path) -> Staged | None:
    """``source`` (another laptop's snapshot) checked and copied into the new folder
    ``workdir``, less every row ``live`` (the open event file) already holds as it is: what
    to merge, or None when it holds nothing new. Runs in a worker thread (its own connections
    only; ``live`` is only read). Raises DocumentError when ``source`` is refused."""
    staged = stage_source(source, event_id, workdir)
    conn = sqlite3.connect(staged.as_uri(), uri=True, isolation_level=None)
    ids: dict[type[Record], list[str]] = {}
    try:
        conn.execute("ATTACH DATABASE ? AS live", (files.readonly_uri(live),))
        left = 0
        conn.execute("BEGIN")
        for kind, table in TABLES.items():
            columns = (*COLUMNS[kind], "position", "clock")
            same = " AND ".join(f"m.{c} IS s.{c}" for c in columns)
            if table != "event":  # the event row stays: a merge checks whose event it is
                conn.execute(
                    f"DELETE FROM main.{table} AS s WHERE EXISTS "
                    f"(SELECT 1 FROM live.{table} m WHERE m.id = s.id AND {same})"
                )
            found = [
                str(row[0])
                for row in conn.execute(
                    f"SELECT id FROM main.{table} s WHERE NOT EXISTS "
                    f"(SELECT 1 FROM live.{table} m WHERE m.id = s.id AND {same})"
                )
            ]
            if found:
                ids[kind] = found
                left += len(found)
        same = " AND ".join(f"h.{c} IS s.{c}" for c in _HISTORY)
        conn.execute(
            "DELETE FROM main.field_history AS s WHERE EXISTS "
            f"(SELECT 1 FROM live.field_history h WHERE {same})"
        )
        left += conn.execute("SELECT COUNT(*) FROM main.field_history").fetchone()[0]
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE live")
        if left:
            conn.execute("VACUUM")  # a small file to attach
    finally:
        conn.close()
    return Staged(staged, ids) if left else None


def status_text(
    folder: Path,
    *,
    missing: bool,
    published: str,
    laptops: int,
    problem: str = "",
    skipped: dict[str, str] | None = None,
) -> tuple[str, str]:
    """The status bar's words for sharing through ``folder``, and a longer tooltip:
    "Shared through “Room share” · last published 12:03 · 4 laptops"."""
    details = _("Sharing this event through {folder}").format(folder=folder)
    if missing:
        return (
            _("Sharing folder not found — notes are kept on this laptop"),
            _(
                "Sharing this event through {folder}, which is not there now (a USB stick "
                "removed, or a network folder gone?). Your notes are saved here and are shared "
                "when the folder is back."
            ).format(folder=folder),
        )
    if problem:
        paused = _("Sharing through “{name}” paused — notes are kept on this laptop")
        return paused.format(name=folder.name), problem
    parts = [_("Shared through “{name}”").format(name=folder.name)]
    if published:
        parts.append(_("last published {time}").format(time=published))
    else:
        parts.append(_("publishing…"))
    parts.append(n_("%n laptop", "%n laptops", laptops))
    for name, why in sorted((skipped or {}).items()):
        details += "\n" + _("Not merged yet: {name}: {why}").format(name=name, why=why)
    return " · ".join(parts), details
