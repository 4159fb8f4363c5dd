"""The report as plain data: what the PDF and the HTML both render, so they say the same thing.

Nothing here knows about reportlab, matplotlib or Qt. Every string is user text or plain English,
never markup: renderers escape all of it. ``content.build_content`` fills these in from an
``EventBundle``; anonymity is applied there, so a renderer cannot leak a name it never receives.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from workshop_app import i18n
from workshop_app.i18n import _, n_

PAPER_SIZES: tuple[str, ...] = ("a4", "letter")
#: Language tag of the report's own wording in English (the PDF/HTML/Word language).
LANGUAGE = "en-GB"
#: The tag of each language the report can be printed in (others: their own code).
_TAGS = {"en": LANGUAGE, "cy": "cy-GB"}


def language_tag(code: str | None = None) -> str:
    """The BCP 47 tag the PDF, HTML and Word files carry for the report's language (the
    current one by default): "en-GB", "cy-GB"; the pseudo-locale as its own code."""
    found = code or i18n.language()
    return _TAGS.get(found, found)


@dataclass(frozen=True)
class Logo:
    """A checked PNG or JPEG image for the cover."""

    data: bytes
    mime: str  # "image/png" or "image/jpeg"
    width: int
    height: int


@dataclass(frozen=True)
class ReportOptions:
    """What goes into the report and on what paper."""

    appendix: bool = True
    charts: bool = True
    anonymous: bool = False
    #: Replace the personal data ``domain.personal_data`` finds with labels ("[phone]").
    redact: bool = False
    paper: str = "a4"  # one of PAPER_SIZES
    logo: Logo | None = None


@dataclass(frozen=True)
class Fact:
    label: str
    value: str


@dataclass(frozen=True)
class Cover:
    title: str
    kicker: str  # the small line above the title, e.g. "Event summary"
    facts: tuple[Fact, ...]  # date, venue, organiser (only those set)
    logo: Logo | None = None
    numbers: tuple[Fact, ...] = ()  # the event in figures: ("attendees", "40"), ...


@dataclass(frozen=True)
class SpeakerLine:
    name: str  # "" in an anonymous report
    kind: str  # "Keynote speaker", "Panellist", ...
    detail: str  # role and organisation ("" in an anonymous report)


@dataclass(frozen=True)
class TableLine:
    name: str
    people: str  # "Facilitator: Priya · Note-taker: Tom" ("" when anonymous or unset)
    note_count: int


@dataclass(frozen=True)
class About:
    summary: str
    facts: tuple[Fact, ...]
    speakers: tuple[SpeakerLine, ...]
    speakers_note: str  # e.g. "Names are left out of this anonymous edition." or ""
    questions: tuple[str, ...]
    tables: tuple[TableLine, ...]


@dataclass(frozen=True)
class NoteItem:
    """One sticky note as printed. ``credit`` is who said it ("" when anonymous or unknown)."""

    text: str
    kind: str  # one of NOTE_KINDS
    kind_label: str  # "Idea", "Concern", ...
    credit: str
    table: str
    votes: int
    starred: bool


@dataclass(frozen=True)
class QuoteItem:
    text: str
    credit: str  # "Wendy Clark, Chief Digital ..." or "" when anonymous
    context: str  # "Question 2 · Table 1", or ""
    starred: bool = False


@dataclass(frozen=True)
class ThemeSection:
    rank: int
    title: str
    summary: str
    votes: int
    notes: tuple[NoteItem, ...]  # starred first, then by votes


@dataclass(frozen=True)
class TableGroup:
    table: str
    notes: tuple[NoteItem, ...]


@dataclass(frozen=True)
class QuestionSection:
    number: int
    text: str
    prompt: str
    synthesis: str
    quotes: tuple[QuoteItem, ...]  # the best few, pulled out large
    themes: tuple[ThemeSection, ...]  # ranked by votes, then by size
    unthemed: tuple[TableGroup, ...]  # notes with no theme, by table
    note_count: int
    vote_count: int
    table_count: int = 0  # tables that gave notes to this question
    away: int = 0  # notes not taken at a table (a speaker's quote, a plenary remark)
    phones: int = 0  # notes sent from attendees' phones

    @property
    def heading(self) -> str:
        return _("Question {number}").format(number=self.number)

    @property
    def stats(self) -> str:
        """Like "16 notes: 15 from 5 tables, 1 away from the tables · 48 votes · 3 themes"."""
        notes = n_("%n note", "%n notes", self.note_count)
        at_tables = self.note_count - self.away - self.phones
        tables = n_("%n table", "%n tables", self.table_count)
        where = (
            [_("{count} from {tables}").format(count=at_tables, tables=tables)]
            if self.table_count
            else []
        )
        if self.phones:
            where.append(_("{count} from attendees' phones").format(count=self.phones))
        if self.away:
            where.append(_("{count} away from the tables").format(count=self.away))
        if len(where) > 1:
            # Translators: "16 notes: 15 from 5 tables, 1 away from the tables"
            notes = _("{notes}: {where}").format(notes=notes, where=", ".join(where))
        elif self.table_count:
            notes = _("{notes} from {tables}").format(notes=notes, tables=tables)
        elif self.phones:
            notes = _("{notes} from attendees' phones").format(notes=notes)
        elif self.away:
            notes = _("{notes}, none at a table").format(notes=notes)
        parts = [notes]
        if self.vote_count:
            parts.append(n_("%n vote", "%n votes", self.vote_count))
        if self.themes:
            parts.append(n_("%n theme", "%n themes", len(self.themes)))
        return " · ".join(parts)

    @property
    def unthemed_heading(self) -> str:
        """Either "What the tables said", or "3 other notes, by table" under the themes."""
        if not self.themes:
            return _("What the tables said")
        count = sum(len(group.notes) for group in self.unthemed)
        return n_("%n other note, by table", "%n other notes, by table", count)


@dataclass(frozen=True)
class ContributionsChart:
    """Notes per question, stacked by table. ``series`` is (table, counts per question)."""

    title: str
    questions: tuple[str, ...]  # short labels: "Q1", "Q2", ...
    question_texts: tuple[str, ...]
    series: tuple[tuple[str, tuple[int, ...]], ...]
    alt: str


@dataclass(frozen=True)
class ThemeVotesChart:
    """Top themes by votes. ``bars`` is (label, votes, note count), highest first."""

    title: str
    bars: tuple[tuple[str, int, int], ...]
    alt: str


@dataclass(frozen=True)
class TimingChart:
    """Planned and actual minutes per agenda item; ``actual`` None where not recorded."""

    title: str
    rows: tuple[tuple[str, int, int | None], ...]
    alt: str


Chart = ContributionsChart | ThemeVotesChart | TimingChart


@dataclass(frozen=True)
class AppendixRow:
    table: str
    kind: str
    role: str  # "" when anonymous
    text: str


@dataclass(frozen=True)
class AppendixSection:
    heading: str  # "Question 1: ..." or "General notes"
    rows: tuple[AppendixRow, ...]

    @property
    def count(self) -> str:
        return n_("%n note", "%n notes", len(self.rows))


@dataclass(frozen=True)
class ReportContent:
    """The whole report, in reading order, plus the document metadata."""

    title: str
    author: str
    subject: str
    cover: Cover
    about: About
    key_quotes: tuple[QuoteItem, ...]
    charts: tuple[Chart, ...]
    questions: tuple[QuestionSection, ...]
    general_notes: tuple[NoteItem, ...]  # notes not under any question, quotes aside
    method: tuple[str, ...]  # paragraphs
    appendix: tuple[AppendixSection, ...] | None
    options: ReportOptions = field(default_factory=ReportOptions)
    language: str = LANGUAGE

    def all_text(self) -> list[str]:
        """Every note text the report prints (for tests and the HTML/PDF parity check)."""
        texts = [q.text for q in self.key_quotes]
        for section in self.questions:
            texts += [q.text for q in section.quotes]
            for theme in section.themes:
                texts += [n.text for n in theme.notes]
            for group in section.unthemed:
                texts += [n.text for n in group.notes]
        return texts + [n.text for n in self.general_notes]
