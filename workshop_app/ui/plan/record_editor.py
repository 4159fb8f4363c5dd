"""RecordListEditor: the generic editor of one Plan list (speakers, questions, tables, agenda).

A table of the records with Add / Delete / Move up / Move down (keys in ``keymap``; drag
and drop too), the current row's problems in words under it, and an optional detail form for long
fields. F2 on a cell worked out from elsewhere calls ``edit_elsewhere``, which a section overrides
to go to the field that sets it.

Signals:
    current_changed(str record_id): the current record changed ("" when none).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app.ui.common.focus import show_focus_frame
from workshop_app.ui.common.i18n import tr
from workshop_app.ui.common.keymap import install, shown
from workshop_app.ui.document_model import DocumentModel
from workshop_app.ui.plan import keys
from workshop_app.ui.plan.columns import Column, RecordSpec, choice_text
from workshop_app.ui.plan.delegates import RecordDelegate
from workshop_app.ui.plan.deletion import plan_delete
from workshop_app.ui.plan.services import Dialogs
from workshop_app.ui.plan.table_model import RecordTableModel
from workshop_app.ui.plan.widgets import Heading, ProblemLine, RecordTableView, configure_table


class RecordListEditor(QWidget):
    """Edits the list of ``spec.kind`` records through ``model``, shown by ``table_model`` (a
    new one when not given; Plan mode passes the one its section list already counts)."""

    current_changed = Signal(str)

    def __init__(
        self,
        model: DocumentModel,
        spec: RecordSpec,
        dialogs: Dialogs,
        hint: str = "",
        parent: QWidget | None = None,
        *,
        table_model: RecordTableModel | None = None,
    ) -> None:
        super().__init__(parent)
        self.model, self.spec, self.dialogs = model, spec, dialogs
        # Translators: {things} is a Plan section: "Speakers editor"
        self.setAccessibleName(tr("{things} editor").format(things=tr(spec.plural)))
        self._current_id = ""
        self._current_column = 0

        self.heading = Heading(tr(spec.plural), self)
        self.hint = QLabel(hint, self)
        self.hint.setWordWrap(True)
        self.hint.setAccessibleName(hint or tr(spec.plural))
        self.hint.setVisible(bool(hint))

        self.table_model = table_model or RecordTableModel(model, spec, self)
        self.view = RecordTableView(spec.empty_hint(), self)
        show_focus_frame(self.view)
        self.view.setModel(self.table_model)
        self.view.setItemDelegate(RecordDelegate(spec, self.view))
        configure_table(self.view)
        self.view.setAccessibleName(tr("{things} list").format(things=tr(spec.plural)))
        self.view.setAccessibleDescription(keys.list_description(tr(spec.noun)))
        self._size_columns()

        self.toolbar = QHBoxLayout()
        self.buttons: dict[QAction, QToolButton] = {}
        self.toolbar.addStretch(1)
        # Translators: {thing} is a lower-case record name: "Add speaker"
        add = tr("Add {thing}").format(thing=tr(spec.noun))
        self.add_action = self._action(add, "plan.add", self._on_add_triggered)
        # Delete and moving act on the list only: in a cell editor, the prompt box or the
        # breakout's questions those keys edit text or open a choice instead.
        self.delete_action = self._action(
            tr("Delete"), "plan.delete", self._on_delete_triggered, owner=self.view
        )
        # Out of the Tab chain: Space on it would delete without asking (the Delete key does it)
        self.buttons[self.delete_action].setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.up_action = self._action(
            tr("Move up"), "plan.move_up", self._on_up_triggered, owner=self.view
        )
        self.down_action = self._action(
            tr("Move down"), "plan.move_down", self._on_down_triggered, owner=self.view
        )

        self.problem_line = ProblemLine(self)
        self.detail = QVBoxLayout()

        layout = self.body = QVBoxLayout(self)  # heading to detail, top to bottom
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addLayout(self.toolbar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.problem_line)
        layout.addLayout(self.detail)

        self.table_model.modelAboutToBeReset.connect(self._on_table_model_about_to_be_reset)
        self.table_model.modelReset.connect(self._on_table_model_reset)
        self.table_model.dataChanged.connect(self._on_table_model_data_changed)
        self.view.selectionModel().currentChanged.connect(self._on_view_current_changed)
        self.view.edit_elsewhere_requested.connect(self.edit_elsewhere)
        self._update_actions()

    # -- building ---------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        binding_id: str,
        slot: object,
        *,
        owner: QWidget | None = None,
    ) -> QAction:
        """An action with a toolbar button and the keys of ``binding_id`` (``keymap``), added to
        ``owner`` (the list, for keys that work only while it has the focus) or this editor."""
        action = install(QAction(text, self), binding_id)
        # Translators: a button's tooltip: "Delete (Del)"
        action.setToolTip(tr("{action} ({keys})").format(action=text, keys=shown(binding_id)))
        action.triggered.connect(slot)
        (owner or self).addAction(action)
        self.add_tool(action)
        return action

    def add_tool(self, action: QAction, position: int | None = None) -> QToolButton:
        """Put a button for ``action`` on the toolbar (e.g. "Add tables…"), at ``position``
        or last."""
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setAccessibleName(action.text().replace("…", ""))
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        last = max(0, self.toolbar.count() - 1)
        self.toolbar.insertWidget(last if position is None else position, button)
        self.buttons[action] = button
        return button

    def _size_columns(self) -> None:
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        width = self.fontMetrics().horizontalAdvance("M")
        for column, spec in enumerate(self.spec.columns):
            if spec.stretch:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                wide = {"minutes": 7, "choice": 9}.get(spec.editor, 14)
                if spec.compute is not None and spec.field == "":
                    wide = 6 if spec.header in ("Starts",) else 16
                header.resizeSection(column, max(width * wide, self._fitting_width(spec)))
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def _fitting_width(self, column: Column) -> int:
        """What a fixed column needs for its header and its longest value in this language (a
        longer language than English must not clip "Minutes" or "Breakout")."""
        texts = [tr(column.header)]
        if column.editor == "choice":
            texts += [choice_text(choice) for choice in column.choices]
        elif column.editor == "minutes":
            texts.append(tr("{minutes} min").format(minutes=999))
        metrics = self.view.fontMetrics()
        pad = metrics.horizontalAdvance("M") * 2  # the cell's margins and the sort of slack
        return max(metrics.horizontalAdvance(text) for text in texts) + pad

    # -- state ------------------------------------------------------------------------------

    def current_id(self) -> str:
        """The id of the current record, or ""."""
        index = self.view.currentIndex()
        return self.table_model.record(index.row()).id if index.isValid() else ""

    def select(self, record_id: str, column: int | None = None) -> None:
        row = self.table_model.row_of(record_id)
        if row < 0:
            return
        column = self._first_editable() if column is None else column
        index = self.table_model.index(row, column)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.view.scrollTo(index)

    def _first_editable(self) -> int:
        return next(i for i, c in enumerate(self.spec.columns) if c.editable)

    def _update_actions(self) -> None:
        row = self.view.currentIndex().row() if self.view.currentIndex().isValid() else -1
        rows = self.table_model.rowCount()
        self.delete_action.setEnabled(row >= 0)
        self.up_action.setEnabled(row > 0)
        self.down_action.setEnabled(0 <= row < rows - 1)
        self.problem_line.set_problems(self.table_model.problems(row))

    # -- handlers ---------------------------------------------------------------------------

    def _on_table_model_about_to_be_reset(self) -> None:
        self._current_id = self.current_id()
        self._current_column = max(0, self.view.currentIndex().column())
        self._current_row = self.view.currentIndex().row()

    def _on_table_model_reset(self) -> None:
        if self.table_model.row_of(self._current_id) >= 0:
            self.select(self._current_id, self._current_column)
        elif self.table_model.rowCount():  # the current one was deleted: take its neighbour
            row = min(max(0, self._current_row), self.table_model.rowCount() - 1)
            self.select(self.table_model.record(row).id, self._current_column)
        self._update_actions()
        self.current_changed.emit(self.current_id())

    def _on_table_model_data_changed(self, *_: object) -> None:
        self._update_actions()

    def _on_view_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        self._update_actions()
        if current.row() != previous.row() or not previous.isValid():
            self.current_changed.emit(self.current_id())

    def edit_elsewhere(self, index: QModelIndex) -> None:
        """F2 on a read-only cell: go to the field that sets it (sections override this)."""

    def commit_typing(self) -> None:
        """Write what is being typed in this section (a cell editor, the prompt box) now,
        before a new row takes the focus and the list is rebuilt under the editor."""
        focused = QApplication.focusWidget()
        if focused is None or focused is self.view or not self.isAncestorOf(focused):
            return
        if self.view.state() == self.view.State.EditingState:
            editor = self.view.indexWidget(self.view.currentIndex())
            if editor is not None:
                self.view.commitData(editor)
                self.view.closeEditor(editor, RecordDelegate.EndEditHint.NoHint)
                return
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)  # a form field commits on leaving

    def _on_add_triggered(self) -> None:
        self.commit_typing()
        current = self.view.currentIndex()
        index = current.row() + 1 if current.isValid() else None
        record = self.spec.new_record(self.model)
        label = tr("Add {thing}").format(thing=tr(self.spec.noun))
        self.model.push_add(record, index=index, label=label)
        self.select(record.id, self._first_editable())
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.view.edit(self.view.currentIndex())

    def _on_delete_triggered(self) -> None:
        record_id = self.current_id()
        if not record_id:
            return
        record = self.model.get(self.spec.kind, record_id)
        plan = plan_delete(self.model, record, tr(self.spec.noun))
        if plan.ask and not self.dialogs.confirm(self, plan.label, plan.ask, plan.action):
            return
        self.model.push_delete(plan.items, label=plan.label)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_up_triggered(self) -> None:
        self._move_current(-1)

    def _on_down_triggered(self) -> None:
        self._move_current(+1)

    def _move_current(self, step: int) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            return
        target = index.row() + step
        if 0 <= target < self.table_model.rowCount():
            self.table_model.move_record(self.current_id(), target)
