"""How each phase of the countdown looks: a word, a shape and a colour (never colour alone).

Shared by the Run page's countdown and the presenter display. Colours come in a light-background
and a dark-background set, each with at least 4.5:1 contrast against its background; in high
contrast (``ui/common/contrast.py``) the light set darkens to 7:1 or more (the dark set, the
projector's, is 7:1 or more already).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPalette, QPen

from workshop_app.domain.run import RunStatus
from workshop_app.i18n import N_
from workshop_app.ui.common.contrast import high_contrast
from workshop_app.ui.common.i18n import tr

#: The projector screens (the presenter display, the Board's plenary): white on black.
BACKGROUND = QColor("#000000")
TEXT = QColor("#ffffff")
MUTED = QColor("#c9d1d9")  # 13:1 on black


@dataclass(frozen=True)
class PhaseStyle:
    word: str
    light: str  # on a light background
    dark: str  # on a dark background (and the presenter display)


PHASES: dict[str, PhaseStyle] = {
    RunStatus.IDLE: PhaseStyle(N_("Ready"), "#57606a", "#c9d1d9"),
    RunStatus.RUNNING: PhaseStyle(N_("Running"), "#1a7f37", "#56d364"),
    RunStatus.PAUSED: PhaseStyle(N_("Paused"), "#57606a", "#c9d1d9"),
    RunStatus.WARNING: PhaseStyle(N_("Nearly time"), "#9a6700", "#ffd33d"),
    RunStatus.OVERTIME: PhaseStyle(N_("Time's up"), "#c62828", "#ff7b72"),
}
#: The light set in high contrast: 7:1 or more on white.
HIGH_CONTRAST_LIGHT: dict[str, str] = {
    RunStatus.IDLE: "#24292f",
    RunStatus.RUNNING: "#0f5323",
    RunStatus.PAUSED: "#24292f",
    RunStatus.WARNING: "#6b4700",
    RunStatus.OVERTIME: "#8b1a1a",
}
FINISHED_WORD = N_("Agenda complete")
#: Phases that flash when they begin; with motion reduced they keep a steady border instead.
STEADY_PHASES = (RunStatus.WARNING, RunStatus.OVERTIME)


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def phase_color(phase: str, *, dark: bool) -> QColor:
    style = PHASES.get(phase, PHASES[RunStatus.IDLE])
    if not dark and high_contrast():
        return QColor(HIGH_CONTRAST_LIGHT.get(phase, HIGH_CONTRAST_LIGHT[RunStatus.IDLE]))
    return QColor(style.dark if dark else style.light)


def phase_word(phase: str, *, finished: bool = False) -> str:
    """The phase in a word, in the window's language ("Time's up")."""
    return tr(FINISHED_WORD if finished else PHASES.get(phase, PHASES[RunStatus.IDLE]).word)


def draw_shape(painter: QPainter, rect: QRectF, phase: str, color: QColor) -> None:
    """The phase's symbol in ``rect``: ready ■, running ▶, paused ❚❚, nearly time ⚠ (a triangle
    with an exclamation mark), time's up ⯃ (a stop sign)."""
    side = min(rect.width(), rect.height())
    box = QRectF(0, 0, side, side)
    box.moveCenter(rect.center())
    path = QPainterPath()
    x, y, s = box.x(), box.y(), side
    if phase == RunStatus.RUNNING:
        path.moveTo(x + s * 0.2, y + s * 0.1)
        path.lineTo(x + s * 0.9, y + s * 0.5)
        path.lineTo(x + s * 0.2, y + s * 0.9)
        path.closeSubpath()
    elif phase == RunStatus.PAUSED:
        path.addRect(QRectF(x + s * 0.15, y + s * 0.1, s * 0.25, s * 0.8))
        path.addRect(QRectF(x + s * 0.6, y + s * 0.1, s * 0.25, s * 0.8))
    elif phase == RunStatus.WARNING:
        path.moveTo(x + s * 0.5, y + s * 0.05)
        path.lineTo(x + s * 0.98, y + s * 0.92)
        path.lineTo(x + s * 0.02, y + s * 0.92)
        path.closeSubpath()
        mark = QPainterPath()
        mark.addRect(QRectF(x + s * 0.45, y + s * 0.33, s * 0.1, s * 0.32))
        mark.addRect(QRectF(x + s * 0.45, y + s * 0.72, s * 0.1, s * 0.1))
        path = path.subtracted(mark)
    elif phase == RunStatus.OVERTIME:
        cut = s * 0.29
        points = [
            (cut, 0), (s - cut, 0), (s, cut), (s, s - cut),
            (s - cut, s), (cut, s), (0, s - cut), (0, cut),
        ]  # fmt: skip
        path.moveTo(QPointF(x + points[0][0], y + points[0][1]))
        for px, py in points[1:]:
            path.lineTo(QPointF(x + px, y + py))
        path.closeSubpath()
        bar = QPainterPath()
        bar.addRect(QRectF(x + s * 0.2, y + s * 0.42, s * 0.6, s * 0.16))
        path = path.subtracted(bar)
    else:
        path.addRect(QRectF(x + s * 0.15, y + s * 0.15, s * 0.7, s * 0.7))
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawPath(path)
    painter.restore()


def draw_steady_border(
    painter: QPainter, rect: QRectF, phase: str, color: QColor, width: float
) -> None:
    """The flash's still replacement (motion reduced): a thick border around ``rect`` in the
    phase's colour, solid for time's up and dashed for nearly time, so its shape says which."""
    pen = QPen(
        color, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap, Qt.PenJoinStyle.MiterJoin
    )
    if phase != RunStatus.OVERTIME:
        pen.setDashPattern([3.0, 1.5])  # in widths of the pen
    painter.save()
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(rect.adjusted(width / 2, width / 2, -width / 2, -width / 2))
    painter.restore()
