"""Workspace: one open event in the main window, a mode bar above one page per mode.

The mode bar is a QTabBar: each mode is a tab with its name, and the selected tab is drawn by the
platform style (shape and position, not colour alone). Ctrl+1..5 live in the View menu.

Pages are built when their mode is first shown (``PAGES``), so opening an event builds only the
page on screen; ``LIVE_MODES`` pages follow right after that first frame.

Signals:
    mode_changed(str mode): the visible mode changed ("plan", "run", ...).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QApplication, QStackedWidget, QTabBar, QVBoxLayout, QWidget

from workshop_app.ui.common.dialogs import Dialogs
from workshop_app.ui.common.first_paint import after_first_paint
from workshop_app.ui.common.i18n import tr
from workshop_app.ui.common.keymap import shown
from workshop_app.ui.document_model import DocumentModel
from workshop_app.ui.shell.modes import MODE_HINTS, MODE_TITLES, MODES, Mode

PageFactory = Callable[[DocumentModel, Dialogs, QWidget], QWidget]


def _plan_page(model: DocumentModel, dialogs: Dialogs, parent: QWidget) -> QWidget:
    from workshop_app.ui.plan.page import PlanPage

    return PlanPage(model, parent, dialogs=dialogs)


def _run_page(model: DocumentModel, dialogs: Dialogs, parent: QWidget) -> QWidget:
    from workshop_app.ui.run.page import RunPage

    return RunPage(model, parent)


def _capture_page(model: DocumentModel, dialogs: Dialogs, parent: QWidget) -> QWidget:
    from workshop_app.ui.capture.page import CapturePage

    return CapturePage(model, parent, dialogs=dialogs)


def _board_page(model: DocumentModel, dialogs: Dialogs, parent: QWidget) -> QWidget:
    from workshop_app.ui.board.page import BoardPage

    return BoardPage(model, parent, dialogs=dialogs)


def _report_page(model: DocumentModel, dialogs: Dialogs, parent: QWidget) -> QWidget:
    from workshop_app.ui.report.page import ReportPage

    return ReportPage(model, parent, dialogs=dialogs)


#: The page of each built mode: ``factory(model, dialogs, parent)``, called (and its module
#: imported) when the mode is first shown. A mode not listed shows its ComingPage.
PAGES: dict[str, PageFactory] = {
    Mode.PLAN: _plan_page,
    Mode.RUN: _run_page,
    Mode.CAPTURE: _capture_page,
    Mode.BOARD: _board_page,
    Mode.REPORT: _report_page,
}
#: Modes whose page works while hidden (Run's countdown ticks and chimes in every mode): built
#: right after the workspace's first frame even if not shown.
LIVE_MODES: tuple[str, ...] = (Mode.RUN,)


class Workspace(QWidget):
    """The mode bar and the pages of one open event; owns nothing but its widgets.

    ``dialogs`` is the app's dialogs service, handed to the pages that ask questions; ``mode``
    is the one shown first."""

    mode_changed = Signal(str)

    def __init__(
        self,
        model: DocumentModel,
        dialogs: Dialogs,
        parent: QWidget | None = None,
        *,
        mode: str = MODES[0],
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.dialogs = dialogs
        self._pages: dict[str, QWidget] = {}
        self.setObjectName("workspace")
        self.setAccessibleName(tr("Event workspace"))
        self.mode_bar = QTabBar(self)
        self.mode_bar.setAccessibleName(tr("Modes"))
        self.mode_bar.setDocumentMode(True)
        self.mode_bar.setExpanding(False)
        self.mode_bar.setDrawBase(True)
        self.pages = QStackedWidget(self)
        for name in MODES:
            index = self.mode_bar.addTab(tr(MODE_TITLES[name]))
            key = shown(f"window.mode_{name}")
            tip = tr("{hint} ({keys})").format(hint=tr(MODE_HINTS[name]), keys=key)
            self.mode_bar.setTabToolTip(index, tip)
        self.mode_bar.setCurrentIndex(MODES.index(mode) if mode in MODES else 0)
        self.pages.setCurrentWidget(self.page(self.mode()))
        self.mode_bar.currentChanged.connect(self._on_mode_bar_current_changed)
        after_first_paint(self, self._on_first_paint)

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
        if focus and (page := self.pages.currentWidget()) is not None:
            page.setFocus()

    def page(self, mode: str) -> QWidget:
        """The page of ``mode``, built now if it has not been shown yet."""
        page = self._pages.get(mode)
        if page is None:
            factory = PAGES.get(mode)
            page = factory(self.model, self.dialogs, self.pages) if factory else self._coming(mode)
            self._pages[mode] = page
            self.pages.addWidget(page)
        return page

    def commit_edits(self) -> None:
        """Write whatever is being typed, before the event closes: the field or cell being
        edited commits as it loses the focus, and a page with a draft of its own (Capture's
        note box) saves it through its ``commit_edits``."""
        focused = QApplication.focusWidget()
        if focused is not None and self.isAncestorOf(focused):
            focused.clearFocus()
            QApplication.processEvents()
        for page in self._pages.values():
            commit = getattr(page, "commit_edits", None)
            if commit is not None:
                commit()

    def _coming(self, mode: str) -> QWidget:
        from workshop_app.ui.shell.coming import ComingPage

        coming = ComingPage(mode, self.pages)
        coming.plan_requested.connect(self._on_coming_plan_requested)
        return coming

    def _on_first_paint(self) -> None:
        if self.model.document.closed:  # another event replaced this one meanwhile
            return
        for mode in LIVE_MODES:
            self.page(mode)

    def _on_mode_bar_current_changed(self, index: int) -> None:
        self.pages.setCurrentWidget(self.page(MODES[index]))
        self.mode_changed.emit(MODES[index])

    def _on_coming_plan_requested(self) -> None:
        self.set_mode(Mode.PLAN, focus=True)
