"""``workshop-app suggest``: the Board's theme suggestions and duplicates, printed, read-only.

Opens the file read-only like ``info`` and ``export``: nothing is written, the file stays
byte-identical. The engine is ``domain.suggest``, the same one the Board uses.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from workshop_app.cli_say import say
from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.errors import WorkshopError
from workshop_app.domain.records import AWAY_FROM_TABLES, Note, Question
from workshop_app.i18n import _, n_


def add_parser(sub: argparse._SubParsersAction) -> None:
    suggest = sub.add_parser(
        "suggest",
        help=_(
            "print suggested themes for the notes not yet sorted, and likely duplicates "
            "(changes nothing)"
        ),
    )
    suggest.add_argument("document", type=Path, metavar="FILE.workshop")
    suggest.add_argument(
        "--question", type=int, metavar="N", help=_("only question N (as numbered by 'info')")
    )
    suggest.add_argument(
        "--json", action="store_true", help=_("print JSON: questions, each with its suggestions")
    )


def _questions(bundle: EventBundle, number: int | None) -> list[tuple[int, Question]]:
    numbered = list(enumerate(bundle.questions, 1))
    if number is None:
        return numbered
    if not 1 <= number <= len(numbered):
        raise WorkshopError(
            n_(
                "there is no question {number}: the event has %n question",
                "there is no question {number}: the event has %n questions",
                len(numbered),
            ).format(number=number)
        )
    return [numbered[number - 1]]


def run(options: argparse.Namespace, bundle: EventBundle) -> int:
    """Print the suggestions for ``bundle``, read from ``options.document`` by the caller (as
    ``info`` reads it: read-only, damaged records named on stderr)."""
    from workshop_app.domain.suggest import find_duplicates, suggest_themes

    tables = {group.id: group.name for group in bundle.groups}
    selected = _questions(bundle, options.question)
    by_question: dict[str, list[Note]] = {q.id: [] for _, q in selected}
    for note in bundle.notes:
        if note.question_id in by_question:
            by_question[note.question_id].append(note)
    results = [(n, q, suggest_themes(by_question[q.id])) for n, q in selected]
    if options.json:
        payload = {
            "questions": [
                {
                    "question_id": question.id,
                    "suggestions": [
                        {
                            "title": s.title,
                            "keywords": list(s.keywords),
                            "note_ids": list(s.note_ids),
                        }
                        for s in suggestions
                    ],
                }
                for _, question, suggestions in results
            ]
        }
        say(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    for number, question, suggestions in results:
        notes = by_question[question.id]
        text = {note.id: note for note in notes}
        unsorted = sum(1 for note in notes if note.theme_id is None)
        text_of = question.text or _("(no text)")
        say(_("Q{number}. {question}").format(number=number, question=text_of))
        say(
            "  "
            + n_(
                "%n note, {unsorted} not yet sorted",
                "%n notes, {unsorted} not yet sorted",
                len(notes),
            ).format(unsorted=unsorted)
        )
        if not suggestions:
            say("  " + _("No themes to suggest."))
        for suggestion in suggestions:
            say("  " + _("Suggested theme: {title}").format(title=suggestion.title))
            say("    " + _("tied by: {keywords}").format(keywords=", ".join(suggestion.keywords)))
            for note_id in suggestion.note_ids:
                say(f"    - {_one_line(text[note_id], tables)}")
        for duplicate in find_duplicates(notes):
            first, second = (text[i] for i in duplicate.note_ids)
            say("  " + _("Possible duplicate, from two tables:"))
            say(f"    - {_one_line(first, tables)}")
            say(f"    - {_one_line(second, tables)}")
    return 0


def _one_line(note: Note, tables: dict[str, str]) -> str:
    where = tables.get(note.group_id or "", _(AWAY_FROM_TABLES).lower())
    return f"{' '.join(note.text.split())} ({where})"
