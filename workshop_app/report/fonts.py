"""The bundled DejaVu Sans family for the PDF, and user text made safe for reportlab Paragraphs.

Import this module only when making a PDF: it imports reportlab at top level.

``markup(text, face)`` is the one door user text goes through on its way into a Paragraph: it is
XML-escaped (so ``<b>x</b> & <img .../>`` prints as typed), line breaks become ``<br/>``, and
every character is checked against the face's character map. A character the face lacks but the
regular face has (Arabic in the oblique face, say) is set in the regular face; a character no
bundled face has is printed as a visible replacement mark (U+FFFD), never dropped silently.

Right-to-left text: each line is put in visual order (``bidi``) after Arabic letters are joined
(``arabic``), since a PDF draws glyphs left to right as stored; paragraphs whose direction is
right to left are broken into lines by ``pdf_rtl`` first. The HTML twin leaves all of this to the
browser.
"""

from __future__ import annotations

import io
import re
from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from workshop_app import paths
from workshop_app.report.arabic import shape
from workshop_app.report.bidi import has_rtl, visual

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"
FACES = (REGULAR, BOLD, ITALIC, BOLD_ITALIC)
REPLACEMENT = "\ufffd"

_LINE_BREAKS = re.compile(r"\r\n|[\r\n\u2028\u2029\x85\x0b\x0c]")
# Tabs print as a space; other control characters are replaced like any missing glyph.
_SPACES = str.maketrans({"\t": " "})


class _Font(TTFont):
    """A TrueType font that remembers the widths it measured. Line breaking measures every word
    of every paragraph (in reportlab's pure-Python width code when its C accelerator is not
    installed); the words of a report repeat, so most are measured once. Bounded: the memory is
    dropped when it holds ``_WIDTHS_KEPT`` strings."""

    def __init__(self, name: str, data: io.BytesIO) -> None:
        super().__init__(name, data)
        self._widths: dict[tuple[str, float], float] = {}

    def stringWidth(self, text: str, size: float, encoding: str = "utf8") -> float:
        key = (text, size)
        width = self._widths.get(key)
        if width is None:
            if len(self._widths) >= _WIDTHS_KEPT:
                self._widths.clear()
            width = self._widths[key] = super().stringWidth(text, size, encoding)
        return width


_WIDTHS_KEPT = 100_000


@cache
def register() -> str:
    """Register the four faces (once) and their family mapping; returns the regular face name."""
    for name in FACES:
        data = paths.resource("fonts", f"{name}.ttf").read_bytes()
        pdfmetrics.registerFont(_Font(name, io.BytesIO(data)))
    pdfmetrics.registerFontFamily(
        REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
    )
    for bold, italic, face in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, ITALIC), (1, 1, BOLD_ITALIC)):
        addMapping(REGULAR, bold, italic, face)
    return REGULAR


@cache
def coverage(face: str) -> frozenset[str]:
    """The characters ``face`` has a glyph for (from the font's cmap), within the Basic
    Multilingual Plane: reportlab writes a malformed ToUnicode entry for characters beyond it
    (emoji), which breaks copying and text extraction, so those print as the replacement mark."""
    register()
    font = pdfmetrics.getFont(face)
    codes = font.face.charToGlyph
    return frozenset(chr(c) for c in codes if 0x20 <= c <= 0xFFFF) | {"\n"}


@cache
def _printable_set(face: str) -> frozenset[str]:
    return coverage(face) | coverage(REGULAR)


def printable(text: str, face: str = REGULAR) -> tuple[str, int]:
    """``text`` as the PDF will show it (plain text, no markup), and how many characters were
    replaced because no bundled face has them."""
    text = _LINE_BREAKS.sub("\n", text).translate(_SPACES)
    have = _printable_set(face)
    if have.issuperset(text):
        return text, 0
    missing = sum(1 for ch in text if ch not in have)
    return "".join(ch if ch in have else REPLACEMENT for ch in text), missing


def display_line(text: str, face: str = REGULAR) -> str:
    """Plain text for drawing on the canvas directly (one line: headers, footers)."""
    line = " ".join(printable(text, face)[0].split())
    return visual(shape(line)) if has_rtl(line) else line


def plain_run(text: str, face: str = REGULAR) -> str | None:
    """``text`` ready to print as one run of ``face`` with no markup at all (one line, left to
    right, every character in the face), or None when it needs ``markup``: nearly every note
    takes this path, which lets a Paragraph skip reportlab's markup parser."""
    if "\n" in text or "\r" in text or has_rtl(text):
        return None
    text = _LINE_BREAKS.sub("\n", text).translate(_SPACES)
    if "\n" in text or not text.strip() or not coverage(face).issuperset(text):
        return None
    return text


def markup(text: str, face: str = REGULAR, *, rtl: bool | None = None) -> str:
    """User text as Paragraph markup that prints exactly as typed, in ``face`` where it can.
    Lines holding right-to-left letters are shaped and put in visual order (``rtl`` is the
    paragraph direction; by default each line's first strong letter decides)."""
    text = _LINE_BREAKS.sub("\n", text).translate(_SPACES)
    if has_rtl(text):
        text = "\n".join(visual(shape(line), rtl) for line in text.split("\n"))
    own = coverage(face)
    if own.issuperset(text):  # the fast path: nearly every note
        return escape(text).replace("\n", "<br/>")
    regular = coverage(REGULAR)
    out: list[str] = []
    run: list[str] = []
    run_face = face

    def flush() -> None:
        if run:
            piece = escape("".join(run)).replace("\n", "<br/>")
            out.append(piece if run_face == face else f'<font name="{run_face}">{piece}</font>')
            run.clear()

    for ch in text:
        if ch in own:
            want, shown = face, ch
        elif ch in regular:
            want, shown = REGULAR, ch
        else:
            want, shown = face, REPLACEMENT
        if want != run_face:
            flush()
            run_face = want
        run.append(shown)
    flush()
    return "".join(out)
