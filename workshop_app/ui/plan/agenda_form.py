"""AgendaForm: which questions a breakout answers (a checkable list), under the agenda."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from workshop_app.domain.records import AgendaItem, Question
from workshop_app.ui.common.focus import show_focus_frame
from workshop_app.ui.common.i18n import tr
from workshop_app.ui.document_model import DocumentModel


class AgendaForm(QWidget):
    """Edits the questions of the agenda item ``set_record`` names (breakouts only)."""

    def __init__(self, model: DocumentModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self._record_id = ""
        self._filling = False
        self.label = QLabel(tr("&Questions for this breakout"), self)
        self.questions = QListWidget(self)
        self.questions.setAccessibleName(tr("Questions for this breakout"))
        self.questions.setAccessibleDescription(tr("Space ticks or unticks a question"))
        show_focus_frame(self.questions)
        self.label.setBuddy(self.questions)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setAccessibleName(tr("Questions hint"))
        rows = self.questions.fontMetrics().lineSpacing() * 5
        self.questions.setMaximumHeight(rows)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.questions)
        layout.addWidget(self.hint)
        self.questions.itemChanged.connect(self._on_questions_item_changed)
        model.changed.connect(self._on_model_changed)
        self.set_record("")

    def set_record(self, record_id: str) -> None:
        """Show the questions of this agenda item ("" = none selected)."""
        self._record_id = record_id
        self._refresh()

    def checked_ids(self) -> list[str]:
        return [
            self.questions.item(r).data(Qt.ItemDataRole.UserRole)
            for r in range(self.questions.count())
            if self.questions.item(r).checkState() == Qt.CheckState.Checked
        ]

    def _refresh(self) -> None:
        item = self.model.get(AgendaItem, self._record_id) if self._record_id else None
        questions = self.model.select(Question)
        breakout = item is not None and item.kind == "breakout"
        current = self.questions.currentRow()
        self._filling = True
        self.questions.clear()
        for number, question in enumerate(questions, start=1):
            entry = QListWidgetItem(
                tr("Q{number}  {question}").format(
                    number=number, question=question.text or tr("(no text yet)")
                )
            )
            entry.setData(Qt.ItemDataRole.UserRole, question.id)
            entry.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            ticked = item is not None and question.id in item.question_ids
            entry.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            self.questions.addItem(entry)
        if 0 <= current < self.questions.count():
            self.questions.setCurrentRow(current)
        self._filling = False
        self.questions.setEnabled(breakout and bool(questions))
        self.label.setEnabled(breakout)
        if item is None:
            hint = tr("Choose an agenda item above.")
        elif not breakout:
            hint = tr(
                "Only breakouts have questions: set the item’s Kind to Breakout to choose some."
            )
        elif not questions:
            hint = tr("No questions yet: add them in Questions, then tick them here.")
        else:
            hint = tr("Tick the questions the tables answer in this breakout (Space ticks).")
        self.hint.setText(hint)

    def _on_model_changed(self, kind: type, record_id: str) -> None:
        if kind is Question or (kind is AgendaItem and record_id in (self._record_id, "")):
            self._refresh()

    def _on_questions_item_changed(self, entry: QListWidgetItem) -> None:
        if self._filling or not self._record_id or self.model.document.closed:
            return
        self.model.push_update(
            AgendaItem,
            self._record_id,
            label=tr("Choose breakout questions"),
            question_ids=tuple(self.checked_ids()),
        )
