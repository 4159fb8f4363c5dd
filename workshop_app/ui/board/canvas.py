"""CanvasView: the Board as sticky cards in theme columns, for the mouse and the wall display.

A ``BoardView`` (see ``page.py``) beside the outline, over the same model: drag cards (all the
selected ones) into a theme's column, out to "Not yet sorted", between themes, or onto "New
theme"; the column under the pointer is framed and says "Drop here". A drop is one call of
``actions`` (one undo step for the whole selection). Select with a rubber band, Ctrl-click
(toggle) and Shift-click (a run of cards); arrow keys move the focus between cards and theme
titles (dashed ring); the Board's keys (``keys.BoardKeys``) work here as in the outline.
Zoom: Ctrl+wheel, the keys and buttons of the zoom bar, zoom to fit.

QGraphicsItems are not exposed to screen readers: the view's accessible description says what
has the focus, and the hint points to the outline (F4), which reads every note.

Signals:
    selection_changed(): the selected notes or the focused item changed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QAction,
    QKeyEvent,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.records import Theme
from workshop_app.ui.board import actions
from workshop_app.ui.board.canvas_items import CardItem, ColumnItem, Metrics
from workshop_app.ui.board.canvas_scene import NEW, BoardScene
from workshop_app.ui.board.canvas_widget import ZOOM_STEP, BoardCanvas
from workshop_app.ui.board.outline_model import NOTE, THEME, UNSORTED
from workshop_app.ui.common.i18n import tr, trn
from workshop_app.ui.common.keymap import install, shown
from workshop_app.ui.document_model import DocumentModel

Focus = tuple[str, str]


class CanvasView(QWidget):
    """The canvas of one question: a zoom bar above a ``BoardCanvas``."""

    selection_changed = Signal()

    def __init__(self, model: DocumentModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.setObjectName("board_canvas_view")
        self.setAccessibleName(tr("Board canvas"))
        self.scene = BoardScene(model, Metrics(self.font()), self)
        self.canvas = BoardCanvas(self, self.scene)
        self.canvas.setAccessibleDescription(
            tr(
                "Cards are not read by screen readers: press {keys} for the outline, which reads "
                "every note."
            ).format(keys=shown("board.view"))
        )
        self._focus: Focus | None = None
        self._editor: QLineEdit | None = None
        bar = QHBoxLayout()
        self.zoom_label = QLabel("100%", self)
        self.zoom_label.setAccessibleName(tr("Zoom"))
        self.zoom_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("1000%"))
        for binding, text, tip in (
            ("board.zoom_out", "−", tr("Zoom out")),
            ("board.zoom_in", "+", tr("Zoom in")),
            # Translators: a button: zoom the canvas so that every card fits in view.
            ("board.zoom_fit", tr("Fit"), tr("Zoom to fit")),
        ):
            action = install(QAction(tip, self.canvas), binding)
            action.triggered.connect(getattr(self, f"_on_{binding.split('.')[1]}_triggered"))
            self.canvas.addAction(action)
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tr("{action} ({keys})").format(action=tip, keys=shown(binding)))
            button.setAccessibleName(tip)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(action.trigger)
            bar.addWidget(button)
            if binding == "board.zoom_out":
                bar.addWidget(self.zoom_label)
        self.hint = QLabel(
            tr(
                "Drag cards between columns (onto “+ New theme” to make one); drag a box, Ctrl- "
                "or Shift-click to select. Cards are not read by screen readers: {keys} shows "
                "the outline."
            ).format(keys=shown("board.view")),
            self,
        )
        self._hint = self.hint.text()
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setWordWrap(True)
        self.hint.setAccessibleName(tr("Canvas hint"))
        bar.addWidget(self.hint, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.canvas, 1)
        self.canvas.zoomed.connect(self._on_canvas_zoomed)
        self.scene.selectionChanged.connect(self._on_scene_selection_changed)
        model.changed.connect(self._on_model_changed)  # after the scene's own update

    # -- BoardView ----------------------------------------------------------------------------

    def key_widget(self) -> QWidget:
        return self.canvas

    def set_question(self, question_id: str | None) -> None:
        if question_id == self.scene.question_id:
            return
        self._close_editor()
        self._focus = None
        self.scene.load(question_id)
        self.canvas.horizontalScrollBar().setValue(0)
        self.canvas.verticalScrollBar().setValue(0)
        first = self.scene.note_order()[:1]
        self.set_focus((NOTE, first[0]) if first else (UNSORTED, ""))

    def question_id(self) -> str | None:
        return self.scene.question_id

    def selected_note_ids(self) -> list[str]:
        cards = self.scene.cards
        ids = [nid for nid in self.scene.note_order() if cards[nid].isSelected()]
        if not ids and self._focus is not None and self._focus[0] == NOTE:
            ids = [self._focus[1]]
        return ids

    def focused_item(self) -> Focus | None:
        return self._focus

    def reveal(self, kind: str, record_id: str, *, select: list[str] | None = None) -> None:
        self.scene.blockSignals(True)
        self.scene.clearSelection()
        for note_id in select or ([record_id] if kind == NOTE else []):
            if note_id in self.scene.cards:
                self.scene.cards[note_id].setSelected(True)
        self.scene.blockSignals(False)
        self.set_focus((kind, record_id))

    def select_notes(self, note_ids: list[str]) -> None:
        if note_ids:
            self.reveal(NOTE, note_ids[0], select=note_ids)

    def edit_title(self, theme_id: str) -> None:
        """A title box over the theme's header: Enter keeps the title, Esc cancels."""
        column = self.scene.columns.get((THEME, theme_id))
        if column is None:
            return
        self.reveal(THEME, theme_id)
        self._close_editor()
        editor = self._editor = QLineEdit(self.canvas.viewport())
        editor.setAccessibleName(tr("Theme title"))
        editor.setPlaceholderText(tr("Type the theme's title, then Enter"))
        editor.setText(self.model.get(Theme, theme_id).title)
        editor.selectAll()
        area = self.canvas.mapFromScene(column.header_rect()).boundingRect()
        editor.setGeometry(area.adjusted(4, 4, -4, -area.height() // 2))
        editor.setProperty("theme_id", theme_id)
        editor.installEventFilter(self)
        editor.editingFinished.connect(self._on_editor_editing_finished)
        editor.show()
        editor.setFocus()

    # -- focus and selection ------------------------------------------------------------------

    def set_focus(self, focus: Focus | None) -> None:
        """Move the focus ring to ``focus`` (kind, id), scrolled into view, and say it."""
        old = self._item(self._focus)
        if old is not None:
            old.set_focused(False) if isinstance(old, CardItem) else old.set_state(focused=False)
        self._focus = focus
        item = self._item(focus)
        if item is None:
            self._focus = None
        else:
            if isinstance(item, CardItem):
                item.set_focused(True)
                self.canvas.ensureVisible(item, 24, 24)
            else:
                item.set_state(focused=True)
                self.canvas.ensureVisible(item.header_rect(), 24, 24)
            self.canvas.setAccessibleDescription(item.description())
            QAccessible.updateAccessibility(
                QAccessibleEvent(self.canvas, QAccessible.Event.DescriptionChanged)
            )
        self.selection_changed.emit()

    def _item(self, focus: Focus | None) -> CardItem | ColumnItem | None:
        if focus is None:
            return None
        if focus[0] == NOTE:
            return self.scene.cards.get(focus[1])
        return self.scene.columns.get(focus)

    def select_run(self, note_id: str) -> None:
        """Shift-click: select the cards from the focused one to ``note_id``, as shown."""
        order = self.scene.note_order()
        start = self._focus[1] if self._focus and self._focus[0] == NOTE else note_id
        a, b = sorted((order.index(start), order.index(note_id)))
        for nid in order[a : b + 1]:
            self.scene.cards[nid].setSelected(True)
        self.set_focus((NOTE, note_id))

    def step(self, dx: int, dy: int, mods: Qt.KeyboardModifier) -> None:
        """Arrow keys: the nearest card or theme title that way (Shift adds it to the
        selection, Ctrl leaves the selection as it is, no modifier selects only it)."""
        here = self._item(self._focus)
        if here is None:
            return self.set_focus((UNSORTED, ""))
        start = self._centre(here)
        best: tuple[float, Focus] | None = None
        places: list[tuple[Focus, CardItem | ColumnItem]] = [
            ((NOTE, nid), card) for nid, card in self.scene.cards.items()
        ]
        places += [(k, c) for k, c in self.scene.columns.items() if k[0] != NEW]
        for focus, item in places:
            d = self._centre(item) - start
            along, across = d.x() * dx + d.y() * dy, abs(d.y() if dx else d.x())
            if along > 1:
                score = along + 2 * across
                if best is None or score < best[0]:
                    best = (score, focus)
        if best is None:
            return
        focus = best[1]
        if focus[0] == NOTE and not mods & Qt.KeyboardModifier.ControlModifier:
            if not mods & Qt.KeyboardModifier.ShiftModifier:
                self.scene.clearSelection()
            self.scene.cards[focus[1]].setSelected(True)
        elif focus[0] != NOTE and not mods:
            self.scene.clearSelection()
        self.set_focus(focus)

    @staticmethod
    def _centre(item: CardItem | ColumnItem) -> QPointF:
        if isinstance(item, CardItem):
            return item.sceneBoundingRect().center()
        return item.header_rect().center()

    # -- dropping -------------------------------------------------------------------------------

    def say_pile(self, count: int) -> None:
        """While dragging: how many notes the pile holds, in the hint (0: done)."""
        if count:
            self.hint.setText(
                trn(
                    "Dragging %n note: drop on a column.",
                    "Dragging %n notes: drop on a column.",
                    count,
                )
            )
        else:
            self.hint.setText(self._hint)

    def drop(self, note_ids: list[str], column: ColumnItem) -> None:
        """Cards dropped on ``column``: one step for them all."""
        if column.kind == NEW:
            step = self.model.undo_stack.index()
            theme_id = actions.group_into_new_theme(self.model, self.question_id(), note_ids)
            actions.announce_step(self.canvas, self.model, step)
            self.select_notes(note_ids)
            self.edit_title(theme_id)
            return
        step = self.model.undo_stack.index()
        actions.move_to_theme(self.model, note_ids, column.record_id or None)
        actions.announce_step(self.canvas, self.model, step)
        self.select_notes(note_ids)

    # -- handlers -----------------------------------------------------------------------------

    def _on_zoom_in_triggered(self) -> None:
        self.canvas.zoom_by(ZOOM_STEP)

    def _on_zoom_out_triggered(self) -> None:
        self.canvas.zoom_by(1 / ZOOM_STEP)

    def _on_zoom_fit_triggered(self) -> None:
        self.canvas.zoom_to_fit()

    def _on_canvas_zoomed(self, scale: float) -> None:
        self.zoom_label.setText(f"{round(scale * 100)}%")

    def _on_scene_selection_changed(self) -> None:
        self.selection_changed.emit()

    def _on_model_changed(self, *_args: object) -> None:
        if self._focus is not None and self._item(self._focus) is None:
            first = self.scene.note_order()[:1]
            self.set_focus((NOTE, first[0]) if first else (UNSORTED, ""))
        elif self._focus is not None:
            self.set_focus(self._focus)  # said again: its votes or star may have changed

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self.scene.set_metrics(Metrics(self.font()))
        super().changeEvent(event)

    # -- the title box ----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._editor and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape:
                self._close_editor()
                self.canvas.setFocus()
                return True
        return super().eventFilter(watched, event)

    def _on_editor_editing_finished(self) -> None:
        editor = self._editor
        if editor is None:
            return
        theme_id, title = str(editor.property("theme_id")), editor.text()
        self._close_editor()
        if (THEME, theme_id) in self.scene.columns:
            actions.rename_theme(self.model, theme_id, title)
            self.canvas.setFocus()
            self.reveal(THEME, theme_id)

    def _close_editor(self) -> None:
        editor, self._editor = self._editor, None
        if editor is not None:
            editor.removeEventFilter(self)
            editor.editingFinished.disconnect(self._on_editor_editing_finished)
            editor.hide()
            editor.deleteLater()
