"""Help ▸ Keyboard Shortcuts (F1): every key of every mode, listed from ``keymap.BINDINGS`` (the
table that installs them), grouped by mode, with a box that narrows the list as you type.

A tree with one row per key: its keys, where it works and what it does, each row's accessible
text the whole sentence ("F1, anywhere: Help ▸ Keyboard Shortcuts…") for screen readers.
Text follows View ▸ text size (the app font); Esc or Close closes it.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop_app.ui.common.i18n import tr
from workshop_app.ui.common.keymap import MODE_TITLES, KeyBinding, keys_of, of_mode, shown
from workshop_app.ui.common.text import ScaledLabel
from workshop_app.ui.shell.modes import Mode


#: What each group's "anywhere" means.
def mode_note(mode: str) -> str:
    """What a group's "anywhere" means: the mode's own key, or where the window's keys work."""
    if mode == "window":
        return tr("the menus, in every mode")
    if mode == Mode.RUN:
        return tr("{keys}; on the presenter display too").format(keys=shown("window.mode_run"))
    return shown(f"window.mode_{mode}")


def intro() -> str:
    return tr(
        "Every key of every mode. “Anywhere” means anywhere in that mode. Report ({keys}) has "
        "no keys of its own: Tab moves between its controls and Space or Enter presses them."
    ).format(keys=shown("window.mode_report"))


BINDING_ROLE = Qt.ItemDataRole.UserRole


def sentence(entry: KeyBinding) -> str:
    """The row as one sentence, for screen readers and the tooltip."""
    return tr("{keys}, {place}: {does}").format(
        keys=entry.shown, place=tr(entry.place), does=tr(entry.does)
    )


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their text wrapped to the column's width (a tree's own size hint
    assumes one line, so a long description would be cut)."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        if not index.parent().isValid():
            return hint  # a mode's title, spanning the row
        text = str(index.data() or "")
        width = self.tree.columnWidth(index.column())
        if index.column() == 0:
            width -= self.tree.indentation() * 2
        margin = self.tree.style().pixelMetric(self.tree.style().PixelMetric.PM_FocusFrameHMargin)
        bounds = QRect(0, 0, max(1, width - 2 * (margin + 1)), 100000)
        lines = option.fontMetrics.boundingRect(bounds, Qt.TextFlag.TextWordWrap, text)
        return QSize(hint.width(), max(hint.height(), lines.height() + 2 * margin + 2))


class KeysDialog(QDialog):
    """The list of every key; ``find`` narrows it, ``tree`` shows it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Keyboard shortcuts"))
        self.setAccessibleName(tr("Keyboard shortcuts"))
        layout = QVBoxLayout(self)
        layout.addWidget(ScaledLabel(tr("Keyboard shortcuts"), 1.3, bold=True, parent=self))
        about = QLabel(intro(), self)
        about.setWordWrap(True)
        layout.addWidget(about)

        row = QHBoxLayout()
        label = QLabel(tr("&Find:"), self)
        self.find_box = QLineEdit(self)
        self.find_box.setAccessibleName(tr("Find a key"))
        self.find_box.setPlaceholderText(
            tr("A key or a word: {key}, star, presenter…").format(key=keys_of("plan.add")[0])
        )
        self.find_box.setClearButtonEnabled(True)
        label.setBuddy(self.find_box)
        row.addWidget(label)
        row.addWidget(self.find_box, 1)
        layout.addLayout(row)

        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName(tr("Keyboard shortcuts, by mode"))
        self.tree.setHeaderLabels([tr("Key"), tr("Where"), tr("What it does")])
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.SingleSelection)
        self.groups: dict[str, QTreeWidgetItem] = {}
        for mode, english in MODE_TITLES.items():
            title = tr(english)
            group = QTreeWidgetItem([f"{title} ({mode_note(mode)})"])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setData(0, Qt.ItemDataRole.AccessibleTextRole, title)
            self.tree.addTopLevelItem(group)
            group.setFirstColumnSpanned(True)
            for entry in of_mode(mode):
                item = QTreeWidgetItem(group, [entry.shown, tr(entry.place), tr(entry.does)])
                item.setData(0, BINDING_ROLE, entry.id)
                item.setData(0, Qt.ItemDataRole.AccessibleTextRole, sentence(entry))
                for column in range(3):
                    item.setToolTip(column, sentence(entry))
            self.groups[mode] = group
        self.tree.expandAll()
        self.tree.setItemDelegate(WrappingDelegate(self.tree))
        em = self.fontMetrics().averageCharWidth()
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column in (0, 1):  # the groups' titles span the row: size by the keys' rows only
            widest = max(
                self.tree.fontMetrics().horizontalAdvance(row.text(column))
                for group in self.groups.values()
                for row in _rows(group)
            )
            # at most a third of the list each: what a key does keeps room (rows wrap)
            wanted = widest + 2 * self.tree.indentation() + em * 2
            self.tree.setColumnWidth(column, min(wanted, em * 40))
        header.sectionResized.connect(self._on_header_section_resized)
        layout.addWidget(self.tree, 1)

        self.nothing = QLabel(self)
        self.nothing.setTextFormat(Qt.TextFormat.PlainText)
        self.nothing.setAccessibleName(tr("No key found"))
        self.nothing.hide()
        layout.addWidget(self.nothing)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(tr("Close"))
        layout.addWidget(buttons)
        self.find_box.textChanged.connect(self._on_find_text_changed)
        screen = self.screen().availableGeometry()
        self.resize(min(em * 140, screen.width() * 9 // 10), screen.height() * 8 // 10)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.find_box.setFocus(Qt.FocusReason.OtherFocusReason)  # type to find, Esc closes

    def _on_header_section_resized(self, *_: object) -> None:
        self.tree.scheduleDelayedItemsLayout()  # rows re-wrap to the new width

    def shown_ids(self) -> list[str]:
        """The ids of the keys the list shows now, in order."""
        ids = []
        for group in self.groups.values():
            if group.isHidden():
                continue
            for row in _rows(group):
                if not row.isHidden():
                    ids.append(str(row.data(0, BINDING_ROLE)))
        return ids

    def _on_find_text_changed(self, text: str) -> None:
        words = text.casefold().split()
        for group in self.groups.values():
            title = group.text(0).casefold()
            any_shown = False
            for item in _rows(group):
                haystack = " ".join([title, *(item.text(c) for c in range(3))]).casefold()
                visible = all(word in haystack for word in words)
                item.setHidden(not visible)
                any_shown |= visible
            group.setHidden(not any_shown)
        found = bool(self.shown_ids())
        missing = tr("No key matches “{text}”.").format(text=text.strip())
        self.nothing.setText("" if found else missing)
        self.nothing.setVisible(not self.shown_ids())


def _rows(group: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    """The keys' rows under a mode's ``group`` (``child(i)`` is None only past the end)."""
    return [row for i in range(group.childCount()) if (row := group.child(i)) is not None]
