"""PlenaryWindow: the projector's view of one question's themes ranked by votes, for the room
while tables report back (F6 on the Board page; Esc or F6 closes it).

White on black like the presenter display, drawn to the screen's size: the question along the
top, then each theme as a row: its rank, its title (wrapped, never clipped) and, on the right,
its total votes (own + its notes', ``actions.theme_total``) and its note count, in words. The
type shrinks until every theme fits; below a size readable from the back of the room it stops
shrinking and the last line says how many more themes there are. It follows the document live:
a vote added re-ranks it at once.

Signals:
    closed(): the window was closed.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QScreen,
)
from PySide6.QtWidgets import QWidget

from workshop_app.domain.records import Note, Question, Record, Theme
from workshop_app.ui.board.actions import theme_total
from workshop_app.ui.board.words import tr, trn
from workshop_app.ui.common.keymap import matches
from workshop_app.ui.document_model import DocumentModel
from workshop_app.ui.run.style import BACKGROUND, MUTED, TEXT

WRAP = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)


@dataclass(frozen=True)
class Ranked:
    """One theme's line: title, total votes, note count."""

    title: str
    votes: int
    notes: int


@dataclass(frozen=True)
class Drawn:
    """A piece of text as drawn: the box it was given and the box its text needs."""

    text: str
    box: QRectF
    needs: QRectF
    pixels: int  # the font's size


def ranking(model: DocumentModel, question_id: str | None) -> list[Ranked]:
    """The question's themes, most votes first (ties keep the board's order)."""
    notes = model.select(Note, question_id=question_id)
    rows = []
    for theme in model.select(Theme, question_id=question_id):
        count = sum(1 for n in notes if n.theme_id == theme.id)
        title = theme.title.strip() or tr("Untitled theme")
        rows.append(Ranked(title, theme_total(theme, notes), count))
    return sorted(rows, key=lambda r: -r.votes)


class PlenaryWindow(QWidget):
    """A frameless full-screen window ranking the themes of ``question_id``."""

    closed = Signal()

    def __init__(
        self, model: DocumentModel, question_id: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.model = model
        self.question_id = question_id
        self.setWindowTitle(tr("Workshop — plenary display"))
        self.setAccessibleName(tr("Plenary display: themes ranked by votes"))
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.rows: list[Ranked] = []
        self.drawn: list[Drawn] = []  # what the last paint drew, for checks
        self.hidden_count = 0
        model.changed.connect(self._on_model_changed)
        self.refresh()

    def show_on(self, screen: QScreen, *, activate: bool) -> None:
        """Cover ``screen``; take the keyboard only when asked (the laptop's own screen)."""
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, not activate)
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        self.showFullScreen()
        if activate:
            self.activateWindow()
            self.setFocus()

    def set_question(self, question_id: str | None) -> None:
        self.question_id = question_id
        self.refresh()

    def refresh(self) -> None:
        self.rows = ranking(self.model, self.question_id)
        line = tr("{rank}. {title}: {votes}, {notes}")
        self.setAccessibleDescription(
            "; ".join(
                line.format(
                    rank=i,
                    title=r.title,
                    votes=trn("%n vote", "%n votes", r.votes),
                    notes=trn("%n note", "%n notes", r.notes),
                )
                for i, r in enumerate(self.rows, start=1)
            )
        )
        self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if matches(event, "board.plenary_close") or matches(event, "board.plenary"):
            self.close()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.model.changed.disconnect(self._on_model_changed)
        super().closeEvent(event)
        self.closed.emit()

    def _on_model_changed(self, kind: type[Record], _record_id: str) -> None:
        if kind in (Note, Theme, Question):
            self.refresh()

    # -- drawing -------------------------------------------------------------------------------

    def _question_text(self) -> str:
        if self.question_id is None:
            return tr("No question")
        try:
            text = self.model.get(Question, self.question_id).text.strip()
            return text or tr("Untitled question")
        except Exception:  # removed meanwhile: the title says so rather than failing
            return tr("This question was removed")

    def _font(self, pixels: float, *, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(max(8, int(pixels)))
        font.setBold(bold)
        return font

    def _draw(
        self, painter: QPainter, box: QRectF, text: str, font: QFont, color: QColor, flags: int
    ) -> QRectF:
        needs = QFontMetricsF(font).boundingRect(box, flags, text)
        painter.setFont(font)
        painter.setPen(color)
        painter.drawText(box, flags, text)
        self.drawn.append(Drawn(text, QRectF(box), needs, font.pixelSize()))
        return needs

    def _layout(self, width: float, size: float) -> list[tuple[float, QFont, QFont]]:
        """Each row's height at title size ``size`` (with its title and count fonts)."""
        out = []
        title_font, count_font = self._font(size, bold=True), self._font(size * 0.8)
        title_width = width - self._rank_width(size) - self._count_width(size)
        metrics = QFontMetricsF(title_font)
        for row in self.rows:
            flags = self._flags(row, metrics, title_width)
            title = metrics.boundingRect(QRectF(0, 0, title_width, 1e6), flags, row.title)
            counts = QFontMetricsF(count_font).lineSpacing() * 2
            out.append((max(title.height(), counts) + size * 0.45, title_font, count_font))
        return out

    def _flags(self, row: Ranked, metrics: QFontMetricsF, width: float) -> int:
        """Wrap at spaces; anywhere when one word alone is wider than the column."""
        if any(metrics.horizontalAdvance(w) > width for w in row.title.split()):
            return WRAP | int(Qt.TextFlag.TextWrapAnywhere)
        return WRAP

    def _rank_width(self, size: float) -> float:
        return QFontMetricsF(self._font(size, bold=True)).horizontalAdvance("99. ")

    def _count_width(self, size: float) -> float:
        metrics = QFontMetricsF(self._font(size * 0.8))
        texts = [trn("%n vote", "%n votes", 99)] + [
            trn("%n vote", "%n votes", r.votes) for r in self.rows
        ]
        texts += [trn("%n note", "%n notes", r.notes) for r in self.rows]
        return max(metrics.horizontalAdvance(t) for t in texts) + size

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.fillRect(self.rect(), BACKGROUND)
        self.drawn = []
        w, h = float(self.width()), float(self.height())
        margin = 0.04 * w
        inner = QRectF(margin, 0.04 * h, w - 2 * margin, 0.92 * h)
        head = self._font(0.03 * h)
        used = self._draw(painter, QRectF(inner.x(), inner.y(), inner.width(), h * 0.05),
                          tr("Themes ranked by votes"), head, MUTED, WRAP)  # fmt: skip
        question = self._question_text()
        size = 0.05 * h
        box = QRectF(inner.x(), used.bottom() + 0.01 * h, inner.width(), 0.2 * h)
        while True:  # the question: up to a fifth of the screen, shrunk to fit
            font = self._font(size, bold=True)
            needs = QFontMetricsF(font).boundingRect(box, WRAP, question)
            if needs.height() <= box.height() or size <= 0.025 * h:
                break
            size *= 0.92
        box.setHeight(min(box.height(), needs.height()))
        if needs.height() > box.height():  # a very long question: its first lines, whole
            lines = max(1, int(box.height() // QFontMetricsF(font).lineSpacing()))
            box.setHeight(lines * QFontMetricsF(font).lineSpacing())
            question = self._elide_lines(question, font, box)
        top = self._draw(painter, box, question, font, TEXT, WRAP).bottom() + 0.03 * h
        area = QRectF(inner.x(), top, inner.width(), inner.bottom() - top)
        self._rows(painter, area, h)
        painter.end()

    def _elide_lines(self, text: str, font: QFont, box: QRectF) -> str:
        metrics = QFontMetricsF(font)
        while text and metrics.boundingRect(box, WRAP, text + "…").height() > box.height():
            text = text[: max(0, len(text) - max(1, len(text) // 20))].rstrip()
        return text + "…"

    def _rows(self, painter: QPainter, area: QRectF, h: float) -> None:
        self.hidden_count = 0
        if not self.rows:
            self._draw(painter, area, tr("No themes yet for this question."), self._font(0.05 * h),
                       MUTED, WRAP)  # fmt: skip
            return
        size, smallest = 0.06 * h, 0.032 * h  # smallest: readable from the back of the room
        layout = self._layout(area.width(), size)
        while sum(r[0] for r in layout) > area.height() and size > smallest:
            size = max(smallest, size * 0.92)
            layout = self._layout(area.width(), size)
        more_height = QFontMetricsF(self._font(size * 0.8)).lineSpacing() * 1.5
        fitting, total = len(layout), sum(r[0] for r in layout)
        if total > area.height():  # at the smallest size: as many as fit, then "and N more"
            room, fitting, total = area.height() - more_height, 0, 0.0
            for height, _title, _count in layout:
                if total + height > room:
                    break
                fitting, total = fitting + 1, total + height
        rank_w, count_w = self._rank_width(size), self._count_width(size)
        y = area.y()
        for number, (row, (height, title_font, count_font)) in enumerate(
            zip(self.rows[:fitting], layout[:fitting], strict=True), start=1
        ):
            self._draw(painter, QRectF(area.x(), y, rank_w, height), f"{number}.", title_font,
                       MUTED, WRAP)  # fmt: skip
            title_box = QRectF(area.x() + rank_w, y, area.width() - rank_w - count_w, height)
            metrics = QFontMetricsF(title_font)
            flags = self._flags(row, metrics, title_box.width())
            self._draw(painter, title_box, row.title, title_font, TEXT, flags)
            counts = QRectF(area.right() - count_w, y, count_w, height)
            line = QFontMetricsF(count_font).lineSpacing()
            votes = trn("%n vote", "%n votes", row.votes)
            notes = trn("%n note", "%n notes", row.notes)
            self._draw(painter, counts, votes, count_font, TEXT, RIGHT)
            below = counts.adjusted(0, line, 0, 0)
            self._draw(painter, below, notes, count_font, MUTED, RIGHT)
            y += height
        self.hidden_count = len(self.rows) - fitting
        if self.hidden_count:
            more = trn(
                "… and %n more theme with fewer votes",
                "… and %n more themes with fewer votes",
                self.hidden_count,
            )
            self._draw(painter, QRectF(area.x(), y, area.width(), area.bottom() - y), more,
                       self._font(size * 0.8), MUTED, WRAP)  # fmt: skip
