"""CountdownDisplay: the Run page's large countdown, a progress ring around the digits.

Digits, the phase in words and a shape, and the ring's colour all say the same thing, so no
one has to tell amber from green. ``flash`` pulses the widget for rooms where sound is off;
with motion reduced (``ui/common/motion.py``) a steady border shows nearly time and time's up.
"""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QRectF, Qt, QVariantAnimation
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from workshop_app.domain.run import Reading, RunStatus
from workshop_app.domain.run_text import format_remaining, spoken_remaining
from workshop_app.ui.common.i18n import tr
from workshop_app.ui.common.motion import notifier, reduced_motion
from workshop_app.ui.run.digits import draw_digits, layout_digits
from workshop_app.ui.run.style import (
    STEADY_PHASES,
    draw_shape,
    draw_steady_border,
    is_dark,
    phase_color,
    phase_word,
)

RING = 0.055  # ring width, share of the diameter


class CountdownDisplay(QWidget):
    """The countdown drawn large. ``shown_text`` is what the digits say now, ``digits_area``
    the box they must stay inside (tests read both)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr("Countdown"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(220, 220)
        self.reading: Reading | None = None
        self.shown_text = ""
        self.shown_word = ""
        self.digits_area = QRectF()
        self._angle = -1
        self._flash = 0.0
        self._flash_phase: str = RunStatus.OVERTIME
        self._animation = QVariantAnimation(self)
        self._animation.setStartValue(1.0)
        self._animation.setEndValue(0.0)
        self._animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._animation.valueChanged.connect(self._on_animation_value_changed)
        notifier().changed.connect(self._on_motion_changed)

    def set_reading(self, reading: Reading) -> None:
        """Show ``reading``; repaints only when something visible changed."""
        self.reading = reading
        text = format_remaining(reading.remaining) if reading.item is not None else ""
        word = phase_word(reading.phase, finished=reading.finished)
        angle = int(reading.progress * 360 * 16) if reading.phase != RunStatus.OVERTIME else -2
        if (text, word, angle) == (self.shown_text, self.shown_word, self._angle):
            return
        if word != self.shown_word or text[:-1] != self.shown_text[:-1]:
            spoken = spoken_remaining(reading.remaining) if text else ""
            # Translators: the countdown for a screen reader: "Nearly time. 1 minute left"
            said = tr("{phase}. {time_left}").format(phase=word, time_left=spoken)
            self.setAccessibleDescription(said if spoken else word)
        self.shown_text, self.shown_word, self._angle = text, word, angle
        self.update()

    def flash(self, phase: str, pulses: int) -> None:
        """Pulse the background in the phase's colour (``pulses`` times)."""
        self._flash_phase = phase
        self._animation.stop()
        if reduced_motion():  # the steady border (paintEvent) says it instead
            self._on_motion_changed(True)
            return
        self._animation.setDuration(900)
        self._animation.setLoopCount(pulses)
        self._animation.start()

    @property
    def flashing(self) -> bool:
        return self._animation.state() == QVariantAnimation.State.Running

    def _on_motion_changed(self, reduce: bool) -> None:
        if reduce:
            self._animation.stop()
            self._flash = 0.0
        self.update()

    def _on_animation_value_changed(self, value: float) -> None:
        self._flash = float(value)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        dark = is_dark(self.palette())
        reading = self.reading
        phase = reading.phase if reading is not None else RunStatus.IDLE
        color = phase_color(phase, dark=dark)
        if self._flash > 0:
            tint = QColor(phase_color(self._flash_phase, dark=dark))
            tint.setAlphaF(0.45 * self._flash)
            painter.fillRect(self.rect(), tint)
        border = 0.0  # the steady border, inside which the ring then fits
        if phase in STEADY_PHASES and reduced_motion():
            border = max(4.0, min(self.width(), self.height()) * 0.025)
            draw_steady_border(painter, QRectF(self.rect()), phase, color, border)

        side = min(self.width(), self.height()) - 8 - 3 * border
        ring = QRectF(0, 0, side, side)
        ring.moveCenter(QRectF(self.rect()).center())
        pen_width = max(4.0, side * RING)
        ring.adjust(pen_width / 2, pen_width / 2, -pen_width / 2, -pen_width / 2)
        track = QColor(self.palette().color(self.foregroundRole()))
        track.setAlphaF(0.12)
        painter.setPen(QPen(track, pen_width))
        painter.drawEllipse(ring)
        pen = QPen(color, pen_width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        if phase == RunStatus.OVERTIME:
            painter.drawEllipse(ring)
        elif self._angle > 0:
            painter.drawArc(ring, 90 * 16, -self._angle)

        inner = ring.adjusted(side * 0.14, side * 0.2, -side * 0.14, -side * 0.2)
        ink = self.palette().color(self.foregroundRole())
        text_color = color if phase == RunStatus.OVERTIME else ink
        if self.shown_text:
            digits = QRectF(inner.x(), inner.y() + inner.height() * 0.12, inner.width(),
                            inner.height() * 0.5)  # fmt: skip
            self.digits_area = digits
            painter.setPen(text_color)
            draw_digits(painter, layout_digits(self.font(), self.shown_text, digits),
                        self.shown_text)  # fmt: skip
        label = QRectF(inner.x(), inner.y() + inner.height() * 0.68, inner.width(),
                       inner.height() * 0.2)  # fmt: skip
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(max(10, int(label.height() * 0.62)))
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        shape = label.height() * 0.7
        width = shape + metrics.height() * 0.3 + metrics.horizontalAdvance(self.shown_word)
        left = label.center().x() - width / 2
        draw_shape(painter, QRectF(left, label.center().y() - shape / 2, shape, shape), phase,
                   color)  # fmt: skip
        painter.setPen(color)
        text_rect = QRectF(left + shape + metrics.height() * 0.3, label.y(), width, label.height())
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, self.shown_word)
        painter.end()
