"""ZoneBox: the event's time zone, typed or picked from every IANA name this computer knows.

Typing filters the list anywhere in the name ("london" finds Europe/London); the name is checked
when it is committed (Enter, a pick from the list, focus out), never per keystroke. The list is
filled when the box first takes the focus or opens: reading every zone name costs ~45 ms, which
Plan's first frame should not pay.

Signals:
    committed(str text): the person finished editing the zone (not yet checked).
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QApplication, QComboBox, QCompleter, QWidget

from workshop_app.domain.local_time import zone_names
from workshop_app.ui.common.i18n import tr


class ZoneBox(QComboBox):
    """An editable, searchable combo of time zone names."""

    committed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        edit, view = self.lineEdit(), self.view()
        assert edit is not None and view is not None  # setEditable(True) made the edit
        self._edit = edit
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)  # a typo never joins the list
        self.setMaxVisibleItems(15)
        self._names = QStringListModel(self)  # filled by _fill, on first focus or popup
        completer = QCompleter(self._names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        view.setAccessibleName(tr("Time zones"))
        popup = completer.popup()
        assert popup is not None  # made on first ask
        popup.setAccessibleName(tr("Matching time zones"))
        self._popup = popup
        self.setAccessibleName(tr("Time zone"))
        self.setAccessibleDescription(
            tr("Every time of day in the app, the report and the exports is shown in this zone")
        )
        self.setToolTip(tr("Type part of a name, e.g. London, New York, Kolkata"))
        edit.setPlaceholderText(tr("e.g. Europe/London"))
        edit.editingFinished.connect(self._on_edit_editing_finished)
        self.activated.connect(self._on_activated)
        completer.activated.connect(self._on_completer_activated)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_app_focus_changed)

    def showPopup(self) -> None:
        self._fill()
        super().showPopup()

    def _fill(self) -> None:
        if self._names.rowCount():
            return
        names = list(zone_names())
        edit = self._edit
        text, cursor = edit.text(), edit.cursorPosition()
        start, length = edit.selectionStart(), len(edit.selectedText())
        self.blockSignals(True)
        self.addItems(names)
        index = self.findText(text)
        if index >= 0:
            self.setCurrentIndex(index)
        self.setEditText(text)
        # Keep what focus-in selected (Tab selects all), so typing replaces it, not appends.
        if start >= 0:
            edit.setSelection(start, length)
        else:
            edit.setCursorPosition(cursor)
        self.blockSignals(False)
        self._names.setStringList(names)

    def show_zone(self, name: str) -> None:
        """Show ``name`` without committing it."""
        self.blockSignals(True)
        index = self.findText(name)
        if index >= 0:
            self.setCurrentIndex(index)
        self.setEditText(name)
        self._edit.setCursorPosition(0)
        self.blockSignals(False)

    def _on_app_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        """Leaving the box commits (Tab away, a click elsewhere); its own list opening does not."""
        mine = (self, self._edit, self.view(), self._popup)
        if new in mine:
            self._fill()
        if old in mine and new is not None and new not in mine:
            self.committed.emit(self.currentText())

    def _on_edit_editing_finished(self) -> None:
        self.committed.emit(self.currentText())

    def _on_activated(self, _index: int) -> None:
        self.committed.emit(self.currentText())

    def _on_completer_activated(self, text: str) -> None:
        self.setEditText(text)
        self.committed.emit(text)
