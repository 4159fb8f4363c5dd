"""``workshop-app share FILE FOLDER``: one round of sharing an event through a folder kept in
step by a sync engine or a USB stick: publish this laptop's snapshot, then merge every other
laptop's snapshot of the same event found there (storage/snapshots.py)."""

from __future__ import annotations

import argparse
from pathlib import Path

from workshop_app.cli_say import say
from workshop_app.domain.errors import WorkshopError
from workshop_app.domain.wording import plural
from workshop_app.storage import snapshots
from workshop_app.storage.document import Document


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "share",
        help="publish this laptop's snapshot into a shared folder and merge the others' there",
    )
    parser.add_argument("document", type=Path, metavar="FILE.workshop")
    parser.add_argument("folder", type=Path, metavar="FOLDER")


def run(options: argparse.Namespace) -> int:
    path: Path = options.document
    folder: Path = options.folder
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "is not there (was a USB stick removed?)"
        raise WorkshopError(f"the shared folder “{folder}” {what}")
    with Document.open(path) as doc:
        result = snapshots.share_once(doc, folder)
        own = snapshots.snapshot_name(doc.event_id, doc.device_id)
    say(describe(path, result, own))
    return 0


def describe(path: Path, result: snapshots.ShareResult, own: str) -> str:
    """ "Published table2.workshop's snapshot; merged +38 notes from 3 laptops, 2 conflicts
    kept; skipped 1 file (x.workshop-snapshot: it is damaged ...)". ``own`` is the name of
    this laptop's snapshot (skipped, with the reason, when it could not be published)."""
    mine = [why for name, why in result.skipped if name == own]
    skipped = [(name, why) for name, why in result.skipped if name != own]
    if mine:
        parts = [f"Did not publish {path.name}'s snapshot ({mine[0].rstrip('.')})"]
    else:
        parts = [f"Published {path.name}'s snapshot"]
    summary = result.merged.summary()
    parts.append("nothing new to merge" if summary == "Nothing new" else f"merged {summary}")
    if skipped:
        files = plural(len(skipped), "file")
        reasons = "; ".join(f"{name}: {why.rstrip('.')}" for name, why in skipped)
        parts.append(f"skipped {files} ({reasons})")
    return "; ".join(parts) + "."
