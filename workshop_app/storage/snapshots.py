"""Sharing an event through a folder that a sync engine (Syncthing, a network share, OneDrive,
Nextcloud) or a USB stick keeps in step: never the live file, whose WAL breaks under file sync.

Each laptop *publishes* a snapshot of its event file into the folder, one file per laptop:
``<event id>.<device id>.workshop-snapshot``. The suffix is one no sync engine treats
specially (they set aside ``.tmp``, ``.part``, ``~`` and ``.~`` names as their own). A snapshot
is a whole, self-contained SQLite file (rollback journal, no ``-wal``): written with the backup
API to a hidden temporary file *inside* the folder (``.<name>.<random>.tmp``, which peers skip),
flushed, then renamed over the laptop's snapshot, so a peer sees the old snapshot or the whole new
one, never half. It holds everything the laptop has, its own notes and those it merged: merge is
idempotent, so notes travel on even when the laptop that typed them is switched off.

Every laptop then *merges* the others' snapshots of the same event (``share_once``). A snapshot
that is cut short, damaged, of a newer format or of another event is skipped with its reason;
the rest still merge.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from workshop_app.domain.errors import NOTHING_MERGED, DocumentError
from workshop_app.i18n import _
from workshop_app.storage import files
from workshop_app.storage.merge import MergeResult
from workshop_app.storage.validation import RESTORE_HINT

if TYPE_CHECKING:
    from workshop_app.storage.document import Document

SUFFIX = ".workshop-snapshot"
_SAFE = re.compile(r"[A-Za-z0-9_-]{1,64}")
#: A conflict copy a sync engine made of a snapshot (Syncthing's ``.sync-conflict-...``): a
#: whole file of that laptop, merged like the snapshot itself.
_CONFLICT_COPY = r"(?:\.sync-conflict-[A-Za-z0-9-]+)?"


def _safe(part: str) -> str:
    """An id as it may appear in a file name (ids are UUIDs; anything else is hashed)."""
    if _SAFE.fullmatch(part):
        return part
    return hashlib.sha256(part.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def snapshot_name(event_id: str, device_id: str) -> str:
    """The file name of ``device_id``'s snapshot of the event ``event_id``."""
    return f"{_safe(event_id)}.{_safe(device_id)}{SUFFIX}"


def publish(source: Path, folder: Path, device_id: str) -> Path:
    """Write a snapshot of the event file ``source`` into ``folder`` as ``device_id``'s and
    return its path. ``source`` is read by its own read-only connection (the app may have it
    open and be writing). Raises DocumentError, for a person, if ``source`` cannot be read or
    the folder cannot be written (a USB stick pulled out); nothing partial is ever left under
    the snapshot's name."""
    source = Path(source)
    folder = Path(folder)
    _check_folder(folder)
    try:
        src = sqlite3.connect(files.readonly_uri(source), uri=True, isolation_level=None)
        try:
            event_id = str(src.execute("SELECT id FROM event").fetchone()[0])
        except BaseException:
            src.close()
            raise
    except sqlite3.Error as exc:
        raise DocumentError(
            _("“{name}” could not be read to share it: {why}. Nothing was shared.").format(
                name=source.name, why=exc
            )
        ) from None
    final = folder / snapshot_name(event_id, device_id)
    tmp = folder / f".{final.name}.{uuid.uuid4().hex[:8]}.tmp"
    try:
        files.remove_stale_temporaries(folder)
        _write_copy(src, tmp)
        files.replace_durably(tmp, final)
    except (OSError, sqlite3.Error) as exc:
        raise DocumentError(
            _(
                "Could not share through “{folder}”: {why}. Your notes are "
                "safe in “{name}”; sharing carries on when the folder is back."
            ).format(folder=folder, why=files.write_failure(exc), name=source.name)
        ) from None
    finally:
        src.close()
        for temporary in (tmp, tmp.with_name(tmp.name + "-journal")):
            try:
                temporary.unlink(missing_ok=True)
            except OSError:
                pass
    return final


def _check_folder(folder: Path) -> None:
    if not folder.is_dir():
        raise DocumentError(
            _(
                "The shared folder “{folder}” is not there (was a USB stick removed?). Nothing was "
                "shared; your notes are safe on this laptop."
            ).format(folder=folder)
        )


def _write_copy(src: sqlite3.Connection, tmp: Path) -> None:
    """``src`` copied whole into the new file ``tmp`` (rollback journal: one self-contained
    file), flushed to the disk. The temporary needs no journal nor syncs while it is built (a
    crash leaves only a temporary nobody reads): one fsync at the end makes it durable, which
    is ~3x faster than the backup API's own journalled, synced writes."""
    dst = sqlite3.connect(tmp, isolation_level=None)
    try:
        dst.execute("PRAGMA journal_mode=OFF")
        dst.execute("PRAGMA synchronous=OFF")
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")
    finally:
        dst.close()
    fd = os.open(tmp, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def others(folder: Path, event_id: str, own_device: str) -> list[Path]:
    """The other laptops' snapshots of the event ``event_id`` in ``folder``, by name only
    (sorted): not temporary files (ours, a sync engine's or a half-copied ``.part``), not this
    laptop's own snapshot, not another event's. An empty list if the folder cannot be read."""
    pattern = re.compile(
        re.escape(_safe(event_id)) + r"\.([A-Za-z0-9_-]+)" + _CONFLICT_COPY + re.escape(SUFFIX)
    )
    own = snapshot_name(event_id, own_device)
    try:
        names = sorted(entry.name for entry in os.scandir(folder) if entry.is_file())
    except OSError:
        return []
    return [folder / name for name in names if name != own and pattern.fullmatch(name)]


@dataclass
class ShareResult:
    """One round of sharing: the snapshot published (None if it could not be), what the
    others' snapshots brought in, and the files skipped with the reason, for a person."""

    published: Path | None
    merged: MergeResult = field(default_factory=MergeResult)
    skipped: list[tuple[str, str]] = field(default_factory=list)


def share_once(doc: Document, folder: Path) -> ShareResult:
    """Publish ``doc``'s snapshot into ``folder``, then merge every other laptop's snapshot of
    the same event found there, in one transaction. A snapshot that is refused (cut short,
    damaged, another event, a newer format) is skipped with its reason and the others still
    merge. Raises DocumentError if the folder is not there at all."""
    folder = Path(folder)
    _check_folder(folder)
    skipped: list[tuple[str, str]] = []
    published: Path | None
    try:
        published = publish(doc.path, folder, doc.device_id)
    except DocumentError as exc:
        _check_folder(folder)
        published = None
        skipped.append((snapshot_name(doc.event_id, doc.device_id), str(exc)))
    sources = others(folder, doc.event_id, doc.device_id)
    merged = _merge_each(doc, sources, skipped)
    return ShareResult(published, merged, skipped)


def _merge_each(doc: Document, sources: list[Path], skipped: list[tuple[str, str]]) -> MergeResult:
    """Merge ``sources`` into ``doc`` in one transaction, leaving out (into ``skipped``) each
    one that is refused; if the merge of the rest still fails, merge one at a time."""
    refused: list[tuple[Path, str]] = []
    if not sources:
        return MergeResult()
    try:
        return doc.merge(sources, refused=refused)
    except DocumentError:
        pass
    finally:
        skipped.extend((path.name, _reason(path.name, why)) for path, why in refused)
    result = MergeResult()
    left = [path for path in sources if path not in {p for p, _ in refused}]
    for path in left:
        try:
            one = doc.merge([path])
        except DocumentError as exc:
            skipped.append((path.name, _reason(path.name, str(exc))))
            continue
        result.added.update(one.added)
        for kind, ids in one.changed.items():
            result.changed.setdefault(kind, set()).update(ids)
        result.devices |= one.devices
        result.conflicts += one.conflicts
    return result


def _reason(name: str, message: str) -> str:
    """A refusal's message as the reason one snapshot was skipped (the others did merge)."""
    text = message.replace(f"“{name}” ", "it ", 1).strip()
    for tail in (" " + _(NOTHING_MERGED), " " + _(RESTORE_HINT)):
        text = text.removesuffix(tail)
    if text.startswith(("it is damaged", "it is empty", "it is not a workshop document")):
        text = text.rstrip(".") + "; it may be still arriving or cut short, and is tried again"
    return text.rstrip(".")
