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
        replace(
            a, started_at="2021-06-15T09:00:00.000Z", ended_at=f"2021-06-15T09:{i + 5:02d}:00.000Z"
        )
        if i % 2
        else a
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
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _wcag(rgb: tuple[float, ...]) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _ratio(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    light, dark = sorted((_wcag(a), _wcag(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_count_labels_contrast_with_every_pattern_they_sit_on() -> None:
    """Every count printed on a bar segment reaches 4.5:1 against everything under it: the
    segment's fill and, on a hatched segment, the hatch lines; unless the label sits on an
    opaque tag of its own, which is then what it is measured against."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.colors import to_rgba
    from matplotlib.patches import Rectangle

    from workshop_app.report.model import ContributionsChart

    series = tuple((f"Table {n + 1}", tuple(5 + (n + q) % 4 for q in range(3))) for n in range(8))
    chart = ContributionsChart("Notes", ("Q1", "Q2", "Q3"), ("a", "b", "c"), series, "alt")
    fig = charts.figure(chart)
    FigureCanvasAgg(fig).draw()  # lays out the text and its tag
    ax = fig.axes[0]
    bars = [p for p in ax.patches if isinstance(p, Rectangle) and p.get_width() > 0]
    assert {b.get_hatch() or "" for b in bars} == set(charts.HATCHES)  # every pattern drawn
    checked = 0
    for label in ax.texts:
        x, y = label.get_position()
        under = [b for b in bars if b.contains_point(ax.transData.transform((x, y)))]
        if not under:
            continue  # a total, outside the bars
        (bar,) = under
        ink = to_rgba(label.get_color())
        tag = label.get_bbox_patch()
        if tag is not None and tag.get_facecolor()[3] == 1:
            backgrounds = [tag.get_facecolor()]
            # the tag covers the whole text
            box, text = tag.get_window_extent(), label.get_window_extent()
            assert box.x0 <= text.x0 and box.x1 >= text.x1
            assert box.y0 <= text.y0 and box.y1 >= text.y1
        else:
            backgrounds = [bar.get_facecolor()]
            if bar.get_hatch():
                backgrounds.append(bar.get_hatchcolor())
        for background in backgrounds:
            assert _ratio(ink, background) >= 4.5, (label.get_text(), bar.get_hatch(), background)
        checked += 1
    assert checked == 24  # every segment carries its count
