"""The side panel: the other tables' notes on this question, search across all notes, trash.

Each tab is a ``CardListView`` over its own ``NoteListModel`` filtering the page's one
``NoteCache``. Search filters as you type (after a short pause) across every note's text, who
said it and role; the trash lists this table's deleted notes, restored with R or Enter.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QLineEdit, QTabWidget, QToolButton, QVBoxLayout, QWidget

from workshop_app.domain.records import Note, NoteSource
from workshop_app.ui.capture.cards import CardListView
from workshop_app.ui.capture.notes_model import NoteListModel
from workshop_app.ui.common.i18n import tr, trn
from workshop_app.ui.common.keymap import shown

SEARCH_DELAY_MS = 150


def _tab(parent: QWidget, *widgets: QWidget) -> QWidget:
    page = QWidget(parent)
    column = QVBoxLayout(page)
    column.setContentsMargins(4, 6, 4, 4)
    for widget in widgets:
        column.addWidget(widget, 1 if isinstance(widget, CardListView) else 0)
    return page


class SidePanel(QTabWidget):
    """Tabs for other tables, search and trash; the page sets their filters."""

    def __init__(
        self, others: NoteListModel, found: NoteListModel, trash: NoteListModel, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr("More notes"))
        self.setDocumentMode(True)
        self.setUsesScrollButtons(False)  # three short tabs; no arrow buttons in the Tab chain
        self.tabBar().setExpanding(False)
        self.tabBar().setAccessibleName(tr("Other tables, search and trash"))
        self.others_model, self.found_model, self.trash_model = others, found, trash

        self.others = CardListView(tr("Other tables' notes on this question"), self)
        self.others.setModel(others)
        self.others_label = QLabel(self)
        self.others_label.setWordWrap(True)
        self.addTab(_tab(self, self.others_label, self.others), tr("Other tables"))

        self.search = QLineEdit(self)
        self.search.setAccessibleName(tr("Search all notes"))
        self.search.setPlaceholderText(
            tr("Search all notes ({key})").format(key=shown("capture.search"))
        )
        self.search.setClearButtonEnabled(True)
        self.found_label = QLabel(self)
        self.found_label.setWordWrap(True)
        self.found = CardListView(tr("Notes found"), self)
        self.found.setModel(found)
        self.addTab(_tab(self, self.search, self.found_label, self.found), tr("Search"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.search.returnPressed.connect(self._on_timer_timeout)

        self.trash = CardListView(tr("Deleted notes"), self, trash=True)
        self.trash.setModel(trash)
        self.trash_label = QLabel(self)
        self.trash_label.setWordWrap(True)
        self.restore_button = QToolButton(self)
        self.restore_button.setText(tr("Restore the selected note (R)"))
        self.restore_button.setAccessibleName(tr("Restore the selected note"))
        self.restore_button.clicked.connect(self._on_restore_button_clicked)
        self.addTab(_tab(self, self.trash_label, self.trash, self.restore_button), tr("Trash"))
        for model in (others, found, trash):
            model.rowsInserted.connect(self.update_labels)
            model.rowsRemoved.connect(self.update_labels)
            model.modelReset.connect(self.update_labels)
        self.update_labels()

    def focus_search(self) -> None:
        self.setCurrentIndex(1)
        self.search.setFocus()
        self.search.selectAll()

    def update_labels(self) -> None:
        n = self.others_model.rowCount()
        phones = self.others_model.count_notes(lambda note: note.source == NoteSource.PHONE)
        self.others_label.setText(
            trn(
                "%n note from the other tables and attendees' phones, {phones} of them "
                "from attendees' phones ({key} hides one from the room).",
                "%n notes from the other tables and attendees' phones, {phones} of them "
                "from attendees' phones ({key} hides one from the room).",
                n,
            ).format(phones=phones, key=shown("capture.delete"))
            if phones
            else trn("%n note from the other tables.", "%n notes from the other tables.", n)
        )
        n = self.trash_model.rowCount()
        self.setTabText(2, tr("Trash ({count})").format(count=n) if n else tr("Trash"))
        self.trash_label.setText(
            tr("Deleted notes from your table. Select one and press {key} to restore it.").format(
                key=shown("capture.restore")
            )
            if n
            else tr(
                "Nothing deleted. {delete} on a card moves it here; {undo} brings it back."
            ).format(delete=shown("capture.delete"), undo=shown("window.undo"))
        )
        query = self.search.text().strip()
        n = self.found_model.rowCount()
        self.found_label.setText(
            trn("%n note found.", "%n notes found.", n)
            if query
            else tr("Type to search every note.")
        )

    def _on_search_text_changed(self, _text: str) -> None:
        self._timer.start()

    def _on_timer_timeout(self) -> None:
        self._timer.stop()
        query = self.search.text().strip().casefold()

        def matches(note: Note) -> bool:
            if not query:
                return False
            return (
                query in note.text.casefold()
                or query in note.attribution.casefold()
                or query in note.role.casefold()
            )

        self.found_model.set_filter(matches, show_place=True)
        self.update_labels()

    def _on_restore_button_clicked(self) -> None:
        note_id = self.trash.current_id()
        if note_id:
            self.trash.note_action.emit("restore", note_id)
