"""BoardCanvas: the canvas's QGraphicsView and its key widget: the mouse (click, Ctrl- and
Shift-click, rubber band, dragging the selection as one pile onto a column, the drop indicator),
the arrow keys and zoom (Ctrl+wheel, ``zoom_by``, ``zoom_to_fit``). What a press or a drop means
for the Board is asked of its ``CanvasView`` (``canvas.py``).

Signals:
    zoomed(float scale): the view's scale changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QApplication, QGraphicsView, QMenu

from workshop_app.ui.board.canvas_items import CardItem, ColumnItem, PileItem
from workshop_app.ui.board.canvas_scene import NEW, BoardScene
from workshop_app.ui.board.outline_model import NOTE, THEME
from workshop_app.ui.common.i18n import tr

if TYPE_CHECKING:
    from workshop_app.ui.board.canvas import CanvasView

ZOOM_STEP, ZOOM_MIN, ZOOM_MAX = 1.2, 0.05, 4.0


class BoardCanvas(QGraphicsView):
    """The graphics view: the key widget, mouse and keys. ``zoomed(float)``: the new scale."""

    zoomed = Signal(float)

    def __init__(self, owner: CanvasView, scene: BoardScene) -> None:
        super().__init__(scene, owner)
        self.owner, self.board = owner, scene
        self.setObjectName("board_canvas")
        self.setAccessibleName(tr("Board canvas: themes as columns, notes as cards"))
        self.viewport().setAccessibleName(tr("Cards and theme columns"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._press: QPointF | None = None
        self._dragging = False
        self._start: dict[str, QPointF] = {}
        self._target: ColumnItem | None = None
        self._pile: PileItem | None = None

    # -- zoom ---------------------------------------------------------------------------------

    def zoom_by(self, factor: float) -> None:
        scale = self.transform().m11()
        factor = max(ZOOM_MIN / scale, min(ZOOM_MAX / scale, factor))
        self.scale(factor, factor)
        self.zoomed.emit(self.transform().m11())

    def zoom_to_fit(self) -> None:
        rect = self.board.sceneRect()
        if rect.isEmpty():
            return
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.transform().m11() > 1.5:
            self.resetTransform()
            self.scale(1.5, 1.5)
        self.zoomed.emit(self.transform().m11())

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.zoom_by(ZOOM_STEP**steps)
            event.accept()
            return
        super().wheelEvent(event)

    # -- mouse --------------------------------------------------------------------------------

    def _card_at(self, pos: QPoint) -> CardItem | None:
        for item in self.items(pos):
            if isinstance(item, CardItem):
                return item
        return None

    def _column_at(self, pos: QPoint) -> ColumnItem | None:
        return self.board.column_at(self.mapToScene(pos))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        card = self._card_at(event.position().toPoint())
        mods = event.modifiers()
        if event.button() == Qt.MouseButton.RightButton:
            if card is not None and not card.isSelected():
                self.owner.reveal(NOTE, card.note_id)
            event.accept()
            return
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        if card is not None:
            if mods & Qt.KeyboardModifier.ControlModifier:
                card.setSelected(not card.isSelected())
                self.owner.set_focus((NOTE, card.note_id))
            elif mods & Qt.KeyboardModifier.ShiftModifier:
                self.owner.select_run(card.note_id)
            else:
                if not card.isSelected():
                    self.board.clearSelection()
                    card.setSelected(True)
                self.owner.set_focus((NOTE, card.note_id))
                self._press = self.mapToScene(event.position().toPoint())
            event.accept()
            return
        column = self._column_at(event.position().toPoint())
        if column is not None and column.kind != NEW:
            header = column.header_rect().contains(self.mapToScene(event.position().toPoint()))
            if header:
                if not mods:
                    self.board.clearSelection()
                self.owner.set_focus((column.kind, column.record_id))
                event.accept()
                return
        super().mousePressEvent(event)  # the rubber band (Ctrl: adds to the selection)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        column = self._column_at(event.position().toPoint())
        point = self.mapToScene(event.position().toPoint())
        if column is not None and column.kind == THEME and column.header_rect().contains(point):
            self.owner.edit_title(column.record_id)
            return
        self.mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None:
            return super().mouseMoveEvent(event)
        point = self.mapToScene(event.position().toPoint())
        if not self._dragging:
            distance = (point - self._press).manhattanLength() * self.transform().m11()
            if distance < QApplication.startDragDistance():
                return
            self._dragging = True
            # The selection is lifted as one pile under the pointer, the grabbed card on top:
            # one item to move and a small area to repaint per frame, however many cards.
            grabbed = self._card_at(self.mapFromScene(self._press))
            ids = self.owner.selected_note_ids()
            if grabbed is not None and grabbed.note_id in ids:
                ids.remove(grabbed.note_id)
                ids.insert(0, grabbed.note_id)
            cards = [self.board.cards[nid] for nid in ids]
            self._start = {nid: self.board.cards[nid].pos() for nid in ids}
            self._pile = PileItem(cards)
            self._pile.setPos(cards[0].pos())
            self.board.addItem(self._pile)
            for card in cards:
                card.setVisible(False)
            self.owner.say_pile(len(ids))
        assert self._pile is not None
        self._pile.setPos(self._start[self._pile.cards[0].note_id] + point - self._press)
        target = self.board.column_at(point)
        if target is not self._target:
            if self._target is not None:
                self._target.set_state(target=False)
            if target is not None:
                target.set_state(target=True)
            self._target = target
        self.ensureVisible(QRectF(point, point), 20, 20)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._press is None:
            return super().mouseReleaseEvent(event)
        dragged, target, ids = self._dragging, self._target, list(self._start)
        self._press, self._dragging, self._start, self._target = None, False, {}, None
        if not dragged:  # a click on one of several selected cards: that card alone
            card = self._card_at(event.position().toPoint())
            if card is not None:
                self.owner.reveal(NOTE, card.note_id)
            return
        if self._pile is not None:
            self.board.removeItem(self._pile)
            self._pile = None
        for note_id in ids:
            self.board.cards[note_id].setVisible(True)
        self.owner.say_pile(0)
        if target is not None:
            target.set_state(target=False)
            self.owner.drop(ids, target)
        self.board.relayout()  # back in place if nothing moved

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """The Board's actions (the keys' own actions, their keys shown) for the focus."""
        column = self._column_at(event.pos())
        if self._card_at(event.pos()) is None and column is not None and column.kind != NEW:
            self.board.clearSelection()
            self.owner.set_focus((column.kind, column.record_id))
        menu = QMenu(self)
        menu.setAccessibleName(tr("Board actions"))
        for action in self.actions():
            if str(action.property("keymap_id")).startswith("board."):
                menu.addAction(action)
        menu.exec(event.globalPos())

    # -- keys ---------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        arrows: dict[int, tuple[int, int]] = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1),
        }
        if key in arrows:
            self.owner.step(*arrows[key], mods)
            return
        if key == Qt.Key.Key_Space and self.owner.focused_item():
            focus = self.owner.focused_item()
            if focus is not None and focus[0] == NOTE:
                card = self.board.cards[focus[1]]
                card.setSelected(not card.isSelected() if mods else True)
            return
        if key == Qt.Key.Key_Escape:
            self.board.clearSelection()
            return
        super().keyPressEvent(event)
