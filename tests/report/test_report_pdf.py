"""The PDF: every note printed exactly as typed, markup inert, empty parts, metadata, outline."""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import replace

import pytest
from pypdf import PdfReader
from report_events import HOSTILE_TEXTS, MARKUP, PEOPLE, body_text, hostile_bundle, pdf_text, squash

from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.records import MAX_TEXT, Event, Group, Note, Question
from workshop_app.report import fonts
from workshop_app.report.content import build_content
from workshop_app.report.model import ReportOptions
from workshop_app.report.pdf import ReportCancelled, render_pdf
from workshop_app.storage.templates import demo_bundle


def render(bundle: EventBundle, **options: object) -> bytes:
    return render_pdf(build_content(bundle, ReportOptions(**options)))  # type: ignore[arg-type]


def printed(text: str) -> str:
    """What a note looks like in the extracted text. Three documented normalisations: whitespace
    removed (see ``squash``); characters no bundled face has become U+FFFD (``printable``);
    NFKC, because Arabic letters are printed as their joined presentation forms."""
    return squash(unicodedata.normalize("NFKC", fonts.printable(text)[0]))


@pytest.fixture(scope="module")
def hostile_pdf() -> bytes:
    return render(hostile_bundle())


def test_every_hostile_note_is_in_the_pdf_as_typed(hostile_pdf: bytes) -> None:
    extracted = squash(unicodedata.normalize("NFKC", body_text(hostile_pdf)))
    missing = [text[:60] for text in HOSTILE_TEXTS if printed(text) not in extracted]
    assert missing == []


def test_scripts_the_font_has_are_printed_not_replaced() -> None:
    for text in HOSTILE_TEXTS:
        if any(script in text for script in ("שלום", "مرحبا", "Ελληνικά", "<b>x</b>")):
            assert fonts.printable(text) == (text, 0)


def test_markup_prints_literally_and_does_not_act(hostile_pdf: bytes) -> None:
    text = pdf_text(hostile_pdf)
    assert MARKUP in " ".join(text.split())
    reader = PdfReader(io.BytesIO(hostile_pdf))
    sizes = set()
    for page in reader.pages:
        page.extract_text(visitor_text=lambda t, cm, tm, font, size: sizes.add(round(size)))
    assert max(sizes) < 40  # <font size=40> did not take effect


def test_missing_glyphs_show_a_visible_mark(hostile_pdf: bytes) -> None:
    note = next(t for t in HOSTILE_TEXTS if "漢字" in t)
    shown, missing = fonts.printable(note)
    assert missing >= 2 and fonts.REPLACEMENT in shown
    assert "too" in shown and "Great idea" in shown
    assert fonts.REPLACEMENT in pdf_text(hostile_pdf)


def test_italic_face_falls_back_to_regular_for_arabic() -> None:
    marked = fonts.markup("قال مرحبا", fonts.ITALIC)
    assert f'<font name="{fonts.REGULAR}">' in marked
    assert fonts.REPLACEMENT not in marked


def test_metadata_outline_and_page_numbers() -> None:
    data = render(demo_bundle())
    reader = PdfReader(io.BytesIO(data))
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "Digital transformation in healthcare: what we can learn from the past"
    assert meta.author == "NHS AI Lab"
    assert meta.subject and "Event summary" in meta.subject
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles[:3] == ["About the event", "Key quotes", "At a glance"]
    assert "1. What’s our vision and how do we get there?" in titles
    assert "Appendix: every note" in titles
    pages = len(reader.pages)
    footers = re.findall(r"Page (\d+) of\s+(\d+)", pdf_text(data))
    assert footers == [(str(n), str(pages)) for n in range(2, pages + 1)]  # cover: none


def test_letter_paper_and_options_leave_parts_out() -> None:
    data = render(demo_bundle(), paper="letter", appendix=False, charts=False)
    reader = PdfReader(io.BytesIO(data))
    assert [round(float(v)) for v in reader.pages[0].mediabox[2:]] == [612, 792]
    text = pdf_text(data)
    assert "Appendix" not in text and "At a glance" not in text
    assert "Needs-based approach" in text


def test_anonymous_pdf_names_nobody() -> None:
    bundle = hostile_bundle()
    demo = demo_bundle()
    for data in (render(bundle, anonymous=True), render(demo, anonymous=True)):
        text = pdf_text(data)
        for name in PEOPLE.values():
            assert name not in text
        for note in demo.notes:
            if note.attribution:
                assert not re.search(rf"\b{re.escape(note.attribution)}\b", text)
        for group in demo.groups:
            assert f"Facilitator: {group.facilitator}" not in text
            assert f"Note-taker: {group.note_taker}" not in text
        assert "anonymous" in text


@pytest.mark.parametrize(
    "bundle",
    [
        EventBundle(event=Event()),
        EventBundle(event=Event(title="No notes"), questions=(Question(text="Why?"),)),
        EventBundle(
            event=Event(title="Notes, no themes, no tables"),
            questions=(Question(text="Why?"),),
            notes=(Note(text="Because"), Note(text="A loose quote", kind="quote")),
        ),
    ],
    ids=["empty", "questions-only", "notes-without-themes"],
)
def test_sparse_events_render_and_say_what_is_missing(bundle: EventBundle) -> None:
    data = render(bundle)
    text = pdf_text(data)
    assert "About the event" in text
    if not bundle.questions:
        assert "No questions were set for this event." in text
    elif not bundle.notes:
        assert "No notes were captured for this question." in text
        assert "No notes were captured for this event." in text
    reader = PdfReader(io.BytesIO(data))
    for page in reader.pages[1:]:  # no blank pages
        assert (page.extract_text() or "").strip()


def test_a_note_of_the_longest_allowed_length_splits_across_pages() -> None:
    huge = ("longword" * 40 + " ") * (MAX_TEXT // 321)
    table = Group(name="T")
    question = Question(text="Q")
    bundle = EventBundle(
        event=Event(title="Huge"),
        questions=(question,),
        groups=(table,),
        notes=(
            Note(text=huge, question_id=question.id, group_id=table.id),
            Note(text=huge.replace("longword", "שלוםעולם"), question_id=question.id),
        ),
    )
    data = render(bundle)
    assert squash(huge) in squash(body_text(data))


def test_progress_is_reported_and_cancel_stops_the_export() -> None:
    seen: list[float] = []
    render_pdf(build_content(demo_bundle()), seen.append)
    assert seen[-1] == 1.0 and seen == sorted(seen)

    def cancel(fraction: float) -> None:
        if fraction > 0.3:
            raise ReportCancelled()

    with pytest.raises(ReportCancelled):
        render_pdf(build_content(demo_bundle()), cancel)


def test_logo_is_drawn_on_the_cover(tmp_path) -> None:
    from PIL import Image

    from workshop_app.report.render import load_logo

    path = tmp_path / "logo.png"
    Image.new("RGB", (300, 100), "navy").save(path)
    data = render(demo_bundle(), logo=load_logo(path))
    cover = PdfReader(io.BytesIO(data)).pages[0]
    assert len(cover.images) == 1


def test_theme_titles_with_rtl_and_empty_fields(hostile_pdf: bytes) -> None:
    text = pdf_text(hostile_pdf)
    assert "Untitled question" in text and "Untitled theme" in text
    assert "Theme <u>one</u> & co" in text
    assert replace(hostile_bundle().event).organiser in text


def test_appendix_header_repeats_at_the_top_of_each_page_only() -> None:
    """One question's 400 notes fill several pages; the column header starts each of them and
    is not printed again mid-page, and every note is there in order."""
    table = Group(name="T")
    question = Question(text="Q")
    texts = [f"appendix note number {i} " + "word " * (i % 40) for i in range(400)]
    bundle = EventBundle(
        event=Event(title="Many"),
        questions=(question,),
        groups=(table,),
        notes=tuple(
            Note(text=t, question_id=question.id, group_id=table.id, kind="idea") for t in texts
        ),
    )
    reader = PdfReader(io.BytesIO(render(bundle)))
    pages = [page.extract_text() or "" for page in reader.pages]
    first = next(i for i, text in enumerate(pages) if "Appendix: every note" in text)
    appendix = pages[first:]
    assert len(appendix) > 3
    for text in appendix:
        assert len(re.findall(r"Table\s*Kind\s*Role\s*Note", text)) == 1
    numbers = [int(n) for n in re.findall(r"appendix note number (\d+)", "\n".join(appendix))]
    assert numbers == list(range(400))
