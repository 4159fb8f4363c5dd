"""BoardPage (Ctrl+4): turn one question's notes into themes, votes and stars.

A question bar (Ctrl+PgUp/PgDn), a stack of views of the same notes (the outline; a canvas plugs
in with ``add_view``) switched with F4 and remembered in the settings, and a side area for
panels (write-up, matrix) that ``add_side`` fills. Views change nothing themselves: the Board's
keys (``keys.BoardKeys``, installed on each view by ``add_view``) call ``actions``.

How a view plugs in: it implements ``BoardView`` and is handed to ``add_view(name, title,
view)``; the page then tells it the question (``set_question``) and installs the keys on its
``key_widget()``.

Signals:
    question_changed(str question_id): the question shown changed.
    view_changed(str name): the view shown changed ("outline", "canvas", ...).
    table_filter_changed(): the board was filtered to one table, or shows all again.
    selection_changed(): the current view's selection or focus changed (for side panels).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.records import Note, Question, Record, Theme
from workshop_app.ui.board.canvas import CanvasView
from workshop_app.ui.board.keys import BoardKeys, hint_text
from workshop_app.ui.board.outline import OutlineView
from workshop_app.ui.board.plenary_control import PlenaryControl
from workshop_app.ui.board.suggest_panel import SuggestionsPanel
from workshop_app.ui.common.dialogs import Dialogs
from workshop_app.ui.common.i18n import tr, trn
from workshop_app.ui.common.keymap import install, keyed_button, shown
from workshop_app.ui.common.settings import AppSettings
from workshop_app.ui.document_model import DocumentModel

if TYPE_CHECKING:
    from workshop_app.ui.board.dots import DotsPanel
    from workshop_app.ui.board.matrix import MatrixPanel
    from workshop_app.ui.board.writeup import WriteupPanel


class BoardView(Protocol):
    """What the page and the Board's keys need of a view (the outline, the canvas).

    Kinds of item: "question", "theme", "unsorted" (id "") and "note".
    ``selection_changed`` is emitted when its selected notes or its focused item change."""

    selection_changed: SignalInstance

    def key_widget(self) -> QWidget:
        """The widget the Board keys are installed on (WIDGET context) and that takes the
        focus; a text box inside the view must not be it."""
        ...

    def set_question(self, question_id: str | None) -> None: ...

    def question_id(self) -> str | None: ...

    def selected_note_ids(self) -> list[str]:
        """The selected notes (the focused note if none), in display order."""
        ...

    def focused_item(self) -> tuple[str, str] | None:
        """(kind, id) of the item with the focus, or None."""
        ...

    def reveal(self, kind: str, record_id: str, *, select: list[str] | None = None) -> None:
        """Give the focus to this item (selecting the notes ``select``, else the item)."""
        ...

    def select_notes(self, note_ids: list[str]) -> None: ...

    def edit_title(self, theme_id: str) -> None:
        """Put the focus in the theme's title to type it (Enter keeps, Esc cancels)."""
        ...


class BoardPage(QWidget):
    """Board mode for ``model``'s event; ``settings`` remembers the view (tests pass one)."""

    question_changed = Signal(str)
    view_changed = Signal(str)
    selection_changed = Signal()
    table_filter_changed = Signal()

    #: The Board's own side panels, set by ``panels.add_panels``.
    writeup: WriteupPanel
    dots: DotsPanel
    matrix: MatrixPanel

    def __init__(
        self,
        model: DocumentModel,
        parent: QWidget | None = None,
        *,
        dialogs: Dialogs | None = None,
        settings: AppSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.dialogs = dialogs or Dialogs()
        self.settings = settings or AppSettings()
        self.setObjectName("board_page")
        self.setAccessibleName(tr("Board mode"))
        self.views: dict[str, BoardView] = {}
        self.keys: dict[str, BoardKeys] = {}
        self._titles: dict[str, str] = {}

        self.question = QComboBox(self)
        self.question.setAccessibleName(tr("Question"))
        self.question.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.question.setMinimumContentsLength(20)
        label = QLabel(tr("&Question:"), self)
        label.setBuddy(self.question)
        previous = self._step("◀", tr("Previous question"), "board.previous", -1)
        following = self._step("▶", tr("Next question"), "board.next", 1)
        switch = install(QAction(tr("Switch view"), self), "board.view")
        switch.triggered.connect(self._on_switch_triggered)
        self.addAction(switch)
        self.switch = QToolButton(self)
        self.switch.setDefaultAction(switch)
        self.switch.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        bar = QHBoxLayout()
        bar.addWidget(label)
        bar.addWidget(previous)
        bar.addWidget(self.question, 1)
        bar.addWidget(following)
        bar.addSpacing(16)
        bar.addWidget(self.switch)

        self.hint = QLabel(hint_text(), self)
        self.hint.setAccessibleName(tr("Keys"))
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.stack = QStackedWidget(self)
        self.stack.setAccessibleName(tr("Board views"))
        self.side = QTabWidget(self)
        self.side.setAccessibleName(tr("Side panels"))
        self.side.setVisible(False)  # until a panel is added
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self._sized = False  # the splitter's first-show sizes (showEvent)
        self.table_filter: str | None = None  # None: every table; "": notes with no table
        self.banner = QLabel(self)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setAccessibleName(tr("Filter"))
        self.banner.setStyleSheet("font-weight: bold; border: 2px dashed palette(mid);")
        self.banner.setVisible(False)
        self.show_all = install(QAction(tr("Show every table"), self), "board.show_all")
        self.show_all.triggered.connect(lambda: self.set_table_filter(None))
        self.show_all.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.hint)

        self.outline = OutlineView(model, self.stack)
        self.add_view("outline", tr("Outline"), self.outline)
        self.plenary = PlenaryControl(self)
        bar.addWidget(self.plenary.button)
        self.canvas = CanvasView(model, self.stack)
        self.add_view("canvas", tr("Canvas"), self.canvas)
        self.question.activated.connect(self._on_question_activated)
        model.changed.connect(self._on_model_changed)
        self._fill_questions()
        self.set_view(self.settings.board_view())
        from workshop_app.ui.board.panels import add_panels

        add_panels(self)  # Write-up first: the panel a team uses most
        self.suggestions = SuggestionsPanel(self)
        self.add_side(self.suggestions, tr("Suggestions"))

    def showEvent(self, event: QShowEvent) -> None:
        """On first show, give the side panels two fifths of the width: the splitter was sized
        before they were added, which left them a sliver with their tabs behind scroll arrows."""
        super().showEvent(event)
        if not self._sized and self.side.isVisible():
            self._sized = True
            total = sum(self.splitter.sizes())
            if total > 0:
                # Room for every tab's name where half the width allows (longer languages).
                tabs = min(self.side.tabBar().sizeHint().width() + 24, total // 2)
                side = max(self.side.minimumSizeHint().width(), total * 2 // 5, tabs)
                self.splitter.setSizes([total - side, side])

    # -- plugging in ------------------------------------------------------------------------

    def add_view(self, name: str, title: str, view: BoardView) -> BoardKeys:
        """Add a view (a QWidget implementing ``BoardView``) to the stack, with the Board's keys
        installed on its key widget. Returns those keys."""
        assert isinstance(view, QWidget)
        self.views[name] = view
        self._titles[name] = title
        self.stack.addWidget(view)
        self.keys[name] = BoardKeys(self.model, view)
        view.selection_changed.connect(self._on_view_selection_changed)
        view.set_question(self.question_id())
        view.key_widget().addAction(self.show_all)
        if name == self.settings.board_view():
            self.set_view(name)
        self._show_switch()
        return self.keys[name]

    def add_side(self, widget: QWidget, title: str) -> int:
        """Add a panel (write-up, matrix) as a tab of the side area; returns its tab index."""
        index = self.side.addTab(widget, title)
        self.side.setVisible(True)
        return index

    def commit_edits(self) -> None:
        """Write what is being typed in the side panels (the window's close path calls it)."""
        for index in range(self.side.count()):
            commit = getattr(self.side.widget(index), "commit_edits", None)
            if commit is not None:
                commit()

    # -- reading ------------------------------------------------------------------------------

    def question_id(self) -> str | None:
        value = self.question.currentData()
        return str(value) if value else None

    def view_name(self) -> str:
        current = self.stack.currentWidget()
        return next(name for name, view in self.views.items() if view is current)

    def current_view(self) -> BoardView:
        return self.views[self.view_name()]

    # -- changing -------------------------------------------------------------------------

    def set_question(self, question_id: str) -> None:
        index = self.question.findData(question_id)
        if index < 0:
            return
        self.question.setCurrentIndex(index)
        for view in self.views.values():
            view.set_question(question_id)
        self.question_changed.emit(question_id)

    def set_view(self, name: str) -> None:
        """Show view ``name`` (remembered), the focus in it; an unknown name shows the outline."""
        view = self.views.get(name, self.outline)
        had_focus = self.stack.currentWidget() is not None and self.isAncestorOf(
            self.focusWidget() or self
        )
        assert isinstance(view, QWidget)
        self.stack.setCurrentWidget(view)
        self.setFocusProxy(view.key_widget())
        self.settings.set_board_view(self.view_name())
        self._show_switch()
        if had_focus:
            view.key_widget().setFocus()
        self.view_changed.emit(self.view_name())

    def set_table_filter(self, table_id: str | None, name: str = "") -> None:
        """Show only table ``table_id``'s notes in every view (None: all again), with a banner
        naming it (``name``) and Esc to show all."""
        self.table_filter = table_id
        for view in self.views.values():
            setter = getattr(view, "set_table", None)
            if setter is not None:
                setter(table_id)
        filtered = table_id is not None
        if name:
            self.banner.setText(tr("Showing {table} only — Esc to show all").format(table=name))
        else:
            self.banner.setText(tr("Showing one table only — Esc to show all"))
        self.banner.setVisible(filtered)
        self.show_all.setEnabled(filtered)
        self.table_filter_changed.emit()

    # -- inside -----------------------------------------------------------------------------

    def _step(self, text: str, tip: str, binding_id: str, step: int) -> QToolButton:
        return keyed_button(self, text, tip, binding_id, lambda: self._on_step_triggered(step))

    def _show_switch(self) -> None:
        names = list(self.views)
        self.switch.setVisible(len(names) > 1)
        if len(names) > 1 and self.stack.currentWidget() is not None:
            following = names[(names.index(self.view_name()) + 1) % len(names)]
            title = self._titles[following]
            self.switch.defaultAction().setText(tr("{view} view").format(view=title))
            said = tr("Show the {view} view").format(view=title.lower())
            self.switch.setToolTip(
                tr("{action} ({keys})").format(action=said, keys=shown("board.view"))
            )
            self.switch.setAccessibleName(said)

    def _fill_questions(self) -> None:
        current = self.question_id()
        questions = self.model.select(Question)
        notes = self.model.select(Note)
        self.question.clear()
        for number, q in enumerate(questions, start=1):
            mine = [n for n in notes if n.question_id == q.id]
            loose = sum(1 for n in mine if n.theme_id is None)
            text = q.text.strip() or tr("Untitled question")
            line = trn(
                "Q{number}. {question} — %n note, {loose} not yet sorted",
                "Q{number}. {question} — %n notes, {loose} not yet sorted",
                len(mine),
            )
            self.question.addItem(line.format(number=number, question=text, loose=loose), q.id)
        if self.question.count():
            index = self.question.findData(current) if current else 0
            self.question.setCurrentIndex(max(0, index))
        question_id = self.question_id()
        if question_id != current:
            for view in self.views.values():
                view.set_question(question_id)

    def _on_model_changed(self, kind: type[Record], record_id: str) -> None:
        if kind in (Question, Note, Theme):
            self._fill_questions()

    def _on_question_activated(self, index: int) -> None:
        question_id = self.question.itemData(index)
        if question_id:
            self.set_question(str(question_id))

    def _on_step_triggered(self, step: int) -> None:
        count = self.question.count()
        if count and self.isVisible():
            index = (self.question.currentIndex() + step) % count
            self._on_question_activated(index)

    def _on_switch_triggered(self) -> None:
        names = list(self.views)
        if len(names) > 1 and self.isVisible():
            self.set_view(names[(names.index(self.view_name()) + 1) % len(names)])
            self.current_view().key_widget().setFocus()

    def _on_view_selection_changed(self) -> None:
        if self.sender() is self.stack.currentWidget():
            self.selection_changed.emit()
