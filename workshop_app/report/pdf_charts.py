"""The PDF's charts drawn in a second process while the story is laid out (import lazily).

A first report of an event must draw its charts with matplotlib: about a second and a half,
mostly importing it. ``ChartPool`` looks every chart up in the cache first (a report made again
starts no process and never loads matplotlib); the charts it lacks go to one worker process
(spawned, not forked: safe beside Qt and threads) started before the story is built, so they are
drawn on another core while reportlab lays out the pages. The PDF places a chart as a form
XObject (``LazyChart``) whose picture is only needed when the file is saved, after the last
page, so nothing waits for the worker mid-layout. Anything going wrong with the worker (it cannot
start, it dies, an answer cannot be read) means the chart is drawn here instead, as before.
The pool is always shut down with the report: a finished report waits for its worker to exit, a
failed or cancelled one returns at once and the worker exits as soon as its chart is drawn.
"""

from __future__ import annotations

import io
import multiprocessing
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from workshop_app import i18n
from workshop_app.report import chart_cache, charts
from workshop_app.report.model import Chart


def _start_pool() -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))


class ChartPool:
    """The report's charts as PNGs: from the cache, else from a worker process, else drawn here.

    ``parallel=False`` never starts a process (charts missing from the cache are drawn in this
    process when first asked for)."""

    def __init__(self, wanted: Sequence[Chart], dpi: int = 200, parallel: bool = True) -> None:
        self.charts = tuple(wanted)
        #: The report's language: the charts are drawn (and looked up) in it, whichever
        #: thread asks for a picture later.
        self.language = i18n.language()
        self.dpi = dpi
        self._drawn: dict[int, charts.RenderedChart] = {}
        self._futures: dict[int, Future[charts.RenderedChart]] = {}
        self._pool: ProcessPoolExecutor | None = None
        missing = []
        for index, chart in enumerate(self.charts):
            found = chart_cache.lookup(chart, dpi)
            if found is None:
                missing.append(index)
            else:
                self._drawn[index] = found
        # A frozen app (PyInstaller) would start itself again as the worker: draw here there.
        if not (missing and parallel) or getattr(sys, "frozen", False):
            return
        try:
            self._pool = _start_pool()
            for index in missing:
                chart = self.charts[index]
                # the worker is another process: the report's language goes with the chart
                self._futures[index] = self._pool.submit(
                    charts.render, chart, "png", dpi, i18n.language()
                )
        except Exception:  # no worker: the charts are drawn here when needed
            self.close()

    def png(self, index: int) -> bytes:
        """Chart ``index`` as PNG bytes, waiting for the worker if it is still drawing it."""
        if index not in self._drawn:
            with i18n.using(self.language):
                self._draw(index)
        return self._drawn[index].data

    def _draw(self, index: int) -> None:
        chart, drawn = self.charts[index], None
        future = self._futures.pop(index, None)
        if future is not None:
            try:
                drawn = future.result()
            except Exception:  # the worker failed: draw it here instead
                drawn = None
        if drawn is None:
            drawn = charts.render(chart, "png", self.dpi)
        chart_cache.store(chart, drawn, self.dpi)
        self._drawn[index] = drawn

    def close(self, wait: bool = True) -> None:
        """Stop the worker (charts not yet asked for are dropped). ``wait``: until it has exited;
        otherwise it exits by itself once the chart it is drawing is done (a cancelled export
        returns at once)."""
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=wait, cancel_futures=True)
        self._futures.clear()

    def __enter__(self) -> ChartPool:
        return self

    def __exit__(self, kind: object, *exc: object) -> None:
        self.close(wait=kind is None)


class LazyChart(Flowable):
    """A chart of known size whose picture is painted when the PDF is saved.

    On a canvas with ``late_forms`` (the report's), it draws a form XObject defined at save
    time; on any other canvas it paints the picture at once."""

    def __init__(self, png: Callable[[], bytes], name: str, width: float, height: float) -> None:
        super().__init__()
        self.hAlign = "CENTER"  # as reportlab's Image
        self.png = png
        self.name = name
        self.drawWidth = self.width = width
        self.drawHeight = self.height = height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def paint(self, canvas: Canvas) -> None:
        image = ImageReader(io.BytesIO(self.png()))
        canvas.drawImage(image, 0, 0, self.width, self.height, mask="auto")

    def draw(self) -> None:
        late: dict[str, Callable[[Canvas], None]] | None = getattr(self.canv, "late_forms", None)
        if late is None:
            self.paint(self.canv)
            return
        late[self.name] = self.paint
        self.canv.doForm(self.name)


def chart_flowable(pool: ChartPool, index: int, frame_width: float) -> Any:
    """Chart ``index`` of ``pool`` at the column width (never wider than the frame)."""
    chart = pool.charts[index]
    width, height = charts.WIDTH_IN * 72, charts.figure_height(chart) * 72
    scale = min(1.0, frame_width / width)
    return LazyChart(lambda: pool.png(index), f"chart{index}", width * scale, height * scale)
