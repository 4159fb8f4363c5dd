"""What makes a large PDF report quick, checked for what it must keep: charts drawn once per
content (a bounded, self-checking cache), plain notes laid out without reportlab's markup parser
yet exactly as parsed, widths measured once, and binary (not ASCII85) streams."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from report_events import body_text
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, paraparser

from workshop_app.report import chart_cache, charts, fonts
from workshop_app.report.content import build_content
from workshop_app.report.model import ReportOptions
from workshop_app.report.pdf import render_pdf
from workshop_app.report.pdf_rtl import user_paragraph
from workshop_app.report.pdf_styles import make_styles
from workshop_app.storage.templates import demo_bundle

ROOT = Path(__file__).resolve().parents[2]


def _charts() -> list:
    return list(build_content(demo_bundle()).charts)


def _entries() -> list[Path]:
    return sorted(chart_cache.folder().glob("*.png"))


def test_a_chart_is_drawn_once_then_read_from_the_cache() -> None:
    chart = _charts()[0]
    first = chart_cache.render(chart)
    assert first.data == charts.render(chart).data
    [entry] = _entries()
    other = charts.render(_charts()[1]).data  # a different, valid picture put in its place
    entry.write_bytes(other)
    again = chart_cache.render(chart)
    assert again.data == other  # read, not drawn
    assert (again.width_in, again.height_in) == (first.width_in, first.height_in)


def test_a_damaged_entry_is_redrawn_and_replaced() -> None:
    chart = _charts()[0]
    good = chart_cache.render(chart).data
    [entry] = _entries()
    entry.write_bytes(good[: len(good) // 2])  # cut short, as by a crash mid-copy
    assert chart_cache.render(chart).data == good
    assert entry.read_bytes() == good


def test_changed_content_is_a_new_entry_never_a_stale_picture() -> None:
    chart = _charts()[0]
    renamed = replace(chart, title=chart.title + " (again)")
    assert chart_cache.key(chart, "png", 200) != chart_cache.key(renamed, "png", 200)
    assert chart_cache.key(chart, "png", 200) != chart_cache.key(chart, "png", 100)
    assert chart_cache.key(chart, "png", 200) == chart_cache.key(replace(chart), "png", 200)


def test_the_cache_keeps_only_the_most_recently_used_entries() -> None:
    png = charts.render(_charts()[1], dpi=20).data
    where = chart_cache.folder()
    where.mkdir(parents=True)
    for i in range(chart_cache.MAX_ENTRIES + 5):
        old = where / f"{i:064x}.png"
        old.write_bytes(png)
        os.utime(old, (1_000_000 + i, 1_000_000 + i))
    chart = _charts()[0]
    chart_cache.render(chart)
    names = {p.name for p in _entries()}
    assert len(names) == chart_cache.MAX_ENTRIES
    assert f"{chart_cache.key(chart, 'png', 200)}.png" in names
    assert f"{0:064x}.png" not in names  # the least recently used went first


def test_no_report_loads_matplotlib_in_its_own_process() -> None:
    """The first report's charts are drawn by a worker process (and cached by the report); the
    second finds them in the cache and starts no worker."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    code = (
        "import sys\n"
        "from workshop_app.report.content import build_content\n"
        "from workshop_app.report.pdf import render_pdf\n"
        "from workshop_app.storage.templates import demo_bundle\n"
        "render_pdf(build_content(demo_bundle()))\n"
        "print('matplotlib' in sys.modules)\n"
        "from workshop_app.report import chart_cache\n"
        "print(len(list(chart_cache.folder().glob('*.png'))))\n"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True
        )
        for _ in range(2)
    ]
    assert [r.stdout.split() for r in runs] == [["False", "2"]] * 2, [r.stderr for r in runs]


def test_plain_notes_skip_the_markup_parser_and_lay_out_exactly_as_parsed() -> None:
    styles = make_styles()
    texts = [
        "Staff need  log-ins that work on every ward, not just the one they started on",
        "A & B <b>not bold</b> > C",
        "anticonstitutionnellementverylongwordthatcannotfitinonenarrowcolumn at all",
    ]
    user_paragraph("first", styles.cell)  # the style's fragment is parsed once, here
    parsed = []
    real_parse = paraparser.ParaParser.parse

    def counting(self, text, style):  # type: ignore[no-untyped-def]
        parsed.append(text)
        return real_parse(self, text, style)

    paraparser.ParaParser.parse = counting  # type: ignore[method-assign]
    try:
        quick = [user_paragraph(t, styles.cell) for t in texts]
    finally:
        paraparser.ParaParser.parse = real_parse  # type: ignore[method-assign]
    assert parsed == []
    for text, made in zip(texts, quick, strict=True):
        reference = Paragraph(fonts.markup(text), styles.cell)
        for width in (60, 140, 400):
            assert made.wrap(width, 1e6) == reference.wrap(width, 1e6)
            words = [
                " ".join(made.getPlainText().split()),
                " ".join(reference.getPlainText().split()),
            ]
            assert words == [" ".join(text.split())] * 2


def test_the_font_remembers_widths_and_they_are_the_fonts_own() -> None:
    fonts.register()
    font = pdfmetrics.getFont(fonts.REGULAR)
    plain = TTFont("plain", str(ROOT / "resources" / "fonts" / f"{fonts.REGULAR}.ttf"))
    for word in ("patients", "wi-fi", "Ελληνικά", ""):
        assert font.stringWidth(word, 9.5) == plain.stringWidth(word, 9.5)
        assert (word, 9.5) in font._widths


def test_streams_are_binary_and_the_text_still_extracts() -> None:
    pdf = render_pdf(build_content(demo_bundle(), ReportOptions()))
    assert b"/ASCII85Decode" not in pdf
    assert b"/FlateDecode" in pdf
    assert "Appendix: every note" in body_text(pdf)
    from reportlab import rl_config

    assert rl_config.useA85 == 1  # reportlab's own setting is left as it was
