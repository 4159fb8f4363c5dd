"""Every total the report prints adds up, read back from the real PDF text (pypdf) and the HTML
text: notes per kind, per question, per theme, per table, at and away from the tables, in the
appendix and the charts, and the "how this report was made" note. On the demo event and on
random events (hypothesis), built through the JSON interchange and a real .workshop file."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from report_events import body_text

from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.records import (
    NOTE_KINDS,
    AgendaItem,
    Event,
    Group,
    Note,
    Question,
    Speaker,
    Theme,
)
from workshop_app.report.content import build_content
from workshop_app.report.html import render_html
from workshop_app.report.pdf import render_pdf
from workshop_app.storage import interchange
from workshop_app.storage.document import Document
from workshop_app.storage.templates import demo_bundle

STATS = re.compile(
    r"(\d+) notes?(?:: (\d+) from (\d+) tables?, (\d+) away from the tables"
    r"| from (\d+) tables?|, none at a table)?(?: · (\d+) votes?)?(?: · (\d+) themes?)?"
)
THEME = re.compile(r"Theme \d+ · (\d+) notes?(?: · (\d+) votes?)?")
OTHER = re.compile(r"(\d+) other notes?, by table")
COUNT = re.compile(r"(\d+) notes?")
ALT = re.compile(r"Q(\d+) “[^”]*”: (\d+) notes?")


class _Text(HTMLParser):
    """The visible text of the HTML, one line per block or cell (like pypdf's lines)."""

    BLOCKS = {"p", "h1", "h2", "h3", "h4", "li", "dt", "dd", "th", "td", "caption", "figcaption"}

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0
        self.alts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.skip += tag in ("style", "title")
        if tag == "img":
            self.alts.append(dict(attrs).get("alt") or "")

    def handle_endtag(self, tag: str) -> None:
        self.skip -= tag in ("style", "title")
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def _last(lines: list[str], line: str) -> int:
    return len(lines) - 1 - lines[::-1].index(line)


def check_sums(text: str, bundle: EventBundle) -> None:
    """Every figure in ``text`` (a rendered report) against the others and the event."""
    lines = _lines(text)
    total = len(bundle.notes)
    groups = {g.id for g in bundle.groups}
    away_truth = sum(1 for n in bundle.notes if n.group_id not in groups)
    used_truth = len({n.group_id for n in bundle.notes if n.group_id in groups})
    about, appendix = _last(lines, "About the event"), _last(lines, "Appendix: every note")
    body, tail = lines[about:appendix], lines[appendix + 1 :]

    # About: the Notes fact and the tables list (a count per table, plus the notes away)
    notes_fact = lines.index("Notes", about)
    assert lines[notes_fact + 1] == str(total)
    if bundle.groups:
        start = lines.index("The tables", notes_fact)
        end = next(
            i
            for i in range(start + 1, len(lines))
            if lines[i] in ("Key quotes", "At a glance", "How this report was made")
            or re.fullmatch(r"(?i)question \d+", lines[i])
        )
        counts = [int(x) for x in lines[start:end] if x.isdigit()]
        assert sum(counts) == total
        assert len(counts) == len(bundle.groups) + (1 if away_truth else 0)

    # Per question: the stats line, its themes and other notes; general notes after them
    stats = [m for line in body if (m := STATS.fullmatch(line))]
    assert len(stats) == len(bundle.questions)
    per_question = []
    for m in stats:
        count = int(m[1])
        per_question.append(count)
        if m[2]:
            assert int(m[2]) + int(m[4]) == count
    general = sum(1 for n in bundle.notes if n.question_id is None)
    assert sum(per_question) + general == total
    themed = [int(m[1]) for line in body if (m := THEME.fullmatch(line))]
    others = [int(m[1]) for line in body if (m := OTHER.fullmatch(line))]
    with_themes = [c for m, c in zip(stats, per_question, strict=True) if m[7]]
    assert sum(themed) + sum(others) == sum(with_themes)

    # The method note: kinds add up, at the tables + away = all, the tables that gave notes
    method = " ".join(lines[_last(lines, "How this report was made") + 1 :])
    if total:
        m = re.search(r"(\d+) notes? \((.*?)\) were captured", method)
        assert m and int(m[1]) == total
        assert sum(int(x) for x in re.findall(r"(\d+) \w+", m[2])) == total
        assert sum(int(x) for x in re.findall(r"(\d+) quotes?", m[2])) == sum(
            1 for n in bundle.notes if n.kind == "quote"
        )
        split = re.search(
            r"were captured(?:: (\d+))? at (\d+)(?: of the \d+)? tables?"
            r"(?: by \d+ note-takers?)?(?:, and (\d+) away from the tables \((.*?)\))?\.",
            method,
        )
        none = re.search(r"were captured, none of them at a table \((.*?)\)\.", method)
        if split:
            at, used, away = int(split[1] or total), int(split[2]), int(split[3] or 0)
            reasons = split[4] or ""
        else:
            assert none, method
            at, used, away, reasons = 0, 0, total, none[1]
        assert at + away == total and away == away_truth and used == used_truth
        if away:
            assert sum(int(p.split()[0]) for p in reasons.split("; ")) == away

    # Appendix: a count per section, adding up to every note, matching each question
    counts = [int(m[1]) for line in tail if (m := COUNT.fullmatch(line))]
    assert sum(counts) == total
    assert [c for c in per_question if c] == counts[: len([c for c in per_question if c])]


def check_chart_alt(alts: list[str], bundle: EventBundle, per_question: list[int]) -> None:
    contributions = [a for a in alts if a.startswith("Bar chart of notes per question")]
    if not contributions:
        return
    totals = [int(m[2]) for m in ALT.finditer(contributions[0])]
    assert totals == per_question


def _question_counts(bundle: EventBundle) -> list[int]:
    return [sum(1 for n in bundle.notes if n.question_id == q.id) for q in bundle.questions]


def check_report(bundle: EventBundle) -> None:
    content = build_content(bundle)
    check_sums(body_text(render_pdf(content)), bundle)
    parser = _Text()
    parser.feed(render_html(content))
    check_sums("".join(parser.parts), bundle)
    check_chart_alt(parser.alts, bundle, _question_counts(bundle))
    # the chart's data: every question's bars add up to its notes
    for chart in content.charts:
        if hasattr(chart, "series"):
            sums = [sum(v[i] for _, v in chart.series) for i in range(len(chart.questions))]
            assert sums == _question_counts(bundle)


def test_the_demo_reports_figures_add_up() -> None:
    bundle = demo_bundle()
    assert any(n.group_id is None for n in bundle.notes)  # the demo has notes away from tables
    check_report(bundle)


def test_the_demo_method_note_explains_the_notes_away_from_the_tables() -> None:
    method = " ".join(build_content(demo_bundle()).method)
    assert "were captured: 46 at 5 tables by 5 note-takers, and 2 away from the tables" in method
    assert "1 quote from the keynote speaker; 1 quote from the panel discussion" in method


WORDS = ("care", "data", "trust", "staff", "time", "plan", "nurse", "money", "risk", "shift")
NAMES = ("Alpha Table", "Beta Table", "Gamma Table", "Delta Table", "Epsilon Table")


@st.composite
def events(draw: st.DrawFn) -> EventBundle:
    words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join)
    speakers = tuple(
        Speaker(name=name, kind=draw(st.sampled_from(("keynote", "panellist", "host"))))
        for name in draw(st.lists(st.sampled_from(("Ann Lee", "Bo Yu")), unique=True))
    )
    questions = tuple(Question(text=draw(words) + "?") for _ in range(draw(st.integers(0, 3))))
    groups = tuple(
        Group(name=name, note_taker=draw(st.sampled_from(("", "Tom", "Raj"))))
        for name in draw(st.lists(st.sampled_from(NAMES), unique=True, max_size=4))
    )
    agenda = (AgendaItem(title="Panel discussion", kind="panel"),)
    themes = tuple(
        Theme(question_id=q.id, title=draw(words))
        for q in questions
        for _ in range(draw(st.integers(0, 2)))
    )
    notes = []
    for _ in range(draw(st.integers(0, 20))):
        question = draw(st.sampled_from((None, *questions)))
        qid = question.id if question else None
        mine = [t for t in themes if t.question_id == qid]
        notes.append(
            Note(
                question_id=qid,
                group_id=draw(st.sampled_from((None, *(g.id for g in groups)))),
                text=draw(words),
                kind=draw(st.sampled_from(NOTE_KINDS)),
                attribution=draw(st.sampled_from(("", "Panel", "Ann Lee", "Someone"))),
                theme_id=draw(st.sampled_from((None, *(t.id for t in mine)))),
                votes=draw(st.integers(0, 4)),
                starred=draw(st.booleans()),
            )
        )
    return EventBundle(
        event=Event(title="Random event"),
        speakers=speakers,
        questions=questions,
        groups=groups,
        agenda=agenda,
        themes=themes,
        notes=tuple(notes),
    )


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("sums")


@settings(
    max_examples=6,
    deadline=None,
    derandomize=True,
    phases=(Phase.explicit, Phase.generate),  # bounded time: a failure is shown unshrunk
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(bundle=events())
def test_a_random_events_figures_add_up(bundle: EventBundle, folder: Path) -> None:
    parsed = interchange.parse(interchange.dumps(bundle))
    with Document.create(folder / "random.workshop", parsed, force=True) as document:
        stored = document.bundle()
    check_report(stored)
