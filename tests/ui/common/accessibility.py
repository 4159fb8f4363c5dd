"""The accessible-name walker the GUI tests share: ``unnamed_widgets``.

The rule the walker applies, for the welcome screen and for every mode page of the demo event:

* It looks at every widget that is shown, or would be shown by switching pages (a page of a
  QStackedWidget that is not the current one still counts, so all Plan sections are checked).
* Interactive means: a button, slider, spin box, combo box, line or text edit, item view or tab
  bar, or any other widget that takes focus with Tab.
* Labels need no name (their text is read). Scroll bars, menus and Qt's own internal parts
  (object names starting with ``qt_``) are skipped, as are the parts inside a composite control
  (the line edit inside a spin box, the viewport and headers of a view, a combo box's list):
  the composite control's own name covers them.
* A widget fails when ``accessibleName()`` is empty.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QScrollBar,
    QStackedWidget,
    QTabBar,
    QTextEdit,
    QWidget,
)

INTERACTIVE = (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QAbstractItemView,
    QTabBar,
)
COMPOSITE = (QAbstractSpinBox, QComboBox, QAbstractItemView, QLineEdit, QTextEdit, QPlainTextEdit)


def _reachable(widget: QWidget, root: QWidget) -> bool:
    """Shown, or hidden only because it sits on a page of a QStackedWidget not in front."""
    current: QWidget | None = widget
    while current is not None and current is not root:
        parent = current.parentWidget()
        if current.isHidden() and not isinstance(parent, QStackedWidget):
            return False
        current = parent
    return True


def _inside_composite(widget: QWidget, root: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, COMPOSITE):
            return True
        parent = parent.parentWidget()
    return False


def _describe(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    shown = f" text={text()!r}" if callable(text) else ""
    parent = widget.parentWidget()
    return f"{type(widget).__name__} {widget.objectName()!r}{shown} in {type(parent).__name__}"


def unnamed_widgets(root: QWidget) -> list[str]:
    """Interactive widgets under ``root`` without an accessible name (see the module rule)."""
    missing = []
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QLabel | QScrollBar | QMenu):
            continue
        if widget.objectName().startswith("qt_") or widget.isWindow():
            continue
        focusable = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        if not (isinstance(widget, INTERACTIVE) or focusable):
            continue
        if _inside_composite(widget, root) or not _reachable(widget, root):
            continue
        if not widget.accessibleName().strip():
            missing.append(_describe(widget))
    return missing
