"""What a merge would bring in, file by file, before anything is changed (the app's Merge notes
from… dialog): the files of a folder that may be merged, each previewed alone (so one refused
file is listed with its reason and left out instead of refusing them all), then all the
accepted ones together (``merge.preview``: a dry run on a copy in memory)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from workshop_app.domain.errors import NOTHING_CHANGED, NOTHING_MERGED, WorkshopError
from workshop_app.i18n import _
from workshop_app.storage import files, merge

#: What a folder is searched for: event files, interchange JSON and shared snapshots.
SUFFIXES = (".workshop", ".json", ".workshop-snapshot")


@dataclass(frozen=True)
class FilePreview:
    """One file: what it alone would bring in, or why it is left out."""

    path: Path
    result: merge.MergeResult | None = None
    refused: str = ""


@dataclass
class Preview:
    files: list[FilePreview] = field(default_factory=list)
    #: All the accepted files together (None when none is accepted).
    total: merge.MergeResult | None = None

    @property
    def accepted(self) -> list[Path]:
        return [f.path for f in self.files if f.result is not None]


def in_folder(folder: Path, into: Path) -> list[Path]:
    """The files of ``folder`` a merge may take (by name; not hidden or temporary ones, and
    not ``into`` itself), sorted by name."""
    found = []
    for path in sorted(Path(folder).iterdir(), key=lambda p: p.name.lower()):
        if path.name.startswith(".") or not path.name.lower().endswith(SUFFIXES):
            continue
        if path.is_file() and not files.same_file(path, into):
            found.append(path)
    return found


def preview(into: Path, sources: Sequence[Path]) -> Preview:
    """Each of ``sources`` previewed alone, then the accepted ones together."""
    result = Preview()
    for source in sources:
        if files.same_file(source, into):
            result.files.append(FilePreview(source, refused=_("it is the event open here")))
            continue
        try:
            result.files.append(FilePreview(source, merge.preview(into, [source])))
        except WorkshopError as err:
            result.files.append(FilePreview(source, refused=_reason(str(err))))
    if result.accepted:
        result.total = merge.preview(into, result.accepted)
    return result


def _reason(message: str) -> str:
    """A refusal without the file's name and "Nothing was merged." (the list says both)."""
    for tail in (NOTHING_MERGED, NOTHING_CHANGED):
        message = message.replace(" " + _(tail), "")
    return message.strip()
