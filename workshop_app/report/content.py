"""Build the report's content (``report.model``) from an event: ranking, grouping, anonymity.

Pure Python over the domain records: no reportlab, no matplotlib, no Qt. The PDF and the HTML
renderers both start from ``build_content(bundle, options)``.
"""

from __future__ import annotations

from collections import Counter

from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.personal_data import Kind
from workshop_app.domain.personal_data_bundle import redacted
from workshop_app.domain.records import (
    AWAY_FROM_TABLES,
    PHONE_SOURCE_PLACE,
    UNNAMED_TABLE,
    Note,
    NoteKind,
    Question,
    Theme,
    note_place,
)
from workshop_app.i18n import _, n_
from workshop_app.report import content_charts
from workshop_app.report.clip import clipped_bundle
from workshop_app.report.content_method import method_note
from workshop_app.report.labels import KIND_LABELS, SPEAKER_KINDS, long_date
from workshop_app.report.model import (
    About,
    AppendixRow,
    AppendixSection,
    Cover,
    Fact,
    NoteItem,
    QuestionSection,
    QuoteItem,
    ReportContent,
    ReportOptions,
    SpeakerLine,
    TableGroup,
    TableLine,
    ThemeSection,
    language_tag,
)
from workshop_app.storage.export import notes_in_order

#: The line of the tables list, and the chart's series, for the notes not taken at a table
#: (English; ``_()`` where printed).
AWAY = AWAY_FROM_TABLES
NO_TABLE = AWAY
#: Most quotes pulled out large under each question.
PULL_QUOTES = 3


def people_text(expected: int | None, attended: int | None) -> str:
    """ "38 attended (about 40 expected)", "About 40 expected", "38 attended" or ""."""
    if attended is not None:
        if expected:
            return _("{attended} attended (about {expected} expected)").format(
                attended=attended, expected=expected
            )
        return _("{attended} attended").format(attended=attended)
    return _("About {expected} expected").format(expected=expected) if expected else ""


def _join(*parts: str, sep: str = ", ") -> str:
    return sep.join(p.strip() for p in parts if p and p.strip())


class _Builder:
    """One build: the lookups shared by every section."""

    def __init__(self, bundle: EventBundle, options: ReportOptions) -> None:
        self.bundle = bundle
        self.options = options
        self.anonymous = options.anonymous
        self.tables = {g.id: g.name.strip() or _(UNNAMED_TABLE) for g in bundle.groups}
        self.away, self.phones = _(AWAY), _(PHONE_SOURCE_PLACE)
        self.table_order = {g.id: i for i, g in enumerate(bundle.groups)}
        self.numbers = {q.id: i for i, q in enumerate(bundle.questions, 1)}

    def table_of(self, note: Note) -> str:
        return note_place(note, self.tables, self.away, self.phones)

    def credit(self, note: Note) -> str:
        return "" if self.anonymous else _join(note.attribution, note.role)

    def note_item(self, note: Note) -> NoteItem:
        return NoteItem(
            text=note.text,
            kind=note.kind,
            kind_label=_(KIND_LABELS[note.kind]) if note.kind in KIND_LABELS else note.kind.title(),
            credit=self.credit(note),
            table=self.table_of(note),
            votes=note.votes,
            starred=note.starred,
        )

    def quote_item(self, note: Note) -> QuoteItem:
        number = self.numbers.get(note.question_id or "")
        table = note_place(note, self.tables, "", self.phones)
        question = _("Question {number}").format(number=number) if number else ""
        context = _join(question, table, sep=" · ")
        return QuoteItem(note.text, self.credit(note), context, note.starred)

    # ------------------------------------------------------------ sections

    def cover(self) -> Cover:
        event = self.bundle.event
        # a start time with no date is not a date: the Date line is left out altogether
        when = _join(long_date(event.date), event.start_time or "", sep=", ") if event.date else ""
        facts = [Fact(_("Date"), when), Fact(_("Venue"), event.venue.strip())]
        facts.append(Fact(_("Organiser"), event.organiser.strip()))
        bundle = self.bundle
        numbers = []
        if event.attendance:  # counted on the day
            # Translators: a figure on the cover: "38 attended"
            numbers.append(Fact(_("attended"), str(event.attendance)))
        elif event.attendee_count:  # only an expectation: never printed as attendance
            # Translators: a figure on the cover: "40 expected"
            numbers.append(Fact(_("expected"), str(event.attendee_count)))
        # Translators: the figures on the cover, printed large beside their word: "3 questions"
        for label, items in (
            (n_("question", "questions", len(bundle.questions)), bundle.questions),
            (n_("table", "tables", len(bundle.groups)), bundle.groups),
            (n_("note", "notes", len(bundle.notes)), bundle.notes),
        ):
            if items:
                numbers.append(Fact(label, str(len(items))))
        return Cover(
            title=event.title.strip() or _("Untitled event"),
            kicker=_("Event summary"),
            facts=tuple(f for f in facts if f.value),
            logo=self.options.logo,
            numbers=tuple(numbers),
        )

    def about(self) -> About:
        bundle, event = self.bundle, self.bundle.event
        facts = list(self.cover().facts)
        people = people_text(event.attendee_count, event.attendance)
        if people:
            facts.append(Fact(_("People"), people))
        facts.append(Fact(_("Tables"), str(len(bundle.groups))))
        facts.append(Fact(_("Notes"), str(len(bundle.notes))))
        speakers = tuple(
            SpeakerLine(
                name="" if self.anonymous else s.name.strip(),
                kind=_(SPEAKER_KINDS.get(s.kind, SPEAKER_KINDS["other"])),
                detail="" if self.anonymous else _join(s.role, s.organisation),
            )
            for s in bundle.speakers
        )
        counts = Counter(n.group_id for n in bundle.notes)
        tables = tuple(
            TableLine(
                name=self.tables[g.id],
                people=""
                if self.anonymous
                else _join(
                    _("Facilitator: {name}").format(name=g.facilitator.strip())
                    if g.facilitator.strip()
                    else "",
                    _("Note-taker: {name}").format(name=g.note_taker.strip())
                    if g.note_taker.strip()
                    else "",
                    sep=" · ",
                ),
                note_count=counts.get(g.id, 0),
            )
            for g in bundle.groups
        )
        away = Counter(self.table_of(n) for n in bundle.notes if n.group_id not in self.tables)
        for name in (self.phones, self.away):
            if away[name] and tables:
                tables += (TableLine(name=name, people="", note_count=away[name]),)
        return About(
            summary=event.summary.strip(),
            facts=tuple(facts),
            speakers=speakers,
            speakers_note=_("Names are left out of this anonymous edition.")
            if self.anonymous and speakers
            else "",
            questions=tuple(q.text.strip() or _("Untitled question") for q in bundle.questions),
            tables=tables,
        )

    def key_quotes(self) -> tuple[QuoteItem, ...]:
        quotes = [n for n in self.bundle.notes if n.kind == NoteKind.QUOTE]
        general = [n for n in quotes if n.question_id not in self.numbers]
        starred = [n for n in quotes if n.question_id in self.numbers and n.starred]
        return tuple(self.quote_item(n) for n in general + starred)

    def question(self, question: Question, notes: list[Note]) -> QuestionSection:
        themes = [t for t in self.bundle.themes if t.question_id == question.id]
        by_theme: dict[str, list[Note]] = {t.id: [] for t in themes}
        loose: list[Note] = []
        for note in notes:
            (by_theme[note.theme_id] if note.theme_id in by_theme else loose).append(note)
        ranked = sorted(
            themes,
            key=lambda t: (-_total(t, by_theme[t.id]), -len(by_theme[t.id])),
        )
        return QuestionSection(
            number=self.numbers[question.id],
            text=question.text.strip() or _("Untitled question"),
            prompt=question.prompt.strip(),
            synthesis=question.synthesis.strip(),
            quotes=tuple(self.quote_item(n) for n in _best_quotes(notes)),
            themes=tuple(
                self.theme(rank, theme, by_theme[theme.id]) for rank, theme in enumerate(ranked, 1)
            ),
            unthemed=self.by_table(loose),
            note_count=len(notes),
            vote_count=sum(n.votes for n in notes),
            table_count=len({n.group_id for n in notes if n.group_id in self.tables}),
            away=sum(1 for n in notes if self.table_of(n) == self.away),
            phones=sum(1 for n in notes if self.table_of(n) == self.phones),
        )

    def theme(self, rank: int, theme: Theme, notes: list[Note]) -> ThemeSection:
        ordered = sorted(notes, key=lambda n: (not n.starred, -n.votes))  # stable: keeps order
        return ThemeSection(
            rank=rank,
            title=theme.title.strip() or _("Untitled theme"),
            summary=theme.summary.strip(),
            votes=_total(theme, notes),
            notes=tuple(self.note_item(n) for n in ordered),
        )

    def by_table(self, notes: list[Note]) -> tuple[TableGroup, ...]:
        groups: dict[str, list[Note]] = {}
        for note in sorted(notes, key=lambda n: self.table_order.get(n.group_id or "", 10**9)):
            groups.setdefault(self.table_of(note), []).append(note)
        return tuple(
            TableGroup(name, tuple(self.note_item(n) for n in group))
            for name, group in groups.items()
        )

    def appendix(
        self, sections: list[tuple[Question | None, list[Note]]]
    ) -> tuple[AppendixSection, ...]:
        out = []
        for question, notes in sections:
            if not notes:
                continue
            if question is None:
                heading = _("General notes")
            else:
                heading = _("Question {number}: {text}").format(
                    number=self.numbers[question.id], text=question.text.strip()
                )
            ordered = sorted(notes, key=lambda n: self.table_order.get(n.group_id or "", 10**9))
            rows = tuple(
                AppendixRow(
                    table=self.table_of(n),
                    kind=_(KIND_LABELS[n.kind]) if n.kind in KIND_LABELS else n.kind,
                    role="" if self.anonymous else n.role.strip(),
                    text=n.text,
                )
                for n in ordered
            )
            out.append(AppendixSection(heading, rows))
        return tuple(out)


def _total(theme: Theme, notes: list[Note]) -> int:
    """A theme's votes for ranking and print: its own dot votes plus its notes'."""
    return theme.votes + sum(n.votes for n in notes)


def _best_quotes(notes: list[Note]) -> list[Note]:
    """The quotes to pull out large under a question: starred first, then by votes, at most
    ``PULL_QUOTES`` (every quote is still printed among the notes)."""
    quotes = [n for n in notes if n.kind == NoteKind.QUOTE]
    return sorted(quotes, key=lambda n: (not n.starred, -n.votes))[:PULL_QUOTES]


def build_content(bundle: EventBundle, options: ReportOptions | None = None) -> ReportContent:
    """The report for ``bundle``: every section in reading order, anonymity applied."""
    options = options or ReportOptions()
    # redacted once, before anything is built: every format prints the same labels
    if options.redact:
        bundle = redacted(bundle)
    elif options.anonymous:
        bundle = redacted(bundle, [Kind.NAME])
    whole = {n.id: n for n in bundle.notes}  # the appendix prints every note whole
    bundle = clipped_bundle(bundle, appendix=options.appendix)
    builder = _Builder(bundle, options)
    sections = notes_in_order(bundle)
    questions = tuple(builder.question(q, notes) for q, notes in sections if q is not None)
    general = [n for n in sections[-1][1] if n.kind != NoteKind.QUOTE]
    event = bundle.event
    cover = builder.cover()
    return ReportContent(
        title=cover.title,
        author=event.organiser.strip(),
        subject=_join(_("Event summary"), long_date(event.date), event.venue, sep=" · "),
        cover=cover,
        about=builder.about(),
        key_quotes=builder.key_quotes(),
        charts=content_charts.charts(bundle, questions) if options.charts else (),
        questions=questions,
        general_notes=tuple(builder.note_item(n) for n in general),
        method=method_note(bundle, anonymous=options.anonymous, redacted=options.redact),
        appendix=builder.appendix([(q, [whole[n.id] for n in ns]) for q, ns in sections])
        if options.appendix
        else None,
        options=options,
        language=language_tag(),
    )
