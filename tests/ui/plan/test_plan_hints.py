"""Plan shows a template's placeholder summary, questions and prompts greyed, as placeholders:
the fields themselves are empty, so nothing unfilled reaches the report."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.common.fakes import FakeDialogs
from tests.ui.plan.plan_helpers import show_page
from workshop_app.storage.templates import create_from_template, find_template
from workshop_app.ui.document_model import DocumentModel
from workshop_app.ui.plan import columns


def test_template_text_shows_greyed_in_empty_fields(qtbot, tmp_path: Path) -> None:
    template = find_template("engagement").bundle
    document = create_from_template(tmp_path / "new.workshop", "engagement")
    try:
        page = show_page(qtbot, DocumentModel(document), FakeDialogs(confirm=True, count=3))
        details = page.show_section("Details")
        assert details.summary.toPlainText() == ""
        assert details.summary.placeholderText() == template.event.summary_hint
        assert template.event.summary_hint.startswith("A half-day engagement event")

        questions = page.show_section("Questions")
        table = questions.table_model
        grey = QApplication.palette().placeholderText()
        for row, question in enumerate(template.questions):
            cell = table.index(row, columns.QUESTIONS.column_of("text"))
            assert cell.data() == question.text_hint != ""
            assert cell.data(Qt.ItemDataRole.EditRole) == ""  # editing starts empty
            assert cell.data(Qt.ItemDataRole.ForegroundRole) == grey
            assert cell.data(Qt.ItemDataRole.FontRole).italic()  # not colour alone
            prompt = table.index(row, 1)
            assert prompt.data() == question.prompt_hint != ""
        questions.view.setCurrentIndex(table.index(1, 0))
        assert questions.form.prompt.toPlainText() == ""
        assert questions.form.prompt.placeholderText() == template.questions[1].prompt_hint

        # once written, the question is content and shows in ordinary type
        page.model.push_update(
            type(document.bundle().questions[0]),
            document.bundle().questions[0].id,
            label="Edit",
            text="Ours?",
        )
        cell = table.index(0, columns.QUESTIONS.column_of("text"))
        assert cell.data() == "Ours?"
        assert cell.data(Qt.ItemDataRole.ForegroundRole) is None
    finally:
        document.close()
