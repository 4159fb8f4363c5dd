"""RoundPanel: the Run page's right-hand column, what the facilitator glances at between the
countdown and the room: the question(s) for the tables with their prompt, what comes next, and
the clock with how the day stands against the plan."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from workshop_app.domain.records import AgendaItem, Question
from workshop_app.domain.run_text import describe_day
from workshop_app.ui.common.i18n import tr
from workshop_app.ui.common.text import ScaledLabel
from workshop_app.ui.run.attendee_qr import address_lines, qr_image


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
        heading = _label(tr("Question for the tables"), 1.0, self.question_box)
        self.question = _label("", 1.4, self.question_box, bold=True)
        self.question.setAccessibleName(tr("Question"))
        self.prompt = _label("", 1.15, self.question_box)
        self.prompt.setAccessibleName(tr("Prompt"))
        box = QVBoxLayout(self.question_box)
        box.addWidget(heading)
        box.addWidget(self.question)
        box.addWidget(self.prompt)
        self.heading = heading

        self.next_label = _label("", 1.2, self)
        self.next_label.setAccessibleName(tr("Next item"))
        self.clock_caption = _label(tr("Time now"), 1.0, self)
        self.clock_label = _label("", 2.4, self, bold=True)
        self.clock_label.setAccessibleName(tr("Time now"))
        self.day_label = _label("", 1.4, self)
        self.day_label.setAccessibleName(tr("Day against the plan"))
        self._build_attendee_box()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.question_box)
        layout.addSpacing(self.fontMetrics().height())
        layout.addWidget(self.next_label)
        layout.addSpacing(self.fontMetrics().height())
        layout.addWidget(self.attendee_box)
        layout.addStretch(1)
        layout.addWidget(self.clock_caption)
        layout.addWidget(self.clock_label)
        layout.addWidget(self.day_label)

    def show_questions(self, questions: Sequence[Question]) -> None:
        """The item's questions (the box hides for an item without one)."""
        self.question_box.setVisible(bool(questions))
        several = len(questions) > 1
        self.heading.setText(
            tr("Questions for the tables") if several else tr("Question for the tables")
        )
        self.question.setText("\n\n".join(q.text for q in questions))
        prompts = [q.prompt.strip() for q in questions if q.prompt.strip()]
        self.prompt.setText("\n\n".join(prompts))
        self.prompt.setVisible(bool(prompts))

    def _build_attendee_box(self) -> None:
        self.attendee_box = QFrame(self)
        self.attendee_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.attendee_box.setAccessibleName(tr("Attendee input"))
        self.attendee_qr = QLabel(self.attendee_box)
        self.attendee_qr.setAccessibleName(tr("QR code of the attendee page"))
        self.attendee_qr.setStyleSheet("background: white")
        heading = _label(tr("Add your note from your phone: scan or type:"), 1.0, self.attendee_box)
        self.attendee_url = _label("", 1.15, self.attendee_box, bold=True)
        self.attendee_url.setTextFormat(Qt.TextFormat.PlainText)
        self.attendee_url.setAccessibleName(tr("Attendee page address"))
        self.attendee_url.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        words = QVBoxLayout()
        words.addWidget(heading)
        words.addWidget(self.attendee_url)
        words.addStretch(1)
        row = QHBoxLayout(self.attendee_box)
        row.addWidget(self.attendee_qr, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(words, 1)
        self.attendee_box.hide()

    def show_attendee_url(self, url: str | None) -> None:
        """The attendee page's QR code and address, small (the presenter display shows them
        large); None hides them."""
        self.attendee_box.setVisible(bool(url))
        if not url:
            self.attendee_qr.clear()
            self.attendee_url.clear()
            return
        side = self.fontMetrics().height() * 9
        pixmap = QPixmap.fromImage(qr_image(url, side))
        self.attendee_qr.setPixmap(pixmap)
        self.attendee_qr.setFixedSize(pixmap.size())
        self.attendee_url.setText("\n".join(address_lines(url)))

    def show_next(self, text: str) -> None:
        self.next_label.setText(text)

    def show_time(self, clock: str, day: str) -> None:
        self.clock_label.setText(clock)
        self.day_label.setText(day)


def day_text(minutes: float | None) -> str:
    """ "3 min behind the plan", "1 h ahead of the plan", "On time", "Not started yet"
    (``minutes``: how far behind the plan, negative ahead; None when it cannot be told)."""
    return describe_day(minutes)


def next_text(item: AgendaItem) -> str:
    """ "Next: Keynote · 20 min" (the Run page and the presenter display)."""
    return tr("Next: {title} · {minutes} min").format(
        title=item.title, minutes=item.planned_minutes
    )
