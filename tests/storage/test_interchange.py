"""JSON interchange v1: lossless round trips, and a clear, located message for each bad input."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from interchange_samples import G1, Q1, Q2, sample, texts

from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.errors import InterchangeError
from workshop_app.domain.records import MAX_TEXT, Event, Note, Question
from workshop_app.paths import resource
from workshop_app.storage.interchange import (
    FORMAT,
    VERSION,
    bundle_from_dict,
    bundle_to_dict,
    dumps,
    parse,
)


def problems_for(obj: Any) -> list[str]:
    with pytest.raises(InterchangeError) as info:
        bundle_from_dict(obj)
    return info.value.problems


def problems_for_bytes(data: bytes) -> list[str]:
    with pytest.raises(InterchangeError) as info:
        parse(data, source="bad.json")
    assert str(info.value).startswith("bad.json: ")
    return info.value.problems


def with_change(path: str, value: Any, *, delete: bool = False) -> dict[str, Any]:
    """sample() with one value replaced (or deleted) at a dotted path like ``notes.0.kind``."""
    obj = sample()
    *parents, last = path.split(".")
    target: Any = obj
    for part in parents:
        target = target[int(part)] if isinstance(target, list) else target[part]
    key: Any = int(last) if isinstance(target, list) else last
    if delete:
        del target[key]
    else:
        target[key] = value
    return obj


# ---------------------------------------------------------------- round trips


def test_sample_round_trips_exactly() -> None:
    obj = sample()
    text = json.dumps(obj, indent=2, ensure_ascii=False) + "\n"
    bundle = parse(text.encode("utf-8"))
    assert bundle_to_dict(bundle) == obj
    assert dumps(bundle) == text
    assert list(bundle_to_dict(bundle)) == list(obj)  # key order as documented
    assert list(bundle_to_dict(bundle)["notes"][0]) == list(obj["notes"][0])
    assert bundle.agenda[0].question_ids == (Q1, Q2)
    assert bundle.event.device_id == ""


@pytest.mark.parametrize("folder,name", [("demo", "demo-event.json")])
def test_bundled_demo_round_trips_byte_for_byte(folder: str, name: str) -> None:
    raw = resource(folder, name).read_bytes()
    assert dumps(parse(raw)).encode("utf-8") == raw


def test_bundle_round_trips_through_json() -> None:
    bundle = EventBundle(
        event=Event(id="e", title="T"),
        questions=(Question(id="q", text="Q?"),),
        notes=(Note(id="n", question_id="q", text="x", kind="action", votes=2),),
    )
    again = parse(dumps(bundle))
    assert again.notes == bundle.notes
    assert bundle_to_dict(again) == bundle_to_dict(bundle)


def test_missing_optional_fields_take_defaults_and_extra_keys_are_ignored() -> None:
    obj = {
        "format": FORMAT,
        "version": VERSION,
        "future_thing": {"x": 1},
        "event": {"id": "e", "title": "T", "colour": "blue"},
        "notes": [{"id": "n", "text": "hi", "kind": "idea", "mood": "good"}],
    }
    bundle = bundle_from_dict(obj)
    assert bundle.event.date is None and bundle.event.venue == ""
    assert bundle.speakers == ()
    note = bundle.notes[0]
    assert (note.votes, note.starred, note.question_id) == (0, False, None)
    assert note.created_at == note.updated_at and note.created_at.endswith("Z")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=texts, note_text=texts, summary=texts, attribution=texts)
def test_any_unicode_text_round_trips(
    title: str, note_text: str, summary: str, attribution: str
) -> None:
    obj = sample()
    obj["event"]["title"] = title
    obj["event"]["summary"] = summary
    obj["questions"][0]["synthesis"] = note_text
    obj["notes"][0]["text"] = note_text
    obj["notes"][1]["attribution"] = attribution
    obj["themes"][0]["title"] = attribution
    text = json.dumps(obj, indent=2, ensure_ascii=False) + "\n"
    bundle = parse(text.encode("utf-8"))
    assert bundle_to_dict(bundle) == obj
    assert dumps(bundle) == text
    assert parse(dumps(bundle)).notes == bundle.notes


# ---------------------------------------------------------------- bad input, one kind per test


def test_wrong_type_names_the_path() -> None:
    obj = with_change("speakers.0.name", 42)
    assert problems_for(obj) == ["speakers[0].name: expected text, got number"]


def test_bool_is_not_an_int() -> None:
    problems = problems_for(with_change("notes.0.votes", True))
    assert problems == ["notes[0].votes: expected a whole number, got true/false"]


def test_negative_and_fractional_counts() -> None:
    obj = with_change("agenda.0.planned_minutes", -5)
    obj["event"]["attendee_count"] = 2.5
    problems = problems_for(obj)
    assert "event.attendee_count: expected a whole number, got number" in problems
    assert "agenda[0].planned_minutes: -5 is negative; expected 0 or more" in problems


def test_missing_required_fields() -> None:
    obj = with_change("event.title", None, delete=True)
    del obj["notes"][1]["kind"]
    del obj["speakers"][0]["id"]
    problems = problems_for(obj)
    assert "event.title: required" in problems
    assert "notes[1].kind: required" in problems
    assert "speakers[0].id: required" in problems


def test_unknown_enum_value() -> None:
    problems = problems_for(with_change("notes.0.kind", "idea2"))
    assert problems == [
        'notes[0].kind: "idea2" is not one of idea, concern, quote, action, question'
    ]


@pytest.mark.parametrize(
    "field,value,message",
    [
        ("date", "2026-02-30", 'event.date: "2026-02-30" is not a real date'),
        ("date", "27/11/2026", 'event.date: "27/11/2026" is not a real date'),
        ("start_time", "24:00", 'event.start_time: "24:00" is not a time in the form HH:MM'),
        ("start_time", "9:30", 'event.start_time: "9:30" is not a time in the form HH:MM'),
    ],
)
def test_bad_date_and_time(field: str, value: str, message: str) -> None:
    problems = problems_for(with_change(f"event.{field}", value))
    assert len(problems) == 1 and problems[0].startswith(message)


def test_bad_timestamp() -> None:
    problems = problems_for(with_change("notes.0.created_at", "2026-11-27 10:00"))
    assert problems[0].startswith('notes[0].created_at: "2026-11-27 10:00" is not a UTC timestamp')


def test_unknown_format() -> None:
    problems = problems_for(with_change("format", "something.else"))
    assert problems == [
        'format: "something.else" is not a Workshop event file (expected "workshop-app.event")'
    ]


def test_version_2() -> None:
    problems = problems_for(with_change("version", 2))
    assert problems == ["version: this file is version 2; this version of Workshop reads version 1"]


def test_missing_version() -> None:
    assert problems_for(with_change("version", None, delete=True)) == ["version: required"]


def test_dangling_ids() -> None:
    obj = with_change("notes.0.question_id", "abc")
    obj["agenda"][0]["question_ids"][1] = "gone"
    obj["notes"][1]["group_id"] = "nope"
    problems = problems_for(obj)
    assert 'notes[0].question_id: no question with id "abc"' in problems
    assert 'agenda[0].question_ids[1]: no question with id "gone"' in problems
    assert 'notes[1].group_id: no table (group) with id "nope"' in problems


def test_reference_to_wrong_kind_of_record_is_dangling() -> None:
    problems = problems_for(with_change("notes.0.group_id", Q1))
    assert problems == [f'notes[0].group_id: no table (group) with id "{Q1}"']


def test_theme_of_another_question() -> None:
    problems = problems_for(with_change("notes.0.question_id", Q2))
    assert len(problems) == 1
    assert problems[0].startswith('notes[0].theme_id: theme "Needs" belongs to question "q-1"')


def test_duplicate_ids_across_records() -> None:
    problems = problems_for(with_change("notes.1.id", G1))
    assert problems == [f'notes[1].id: id "{G1}" is used more than once (also at groups[0])']


def test_bad_ids() -> None:
    obj = with_change("questions.0.id", "")
    obj["groups"][0]["id"] = "x" * 201
    problems = problems_for(obj)
    assert "questions[0].id: an id cannot be empty" in problems
    assert "groups[0].id: id is too long (201 characters; at most 200)" in problems


def test_text_over_the_limit_says_its_length() -> None:
    problems = problems_for(with_change("notes.0.text", "a" * (MAX_TEXT + 1)))
    assert problems == ["notes[0].text: text is too long (20,001 characters; at most 20,000)"]


def test_text_at_the_limit_is_fine() -> None:
    bundle = bundle_from_dict(with_change("notes.0.text", "a" * MAX_TEXT))
    assert len(bundle.notes[0].text) == MAX_TEXT


def test_collection_and_record_shapes() -> None:
    obj = with_change("speakers", {"id": "x"})
    obj["groups"] = ["Table 1"]
    problems = problems_for(obj)
    assert "speakers: expected a list, got an object" in problems
    assert "groups[0]: expected an object, got text" in problems


def test_every_problem_is_reported_and_capped() -> None:
    obj = sample()
    obj["notes"] = [{"id": f"n{i}", "text": 1, "kind": "x"} for i in range(40)]
    problems = problems_for(obj)
    assert len(problems) == 51
    assert problems[-1] == "... and 30 more"
    assert problems[0] == "notes[0].text: expected text, got number"
    assert problems[1].startswith('notes[0].kind: "x" is not one of')


def test_not_utf8() -> None:
    problems = problems_for_bytes(json.dumps(sample()).encode("utf-16"))
    assert len(problems) == 1 and problems[0].startswith("(file): this is not UTF-8 text")
    latin1 = json.dumps(with_change("event.title", "Café"), ensure_ascii=False).encode("latin-1")
    assert problems_for_bytes(latin1)[0].startswith("(file): this is not UTF-8 text")


def test_utf8_bom_is_accepted() -> None:
    raw = "\ufeff" + json.dumps(sample())
    assert parse(raw.encode("utf-8")).event.title == "Listening event"


def test_not_json_gives_line_and_column() -> None:
    problems = problems_for_bytes(b'{\n  "format": "workshop-app.event",\n  "version": 1,,\n}')
    assert len(problems) == 1
    assert problems[0].startswith("(file): not valid JSON: ")
    assert "line 3, column 16" in problems[0]


def test_nan_is_not_json() -> None:
    raw = json.dumps(sample()).replace('"votes": 3', '"votes": NaN').encode()
    assert problems_for_bytes(raw)[0].startswith("(file): not valid JSON: NaN is not allowed")


def test_top_level_list() -> None:
    assert problems_for_bytes(b"[1, 2]") == [
        "(file): expected a JSON object at the top level, got a list"
    ]


@pytest.mark.parametrize("data", [b"", b"  \n", ""])
def test_empty_file(data: bytes | str) -> None:
    with pytest.raises(InterchangeError) as info:
        parse(data)
    assert info.value.problems == ["(file): the file is empty"]


def test_error_message_names_source_and_counts() -> None:
    obj = with_change("notes.0.kind", "idea2")
    obj["notes"][1]["votes"] = -1
    with pytest.raises(InterchangeError) as info:
        parse(json.dumps(obj), source="event.json")
    message = str(info.value)
    assert message.startswith('event.json: notes[0].kind: "idea2"')
    assert message.endswith("(and 1 more problem)")


def test_input_object_is_not_modified() -> None:
    obj = sample()
    del obj["notes"][0]["created_at"]
    before = copy.deepcopy(obj)
    bundle_from_dict(obj)
    assert obj == before
