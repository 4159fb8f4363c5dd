"""CapturePage: Capture mode, where a table's note-taker types sticky notes per question.

Top: the table (asked on the first note's Enter, then remembered on this laptop per event, or in
the file itself for a copy handed out to a table; changed only with "Change table…") and the
question, which follows the facilitator's running breakout (Run mode) or is chosen with the bar or
Ctrl+PgUp/PgDn; the question and its prompt stay on screen. Left: the note box (Enter saves, one
committed transaction, and the card appears at once marked saved) over this table's cards for the
question. Right: the other tables' notes, search (Ctrl+F) and the trash. Every change goes through
``DocumentModel`` as an undoable command.

The focus lives in the note box: it starts there, and returns there after every action (a
question or table change, a save, a fix on a card, an undo, a dialog closed). What is typed
while the cards or the bar have the focus is typed into the box (``TypeToBox``).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QShowEvent, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.errors import WorkshopError
from workshop_app.domain.records import (
    MAX_TEXT,
    UNNAMED_TABLE,
    AgendaItem,
    Group,
    Note,
    NoteSource,
    Question,
    note_place,
)
from workshop_app.domain.safe_text import pieces
from workshop_app.i18n import format_number
from workshop_app.ui.capture.cards import CardListView
from workshop_app.ui.capture.entry import EntryPanel
from workshop_app.ui.capture.fixes import fix_note
from workshop_app.ui.capture.follow import first_question, running_breakout
from workshop_app.ui.capture.note_cache import NoteCache
from workshop_app.ui.capture.notes_model import NoteListModel
from workshop_app.ui.capture.side import SidePanel
from workshop_app.ui.capture.table_chooser import TableChooser
from workshop_app.ui.capture.type_to_box import TypeToBox
from workshop_app.ui.capture.where import QuestionHeader, WhereBar
from workshop_app.ui.capture.words import ORDER_TEXT, SAVED_AS
from workshop_app.ui.common.announce import announce
from workshop_app.ui.common.dialogs import Dialogs
from workshop_app.ui.common.i18n import tr, trn
from workshop_app.ui.common.keymap import install
from workshop_app.ui.common.settings import AppSettings
from workshop_app.ui.document_model import DocumentModel


class CapturePage(QWidget):
    """Capture mode for ``model``'s event; ``settings`` remembers the table (tests pass one)."""

    def __init__(
        self,
        model: DocumentModel,
        parent: QWidget | None = None,
        *,
        dialogs: Dialogs | None = None,
        settings: AppSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr("Capture"))
        self.model = model
        self.dialogs = dialogs or Dialogs()
        self.settings = settings or AppSettings()
        self.event_id = model.document.event_id
        self.cache = NoteCache(model, self)
        self.questions: list[Question] = []
        self.groups: dict[str, Group] = {}
        self.agenda: list[AgendaItem] = []
        self.table_id: str | None = None
        self.question_id: str | None = None
        self.followed: AgendaItem | None = None
        self.following = True
        self.chooser: TableChooser | None = None
        self._note_written = False
        self._in_question = tr("{place} · Q{number}")  # a card's place: see _refilter
        self._in_general = tr("{place} · general")
        self.mine = NoteListModel(self.cache, model, parent=self)
        self.others = NoteListModel(self.cache, model, place=self.place, parent=self)
        self.found = NoteListModel(self.cache, model, place=self.place, parent=self)
        self.trash = NoteListModel(self.cache, model, place=self.place, deleted=True, parent=self)
        self._build()
        self._load_tables()
        self._load_questions()
        self._load_agenda()
        self._check_run()
        self._refilter()
        self.setFocusProxy(self.entry.box)
        self.cache.note_changed.connect(self._on_cache_note_changed)
        model.changed.connect(self._on_model_changed)
        model.saved.connect(self._on_model_saved)
        model.undo_stack.indexChanged.connect(self._on_undo_stack_index_changed)

    # -- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.where = WhereBar(self)
        self.header = QuestionHeader(self)
        self.entry = EntryPanel(self)
        self.status = self.entry.status
        self.cards_label = QLabel(self)
        self.cards_label.setWordWrap(True)
        self.order = QToolButton(self)
        self.order.setCheckable(True)
        self.order.setAccessibleName(tr("Newest first"))
        self.order.setToolTip(tr("Show the newest note first, or in the order they were written"))
        self.cards = CardListView(tr("Your table's notes on this question"), self)
        self.cards.setModel(self.mine)
        self.side = SidePanel(self.others, self.found, self.trash, self)
        heading = QHBoxLayout()
        heading.addWidget(self.cards_label, 1)
        heading.addWidget(self.order)
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.entry)
        column.addLayout(heading)
        column.addWidget(self.cards, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.where)
        layout.addWidget(self.header)
        layout.addWidget(self.splitter, 1)
        search = install(QAction(tr("Search all notes"), self), "capture.search")
        search.triggered.connect(self._on_search_triggered)
        self.addAction(search)
        order = self.settings.capture_newest_first()
        self.order.setChecked(order)
        self.order.setText(tr(ORDER_TEXT[order]))
        for view_model in (self.mine, self.others, self.trash):
            view_model.set_newest_first(order)
        self.order.toggled.connect(self._on_order_toggled)
        self.entry.submitted.connect(self._on_entry_submitted)
        self.where.table_change_requested.connect(self._on_where_table_change_requested)
        self.where.question_chosen.connect(self._on_where_question_chosen)
        self.header.follow_requested.connect(self._on_header_follow_requested)
        views = (self.cards, self.side.others, self.side.found, self.side.trash)
        for view in views:
            view.note_action.connect(self._on_cards_note_action)
            view.editor_closed.connect(self.focus_entry)
        self.type_to_box = TypeToBox(self.entry.box, self)
        self.type_to_box.watch(
            *views, self.side.tabBar(), self.side.restore_button, self.order,
            self.where.question, self.where.change_table, self.header.back,
        )  # fmt: skip
        chain = [
            self.where.change_table,
            self.where.question,
            self.entry.box,
            self.entry.who,
            self.entry.role,
            self.cards,
            self.order,
            self.side.tabBar(),
            self.side.others,
            self.side.search,
            self.side.found,
            self.side.trash,
            self.side.restore_button,
        ]  # fmt: skip (hidden tabs' widgets are skipped)
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # -- reading the event ---------------------------------------------------------------------

    def _load_tables(self) -> None:
        groups = self.model.select(Group)
        self.groups = {g.id: g for g in groups}
        remembered = self._remembered_table()
        self.table_id = remembered if remembered in self.groups else None
        self.where.set_tables(groups, self.table_id)

    def _remembered_table(self) -> str | None:
        """This laptop's table: a copy handed out to a table keeps it in the file (two copies
        on one laptop are two tables), other files in this laptop's settings."""
        if self.model.document.handed_out:
            return self.model.document.copy_table()
        return self.settings.capture_table(self.event_id)

    def _load_questions(self) -> None:
        self.questions = self.model.select(Question)
        ids = [q.id for q in self.questions]
        if self.question_id not in ids:
            self.question_id = ids[0] if ids else None
        self._show_questions()

    def _load_agenda(self) -> None:
        self.agenda = self.model.select(AgendaItem)

    def _show_questions(self, *, counts_only: bool = False) -> None:
        rows = [(q, self._counts(q.id)) for q in self.questions]
        if counts_only:
            self.where.set_counts([counts for _, counts in rows])
        else:
            self.where.set_questions(rows, self.question_id)
        question = next((q for q in self.questions if q.id == self.question_id), None)
        self.header.show_question(question)
        self._show_card_count()

    def _show_card_count(self) -> None:
        """What the cards below show, counted from them (never "0 notes" above a card)."""
        every = self.cache.count(self.question_id)
        if self.table_id in self.groups:
            table = self.groups[self.table_id or ""].name or tr(UNNAMED_TABLE)
        elif self.groups:  # no table chosen: no cards are "yours" yet
            self.cards_label.setText(
                tr(
                    "Your table's notes show here once it is chosen · {every} from all tables"
                ).format(every=every)
            )
            return
        else:
            table = tr("General notes")
        shown = self.mine.rowCount()
        self.cards_label.setText(
            trn(
                "<b>{table}</b>: %n note on this question · {every} from all tables",
                "<b>{table}</b>: %n notes on this question · {every} from all tables",
                shown,
            ).format(table=escape(table), every=every)
        )

    def _counts(self, question_id: str) -> str:
        everyone = self.cache.count(question_id)
        if self.table_id is None:
            return trn("%n note", "%n notes", everyone)
        here = self.cache.count(question_id, self.table_id)
        return tr("{here} here · {everyone} in all").format(here=here, everyone=everyone)

    def place(self, note: Note) -> str:
        """Where a note is from: its table, and its question when it is not the current one."""
        group = self.groups.get(note.group_id or "")
        where = group.name if group else note_place(note, {})
        if note.question_id != self.question_id:
            number = next(
                (n for n, q in enumerate(self.questions, 1) if q.id == note.question_id), None
            )
            where = (
                self._in_question.format(place=where, number=number)
                if number
                else self._in_general.format(place=where)
            )
        return where

    def _refilter(self) -> None:
        q, table = self.question_id, self.table_id
        if table is None and self.groups:  # no table chosen: nothing is this laptop's yet
            self.mine.set_filter(lambda _n: False)
        else:
            self.mine.set_filter(
                lambda n: (
                    n.question_id == q and n.group_id == table and n.source != NoteSource.PHONE
                )
            )
        self.others.set_filter(  # attendees' phones' notes among the other tables' (see side.py)
            lambda n: n.question_id == q and (n.group_id != table or n.source == NoteSource.PHONE),
            show_place=True,
        )
        # a card's place is asked at every paint: its words are translated once per filter
        self._in_question = tr("{place} · Q{number}")
        self._in_general = tr("{place} · general")
        self.trash.set_filter(lambda n: n.group_id == table, show_place=True)
        self.side.update_labels()
        self._show_questions()

    def _set_question(self, question_id: str | None) -> None:
        if question_id != self.question_id:
            self.question_id = question_id
            self.status.clear()  # "✓ Saved" was about the other question
            self._refilter()
        if self.followed is not None:
            self.following = question_id in self.followed.question_ids
        self._show_run()

    def _show_run(self) -> None:
        item = self.followed
        self.header.show_run(item.title if item else None, following=self.following)

    def _check_run(self) -> None:
        """Follow the running breakout: a newly running one sets the question."""
        item = running_breakout(self.model.run_state(), self.agenda)
        if (item and item.id) != (self.followed and self.followed.id):
            self.followed = item
            self.following = True
            question_id = first_question(item, self.questions)
            if question_id:
                self._set_question(question_id)
        self._show_run()

    # -- user actions ----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.focus_entry()

    def focus_entry(self) -> None:
        """The note box (also the page's focus proxy, so the mode shortcut lands there)."""
        if self.chooser is None:
            self.entry.box.setFocus()

    def commit_edits(self) -> None:
        """The event is closing: a note left in the box is saved, not lost (without a table
        if none was chosen: unfiled is better than lost)."""
        if self.chooser is not None:
            self.chooser.reject()
        if self.entry.box.toPlainText().strip():
            self._save_note()

    def _on_entry_submitted(self) -> None:
        if not self.entry.box.toPlainText().strip():
            self.focus_entry()
            return
        if self.table_id is None and self.groups:
            self._ask_table(then_save=True)
            return
        self._save_note()

    def _ask_table(self, *, then_save: bool) -> None:
        """The chooser, window-modal; the note (if any) is saved once a table is picked."""
        if self.chooser is not None:
            return
        question = (
            tr("Which table is this laptop taking notes for? Your note is saved with it.")
            if then_save
            else tr("Which table is this laptop taking notes for?")
        )
        groups = self.model.select(Group)
        self.chooser = TableChooser(groups, self.table_id, question, self)
        self.chooser.finished.connect(lambda result: self._on_chooser_finished(result, then_save))
        self.chooser.open()

    def _on_chooser_finished(self, result: int, then_save: bool) -> None:
        chooser, self.chooser = self.chooser, None
        if chooser is None:
            return
        chosen = chooser.chosen() if result == TableChooser.DialogCode.Accepted else None
        if chosen is not None and chosen in self.groups:
            self.set_table(chosen)
            if then_save:
                self._save_note()
        elif then_save:
            self.status.setText(
                tr("No table chosen: your note is still in the box. Enter asks again.")
            )
        if chooser.typed:  # typed while the chooser was open: the start of the next note
            box = self.entry.box
            box.moveCursor(QTextCursor.MoveOperation.End)
            box.insertPlainText(chooser.typed)
        chooser.deleteLater()
        self.window().activateWindow()  # not every platform gives it back when a dialog closes
        self.focus_entry()

    def set_table(self, group_id: str) -> None:
        if group_id != self.table_id:
            self.table_id = group_id
            if self.model.document.handed_out:  # this file's own laptop: kept in the file
                try:
                    self.model.document.set_copy_table(group_id)
                except WorkshopError:  # a read-only copy: this session only
                    pass
            else:
                self.settings.set_capture_table(self.event_id, group_id)
            self.status.clear()  # "✓ Saved" was about the other table
            self.where.set_tables(list(self.groups.values()), group_id)
            self._refilter()

    def _save_note(self) -> None:
        draft = self.entry.draft()
        text = draft.text.strip()
        if not text:
            return
        parts = pieces(text, MAX_TEXT)  # a note holds MAX_TEXT characters: more makes several
        for index, part in enumerate(parts):
            note = Note(
                question_id=self.question_id,
                group_id=self.table_id,
                text=part.strip(),
                kind=draft.kind,
                attribution=draft.attribution,
                role=draft.role,
            )
            try:
                self.model.push_add(note, label=tr("Add note"))
            except WorkshopError as exc:  # e.g. a full disk: nothing was written
                if index:  # the first pieces are saved: what is left stays in the box
                    self.entry.box.setPlainText("".join(parts[index:]))
                self.status.setText(
                    tr("⚠ Not saved. {reason} Your note is still in the box.").format(reason=exc)
                )
                return
        self.entry.reset()
        self.focus_entry()
        n = self.cache.count(self.question_id, self.table_id)
        saved = self.model.clock(seconds=True)
        self.status.setText(tr(SAVED_AS[note.kind]).format(time=saved, number=n))
        announce(self, tr("Saved"))
        if len(parts) > 1:
            long = tr(
                "It was long, so it is saved as {count} notes "
                "(a note holds at most {most} characters)."
            ).format(count=len(parts), most=format_number(MAX_TEXT))
            self.status.setText(f"{self.status.text()} {long}")
        if self.mine.newest_first:
            self.cards.scrollToTop()
        else:
            self.cards.scrollToBottom()

    def _on_cards_note_action(self, action: str, note_id: str) -> None:
        note = self.cache.notes.get(note_id)
        sender = self.sender()
        view = sender if isinstance(sender, CardListView) else self.cards
        if note is not None:
            fix_note(self.model, self.dialogs, view, note, action, self.questions)
        self.focus_entry()

    def _on_search_triggered(self) -> None:
        if self.isVisible():
            self.side.focus_search()

    def _on_order_toggled(self, newest_first: bool) -> None:
        self.order.setText(tr(ORDER_TEXT[newest_first]))
        self.settings.set_capture_newest_first(newest_first)
        for view_model in (self.mine, self.others, self.trash):
            view_model.set_newest_first(newest_first)

    def _on_where_table_change_requested(self) -> None:
        self._ask_table(then_save=False)

    def _on_where_question_chosen(self, question_id: str) -> None:
        self._set_question(question_id)
        self.focus_entry()

    def _on_header_follow_requested(self) -> None:
        question_id = first_question(self.followed, self.questions)
        if question_id:
            self._set_question(question_id)
        self.focus_entry()

    def _on_undo_stack_index_changed(self, _index: int) -> None:
        """After an undo or redo (or any change made here), back to the note box, unless the
        note-taker is typing in another text field (search, "Said by", a card's editor)."""
        focused = QApplication.focusWidget()
        typing = isinstance(focused, QLineEdit | QPlainTextEdit)
        if self.isVisible() and not typing and focused is not None and self.isAncestorOf(focused):
            self.focus_entry()

    def _on_cache_note_changed(self, _old: Note | None, _new: Note) -> None:
        self._note_written = True
        self._show_questions(counts_only=True)

    def _on_model_changed(self, kind: type, _record_id: str) -> None:
        if self.model.document.closed:
            return
        if kind is Group:
            self._load_tables()
            self._refilter()
        elif kind is Question:
            self._load_questions()
            self._refilter()
        elif kind is AgendaItem:
            self._load_agenda()
            self._check_run()

    def _on_model_saved(self, _time: str) -> None:
        if self._note_written:  # a note: the run did not change (saves one read per note)
            self._note_written = False
            return
        if not self.model.document.closed:
            self._check_run()
