"""File ▸ Restore from Backup…: the list of backups, newest first, and how a chosen one opens.

``RestoreDialog`` lists the backups (time in the laptop's local time, note count, event title);
Enter or Open a copy… emits ``chosen`` with the backup's ``BackupInfo``. ``restore_copy`` then
asks where the copy goes (through the dialogs service) and writes it; the backup and the
original event file are never written.

Signals: ``RestoreDialog.chosen(object)``: the ``BackupInfo`` the user picked.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.errors import WorkshopError
from workshop_app.domain.human_time import short_moment
from workshop_app.storage import backups
from workshop_app.storage.backups import BackupInfo
from workshop_app.storage.document import SUFFIX
from workshop_app.ui.common.dialogs import WORKSHOP_FILTER, Dialogs
from workshop_app.ui.common.i18n import tr, trn
from workshop_app.ui.common.text import ScaledLabel
from workshop_app.ui.shell.file_ops import file_name_for, start_folder, with_suffix

INFO_ROLE = Qt.ItemDataRole.UserRole


def notes_text(count: int) -> str:
    return trn("%n note", "%n notes", count)


def when_text(info: BackupInfo, now: datetime | None = None) -> str:
    """The backup's time, local and human: "Today 10:42", "Sat 28 Nov 14:05"."""
    local_now = (now or datetime.now()).astimezone()
    return short_moment(info.taken_at.astimezone(local_now.tzinfo), local_now)


class RestoreDialog(QDialog):
    """The backups of the open event (or of every event when none is open), newest first."""

    chosen = Signal(object)

    def __init__(
        self, found: list[BackupInfo], event_title: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Restore from a backup"))
        self.setAccessibleName(tr("Restore from a backup"))
        layout = QVBoxLayout(self)
        layout.addWidget(ScaledLabel(tr("Restore from a backup"), 1.3, bold=True))
        self.intro = QLabel(self._intro(found, event_title))
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)

        self.list = QTreeWidget()
        self.list.setAccessibleName(tr("Backups, newest first"))
        self.list.setColumnCount(3)
        self.list.setHeaderLabels([tr("Taken"), tr("Notes"), tr("Event")])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAllColumnsShowFocus(True)
        for info in found:
            self.list.addTopLevelItem(self._item(info))
        for column in (0, 1):
            self.list.resizeColumnToContents(column)
        self.list.itemDoubleClicked.connect(self._on_list_item_double_clicked)
        self.list.setVisible(bool(found))
        layout.addWidget(self.list, 1)

        self.buttons = QDialogButtonBox()
        self.open_button = self.buttons.addButton(
            tr("&Open a copy…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.open_button.setAccessibleName(tr("Open a copy of the chosen backup"))
        self.open_button.setDefault(True)
        self.open_button.setEnabled(bool(found))
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(tr("Close"))
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        newest = self.list.topLevelItem(0)  # None: no backups were found
        if newest is not None:
            self.list.setCurrentItem(newest)
            self.list.setFocus()
        else:
            close.setFocus()
        width = self.fontMetrics().averageCharWidth() * 110
        if found:
            self.resize(width, self.fontMetrics().height() * 24)
        else:
            layout.insertStretch(2, 0)
            self.resize(width, self.sizeHint().height())

    @staticmethod
    def _intro(found: list[BackupInfo], event_title: str | None) -> str:
        copy = tr(
            "The one you choose opens as a copy in a new file: the event file and the "
            "backup stay as they are."
        )
        taken = tr(
            "Workshop takes one each time an event opens and every few minutes while you work."
        )
        if event_title is None:
            if not found:
                return tr("There are no backups on this computer yet.") + " " + taken
            return tr("Backups of every event on this computer, newest first.") + " " + copy
        name = event_title.strip() or tr("Untitled event")
        if not found:
            return tr("There are no backups of “{event}” yet.").format(event=name) + " " + taken
        heading = tr("Backups of “{event}”, newest first (the last ten are kept).")
        return heading.format(event=name) + " " + copy

    @staticmethod
    def _item(info: BackupInfo) -> QTreeWidgetItem:
        when = when_text(info)
        if info.readable:
            columns = [when, notes_text(info.notes), info.title.strip() or tr("Untitled event")]
            spoken = tr("Backup from {time}: {notes}, {event}").format(
                time=when, notes=columns[1], event=columns[2]
            )
        else:
            columns = [when, "", tr("Damaged: cannot be opened")]
            spoken = tr("Backup from {time}: damaged, cannot be opened").format(time=when)
        item = QTreeWidgetItem(columns)
        item.setData(0, INFO_ROLE, info)
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for column in range(3):
            item.setData(column, Qt.ItemDataRole.AccessibleTextRole, spoken)
        item.setToolTip(0, str(info.path))
        if not info.readable:
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
        return item

    def current(self) -> BackupInfo | None:
        item = self.list.currentItem()
        info = item.data(0, INFO_ROLE) if item is not None else None
        return info if isinstance(info, BackupInfo) and info.readable else None

    def _on_buttons_accepted(self) -> None:
        info = self.current()
        if info is None:
            return
        self.accept()
        self.chosen.emit(info)

    def _on_list_item_double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        self.list.setCurrentItem(item)
        self._on_buttons_accepted()


def suggested_copy(info: BackupInfo, document: Path | None) -> Path:
    """A new file for the copy: "<event> (backup 2026-11-28 14.05).workshop", next to the open
    event (outside the data folder) or in Documents, numbered if the name is taken."""
    local = info.taken_at.astimezone()
    stem = Path(file_name_for(info.original_stem or info.title, "")).name
    base = tr("{name} (backup {time})").format(name=stem, time=f"{local:%Y-%m-%d %H.%M}")
    folder = start_folder(document)
    candidate = folder / (base + SUFFIX)
    number = 2
    while candidate.exists():
        candidate = folder / f"{base} {number}{SUFFIX}"
        number += 1
    return candidate


def restore_copy(
    dialogs: Dialogs, parent: QWidget | None, info: BackupInfo, document: Path | None
) -> Path | None:
    """Ask where the copy of backup ``info`` goes, then write it. ``document`` is the open
    event's file, which the copy may never replace. Returns the copy's path, or None."""
    chosen = dialogs.save_file(
        parent,
        tr("Save the restored copy as"),
        suggested_copy(info, document),
        tr(WORKSHOP_FILTER),
    )
    target = with_suffix(dialogs, parent, chosen, SUFFIX) if chosen else None
    if target is None:
        return None
    if document is not None and target.absolute() == document.absolute():
        raise WorkshopError(
            tr(
                "That is the event file you have open. Choose another name: the backup opens "
                "as a copy beside it, and the event stays as it is."
            )
        )
    if target.absolute() == info.path.absolute():
        raise WorkshopError(tr("Choose a new file for the copy: the backup stays as it is."))
    return backups.restore_copy(info.path, target)
