"""PlenaryControl: the Board page's plenary display key (F6, from the key table) and button.

It opens ``PlenaryWindow`` for the page's question on the projector (the second screen, like
the presenter display; on a laptop alone, over the window, taking the keyboard so Esc closes
it), keeps it on the page's question, and closes it on the same key.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QScreen
from PySide6.QtWidgets import QToolButton

from workshop_app.ui.board.plenary import PlenaryWindow
from workshop_app.ui.common.i18n import tr
from workshop_app.ui.common.keymap import install, shown
from workshop_app.ui.run.screens import default_screen

if TYPE_CHECKING:
    from workshop_app.ui.board.page import BoardPage


class PlenaryControl(QObject):
    """Owns ``page``'s plenary action, its button and the window while it is open."""

    def __init__(self, page: BoardPage) -> None:
        super().__init__(page)
        self.page = page
        self.window: PlenaryWindow | None = None
        self.action = install(QAction(tr("Plenary display"), page), "board.plenary")
        self.action.triggered.connect(self._on_action_triggered)
        page.addAction(self.action)
        self.button = QToolButton(page)
        self.button.setDefaultAction(self.action)
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._name()
        page.question_changed.connect(self._on_page_question_changed)

    def open(self, screen: QScreen | None = None) -> PlenaryWindow:
        """Show the plenary display on ``screen`` (default: the projector, else this screen)."""
        primary = QGuiApplication.primaryScreen()
        here = self.page.window().screen() or primary
        target = screen or default_screen(QGuiApplication.screens(), here) or primary
        if self.window is None:
            self.window = PlenaryWindow(self.page.model, self.page.question_id(), self.page)
            self.window.closed.connect(self._on_window_closed)
        self.window.show_on(target, activate=target is here)
        self._name()
        return self.window

    def close(self) -> None:
        if self.window is not None:
            self.window.close()

    def _name(self) -> str:
        keys = shown("board.plenary")
        if self.window is not None:
            text = tr("Close the plenary display")
            self.action.setText(tr("Close plenary"))
            tip = tr("Close the plenary display: this question's themes ranked by votes ({keys})")
        else:
            text = tr("Show the plenary display")
            self.action.setText(tr("Plenary display"))
            tip = tr("Show the plenary display: this question's themes ranked by votes ({keys})")
        self.button.setToolTip(tip.format(keys=keys))
        self.button.setAccessibleName(text)
        return text

    def _on_action_triggered(self) -> None:
        if not self.page.isVisible():
            return
        if self.window is not None:
            self.close()
        else:
            self.open()

    def _on_page_question_changed(self, question_id: str) -> None:
        if self.window is not None:
            self.window.set_question(question_id)

    def _on_window_closed(self) -> None:
        window, self.window = self.window, None
        if window is not None:
            window.deleteLater()
        self._name()
        self.page.activateWindow()
