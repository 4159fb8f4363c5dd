"""The report's own flowables (reportlab; import lazily): a ruled quote and a note block.

``NoteBlock`` is why a 10,000-note report stays close to plain reportlab speed: the note's text
is one single-style Paragraph, and its bullet (a form) and small grey source line (kind, role,
table, votes) are drawn straight on the canvas, the source line's operators made once per distinct
line, instead of making every note a mixed-style Paragraph, which reportlab lays out several
times slower. A source line too long for one line falls back to a Paragraph.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from workshop_app.report import fonts
from workshop_app.report.pdf_styles import ACCENT, MUTED

META_SIZE = 7.5
META_LEADING = 10.5
GAP = 16  # between a note's last word and its source set on the same line
_ORIGIN = "BT 1 0 0 1 0 0 Tm "  # how a fresh text object at (0, 0) begins


class RuledQuote(Flowable):
    """A paragraph with an accent rule down its left side; splits across pages like its text."""

    def __init__(self, inner: Flowable, indent: float = 14, rule: float = 2.5) -> None:
        super().__init__()
        self.inner, self.indent, self.rule = inner, indent, rule
        self.spaceBefore = inner.style.spaceBefore
        self.spaceAfter = inner.style.spaceAfter

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        _, self.height = self.inner.wrap(avail_width - self.indent, avail_height)
        self.width = avail_width
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        parts = self.inner.split(avail_width - self.indent, avail_height)
        return [RuledQuote(part, self.indent, self.rule) for part in parts]

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(ACCENT)
        canvas.rect(0, 0, self.rule, self.height, stroke=0, fill=1)
        canvas.restoreState()
        self.inner.drawOn(canvas, self.indent, 0)


def _bullet_form(canvas: Canvas, bullet: str, size: float) -> str:
    """A form XObject holding ``bullet`` (made once per document): drawing it for each of
    thousands of notes is then one operator instead of a text object."""
    name = f"bullet-{ord(bullet):x}-{size}"
    made: set[str] = canvas.__dict__.setdefault("_workshop_forms", set())
    if name not in made:
        canvas.beginForm(name)
        canvas.setFont(fonts.REGULAR, size)
        canvas.setFillColor(ACCENT)
        canvas.drawString(0, 0, bullet)
        canvas.endForm()
        made.add(name)
    return name


def _text_ops(canvas: Canvas, text: str, size: float, color: Color) -> str:
    """The PDF operators that set ``text`` in the regular face at the text origin, made once per
    document by a reportlab text object (so subsetting and escaping stay reportlab's) and then
    reused: many notes share their source line."""
    cache: dict[tuple[str, float, Color], str] = canvas.__dict__.setdefault("_workshop_ops", {})
    key = (text, size, color)
    ops = cache.get(key)
    if ops is None:
        made = canvas.beginText()
        made.setFont(fonts.REGULAR, size)
        made.setFillColor(color)
        made.textOut(text)
        code = made.getCode()
        assert code.startswith(_ORIGIN) and code.endswith(" ET"), code
        ops = cache[key] = code[len(_ORIGIN) : -3]
    return ops


def _lines(body: Flowable) -> Any:
    """The laid-out lines of a Paragraph (or of the Paragraph inside an RtlParagraph)."""
    return getattr(getattr(body, "inner", None) or body, "blPara", None)


class NoteBlock(Flowable):
    """A note: a bullet, its text (one Paragraph) and its source in small grey, following the
    text on its last line when there is room, else on a line of its own. Bullet and source are
    drawn directly (a form, a text object): no per-note Paragraph markup for them."""

    def __init__(
        self, body: Flowable, meta: str, style: ParagraphStyle, *, bullet: str, right: bool = False
    ) -> None:
        super().__init__()
        self.body, self.meta, self.style, self.bullet, self.right = body, meta, style, bullet, right
        self.spaceBefore, self.spaceAfter = style.spaceBefore, style.spaceAfter
        self.line = fonts.display_line(meta) if meta else ""
        self.meta_width = stringWidth(self.line, fonts.REGULAR, META_SIZE) if meta else 0.0
        self.meta_para: Paragraph | None = None
        self.inline = False
        self.meta_height = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        _, body_height = self.body.wrap(avail_width, avail_height)
        room = avail_width - self.style.leftIndent
        self.meta_para, self.inline, self.meta_height = None, False, 0.0
        if self.meta:
            needed = self.meta_width
            lines = _lines(self.body)
            if (
                not self.right
                and lines is not None
                and lines.kind == 0
                and lines.lines
                and lines.lines[-1][0] >= needed + GAP
            ):
                self.inline = True
            elif needed <= room:
                self.meta_height = META_LEADING
            else:
                meta_style = ParagraphStyle(
                    "meta",
                    fontName=fonts.REGULAR,
                    fontSize=META_SIZE,
                    leading=META_LEADING,
                    textColor=MUTED,
                )
                self.meta_para = Paragraph(fonts.markup(self.meta), meta_style)
                self.meta_height = self.meta_para.wrap(room, avail_height)[1]
        self.width, self.height = avail_width, body_height + self.meta_height
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        if self.wrap(avail_width, avail_height)[1] <= avail_height:
            return [self]
        parts = self.body.split(avail_width, avail_height)
        if len(parts) < 2:
            return []
        head = NoteBlock(parts[0], "", self.style, bullet=self.bullet, right=self.right)
        tail = [NoteBlock(p, "", self.style, bullet="", right=self.right) for p in parts[1:]]
        tail[-1] = NoteBlock(parts[-1], self.meta, self.style, bullet="", right=self.right)
        return [head, *tail[:-1], tail[-1]] if len(parts) > 1 else [head]

    def draw(self) -> None:
        canvas = self.canv
        if self.meta_height:
            self.body.drawOn(canvas, 0, self.meta_height)
        else:  # already at the body's origin: no extra save, translate and restore
            self.body._drawOn(canvas)
        style = self.style
        ascent = style.fontSize  # reportlab's first baseline (paraFontSizeHeightOffset)
        if self.bullet:  # the operators saveState, translate and restoreState would write
            origin = fp_str(style.bulletIndent, self.height - ascent)
            canvas.addLiteral(f"q 1 0 0 1 {origin} cm")
            canvas.doForm(_bullet_form(canvas, self.bullet, style.fontSize))
            canvas.addLiteral("Q")
        if self.meta and self.meta_para is None:
            if self.inline:
                lines = _lines(self.body)
                last = self.height - ascent - style.leading * (len(lines.lines) - 1)
                used = self.width - style.leftIndent - style.rightIndent - lines.lines[-1][0]
                x, y = style.leftIndent + used + GAP / 2, last
            elif self.right:
                x = self.width - style.rightIndent - self.meta_width
                y = self.meta_height - META_SIZE
            else:
                x, y = style.leftIndent, self.meta_height - META_SIZE
            ops = _text_ops(canvas, self.line, META_SIZE, MUTED)
            canvas.addLiteral(f"BT 1 0 0 1 {fp_str(x, y)} Tm {ops} ET")
        if self.meta_para is not None:
            self.meta_para.drawOn(canvas, style.leftIndent, 0)
