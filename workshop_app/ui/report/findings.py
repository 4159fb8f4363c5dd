"""FindingsDialog: the personal-data check that Report and File ▸ Export run first.

Lists what ``personal_data_bundle.scan`` finds (less what the organiser marked as fine before),
each with its place, kind and the matched text in context. From the list: Go to it (the note on
the Board, a theme there, the event's or a question's details in Plan), fix the text in place
(one undo step, "Fix personal data"), or mark a finding as fine (kept in the file's own settings,
``Document.fine_findings``: no merge carries it, and an edit of the text raises it again).
"Redact" is the one tick box: what is written replaces every finding with its label.
Continue goes on with the report or export; Cancel (Esc) writes nothing.

Signals:
    jump_requested(str record, str record_id): the organiser asked to go to a finding.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.errors import WorkshopError
from workshop_app.domain.personal_data import NAMES
from workshop_app.domain.personal_data_bundle import Located, scan
from workshop_app.domain.records import Event, Note, Question, Record, Theme
from workshop_app.i18n import N_
from workshop_app.ui.common.i18n import tr, trn
from workshop_app.ui.document_model import DocumentModel

RECORDS: dict[str, type[Record]] = {
    "event": Event,
    "question": Question,
    "theme": Theme,
    "note": Note,
}
FIELD_NAMES = {
    "synthesis": N_("write-up"),
    "text": N_("text"),
    "attribution": N_("attributed to"),
}
CONTEXT = 30  # characters shown either side of a match
FIX_LABEL = N_("Fix personal data")


def finding_key(found: Located) -> str:
    """What a mark as fine remembers: the record, field, kind and the text matched."""
    return "|".join((found.record_id, found.field, str(found.kind), found.finding.matched))


def open_findings(model: DocumentModel) -> list[Located]:
    """The findings in ``model``'s event not yet marked as fine."""
    fine = model.document.fine_findings()
    return [f for f in scan(model.document.bundle()) if finding_key(f) not in fine]


def field_text(model: DocumentModel, found: Located) -> str:
    record: Record = (
        model.event_record()
        if found.record == "event"
        else model.get(RECORDS[found.record], found.record_id)
    )
    return str(getattr(record, found.field))


def in_context(text: str, found: Located) -> str:
    """The match in its sentence: "…call me on ⟦07700 900123⟧ after six…"."""
    f = found.finding
    before, after = text[max(0, f.start - CONTEXT) : f.start], text[f.end : f.end + CONTEXT]
    before = ("…" if f.start > CONTEXT else "") + before
    after += "…" if f.end + CONTEXT < len(text) else ""
    return " ".join(f"{before}⟦{f.matched}⟧{after}".split())


def describe(found: Located, text: str) -> str:
    name = FIELD_NAMES.get(found.field)
    field = "" if found.field == "text" else f" · {tr(name) if name else found.field}"
    kind = tr(NAMES[found.kind])
    return f"{kind[:1].upper()}{kind[1:]} · {found.place}{field}\n{in_context(text, found)}"


class FindingsDialog(QDialog):
    """The findings of ``model``'s event (``found``); ``action`` names what Continue does."""

    jump_requested = Signal(str, str)

    def __init__(
        self, model: DocumentModel, found: list[Located], action: str, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.found = list(found)
        self.setWindowTitle(tr("Personal data check"))
        self.setAccessibleName(tr("Personal data check"))
        self.resize(self.fontMetrics().averageCharWidth() * 96, self.fontMetrics().height() * 34)
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.list = QListWidget(self)
        self.list.setAccessibleName(tr("Findings"))
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(3)
        layout.addWidget(self.list, 2)

        row = QHBoxLayout()
        self.go = self._button(tr("&Go to it"), tr("Go to the finding"), row)
        self.fine = self._button(tr("Mark as &fine"), tr("Mark the finding as fine"), row)
        row.addStretch(1)
        layout.addLayout(row)
        edit_label = QLabel(tr("&Text of the selected finding (fix it here):"), self)
        layout.addWidget(edit_label)
        self.editor = QPlainTextEdit(self)
        self.editor.setAccessibleName(tr("Text of the selected finding"))
        self.editor.setTabChangesFocus(True)
        edit_label.setBuddy(self.editor)
        layout.addWidget(self.editor, 1)
        fix_row = QHBoxLayout()
        self.save_fix = self._button(tr("&Save the fix"), tr("Save the fixed text"), fix_row)
        fix_row.addStretch(1)
        layout.addLayout(fix_row)

        self.redact = QCheckBox(
            tr("&Redact: replace each finding with a label such as [phone] in what is written"),
            self,
        )
        self.redact.setAccessibleName(tr("Redact personal data"))
        self.redact.setToolTip(
            tr(
                "Every finding is replaced, including those marked as fine; the rest of the text "
                "is kept. The event file itself is not changed."
            )
        )
        layout.addWidget(self.redact)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel = self._button(tr("Cancel"), tr("Cancel: write nothing"), buttons)
        self.go_on = self._button(
            tr("&Continue: {action}").format(action=action),
            tr("Continue: {action}").format(action=action),
            buttons,
        )
        self.go_on.setDefault(True)
        layout.addLayout(buttons)

        self.go.clicked.connect(self._on_go_clicked)
        self.fine.clicked.connect(self._on_fine_clicked)
        self.save_fix.clicked.connect(self._on_save_fix_clicked)
        self.cancel.clicked.connect(self.reject)
        self.go_on.clicked.connect(self.accept)
        self.list.currentRowChanged.connect(self._on_list_current_row_changed)
        self._fill()
        self.list.setFocus()

    def _button(self, text: str, name: str, row: QHBoxLayout) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(name)
        button.setAutoDefault(False)
        row.addWidget(button)
        return button

    def current(self) -> Located | None:
        row = self.list.currentRow()
        return self.found[row] if 0 <= row < len(self.found) else None

    def _fill(self, row: int = 0) -> None:
        self.list.clear()
        for found in self.found:
            item = QListWidgetItem(describe(found, field_text(self.model, found)))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, item.text().replace("\n", ": "))
            self.list.addItem(item)
        count = len(self.found)
        self.heading.setText(
            trn(
                "⚠ %n possible piece of personal data. Before this leaves the laptop, check "
                "each one: fix it, mark it as fine, or tick Redact.",
                "⚠ %n possible pieces of personal data. Before this leaves the laptop, check "
                "each one: fix it, mark it as fine, or tick Redact.",
                count,
            )
            if count
            else tr("✓ Nothing left to check: every finding is fixed or marked as fine.")
        )
        if count:
            self.list.setCurrentRow(min(row, count - 1))
        self._on_list_current_row_changed(self.list.currentRow())

    def _on_list_current_row_changed(self, _row: int) -> None:
        found = self.current()
        for widget in (self.go, self.fine, self.editor, self.save_fix):
            widget.setEnabled(found is not None)
        self.editor.setPlainText(field_text(self.model, found) if found else "")
        if found is not None:
            cursor = self.editor.textCursor()
            cursor.setPosition(found.finding.start)
            cursor.setPosition(found.finding.end, cursor.MoveMode.KeepAnchor)
            self.editor.setTextCursor(cursor)

    def _refresh(self) -> None:
        row = max(0, self.list.currentRow())
        self.found = open_findings(self.model)
        self._fill(row)
        self.list.setFocus()

    def _on_go_clicked(self) -> None:
        found = self.current()
        if found is not None:
            self.reject()
            self.jump_requested.emit(found.record, found.record_id)

    def _on_fine_clicked(self) -> None:
        found = self.current()
        if found is not None:
            document = self.model.document
            document.set_fine_findings(document.fine_findings() | {finding_key(found)})
            self._refresh()

    def _on_save_fix_clicked(self) -> None:
        found = self.current()
        text = self.editor.toPlainText()
        if found is None or text == field_text(self.model, found):
            return
        if found.record == "note" and found.field == "text" and not text.strip():
            self.heading.setText(
                tr("A note cannot be empty: fix its text, or delete it in Capture.")
            )
            return
        try:
            if found.record == "event":
                self.model.push_update_event(label=tr(FIX_LABEL), **{found.field: text})
            else:
                kind = RECORDS[found.record]
                self.model.push_update(
                    kind, found.record_id, label=tr(FIX_LABEL), **{found.field: text}
                )
        except WorkshopError as exc:
            self.heading.setText(tr("Not saved: {reason}").format(reason=exc))
            return
        self._refresh()


def jump_to(widget: QWidget, record: str, record_id: str) -> None:
    """Show the finding's record from any page of the workspace ``widget`` is in: a note or a
    theme on the Board (focused there), the event or a question in Plan."""
    from workshop_app.ui.shell.modes import Mode

    # by its object name: importing Workspace here would close an import loop (it builds pages)
    parent: Any = widget.window().findChild(QWidget, "workspace")
    if parent is None:
        return
    if record in ("note", "theme"):
        parent.set_mode(Mode.BOARD, focus=True)
        board = parent.page(Mode.BOARD)
        board.current_view().reveal(record, record_id)
    else:
        parent.set_mode(Mode.PLAN, focus=True)


def check_then(
    model: DocumentModel, action: str, parent: QWidget, go_on: Callable[[bool], None]
) -> FindingsDialog | None:
    """Check ``model``'s event, then ``go_on(redact)``: at once when nothing is found, else
    when the organiser continues from the findings dialog (returned, shown with ``open``)."""
    found = open_findings(model)
    if not found:
        go_on(False)
        return None
    dialog = FindingsDialog(model, found, action, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: go_on(dialog.redact.isChecked()))
    dialog.jump_requested.connect(lambda record, id_: jump_to(parent, record, id_))
    dialog.open()
    return dialog
