"""The four list sections of Plan mode, each a ``RecordListEditor`` plus what it needs alone:
the question's prompt, "Add tables…", the agenda's running total and breakout questions."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QLabel, QWidget

from workshop_app.domain.records import Group
from workshop_app.i18n import N_
from workshop_app.ui.common.i18n import tr, trn
from workshop_app.ui.common.keymap import install, shown
from workshop_app.ui.document_model import DocumentModel
from workshop_app.ui.plan import columns
from workshop_app.ui.plan.agenda_form import AgendaForm
from workshop_app.ui.plan.columns import RecordSpec
from workshop_app.ui.plan.question_form import QuestionForm
from workshop_app.ui.plan.record_editor import RecordListEditor
from workshop_app.ui.plan.services import Dialogs
from workshop_app.ui.plan.table_model import RecordTableModel


class SectionEditor(RecordListEditor):
    """A list section of Plan: its record spec and hint are class attributes."""

    SPEC: RecordSpec
    HINT: str

    def __init__(
        self,
        model: DocumentModel,
        dialogs: Dialogs,
        parent: QWidget | None = None,
        *,
        table_model: RecordTableModel | None = None,
    ) -> None:
        super().__init__(model, self.SPEC, dialogs, tr(self.HINT), parent, table_model=table_model)
        self.build_extras()

    def build_extras(self) -> None:
        """What a section adds under its list (a form, a total); nothing by default."""


class SpeakersEditor(SectionEditor):
    SPEC = columns.SPEAKERS
    HINT = N_("Who speaks, and in what part: keynote, panellist, facilitator, host.")


class QuestionsEditor(SectionEditor):
    """Questions, with the current one's prompt for the tables under the list."""

    SPEC = columns.QUESTIONS
    HINT = N_("The questions the breakout tables answer, in the order they are asked.")

    def build_extras(self) -> None:
        self.form = QuestionForm(self.model, self)
        self.detail.addWidget(self.form)
        self.current_changed.connect(self.form.set_record)
        self.form.set_record(self.current_id())

    def edit_elsewhere(self, index: QModelIndex) -> None:
        """F2 on the prompt column: the prompt is edited in full in the box below."""
        self.form.prompt.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.form.prompt.moveCursor(QTextCursor.MoveOperation.End)  # as F2 in a cell


class TablesEditor(SectionEditor):
    """Breakout tables; "Add tables…" adds several at once as one undo step."""

    SPEC = columns.TABLES
    HINT = N_("The breakout tables, each with a facilitator and a note-taker.")

    def build_extras(self) -> None:
        self.add_many_action = QAction(tr("Add tables…"), self)
        install(self.add_many_action, "plan.add_tables")
        self.add_many_action.setToolTip(
            tr("Add several tables at once ({keys})").format(keys=shown("plan.add_tables"))
        )
        self.add_many_action.triggered.connect(self._on_add_many_triggered)
        self.addAction(self.add_many_action)
        self.add_tool(self.add_many_action, position=1)

    def add_tables(self, count: int) -> None:
        """Add ``count`` tables named "Table k", continuing the numbering, as one step."""
        first = columns.next_table_number(self.model)
        tables = [Group(name=columns.table_name(first + k)) for k in range(count)]
        label = trn("Add %n table", "Add %n tables", count) if count > 1 else tr("Add table")
        self.model.push_add_many(tables, label=label)
        if tables:
            self.select(tables[0].id)

    def _on_add_many_triggered(self) -> None:
        count = self.dialogs.ask_count(self, tr("Add tables"), tr("How many tables?"), 5)
        if count:
            self.add_tables(count)


class AgendaEditor(SectionEditor):
    """The agenda with its running clock, total, and the current breakout's questions.

    Signals:
        start_time_requested(): F2 on the first item's start: the event's start time sets it.
    """

    start_time_requested = Signal()

    SPEC = columns.AGENDA
    HINT = N_(
        "The running order. Start times follow from the event’s start time and each item’s minutes."
    )

    def build_extras(self) -> None:
        self.total = QLabel(self)
        self.total.setAccessibleName(tr("Agenda total"))
        self.body.insertWidget(self.body.indexOf(self.view) + 1, self.total)
        self.form = AgendaForm(self.model, self)
        self.detail.addWidget(self.form)
        self.current_changed.connect(self.form.set_record)
        self.table_model.modelReset.connect(self._on_table_model_reset_total)
        self.table_model.dataChanged.connect(self._on_table_model_data_changed_total)
        self.form.set_record(self.current_id())
        self._show_total()

    def _show_total(self) -> None:
        text = self.table_model.context.schedule.summary()
        self.total.setText(f"<b>{text}</b>")
        self.total.setAccessibleName(tr("Agenda total: {total}").format(total=text))

    def edit_elsewhere(self, index: QModelIndex) -> None:
        """F2 on a worked-out cell goes to what sets it: a start to the minutes of the item
        before (the event's start time for the first), the questions to the breakout's list
        (or to the kind, when the item is not a breakout)."""
        header = self.spec.columns[index.column()].header
        row = index.row()
        if header == "Starts":
            if row == 0:
                self.start_time_requested.emit()
            else:
                self._edit_cell(row - 1, "planned_minutes")
        elif header == "Questions":
            if self.form.questions.isEnabled():
                self.form.questions.setFocus(Qt.FocusReason.ShortcutFocusReason)
            else:
                self._edit_cell(row, "kind")

    def _edit_cell(self, row: int, field: str) -> None:
        self.select(self.table_model.record(row).id, self.spec.column_of(field))
        self.view.edit(self.view.currentIndex())

    def total_text(self) -> str:
        return self.table_model.context.schedule.summary()

    def _on_table_model_reset_total(self) -> None:
        self._show_total()

    def _on_table_model_data_changed_total(self, *_: object) -> None:
        self._show_total()
