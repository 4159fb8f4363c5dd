"""The bundled DejaVu Sans family for the PDF, and user text made safe for reportlab Paragraphs.

Import this module only when making a PDF: it imports reportlab at top level.

``markup(text, face)`` is the one door user text goes through on its way into a Paragraph: it is
XML-escaped (so ``<b>x</b> & <img .../>`` prints as typed), line breaks become ``<br/>``, and
every character is checked against the face's character map. A character the face lacks but the
regular face has (Arabic in the oblique face, say) is set in the regular face; a character no
bundled face has is printed as a visible replacement mark (U+FFFD), never dropped silently.

Right-to-left text (Hebrew, Arabic) is printed in logical order, one glyph per character, without
bidi reordering or Arabic joining: reportlab needs extra native packages for that, so the PDF keeps
the characters and their order as typed (searchable and copyable) and the HTML twin, which the
browser shapes, is the faithful rendering.
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

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"
FACES = (REGULAR, BOLD, ITALIC, BOLD_ITALIC)
REPLACEMENT = "\ufffd"

_LINE_BREAKS = re.compile(r"\r\n|[\r\n\u2028\u2029\x85\x0b\x0c]")
# Tabs print as a space; other control characters are replaced like any missing glyph.
_SPACES = str.maketrans({"\t": " "})


@cache
def register() -> str:
    """Register the four faces (once) and their family mapping; returns the regular face name."""
    for name in FACES:
        data = paths.resource("fonts", f"{name}.ttf").read_bytes()
        pdfmetrics.registerFont(TTFont(name, io.BytesIO(data)))
    pdfmetrics.registerFontFamily(
        REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
    )
    for bold, italic, face in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, ITALIC), (1, 1, BOLD_ITALIC)):
        addMapping(REGULAR, bold, italic, face)
    return REGULAR


@cache
def coverage(face: str) -> frozenset[str]:
    """The characters ``face`` has a glyph for (from the font's cmap)."""
    register()
    font = pdfmetrics.getFont(face)
    return frozenset(chr(code) for code in font.face.charToGlyph if code >= 0x20) | {"\n"}


def printable(text: str, face: str = REGULAR) -> tuple[str, int]:
    """``text`` as the PDF will show it (plain text, no markup), and how many characters were
    replaced because no bundled face has them."""
    text = _LINE_BREAKS.sub("\n", text).translate(_SPACES)
    have = coverage(face) | coverage(REGULAR)
    if set(text) <= have:
        return text, 0
    missing = sum(1 for ch in text if ch not in have)
    return "".join(ch if ch in have else REPLACEMENT for ch in text), missing


def markup(text: str, face: str = REGULAR) -> str:
    """User text as Paragraph markup that prints exactly as typed, in ``face`` where it can."""
    text = _LINE_BREAKS.sub("\n", text).translate(_SPACES)
    own = coverage(face)
    chars = set(text)
    if chars <= own:  # the fast path: nearly every note
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
