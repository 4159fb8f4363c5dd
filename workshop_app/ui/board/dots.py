"""DotsPanel: the facilitator's dot voting mode on the Board (Ctrl+D, or its check box).

After a wall vote, the votes are typed in quickly: in the mode, digits typed while a view (the
outline, the canvas) has the focus build a number, Enter sets it as the votes of the focused note
or theme (``actions.set_votes``: one undo step) and moves the focus to the next note (or theme).
Backspace takes a digit back, Esc forgets them. Outside the mode the views never see digits as
votes: the key filter is only installed while the mode is on.

A budget of dots per person and the number of people voting give the dots there are; the panel
counts the votes placed on the current question against them ("Votes placed 37 of 40 × 5 = 200
dots").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from workshop_app.domain.records import Note, Record, Theme
from workshop_app.ui.board import actions
from workshop_app.ui.board.outline_model import NOTE, THEME
from workshop_app.ui.common.i18n import tr, trn
from workshop_app.ui.common.keymap import install, shown

if TYPE_CHECKING:
    from workshop_app.ui.board.page import BoardPage, BoardView

DIGITS = {getattr(Qt.Key, f"Key_{n}"): str(n) for n in range(10)}
ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
MAX_DIGITS = 3


class DotsPanel(QWidget):
    """The dot voting switch, budget and count of ``page``, and its digit entry."""

    def __init__(self, page: BoardPage) -> None:
        super().__init__(page)
        self.page, self.model = page, page.model
        self.setObjectName("board_dots")
        self.setAccessibleName(tr("Dot voting"))
        self.typed = ""
        self._filtered: list[QWidget] = []

        self.action = install(QAction(tr("Dot voting"), page), "board.dots")
        self.action.setCheckable(True)
        page.addAction(self.action)
        self.switch = QCheckBox(
            tr("Dot voting mode ({keys})").format(keys=shown("board.dots")), self
        )
        self.switch.setAccessibleName(tr("Dot voting mode"))
        self.switch.toggled.connect(self.action.setChecked)
        self.action.toggled.connect(self._on_action_toggled)

        event = self.model.event_record()
        self.dots = QSpinBox(self)
        self.dots.setRange(1, 99)
        self.dots.setValue(5)
        self.dots.setAccessibleName(tr("Dots per person"))
        self.people = QSpinBox(self)
        self.people.setRange(1, 9999)
        self.people.setValue(event.attendance or event.attendee_count or 20)
        self.people.setAccessibleName(tr("People voting"))
        self.count = QLabel(self)
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.count.setWordWrap(True)
        self.count.setAccessibleName(tr("Votes placed"))
        self.entry = QLabel(self)
        self.entry.setTextFormat(Qt.TextFormat.PlainText)
        self.entry.setWordWrap(True)
        self.entry.setAccessibleName(tr("Votes being typed"))
        self.entry.setStyleSheet("font-weight: bold")  # keeps following the text size
        how = QLabel(
            tr(
                "In the mode, focus a note or theme in the outline, type the votes it got on the "
                "wall ({keys}); the focus moves on to the next one."
            ).format(keys=shown("board.dot_votes")),
            self,
        )
        how.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("&Dots per person:"), self.dots)
        form.addRow(tr("&People voting:"), self.people)
        layout = QVBoxLayout(self)
        layout.addWidget(self.switch)
        layout.addLayout(form)
        layout.addWidget(self.count)
        layout.addWidget(self.entry)
        layout.addWidget(how)
        layout.addStretch(1)

        self.dots.valueChanged.connect(self._update)
        self.people.valueChanged.connect(self._update)
        page.question_changed.connect(self._update)
        self.model.changed.connect(self._on_model_changed)
        self._update()

    # -- reading ------------------------------------------------------------------------------

    def placed(self) -> int:
        """Votes on the current question's notes and themes (their own)."""
        question_id = self.page.question_id()
        notes = self.model.select(Note, question_id=question_id)
        themes = self.model.select(Theme, question_id=question_id)
        return sum(n.votes for n in notes) + sum(t.votes for t in themes)

    def _update(self, *_args: object) -> None:
        if self.model.document.closed:
            return
        people, dots = self.people.value(), self.dots.value()
        budget, placed = people * dots, self.placed()
        if placed <= budget:
            left = tr("{count} left").format(count=budget - placed)
        else:
            left = tr("{count} too many").format(count=placed - budget)
        self.count.setText(
            tr("Votes placed {placed} of {people} × {dots} = {budget} ({left})").format(
                placed=placed,
                people=people,
                dots=dots,
                budget=trn("%n dot", "%n dots", budget),
                left=left,
            )
        )
        if not self.action.isChecked():
            self.entry.setText(tr("Dot voting is off: digits do nothing on the board."))
        elif self.typed:
            self.entry.setText(
                tr("Votes: {typed} — Enter sets them, Esc forgets").format(typed=self.typed)
            )
        else:
            self.entry.setText(tr("Dot voting is on: type the votes of the focused note, Enter."))

    # -- the mode -----------------------------------------------------------------------------

    def _on_action_toggled(self, on: bool) -> None:
        self.switch.setChecked(on)
        for widget in self._filtered:
            widget.removeEventFilter(self)
        self._filtered = []
        self.typed = ""
        if on:
            self.page.side.setCurrentWidget(self)
            self._filtered = [view.key_widget() for view in self.page.views.values()]
            for widget in self._filtered:
                widget.installEventFilter(self)
        self._update()

    def _view_of(self, widget: QObject) -> BoardView | None:
        return next((v for v in self.page.views.values() if v.key_widget() is widget), None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kinds = (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride)
        if not self.action.isChecked() or event.type() not in kinds:
            return False
        assert isinstance(event, QKeyEvent)
        key, mods = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        plain = mods == Qt.KeyboardModifier.NoModifier
        ours = plain and (
            key in DIGITS
            or (self.typed and key in (*ENTER, Qt.Key.Key_Backspace, Qt.Key.Key_Escape))
        )
        if not ours:
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()  # a digit or Esc here is ours, not a shortcut's
            return True
        if key in DIGITS:
            self.typed = (self.typed + DIGITS[key])[-MAX_DIGITS:]
        elif key == Qt.Key.Key_Backspace:
            self.typed = self.typed[:-1]
        elif key == Qt.Key.Key_Escape:
            self.typed = ""
        else:
            view = self._view_of(watched)
            if view is not None:
                self._enter(view, int(self.typed))
            self.typed = ""
        self._update()
        return True

    def _enter(self, view: BoardView, votes: int) -> None:
        focus = view.focused_item()
        if focus is None or focus[0] not in (NOTE, THEME):
            self.entry.setText(tr("Focus a note or a theme first, then type its votes."))
            return
        kind, record_id = focus
        actions.set_votes(self.model, Theme if kind == THEME else Note, record_id, votes)
        order = self._order(kind)
        following = order.index(record_id) + 1 if record_id in order else len(order)
        view.reveal(kind, order[following] if following < len(order) else record_id)

    def _order(self, kind: str) -> list[str]:
        """The question's notes (or themes) in the outline's order, within the table filter."""
        question_id = self.page.question_id()
        themes = self.model.select(Theme, question_id=question_id)
        if kind == THEME:
            return [t.id for t in themes]
        table = self.page.table_filter
        notes = [
            n
            for n in self.model.select(Note, question_id=question_id)
            if table is None or (n.group_id or "") == table
        ]
        theme_ids = {t.id for t in themes}
        order = [n.id for n in notes if n.theme_id not in theme_ids]
        for theme in themes:
            order += [n.id for n in notes if n.theme_id == theme.id]
        return order

    def _on_model_changed(self, kind: type[Record], record_id: str) -> None:
        if kind in (Note, Theme):
            self._update()
