"""The PDF's charts drawn in a worker process while the pages are laid out: the same pictures,
no process left behind, and drawn in this process when the worker cannot help."""

from __future__ import annotations

import io
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

import pytest
from pypdf import PdfReader

from workshop_app.report import chart_cache, charts, pdf_charts
from workshop_app.report.content import build_content
from workshop_app.report.pdf import render_pdf
from workshop_app.storage.templates import demo_bundle


def _chart_page_images(pdf: bytes) -> list[bytes]:
    pages = PdfReader(io.BytesIO(pdf)).pages
    [page] = [p for p in pages if "At a glance" in p.extract_text()]
    return [image.data for image in page.images]


def _expected() -> list[bytes]:
    """The charts' pixels as drawn in this process (PNG decoded the way pypdf shows them)."""
    from PIL import Image

    content = build_content(demo_bundle())
    return [Image.open(io.BytesIO(charts.render(c).data)).tobytes() for c in content.charts]


def _pixels(images: list[bytes]) -> list[bytes]:
    from PIL import Image

    return [Image.open(io.BytesIO(data)).convert("RGBA").tobytes() for data in images]


def test_a_first_report_draws_its_charts_in_a_worker_that_is_gone_afterwards() -> None:
    content = build_content(demo_bundle())
    started = []
    real_start = pdf_charts._start_pool

    def counting() -> ProcessPoolExecutor:
        started.append(True)
        return real_start()

    pdf_charts._start_pool = counting  # type: ignore[assignment]
    try:
        pdf = render_pdf(content)
    finally:
        pdf_charts._start_pool = real_start  # type: ignore[assignment]
    assert started == [True]
    assert multiprocessing.active_children() == []
    assert _pixels(_chart_page_images(pdf)) == _expected()
    assert len(list(chart_cache.folder().glob("*.png"))) == len(content.charts)
    again = render_pdf(content)  # from the cache: no worker
    assert started == [True]
    assert _pixels(_chart_page_images(again)) == _expected()


def _dies() -> None:
    os._exit(3)


@pytest.mark.parametrize("how", ["cannot start", "dies"])
def test_charts_are_drawn_here_when_the_worker_fails(how: str) -> None:
    def failing() -> ProcessPoolExecutor:
        if how == "cannot start":
            raise OSError("no processes left")
        context = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=_dies)

    real_start = pdf_charts._start_pool
    pdf_charts._start_pool = failing  # type: ignore[assignment]
    try:
        pdf = render_pdf(build_content(demo_bundle()))
    finally:
        pdf_charts._start_pool = real_start  # type: ignore[assignment]
    assert multiprocessing.active_children() == []
    assert _pixels(_chart_page_images(pdf)) == _expected()


def test_a_cancelled_report_returns_at_once_and_its_worker_exits() -> None:
    import time

    from workshop_app.report.pdf import ReportCancelled

    def cancel(fraction: float) -> None:
        raise ReportCancelled

    with pytest.raises(ReportCancelled):
        render_pdf(build_content(demo_bundle()), cancel)
    # Returned while the worker is still importing matplotlib (about a second), not after it.
    assert multiprocessing.active_children() != []
    deadline = time.monotonic() + 30
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert multiprocessing.active_children() == []
    assert list(chart_cache.folder().glob("*.png")) == []  # nothing half-kept


def test_a_frozen_app_draws_its_charts_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """A PyInstaller build would run the app again as the worker: no worker there."""
    import sys

    started = []
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(pdf_charts, "_start_pool", lambda: started.append(True))
    pdf = render_pdf(build_content(demo_bundle()))
    assert started == []
    assert _pixels(_chart_page_images(pdf)) == _expected()
