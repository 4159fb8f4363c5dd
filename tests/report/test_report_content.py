"""Report content: ranking, grouping, key quotes, charts data and anonymity, as plain data."""

from __future__ import annotations

from dataclasses import replace

from report_events import PEOPLE, hostile_bundle

from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.records import AgendaItem, Event, Group, Note, Question, Theme
from workshop_app.report import content_charts
from workshop_app.report.content import build_content, long_date
from workshop_app.report.model import ContributionsChart, ReportOptions, TimingChart
from workshop_app.storage.templates import demo_bundle


def _event() -> tuple[EventBundle, Question]:
    q = Question(text="Q?")
    t1, t2 = Group(name="T1"), Group(name="T2")
    small, big, voted = (Theme(question_id=q.id, title=n) for n in ("small", "big", "voted"))
    notes = (
        Note(question_id=q.id, group_id=t2.id, text="b1", theme_id=big.id, votes=1),
        Note(question_id=q.id, group_id=t1.id, text="b2", theme_id=big.id, votes=1),
        Note(question_id=q.id, group_id=t1.id, text="b3", theme_id=big.id, votes=1, starred=True),
        Note(question_id=q.id, text="s1", theme_id=small.id, votes=3),
        Note(question_id=q.id, text="v1", theme_id=voted.id, votes=9),
        Note(question_id=q.id, group_id=t2.id, text="loose-t2"),
        Note(question_id=q.id, group_id=t1.id, text="loose-t1"),
        Note(question_id=q.id, text="loose-none", theme_id="missing-theme"),
        Note(question_id=q.id, group_id=t1.id, text="q", kind="quote", attribution="Ann"),
    )
    return EventBundle(
        event=Event(title="E"),
        questions=(q,),
        groups=(t1, t2),
        themes=(small, big, voted),
        notes=notes,
    ), q


def test_themes_rank_by_votes_then_size_and_starred_notes_lead() -> None:
    bundle, _ = _event()
    section = build_content(bundle).questions[0]
    assert [(t.title, t.votes, len(t.notes)) for t in section.themes] == [
        ("voted", 9, 1),
        ("big", 3, 3),
        ("small", 3, 1),
    ]
    assert [n.text for n in section.themes[1].notes] == ["b3", "b1", "b2"]


def test_unthemed_notes_grouped_by_table_in_table_order() -> None:
    bundle, _ = _event()
    section = build_content(bundle).questions[0]
    assert [(g.table, [n.text for n in g.notes]) for g in section.unthemed] == [
        ("T1", ["loose-t1", "q"]),
        ("T2", ["loose-t2"]),
        ("Away from the tables", ["loose-none"]),
    ]
    assert [q.text for q in section.quotes] == ["q"]
    assert section.quotes[0].credit == "Ann"


def test_key_quotes_are_general_quotes_then_starred_ones() -> None:
    content = build_content(demo_bundle())
    assert [q.credit.split(",")[0] for q in content.key_quotes] == ["Wendy Clark", "Panel"]
    assert content.key_quotes[1].context == "Question 1"


def test_anonymous_content_carries_no_names() -> None:
    content = build_content(hostile_bundle(), ReportOptions(anonymous=True))
    blob = repr(content)
    for name in PEOPLE.values():
        assert name not in blob
    assert content.about.speakers[0].kind == "Keynote speaker"
    assert "anonymous" in content.method[-1]


def test_every_note_is_in_the_content() -> None:
    bundle = hostile_bundle()
    texts = build_content(bundle).all_text()
    assert all(n.text in texts for n in bundle.notes)


def test_contributions_chart_merges_tables_beyond_eight() -> None:
    q = Question(text="Q")
    groups = tuple(Group(name=f"T{i}") for i in range(12))
    notes = tuple(
        Note(question_id=q.id, group_id=g.id, text="n")
        for i, g in enumerate(groups)
        for _ in range(i + 1)
    )
    chart = content_charts.contributions(
        EventBundle(event=Event(), questions=(q,), groups=groups, notes=notes)
    )
    assert isinstance(chart, ContributionsChart)
    names = [name for name, _ in chart.series]
    assert len(names) == 8 and names[-1] == "Other tables"
    assert sum(values[0] for _, values in chart.series) == len(notes)
    assert "Q1 “Q”: 78 notes" in chart.alt


def test_timing_chart_only_when_timings_were_recorded() -> None:
    bundle = demo_bundle()
    assert content_charts.timings(bundle) is None
    agenda = list(bundle.agenda)
    agenda[1] = replace(
        agenda[1], started_at="2021-06-15T09:05:00.000Z", ended_at="2021-06-15T09:31:00.000Z"
    )
    chart = content_charts.timings(replace(bundle, agenda=tuple(agenda)))
    assert isinstance(chart, TimingChart)
    assert chart.rows[1] == ("Keynote", 20, 26) and chart.rows[0][2] is None
    assert "Keynote: planned 20 min, actual 26 min" in chart.alt


def test_no_charts_for_an_empty_event_and_dates_in_english() -> None:
    content = build_content(EventBundle(event=Event(), agenda=(AgendaItem(),)))
    assert content.charts == ()
    assert "Actual timings of the agenda were not recorded." in content.method
    assert long_date("2021-06-15") == "Tuesday 15 June 2021"
    assert long_date("2026-02-30") == "2026-02-30"
