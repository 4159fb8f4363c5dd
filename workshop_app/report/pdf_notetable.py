"""The appendix's note table as one flowable per question (reportlab; import lazily).

A reportlab ``Table`` re-wraps its cells each time it is split across pages, which made the
appendix of a 10,000-note report cost more than the rest of the report. ``NoteTable`` lays its
rows out itself: every cell is wrapped once (the column widths never change), row heights are
kept, and a split hands the remaining rows, already measured, to the next part. The column header
is drawn at the top of every part, so it repeats at the top of each page and nowhere else. A row
taller than the room left splits inside the row: its tall cells are split with
``Paragraph.split`` and the rest of the note continues on the next page.
"""

from __future__ import annotations

from typing import TypeAlias

from reportlab.lib.rl_accel import fp_str
from reportlab.platypus import Flowable

from workshop_app.report.pdf_flowables import _text_ops
from workshop_app.report.pdf_styles import ACCENT, INK, RULE, SHADE

PAD_LEFT = PAD_RIGHT = 5
PAD_TOP = 3.5
PAD_BOTTOM = 4
FONT_SIZE = 8.5  # plain-string cells (the same as the cell paragraph style)
LEADING = 11.5
#: Rows are not split when less than this is left for the note: the row goes to the next page.
MIN_SPLIT = PAD_TOP + PAD_BOTTOM + 2 * LEADING

Cell: TypeAlias = "str | Flowable"  # a plain one-line string, or a Paragraph


class _Row:
    """One measured row: its cells and, for each, its height (a string is one line)."""

    __slots__ = ("cells", "heights", "height", "parity")

    def __init__(
        self,
        cells: list[Cell],
        widths: list[float],
        parity: int,
        heights: list[float] | None = None,
    ) -> None:
        self.cells, self.parity = cells, parity
        if heights is None:
            heights = []
            for cell, width in zip(cells, widths, strict=True):
                if isinstance(cell, str):
                    heights.append(LEADING if cell else 0.0)
                else:
                    heights.append(cell.wrap(width - PAD_LEFT - PAD_RIGHT, 1e9)[1])
        self.heights = heights
        self.height = max(heights, default=0.0) + PAD_TOP + PAD_BOTTOM

    def split(self, widths: list[float], room: float) -> tuple[_Row, _Row] | None:
        """This row cut so its first part is at most ``room`` high, or None if it cannot be."""
        inner = room - PAD_TOP - PAD_BOTTOM
        first: list[Cell] = []
        rest: list[Cell] = []
        for cell, height, width in zip(self.cells, self.heights, widths, strict=True):
            if height <= inner:
                first.append(cell)
                rest.append("")
                continue
            if isinstance(cell, str):
                return None
            parts = cell.split(width - PAD_LEFT - PAD_RIGHT, inner)
            if len(parts) != 2:
                return None
            first.append(parts[0])
            rest.append(parts[1])
        if all(c == "" for c in rest):
            return None
        return (_Row(first, widths, self.parity), _Row(rest, widths, self.parity))


class NoteTable(Flowable):
    """A table of rows of cells (plain one-line strings or flowables) under a header row."""

    def __init__(
        self,
        header: list[Flowable],
        rows: list[list[Cell]],
        widths: list[float],
        *,
        continued: set[int] | None = None,
        _measured: tuple[_Row, list[_Row]] | None = None,
    ) -> None:
        """``continued`` holds the indexes of rows that go on from the row before (one long
        note in pieces): they share its shading, with no rule between."""
        super().__init__()
        self._continued = continued or set()
        self.widths = list(widths)
        self.hAlign = "LEFT"
        self.width = sum(self.widths)
        self._header, self._cells = header, rows
        self.head: _Row | None = None
        self.rows: list[_Row] = []
        if _measured is not None:
            self._place(*_measured)

    def _place(self, head: _Row, rows: list[_Row]) -> None:
        self.head, self.rows = head, rows
        self.height = head.height + sum(r.height for r in rows)

    def _measure(self) -> _Row:
        """Wrap every cell, once; done at the first layout rather than when the story is made,
        so the work falls between the export's progress reports."""
        if self.head is None:
            head = _Row(list(self._header), self.widths, 0)
            rows, parity = [], 1
            for i, cells in enumerate(self._cells):
                parity ^= i not in self._continued
                rows.append(_Row(cells, self.widths, parity))
            self._place(head, rows)
            self._header, self._cells = [], []
        assert self.head is not None
        return self.head

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._measure()
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        head = self._measure()
        room = avail_height - head.height
        used = 0.0
        count = 0
        for row in self.rows:
            if used + row.height > room:
                break
            used += row.height
            count += 1
        else:
            return [self]
        first, rest = self.rows[:count], self.rows[count:]
        left = room - used
        if left >= MIN_SPLIT:
            cut = rest[0].split(self.widths, left)
            if cut is not None:
                first = [*first, cut[0]]
                rest = [cut[1], *rest[1:]]
        if not first:
            return []
        return [
            NoteTable([], [], self.widths, _measured=(head, first)),
            NoteTable([], [], self.widths, _measured=(head, rest)),
        ]

    def draw(self) -> None:
        head = self._measure()
        canvas = self.canv
        top = self.height
        canvas.saveState()
        y = top - head.height
        canvas.setFillColor(SHADE)
        for row in self.rows:
            if row.parity:
                canvas.rect(0, y - row.height, self.width, row.height, stroke=0, fill=1)
            y -= row.height
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.3)
        y = top - head.height
        for row, after in zip(self.rows, [*self.rows[1:], None], strict=True):
            y -= row.height
            if after is None or after.parity != row.parity:
                canvas.line(0, y, self.width, y)
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(0.9)
        canvas.line(0, top - head.height, self.width, top - head.height)
        y = top
        for row in (head, *self.rows):
            x = 0.0
            for cell, height, width in zip(row.cells, row.heights, self.widths, strict=True):
                if isinstance(cell, str):
                    if cell:  # operators made once per distinct string ("Table 3", "Idea")
                        ops = _text_ops(canvas, cell, FONT_SIZE, INK)
                        origin = fp_str(x + PAD_LEFT, y - PAD_TOP - FONT_SIZE)
                        canvas.addLiteral(f"BT 1 0 0 1 {origin} Tm {ops} ET")
                else:
                    cell.drawOn(canvas, x + PAD_LEFT, y - PAD_TOP - height)
                x += width
            y -= row.height
        canvas.restoreState()
