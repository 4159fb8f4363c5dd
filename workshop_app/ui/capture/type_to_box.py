"""What is typed anywhere on the Capture page lands in the note box, never on a card.

A note-taker types without looking at the screen. If the focus is on a card list, a tab, a
button or the question chooser, a printable key there would be lost (or, worse, pick a question
by keyboard search). ``TypeToBox`` watches those widgets: a printable key (with or without
Shift, or AltGr, which some systems report as Ctrl+Alt) moves the focus to the note box and is
typed there, at the end of what the box holds. Keys with Ctrl, Alt or Meta alone are commands
and pass on. Space keeps its meaning on a button or a tab (it presses it).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QAbstractButton, QPlainTextEdit, QTabBar, QWidget

Mod = Qt.KeyboardModifier


def is_text(event: QKeyEvent) -> bool:
    """True if the key types a character rather than giving a command."""
    text = event.text()
    if not text or not all(c.isprintable() for c in text):
        return False
    mods = event.modifiers()
    ctrl = bool(mods & Mod.ControlModifier)
    alt = bool(mods & Mod.AltModifier)
    return ctrl == alt and not mods & Mod.MetaModifier  # neither, or both (AltGr)


class TypeToBox(QObject):
    """Sends printable keys typed on the watched widgets to ``box``."""

    def __init__(self, box: QPlainTextEdit, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.box = box

    def watch(self, *widgets: QWidget) -> None:
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return False
        if not isinstance(event, QKeyEvent) or not is_text(event):
            return False
        if event.text() == " " and isinstance(watched, QAbstractButton | QTabBar):
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # text, not a shortcut: it comes back as a key press
            return True
        self.box.setFocus(Qt.FocusReason.OtherFocusReason)
        cursor = self.box.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        self.box.setTextCursor(cursor)
        self.box.insertPlainText(event.text())
        return True
