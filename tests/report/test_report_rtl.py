"""Right-to-left text for the PDF: visual order and Arabic joining."""

from __future__ import annotations

import unicodedata

from workshop_app.report.arabic import shape
from workshop_app.report.bidi import rtl_paragraph, visual


def test_hebrew_line_is_reversed_for_drawing() -> None:
    assert visual("שלום עולם") == "םלוע םולש"
    assert rtl_paragraph("שלום hello") and not rtl_paragraph("hello שלום")


def test_numbers_and_latin_keep_their_order_inside_rtl() -> None:
    assert visual("שלום 123 abc") == "abc 123 םולש"


def test_rtl_run_inside_ltr_text_is_reversed_in_place_with_mirrored_brackets() -> None:
    assert visual("said שלום (ok)") == "said םולש (ok)"
    assert visual("שלום (עולם)") == "(םלוע) םולש"
    assert visual("plain text") == "plain text"


def test_arabic_letters_join_and_normalise_back() -> None:
    word = "مرحبا بالعالم"
    shaped = shape(word)
    assert shaped != word and all(0xFE70 <= ord(c) <= 0xFEFF or c == " " for c in shaped)
    assert unicodedata.normalize("NFKC", shaped) == word
    assert shape("لا") == "\ufefb"  # lam-alef ligature
    assert shape("hello") == "hello"
