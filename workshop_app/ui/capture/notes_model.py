"""NoteListModel: the notes a view shows (one table's for a question, search hits, trash).

A filter over ``NoteCache``: rows are the notes the predicate accepts, in the order they were
written (or newest first). A change to one note inserts, removes or updates just its row
(``beginInsertRows`` for a new note), never a reset; only a new filter or order resets.

Named roles (``roleNames``): ``display`` (text), ``note`` (the Note), ``noteId``, ``kind``,
``starred``, ``place`` (table, or table and question; "" when not shown), ``saved`` (when the note
was last saved, in the event's time zone: "10:18"), ``mark`` (personal data?, ``privacy_mark``),
``toolTip``, ``accessibleText``.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QByteArray, QModelIndex, QPersistentModelIndex, Qt

from workshop_app.domain import local_time
from workshop_app.domain.records import Note
from workshop_app.ui.capture.note_cache import NoteCache
from workshop_app.ui.capture.privacy_mark import mark, tooltip
from workshop_app.ui.common.i18n import tr
from workshop_app.ui.common.sticky import MarkRole, NoteRole, PlaceRole, SavedRole, describe
from workshop_app.ui.document_model import DocumentModel

Index = QModelIndex | QPersistentModelIndex
Predicate = Callable[[Note], bool]
IdRole = Qt.ItemDataRole.UserRole + 10
KindRole = Qt.ItemDataRole.UserRole + 11
StarredRole = Qt.ItemDataRole.UserRole + 12
ROLE_NAMES = {
    Qt.ItemDataRole.DisplayRole: b"display",
    Qt.ItemDataRole.EditRole: b"edit",
    Qt.ItemDataRole.AccessibleTextRole: b"accessibleText",
    NoteRole: b"note",
    IdRole: b"noteId",
    KindRole: b"kind",
    StarredRole: b"starred",
    PlaceRole: b"place",
    SavedRole: b"saved",
    MarkRole: b"mark",
    Qt.ItemDataRole.ToolTipRole: b"toolTip",
}


def _key(note: Note) -> tuple[str, str]:
    return (note.created_at, note.id)


def _nothing(_note: Note) -> bool:
    return False


class NoteListModel(QAbstractListModel):
    """Notes from ``cache`` that ``predicate`` accepts. ``place(note)`` names where a note is
    from (shown on the card when ``show_place``); ``deleted`` lists the trash instead."""

    def __init__(
        self,
        cache: NoteCache,
        model: DocumentModel,
        *,
        place: Callable[[Note], str] | None = None,
        deleted: bool = False,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.cache = cache
        self.document_model = model
        self.place = place or (lambda _note: "")
        self.show_place = False
        self.newest_first = False
        self._deleted = deleted
        self._predicate: Predicate = _nothing
        self._keys: list[tuple[str, str]] = []
        self._notes: dict[str, Note] = {}
        # "10:18" by a note's saved time: a card is painted often, its time written once (the
        # language and the event's zone are read again at each reset)
        self._saved: dict[str, str] = {}
        self._zone = ""
        self.modelAboutToBeReset.connect(self._on_model_about_to_be_reset)
        cache.note_changed.connect(self._on_cache_note_changed)
        cache.reloaded.connect(self._on_cache_reloaded)

    # -- what to show --------------------------------------------------------------------

    def set_filter(self, predicate: Predicate, *, show_place: bool | None = None) -> None:
        self.beginResetModel()
        self._predicate = predicate
        if show_place is not None:
            self.show_place = show_place
        self._fill()
        self.endResetModel()

    def set_newest_first(self, value: bool) -> None:
        if value != self.newest_first:
            self.beginResetModel()
            self.newest_first = value
            self.endResetModel()

    def _accepts(self, note: Note) -> bool:
        return note.deleted == self._deleted and self._predicate(note)

    def _fill(self) -> None:
        notes = [n for n in self.cache.notes.values() if self._accepts(n)]
        self._notes = {n.id: n for n in notes}
        self._keys = sorted(_key(n) for n in notes)

    # -- rows --------------------------------------------------------------------------------

    def _row(self, position: int) -> int:
        """The view row of sorted position ``position`` (and back: the map is its own inverse)."""
        return len(self._keys) - 1 - position if self.newest_first else position

    def note(self, row: int) -> Note:
        return self._notes[self._keys[self._row(row)][1]]

    def row_of(self, note_id: str) -> int:
        note = self._notes.get(note_id)
        if note is None:
            return -1
        return self._row(bisect.bisect_left(self._keys, _key(note)))

    def notes(self) -> list[Note]:
        return [self.note(row) for row in range(self.rowCount())]

    def count_notes(self, wanted: Callable[[Note], bool]) -> int:
        """How many shown notes are ``wanted`` (in no order: cheaper than ``notes()``, which a
        label counting on every insert cannot afford with thousands of cards)."""
        return sum(1 for note in self._notes.values() if wanted(note))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._keys)

    def roleNames(self) -> dict[int, QByteArray]:
        return {int(role): QByteArray(name) for role, name in ROLE_NAMES.items()}

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base if self._deleted else base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._keys):
            return None
        note = self.note(index.row())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return note.text
        if role == NoteRole:
            return note
        if role == Qt.ItemDataRole.AccessibleTextRole:
            place = self.place(note) if self.show_place else ""
            text = describe(note, place, self.saved_time(note))
            return f"{text} {tooltip(note.text)}".strip()
        if role == IdRole:
            return note.id
        if role == KindRole:
            return note.kind
        if role == StarredRole:
            return note.starred
        if role == PlaceRole:
            return self.place(note) if self.show_place else ""
        if role == SavedRole:
            return self.saved_time(note)
        if role == MarkRole:
            return mark(note.text)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(note.text) or None
        return None

    def saved_time(self, note: Note) -> str:
        """When ``note`` was last saved, as a time of day in the event's zone ("10:18")."""
        zone = self.document_model.zone_name()
        if zone != self._zone:  # the event moved to another zone: every time changes
            self._saved.clear()
            self._zone = zone
        shown = self._saved.get(note.updated_at)
        if shown is None:
            shown = self._saved[note.updated_at] = local_time.clock(note.updated_at, zone)
        return shown

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self._deleted:
            return False
        if self.document_model.document.closed:  # an editor closing with the event
            return False
        text = str(value)
        if not text.strip():
            return False
        note = self.note(index.row())
        self.document_model.push_update(Note, note.id, text=text, label=tr("Edit note"))
        return True

    # -- keeping in step -----------------------------------------------------------------------

    def _on_cache_note_changed(self, old: Note | None, new: Note) -> None:
        shown = new.id in self._notes
        wanted = self._accepts(new)
        if shown and wanted:
            self._notes[new.id] = new
            row = self.row_of(new.id)
            self.dataChanged.emit(self.index(row), self.index(row))
        elif shown:
            row = self.row_of(new.id)
            self.beginRemoveRows(QModelIndex(), row, row)
            self._keys.pop(self._row(row))
            del self._notes[new.id]
            self.endRemoveRows()
        elif wanted:
            position = bisect.bisect_left(self._keys, _key(new))
            row = len(self._keys) - position if self.newest_first else position
            self.beginInsertRows(QModelIndex(), row, row)
            self._keys.insert(position, _key(new))
            self._notes[new.id] = new
            self.endInsertRows()

    def _on_model_about_to_be_reset(self) -> None:
        self._saved.clear()

    def _on_cache_reloaded(self) -> None:
        self.beginResetModel()
        self._fill()
        self.endResetModel()
