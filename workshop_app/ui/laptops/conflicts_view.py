"""File ▸ Conflicts…: the texts that lost a merge (one field edited on two laptops), each with
the text that won, and a way to put the kept text back (one undoable step; the text it replaces
is kept in its turn).

Complete by keyboard: the list has the focus (arrows choose), Alt+P or Enter puts the chosen
kept text back, Esc closes. It follows the document (an undo brings a row back).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain import local_time
from workshop_app.domain.errors import WorkshopError
from workshop_app.i18n import N_
from workshop_app.storage.conflicts import KINDS, Conflict
from workshop_app.ui.common.i18n import tr
from workshop_app.ui.document_model import DocumentModel
from workshop_app.ui.laptops.names import laptop_names, unknown_laptop

COLUMNS = (N_("What"), N_("Text now (it won)"), N_("Kept text"), N_("Kept from"), N_("Written"))
#: A record kind as the "What" column names it (by the name ``field_history`` stores).
KIND_WORDS: dict[str, str] = {
    "event": N_("Event"),
    "speaker": N_("Speaker"),
    "question": N_("Question"),
    # Translators: a table (furniture) of the event
    "table": N_("Table"),
    "agenda item": N_("Agenda item"),
    "theme": N_("Theme"),
    "note": N_("Note"),
}
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class ConflictsDialog(QDialog):
    """Lists ``model``'s conflicts; puts one back through ``model.push_put_back``."""

    def __init__(self, model: DocumentModel, parent: QWidget) -> None:
        super().__init__(parent)
        self.model = model
        self.conflicts: list[Conflict] = []
        self.setWindowTitle(tr("Conflicts: texts kept from merging"))
        self.setAccessibleName(tr("Conflicts: texts kept from merging"))
        self.intro = QLabel(self)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.intro.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName(tr("Kept texts"))
        self.tree.setHeaderLabels([tr(column) for column in COLUMNS])
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.installEventFilter(self)
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.put_back_button = self.buttons.addButton(
            tr("&Put kept text back"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.put_back_button.setAccessibleName(tr("Put the kept text back"))
        self.put_back_button.setAutoDefault(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(tr("Close"))
        column = QVBoxLayout(self)
        column.addWidget(self.intro)
        column.addWidget(self.tree, 1)
        column.addWidget(self.status)
        column.addWidget(self.buttons)
        self.resize(1000, 440)
        self.put_back_button.clicked.connect(self.put_back)
        self.buttons.rejected.connect(self.reject)
        self.tree.currentItemChanged.connect(self._on_tree_current_changed)
        model.changed.connect(self._on_model_changed)
        self.refresh()
        self.tree.setFocus()

    def refresh(self) -> None:
        current = self.tree.currentItem()
        row = max(0, self.tree.indexOfTopLevelItem(current)) if current is not None else 0
        self.conflicts = self.model.document.conflicts()
        names = laptop_names(self.model, self.model.document.laptops())
        self.tree.clear()
        zone = self.model.zone_name()
        for conflict in self.conflicts:
            laptop = names.get(conflict.device_id) or unknown_laptop(conflict.device_id)
            kind = KIND_WORDS.get(conflict.kind)
            what = tr("{kind} ({field})").format(
                kind=tr(kind) if kind else conflict.kind.capitalize(), field=conflict.field
            )
            item = QTreeWidgetItem(
                [what, _short(conflict.current), _short(conflict.value), laptop,
                 local_time.clock(conflict.updated_at, zone)]
            )  # fmt: skip
            item.setToolTip(1, conflict.current)
            item.setToolTip(2, conflict.value)
            self.tree.addTopLevelItem(item)
        for index, width in enumerate((120, 300, 300, 140)):
            self.tree.setColumnWidth(index, width)
        count = len(self.conflicts)
        self.intro.setText(
            tr(
                "When one text was changed on two laptops, the newer change won and the other "
                "was kept here: nothing is lost. Put a kept text back if it was the better one."
            )
            if count
            else tr("No conflicts: no text was changed on two laptops at once.")
        )
        current = self.tree.topLevelItem(min(row, count - 1)) if count else None
        if current is not None:
            self.tree.setCurrentItem(current)
        self.put_back_button.setEnabled(bool(count))

    def put_back(self) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        conflict = self.conflicts[self.tree.indexOfTopLevelItem(item)]
        try:
            self.model.push_put_back(
                KINDS[conflict.kind], conflict.record_id, conflict.field, conflict.value
            )
        except WorkshopError as err:
            self.status.setText(tr("⚠ Not put back. {reason}").format(reason=err))
            return
        self.status.setText(
            tr("Put back: “{text}” (Edit ▸ Undo takes it out)").format(
                text=_short(conflict.value, 60)
            )
        )
        self.tree.setFocus()

    def eventFilter(self, watched: object, event: object) -> bool:
        if isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            if event.key() in ENTER_KEYS and watched is self.tree:
                self.put_back()
                return True
        return False

    def _on_tree_current_changed(self, *_: object) -> None:
        self.status.clear()

    def _on_model_changed(self, *_: object) -> None:
        if not self.model.document.closed:
            self.refresh()
