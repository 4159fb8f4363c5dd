"""``workshop-app share FILE FOLDER``: one round of sharing an event through a folder kept in
step by a sync engine or a USB stick: publish this laptop's snapshot, then merge every other
laptop's snapshot of the same event found there (storage/snapshots.py)."""

from __future__ import annotations

import argparse
from pathlib import Path

from workshop_app.cli_say import say
from workshop_app.domain.errors import WorkshopError
from workshop_app.i18n import _, n_
from workshop_app.storage import snapshots
from workshop_app.storage.document import Document
from workshop_app.storage.merge import nothing_new


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "share",
        help=_("publish this laptop's snapshot into a shared folder and merge the others' there"),
    )
    parser.add_argument("document", type=Path, metavar="FILE.workshop")
    parser.add_argument("folder", type=Path, metavar="FOLDER")


def run(options: argparse.Namespace) -> int:
    path: Path = options.document
    folder: Path = options.folder
    if not folder.is_dir():
        if folder.exists():
            raise WorkshopError(
                _("the shared folder “{folder}” is not a folder").format(folder=folder)
            )
        raise WorkshopError(
            _("the shared folder “{folder}” is not there (was a USB stick removed?)").format(
                folder=folder
            )
        )
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
        parts = [
            _("Did not publish {name}'s snapshot ({reason})").format(
                name=path.name, reason=mine[0].rstrip(".")
            )
        ]
    else:
        parts = [_("Published {name}'s snapshot").format(name=path.name)]
    summary = result.merged.summary()
    if summary == nothing_new():
        parts.append(_("nothing new to merge"))
    else:
        parts.append(_("merged {summary}").format(summary=summary))
    if skipped:
        reasons = "; ".join(f"{name}: {why.rstrip('.')}" for name, why in skipped)
        parts.append(
            n_("skipped %n file ({reasons})", "skipped %n files ({reasons})", len(skipped)).format(
                reasons=reasons
            )
        )
    return "; ".join(parts) + "."
