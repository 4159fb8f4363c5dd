"""Workspace: one open event in the main window, a mode bar above one page per mode.

The mode bar is a QTabBar: each mode is a tab with its name, and the selected tab is drawn by the
platform style (shape and position, not colour alone). Ctrl+1..5 live in the View menu.

Signals:
    mode_changed(str mode): the visible mode changed ("plan", "run", ...).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget, QTabBar, QVBoxLayout, QWidget

from workshop_app.ui.coming import ComingPage
from workshop_app.ui.dialogs import Dialogs
from workshop_app.ui.document_model import DocumentModel
from workshop_app.ui.modes import MODE_HINTS, MODE_TITLES, MODES


class Workspace(QWidget):
    """The mode bar and the pages of one open event; owns nothing but its widgets.

    ``dialogs`` is the app's dialogs service, handed to the pages that ask questions."""

    mode_changed = Signal(str)

    def __init__(
        self, model: DocumentModel, dialogs: Dialogs, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        from workshop_app.ui.plan.page import PlanPage
        from workshop_app.ui.report.page import ReportPage
        from workshop_app.ui.run.page import RunPage

        self.model = model
        self.setObjectName("workspace")
        self.setAccessibleName("Event workspace")
        self.mode_bar = QTabBar(self)
        self.mode_bar.setAccessibleName("Modes")
        self.mode_bar.setDocumentMode(True)
        self.mode_bar.setExpanding(False)
        self.mode_bar.setDrawBase(True)
        self.pages = QStackedWidget(self)
        for number, mode in enumerate(MODES, start=1):
            index = self.mode_bar.addTab(MODE_TITLES[mode])
            self.mode_bar.setTabToolTip(index, f"{MODE_HINTS[mode]} (Ctrl+{number})")
            if mode == "plan":
                page: QWidget = PlanPage(model, self.pages, dialogs=dialogs)
            elif mode == "run":
                page = RunPage(model, self.pages)
            elif mode == "report":
                page = ReportPage(model, self.pages, dialogs=dialogs)
            else:
                coming = ComingPage(mode, self.pages)
                coming.plan_requested.connect(self._on_coming_plan_requested)
                page = coming
            self.pages.addWidget(page)
        self.mode_bar.currentChanged.connect(self._on_mode_bar_current_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.mode_bar)
        layout.addWidget(self.pages, 1)

    def mode(self) -> str:
        return MODES[self.mode_bar.currentIndex()]

    def set_mode(self, mode: str, *, focus: bool = False) -> None:
        """Show ``mode``; with ``focus`` (a keyboard shortcut) move the focus into its page."""
        self.mode_bar.setCurrentIndex(MODES.index(mode) if mode in MODES else 0)
        if focus:
            self.pages.currentWidget().setFocus()

    def page(self, mode: str) -> QWidget:
        return self.pages.widget(MODES.index(mode))

    def _on_mode_bar_current_changed(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self.mode_changed.emit(MODES[index])

    def _on_coming_plan_requested(self) -> None:
        self.set_mode("plan", focus=True)
