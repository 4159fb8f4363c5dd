"""Words the domain and storage layers make for a person come out of the catalogue: under the
pseudo-locale a JSON import problem, a template's name and summary, and a kind of note, agenda
item or speaker are bracketed; in English they read exactly as before."""

from __future__ import annotations

import json

import pytest

from workshop_app.domain.errors import InterchangeError
from workshop_app.domain.records import AGENDA_KINDS, NOTE_KINDS, SPEAKER_KINDS, kind_label
from workshop_app.i18n import PSEUDO, pseudo, using
from workshop_app.storage import interchange, templates

BAD_NOTE = {
    "format": "workshop-app.event",
    "version": 1,
    "event": {"id": "e1", "title": "Day"},
    "questions": [{"id": "q1", "text": "Why?"}],
    "notes": [
        {"id": "n1", "text": 7, "kind": "idea"},
        {"id": "n2", "text": "Hi", "kind": "idea", "question_id": "q9"},
    ],
}


def _problems(data: str | bytes) -> list[str]:
    with pytest.raises(InterchangeError) as caught:
        interchange.parse(data)
    return caught.value.problems


def test_json_problems_in_english_as_before() -> None:
    problems = _problems(json.dumps(BAD_NOTE))
    assert problems == [
        "notes[0].text: expected text, got number",
        'notes[1].question_id: no question with id "q9"',
    ]
    assert _problems('{\n  "a": }') == [
        "(file): not valid JSON: expected a value at line 2, column 8"
    ]


def test_json_problems_bracketed_under_the_pseudo_locale() -> None:
    with using(PSEUDO):
        problems = _problems(json.dumps(BAD_NOTE))
        syntax = _problems('{\n  "a": }')
    text, missing = problems
    # The path stays as written (it names the file's own keys); the words after it translate,
    # and so does the kind of value inside them.
    assert text.startswith("notes[0].text: [")
    assert pseudo("number") in text
    assert missing.startswith("[") and "q9" in missing and "question_id" in missing
    assert syntax[0].startswith("[") and pseudo("expected a value") in syntax[0]
    assert (
        pseudo("at line {line}, column {column}").replace("{line}", "2").replace("{column}", "8")
        in syntax[0]
    )


def test_template_names_and_summaries_translated_where_shown() -> None:
    listed = templates.list_templates()
    names = [t.name for t in listed]
    summaries = [t.summary for t in listed]
    assert names == [
        "Three-question engagement event",
        "Retrospective",
        "World café",
    ]
    for template in listed:  # the summary offered is the one in the template's file
        assert template.summary == template.bundle.event.summary_hint
    with using(PSEUDO):
        shown = templates.list_templates()
        assert [t.name for t in shown] == [pseudo(name) for name in names]
        assert [t.summary for t in shown] == [pseudo(summary) for summary in summaries]
        # a name as shown in the language finds its template too
        assert templates.find_template(pseudo("Retrospective")).key == "retrospective"
    # the event made from a template keeps its file's words: data, not the app's words
    assert shown[1].bundle.event.title == "Retrospective"


def test_kind_labels_never_a_raw_key() -> None:
    assert kind_label("concern") == "Concern"
    assert kind_label("breakout") == "Breakout"
    assert kind_label("panellist") == "Panellist"
    for kind in (*NOTE_KINDS, *AGENDA_KINDS, *SPEAKER_KINDS):
        english = kind_label(kind)
        assert english != kind and english[0].isupper()
        with using(PSEUDO):
            assert kind_label(kind) == pseudo(english)
