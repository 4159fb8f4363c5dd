"""Render the report as one self-contained, accessible HTML file: the PDF's tagged twin.

Semantic structure (one h1, sections with h2/h3/h4, lists, tables with ``th scope``), a ``lang``
attribute, ``dir="auto"`` on user text so right-to-left notes read correctly, charts embedded as
data-URI PNGs whose alt text states their numbers, and print CSS. The output is also well-formed
XML (void elements self-closed, no named entities), so strict parsers accept it.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterator
from html import escape

from workshop_app.domain.quoting import quoted
from workshop_app.i18n import _
from workshop_app.report import html_css
from workshop_app.report.model import (
    NoteItem,
    QuestionSection,
    QuoteItem,
    ReportContent,
)
from workshop_app.report.wording import appendix_head, note_meta, table_head, theme_info

# Characters XML 1.0 forbids (C0 controls but tab/newline/return, surrogates, U+FFFE/F).
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def text(value: str) -> str:
    """User text escaped for HTML (and XML); characters XML cannot hold become U+FFFD."""
    return escape(_FORBIDDEN.sub("\ufffd", value.replace("\r\n", "\n")), quote=True)


def _quote(quote: QuoteItem, show_context: bool = True) -> str:
    credit = " · ".join(p for p in (quote.credit, quote.context if show_context else "") if p)
    caption = f'<figcaption dir="auto">— {text(credit)}</figcaption>' if credit else ""
    words = quoted(quote.text)
    return (
        f'<figure class="quote"><blockquote><p class="user" dir="auto">{text(words)}'
        f"</p></blockquote>{caption}</figure>"
    )


def _note(note: NoteItem) -> str:
    meta = note_meta(note)
    mark = '<span class="star" aria-hidden="true">★ </span>' if note.starred else ""
    body = text(note.text) if note.text.strip() else ("<i>" + text(_("(empty note)")) + "</i>")
    starred = ' class="starred"' if note.starred else ""
    return (
        f"<li{starred}>{mark}"
        f'<span class="user" dir="auto">{body}</span> '
        f'<span class="meta">{" · ".join(text(m) for m in meta)}</span></li>'
    )


def _notes(notes: tuple[NoteItem, ...]) -> str:
    return '<ul class="notes">' + "".join(_note(n) for n in notes) + "</ul>"


def _cover(content: ReportContent) -> Iterator[str]:
    cover = content.cover
    yield '<header class="cover">'
    if cover.logo is not None:
        data = base64.b64encode(cover.logo.data).decode("ascii")
        alt = text(_("Logo"))
        yield f'<img class="logo" src="data:{cover.logo.mime};base64,{data}" alt="{alt}"/>'
    yield f'<p class="kicker">{text(cover.kicker)}</p>'
    yield f'<h1 dir="auto">{text(cover.title)}</h1>'
    yield _facts(cover.facts)
    if cover.numbers:
        yield (
            '<ul class="numbers">'
            + "".join(
                f"<li><strong>{text(n.value)}</strong> {text(n.label)}</li>" for n in cover.numbers
            )
            + "</ul>"
        )
    yield "</header>"


def _facts(facts: tuple) -> str:
    rows = "".join(f"<dt>{text(f.label)}</dt><dd>{text(f.value)}</dd>" for f in facts)
    return f'<dl class="facts">{rows}</dl>' if rows else ""


def _table(caption: str, head: list[str], rows: list[list[str]]) -> str:
    """A table with a caption, column headers and row headers (first column), escaped."""
    out = [f"<table><caption>{text(caption)}</caption><thead><tr>"]
    out += [f'<th scope="col">{text(h)}</th>' for h in head]
    out.append("</tr></thead><tbody>")
    for row in rows:
        first, *rest = row
        out.append(f'<tr><th scope="row" dir="auto">{text(first)}</th>')
        out += [f'<td dir="auto" class="user">{text(cell)}</td>' for cell in rest]
        out.append("</tr>")
    return "".join(out) + "</tbody></table>"


def _about(content: ReportContent) -> Iterator[str]:
    about = content.about
    yield (
        '<section id="about" aria-labelledby="about-h">'
        + '<h2 id="about-h">'
        + text(_("About the event"))
        + "</h2>"
    )
    for para in filter(None, (p.strip() for p in about.summary.split("\n\n"))):
        yield f'<p class="lead user" dir="auto">{text(para)}</p>'
    yield _facts(about.facts)
    if about.speakers:
        yield ("<h3>" + text(_("Who spoke")) + '</h3><ul class="plain">')
        for s in about.speakers:
            name = f"<strong>{text(s.name)}</strong> · " if s.name else ""
            detail = f", {text(s.detail)}" if s.detail else ""
            yield f'<li dir="auto">{name}{text(s.kind)}{detail}</li>'
        yield "</ul>"
        if about.speakers_note:
            yield f'<p class="small">{text(about.speakers_note)}</p>'
    yield ("<h3>" + text(_("The questions")) + "</h3>")
    if about.questions:
        yield "<ol>" + "".join(f'<li dir="auto">{text(q)}</li>' for q in about.questions) + "</ol>"
    else:
        yield ('<p class="empty">' + text(_("No questions were set for this event.")) + "</p>")
    if about.tables:
        people = any(t.people for t in about.tables)
        head = table_head(people)
        rows = [
            [t.name, *([t.people or "—"] if people else []), str(t.note_count)]
            for t in about.tables
        ]
        tables = _table(_("Breakout tables"), head, rows)
        yield ("<h3>" + text(_("The tables")) + f"</h3>{tables}")
    yield "</section>"


def _charts(content: ReportContent) -> Iterator[str]:
    if not content.charts:
        return
    from workshop_app.report.charts import render

    yield (
        '<section id="glance" aria-labelledby="glance-h">'
        + '<h2 id="glance-h">'
        + text(_("At a glance"))
        + "</h2>"
    )
    for chart in content.charts:
        png = base64.b64encode(render(chart, dpi=150).data).decode("ascii")
        yield (
            f'<figure class="chart"><img src="data:image/png;base64,{png}" '
            f'alt="{text(chart.alt)}"/><figcaption>{text(chart.title)}</figcaption></figure>'
        )
    yield "</section>"


def _question(section: QuestionSection) -> Iterator[str]:
    sid = f"q{section.number}"
    yield f'<section class="question" id="{sid}" aria-labelledby="{sid}-h">'
    yield f'<p class="label">{text(section.heading)}</p>'
    yield f'<h2 id="{sid}-h" dir="auto">{text(section.text)}</h2>'
    if section.prompt:
        yield f'<p class="prompt user" dir="auto">{text(section.prompt)}</p>'
    yield f'<p class="stats">{text(section.stats)}</p>'
    if section.synthesis:
        yield ("<h3>" + text(_("What we heard")) + "</h3>")
        for para in filter(None, (p.strip() for p in section.synthesis.split("\n\n"))):
            yield f'<p class="user" dir="auto">{text(para)}</p>'
    yield from (_quote(q, show_context=False) for q in section.quotes)
    if not section.note_count:
        empty = text(_("No notes were captured for this question."))
        yield f'<p class="empty">{empty}</p></section>'
        return
    if section.themes:
        yield ("<h3>" + text(_("Themes, by votes")) + "</h3>")
    for theme in section.themes:
        info = text(theme_info(theme.rank, len(theme.notes), theme.votes))
        yield f'<section class="theme"><h4 dir="auto">{text(theme.title)}</h4>'
        yield f'<p class="stats">{info}</p>'
        if theme.summary:
            yield f'<p class="prompt user" dir="auto">{text(theme.summary)}</p>'
        none = '<p class="empty">' + text(_("No notes.")) + "</p>"
        yield _notes(theme.notes) if theme.notes else none
        yield "</section>"
    if section.unthemed:
        yield f"<h3>{text(section.unthemed_heading)}</h3>"
        for group in section.unthemed:
            yield f'<h4 class="table-name" dir="auto">{text(group.table)}</h4>{_notes(group.notes)}'
    yield "</section>"


def _appendix(content: ReportContent) -> Iterator[str]:
    yield '<section id="appendix" aria-labelledby="appendix-h">'
    yield ('<h2 id="appendix-h">' + text(_("Appendix: every note")) + "</h2>")
    if not content.appendix:
        empty = text(_("No notes were captured for this event."))
        yield f'<p class="empty">{empty}</p></section>'
        return
    anonymous = content.options.anonymous
    head = appendix_head(anonymous)
    for section in content.appendix:
        rows = [[r.table, r.kind, *([] if anonymous else [r.role]), r.text] for r in section.rows]
        yield f'<h3 dir="auto">{text(section.heading)}</h3>'
        yield f'<p class="stats">{text(section.count)}</p>'
        caption = _("Every note: {heading}").format(heading=section.heading)
        yield _table(caption, head, rows)
    yield "</section>"


def _contents_head(title: str) -> str:
    return f'<nav aria-label="{title}"><h2 class="contents">{title}</h2><ol>'


def render_html(content: ReportContent) -> str:
    """The whole report as one HTML document (UTF-8 text)."""
    sections = [("about", _("About the event"))]
    if content.key_quotes:
        sections.append(("key-quotes", _("Key quotes")))
    if content.charts:
        sections.append(("glance", _("At a glance")))
    sections += [
        (f"q{q.number}", _("Question {number}: {text}").format(number=q.number, text=q.text))
        for q in content.questions
    ]
    if content.general_notes:
        sections.append(("other", _("Other contributions")))
    sections.append(("method", _("How this report was made")))
    if content.appendix is not None:
        sections.append(("appendix", _("Appendix: every note")))
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{content.language}"><head><meta charset="utf-8"/>',
        '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
        # Translators: the web page's title: "Digital transformation… – event summary"
        ("<title>" + text(_("{title} – event summary").format(title=content.title)) + "</title>"),
        f'<meta name="author" content="{text(content.author)}"/>' if content.author else "",
        f'<meta name="description" content="{text(content.subject)}"/>',
        f"<style>{html_css.css(content.options.paper)}</style></head><body>",
        ('<a class="skip" href="#main">' + text(_("Skip to the report")) + "</a>"),
        *_cover(content),
        _contents_head(text(_("Contents"))),
        *(f'<li><a href="#{sid}" dir="auto">{text(label)}</a></li>' for sid, label in sections),
        '</ol></nav><main id="main">',
        *_about(content),
    ]
    if content.key_quotes:
        parts.append(
            '<section id="key-quotes" aria-labelledby="kq-h">'
            + '<h2 id="kq-h">'
            + text(_("Key quotes"))
            + "</h2>"
        )
        parts += [_quote(q) for q in content.key_quotes] + ["</section>"]
    parts += _charts(content)
    for section in content.questions:
        parts += _question(section)
    if content.general_notes:
        parts.append(
            '<section id="other" aria-labelledby="other-h">'
            + '<h2 id="other-h">'
            + text(_("Other contributions"))
            + "</h2>"
        )
        parts += [_notes(content.general_notes), "</section>"]
    parts.append(
        '<section id="method" aria-labelledby="method-h">'
        + '<h2 id="method-h">'
        + text(_("How this report was made"))
        + "</h2>"
    )
    parts += [f"<p>{text(line)}</p>" for line in content.method]
    starred = text(_("★ marks a note the team starred as important."))
    parts.append(f'<p class="small">{starred}</p></section>')
    if content.appendix is not None:
        parts += _appendix(content)
    parts.append("</main></body></html>\n")
    return "\n".join(p for p in parts if p)
