"""SuggestionsPanel: the Board's side panel of offline, explainable suggestions for the current
question, never applied without a person's say-so (``domain.suggest`` is the engine).

- Themes: "Suggest themes" proposes groups of the notes not yet sorted, each with a title and
  the words that tie it; Accept (one undo step), Edit title, Reject, one by one. Notes already in
  a theme are never proposed, and after every change the proposals are worked out again from
  what is still unsorted (a rejected group stays hidden).
- Similar notes: the notes nearest the note focused in the board, the words they share in bold;
  activating one reveals it in the board.
- Duplicates: near-identical notes from different tables, merged on request
  (``suggest_actions.merge_duplicates``).

Nothing is computed at Board startup: themes and duplicates on their button, similar notes when
their tab is shown; the engine runs on a worker thread (``Background``), so a big question never
freezes the window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.records import Note, Record, Theme
from workshop_app.ui.board.suggest_actions import (
    accept_suggestion,
    also_said,
    keeper,
    merge_duplicates,
    table_name,
)
from workshop_app.ui.board.suggest_rows import (
    Background,
    DuplicateCard,
    SimilarRow,
    SuggestionCard,
)
from workshop_app.ui.common.i18n import tr, trn
from workshop_app.ui.common.text import plain_label

if TYPE_CHECKING:
    from workshop_app.ui.board.page import BoardPage


def _work_themes(notes: list[Note]) -> Any:
    from workshop_app.domain.suggest import suggest_themes

    return suggest_themes(notes)


def _work_similar(notes: list[Note], note_id: str) -> Any:
    from workshop_app.domain.suggest import similar_notes

    return similar_notes(notes, note_id, limit=6)


def _work_duplicates(notes: list[Note]) -> Any:
    from workshop_app.domain.suggest import find_duplicates

    return find_duplicates(notes)


def _discard(widget: QWidget) -> None:
    """Take ``widget`` out of its layout and parent before deleting it: a widget deleted while a
    layout still lists it leaves the layout a dangling pointer (PySide apps segfault there)."""
    widget.hide()
    owner = widget.parentWidget()
    layout = owner.layout() if owner is not None else None
    if layout is not None:
        layout.removeWidget(widget)
    widget.setParent(None)
    widget.deleteLater()


class _Tab(QWidget):
    """A button, a status line and a scrolling column of rows."""

    def __init__(self, button: str, name: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.button = QPushButton(button, self) if button else None
        self.status = plain_label("", self, name=tr("Status"))
        self.column = QWidget(self)
        self.rows = QVBoxLayout(self.column)
        self.rows.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.column)
        scroll.setAccessibleName(name)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        if self.button is not None:
            self.button.setAccessibleName(button)
            layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)

    def clear(self) -> None:
        while self.rows.count() > 1:
            item = self.rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                _discard(widget)

    def add(self, widget: QWidget) -> None:
        self.rows.insertWidget(self.rows.count() - 1, widget)
        widget.show()  # now, not on the layout's queued show: Tab must reach it at once

    def chain(self) -> None:
        """Tab goes from the button (or the tab) through the rows in order: rows made after the
        window was built would otherwise come last in its focus chain."""
        previous: QWidget = self.button or self
        for i in range(self.rows.count() - 1):
            item = self.rows.itemAt(i)
            row = item.widget() if item is not None else None
            if row is None:
                continue
            for widget in [row, *row.findChildren(QWidget)]:
                if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                    QWidget.setTabOrder(previous, widget)
                    previous = widget


class SuggestionsPanel(QTabWidget):
    """The three kinds of suggestion for ``page``'s current question."""

    def __init__(self, page: BoardPage) -> None:
        super().__init__(page)
        self.page, self.model = page, page.model
        self.setObjectName("board_suggestions")
        self.setAccessibleName(tr("Suggestions"))
        self.background = Background(self)
        self.themes = _Tab(tr("Suggest themes"), tr("Proposed themes"), self)
        self.similar = _Tab("", tr("Similar notes"), self)
        self.duplicates = _Tab(tr("Find duplicates"), tr("Possible duplicates"), self)
        self.addTab(self.themes, tr("Themes"))
        self.addTab(self.similar, tr("Similar notes"))
        self.addTab(self.duplicates, tr("Duplicates"))
        self.themes.status.setText(tr("Proposes themes for the notes not yet sorted."))
        self.duplicates.status.setText(tr("Finds near-identical notes from different tables."))
        self.cards: dict[frozenset[str], SuggestionCard] = {}
        self.rejected: set[frozenset[str]] = set()
        self.dismissed: set[frozenset[str]] = set()
        self._asked: set[str] = set()  # "themes", "duplicates": kept up to date once asked
        self._similar_for: str | None = None
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(150)
        self._later.timeout.connect(self._on_later_timeout)
        assert self.themes.button is not None and self.duplicates.button is not None
        self.themes.button.clicked.connect(self._on_suggest_clicked)
        self.duplicates.button.clicked.connect(self._on_duplicates_clicked)
        self.currentChanged.connect(lambda _i: self._later.start())
        page.question_changed.connect(self._on_page_question_changed)
        page.selection_changed.connect(self._later.start)
        page.view_changed.connect(lambda _name: self._later.start())
        self.model.changed.connect(self._on_model_changed)
        self.destroyed.connect(self.background.shutdown)

    # -- reading the board ----------------------------------------------------------------

    def _notes(self) -> list[Note]:
        return self.model.select(Note, question_id=self.page.question_id())

    def _table(self, note: Note) -> str:
        return table_name(self.model, note.group_id)

    # -- themes -----------------------------------------------------------------------------

    def _on_suggest_clicked(self) -> None:
        self._asked.add("themes")
        self._suggest()

    def _suggest(self) -> None:
        notes = self._notes()
        self.themes.status.setText(tr("Looking for themes…"))
        self.background.submit("themes", lambda: _work_themes(notes), self._show_themes)

    def _show_themes(self, suggestions: Any) -> None:
        notes = {n.id: n for n in self._notes()}
        had_focus = self.themes.isAncestorOf(self.focusWidget() or self)
        fresh: dict[frozenset[str], SuggestionCard] = {}
        for s in suggestions:
            key = frozenset(s.note_ids)
            if key in self.rejected or not all(i in notes for i in key):
                continue
            card = self.cards.pop(key, None)
            if card is None:
                members = [(notes[i], self._table(notes[i])) for i in s.note_ids]
                card = SuggestionCard(s.title, s.keywords, members, self.themes.column)
                card.accepted.connect(lambda k=key: self._on_card_accepted(k))
                card.rejected.connect(lambda k=key: self._on_card_rejected(k))
            fresh[key] = card
        for card in self.cards.values():  # kept cards were popped above: these are stale
            _discard(card)
        self.cards = fresh
        for card in fresh.values():
            self.themes.rows.removeWidget(card)
            self.themes.add(card)
        self.themes.chain()
        loose = sum(1 for n in notes.values() if n.theme_id is None)
        placed = sum(len(k) for k in fresh)
        if fresh:
            status = trn(
                "{themes} for {placed} of the %n note not yet sorted.",
                "{themes} for {placed} of the %n notes not yet sorted.",
                loose,
            ).format(
                themes=trn("%n proposed theme", "%n proposed themes", len(fresh)), placed=placed
            )
        else:
            status = trn(
                "No themes to propose for the %n note not yet sorted.",
                "No themes to propose for the %n notes not yet sorted.",
                loose,
            )
        self.themes.status.setText(status)
        if had_focus and not self.themes.isAncestorOf(self.focusWidget() or self):
            self._focus_card(0)

    def _focus_card(self, index: int) -> None:
        cards = list(self.cards.values())
        if cards:
            cards[min(index, len(cards) - 1)].accept.setFocus()
        elif self.themes.button is not None:
            self.themes.button.setFocus()

    def _drop_card(self, key: frozenset[str]) -> int:
        keys = list(self.cards)
        index = keys.index(key)
        _discard(self.cards.pop(key))
        return index

    def _on_card_accepted(self, key: frozenset[str]) -> None:
        card, question_id = self.cards.get(key), self.page.question_id()
        if card is None or question_id is None:
            return
        ids, title = card.ticked_ids(), card.chosen_title()
        index = self._drop_card(key)
        self._focus_card(index)
        accept_suggestion(self.model, question_id, ids, title)  # the change recomputes

    def _on_card_rejected(self, key: frozenset[str]) -> None:
        if key in self.cards:
            self.rejected.add(key)
            self._focus_card(self._drop_card(key))
            if not self.cards:
                self.themes.status.setText(tr("Every proposed theme was accepted or rejected."))

    # -- similar notes ------------------------------------------------------------------------

    def _on_later_timeout(self) -> None:
        if self.currentWidget() is not self.similar or not self.isVisible():
            return
        view = self.page.current_view()
        focus = view.focused_item()
        if focus is None or focus[0] != "note":
            self._similar_for = None
            self.similar.clear()
            self.similar.status.setText(tr("Focus a note in the board to see the notes like it."))
            return
        notes = self._notes()
        note_id = focus[1]
        if not any(n.id == note_id for n in notes) or note_id == self._similar_for:
            return
        self._similar_for = note_id
        self.background.submit("similar", lambda: _work_similar(notes, note_id), self._show_similar)

    def _show_similar(self, found: Any) -> None:
        notes = {n.id: n for n in self._notes()}
        self.similar.clear()
        focused = notes.get(self._similar_for or "")
        if focused is None:
            return
        shown = [s for s in found if s.note_id in notes]
        head = tr("Notes like “{text}” ({table}):").format(
            text=focused.text, table=self._table(focused)
        )
        none = tr("No note shares words with “{text}”.").format(text=focused.text)
        self.similar.status.setText(head if shown else none)
        for s in shown:
            row = SimilarRow(notes[s.note_id], self._table(notes[s.note_id]), s.shared_words,
                             self.similar.column)  # fmt: skip
            row.activated.connect(self._on_similar_activated)
            self.similar.add(row)
        self.similar.chain()

    def _on_similar_activated(self, note_id: str) -> None:
        view = self.page.current_view()
        view.reveal("note", note_id)
        view.key_widget().setFocus()

    # -- duplicates -------------------------------------------------------------------------

    def _on_duplicates_clicked(self) -> None:
        self._asked.add("duplicates")
        self._find_duplicates()

    def _find_duplicates(self) -> None:
        notes = self._notes()
        self.duplicates.status.setText(tr("Looking for duplicates…"))
        self.background.submit("duplicates", lambda: _work_duplicates(notes), self._show_dupes)

    def _show_dupes(self, pairs: Any) -> None:
        notes = {n.id: n for n in self._notes()}
        had_focus = self.duplicates.isAncestorOf(self.focusWidget() or self)
        self.duplicates.clear()
        shown = 0
        for pair in pairs:
            key = frozenset(pair.note_ids)
            if key in self.dismissed or not all(i in notes for i in key):
                continue
            kept, gone = keeper(notes[pair.note_ids[0]], notes[pair.note_ids[1]])
            card = DuplicateCard((kept, self._table(kept)), (gone, self._table(gone)),
                                 also_said(self.model, gone), self.duplicates.column)  # fmt: skip
            card.merge.connect(lambda a=kept.id, b=gone.id: self._on_merge(a, b))
            card.dismissed.connect(lambda k=key, c=card: self._on_dismissed(k, c))
            self.duplicates.add(card)
            shown += 1
        self.duplicates.chain()
        self.duplicates.status.setText(
            trn(
                "%n possible duplicate from different tables.",
                "%n possible duplicates from different tables.",
                shown,
            )
            if shown
            else tr("No near-identical notes from different tables.")
        )
        if had_focus and self.duplicates.button is not None:
            self.duplicates.button.setFocus()

    def _on_merge(self, kept_id: str, gone_id: str) -> None:
        merge_duplicates(self.model, kept_id, gone_id)  # the change finds them again

    def _on_dismissed(self, key: frozenset[str], card: DuplicateCard) -> None:
        self.dismissed.add(key)
        _discard(card)
        if self.duplicates.button is not None:
            self.duplicates.button.setFocus()

    # -- keeping up ---------------------------------------------------------------------------

    def _on_page_question_changed(self, _question_id: str) -> None:
        self._asked.clear()
        for card in self.cards.values():
            _discard(card)
        self.cards.clear()
        self.themes.status.setText(tr("Proposes themes for the notes not yet sorted."))
        self.duplicates.clear()
        self.duplicates.status.setText(tr("Finds near-identical notes from different tables."))
        self._similar_for = None
        self._later.start()

    def _on_model_changed(self, kind: type[Record], _record_id: str) -> None:
        if kind not in (Note, Theme):
            return
        if "themes" in self._asked:
            self._suggest()
        if "duplicates" in self._asked and kind is Note:
            self._find_duplicates()
        if kind is Note:
            self._similar_for = None
            self._later.start()
