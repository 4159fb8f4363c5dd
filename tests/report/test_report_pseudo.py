"""The report under the pseudo-locale (qps-ploc: every message bracketed, accented, 40% longer):
every word of every output is translated, and the PDF's pages still flow."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pseudo_check import data_strings, data_words, english_left
from pypdf import PdfReader
from report_outputs import outputs, texts

from workshop_app import i18n
from workshop_app.report.labels import long_date
from workshop_app.report.pdf_styles import MARGIN_X
from workshop_app.storage.templates import demo_bundle

PSEUDO = i18n.PSEUDO


@pytest.fixture(scope="module")
def made() -> dict:
    return outputs(demo_bundle(), PSEUDO)


@pytest.fixture(scope="module")
def english() -> dict:
    return outputs(demo_bundle(), "en")


def _allowed() -> set[str]:
    bundle = demo_bundle()
    allowed = data_words(data_strings(bundle))
    # the pseudo-locale formats dates as English does (its CLDR locale is "en"): the day and
    # month names are the locale's data, not the app's messages
    with i18n.using(PSEUDO):
        allowed |= data_words([long_date(bundle.event.date)])
    return allowed


@pytest.mark.parametrize("fmt", ["pdf", "html", "docx", "md", "csv"])
def test_no_english_left_outside_the_brackets(made: dict, fmt: str) -> None:
    text = texts(made)[fmt]
    assert "[" in text and "~" in text  # translated at all
    assert english_left(text, _allowed()) == []


def test_english_words_are_found_by_the_same_check(english: dict) -> None:
    """The check can fail: the English report has plenty of words that are not the event's."""
    left = english_left(texts(english)["pdf"], _allowed())
    assert {"Appendix", "Page", "Themes"} <= set(left) and len(left) > 20


def _outline(reader: PdfReader) -> list[int]:
    """The bookmarks' levels in order (0: a section, 1: a theme or an appendix part)."""
    levels: list[int] = []

    def walk(items: list, level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                levels.append(level)

    walk(reader.outline, 0)
    return levels


def test_the_pages_still_flow(made: dict, english: dict) -> None:
    pseudo, plain = PdfReader(io.BytesIO(made["pdf"])), PdfReader(io.BytesIO(english["pdf"]))
    # the same sections in the same order (every heading is a bookmark)
    assert _outline(pseudo) == _outline(plain) and len(_outline(plain)) > 10
    # 40% longer words: a few more pages, not a layout gone wrong
    assert len(plain.pages) <= len(pseudo.pages) <= 1.6 * len(plain.pages)
    assert pseudo.metadata is not None and pseudo.metadata.title == demo_bundle().event.title


def test_no_flowable_is_wider_than_the_page() -> None:
    """Every flowable of the pseudo-locale's story fits the text column (a longer word never
    pushes a table or a line past the margins), and the layout raised no LayoutError."""
    from workshop_app.report.content import build_content
    from workshop_app.report.pdf_story import story
    from workshop_app.report.pdf_styles import PAPERS, make_styles

    width = PAPERS["a4"][0] - 2 * MARGIN_X
    with i18n.using(PSEUDO):
        content = build_content(demo_bundle())
        flowables = story(content, make_styles(), width)
        too_wide = []
        for flowable in flowables:
            used, _height = flowable.wrap(width, 700)
            if used > width + 0.5:
                too_wide.append((type(flowable).__name__, used))
    assert len(flowables) > 100 and too_wide == []


def test_the_date_of_the_pseudo_report_is_english_cldr() -> None:
    """The pseudo-locale keeps English dates (so the check above may allow their words)."""
    with i18n.using(PSEUDO):
        assert long_date("2021-06-15") == "Tuesday 15 June 2021"
    assert date(2021, 6, 15).weekday() == 1
