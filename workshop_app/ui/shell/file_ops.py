"""File chores of the main window: which event to open, where to put a new one, Save a copy,
and the exports.

Each asks through the dialogs service and writes through the same storage functions the CLI
uses; ``save_copy`` and ``export`` let a ``WorkshopError`` (e.g. the folder vanished) propagate,
``write_from_menu`` (what the File menu calls) shows it. Every file dialog starts in
``start_folder``: never in the app's own hidden data folder.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QWidget

from workshop_app import paths
from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.errors import WorkshopError
from workshop_app.i18n import N_
from workshop_app.storage.document import SUFFIX, Document
from workshop_app.ui.common.dialogs import WORKSHOP_FILTER, Dialogs
from workshop_app.ui.common.i18n import tr

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def default_folder() -> Path:
    """The user's documents folder (the platform's, e.g. ~/Documents) if it exists, else home."""
    from PySide6.QtCore import QStandardPaths

    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    documents = Path(location) if location else Path.home()
    return documents if documents.is_dir() else Path.home()


def start_folder(document: Path | None) -> Path:
    """Where a file dialog starts: next to the event file, unless it lives in the app's own data
    folder (the demo copy, a backup), or there is none; then the documents folder."""
    if document is not None:
        folder = Path(document).absolute().parent
        if folder.is_dir() and not folder.resolve().is_relative_to(paths.data_dir().resolve()):
            return folder
    return default_folder()


def file_name_for(title: str, suffix: str = SUFFIX) -> str:
    """A file name made from an event title: 'Team day: plans' -> 'Team day - plans.workshop'."""
    stem = _UNSAFE.sub(" - ", title).strip(" .-")
    stem = re.sub(r"\s+", " ", stem)[:80].strip() or tr("Untitled event")
    return stem + suffix


def with_suffix(dialogs: Dialogs, parent: QWidget | None, path: Path, suffix: str) -> Path | None:
    """``path`` with ``suffix`` added if missing; None if that names an existing file the user
    chose not to replace (the save dialog only asked about the name as typed)."""
    if path.suffix.lower() == suffix:
        return path
    path = path.with_name(path.name + suffix)
    if path.exists() and not dialogs.confirm(
        parent,
        tr("Replace file?"),
        tr("“{file}” already exists. Replace it?").format(file=path.name),
        tr("Replace"),
    ):
        return None
    return path


def ask_open_path(dialogs: Dialogs, parent: QWidget | None, current: Path | None) -> Path | None:
    """File ▸ Open…: the event file chosen (starting beside ``current``, the open one), or None."""
    return dialogs.open_file(
        parent, tr("Open an event"), start_folder(current), tr(WORKSHOP_FILTER)
    )


def ask_new_event_path(dialogs: Dialogs, parent: QWidget | None, title: str) -> Path | None:
    """Where to save a new event called ``title`` (a path that may be replaced), or None."""
    chosen = dialogs.save_file(
        parent,
        tr("Save the new event as"),
        start_folder(None) / file_name_for(title),
        tr(WORKSHOP_FILTER),
    )
    return with_suffix(dialogs, parent, chosen, SUFFIX) if chosen else None


def save_copy(dialogs: Dialogs, parent: QWidget | None, document: Document) -> Path | None:
    """Ask where, then write a copy of the open event there. Returns the copy's path."""
    name = tr("{name} copy").format(name=document.path.stem) + SUFFIX
    suggested = start_folder(document.path) / name
    chosen = dialogs.save_file(parent, tr("Save a copy as"), suggested, tr(WORKSHOP_FILTER))
    target = with_suffix(dialogs, parent, chosen, SUFFIX) if chosen else None
    if target is None:
        return None
    return document.save_copy(target, force=True)


@dataclass(frozen=True)
class ExportFormat:
    name: str
    suffix: str
    file_filter: str
    render: Callable[[EventBundle], str]


def _json(bundle: EventBundle) -> str:
    from workshop_app.storage.interchange import dumps

    return dumps(bundle)


def _csv(bundle: EventBundle) -> str:
    from workshop_app.storage.export import to_csv

    return to_csv(bundle)


def _markdown(bundle: EventBundle) -> str:
    from workshop_app.storage.export import to_markdown

    return to_markdown(bundle)


EXPORTS: dict[str, ExportFormat] = {
    "json": ExportFormat("JSON", ".json", N_("JSON files (*.json)"), _json),
    "csv": ExportFormat("CSV", ".csv", N_("CSV spreadsheets (*.csv)"), _csv),
    "markdown": ExportFormat("Markdown", ".md", N_("Markdown documents (*.md)"), _markdown),
}


def export(
    dialogs: Dialogs, parent: QWidget | None, document: Document, kind: str, *, redact: bool = False
) -> Path | None:
    """Ask where, then write the event in format ``kind`` (a key of EXPORTS) atomically; with
    ``redact``, each piece of personal data replaced by its label ("[phone]")."""
    from workshop_app.storage.files import write_atomic

    fmt = EXPORTS[kind]
    suggested = start_folder(document.path) / (document.path.stem + fmt.suffix)
    title = tr("Export as {format}").format(format=fmt.name)
    chosen = dialogs.save_file(parent, title, suggested, tr(fmt.file_filter))
    target = with_suffix(dialogs, parent, chosen, fmt.suffix) if chosen else None
    if target is None:
        return None
    bundle = document.bundle()
    if redact:
        from workshop_app.domain.personal_data_bundle import redacted

        bundle = redacted(bundle)
    write_atomic(target, fmt.render(bundle), force=True)
    return target


def write_from_menu(
    dialogs: Dialogs,
    parent: QWidget | None,
    document: Document,
    kind: str | None = None,
    *,
    redact: bool = False,
) -> str | None:
    """File ▸ Save a Copy As… (``kind`` None) or File ▸ Export (``kind``, a key of EXPORTS):
    ask where, write, and return what the status bar says ("Exported to …"). None if the user
    cancelled or the write failed (then an error dialog has said why)."""
    try:
        if kind is None:
            path = save_copy(dialogs, parent, document)
        else:
            path = export(dialogs, parent, document, kind, redact=redact)
    except WorkshopError as err:
        if kind is None:
            what = tr("The copy could not be saved")
        else:
            what = tr("The export could not be written")
        dialogs.show_error(parent, what, str(err))
        return None
    if path is None:
        return None
    if kind is None:
        return tr("Saved a copy to {path}").format(path=path)
    return tr("Exported to {path}").format(path=path)


def set_aside_message(document: Document) -> str:
    """What the user is told on opening a damaged file: which records could not be read, and
    that the file is open read-only so nothing is written over them."""
    from workshop_app.storage.validation import describe_all

    lines = "\n".join(f"• {line}" for line in describe_all(document.set_aside))
    return tr(
        "{damage}:\n\n{records}\n\n"
        "So that nothing is written over them, the event is open read-only: you can read it, "
        "export it and make its report, but not change it. The file itself has not been "
        "changed. File ▸ Restore from Backup… may hold a copy from before the damage."
    ).format(damage=document.damage(), records=lines)
