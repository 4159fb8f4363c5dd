"""PlanPage: the Plan mode page the main window embeds."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from workshop_app.ui.document_model import DocumentModel


class PlanPage(QWidget):
    """Plan mode: a section list on the left and the section's editor on the right."""

    def __init__(self, model: DocumentModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.setAccessibleName("Plan")
        layout = QVBoxLayout(self)
        label = QLabel("Plan mode is being built.", self)
        label.setAccessibleName("Plan mode placeholder")
        layout.addWidget(label)
