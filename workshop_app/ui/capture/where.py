"""Where am I: the note-taker's table, the question (with counts) and the question in full.

``WhereBar`` holds the table chooser (picked once, remembered by the page), the question chooser
with previous/next buttons (Ctrl+PgUp/PgDn). ``QuestionHeader`` shows the question and its
prompt large, always on screen while typing, under a line saying whether the question is
following the facilitator's running breakout.

Signals:
    WhereBar.table_chosen(str group_id), WhereBar.question_chosen(str question_id).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.records import Group, Question
from workshop_app.ui.text import ScaledLabel

NO_TABLE = "Choose your table…"


class WhereBar(QWidget):
    """Table and question choosers. ``set_*`` methods never emit the ``*_chosen`` signals."""

    table_chosen = Signal(str)
    question_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QComboBox(self)
        self.table.setAccessibleName("Your table")
        self.table.setToolTip("The table you take notes for (remembered on this laptop)")
        self.table.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        table_label = QLabel("&Table:", self)
        table_label.setBuddy(self.table)
        self.question = QComboBox(self)
        self.question.setAccessibleName("Question")
        self.question.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.question.setMinimumContentsLength(12)
        question_label = QLabel("&Question:", self)
        question_label.setBuddy(self.question)
        self.previous = self._step("◀", "Previous question (Ctrl+PgUp)", "Ctrl+PgUp", -1)
        self.next = self._step("▶", "Next question (Ctrl+PgDown)", "Ctrl+PgDown", 1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(table_label)
        row.addWidget(self.table)
        row.addSpacing(16)
        row.addWidget(question_label)
        row.addWidget(self.previous)
        row.addWidget(self.question, 1)
        row.addWidget(self.next)
        self.table.activated.connect(self._on_table_activated)
        self.question.activated.connect(self._on_question_activated)

    def _step(self, text: str, tip: str, key: str, step: int) -> QToolButton:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setToolTip(tip)
        action.triggered.connect(lambda: self._on_step_triggered(step))
        self.addAction(action)
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setAccessibleName(tip)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

    # -- filling ------------------------------------------------------------------------------

    def set_tables(self, groups: list[Group], current: str | None) -> None:
        self.table.clear()
        if current is None:
            self.table.addItem(NO_TABLE, "")
        for group in groups:
            self.table.addItem(group.name or "Unnamed table", group.id)
        self.table.setCurrentIndex(max(0, self.table.findData(current or "")))

    def set_questions(self, questions: list[tuple[Question, str]], current: str | None) -> None:
        """``questions``: each question with its counts text, e.g. "12 here · 40 in all"."""
        self.question.clear()
        for number, (question, counts) in enumerate(questions, start=1):
            self.question.addItem(f"Q{number}. {question.text} — {counts}", question.id)
        self.question.setCurrentIndex(max(0, self.question.findData(current or "")))
        several = self.question.count() > 1
        self.previous.setEnabled(several)
        self.next.setEnabled(several)

    def set_counts(self, counts: list[str]) -> None:
        """New counts for the questions already listed (in the same order)."""
        for index, text in enumerate(counts[: self.question.count()]):
            label = self.question.itemText(index).rsplit(" — ", 1)[0]
            self.question.setItemText(index, f"{label} — {text}")

    def set_question(self, question_id: str) -> None:
        index = self.question.findData(question_id)
        if index >= 0:
            self.question.setCurrentIndex(index)

    def question_id(self) -> str | None:
        value = self.question.currentData()
        return str(value) if value else None

    def table_id(self) -> str | None:
        value = self.table.currentData()
        return str(value) if value else None

    # -- handlers -----------------------------------------------------------------------------

    def _on_table_activated(self, index: int) -> None:
        group_id = self.table.itemData(index)
        if group_id:
            if self.table.itemData(0) == "":
                self.table.removeItem(0)  # no going back to "Choose your table…"
            self.table_chosen.emit(str(group_id))

    def _on_question_activated(self, index: int) -> None:
        question_id = self.question.itemData(index)
        if question_id:
            self.question_chosen.emit(str(question_id))

    def _on_step_triggered(self, step: int) -> None:
        count = self.question.count()
        if count and self.isVisible():
            index = (self.question.currentIndex() + step) % count
            self.question.setCurrentIndex(index)
            self._on_question_activated(index)


class QuestionHeader(QFrame):
    """The current question, large, and its prompt."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.follow = QLabel(self)
        self.follow.setAccessibleName("Run")
        self.follow.setWordWrap(True)
        self.question = ScaledLabel("", 1.55, bold=True, parent=self)
        self.question.setWordWrap(True)
        self.question.setAccessibleName("Current question")
        self.question.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.question.setTextFormat(Qt.TextFormat.PlainText)  # "x <y" shows as typed
        self.prompt = ScaledLabel("", 1.08, parent=self)
        self.prompt.setWordWrap(True)
        self.prompt.setAccessibleName("Prompt")
        self.prompt.setTextFormat(Qt.TextFormat.PlainText)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 4, 0, 4)
        column.setSpacing(4)
        column.addWidget(self.follow)
        column.addWidget(self.question)
        column.addWidget(self.prompt)

    def show_run(self, breakout: str | None) -> None:
        """Say which breakout the question follows, or that none is running."""
        self.follow.setText(
            f"▶ <b>{escape(breakout)}</b> is running: the question follows it"
            if breakout
            else "No breakout running: choose the question above"
        )

    def show_question(self, question: Question | None) -> None:
        if question is None:
            self.question.setText("General notes (no question)")
            self.prompt.setText("Add questions in Plan mode to sort notes by question.")
            return
        self.question.setText(question.text or "Untitled question")
        self.prompt.setText(question.prompt)
        self.prompt.setVisible(bool(question.prompt))
