"""Sticky cards: the look of a note, shared by Capture and the Board.

``StickyDelegate`` paints one note (a ``Note`` under ``NoteRole``) as a sticky card in any item
view: a tint by kind from the Okabe-Ito colour-blind-safe palette, the kind as a word (never
colour alone), a star, the text wrapped to the card's width (long words break anywhere, so text
is never cut off: the card grows instead), who said it and when it was saved. Every colour pair
keeps a contrast of at least 4.5:1 (``contrast``; tested); when the system asks for high
contrast, cards are the palette's text on its base (7:1 or more) with a strong border.
Editing in place uses a plain text box where Enter saves, Shift+Enter starts a new line and
Esc cancels.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QPen, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QPlainTextEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from workshop_app.domain.quoting import quoted
from workshop_app.domain.records import NOTE_KINDS, Note, NoteKind
from workshop_app.i18n import N_
from workshop_app.ui.common.contrast import contrast as contrast  # tests read it here
from workshop_app.ui.common.contrast import high_contrast, paper_and_ink
from workshop_app.ui.common.i18n import tr

Index = QModelIndex | QPersistentModelIndex

NoteRole = Qt.ItemDataRole.UserRole + 1  # the Note record
PlaceRole = Qt.ItemDataRole.UserRole + 2  # where the note is from, shown on the card ("" none)
SavedRole = Qt.ItemDataRole.UserRole + 3  # when it was last saved, in the event's zone ("14:03")
MarkRole = Qt.ItemDataRole.UserRole + 4  # a marker for the footer ("⚠ personal data?"; "" none)
INK = "#1F1F1F"  # text on every card
SHADOW = QColor(0, 0, 0, 40)
PAD, GAP, RADIUS, SPACING = 10, 6, 4.0, 10


@dataclass(frozen=True)
class KindStyle:
    """A kind's look: its word (English, marked: ``tr(style.word)`` where shown), Okabe-Ito
    accent, the card's tint and the word's ink; the text's ink and a border (high contrast:
    ``high_contrast_style``)."""

    word: str
    accent: str
    tint: str
    ink: str
    text: str = INK
    border: float = 0.0


KIND_STYLES: dict[str, KindStyle] = {
    NoteKind.IDEA: KindStyle(N_("Idea"), "#F0E442", "#F9F4B3", "#6E691E"),
    NoteKind.CONCERN: KindStyle(N_("Concern"), "#D55E00", "#F3D2B8", "#914000"),
    NoteKind.QUOTE: KindStyle(N_("Quote"), "#56B4E9", "#C9E7F8", "#2E617E"),
    NoteKind.ACTION: KindStyle(N_("Action"), "#009E73", "#B8E4D8", "#00654A"),
    NoteKind.QUESTION: KindStyle(N_("Question"), "#CC79A7", "#EFD4E3", "#7A4964"),
}
assert tuple(KIND_STYLES) == NOTE_KINDS


def kind_style(kind: str) -> KindStyle:
    style = KIND_STYLES.get(kind, KIND_STYLES[NoteKind.IDEA])
    return high_contrast_style(style) if high_contrast() else style


def high_contrast_style(style: KindStyle) -> KindStyle:
    """The kind's look in high contrast: the palette's text on its base, a strong border; the
    kinds differ by their word (as always), not by a tint."""
    paper, ink = paper_and_ink()
    return KindStyle(style.word, ink, paper, ink, ink, 2.0)


def footer_text(note: Note, table: str = "", saved: str = "") -> tuple[str, str]:
    """The card's footer: (who said it and their role, table and ``saved``, the time of day the
    note was last saved in the event's zone, "14:03")."""
    who = f"— {note.attribution}" if note.attribution else ""
    if note.role:
        who = f"{who} ({note.role})" if who else tr("Role: {role}").format(role=note.role)
    saved = tr("✓ Saved {time}").format(time=saved).strip()
    return who, f"{table} · {saved}" if table else saved


def shown_text(note: Note) -> str:
    """The card's text: a quote in one pair of marks (``quoted``), anything else as typed."""
    return quoted(note.text) if note.kind == NoteKind.QUOTE and note.text.strip() else note.text


def describe(note: Note, table: str = "", saved: str = "") -> str:
    """What a screen reader says for a card."""
    parts = [tr(kind_style(note.kind).word)]
    if note.starred:
        parts.append(tr("starred"))
    who, saved = footer_text(note, table, saved)
    text = f"{', '.join(parts)}: {note.text}"
    return f"{text}. {who}. {saved}." if who else f"{text}. {saved}."


def _layout(text: str, font: QFont, width: float) -> tuple[QTextLayout, float]:
    layout = QTextLayout(text.replace("\n", "\u2028"), font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    height = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, height))
        height += line.height()
    layout.endLayout()
    return layout, height


@dataclass(frozen=True)
class _Card:
    text: QTextLayout
    text_height: float
    footer: QTextLayout
    size: QSize


class StickyDelegate(QStyledItemDelegate):
    """Paints notes as sticky cards ``card_width`` wide; heights are cached per note version."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.card_width = 260
        self._cache: dict[tuple[object, ...], _Card] = {}
        self._fonts_cache: dict[str, tuple[QFont, QFont, QFont]] = {}

    def set_card_width(self, width: int) -> None:
        if width != self.card_width:
            self.card_width = width
            self._cache.clear()

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        """Body, footer and kind-word fonts, relative to the view's font (cached)."""
        key = option.font.key()
        fonts = self._fonts_cache.get(key)
        if fonts is None:
            body = QFont(option.font)
            body.setPointSizeF(option.font.pointSizeF() * 1.12)
            small = QFont(option.font)
            small.setPointSizeF(option.font.pointSizeF() * 0.9)
            word = QFont(small)
            word.setBold(True)
            fonts = self._fonts_cache[key] = (body, small, word)
        return fonts

    def _card(self, index: Index, note: Note, option: QStyleOptionViewItem) -> _Card:
        """The card's wrapped text, footer and size (cached per note version, place, width and
        font size: a relayout of hundreds of cards costs a dictionary look-up each)."""
        place, saved = index.data(PlaceRole) or "", index.data(SavedRole) or ""
        key = (note.id, note.updated_at, place, saved, self.card_width, option.font.pointSizeF())
        card = self._cache.get(key)
        if card is None:
            if len(self._cache) > 20_000:
                self._cache.clear()
            body, small, _ = self._fonts(option)
            width = self.card_width - 2 * PAD - 3
            text, text_height = _layout(shown_text(note), body, width)
            lines = (*footer_text(note, place, saved), index.data(MarkRole) or "")
            footer = "\n".join(line for line in lines if line)
            foot, foot_height = _layout(footer, small, width)
            line = option.fontMetrics.height() * 0.95
            height = PAD + line + GAP + text_height + GAP + foot_height + PAD
            size = QSize(self.card_width, int(height) + 4)
            card = self._cache[key] = _Card(text, text_height, foot, size)
        return card

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        note = index.data(NoteRole)
        if not isinstance(note, Note):
            return QSize(self.card_width, 40)
        return self._card(index, note, option).size

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        note = index.data(NoteRole)
        if not isinstance(note, Note):
            return
        style = kind_style(note.kind)
        _, _, word = self._fonts(option)
        card = self._card(index, note, option)
        rect = QRectF(option.rect).adjusted(0, 0, -3, -3)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(SHADOW)
        painter.drawRoundedRect(rect.translated(2, 3), RADIUS, RADIUS)
        painter.setBrush(QColor(style.tint))
        if style.border:
            painter.setPen(QPen(QColor(style.text), style.border))
        painter.drawRoundedRect(rect, RADIUS, RADIUS)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(style.accent))
        painter.drawRect(QRectF(rect.left(), rect.top(), rect.width(), 5))
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        if focused or option.state & QStyle.StateFlag.State_Selected:  # Tab in: card outlined
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor(style.text), 3 if focused else 2))
            painter.drawRoundedRect(rect.adjusted(1.5, 1.5, -1.5, -1.5), RADIUS, RADIUS)
        line = option.fontMetrics.height() * 0.95
        top = rect.top() + PAD
        inner = QRectF(rect.left() + PAD, top, rect.width() - 2 * PAD, line)
        painter.setFont(word)
        painter.setPen(QColor(style.ink))
        align = Qt.AlignmentFlag.AlignVCenter
        painter.drawText(inner, align | Qt.AlignmentFlag.AlignLeft, tr(style.word).upper())
        painter.setPen(QColor(style.text))
        if note.starred:
            painter.drawText(inner, align | Qt.AlignmentFlag.AlignRight, tr("★ Starred"))
        card.text.draw(painter, QPointF(inner.left(), top + line + GAP))
        card.footer.draw(painter, QPointF(inner.left(), top + line + GAP + card.text_height + GAP))
        painter.restore()

    # -- editing in place --------------------------------------------------------------------

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = CardEditor(parent)
        editor.setAccessibleName(tr("Edit note"))
        editor.installEventFilter(self)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        note = index.data(NoteRole)
        if isinstance(editor, QPlainTextEdit) and isinstance(note, Note):
            editor.setPlainText(note.text)
            editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QPlainTextEdit) and editor.toPlainText().strip():
            model.setData(index, editor.toPlainText(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> None:
        editor.setGeometry(option.rect.adjusted(4, 4, -6, -6))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter saves, Shift+Enter is a new line, Esc cancels (the base class handles Esc)."""
        if isinstance(watched, CardEditor) and isinstance(event, QKeyEvent):
            key_event = event
            enter = key_event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if event.type() != QEvent.Type.KeyPress:
                return super().eventFilter(watched, event)
            if enter and not key_event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.commitData.emit(watched)
                self.closeEditor.emit(watched, QStyledItemDelegate.EndEditHint.NoHint)
                return True
            if enter:
                watched.insertPlainText("\n")
                return True
        return super().eventFilter(watched, event)


class CardEditor(QPlainTextEdit):
    """The text box that edits a card in place."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
