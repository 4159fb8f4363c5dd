"""The canvas's items: a note as a sticky card, a theme (or "Not yet sorted", or "New theme")
as a labelled column, and the sizes both take from the view's font.

Cards look like Capture's (``ui/common/sticky.py``): the kind's Okabe-Ito tint and accent AND the
kind as a word; the table, the votes and the star are written ("★ Starred", "2 votes"), never colour
alone. Selected cards get a thick frame and a tick in the corner; the focused card or column a
dashed ring around it (shape, not colour). Items paint themselves with no ``QGraphicsEffect``,
are cached in device coordinates, and lay out their text only when first painted (and not at
all when drawn too small to read).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from workshop_app.domain.records import Note, NoteKind
from workshop_app.ui.board.words import tr, trn
from workshop_app.ui.common.contrast import high_contrast, paper_and_ink
from workshop_app.ui.common.sticky import INK, SHADOW, kind_style, shown_text

FOCUS = QColor("#0072B2")  # Okabe-Ito blue: the focus ring, also dashed


def focus_color() -> QColor:
    """The focus ring and drop frame: Okabe-Ito blue, or the palette's text in high contrast."""
    return QColor(paper_and_ink()[1]) if high_contrast() else FOCUS


BODY_LINES = 3


class Metrics:
    """Fonts and sizes of the canvas, in scene units, from the view's font (text size)."""

    def __init__(self, font: QFont) -> None:
        self.body = QFont(font)
        self.body.setPointSizeF(font.pointSizeF() * 1.05)
        self.small = QFont(font)
        self.small.setPointSizeF(font.pointSizeF() * 0.9)
        self.word = QFont(self.small)
        self.word.setBold(True)
        self.title = QFont(font)
        self.title.setBold(True)
        self.title.setPointSizeF(font.pointSizeF() * 1.1)
        self.small_metrics = QFontMetricsF(self.small)
        self.word_metrics = QFontMetricsF(self.word)
        self.line = self.small_metrics.height()
        self.body_line = QFontMetricsF(self.body).height()
        self.title_line = QFontMetricsF(self.title).height()
        self.pad = round(self.line * 0.55)
        self.gap = round(self.line * 0.6)
        self.width = round(self.line * 15)
        self.height = round(
            2 * self.pad + self.line + 4 + BODY_LINES * self.body_line + 4 + self.line
        )
        self.header = round(2 * self.pad + self.title_line + self.line + 4)


def _body_lines(text: str, font: QFont, width: float) -> list[str]:
    """The first ``BODY_LINES`` lines of ``text`` wrapped to ``width``, the last elided "…"
    when more follows (the whole text is in the tooltip, the description and the outline)."""
    flat = " ".join(text.split())
    layout = QTextLayout(flat, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    spans: list[tuple[int, int]] = []
    while len(spans) <= BODY_LINES:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        spans.append((line.textStart(), line.textLength()))
    layout.endLayout()
    lines = [flat[start : start + length].rstrip() for start, length in spans[:BODY_LINES]]
    if len(spans) > BODY_LINES:
        rest = flat[spans[BODY_LINES - 1][0] :]
        lines[-1] = QFontMetricsF(font).elidedText(rest, Qt.TextElideMode.ElideRight, width)
    return lines


def _fit(metrics: QFontMetricsF, text: str, width: float) -> str:
    """``text`` as it fits in ``width``, elided "…" if it must be (the whole of it is in the
    item's description and the outline)."""
    if metrics.horizontalAdvance(text) <= width:
        return text
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(0.0, width))


class CardItem(QGraphicsItem):
    """One note on the canvas. ``table`` is its table's name; ``focused`` draws the ring."""

    def __init__(self, note: Note, table: str, metrics: Metrics) -> None:
        super().__init__()
        self.note, self.table, self.metrics = note, table, metrics
        self.focused = False
        self._lines: list[str] | None = None
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setToolTip(note.text)

    @property
    def note_id(self) -> str:
        return self.note.id

    def set_note(self, note: Note, table: str) -> None:
        if note != self.note or table != self.table:
            self.note, self.table, self._lines = note, table, None
            self.setToolTip(note.text)
            self.update()

    def set_metrics(self, metrics: Metrics) -> None:
        self.prepareGeometryChange()
        self.metrics, self._lines = metrics, None

    def set_focused(self, focused: bool) -> None:
        if focused != self.focused:
            self.focused = focused
            self.update()

    def description(self) -> str:
        """What a screen reader would say for the card (QGraphicsItems are not exposed to
        screen readers: the view reads this out as its description when the focus moves)."""
        note = self.note
        kind = tr(kind_style(note.kind).word).lower()
        said = f" — {note.attribution}" if note.kind == NoteKind.QUOTE and note.attribution else ""
        votes = trn("%n vote", "%n votes", note.votes)
        if note.starred and self.isSelected():
            line = tr("Note, {kind}, from {table}, {votes}, starred, selected: {text}")
        elif note.starred:
            line = tr("Note, {kind}, from {table}, {votes}, starred: {text}")
        elif self.isSelected():
            line = tr("Note, {kind}, from {table}, {votes}, selected: {text}")
        else:
            line = tr("Note, {kind}, from {table}, {votes}: {text}")
        return line.format(kind=kind, table=self.table, votes=votes, text=note.text + said)

    def boundingRect(self) -> QRectF:
        m = self.metrics
        return QRectF(-4, -m.line, m.width + 10, m.height + m.line + 6)

    def shape(self) -> QPainterPath:
        """The card itself (not its shadow, ring or tick): what a click or a box selects."""
        path = QPainterPath()
        path.addRect(QRectF(0, 0, self.metrics.width, self.metrics.height))
        return path

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        m, note = self.metrics, self.note
        style = kind_style(note.kind)
        rect = QRectF(0, 0, m.width, m.height)
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        painter.setPen(Qt.PenStyle.NoPen)
        if lod >= 0.4:
            painter.setBrush(SHADOW)
            painter.drawRect(rect.translated(2, 3))
        painter.setBrush(QColor(style.tint))
        if style.border:
            painter.setPen(QPen(QColor(style.text), style.border))
        painter.drawRect(rect)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(style.accent))
        painter.drawRect(QRectF(0, 0, m.width, 5))
        if self.isSelected():
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor(style.text), 3))
            painter.drawRect(rect.adjusted(1.5, 1.5, -1.5, -1.5))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(style.text))
            corner = m.line * 1.2  # a tick on the top edge, clear of the card's words
            tick = QRectF(m.width - corner * 2.5, -corner * 0.6, corner, corner)
            painter.drawRect(tick)
            painter.setPen(QColor(style.tint))
            painter.setFont(m.word)
            painter.drawText(tick, Qt.AlignmentFlag.AlignCenter, "✓")
        if self.focused:
            pen = QPen(focus_color(), 2.5, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(-3, -3, 3, 3))
        if lod < 0.4:
            return  # too small to read: the colour and the shape only
        self._paint_text(painter, tr(style.word).upper(), QColor(style.ink), QColor(style.text))

    def _paint_text(self, painter: QPainter, word: str, ink: QColor, pen: QColor) -> None:
        m, note = self.metrics, self.note
        inner = QRectF(m.pad, m.pad + 3, m.width - 2 * m.pad, m.line)
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        painter.setFont(m.word)
        room = inner.width()  # the kind's word gives way to the star (a longer language)
        painter.setPen(pen)
        if note.starred:
            star = tr("★ Starred")
            painter.drawText(inner, right, star)
            room -= m.word_metrics.horizontalAdvance(star) + m.pad
        painter.setPen(ink)
        painter.drawText(inner, left, _fit(m.word_metrics, word, room))
        painter.setPen(pen)
        if self._lines is None:
            self._lines = _body_lines(shown_text(note), m.body, inner.width())
        painter.setFont(m.body)
        top = inner.bottom() + 4
        for number, text in enumerate(self._lines):
            line = QRectF(inner.left(), top + number * m.body_line, inner.width(), m.body_line)
            painter.drawText(line, left, text)
        foot = QRectF(inner.left(), m.height - m.pad - m.line, inner.width(), m.line)
        painter.setFont(m.small)
        room = foot.width()  # the table's name gives way to the votes
        if note.votes:
            votes = trn("● %n vote", "● %n votes", note.votes)
            painter.drawText(foot, right, votes)
            room -= m.small_metrics.horizontalAdvance(votes) + m.pad
        painter.drawText(foot, left, _fit(m.small_metrics, self.table, room))


class ColumnItem(QGraphicsItem):
    """A theme's column (kind "theme"), "Not yet sorted" ("unsorted") or the drop area that
    makes a new theme ("new"): a labelled area, its title and counts in the header."""

    def __init__(self, kind: str, record_id: str, metrics: Metrics) -> None:
        super().__init__()
        self.kind, self.record_id, self.metrics = kind, record_id, metrics
        self.title, self.counts = "", ""
        self.size = QRectF(0, 0, metrics.width, metrics.height)
        self.focused = self.target = False
        self.setZValue(-1)  # not cached: a column can be far taller than the screen

    def set_text(self, title: str, counts: str) -> None:
        if (title, counts) != (self.title, self.counts):
            self.title, self.counts = title, counts
            self.update()

    def set_size(self, width: float, height: float) -> None:
        if (width, height) != (self.size.width(), self.size.height()):
            self.prepareGeometryChange()
            self.size = QRectF(0, 0, width, height)

    def set_state(self, *, focused: bool | None = None, target: bool | None = None) -> None:
        changed = False
        if focused is not None and focused != self.focused:
            self.focused, changed = focused, True
        if target is not None and target != self.target:
            self.target, changed = target, True
        if changed:
            self.update()

    def header_rect(self) -> QRectF:
        return QRectF(0, 0, self.size.width(), self.metrics.header).translated(self.pos())

    def description(self) -> str:
        if self.kind == "new":
            return tr("New theme: drop notes here to group them into a new theme")
        if self.kind == "theme":
            return tr("Theme, {counts}: {title}").format(counts=self.counts, title=self.title)
        return tr("{counts}: {title}").format(counts=self.counts, title=self.title)

    def boundingRect(self) -> QRectF:
        return self.size.adjusted(-6, -6, 6, 6)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        m, rect = self.metrics, self.size
        fill = {"theme": "#FFFFFF", "unsorted": "#ECECEC", "new": "#F7F7F7"}[self.kind]
        rule, ink = QColor("#767676"), QColor(INK)
        if high_contrast():  # the palette's text on its base, strong lines
            paper, text = paper_and_ink()
            fill, rule, ink = paper, QColor(text), QColor(text)
        painter.setBrush(QColor(fill))
        dashed = self.kind == "new"
        line = Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine
        painter.setPen(QPen(rule, 2.5 if high_contrast() else 1.5, line))
        painter.drawRect(rect)  # a rounded rect this tall costs a frame; a plain one, nothing
        if self.target:  # the drop indicator: a thick frame and the words "Drop here"
            painter.setBrush(QColor(0, 114, 178, 28))
            painter.setPen(QPen(focus_color(), 5))
            painter.drawRect(rect.adjusted(2.5, 2.5, -2.5, -2.5))
        if self.focused:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(focus_color(), 2.5, Qt.PenStyle.DashLine))
            painter.drawRect(rect.adjusted(-4, -4, 4, 4))
        inner = QRectF(m.pad, m.pad, rect.width() - 2 * m.pad, m.title_line)
        painter.setPen(ink)
        painter.setFont(m.title)
        elided = QFontMetricsF(m.title).elidedText(
            self.title, Qt.TextElideMode.ElideRight, inner.width()
        )
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(inner, left, elided)
        painter.setFont(m.small)
        counts = QRectF(inner.left(), inner.bottom() + 2, inner.width(), m.line)
        said = tr("⤓ Drop here") if self.target else self.counts
        painter.drawText(counts, left, _fit(m.small_metrics, said, counts.width()))
        painter.setPen(QPen(rule, 1))
        painter.drawLine(QPointF(0, m.header - 2), QPointF(rect.width(), m.header - 2))


class PileItem(QGraphicsItem):
    """The cards being dragged, drawn as one pile under the pointer (the grabbed card on top,
    up to four more peeking out below, and "50 notes" when more than one): one item to move
    per frame, painted once and cached."""

    STEP = 6

    def __init__(self, cards: list[CardItem]) -> None:
        super().__init__()
        self.cards, self.count = cards[:5], len(cards)
        self.metrics = cards[0].metrics
        self.setZValue(1000)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def boundingRect(self) -> QRectF:
        m, spread = self.metrics, (len(self.cards) - 1) * self.STEP
        return QRectF(-6, -m.line - 8, m.width + spread + 14, m.height + spread + m.line + 20)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        for depth in reversed(range(len(self.cards))):
            painter.save()
            painter.translate(depth * self.STEP, depth * self.STEP)
            self.cards[depth].paint(painter, option, widget)
            painter.restore()
        if self.count > 1:
            m = self.metrics
            text = trn("%n note", "%n notes", self.count)
            width = QFontMetricsF(m.word).horizontalAdvance(text) + 2 * m.pad
            badge = QRectF(m.width - width + 6, -m.line - 6, width, m.line + 4)
            paper, ink = paper_and_ink() if high_contrast() else ("white", INK)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(ink))
            painter.drawRect(badge)
            painter.setPen(QColor(paper))
            painter.setFont(m.word)
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
