"""Draw the report's charts with matplotlib (Figure + Agg, imported lazily), as PNG or SVG bytes.

Made to survive black-and-white printing: series differ by grey level *and* hatching, and every
bar carries its number as a direct label, so nothing relies on colour. User text is shown
literally: ``$`` is escaped so matplotlib never reads a note as mathtext, and a character the
font lacks becomes a visible U+FFFD mark.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from workshop_app import i18n
from workshop_app.i18n import _, n_
from workshop_app.report.model import Chart, ContributionsChart, ThemeVotesChart, TimingChart

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

WIDTH_IN = 6.7  # the PDF's text column on A4 and Letter
INK = "#1a1a1a"
ACCENT = "#1f3a5f"
FILLS = ("#ffffff", "#d9d9d9", "#a6a6a6", "#f2f2f2", "#737373", "#ffffff", "#cccccc", "#8c8c8c")
HATCHES = ("", "////", "", "....", "", "xxxx", "\\\\\\\\", "----")
LABEL_CHARS = 46


@dataclass(frozen=True)
class RenderedChart:
    data: bytes
    mime: str  # "image/png" or "image/svg+xml"
    width_in: float
    height_in: float


@cache
def _charmap() -> frozenset[int]:
    from matplotlib import font_manager, ft2font

    font = ft2font.FT2Font(font_manager.findfont("DejaVu Sans"))
    return frozenset(font.get_charmap())


def label(text: str, limit: int | None = None) -> str:
    """User text made literal for matplotlib (one line, ``$`` escaped, unknown glyphs marked)."""
    text = " ".join(text.split())
    if limit and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    have = _charmap()
    text = "".join(ch if ord(ch) in have else "\ufffd" for ch in text)
    return text.replace("$", r"\$")


def _style(ax: Axes) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.spines["left"].set_color(INK)
    ax.spines["bottom"].set_color("#8c8c8c")
    ax.tick_params(colors=INK, labelsize=8.5, length=0)
    ax.tick_params(axis="x", length=3, colors="#595959")
    ax.xaxis.grid(True, color="#e0e0e0", linewidth=0.6)
    ax.set_axisbelow(True)


def luminance(colour: str) -> float:
    """WCAG relative luminance of a ``#rrggbb`` colour."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two ``#rrggbb`` colours (1 to 21)."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _count_label(ax: Axes, bar: Any, value: int, fill: str, hatch: str) -> None:
    """A segment's count at its centre, readable on its pattern: on a hatched segment the number
    sits on a white tag (the hatch lines never run under it); on a plain one it takes whichever
    of ink or white contrasts more with the fill (at least 4.5:1 with every fill in FILLS)."""
    colour = INK if hatch or contrast(INK, fill) >= contrast("#ffffff", fill) else "#ffffff"
    ax.text(
        bar.get_x() + bar.get_width() / 2,
        bar.get_y() + bar.get_height() / 2,
        str(value),
        ha="center",
        va="center",
        fontsize=7.5,
        color=colour,
        bbox={"boxstyle": "square,pad=0.2", "fc": "#ffffff", "ec": "none"} if hatch else None,
    )


def _contributions(fig: Figure, chart: ContributionsChart) -> None:
    ax = fig.add_subplot()
    rows = range(len(chart.questions))
    totals = [sum(values[i] for _, values in chart.series) for i in rows]
    peak = max(totals) or 1
    left = [0] * len(chart.questions)
    for n, (name, values) in enumerate(chart.series):
        fill, hatch = FILLS[n % len(FILLS)], HATCHES[n % len(HATCHES)]
        bars = ax.barh(
            list(rows),
            values,
            left=left,
            height=0.62,
            color=fill,
            hatch=hatch,
            edgecolor=INK,
            linewidth=0.7,
            label=label(name, 24),
        )
        for bar, value in zip(bars, values, strict=True):
            if value and bar.get_width() >= peak * 0.045:
                _count_label(ax, bar, value, fill, hatch)
        left = [a + b for a, b in zip(left, values, strict=True)]
    for row, total in zip(rows, totals, strict=True):
        ax.text(
            total + peak * 0.015,
            row,
            f"{total}",
            va="center",
            fontsize=9,
            fontweight="bold",
            color=INK,
        )
    ax.set_yticks(list(rows), labels=list(chart.questions))
    ax.invert_yaxis()
    ax.set_xlim(0, peak * 1.1)
    ax.set_xlabel(label(_("Notes")), fontsize=8.5, color="#595959")
    _style(ax)
    ax.legend(
        loc="lower left",
        bbox_to_anchor=(0, 1.02),
        ncol=min(4, len(chart.series)),
        frameon=False,
        fontsize=8,
        handlelength=2.2,
        handleheight=1.1,
        borderaxespad=0,
    )


def _theme_votes(fig: Figure, chart: ThemeVotesChart) -> None:
    ax = fig.add_subplot()
    rows = list(range(len(chart.bars)))
    votes = [v for _, v, _ in chart.bars]
    peak = max(votes) or 1
    ax.barh(rows, votes, height=0.6, color=ACCENT, edgecolor=INK, linewidth=0.6)
    for row, (_name, vote, notes) in zip(rows, chart.bars, strict=True):
        text = f"{n_('%n vote', '%n votes', vote)} · {n_('%n note', '%n notes', notes)}"
        ax.text(vote + peak * 0.015, row, text, va="center", fontsize=8, color=INK)
    ax.set_yticks(rows, labels=[label(name, LABEL_CHARS) for name, _, _ in chart.bars])
    ax.invert_yaxis()
    ax.set_xlim(0, peak * 1.35)
    ax.set_xlabel(label(_("Dot votes")), fontsize=8.5, color="#595959")
    _style(ax)


def _timings(fig: Figure, chart: TimingChart) -> None:
    ax = fig.add_subplot()
    rows = list(range(len(chart.rows)))
    planned = [p for _, p, _ in chart.rows]
    actual = [a or 0 for _, _, a in chart.rows]
    peak = max(planned + actual) or 1
    ax.barh(
        [r - 0.19 for r in rows],
        planned,
        height=0.36,
        color="white",
        hatch="////",
        edgecolor=INK,
        linewidth=0.7,
        label=label(_("Planned")),
    )
    ax.barh(
        [r + 0.19 for r in rows],
        actual,
        height=0.36,
        color="#4d4d4d",
        edgecolor=INK,
        linewidth=0.7,
        label=label(_("Actual")),
    )
    for row, (_title, plan, real) in zip(rows, chart.rows, strict=True):
        planned_text = label(_("{minutes} min planned").format(minutes=plan))
        ax.text(plan + peak * 0.01, row - 0.19, planned_text, va="center", fontsize=7.5)
        note = (
            _("{minutes} min actual").format(minutes=real)
            if real is not None
            else _("actual not recorded")
        )
        ax.text(
            (real or 0) + peak * 0.01,
            row + 0.19,
            label(note),
            va="center",
            fontsize=7.5,
            color=INK if real is not None else "#595959",
            style="normal" if real is not None else "italic",
        )
    ax.set_yticks(rows, labels=[label(title, LABEL_CHARS) for title, _, _ in chart.rows])
    ax.invert_yaxis()
    ax.set_xlim(0, peak * 1.45)
    ax.set_xlabel("Minutes", fontsize=8.5, color="#595959")
    _style(ax)
    ax.legend(
        loc="lower left",
        bbox_to_anchor=(0, 1.02),
        ncol=2,
        frameon=False,
        fontsize=8,
        handlelength=2.2,
        handleheight=1.1,
        borderaxespad=0,
    )


def figure_height(chart: Chart) -> float:
    """The chart's height in inches (known without matplotlib)."""
    if isinstance(chart, ContributionsChart):
        legend_rows = -(-len(chart.series) // 4)
        return 1.0 + 0.42 * len(chart.questions) + 0.22 * legend_rows
    if isinstance(chart, ThemeVotesChart):
        return 0.7 + 0.3 * len(chart.bars)
    return 1.0 + 0.5 * len(chart.rows)


_PARAMS: dict[str, Any] = {
    "font.family": "DejaVu Sans",
    "hatch.linewidth": 0.6,
    "hatch.color": INK,
    "svg.hashsalt": "workshop-app",  # reproducible SVG ids
    "text.color": INK,
}


def figure(chart: Chart) -> Figure:
    """``chart`` drawn on a matplotlib Figure (Agg) at the PDF's column width."""
    import matplotlib
    from matplotlib.figure import Figure

    with matplotlib.rc_context(_PARAMS):  # type: ignore[arg-type]
        fig = Figure(figsize=(WIDTH_IN, figure_height(chart)), layout="constrained")
        if isinstance(chart, ContributionsChart):
            _contributions(fig, chart)
        elif isinstance(chart, ThemeVotesChart):
            _theme_votes(fig, chart)
        else:
            _timings(fig, chart)
    return fig


def render(
    chart: Chart, fmt: str = "png", dpi: int = 200, language: str | None = None
) -> RenderedChart:
    """``chart`` drawn at the PDF's column width, as PNG (``dpi``) or SVG bytes, its own words
    (axes, legends) in ``language`` (None: the current one; a worker process passes it, since
    the language chosen for a report does not follow the work into another process)."""
    with i18n.using(language or i18n.language()):
        return _render(chart, fmt, dpi)


def _render(chart: Chart, fmt: str, dpi: int) -> RenderedChart:
    import matplotlib

    fig = figure(chart)
    buffer = io.BytesIO()
    with matplotlib.rc_context(_PARAMS):  # type: ignore[arg-type]
        fig.savefig(
            buffer,
            format=fmt,
            dpi=dpi,
            facecolor="white",
            metadata={"Software": None} if fmt == "png" else {"Date": None},
        )
    mime = "image/png" if fmt == "png" else "image/svg+xml"
    return RenderedChart(buffer.getvalue(), mime, WIDTH_IN, fig.get_figheight())
