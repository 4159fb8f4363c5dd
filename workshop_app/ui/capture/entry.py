"""The note box and what goes with it: kind chips, who said a quote, a role tag.

``NoteBox`` is a large plain-text box: Enter saves, Shift+Enter is a new line, Esc clears. Its
Ctrl+Z undoes typing while there is typing to undo; on an empty box it reaches Edit ▸ Undo (so
a note saved by mistake is one Ctrl+Z away). ``EntryPanel`` adds the kinds (chips and Alt+1..5),
"who said it" for quotes (optional) and a role tag (anonymous unless chosen). On a quote,
the first Enter moves to "Said by" (Enter there saves, with or without a name); Enter in the
Role box saves too.

Signals:
    EntryPanel.submitted(): the note-taker pressed Enter (or Save) to save the note.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.records import NOTE_KINDS, NoteKind
from workshop_app.i18n import N_
from workshop_app.ui.capture.keys import KIND_KEYS, hint
from workshop_app.ui.common.i18n import tr
from workshop_app.ui.common.keymap import install, matches
from workshop_app.ui.common.sticky import kind_style

#: Role tags a note can carry (the person's role, never their name). The tag is stored as it
#: is here (the file's word, in English); the chooser shows it translated.
ROLE_TAGS: tuple[str, ...] = (
    "patient or public",
    "clinician",
    "carer",
    "manager",
    "innovator",
    "policy",
    "other",
)
#: What the chooser shows for each tag.
ROLE_WORDS: dict[str, str] = {
    "patient or public": N_("Patient or public"),
    "clinician": N_("Clinician"),
    "carer": N_("Carer"),
    "manager": N_("Manager"),
    "innovator": N_("Innovator"),
    "policy": N_("Policy"),
    "other": N_("Other"),
}
assert tuple(ROLE_WORDS) == ROLE_TAGS
ANONYMOUS = N_("No role (anonymous)")
WHO_PLACEHOLDER = N_("Who said it? (optional)")
#: A kind chip's tooltip, one whole phrase per kind; {key} is its Alt+number.
MARK_AS: dict[str, str] = {
    NoteKind.IDEA: N_("Mark the note as idea ({key})"),
    NoteKind.CONCERN: N_("Mark the note as concern ({key})"),
    NoteKind.QUOTE: N_("Mark the note as quote ({key})"),
    NoteKind.ACTION: N_("Mark the note as action ({key})"),
    NoteKind.QUESTION: N_("Mark the note as question ({key})"),
}
assert tuple(MARK_AS) == NOTE_KINDS
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
MIN_LINES, MAX_LINES = 3, 6


class NoteBox(QPlainTextEdit):
    """The box a note is typed in. ``submit`` is called on Enter."""

    submit = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr("New note"))
        self.setPlaceholderText(tr("Type what was said, then press Enter"))
        self.setTabChangesFocus(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(self._fit_height)
        self._on_app_font_changed()
        app = QApplication.instance()
        if isinstance(app, QApplication):  # a widget with its own font is not told otherwise
            app.fontChanged.connect(self._on_app_font_changed)

    def _on_app_font_changed(self, *_: object) -> None:
        """A quarter larger than the app's text, also after View ▸ text size."""
        font = QFont(QApplication.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.setFont(font)
        self._fit_height()

    def _fit_height(self, *_: object) -> None:
        """Three lines high, growing to six as a long note is typed: the rest of the height
        goes to the cards (two rows of them even at 1280x720 with larger text)."""
        lines = self.document().documentLayout().documentSize().height()  # lines, in plain text
        shown = max(MIN_LINES, min(MAX_LINES, int(lines)))
        text = shown * self.fontMetrics().lineSpacing() + 2 * self.document().documentMargin()
        self.setFixedHeight(int(text) + 2 * self.frameWidth() + 2)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            undoing = matches(event, "window.undo")
            redoing = matches(event, "window.redo")
            text = self.document()
            if (undoing and not text.isUndoAvailable()) or (redoing and not text.isRedoAvailable()):
                event.ignore()  # Edit ▸ Undo/Redo: the last saved change, not typing
                return True
            if event.key() in (*ENTER_KEYS, Qt.Key.Key_Escape):
                event.accept()  # ours, even if a window shortcut uses the key
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in ENTER_KEYS:
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.insertPlainText("\n")
            else:
                self.submit.emit()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.clear()
            return
        held = event.modifiers()
        if (
            held & Qt.KeyboardModifier.AltModifier
            and not held & Qt.KeyboardModifier.ControlModifier  # Ctrl+Alt is AltGr on Windows
            and sys.platform != "darwin"  # macOS's Option key types letters (Option+6 w: ŵ)
        ):
            # An Alt key no menu or shortcut took (a menu letter of another language, Alt+H
            # from habit in Welsh): on Linux Qt would type its letter into the note.
            event.ignore()
            return
        super().keyPressEvent(event)


class RoleBox(QComboBox):
    """The role chooser; Enter (with its list closed) saves the note like the note box."""

    submit = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in ENTER_KEYS and not event.modifiers():
            self.submit.emit()
            return
        super().keyPressEvent(event)


@dataclass(frozen=True)
class Draft:
    """The note being typed, as ``EntryPanel.draft`` reads it."""

    text: str
    kind: str
    attribution: str
    role: str


class EntryPanel(QWidget):
    """The note box with its kind, attribution and role; ``draft()`` reads them."""

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = NoteBox(self)
        self.box.submit.connect(self._on_box_submit)
        self.setFocusProxy(self.box)
        self.chips = QButtonGroup(self)
        self.chips.setExclusive(True)
        chip_row = QHBoxLayout()
        chip_row.setSpacing(6)
        kind_label = QLabel(tr("Kind:"), self)
        chip_row.addWidget(kind_label)
        self.kind_actions: list[QAction] = []
        for number, kind in enumerate(NOTE_KINDS, start=1):
            word = tr(kind_style(kind).word)
            chip = QToolButton(self)
            chip.setText(word)
            chip.setCheckable(True)
            chip.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # clicking keeps the focus in the box
            chip.setAccessibleName(tr("Kind: {kind}").format(kind=word))
            chip.setToolTip(tr(MARK_AS[kind]).format(key=KIND_KEYS[number - 1]))
            style = kind_style(kind)
            chip.setStyleSheet(
                f"QToolButton {{ padding: 2px 8px; }} QToolButton:checked {{ "
                f"background: {style.tint}; color: {style.text}; border: 2px solid {style.ink}; "
                "font-weight: bold; border-radius: 3px; }"
            )
            self.chips.addButton(chip, number - 1)
            chip_row.addWidget(chip)
            action = install(QAction(word, self), "capture.kind", index=number - 1)
            action.triggered.connect(lambda _=False, k=kind: self.set_kind(k))
            self.addAction(action)
            self.kind_actions.append(action)
        chip_row.addSpacing(12)
        self.status = QLabel(self)  # "✓ Saved …" beside the kinds: no line of its own
        self.status.setAccessibleName(tr("Saved"))
        self.status.setWordWrap(True)
        chip_row.addWidget(self.status, 1)
        self.chips.idToggled.connect(self._on_chips_id_toggled)

        self.who = QLineEdit(self)
        self.who.setAccessibleName(tr("Who said it (optional)"))
        self.who.setPlaceholderText(tr(WHO_PLACEHOLDER))
        self.who.setToolTip(tr("Leave it empty to keep the speaker anonymous"))
        self.who.returnPressed.connect(self.submitted)
        self.who_label = QLabel(tr("Said by:"), self)
        self.who_label.setBuddy(self.who)
        self.role = RoleBox(self)
        self.role.submit.connect(self.submitted)
        self.role.setAccessibleName(tr("Role of the person (optional)"))
        self.role.addItem(tr(ANONYMOUS), "")
        for tag in ROLE_TAGS:
            self.role.addItem(tr(ROLE_WORDS[tag]), tag)
        self.role.setToolTip(tr("Tag the note with the speaker's role, never their name"))
        role_label = QLabel(tr("Role:"), self)
        role_label.setBuddy(self.role)
        self.save_button = QToolButton(self)
        self.save_button.setText(tr("Save note (Enter)"))
        self.save_button.setAccessibleName(tr("Save note"))
        self.save_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.save_button.clicked.connect(self.submitted)
        details = QHBoxLayout()
        details.addWidget(self.who_label)
        details.addWidget(self.who, 2)
        details.addWidget(role_label)
        details.addWidget(self.role)
        details.addStretch(1)
        details.addWidget(self.save_button)
        self.hint = QLabel(hint(), self)
        self.hint.setWordWrap(True)
        self.hint.setAccessibleName(tr("Keys"))
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.box)
        column.addLayout(chip_row)
        column.addLayout(details)
        column.addWidget(self.hint)
        self._on_app_font_changed()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.fontChanged.connect(self._on_app_font_changed)
        self.set_kind(NoteKind.IDEA)

    def _on_app_font_changed(self, *_: object) -> None:
        """Chips follow View ▸ text size (a style sheet gives a widget a font of its own)."""
        for chip in self.chips.buttons():
            chip.setFont(QApplication.font())
            chip.setStyleSheet(chip.styleSheet())  # re-polish: bold when checked, at this size
            chip.setMinimumHeight(int(chip.fontMetrics().height() * 1.9))
        # "Said by" is wide enough for its placeholder at any text size
        self.who.setFont(QApplication.font())
        width = self.who.fontMetrics().horizontalAdvance(self.who.placeholderText())
        self.who.setMinimumWidth(width + 4 * self.who.fontMetrics().averageCharWidth())

    def kind(self) -> str:
        return NOTE_KINDS[max(0, self.chips.checkedId())]

    def set_kind(self, kind: str) -> None:
        self.chips.button(NOTE_KINDS.index(kind)).setChecked(True)

    def draft(self) -> Draft:
        """What is typed: text, kind, attribution (quotes only) and role tag."""
        kind = self.kind()
        return Draft(
            text=self.box.toPlainText(),
            kind=kind,
            attribution=self.who.text().strip() if kind == NoteKind.QUOTE else "",
            role=str(self.role.currentData() or ""),
        )

    def reset(self) -> None:
        """Ready for the next note: empty box, an idea, anonymous."""
        self.box.clear()
        self.who.clear()
        self.role.setCurrentIndex(0)
        self.set_kind(NoteKind.IDEA)

    def _on_box_submit(self) -> None:
        """Enter in the box: saves, except that a quote first asks who said it."""
        if self.kind() == NoteKind.QUOTE and not self.who.text().strip():
            self.who.setFocus()
            return
        self.submitted.emit()

    def _on_chips_id_toggled(self, number: int, checked: bool) -> None:
        if not checked:
            return
        style = kind_style(NOTE_KINDS[number])
        palette = self.box.palette()
        palette.setColor(QPalette.ColorRole.Base, QColor(style.tint))
        palette.setColor(QPalette.ColorRole.Text, QColor(style.text))
        palette.setColor(QPalette.ColorRole.PlaceholderText, QColor(style.ink))
        self.box.setPalette(palette)
        quote = NOTE_KINDS[number] == NoteKind.QUOTE
        self.who.setVisible(quote)
        self.who_label.setVisible(quote)
