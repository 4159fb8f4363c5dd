"""The HTML twin: well-formed, accessible structure, the same notes as the PDF, no live markup."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from report_events import HOSTILE_TEXTS, PEOPLE, hostile_bundle

from workshop_app.report.content import build_content
from workshop_app.report.html import render_html
from workshop_app.report.model import ReportOptions
from workshop_app.storage.templates import demo_bundle


def parse(html: str) -> ET.Element:
    """Strict XML parse (the doctype line aside): unbalanced or unescaped markup fails."""
    assert html.startswith("<!DOCTYPE html>\n")
    return ET.fromstring(html.split("\n", 1)[1])


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_hostile_html_is_well_formed_and_holds_every_note() -> None:
    html = render_html(build_content(hostile_bundle()))
    root = parse(html)
    everything = squash("".join(root.itertext()))
    for text in HOSTILE_TEXTS:
        # XML cannot hold control characters: they are shown as U+FFFD, like the PDF does.
        expected = re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f]", "\ufffd", text.replace("\r\n", "\n"))
        assert squash(expected) in everything, text[:50]
    tags = {el.tag for el in root.iter()}
    assert not tags & {"script", "img", "font", "b", "u"} - {"img"} or "script" not in tags
    assert "script" not in tags and "font" not in tags
    assert all(img.get("src", "").startswith("data:image/png;base64,") for img in root.iter("img"))


def test_structure_is_accessible() -> None:
    root = parse(render_html(build_content(demo_bundle())))
    assert root.get("lang") == "en-GB"
    assert len(list(root.iter("h1"))) == 1
    assert root.find(".//main") is not None and root.find(".//nav") is not None
    for th in root.iter("th"):
        assert th.get("scope") in ("col", "row")
    for table in root.iter("table"):
        assert table.find("caption") is not None and table.find("thead") is not None
    images = list(root.iter("img"))
    assert len(images) == 2  # contributions and themes (the demo has no timings)
    assert "Q1 “What’s our vision and how do we get there?”: 16 notes" in images[0].get("alt", "")
    assert "Needs-based approach (Q1): 31 votes, 7 notes" in images[1].get("alt", "")
    questions = [s for s in root.iter("section") if s.get("class") == "question"]
    assert [s.find("h2").text for s in questions][0] == "What’s our vision and how do we get there?"


def test_html_and_pdf_content_agree_on_notes() -> None:
    content = build_content(demo_bundle())
    text = squash("".join(parse(render_html(content)).itertext()))
    assert all(squash(t) in text for t in content.all_text())


def test_anonymous_html_names_nobody() -> None:
    html = render_html(build_content(hostile_bundle(), ReportOptions(anonymous=True)))
    for name in PEOPLE.values():
        assert name not in html


def test_rtl_text_is_marked_for_the_browser() -> None:
    root = parse(render_html(build_content(hostile_bundle())))
    rtl = [el for el in root.iter() if el.text and "שלום עולם" in el.text]
    assert rtl and all(el.get("dir") == "auto" for el in rtl)


def test_options_print_css_and_paper() -> None:
    html = render_html(
        build_content(demo_bundle(), ReportOptions(paper="letter", appendix=False, charts=False))
    )
    assert "size: letter" in html and "@media print" in html
    assert "Appendix" not in html and "<img" not in html
