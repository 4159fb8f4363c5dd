"""A theme's own dot votes count: its total (own + its notes') ranks it and is printed; the
method note says so; the JSON interchange carries a theme's votes (optional, written if any)."""

from __future__ import annotations

from report_events import body_text

from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.records import Event, Note, Question, Theme
from workshop_app.report.content import build_content
from workshop_app.report.pdf import render_pdf
from workshop_app.storage import interchange


def _bundle() -> EventBundle:
    q = Question(text="Q?")
    liked = Theme(question_id=q.id, title="Liked on the wall", votes=5)
    noted = Theme(question_id=q.id, title="Many note votes")
    notes = (
        Note(question_id=q.id, text="a", theme_id=liked.id, votes=1),
        Note(question_id=q.id, text="b", theme_id=noted.id, votes=4),
    )
    return EventBundle(event=Event(title="E"), questions=(q,), themes=(noted, liked), notes=notes)


def test_theme_total_is_own_votes_plus_notes_votes_and_ranks() -> None:
    content = build_content(_bundle())
    themes = content.questions[0].themes
    ranked = [(t.title, t.votes) for t in themes]
    assert ranked == [("Liked on the wall", 6), ("Many note votes", 4)]
    text = body_text(render_pdf(content))
    assert "votes given to the theme itself plus those its notes received" in text
    assert "Liked on the wall" in text and "6 votes" in text


def test_interchange_carries_theme_votes_only_when_set() -> None:
    bundle = _bundle()
    data = interchange.bundle_to_dict(bundle)
    by_title = {t["title"]: t for t in data["themes"]}
    assert by_title["Liked on the wall"]["votes"] == 5
    assert "votes" not in by_title["Many note votes"]
    assert all("votes" in n for n in data["notes"])
    back = interchange.parse(interchange.dumps(bundle))
    assert {t.title: t.votes for t in back.themes} == {"Liked on the wall": 5, "Many note votes": 0}
