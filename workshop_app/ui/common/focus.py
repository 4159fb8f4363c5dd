"""A visible keyboard focus for lists and tables.

The platform style marks a focused button or text box, but a focused list looks the same as an
unfocused one (its selection is drawn alike either way), so Tab into the Plan sections or Run's
agenda showed nothing. ``show_focus_frame`` gives such a view a frame that thickens and takes
the highlight colour while it has the focus (shape as well as colour: 1 px grey, 2 px blue).
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractScrollArea, QApplication

_FRAME = (
    "{kind} {{ border: 1px solid palette(mid); padding: 1px; }}"
    "{kind}:focus {{ border: 2px solid palette(highlight); padding: 0px; }}"
)


class _FocusFrame(QObject):
    """Owned by the view (gone with it): keeps the view's text size in step with the app's,
    which a style sheet would otherwise freeze at the size it had when the sheet was set."""

    def __init__(self, view: QAbstractScrollArea) -> None:
        super().__init__(view)
        self._view = view
        view.setStyleSheet(_FRAME.format(kind=view.metaObject().className()))
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.fontChanged.connect(self._on_app_font_changed)

    def _on_app_font_changed(self, font: QFont) -> None:
        self._view.setFont(font)


def show_focus_frame(view: QAbstractScrollArea) -> None:
    """Frame ``view`` so that it shows when it has the keyboard focus (no size change)."""
    _FocusFrame(view)
