"""Events for the report tests: a hostile one (markup, quotes, emoji, right-to-left, huge and
empty notes), and helpers to read a PDF's text back with pypdf.

A plain module, not conftest.py: tests/ui has a conftest.py too, and when both directories are
collected in one run only one module can be ``conftest`` in sys.modules."""

from __future__ import annotations

import io
import re

from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.records import Event, Group, Note, Question, Speaker, Theme

MARKUP = '<b>x</b> & <img src="/etc/passwd"/> <font size=40>'
LONG = " ".join(f"word{i % 97}" for i in range(700))[:5000]
HOSTILE_TEXTS = [
    MARKUP,
    "R&D costs x<y and y>z; &amp; stays &amp; and &lt;b&gt; stays too",
    "<script>alert('hi')</script> ]]> <!-- not a comment --> <br/> <para>",
    "\"double\" 'single' “curly” ‘curly’ «guillemets» „low“",
    "Great idea 😀👍🏽 and a doctor 🧑‍⚕️ – 漢字 too",
    "שלום עולם, הערה בעברית",
    "مرحبا بالعالم، ملاحظة بالعربية",
    "Mixed: the patient said مرحبا then left (ok) 123",
    "Ελληνικά, Кириллица, Ça façon, ŁÓDŹ, Ñandú, Ærøskøbing",
    "line one\nline two\r\nline three\n\n\nafter blank lines\ttabbed",
    "A bell \x07 and a form feed \x0c in the middle",
    "$5 and $10 look like maths but are not; a \\backslash and 100% {braces}",
    LONG,
    "x" * 5000,
    "",
    "   ",
]
PEOPLE = {
    "attribution": "Zebedee Quillfeather",
    "role": "Chief Widget Officer of Nowhere",
    "facilitator": "Fenella Facilitatrix",
    "note_taker": "Norbert Notetaker",
    "speaker": "Sir Keynote Speakington",
}


def hostile_bundle() -> EventBundle:
    """An event whose every user field is something a renderer could get wrong."""
    q1 = Question(text=MARKUP, prompt="Prompt with <i>tags</i> & ampersands", synthesis=LONG)
    q2 = Question(text="שאלה בעברית?", synthesis="")
    q3 = Question(text="", prompt="", synthesis="")  # untitled, no notes at all
    t1 = Group(
        name="<Table & 1>", facilitator=PEOPLE["facilitator"], note_taker=PEOPLE["note_taker"]
    )
    t2 = Group(name="", facilitator="", note_taker="")
    theme = Theme(question_id=q1.id, title="Theme <u>one</u> & co", summary="😀 summary")
    empty_theme = Theme(question_id=q1.id, title="", summary="")
    notes = []
    for i, text in enumerate(HOSTILE_TEXTS):
        notes.append(
            Note(
                question_id=(q1.id, q2.id, None)[i % 3],
                group_id=(t1.id, t2.id, None)[i % 3],
                text=text,
                kind=("idea", "quote", "concern", "action", "question")[i % 5],
                attribution=PEOPLE["attribution"] if i % 2 else "",
                role=PEOPLE["role"] if i % 3 == 1 else "",
                theme_id=theme.id if i % 4 == 0 else None,
                votes=i % 4,
                starred=i % 5 == 1,
            )
        )
    return EventBundle(
        event=Event(
            title="Hostile <event> & “friends” שלום",
            organiser="Org & <Co>",
            summary=MARKUP + "\n" + LONG,
            venue="Zürich",
            date="2026-02-30",
        ),
        speakers=(Speaker(name=PEOPLE["speaker"], role="Keynote <role>", kind="keynote"),),
        questions=(q1, q2, q3),
        groups=(t1, t2),
        themes=(theme, empty_theme),
        notes=tuple(notes),
    )


def pdf_text(data: bytes) -> str:
    """All text pypdf extracts from a PDF, pages joined."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def squash(text: str) -> str:
    """Text with all whitespace removed: line wrapping puts line breaks where spaces were (and,
    for a word longer than a line, inside it), and text extraction rebuilds spaces from glyph
    positions, so only the sequence of visible characters is compared."""
    return re.sub(r"\s+", "", text)


def body_text(data: bytes) -> str:
    """The text pypdf finds inside the text frame of every page: the running header and footer
    are left out, so a note split across two pages reads as one."""
    from pypdf import PdfReader

    from workshop_app.report.pdf_styles import MARGIN_BOTTOM, MARGIN_TOP

    reader = PdfReader(io.BytesIO(data))
    out: list[str] = []
    for page in reader.pages:
        top = float(page.mediabox.top) - MARGIN_TOP + 4
        bottom = MARGIN_BOTTOM - 4

        def keep(
            text: str,
            cm: list[float],
            tm: list[float],
            *_: object,
            top: float = top,
            bottom: float = bottom,
        ) -> None:
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            if bottom <= y <= top:
                out.append(text)

        page.extract_text(visitor_text=keep)
        out.append("\n")
    return "".join(out)
