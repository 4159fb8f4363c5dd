"""CardListView: sticky cards in a wrapping grid, by keyboard as well as by mouse.

A QListView (virtualised: only the cards on screen are painted) with the shared
``StickyDelegate``. The card width follows the view's width (as many columns as fit). Its
actions are on the view (so the context menu lists them with their keys) and act on the
selected card while the view has the focus, on the keys of ``keymap`` ("capture.…": F2 or
double-click edits in place, Ctrl+D stars, Alt+1..5 change the kind, Ctrl+M moves the note to
another question, Delete deletes; Ctrl+Z undoes). None of them is a printable key: what is typed
on a card is text for the note box (the page sends it there, see ``type_to_box``).

Signals:
    note_action(str action, str note_id): "star", "kind:<kind>", "move", "delete", "restore".
    editor_closed(): an in-place edit ended (saved or cancelled).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QListView, QWidget

from workshop_app.domain.records import NOTE_KINDS, NoteKind
from workshop_app.i18n import N_
from workshop_app.ui.capture.notes_model import IdRole
from workshop_app.ui.common.i18n import tr
from workshop_app.ui.common.keymap import install
from workshop_app.ui.common.sticky import SPACING, StickyDelegate

MIN_CARD_EM = 34  # a card is at least this many average characters wide
MAX_CARD_EM = 60
BATCH = 60
#: A card's "change the kind" commands, one whole phrase per kind (word order differs).
MAKE_IT: dict[str, str] = {
    NoteKind.IDEA: N_("Make it idea"),
    NoteKind.CONCERN: N_("Make it concern"),
    NoteKind.QUOTE: N_("Make it quote"),
    NoteKind.ACTION: N_("Make it action"),
    NoteKind.QUESTION: N_("Make it question"),
}
assert tuple(MAKE_IT) == NOTE_KINDS


class CardListView(QListView):
    """Cards for one ``NoteListModel``; ``trash`` views offer Restore instead of editing."""

    note_action = Signal(str, str)
    editor_closed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None, *, trash: bool = False) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.card_delegate = StickyDelegate(self)
        self.setItemDelegate(self.card_delegate)
        self.setViewMode(QListView.ViewMode.ListMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSpacing(SPACING // 2)
        self.setUniformItemSizes(False)
        # Lay out in batches: after a new note the cards on screen are placed (and painted)
        # first, the hundreds below follow in idle moments instead of before the paint.
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(BATCH)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        if trash:
            self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            self._add(tr("Restore"), "capture.restore", "restore")
        else:
            self.setEditTriggers(
                QAbstractItemView.EditTrigger.DoubleClicked
                | QAbstractItemView.EditTrigger.EditKeyPressed
            )
            edit = install(QAction(tr("Edit"), self), "capture.edit")
            edit.triggered.connect(self._on_edit_triggered)
            self.addAction(edit)
            self._add(tr("Star or unstar"), "capture.star", "star")
            for number, kind in enumerate(NOTE_KINDS):
                self._add(tr(MAKE_IT[kind]), "capture.card_kind", f"kind:{kind}", index=number)
            self._add(tr("Move to another question…"), "capture.move", "move")
            self._add(tr("Delete"), "capture.delete", "delete")

    def _add(self, text: str, binding_id: str, name: str, *, index: int | None = None) -> QAction:
        """A card command with the keys of ``binding_id`` (``keymap``; its ``index``-th key)."""
        action = install(QAction(text, self), binding_id, index=index)
        action.triggered.connect(lambda _=False, n=name: self._on_action_triggered(n))
        self.addAction(action)
        return action

    def current_id(self) -> str:
        index = self.currentIndex()
        return str(index.data(IdRole) or "") if index.isValid() else ""

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model().rowCount():
            self.setCurrentIndex(self.model().index(row, 0))

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit_cards(event.size())
        super().resizeEvent(event)

    def _fit_cards(self, size: QSize) -> None:
        em = max(1, self.fontMetrics().averageCharWidth())
        usable = size.width() - self.verticalScrollBar().sizeHint().width() - SPACING // 2
        columns = max(1, usable // (MIN_CARD_EM * em + SPACING))
        width = min(MAX_CARD_EM * em, usable // columns - SPACING)
        width = max(MIN_CARD_EM * em // 2, width)
        if width != self.card_delegate.card_width:
            self.card_delegate.set_card_width(int(width))
            self.scheduleDelayedItemsLayout()

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        super().closeEditor(editor, hint)
        self.editor_closed.emit()

    def _on_edit_triggered(self) -> None:
        if self.currentIndex().isValid():
            self.edit(self.currentIndex())

    def _on_action_triggered(self, name: str) -> None:
        note_id = self.current_id()
        if note_id:
            self.note_action.emit(name, note_id)
