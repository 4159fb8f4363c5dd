"""RoundPanel: the Run page's right-hand column, what the facilitator glances at between the
countdown and the room: the question(s) for the tables with their prompt, what comes next, and
the clock with how the day stands against the plan."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from workshop_app.domain.records import Question
from workshop_app.ui.common.text import ScaledLabel


def _label(text: str, scale: float, parent: QWidget, *, bold: bool = False) -> ScaledLabel:
    label = ScaledLabel(text, scale, bold=bold, parent=parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label


class RoundPanel(QWidget):
    """Question and prompt, next item, clock and day offset (the page fills them in)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question_box = QFrame(self)
        self.question_box.setFrameShape(QFrame.Shape.StyledPanel)
        heading = _label("Question for the tables", 1.0, self.question_box)
        self.question = _label("", 1.4, self.question_box, bold=True)
        self.question.setAccessibleName("Question")
        self.prompt = _label("", 1.15, self.question_box)
        self.prompt.setAccessibleName("Prompt")
        box = QVBoxLayout(self.question_box)
        box.addWidget(heading)
        box.addWidget(self.question)
        box.addWidget(self.prompt)
        self.heading = heading

        self.next_label = _label("", 1.2, self)
        self.next_label.setAccessibleName("Next item")
        self.clock_caption = _label("Time now", 1.0, self)
        self.clock_label = _label("", 2.4, self, bold=True)
        self.clock_label.setAccessibleName("Time now")
        self.day_label = _label("", 1.4, self)
        self.day_label.setAccessibleName("Day against the plan")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.question_box)
        layout.addSpacing(self.fontMetrics().height())
        layout.addWidget(self.next_label)
        layout.addStretch(1)
        layout.addWidget(self.clock_caption)
        layout.addWidget(self.clock_label)
        layout.addWidget(self.day_label)

    def show_questions(self, questions: Sequence[Question]) -> None:
        """The item's questions (the box hides for an item without one)."""
        self.question_box.setVisible(bool(questions))
        several = len(questions) > 1
        self.heading.setText("Questions for the tables" if several else "Question for the tables")
        self.question.setText("\n\n".join(q.text for q in questions))
        prompts = [q.prompt.strip() for q in questions if q.prompt.strip()]
        self.prompt.setText("\n\n".join(prompts))
        self.prompt.setVisible(bool(prompts))

    def show_next(self, text: str) -> None:
        self.next_label.setText(text)

    def show_time(self, clock: str, day: str) -> None:
        self.clock_label.setText(clock)
        self.day_label.setText(day)


def day_text(described: str) -> str:
    """ "3 min behind the plan", "1 h ahead of the plan", "On time", "Not started yet"."""
    if not described:
        return "Not started yet"
    if described.endswith(" ahead"):
        return f"{described} of the plan"
    return described if described == "On time" else f"{described} the plan"
