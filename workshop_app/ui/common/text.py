"""Text size: the View menu's larger/smaller/reset, and labels sized relative to the app font.

No widget sets a pixel or fixed point size: headings are a multiple of the application font, so
the system font setting and View ▸ Larger text scale everything together.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QLabel, QWidget

MIN_DELTA = -4
MAX_DELTA = 16


def plain_tip(text: str) -> str:
    """``text`` for a tooltip, shown as typed: Qt guesses rich text from a leading tag, so user
    text (a note saying ``<b>``) is escaped into a paragraph instead of rendered."""
    from PySide6.QtGui import Qt as QtGuiNamespace

    return QtGuiNamespace.convertFromPlainText(text) if text else ""


def plain_label(text: str, parent: QWidget, *, name: str = "") -> QLabel:
    """A wrapping label that shows ``text`` as typed (never as rich text), named for a screen
    reader by ``name`` or its text."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setAccessibleName(name or text)
    return label


def system_point_size() -> float:
    """The system's default UI font size (not affected by our own ``setFont`` calls)."""
    size = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).pointSizeF()
    return size if size > 0 else 10.0


def apply_text_size(delta: int) -> int:
    """Set the application font to the system size plus ``delta`` points (clamped); returns the
    delta actually applied."""
    delta = max(MIN_DELTA, min(MAX_DELTA, int(delta)))
    font = QFont(QApplication.font())
    font.setPointSizeF(max(6.0, system_point_size() + delta))
    QApplication.setFont(font)
    return delta


def scaled_font(base: QFont, scale: float, *, bold: bool = False) -> QFont:
    font = QFont(base)
    font.setPointSizeF(max(6.0, base.pointSizeF() * scale))
    if bold:
        font.setBold(True)
    return font


class ScaledLabel(QLabel):
    """A label whose font is ``scale`` times the application font, following its changes.
    Plain text: whatever it is given is shown as typed, never as markup."""

    def __init__(
        self,
        text: str = "",
        scale: float = 1.0,
        *,
        bold: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)  # it shows titles: "<b>" stays as typed
        self._scale = scale
        self._bold = bold
        self._on_app_font_changed(QApplication.font())
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.fontChanged.connect(self._on_app_font_changed)

    def _on_app_font_changed(self, font: QFont) -> None:
        self.setFont(scaled_font(font, self._scale, bold=self._bold))
