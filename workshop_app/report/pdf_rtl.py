"""Right-to-left paragraphs in the PDF (import lazily: reportlab).

reportlab breaks lines left to right over the stored text, so a Hebrew or Arabic paragraph is
broken into lines here instead: greedily over the *logical* text at the width the frame offers,
then each printed line is put in visual order (``bidi.visual``), right-aligned, and handed to an
ordinary Paragraph, which can then split across pages like any other.
"""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from workshop_app.report import fonts
from workshop_app.report.arabic import shape


def break_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """Logical lines of ``text`` that each fit ``width`` points (hard breaks kept)."""
    lines: list[str] = []
    for hard in text.split("\n"):
        current = ""
        for word in hard.split(" "):
            candidate = f"{current} {word}" if current else word
            if stringWidth(shape(candidate), font, size) <= width or not current:
                current = candidate
            else:
                lines.append(current)
                current = word
            while stringWidth(shape(current), font, size) > width and len(current) > 1:
                cut = len(current) - 1
                while cut > 1 and stringWidth(shape(current[:cut]), font, size) > width:
                    cut = max(1, int(cut * 0.8))
                lines.append(current[:cut])
                current = current[cut:]
        lines.append(current)
    return lines


class RtlParagraph(Flowable):
    """A paragraph whose direction is right to left; ``prefix``/``suffix`` are markup (already
    safe) set before the first and after the last line, e.g. opening quote marks or a credit."""

    def __init__(
        self, text: str, style: ParagraphStyle, *, bullet: str | None = None, suffix: str = ""
    ) -> None:
        super().__init__()
        self.text, self.style, self.bullet, self.suffix = text, style, bullet, suffix
        self.right = ParagraphStyle(f"{style.name}-rtl", parent=style, alignment=TA_RIGHT)
        self.spaceBefore, self.spaceAfter = style.spaceBefore, style.spaceAfter
        self.inner: Paragraph | None = None

    def _inner(self, width: float) -> Paragraph:
        style = self.style
        room = width - style.leftIndent - style.rightIndent - 1
        lines = break_lines(
            fonts.printable(self.text, style.fontName)[0], style.fontName, style.fontSize, room
        )
        body = "<br/>".join(fonts.markup(line, style.fontName, rtl=True) for line in lines)
        return Paragraph(body + self.suffix, self.right, bulletText=self.bullet)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.inner = self._inner(avail_width)
        self.width, self.height = self.inner.wrap(avail_width, avail_height)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        inner = self.inner or self._inner(avail_width)
        return inner.split(avail_width, avail_height)

    def draw(self) -> None:
        assert self.inner is not None
        self.inner.drawOn(self.canv, 0, 0)


def user_paragraph(
    text: str, style: ParagraphStyle, *, bullet: str | None = None, suffix: str = ""
) -> Flowable:
    """A Paragraph of user text, right to left when its first strong letter is."""
    from workshop_app.report.bidi import rtl_paragraph

    if rtl_paragraph(text):
        return RtlParagraph(text, style, bullet=bullet, suffix=suffix)
    plain = None if suffix else fonts.plain_run(text, style.fontName)
    if plain is not None:  # one run of one style: the parsed fragment made directly
        return Paragraph(
            plain, style, bulletText=bullet, frags=[_fragment(style).clone(text=plain)]
        )
    return Paragraph(fonts.markup(text, style.fontName) + suffix, style, bulletText=bullet)


_FRAGMENTS: WeakKeyDictionary[ParagraphStyle, Any] = WeakKeyDictionary()


def _fragment(style: ParagraphStyle) -> Any:
    """The fragment reportlab's parser makes for plain text in ``style`` (parsed once per
    style), to be cloned with each note's text."""
    made = _FRAGMENTS.get(style)
    if made is None:
        made = _FRAGMENTS[style] = Paragraph("x", style).frags[0]
    return made
