"""OutlineView: the Board as a tree a keyboard and a screen reader can do everything with.

A ``QTreeView`` over ``OutlineModel`` (question → "Not yet sorted" and themes → notes), extended
selection (Shift/Ctrl), theme titles edited in place (F2, or right after Ctrl+G: type, Enter).
It is a ``BoardView`` (see ``page.py``): the page's keys (``keys.BoardKeys``) act on its
selection and focus, and it keeps the focus on the same record across every change.

Signals:
    selection_changed(): the selected notes or the focused item changed.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from workshop_app.ui.board.outline_model import (
    NOTE,
    QUESTION,
    THEME,
    ItemKindRole,
    OutlineModel,
    RecordIdRole,
)
from workshop_app.ui.common.i18n import tr
from workshop_app.ui.document_model import DocumentModel

TABLE_COLUMN = 1  # OutlineModel's "Table"


class OutlineView(QTreeView):
    """The outline of one question."""

    selection_changed = Signal()

    def __init__(self, model: DocumentModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outline = OutlineModel(model, self)
        self.setModel(self.outline)
        self.setObjectName("board_outline")
        self.setAccessibleName(tr("Board outline: question, themes and notes"))
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)  # F2 is the Board's
        self.setUniformRowHeights(True)
        self.setAllColumnsShowFocus(True)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.outline.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # The table's column as wide as its names, but never more than a fifth of the view:
        # "away from the tables", longer still in Welsh, squeezed the notes and theme titles.
        header.setSectionResizeMode(TABLE_COLUMN, QHeaderView.ResizeMode.Interactive)
        self._collapsed: set[tuple[str, str]] = set()
        self._kept: tuple[tuple[str, str] | None, list[tuple[str, str]], int] = (None, [], 0)
        self.outline.modelAboutToBeReset.connect(self._on_outline_about_to_reset)
        self.outline.modelReset.connect(self._on_outline_reset)
        self.collapsed.connect(self._on_collapsed)
        self.expanded.connect(self._on_expanded)
        self.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.selectionModel().currentChanged.connect(self._on_selection_changed)

    # -- BoardView ------------------------------------------------------------------------

    def key_widget(self) -> QWidget:
        return self

    def set_question(self, question_id: str | None) -> None:
        if question_id == self.outline.question_id:
            return
        self._collapsed.clear()
        self.outline.set_question(question_id)
        self.reveal(QUESTION, question_id or "")

    def question_id(self) -> str | None:
        return self.outline.question_id

    def set_table(self, table_id: str | None) -> None:
        """Show only the notes of table ``table_id`` (None: all; "": those with no table)."""
        if table_id != self.outline.table_id:
            self.outline.set_table(table_id)

    def selected_note_ids(self) -> list[str]:
        """The selected notes, in outline order (the focused note if none is selected)."""
        rows = sorted(
            (i for i in self.selectionModel().selectedRows(0) if i.data(ItemKindRole) == NOTE),
            key=self._order,
        )
        ids = [str(i.data(RecordIdRole)) for i in rows]
        if not ids and self.currentIndex().data(ItemKindRole) == NOTE:
            ids = [str(self.currentIndex().data(RecordIdRole))]
        return ids

    def focused_item(self) -> tuple[str, str] | None:
        """(kind, record id) of the row with the focus: kind is "question", "theme",
        "unsorted" (id "") or "note"; None when the outline is empty."""
        index = self.currentIndex()
        if not index.isValid():
            return None
        return str(index.data(ItemKindRole)), str(index.data(RecordIdRole))

    def theme_of_focus(self) -> str | None:
        """The theme the focused row is, or is in (None for "Not yet sorted")."""
        index = self.currentIndex().siblingAtColumn(0)
        while index.isValid():
            if index.data(ItemKindRole) == THEME:
                return str(index.data(RecordIdRole))
            index = index.parent()
        return None

    def reveal(self, kind: str, record_id: str, *, select: list[str] | None = None) -> None:
        """Focus the row of record ``record_id`` (and select the notes ``select``, else just
        that row), scrolled into view."""
        index = self.outline.index_of(kind, record_id)
        if not index.isValid():
            index = self.outline.index(0, 0)
        if not index.isValid():
            return
        selection = QItemSelection()
        for note_id in select or []:
            found = self.outline.index_of(NOTE, note_id)
            if found.isValid():
                selection.select(found, found.siblingAtColumn(self.outline.columnCount() - 1))
        flags = QItemSelectionModel.SelectionFlag
        rows = flags.Rows
        self.selectionModel().setCurrentIndex(index, flags.NoUpdate)
        if select:
            self.selectionModel().select(selection, flags.ClearAndSelect | rows)
        else:
            self.selectionModel().select(index, flags.ClearAndSelect | rows)
        parent = index.parent()
        while parent.isValid():
            self.expand(parent)
            parent = parent.parent()
        self.scrollTo(index)

    def select_notes(self, note_ids: list[str]) -> None:
        """Select these notes, the focus on the first."""
        if note_ids:
            self.reveal(NOTE, note_ids[0], select=note_ids)

    def edit_title(self, theme_id: str) -> None:
        """Put the focus in the theme's title, to type a new one (Enter keeps it, Esc
        cancels)."""
        self.reveal(THEME, theme_id)
        index = self.outline.index_of(THEME, theme_id)
        if index.isValid():
            self.edit(index)  # Qt: edit(index, AllEditTriggers, nullptr)

    # -- keeping the focus across rebuilds ------------------------------------------------

    def _order(self, index: QModelIndex) -> tuple[int, ...]:
        path: list[int] = []
        while index.isValid():
            path.insert(0, index.row())
            index = index.parent()
        return tuple(path)

    def _on_outline_about_to_reset(self) -> None:
        current = self.focused_item()
        selected = [
            (str(i.data(ItemKindRole)), str(i.data(RecordIdRole)))
            for i in self.selectionModel().selectedRows(0)
        ]
        self._kept = (current, selected, self.verticalScrollBar().value())

    def _on_outline_reset(self) -> None:
        self.expandAll()
        self._fit_table_column()
        for kind, record_id in self._collapsed:
            self.collapse(self.outline.index_of(kind, record_id))
        current, selected, scroll = self._kept
        notes = [rid for kind, rid in selected if kind == NOTE]
        if current is not None:
            self.reveal(*current, select=notes if current[0] == NOTE and notes else None)
        self.verticalScrollBar().setValue(scroll)
        if current is not None:
            self.scrollTo(self.currentIndex())

    def _fit_table_column(self) -> None:
        wanted = max(self.sizeHintForColumn(TABLE_COLUMN), self.header().sectionSizeHint(1))
        self.header().resizeSection(TABLE_COLUMN, min(wanted, self.viewport().width() // 5))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_table_column()

    def _on_collapsed(self, index: QModelIndex) -> None:
        self._collapsed.add((str(index.data(ItemKindRole)), str(index.data(RecordIdRole))))

    def _on_expanded(self, index: QModelIndex) -> None:
        self._collapsed.discard((str(index.data(ItemKindRole)), str(index.data(RecordIdRole))))

    def _on_selection_changed(self, *_args: object) -> None:
        self.selection_changed.emit()
