"""QuestionForm: the current question's prompt for the tables, under the questions list."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from workshop_app.domain.records import Question
from workshop_app.i18n import N_
from workshop_app.ui.common.i18n import tr
from workshop_app.ui.document_model import DocumentModel
from workshop_app.ui.plan.widgets import CommitTextEdit

PROMPT_PLACEHOLDER = N_(
    "e.g. What should the national strategy say about AI in health and social care, "
    "and how could it work where you are? Shown to the tables with the question."
)


class QuestionForm(QWidget):
    """Edits the prompt of the question ``set_record`` names."""

    def __init__(self, model: DocumentModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self._record_id = ""
        self.label = QLabel(tr("&Prompt for the tables (optional)"), self)
        self.prompt = CommitTextEdit(self)
        self.prompt.setAccessibleName(tr("Prompt for the tables"))
        self.prompt.setPlaceholderText(tr(PROMPT_PLACEHOLDER))
        self.label.setBuddy(self.prompt)
        height = self.prompt.fontMetrics().lineSpacing() * 5
        self.prompt.setMaximumHeight(height)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.prompt)
        self.prompt.committed.connect(self._on_prompt_committed)
        model.changed.connect(self._on_model_changed)
        self.set_record("")

    def set_record(self, record_id: str) -> None:
        """Show the prompt of this question ("" = none selected)."""
        self._record_id = record_id
        self.setEnabled(bool(record_id))
        self._refresh()

    def _refresh(self) -> None:
        question = self.model.get(Question, self._record_id) if self._record_id else None
        self.prompt.set_text_quietly(question.prompt if question else "")
        # a template's suggested prompt is a placeholder, greyed, until one is written
        hint = question.prompt_hint if question else ""
        self.prompt.setPlaceholderText(hint or tr(PROMPT_PLACEHOLDER))

    def _on_model_changed(self, kind: type, record_id: str) -> None:
        if kind is Question and self._record_id and record_id in (self._record_id, ""):
            self._refresh()

    def _on_prompt_committed(self, text: str) -> None:
        if self._record_id and not self.model.document.closed:
            self.model.push_update(
                Question, self._record_id, label=tr("Edit prompt"), prompt=text.strip()
            )
