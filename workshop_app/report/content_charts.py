"""The numbers behind the report's charts, with alt text that states them.

Plain data only; ``report.charts`` draws them. A chart with nothing to show is left out (the
method note says why), so the report never prints an empty plot.
"""

from __future__ import annotations

from datetime import datetime

from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.records import (
    AWAY_FROM_TABLES,
    PHONE_SOURCE_PLACE,
    UNNAMED_TABLE,
    note_place,
)
from workshop_app.i18n import _, n_
from workshop_app.report.model import (
    Chart,
    ContributionsChart,
    QuestionSection,
    ThemeVotesChart,
    TimingChart,
)

#: Most tables drawn as their own band; the rest are summed as "Other tables".
MAX_SERIES = 8
#: Most themes in the votes chart.
MAX_THEMES = 10


def contributions(bundle: EventBundle) -> ContributionsChart | None:
    """Notes per question, stacked by table (the biggest tables first; the rest merged)."""
    questions = bundle.questions
    if not questions:
        return None
    index = {q.id: i for i, q in enumerate(questions)}
    names = {g.id: g.name.strip() or _(UNNAMED_TABLE) for g in bundle.groups}
    away, phones = _(AWAY_FROM_TABLES), _(PHONE_SOURCE_PLACE)
    counts: dict[str, list[int]] = {}
    for note in bundle.notes:
        if note.question_id in index:
            table = note_place(note, names, away, phones)
            counts.setdefault(table, [0] * len(questions))[index[note.question_id]] += 1
    if not counts:
        return None
    order = [names[g.id] for g in bundle.groups if names[g.id] in counts]
    order += [t for t in counts if t not in order]
    if len(order) > MAX_SERIES:
        keep = sorted(order, key=lambda t: -sum(counts[t]))[: MAX_SERIES - 1]
        rest = [t for t in order if t not in keep]
        merged = [sum(counts[t][i] for t in rest) for i in range(len(questions))]
        order = [t for t in order if t in keep]
        other = _("Other tables")
        counts[other] = merged
        order.append(other)
    series = tuple((t, tuple(counts[t])) for t in order)
    # Translators: the short label of question 3 in the charts: "Q3"
    labels = tuple(_("Q{number}").format(number=i) for i in range(1, len(questions) + 1))
    texts = tuple(q.text.strip() or _("Untitled question") for q in questions)
    parts = []
    for i, label in enumerate(labels):
        total = sum(values[i] for _, values in series)
        split = ", ".join(f"{name}: {values[i]}" for name, values in series if values[i])
        notes = n_("%n note", "%n notes", total)
        if split:
            part = _("{label} “{text}”: {notes} ({split})")
        else:
            part = _("{label} “{text}”: {notes}")
        parts.append(part.format(label=label, text=texts[i], notes=notes, split=split))
    alt = _("Bar chart of notes per question, split by table. {parts}.").format(
        parts="; ".join(parts)
    )
    return ContributionsChart(_("Notes per question, by table"), labels, texts, series, alt)


def theme_votes(sections: tuple[QuestionSection, ...]) -> ThemeVotesChart | None:
    """The most-voted themes across all questions (only themes that received votes)."""
    ranked = sorted(
        (
            (
                _("{theme} (Q{number})").format(theme=theme.title, number=section.number),
                theme.votes,
                len(theme.notes),
            )
            for section in sections
            for theme in section.themes
            if theme.votes > 0
        ),
        key=lambda bar: (-bar[1], -bar[2]),
    )[:MAX_THEMES]
    if not ranked:
        return None
    bars = "; ".join(
        _("{theme}: {votes}, {notes}").format(
            theme=label,
            votes=n_("%n vote", "%n votes", votes),
            notes=n_("%n note", "%n notes", notes),
        )
        for label, votes, notes in ranked
    )
    alt = _("Bar chart of the themes with the most votes. {bars}.").format(bars=bars)
    return ThemeVotesChart(_("Top themes by votes"), tuple(ranked), alt)


def _minutes(start: str | None, end: str | None) -> int | None:
    if not start or not end:
        return None
    try:
        began = datetime.fromisoformat(start.replace("Z", "+00:00"))
        ended = datetime.fromisoformat(end.replace("Z", "+00:00"))
    except ValueError:
        return None
    seconds = (ended - began).total_seconds()
    return round(seconds / 60) if seconds >= 0 else None


def timings(bundle: EventBundle) -> TimingChart | None:
    """Planned against actual minutes per agenda item, when any actual timing was recorded."""
    rows = tuple(
        (
            item.title.strip() or _("Untitled item"),
            item.planned_minutes,
            _minutes(item.started_at, item.ended_at),
        )
        for item in bundle.agenda
    )
    if not any(actual is not None for _, _, actual in rows):
        return None
    items = "; ".join(
        (
            _("{item}: planned {planned} min, actual {actual} min")
            if actual is not None
            else _("{item}: planned {planned} min, actual not recorded")
        ).format(item=title, planned=planned, actual=actual)
        for title, planned, actual in rows
    )
    alt = _("Bar chart of planned against actual minutes per agenda item. {items}.").format(
        items=items
    )
    return TimingChart(_("Planned and actual minutes per agenda item"), rows, alt)


def charts(bundle: EventBundle, sections: tuple[QuestionSection, ...]) -> tuple[Chart, ...]:
    """The charts that have something to show, in the order the report prints them."""
    found = (contributions(bundle), theme_votes(sections), timings(bundle))
    return tuple(chart for chart in found if chart is not None)
