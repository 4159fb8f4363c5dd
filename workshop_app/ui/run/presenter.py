"""PresenterWindow: the full-screen display for the projector, mirroring the Run page live.

White and bright colours on black, drawn to the screen's size: the event title and the clock
along the top, the current item, the breakout question in large type, the countdown filling
over 40% of the screen height with a progress bar, the phase in words and shape, and what
comes next. Esc or F5 closes it; the run's own keys (Space, N, P ...) keep working in it.

Signals:
    closed(): the window was closed.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRectF, Qt, QVariantAnimation, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QScreen,
)
from PySide6.QtWidgets import QWidget

from workshop_app.domain import local_time
from workshop_app.domain.run import Reading, RunStatus
from workshop_app.domain.run_text import format_remaining
from workshop_app.ui.common.i18n import tr
from workshop_app.ui.common.keymap import install
from workshop_app.ui.common.motion import notifier, reduced_motion
from workshop_app.ui.run.attendee_qr import AttendeePanel
from workshop_app.ui.run.controller import RunController
from workshop_app.ui.run.details import next_text
from workshop_app.ui.run.digits import draw_digits, layout_digits
from workshop_app.ui.run.style import (
    BACKGROUND,
    MUTED,
    STEADY_PHASES,
    TEXT,
    draw_shape,
    draw_steady_border,
    phase_color,
    phase_word,
)

DIGITS_SHARE = 0.44  # of the screen height, for the digits' ink
PANEL_SHARE = 0.27  # of the screen width, for the attendee page's QR code (when on)


class PresenterWindow(QWidget):
    """A frameless full-screen window showing ``controller``'s countdown."""

    closed = Signal()

    def __init__(
        self, controller: RunController, actions: Iterable[QAction], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.controller = controller
        self.setWindowTitle(tr("Workshop — presenter display"))
        self.setAccessibleName(tr("Presenter display"))
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)  # closing the app ends it
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # so the run's keys work in it
        self.addActions(list(actions))
        # F5 is the page's, added above
        leave = install(QAction(tr("Close the presenter display"), self), "run.leave")
        leave.triggered.connect(self.close)
        self.addAction(leave)
        self.reading: Reading = controller.reading
        self.shown_text = ""
        self.digits_area = QRectF()  # the box the digits must stay inside
        self.digits_ink = QRectF()
        self.attendee: AttendeePanel | None = None
        self._flash = 0.0
        self._flash_phase: str = RunStatus.OVERTIME
        self._animation = QVariantAnimation(self)
        self._animation.setStartValue(1.0)
        self._animation.setEndValue(0.0)
        self._animation.setDuration(900)
        self._animation.valueChanged.connect(self._on_animation_value_changed)
        controller.ticked.connect(self._on_controller_ticked)
        controller.agenda_changed.connect(self.update)  # titles and questions may have changed
        notifier().changed.connect(self._on_motion_changed)

    def show_on(self, screen: QScreen) -> None:
        """Cover ``screen`` entirely."""
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        self.showFullScreen()
        self.setFocus()  # taken when the window is activated (clicked), not before

    def flash(self, phase: str, pulses: int) -> None:
        """Pulse the screen in the phase's colour; with motion reduced, the steady border that
        ``paintEvent`` draws for the phase says it instead."""
        self._flash_phase = phase
        self._animation.stop()
        if reduced_motion():
            self._on_motion_changed(True)
            return
        self._animation.setLoopCount(pulses)
        self._animation.start()

    def set_attendee_url(self, url: str | None) -> None:
        """Show the attendee page's QR code and address beside the countdown (None hides it)."""
        self.attendee = AttendeePanel(url) if url else None
        self.setAccessibleDescription(tr("Attendee page: {url}").format(url=url) if url else "")
        self.update()

    @property
    def flashing(self) -> bool:
        return self._animation.state() == QVariantAnimation.State.Running

    @property
    def steady(self) -> bool:
        """Whether the steady border shows (motion reduced, nearly time or time's up)."""
        return self.reading.phase in STEADY_PHASES and reduced_motion()

    def _on_motion_changed(self, reduce: bool) -> None:
        if reduce:
            self._animation.stop()
            self._flash = 0.0
        self.update()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.controller.ticked.disconnect(self._on_controller_ticked)
        self.controller.agenda_changed.disconnect(self.update)
        notifier().changed.disconnect(self._on_motion_changed)
        super().closeEvent(event)
        self.closed.emit()

    def _on_controller_ticked(self, reading: Reading) -> None:
        previous, self.reading = self.reading, reading
        if self._looks(previous) != self._looks(reading):  # repaint only what would change
            self.update()

    def _looks(self, reading: Reading) -> tuple[object, ...]:
        bar = int(reading.progress * self.width() * 0.92)
        clock = local_time.clock(reading.at.utc, self.controller.details.timezone)
        text = format_remaining(reading.remaining)
        return (text, reading.phase, reading.item, reading.next_item, reading.finished, bar, clock)

    def _on_animation_value_changed(self, value: float) -> None:
        self._flash = float(value)
        self.update()

    # -- drawing -------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.fillRect(self.rect(), BACKGROUND)
        reading = self.reading
        phase = reading.phase
        color = phase_color(phase, dark=True)
        if self._flash > 0:
            tint = QColor(phase_color(self._flash_phase, dark=True))
            tint.setAlphaF(0.35 * self._flash)
            painter.fillRect(self.rect(), tint)
        w, h = float(self.width()), float(self.height())
        steady = self.steady
        if steady:
            draw_steady_border(painter, QRectF(self.rect()), phase, color, 0.02 * h)
        margin = 0.04 * w
        column = QRectF(margin, 0, w - 2 * margin, h)

        def band(top: float, bottom: float) -> QRectF:
            return QRectF(column.x(), top * h, column.width(), (bottom - top) * h)

        top_band = band(0.03, 0.09)
        clock = local_time.clock(reading.at.utc, self.controller.details.timezone)
        clock_width = self._text(painter, top_band, clock, 0.034 * h, MUTED, right=True)
        event_title = self.controller.details.title.strip()
        title_band = top_band.adjusted(0, 0, -(clock_width + margin), 0)
        self._text(painter, title_band, event_title, 0.034 * h, MUTED, left=True)
        item = reading.item
        title = item.title if item is not None else phase_word(phase, finished=reading.finished)
        self._text(painter, band(0.10, 0.18), title, 0.056 * h, TEXT, bold=True, left=True)
        questions = self.controller.questions(item)
        top = 0.20
        if questions:
            text = "\n".join(q.text for q in questions)
            area = band(0.19, 0.37)
            used = self._fit(painter, area, text, 0.062 * h, TEXT)
            prompt = " ".join(" ".join(q.prompt.split()) for q in questions if q.prompt.strip())
            rest = area.adjusted(0, used + 0.012 * h, 0, 0)
            if prompt and rest.height() >= 0.045 * h:  # the prompt, if there is room for it
                self._fit(painter, rest, prompt, 0.034 * h, MUTED, shrink=False)
            top = 0.38
        if self.attendee is not None:  # a column on the right, beside the countdown
            panel_width = min(PANEL_SHARE * w, 0.5 * h)
            box = QRectF(column.right() - panel_width, top * h, panel_width, (0.975 - top) * h)
            self.attendee.draw(painter, box, self.font())
            column.setRight(box.left() - margin)
        self.shown_text = format_remaining(reading.remaining) if item is not None else ""
        if self.shown_text:
            digits = band(top, top + DIGITS_SHARE)
            layout = layout_digits(self.font(), self.shown_text, digits)
            painter.setPen(TEXT if phase not in (RunStatus.OVERTIME, RunStatus.WARNING) else color)
            draw_digits(painter, layout, self.shown_text)
            self.digits_area, self.digits_ink = digits, layout.ink
            bar = band(top + DIGITS_SHARE + 0.02, top + DIGITS_SHARE + 0.035)
            painter.fillRect(bar, QColor(255, 255, 255, 40))
            filled = QRectF(bar)
            over = phase == RunStatus.OVERTIME
            filled.setWidth(bar.width() * (1.0 if over else reading.progress))
            painter.fillRect(filled, color)
        state = band(0.86, 0.92)
        size = state.height() * 0.8
        draw_shape(painter, QRectF(state.x(), state.y() + state.height() * 0.1, size, size),
                   phase, color)  # fmt: skip
        word = phase_word(phase, finished=reading.finished)
        if steady:  # the word and its shape on a band of the border's colour, in black
            font = QFont(self.font())
            font.setPixelSize(max(8, int(0.04 * h)))
            font.setBold(True)
            label = QRectF(state.x() - size * 0.3, state.y() - state.height() * 0.1,
                           size * 2 + QFontMetricsF(font).horizontalAdvance(word),
                           state.height() * 1.2)  # fmt: skip
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawRoundedRect(label, size * 0.2, size * 0.2)
            color = BACKGROUND
            draw_shape(painter, QRectF(state.x(), state.y() + state.height() * 0.1, size, size),
                       phase, color)  # fmt: skip
        self._text(painter, state.adjusted(size * 1.4, 0, 0, 0), word, 0.04 * h, color,
                   bold=True, left=True)  # fmt: skip
        nxt = reading.next_item
        if nxt is not None:
            line = next_text(nxt)
            self._text(painter, band(0.93, 0.98), line, 0.04 * h, MUTED, left=True)
        painter.end()

    def _text(
        self,
        painter: QPainter,
        rect: QRectF,
        text: str,
        pixels: float,
        color: QColor,
        *,
        bold: bool = False,
        left: bool = False,
        right: bool = False,
    ) -> float:
        """One line of text, elided to fit ``rect``; returns the width drawn."""
        font = QFont(self.font())
        font.setPixelSize(max(8, int(pixels)))
        font.setBold(bold)
        painter.setFont(font)
        painter.setPen(color)
        horizontal = (
            Qt.AlignmentFlag.AlignLeft
            if left
            else Qt.AlignmentFlag.AlignRight
            if right
            else Qt.AlignmentFlag.AlignHCenter
        )
        metrics = QFontMetricsF(font)
        elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, horizontal | Qt.AlignmentFlag.AlignVCenter, elided)
        return metrics.horizontalAdvance(elided)

    def _fit(
        self,
        painter: QPainter,
        rect: QRectF,
        text: str,
        pixels: float,
        color: QColor,
        *,
        shrink: bool = True,
    ) -> float:
        """Wrapped text from the top of ``rect``, shrunk until it fits (never below a third of
        ``pixels``; without ``shrink``, cut off at the bottom). Returns the height used."""
        font = QFont(self.font())
        flags = int(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        )
        size = pixels
        while True:
            font.setPixelSize(max(8, int(size)))
            bound = QFontMetricsF(font).boundingRect(rect, flags, text)
            if not shrink or bound.height() <= rect.height() or size <= pixels / 3:
                break
            size *= 0.92
        painter.save()
        painter.setClipRect(rect)
        painter.setFont(font)
        painter.setPen(color)
        painter.drawText(rect, flags, text)
        painter.restore()
        return min(bound.height(), rect.height())
