"""BoardScene: one question's notes as cards in columns ("Not yet sorted", one per theme, and a
"New theme" drop area), kept in step with ``DocumentModel`` item by item.

A change to one note updates that card; a change to many (a move, a group) re-reads the
question's notes once and touches only the cards whose note changed; themes add, drop or
retitle their column. Then the columns are laid out again (``setPos`` on the cards that moved:
nothing else is rebuilt). Only a new question (or a new text size) builds the scene afresh.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, QPointF, QRectF
from PySide6.QtWidgets import QGraphicsScene

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
from workshop_app.ui.board.canvas_items import CardItem, ColumnItem, Metrics
from workshop_app.ui.board.outline_model import THEME, UNSORTED, UNSORTED_TITLE
from workshop_app.ui.board.words import tr, trn
from workshop_app.ui.document_model import DocumentModel

NEW = "new"  # the drop area that makes a new theme
Key = tuple[str, str]  # a column: (kind, theme id or "")


class BoardScene(QGraphicsScene):
    """The cards and columns of ``question_id``; ``layout_done`` runs after each layout."""

    def __init__(self, model: DocumentModel, metrics: Metrics, parent: QObject | None = None):
        super().__init__(parent)
        self.model, self.metrics = model, metrics
        self.question_id: str | None = None
        self.cards: dict[str, CardItem] = {}
        self.columns: dict[Key, ColumnItem] = {}
        self.order: list[Key] = []  # the columns, left to right
        self.members: dict[Key, list[str]] = {}  # each column's notes, in display order
        self._rank: dict[str, int] = {}  # a note's place in the question's order
        self._tables: dict[str, str] = {}
        self._themes: dict[str, Theme] = {}
        model.changed.connect(self._on_model_changed)

    # -- building ----------------------------------------------------------------------------

    def load(self, question_id: str | None) -> None:
        """Show ``question_id``'s notes (built afresh)."""
        self.question_id = question_id
        self.clear()
        self.cards, self.columns, self.order, self.members = {}, {}, [], {}
        self._themes, self._rank = {}, {}
        if question_id is None or self.model.document.closed:
            self.setSceneRect(QRectF(0, 0, 10, 10))
            return
        self._tables = self._read_tables()
        notes = self.model.select(Note, question_id=question_id)
        self._rank = {n.id: i for i, n in enumerate(notes)}
        self._sync_themes()
        for note in notes:
            self._put(note)
        self.relayout()

    def set_metrics(self, metrics: Metrics) -> None:
        self.metrics = metrics
        items: list[CardItem | ColumnItem] = [*self.cards.values(), *self.columns.values()]
        for item in items:
            item.metrics = metrics
            if isinstance(item, CardItem):
                item.set_metrics(metrics)
        self.relayout()

    def _read_tables(self) -> dict[str, str]:
        return {g.id: g.name or tr(UNNAMED_TABLE) for g in self.model.select(Group)}

    def _table(self, note: Note) -> str:
        phones = tr(PHONE_SOURCE_LABEL)  # a place of its own on the card: "From attendees' phones"
        phones = phones[:1].upper() + phones[1:]
        return note_place(note, self._tables, tr(AWAY_FROM_TABLES), phones)

    def _put(self, note: Note) -> None:
        """Show ``note`` (new card, or the card updated), filed in its column's members."""
        card = self.cards.get(note.id)
        if card is None:
            card = self.cards[note.id] = CardItem(note, self._table(note), self.metrics)
            self.addItem(card)
        else:
            self._unfile(note.id, card.note.theme_id)
            card.set_note(note, self._table(note))
        self.members[self.key_of(note.theme_id)].append(note.id)

    def _unfile(self, note_id: str, theme_id: str | None) -> None:
        members = self.members.get(self.key_of(theme_id))
        if members is not None and note_id in members:
            members.remove(note_id)

    def _drop(self, note_id: str) -> None:
        card = self.cards.pop(note_id, None)
        if card is not None:
            self._unfile(note_id, card.note.theme_id)
            self.removeItem(card)

    def key_of(self, theme_id: str | None) -> Key:
        """The column of a note filed under ``theme_id`` (unsorted if not a theme shown)."""
        return (THEME, theme_id) if theme_id in self._themes else (UNSORTED, "")

    # -- keeping in step ---------------------------------------------------------------------

    def _on_model_changed(self, kind: type[Record], record_id: str) -> None:
        if self.question_id is None or self.model.document.closed:
            return
        if kind is Note:
            self._sync_notes(record_id)
        elif kind is Theme:
            self._sync_themes()
        elif kind is Group:
            self._tables = self._read_tables()
            for card in self.cards.values():
                card.set_note(card.note, self._table(card.note))
        elif kind is Question:
            self._label_columns()
            return
        else:
            return
        self.relayout()

    def _sync_notes(self, record_id: str) -> None:
        if record_id:
            notes = self.model.document.records(Note, [record_id])
            fresh = [n for n in notes if not n.deleted and n.question_id == self.question_id]
            if not fresh:
                self._drop(record_id)
                return
            self._rank.setdefault(record_id, len(self._rank))
        else:
            fresh = self.model.select(Note, question_id=self.question_id)
            keep = {n.id for n in fresh}
            for gone in [nid for nid in self.cards if nid not in keep]:
                self._drop(gone)
            self._rank = {n.id: i for i, n in enumerate(fresh)}
        for note in fresh:
            card = self.cards.get(note.id)
            if card is None or card.note != note:
                self._put(note)
        for members in self.members.values():
            members.sort(key=lambda nid: self._rank.get(nid, 0))

    def _sync_themes(self) -> None:
        themes = self.model.select(Theme, question_id=self.question_id)
        self._themes = {t.id: t for t in themes}
        wanted: list[Key] = [(UNSORTED, ""), *((THEME, t.id) for t in themes), (NEW, "")]
        for key in [k for k in self.columns if k not in wanted]:
            self.removeItem(self.columns.pop(key))
            for note_id in self.members.pop(key, []):
                self.members[(UNSORTED, "")].append(note_id)  # refiled by the notes' change
        for key in wanted:
            if key not in self.columns:
                self.columns[key] = ColumnItem(key[0], key[1], self.metrics)
                self.addItem(self.columns[key])
                self.members.setdefault(key, [])
        # notes filed under a theme that has just come (back): file them in its column
        for key in wanted:
            if key[0] == THEME:
                continue
            for note_id in list(self.members[key]):
                card = self.cards.get(note_id)
                if card is not None and self.key_of(card.note.theme_id) != key:
                    self.members[key].remove(note_id)
                    self.members[self.key_of(card.note.theme_id)].append(note_id)
        self.order = wanted

    def _label_columns(self) -> None:
        for key in self.order:
            column, count = self.columns[key], len(self.members[key])
            notes = trn("%n note", "%n notes", count)
            if key[0] == UNSORTED:
                column.set_text(tr(UNSORTED_TITLE), notes)
            elif key[0] == NEW:
                column.set_text(tr("+ New theme"), tr("Drop notes here to group them"))
            else:
                theme = self._themes[key[1]]
                cards = [self.cards[nid].note for nid in self.members[key]]
                total = actions.theme_total(theme, cards)
                votes = trn("%n vote", "%n votes", total)
                if theme.votes:
                    counts = tr("{notes} · {votes} ({own} to the theme)")
                else:
                    counts = tr("{notes} · {votes}")
                title = theme.title.strip() or tr("Untitled theme")
                column.set_text(title, counts.format(notes=notes, votes=votes, own=theme.votes))

    # -- layout ----------------------------------------------------------------------------

    def relayout(self) -> None:
        """Place the columns left to right and each column's cards in rows."""
        for key, members in self.members.items():
            if key[0] == UNSORTED or key in self.columns:
                members.sort(key=lambda nid: self._rank.get(nid, 0))
        self._label_columns()
        m = self.metrics
        x, tallest = float(m.gap), 0.0
        for key in self.order:
            members = self.members[key]
            across = 1
            if key[0] == UNSORTED and len(members) > 6:
                across = min(4, max(2, math.ceil(math.sqrt(len(members) / 6))))
            rows = max(2, math.ceil(len(members) / across))
            width = across * m.width + (across - 1) * m.gap + 2 * m.pad
            height = m.header + m.pad + rows * (m.height + m.gap)
            column = self.columns[key]
            column.setPos(x, m.gap)
            column.set_size(width, height)
            for number, note_id in enumerate(members):
                row, col = divmod(number, across)
                point = QPointF(
                    x + m.pad + col * (m.width + m.gap),
                    m.gap + m.header + m.pad + row * (m.height + m.gap),
                )
                card = self.cards[note_id]
                if card.pos() != point:
                    card.setPos(point)
            tallest = max(tallest, height)
            x += width + m.gap
        for key in self.order:
            column = self.columns[key]
            column.set_size(column.size.width(), tallest)
        self.setSceneRect(QRectF(0, 0, x, tallest + 2 * m.gap))

    # -- reading ----------------------------------------------------------------------------

    def note_order(self) -> list[str]:
        """Every card's note id, column by column, as shown."""
        return [nid for key in self.order for nid in self.members[key]]

    def column_at(self, point: QPointF) -> ColumnItem | None:
        for key in self.order:
            column = self.columns[key]
            if column.sceneBoundingRect().adjusted(6, 6, -6, -6).contains(point):
                return column
        return None

    def column_of(self, note_id: str) -> Key:
        card = self.cards[note_id]
        return self.key_of(card.note.theme_id)
