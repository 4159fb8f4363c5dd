"""PlanPage: the Plan mode page the main window embeds.

A list of sections on the left (Details, Speakers, Questions, Tables, Agenda, each with its
count and a warning when something needs attention) and the section's editor on the right.
Each editor is built when its section is first shown; the lists' table models (which the
section list counts) are built at once. Under the section list, a hint shows Plan's keys
(``plan/keys.py``, from ``keymap``); Alt+Left (``plan.sections``) brings the focus back to
the list from anywhere in a section.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from workshop_app.i18n import N_
from workshop_app.ui.common.focus import show_focus_frame
from workshop_app.ui.common.i18n import tr, trn
from workshop_app.ui.common.keymap import install, shown
from workshop_app.ui.document_model import DocumentModel
from workshop_app.ui.plan import checks, columns, keys
from workshop_app.ui.plan.table_model import RecordTableModel
from workshop_app.ui.plan.widgets import Heading, is_font_change

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

    from workshop_app.ui.plan.details_form import DetailsForm
    from workshop_app.ui.plan.sections import (
        AgendaEditor,
        QuestionsEditor,
        SpeakersEditor,
        TablesEditor,
    )
    from workshop_app.ui.plan.services import Dialogs

#: The sections by name (the names tests and code use; shown translated).
SECTIONS = ("Details", "Speakers", "Questions", "Tables", "Agenda")
SECTION_LABELS = {
    "Details": N_("Details"),
    "Speakers": N_("Speakers"),
    "Questions": N_("Questions"),
    "Tables": N_("Tables"),
    "Agenda": N_("Agenda"),
}
LISTS = {
    "Speakers": columns.SPEAKERS,
    "Questions": columns.QUESTIONS,
    "Tables": columns.TABLES,
    "Agenda": columns.AGENDA,
}


class PlanPage(QWidget):
    """Plan mode: a section list on the left and the section's editor on the right.

    ``dialogs`` asks the user before destructive steps; tests pass a stand-in.
    """

    def __init__(
        self, model: DocumentModel, parent: QWidget | None = None, dialogs: Dialogs | None = None
    ) -> None:
        super().__init__(parent)
        self.model = model
        if dialogs is None:
            from workshop_app.ui.plan.services import PlanDialogs

            dialogs = PlanDialogs()
        self.dialogs: Dialogs = dialogs
        self.setAccessibleName(tr("Plan"))

        self.sections = QListWidget(self)
        self.sections.setAccessibleName(tr("Plan sections"))
        self.sections.setAccessibleDescription(
            tr(
                "Up and Down choose what to plan, Tab goes into the section, {keys} comes back here"
            ).format(keys=shown("plan.sections"))
        )
        show_focus_frame(self.sections)
        self.setFocusProxy(self.sections)  # Ctrl+1 (View ▸ Plan) lands in the section list
        # Translators: one line of the key hint under Plan's sections: "Ctrl+N: add a row"
        line = tr("{keys}: {does}")
        hint = "\n".join(line.format(keys=key, does=does) for key, does in keys.hint())
        self.keys_hint = QLabel(hint, self)
        self.keys_hint.setTextFormat(Qt.TextFormat.PlainText)
        self.keys_hint.setWordWrap(True)
        self.keys_hint.setAccessibleName(tr("Plan keys"))
        self.stack = QStackedWidget(self)
        self.stack.setAccessibleName(tr("Plan section editor"))
        self.table_models = {
            name: RecordTableModel(model, spec, self) for name, spec in LISTS.items()
        }
        self._editors: dict[str, QWidget] = {}
        for name in SECTIONS:
            self.sections.addItem(QListWidgetItem(tr(SECTION_LABELS[name])))
        self._size_sections()

        side = QVBoxLayout()
        side.addWidget(self.sections, 1)
        side.addWidget(self.keys_hint)
        layout = QHBoxLayout(self)
        layout.addLayout(side)
        layout.addWidget(self.stack, 1)
        self.setTabOrder(self.sections, self.stack)

        self.back_action = QAction(tr("Back to the sections"), self.stack)
        install(self.back_action, "plan.sections")
        self.back_action.triggered.connect(self._on_back_action_triggered)
        self.stack.addAction(self.back_action)

        self.sections.currentRowChanged.connect(self._on_sections_current_row_changed)
        model.changed.connect(self._on_model_changed)
        self.sections.setCurrentRow(0)
        self._update_sections()

    def editor(self, name: str) -> QWidget:
        """The editor of section ``name`` ("Agenda"), built now if it has not been shown yet."""
        editor = self._editors.get(name)
        if editor is None:
            editor = self._build_editor(name)
            self._editors[name] = editor
            self.stack.addWidget(editor)
        return editor

    def _build_editor(self, name: str) -> QWidget:
        if name == "Details":
            from workshop_app.ui.plan.details_form import DetailsForm

            return DetailsForm(self.model, self.stack)
        from workshop_app.ui.plan import sections

        kind = {
            "Speakers": sections.SpeakersEditor,
            "Questions": sections.QuestionsEditor,
            "Tables": sections.TablesEditor,
            "Agenda": sections.AgendaEditor,
        }[name]
        editor = kind(self.model, self.dialogs, self.stack, table_model=self.table_models[name])
        if isinstance(editor, sections.AgendaEditor):
            editor.start_time_requested.connect(self._on_agenda_start_time_requested)
        return editor

    @property
    def details(self) -> DetailsForm:
        return self.editor("Details")  # type: ignore[return-value]

    @property
    def speakers(self) -> SpeakersEditor:
        return self.editor("Speakers")  # type: ignore[return-value]

    @property
    def questions(self) -> QuestionsEditor:
        return self.editor("Questions")  # type: ignore[return-value]

    @property
    def tables(self) -> TablesEditor:
        return self.editor("Tables")  # type: ignore[return-value]

    @property
    def agenda(self) -> AgendaEditor:
        return self.editor("Agenda")  # type: ignore[return-value]

    def show_section(self, name: str) -> QWidget:
        """Switch to a section by name ("Agenda") and return its editor."""
        self.sections.setCurrentRow(SECTIONS.index(name))
        return self.editor(name)

    def _size_sections(self) -> None:
        metrics = self.sections.fontMetrics()
        self.sections.setFixedWidth(metrics.horizontalAdvance(self._widest_section()) + 48)
        self.keys_hint.setFixedWidth(self.sections.width())
        for row in range(self.sections.count()):
            item = self.sections.item(row)
            item.setSizeHint(QSize(0, int(metrics.height() * 2.2)))

    def _widest_section(self) -> str:
        """The longest a section's line can be ("Questions  99 · 9 to check"), in this language."""
        metrics = self.sections.fontMetrics()
        lines = [
            trn("{section} · %n to check", "{section} · %n to check", 9).format(
                section=tr("{section}  {count}").format(section=tr(SECTION_LABELS[name]), count=99)
            )
            for name in SECTIONS
        ]
        return max(lines, key=metrics.horizontalAdvance)

    def _update_sections(self) -> None:
        for row, name in enumerate(SECTIONS):
            table = self.table_models.get(name)
            if table is not None:
                count = table.rowCount()
                issues = sum(1 for r in range(count) if table.problems(r))
                # Translators: a Plan section and how many rows it has: "Speakers  4"
                text = tr("{section}  {count}").format(
                    section=tr(SECTION_LABELS[name]), count=count
                )
            else:
                issues = len(checks.event_problems(self.model.event_record()))
                text = tr(SECTION_LABELS[name])
            if issues:
                # Translators: after a Plan section: "Agenda  6 · 2 to check"
                text = trn("{section} · %n to check", "{section} · %n to check", issues).format(
                    section=text
                )
            item = self.sections.item(row)
            item.setText(text)
            item.setIcon(self._warning_icon() if issues else self._blank_icon())
            item.setData(Qt.ItemDataRole.AccessibleTextRole, text)

    def _warning_icon(self) -> QIcon:
        """The style's warning icon. QStyle is imported here, when a section first needs it:
        touching it builds all its enums in PySide6 (~5 ms), not needed by an event whose
        plan has nothing to check."""
        from PySide6.QtWidgets import QStyle

        return self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)

    def _blank_icon(self) -> QIcon:
        from PySide6.QtGui import QIcon

        return QIcon()

    # -- handlers ---------------------------------------------------------------------------

    def _on_sections_current_row_changed(self, row: int) -> None:
        if row >= 0:
            self.stack.setCurrentWidget(self.editor(SECTIONS[row]))

    def _on_model_changed(self, kind: type, record_id: str) -> None:
        self._update_sections()

    def _on_back_action_triggered(self) -> None:
        self.sections.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _on_agenda_start_time_requested(self) -> None:
        self.show_section("Details")
        self.details.start.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if is_font_change(event):  # View ▸ text size: headings scale with the new font
            for heading in self.findChildren(Heading):
                heading.follow_parent_font()
            self._size_sections()


__all__ = ["PlanPage", "SECTIONS"]
