"""Countdown digits sized and placed by their ink, so they fill a box and never leave it.

Used by the Run page's countdown and the presenter display. The size is worked out for the
digits' *format* ("d:dd", "dd:dd", "+h:mm:ss" ...) with the widest digit of the font in every
place, and the baseline from the ink of every glyph a countdown can show: so the digits keep
one size and one place while they count down, and change only when the format does (at 10:00,
1:40:00 or going into overtime). Drawn from the baseline, not into a rectangle, so Qt never
clips them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFont, QFontMetricsF, QPainter

DIGITS = "0123456789"
GLYPHS = DIGITS + "+:"  # every glyph a countdown shows (see run_text.format_remaining)
INSET = 2.0  # pixels kept clear inside the box, for antialiasing


@dataclass(frozen=True)
class DigitsLayout:
    """Where ``text`` goes: its font, the baseline origin, and the box of its ink."""

    font: QFont
    origin: QPointF
    ink: QRectF


def digits_pattern(text: str) -> str:
    """The format of ``text``: each digit replaced by "0" ("9:59" and "0:42" -> "0:00")."""
    return "".join("0" if c.isdigit() else c for c in text)


def layout_digits(base: QFont, text: str, box: QRectF) -> DigitsLayout:
    """The largest bold ``base`` whose digits in ``text``'s format fit inside ``box``, centred
    on the ink that format may take (not on the line box, which has room for accents)."""
    font, ink_box = _fitted(base.toString(), digits_pattern(text) or "0:00",
                            round(box.width()), round(box.height()))  # fmt: skip
    origin = box.center() - ink_box.center()
    ink = QFontMetricsF(font).tightBoundingRect(text).translated(origin)
    return DigitsLayout(font, origin, ink)


def draw_digits(painter: QPainter, layout: DigitsLayout, text: str) -> None:
    """Draw ``text`` as laid out (the painter's pen is the colour)."""
    painter.setFont(layout.font)
    painter.drawText(layout.origin, text)


def _ink_box(metrics: QFontMetricsF, pattern: str) -> QRectF:
    """Where the ink of any text of ``pattern`` may go, from the baseline origin: across, the
    widest digit in every place (bearings and advance included); up and down, every glyph."""
    glyphs = metrics.tightBoundingRect(GLYPHS)
    left, right = 0.0, 0.0
    for digit in DIGITS:
        sample = pattern.replace("0", digit)
        ink = metrics.tightBoundingRect(sample)
        left = min(left, ink.left())
        right = max(right, ink.right(), metrics.horizontalAdvance(sample))
    return QRectF(left, glyphs.top(), right - left, glyphs.height())


@lru_cache(maxsize=64)
def _fitted(base: str, pattern: str, width: int, height: int) -> tuple[QFont, QRectF]:
    font = QFont()
    font.fromString(base)
    font.setBold(True)
    font.setFeature(QFont.Tag("tnum"), 1)  # tabular figures: "1" as wide as "8"
    room_w, room_h = max(1.0, width - 2 * INSET), max(1.0, height - 2 * INSET)
    font.setPixelSize(100)
    ink = _ink_box(QFontMetricsF(font), pattern)
    size = max(8, int(100 * min(room_w / max(ink.width(), 1.0), room_h / max(ink.height(), 1.0))))
    while True:  # hinting does not scale exactly: check at the size itself
        font.setPixelSize(size)
        ink = _ink_box(QFontMetricsF(font), pattern)
        if size <= 8 or (ink.width() <= room_w and ink.height() <= room_h):
            return font, ink
        size -= 1
