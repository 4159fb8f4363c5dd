"""PlanPage: the Plan mode page the main window embeds.

A list of sections on the left (Details, Speakers, Questions, Tables, Agenda, each with its
count and a warning when something needs attention) and the section's editor on the right.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QStyle,
    QWidget,
)

from workshop_app.ui.document_model import DocumentModel
from workshop_app.ui.plan import checks
from workshop_app.ui.plan.details_form import DetailsForm
from workshop_app.ui.plan.record_editor import RecordListEditor
from workshop_app.ui.plan.sections import (
    AgendaEditor,
    QuestionsEditor,
    SpeakersEditor,
    TablesEditor,
)
from workshop_app.ui.plan.services import Dialogs, PlanDialogs
from workshop_app.ui.plan.widgets import Heading, is_font_change

SECTIONS = ("Details", "Speakers", "Questions", "Tables", "Agenda")


class PlanPage(QWidget):
    """Plan mode: a section list on the left and the section's editor on the right.

    ``dialogs`` asks the user before destructive steps; tests pass a stand-in.
    """

    def __init__(
        self, model: DocumentModel, parent: QWidget | None = None, dialogs: Dialogs | None = None
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.dialogs: Dialogs = dialogs or PlanDialogs()
        self.setAccessibleName("Plan")

        self.sections = QListWidget(self)
        self.sections.setAccessibleName("Plan sections")
        self.sections.setAccessibleDescription("Up and Down choose what to plan")
        self.stack = QStackedWidget(self)
        self.stack.setAccessibleName("Plan section editor")
        self.details = DetailsForm(model, self.stack)
        self.speakers = SpeakersEditor(model, self.dialogs, self.stack)
        self.questions = QuestionsEditor(model, self.dialogs, self.stack)
        self.tables = TablesEditor(model, self.dialogs, self.stack)
        self.agenda = AgendaEditor(model, self.dialogs, self.stack)
        for name, editor in zip(SECTIONS, self.editors(), strict=True):
            self.stack.addWidget(editor)
            item = QListWidgetItem(name)
            self.sections.addItem(item)
        self._size_sections()

        layout = QHBoxLayout(self)
        layout.addWidget(self.sections)
        layout.addWidget(self.stack, 1)
        self.setTabOrder(self.sections, self.stack)

        self.sections.currentRowChanged.connect(self._on_sections_current_row_changed)
        model.changed.connect(self._on_model_changed)
        self.sections.setCurrentRow(0)
        self._update_sections()

    def editors(self) -> tuple[QWidget, ...]:
        return (self.details, self.speakers, self.questions, self.tables, self.agenda)

    def commit_edits(self) -> None:
        """Write whatever is being typed (the main window calls this before closing the
        document): taking focus away commits the field or cell being edited."""
        focused = QApplication.focusWidget()
        if focused is not None and self.isAncestorOf(focused):
            focused.clearFocus()
            QApplication.processEvents()

    def show_section(self, name: str) -> QWidget:
        """Switch to a section by name ("Agenda") and return its editor."""
        self.sections.setCurrentRow(SECTIONS.index(name))
        return self.stack.currentWidget()

    def _size_sections(self) -> None:
        metrics = self.sections.fontMetrics()
        self.sections.setFixedWidth(metrics.horizontalAdvance("Questions  99 · 9 to check") + 48)
        for row in range(self.sections.count()):
            item = self.sections.item(row)
            item.setSizeHint(QSize(0, int(metrics.height() * 2.2)))

    def _update_sections(self) -> None:
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for row, editor in enumerate(self.editors()):
            name = SECTIONS[row]
            if isinstance(editor, RecordListEditor):
                table = editor.table_model
                count = table.rowCount()
                issues = sum(1 for r in range(count) if table.problems(r))
                text = f"{name}  {count}"
            else:
                issues = len(checks.event_problems(self.model.event_record()))
                text = name
            if issues:
                text += f" · {issues} to check"
            item = self.sections.item(row)
            item.setText(text)
            item.setIcon(warning if issues else self._blank_icon())
            item.setData(Qt.ItemDataRole.AccessibleTextRole, text)

    def _blank_icon(self):  # noqa: ANN202 - QIcon
        from PySide6.QtGui import QIcon

        return QIcon()

    # -- handlers ---------------------------------------------------------------------------

    def _on_sections_current_row_changed(self, row: int) -> None:
        if row >= 0:
            self.stack.setCurrentIndex(row)

    def _on_model_changed(self, kind: type, record_id: str) -> None:
        self._update_sections()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if is_font_change(event):  # View ▸ text size: headings scale with the new font
            for heading in self.findChildren(Heading):
                heading.follow_parent_font()
            self._size_sections()


__all__ = ["PlanPage", "SECTIONS"]
