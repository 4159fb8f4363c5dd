"""Where am I: the note-taker's table, the question (with counts) and the question in full.

``WhereBar`` shows the table (picked once, remembered by the page; changing it is a deliberate
act: the "Change table…" button, Alt+T, opens the chooser, and no key typed elsewhere can switch
it), and the question chooser with previous/next buttons (Ctrl+PgUp/PgDn). ``QuestionHeader``
shows the question and its prompt large, always on screen while typing, under a line saying
whether the question is following the facilitator's running breakout (with a button back to
it when the note-taker has picked another question by hand).

Signals:
    WhereBar.table_change_requested(), WhereBar.question_chosen(str question_id),
    QuestionHeader.follow_requested().
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.records import UNNAMED_TABLE, Group, Question
from workshop_app.i18n import N_
from workshop_app.ui.common.i18n import tr
from workshop_app.ui.common.keymap import install, keyed_button, shown
from workshop_app.ui.common.text import ScaledLabel

NO_TABLE = N_("not chosen yet")  # the first Enter asks (the tooltip says so)


class WhereBar(QWidget):
    """The table and the question chooser. ``set_*`` methods never emit signals."""

    table_change_requested = Signal()
    question_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._table_id: str | None = None
        self.table = QLabel(self)
        self.table.setAccessibleName(tr("Your table"))
        self.table.setTextFormat(Qt.TextFormat.PlainText)
        self.table.setStyleSheet("font-weight: bold")  # the size still follows View ▸ text
        # Translators: the table (furniture) this laptop takes notes for
        table_label = QLabel(tr("Table:"), self)
        change = install(QAction(tr("Change table…"), self), "capture.table")
        change.setToolTip(
            tr("Choose which table this laptop takes notes for ({key})").format(
                key=shown("capture.table")
            )
        )
        change.triggered.connect(self._on_change_triggered)
        self.addAction(change)
        self.change_table = QToolButton(self)
        self.change_table.setDefaultAction(change)
        self.change_table.setAccessibleName(tr("Change table"))
        self.question = QComboBox(self)
        self.question.setAccessibleName(tr("Question"))
        self.question.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.question.setMinimumContentsLength(12)
        question_label = QLabel(tr("&Question:"), self)
        question_label.setBuddy(self.question)
        self.previous = self._step("◀", tr("Previous question"), "capture.previous", -1)
        self.next = self._step("▶", tr("Next question"), "capture.next", 1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(table_label)
        row.addWidget(self.table)
        row.addWidget(self.change_table)
        row.addSpacing(16)
        row.addWidget(question_label)
        row.addWidget(self.previous)
        row.addWidget(self.question, 1)
        row.addWidget(self.next)
        self.question.activated.connect(self._on_question_activated)

    def _step(self, text: str, tip: str, binding_id: str, step: int) -> QToolButton:
        return keyed_button(self, text, tip, binding_id, lambda: self._on_step_triggered(step))

    # -- filling ------------------------------------------------------------------------------

    def set_tables(self, groups: list[Group], current: str | None) -> None:
        group = next((g for g in groups if g.id == current), None)
        self._table_id = group.id if group else None
        self.change_table.setVisible(bool(groups))
        self.table.setToolTip(
            tr("The table you take notes for (remembered on this laptop)")
            if group is not None
            else tr("Saving your first note asks which table this laptop is")
        )
        if group is not None:
            self.table.setText(group.name or tr(UNNAMED_TABLE))
        else:
            self.table.setText(
                tr(NO_TABLE) if groups else tr("no tables in this event (general notes)")
            )

    def set_questions(self, questions: list[tuple[Question, str]], current: str | None) -> None:
        """``questions``: each question with its counts text, e.g. "12 here · 40 in all"."""
        self.question.clear()
        for number, (question, counts) in enumerate(questions, start=1):
            self.question.addItem(
                tr("Q{number}. {question} — {counts}").format(
                    number=number, question=question.text, counts=counts
                ),
                question.id,
            )
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
        return self._table_id

    # -- handlers -----------------------------------------------------------------------------

    def _on_change_triggered(self) -> None:
        if self.isVisible():
            self.table_change_requested.emit()

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

    follow_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.follow = QLabel(self)
        self.follow.setAccessibleName(tr("Run"))
        self.follow.setWordWrap(True)
        back = install(QAction(tr("Follow the breakout again"), self), "capture.follow")
        back.setToolTip(
            tr("Go back to the running breakout's question ({key})").format(
                key=shown("capture.follow")
            )
        )
        back.triggered.connect(self._on_back_triggered)
        self.addAction(back)
        self.back = QToolButton(self)
        self.back.setDefaultAction(back)
        self.back.setAccessibleName(tr("Follow the breakout again"))
        self.back.setText(
            tr("Follow the breakout again ({key})").format(key=shown("capture.follow"))
        )
        self.back.hide()
        self.question = ScaledLabel("", 1.55, bold=True, parent=self)
        self.question.setWordWrap(True)
        self.question.setAccessibleName(tr("Current question"))
        self.question.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.question.setTextFormat(Qt.TextFormat.PlainText)  # "x <y" shows as typed
        self.prompt = ScaledLabel("", 1.08, parent=self)
        self.prompt.setWordWrap(True)
        self.prompt.setAccessibleName(tr("Prompt"))
        self.prompt.setTextFormat(Qt.TextFormat.PlainText)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 4, 0, 4)
        column.setSpacing(4)
        run_row = QHBoxLayout()
        run_row.addWidget(self.follow, 1)
        run_row.addWidget(self.back)
        column.addLayout(run_row)
        column.addWidget(self.question)
        column.addWidget(self.prompt)

    def show_run(self, breakout: str | None, *, following: bool = True) -> None:
        """Say which breakout the question follows, that the note-taker left it for another
        question (and offer to follow again), or that none is running."""
        if not breakout:
            text = tr("No breakout running: choose the question above")
        elif following:
            text = tr("▶ <b>{breakout}</b> is running: the question follows it").format(
                breakout=escape(breakout)
            )
        else:
            text = tr(
                "▶ <b>{breakout}</b> is running, but you chose this question: your notes go to it"
            ).format(breakout=escape(breakout))
        self.follow.setText(text)
        self.back.setVisible(bool(breakout) and not following)

    def _on_back_triggered(self) -> None:
        if self.back.isVisible():
            self.follow_requested.emit()

    def show_question(self, question: Question | None) -> None:
        if question is None:
            self.question.setText(tr("General notes (no question)"))
            self.prompt.setText(tr("Add questions in Plan mode to sort notes by question."))
            return
        self.question.setText(question.text or tr("Untitled question"))
        self.prompt.setText(question.prompt)
        self.prompt.setVisible(bool(question.prompt))
