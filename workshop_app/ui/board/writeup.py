"""WriteupPanel: the Board's side panel for writing up one question.

"What we heard" is the question's write-up (``Question.synthesis``); below it, the focused theme's
summary (``Theme.summary``) with that theme's notes listed beside the text, each with a check box
that stars it as a key quote (``actions.toggle_star``; Space or a click).

Typing is never lost: each box is bound to one record and writes one undo step per burst of
typing, when it loses the focus or after a pause (``IDLE_MS``), and before it is bound to another
record (a question or theme switch). ``commit_edits`` writes whatever is pending (the window's
close path calls it through the page).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.records import (
    AWAY_FROM_TABLES,
    PHONE_SOURCE_LABEL,
    UNNAMED_TABLE,
    Group,
    Note,
    Question,
    Record,
    Theme,
    note_place,
)
from workshop_app.ui.board import actions
from workshop_app.ui.board.outline_model import NOTE, THEME
from workshop_app.ui.common.i18n import tr
from workshop_app.ui.document_model import DocumentModel

if TYPE_CHECKING:
    from workshop_app.ui.board.page import BoardPage

#: A pause in typing this long writes the burst as one undo step.
IDLE_MS = 1500
NoteIdRole = Qt.ItemDataRole.UserRole + 1


class BoundText(QPlainTextEdit):
    """Plain text bound to one field of one record; writes it as one undo step per burst.

    Signals:
        committed(): a burst was written (or found unchanged).
    """

    committed = Signal()

    def __init__(self, model: DocumentModel, field: str, label: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.model, self.field, self.label = model, field, label
        self.kind: type[Question] | type[Theme] | None = None
        self.record_id = ""
        self.setTabChangesFocus(True)
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(IDLE_MS)
        self.idle.timeout.connect(self.commit)
        self.textChanged.connect(self._on_text_changed)
        self._loading = False

    def bind(self, kind: type[Question] | type[Theme] | None, record_id: str) -> None:
        """Write what is pending for the record bound so far, then show this one's text."""
        if (kind, record_id) == (self.kind, self.record_id):
            return
        self.commit()
        self.kind, self.record_id = kind, record_id
        self.setEnabled(bool(record_id))
        self.reload()

    def reload(self) -> None:
        """Show the stored text (after an undo), unless a burst is being typed."""
        if self.idle.isActive():
            return
        text = self._stored() or ""
        if self.toPlainText() != text:
            self._loading = True
            self.setPlainText(text)
            self._loading = False

    def commit(self) -> None:
        self.idle.stop()
        stored = self._stored()
        if stored is None or self.kind is None:
            return
        text = self.toPlainText()
        if text != stored:
            changes = {self.field: text}
            self.model.push_update(self.kind, self.record_id, label=self.label, **changes)
        self.committed.emit()

    def _stored(self) -> str | None:
        if self.kind is None or not self.record_id or self.model.document.closed:
            return None
        try:
            return str(getattr(self.model.get(self.kind, self.record_id), self.field))
        except KeyError:  # removed meanwhile (undo of its creation)
            return None

    def _on_text_changed(self) -> None:
        if not self._loading:
            self.idle.start()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.commit()
        super().focusOutEvent(event)


class WriteupPanel(QWidget):
    """The write-up of ``page``'s question and the summary of the theme focused in its view."""

    def __init__(self, page: BoardPage) -> None:
        super().__init__(page)
        self.page, self.model = page, page.model
        self.setObjectName("board_writeup")
        self.setAccessibleName(tr("Write-up"))
        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.synthesis = BoundText(self.model, "synthesis", tr("Edit what we heard"), self)
        self.synthesis.setAccessibleName(tr("What we heard: the question's write-up"))
        self.synthesis.setPlaceholderText(
            tr("What we heard: the write-up of this question, printed in the report.")
        )
        label = QLabel(tr("&What we heard"), self)
        label.setBuddy(self.synthesis)
        self.theme_label = QLabel(self)
        self.theme_label.setTextFormat(Qt.TextFormat.PlainText)
        self.theme_label.setWordWrap(True)
        self.summary = BoundText(self.model, "summary", tr("Edit theme summary"), self)
        self.summary.setAccessibleName(tr("Summary of the focused theme"))
        self.theme_label.setBuddy(self.summary)
        self.notes = QListWidget(self)
        self.notes.setAccessibleName(tr("Notes of the focused theme: check a note to star it"))
        self.notes.setWordWrap(True)
        self.notes.setAlternatingRowColors(True)
        notes_label = QLabel(tr("Its &notes (check to star a key quote):"), self)
        notes_label.setWordWrap(True)
        notes_label.setBuddy(self.notes)

        theme_box = QWidget(self)
        theme_layout = QVBoxLayout(theme_box)
        theme_layout.setContentsMargins(0, 0, 0, 0)
        theme_layout.addWidget(self.theme_label)
        theme_layout.addWidget(self.summary, 2)
        theme_layout.addWidget(notes_label)
        theme_layout.addWidget(self.notes, 3)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.heading)
        top_layout.addWidget(label)
        top_layout.addWidget(self.synthesis, 1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setChildrenCollapsible(False)
        split.addWidget(top)
        split.addWidget(theme_box)
        layout = QVBoxLayout(self)
        layout.addWidget(split)

        self.notes.itemChanged.connect(self._on_notes_item_changed)
        page.question_changed.connect(self._on_page_changed)
        page.selection_changed.connect(self._on_page_changed)
        page.view_changed.connect(self._on_page_changed)
        self.model.changed.connect(self._on_model_changed)
        self._filling = False
        self._on_page_changed()

    def commit_edits(self) -> None:
        self.synthesis.commit()
        self.summary.commit()

    def theme_id(self) -> str | None:
        """The theme focused in the page's view, or the theme of its focused note."""
        focus = self.page.current_view().focused_item()
        if focus is None:
            return None
        kind, record_id = focus
        if kind == THEME:
            return record_id
        if kind == NOTE:
            try:
                return self.model.get(Note, record_id).theme_id
            except KeyError:
                return None
        return None

    # -- filling ------------------------------------------------------------------------------

    def _on_page_changed(self, *_args: object) -> None:
        if self.model.document.closed:
            return
        question_id = self.page.question_id() or ""
        self.synthesis.bind(Question, question_id)
        theme_id = self.theme_id() or ""
        self.summary.bind(Theme, theme_id)
        self._refresh()

    def _refresh(self) -> None:
        question_id, theme_id = self.synthesis.record_id, self.summary.record_id
        questions = self.model.select(Question)
        number = next((i for i, q in enumerate(questions, 1) if q.id == question_id), 0)
        if number:
            self.heading.setText(tr("Write-up of Q{number}").format(number=number))
        else:
            self.heading.setText(tr("No question yet"))
        theme = next((t for t in self.model.select(Theme) if t.id == theme_id), None)
        if theme is None:
            self.theme_label.setText(
                tr("Focus a theme (or one of its notes) to write its summary.")
            )
            self.summary.setPlaceholderText("")
        else:
            title = theme.title.strip() or tr("Untitled theme")
            self.theme_label.setText(tr("Summary of the theme “{title}”:").format(title=title))
            self.summary.setPlaceholderText(tr("What this theme says, in a sentence or two."))
        self._fill_notes(theme_id)

    def _fill_notes(self, theme_id: str) -> None:
        tables = {g.id: g.name or tr(UNNAMED_TABLE) for g in self.model.select(Group)}
        away, phones = tr(AWAY_FROM_TABLES).lower(), tr(PHONE_SOURCE_LABEL)
        self._filling = True
        self.notes.clear()
        for note in self.model.select(Note, theme_id=theme_id) if theme_id else []:
            table = note_place(note, tables, away, phones)
            text = " ".join(note.text.split())
            if note.starred:
                shown = tr("★ key quote · {text} — {table}")
                spoken = tr("starred, {text}, from {table}")
            else:
                shown, spoken = tr("{text} — {table}"), tr("{text}, from {table}")
            item = QListWidgetItem(shown.format(text=text, table=table))
            item.setData(NoteIdRole, note.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            state = Qt.CheckState.Checked if note.starred else Qt.CheckState.Unchecked
            item.setCheckState(state)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken.format(text=text, table=table))
            self.notes.addItem(item)
        self._filling = False

    def _on_model_changed(self, kind: type[Record], record_id: str) -> None:
        if self.model.document.closed:
            return
        if kind in (Question, Theme, Note, Group):
            self.synthesis.reload()
            if self.summary.record_id and kind is Theme and self.summary._stored() is None:
                self.summary.bind(Theme, "")  # the theme went (undo, ungroup)
            self.summary.reload()
            row = self.notes.currentRow()
            self._refresh()
            if 0 <= row < self.notes.count():
                self.notes.setCurrentRow(row)

    def _on_notes_item_changed(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        note_id = str(item.data(NoteIdRole))
        want = item.checkState() == Qt.CheckState.Checked
        if self.model.get(Note, note_id).starred != want:
            QTimer.singleShot(0, lambda: actions.toggle_star(self.model, [note_id]))
