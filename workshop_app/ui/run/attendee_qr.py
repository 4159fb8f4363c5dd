"""The attendee page's QR code and address, for the presenter display and the Run page.

The QR code is made here, offline, by segno (pure Python), imported only once a URL is shown so
startup stays light. It is drawn black on white with the standard quiet zone of four modules,
each module a whole number of pixels, so a phone at the back of the room can read it.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter

from workshop_app.i18n import N_
from workshop_app.ui.common.i18n import tr

#: What the display says above the address.
INVITE = N_("Add your note from your phone")
SCAN = N_("Scan or type:")
QUIET_ZONE = 4  # modules of white around the code, as the QR standard asks


def qr_modules(url: str) -> list[list[bool]]:
    """The dark (True) and light modules of ``url``'s QR code, quiet zone included."""
    import segno  # only when a URL is shown

    code = segno.make(url, error="m", micro=False)
    size = len(code.matrix) + 2 * QUIET_ZONE
    rows = [[False] * size for _ in range(QUIET_ZONE)]
    for row in code.matrix:
        pad = [False] * QUIET_ZONE
        rows.append(pad + [bool(m) for m in row] + pad)
    rows.extend([False] * size for _ in range(QUIET_ZONE))
    return rows


def qr_image(url: str, side: int) -> QImage:
    """``url``'s QR code as a black-on-white image at most ``side`` pixels square, each module a
    whole number of pixels (at least one)."""
    modules = qr_modules(url)
    count = len(modules)
    scale = max(1, side // count)
    image = QImage(count * scale, count * scale, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    for y, row in enumerate(modules):
        for x, dark in enumerate(row):
            if dark:
                painter.fillRect(x * scale, y * scale, scale, scale, QColor("black"))
    painter.end()
    return image


def address_lines(url: str) -> list[str]:
    """``url`` cut after its host and port, where a person reading it aloud would pause:
    ``["http://192.168.1.5:8765/", "Zk3…/"]``."""
    scheme, sep, rest = url.partition("://")
    host, slash, path = rest.partition("/")
    first = f"{scheme}{sep}{host}{slash}"
    return [first, path] if path else [first]


class AttendeePanel:
    """Draws the invitation, the QR code and the address in a white box (presenter display)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._image: QImage | None = None
        self._side = 0
        self.qr_rect = QRectF()  # where the code was last drawn (tests read it)

    def image(self, side: int) -> QImage:
        if self._image is None or self._side != side:
            self._image, self._side = qr_image(self.url, side), side
        return self._image

    def draw(self, painter: QPainter, box: QRectF, base: QFont) -> None:
        """Fill ``box``: the invitation on top, the code in the middle, the address below."""
        painter.save()
        painter.fillRect(box, QColor("white"))
        pad = box.width() * 0.06
        inner = box.adjusted(pad, pad * 0.8, -pad, -pad * 0.8)
        lines = address_lines(self.url)
        heading = QFont(base)
        heading.setBold(True)
        heading.setPixelSize(max(10, int(box.width() * 0.065)))
        small = QFont(base)
        small.setPixelSize(max(9, int(box.width() * 0.05)))
        address = QFont("DejaVu Sans Mono")
        address.setStyleHint(QFont.StyleHint.Monospace)
        address.setBold(True)
        longest = max(lines, key=len)
        address.setPixelSize(max(9, int(box.width() * 0.06)))
        while (
            QFontMetricsF(address).horizontalAdvance(longest) > inner.width()
            and address.pixelSize() > 9
        ):
            address.setPixelSize(address.pixelSize() - 1)
        top_height = QFontMetricsF(heading).height() * 2.2 + QFontMetricsF(small).height()
        bottom_height = QFontMetricsF(address).lineSpacing() * len(lines)
        room = inner.height() - top_height - bottom_height
        side = int(min(inner.width(), room))
        painter.setPen(QColor("black"))
        painter.setFont(heading)
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap
        head_rect = QRectF(inner.x(), inner.y(), inner.width(), top_height)
        painter.drawText(head_rect, int(flags | Qt.AlignmentFlag.AlignTop), tr(INVITE))
        painter.setFont(small)
        painter.drawText(head_rect, int(flags | Qt.AlignmentFlag.AlignBottom), tr(SCAN))
        if side > 40:
            image = self.image(side)
            shown = image.width()
            self.qr_rect = QRectF(
                inner.center().x() - shown / 2,
                head_rect.bottom() + (room - shown) / 2,
                shown,
                shown,
            )
            painter.drawImage(self.qr_rect, image)
        painter.setFont(address)
        text_rect = QRectF(inner.x(), inner.bottom() - bottom_height, inner.width(), bottom_height)
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignHCenter), "\n".join(lines))
        painter.restore()
