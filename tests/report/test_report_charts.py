"""Charts: PNG and SVG bytes for every kind, literal labels, and matplotlib kept lazy."""

from __future__ import annotations

import io
import subprocess
import sys
from dataclasses import replace

import pytest

from workshop_app.report import charts
from workshop_app.report.content import build_content
from workshop_app.report.model import ThemeVotesChart, TimingChart
from workshop_app.storage.templates import demo_bundle


def _all_charts() -> list:
    bundle = demo_bundle()
    agenda = tuple(
        replace(a, started_at="2021-06-15T09:00:00.000Z",
                ended_at=f"2021-06-15T09:{i + 5:02d}:00.000Z")
        if i % 2 else a
        for i, a in enumerate(bundle.agenda)
    )
    return list(build_content(replace(bundle, agenda=agenda)).charts)


@pytest.mark.parametrize("index", [0, 1, 2], ids=["contributions", "themes", "timings"])
def test_each_chart_renders_a_png_of_the_stated_size(index: int) -> None:
    from PIL import Image

    chart = _all_charts()[index]
    drawn = charts.render(chart, dpi=100)
    assert drawn.data.startswith(b"\x89PNG\r\n\x1a\n")
    with Image.open(io.BytesIO(drawn.data)) as image:
        assert image.size == (round(drawn.width_in * 100), round(drawn.height_in * 100))
        assert image.mode in ("RGB", "RGBA")


def test_svg_output_is_reproducible() -> None:
    chart = _all_charts()[1]
    first, second = charts.render(chart, "svg"), charts.render(chart, "svg")
    assert first.mime == "image/svg+xml" and first.data.lstrip().startswith(b"<?xml")
    assert first.data == second.data


def test_labels_are_literal() -> None:
    assert charts.label("costs $5 and $10") == r"costs \$5 and \$10"
    assert charts.label("漢" + "a" * 60, 10) == "\ufffd" + "a" * 8 + "…"
    chart = ThemeVotesChart("t", (("$x$ ^ _ {y}", 3, 1), ("", 1, 1)), "alt")
    assert charts.render(chart).data.startswith(b"\x89PNG")
    timing = TimingChart("t", (("A", 10, None), ("B", 0, 0)), "alt")
    assert charts.render(timing).data.startswith(b"\x89PNG")


def test_importing_the_report_front_door_loads_no_heavy_modules() -> None:
    code = (
        "import sys; import workshop_app.report.render, workshop_app.report.content; "
        "heavy = [m for m in sys.modules "
        "if m.split('.')[0] in ('matplotlib', 'reportlab', 'PIL')]; "
        "print(heavy); sys.exit(1 if heavy else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
