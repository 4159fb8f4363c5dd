"""High contrast: the app's own colours (cards, the Board, the countdown) when the system asks.

``high_contrast()`` is true when the system asks for more contrast (Qt 6.10's
``QStyleHints.accessibility().contrastPreference()``: Windows' contrast themes, macOS's
Increase Contrast, the desktop portal's ``org.freedesktop.appearance contrast`` on Linux) or
``WORKSHOP_APP_HIGH_CONTRAST=1`` says so (``0`` says not; for tests and desktops that do not
say). The widgets' own colours come from the palette, which the platform already makes high
contrast; the colours the app paints itself then switch to ``paper_and_ink()``: the palette's
text on its base (black on white, or white on black), at least 7:1 (WCAG AAA), with strong
borders instead of tints. ``follow()`` repaints every widget and canvas item when the system's
preference or the palette changes while the app runs.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette, QStyleHints
from PySide6.QtWidgets import QApplication, QGraphicsView

ENV = "WORKSHOP_APP_HIGH_CONTRAST"
AAA = 7.0  # WCAG's enhanced contrast for text


def _luminance(color: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    q = QColor(color)
    return 0.2126 * channel(q.redF()) + 0.7152 * channel(q.greenF()) + 0.0722 * channel(q.blueF())


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two colours (1 to 21)."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


class _Follower(QObject):
    """Holds the style hints (PySide deletes a child's wrapper with an unreferenced parent's)
    and repaints everything when the contrast preference or the palette changes."""

    def __init__(self, hints: QStyleHints) -> None:
        super().__init__()
        self.hints = hints
        self.accessibility = hints.accessibility()
        self.accessibility.contrastPreferenceChanged.connect(self.repaint)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.paletteChanged.connect(self.repaint)

    def repaint(self) -> None:
        for widget in QApplication.allWidgets():
            if isinstance(widget, QGraphicsView) and widget.scene() is not None:
                for item in widget.scene().items():
                    item.update()  # drops the item's cached picture
            widget.update()


_follower: _Follower | None = None


def follow() -> _Follower | None:
    """Start following the system's contrast preference (idempotent; None without an app)."""
    global _follower
    if _follower is None and QGuiApplication.instance() is not None:
        _follower = _Follower(QGuiApplication.styleHints())
    return _follower


def high_contrast() -> bool:
    value = os.environ.get(ENV, "").strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    follower = follow()
    return follower is not None and (
        follower.accessibility.contrastPreference() == Qt.ContrastPreference.HighContrast
    )


def paper_and_ink() -> tuple[str, str]:
    """High contrast's card colours from the palette: (background, text), at least 7:1;
    black on white when the palette's own pair is not that strong."""
    palette = QGuiApplication.palette()
    paper = palette.color(QPalette.ColorRole.Base).name()
    ink = palette.color(QPalette.ColorRole.Text).name()
    return (paper, ink) if contrast(paper, ink) >= AAA else ("#ffffff", "#000000")
