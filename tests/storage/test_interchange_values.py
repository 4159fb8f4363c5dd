"""Values that import accepts or refuses, never half: each hostile value is refused with its
path, and the messages about a broken file are written for a person (issue 10, items 3 and 9)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from interchange_samples import sample

from workshop_app.domain.errors import InterchangeError
from workshop_app.storage.interchange import parse


def problems_for(data: str | bytes) -> list[str]:
    with pytest.raises(InterchangeError) as info:
        parse(data, source="bad.json")
    return info.value.problems


def changed(section: str, field: str, value: Any) -> str:
    obj = sample()
    record = obj[section] if section == "event" else obj[section][0]
    record[field] = value
    return json.dumps(obj)


@pytest.mark.parametrize(
    ("section", "field", "value", "words"),
    [
        ("event", "attendee_count", 2**63, "too large"),
        ("event", "attendee_count", 2**64, "too large"),
        ("agenda", "planned_minutes", 10**18, "too large"),
        ("notes", "votes", 2**63, "too large"),
        ("event", "title", "a\ud800b", "lone UTF-16 surrogate"),
        ("notes", "text", "\udfff", "lone UTF-16 surrogate"),
        ("speakers", "id", "s-\ud800", "lone UTF-16 surrogate"),
        ("notes", "created_at", "2021-06-15Z", "not a UTC timestamp"),
        ("agenda", "started_at", "2021-06-15Z", "not a UTC timestamp"),
        ("agenda", "started_at", "0001-01-01T00:00:00.000Z", "between the years"),
        ("event", "date", "9999-12-31", "between the years"),
    ],
)
def test_hostile_value_is_refused_with_its_path(
    section: str, field: str, value: Any, words: str
) -> None:
    path = "event" if section == "event" else f"{section}[0]"
    problems = problems_for(changed(section, field, value))
    assert any(p.startswith(f"{path}.{field}: ") and words in p for p in problems), problems


def test_a_number_too_long_to_read_is_refused_with_its_path() -> None:
    raw = changed("notes", "votes", 7).replace('"votes": 7', '"votes": ' + "9" * 5000)
    assert problems_for(raw) == [
        "notes[0].votes: a number 5,000 digits long is too large (at most 1,000,000)"
    ]


def test_json_nested_a_thousand_levels_is_refused_where_it_gets_too_deep() -> None:
    raw = changed("event", "x", 0).replace('"x": 0', '"x": ' + "[" * 1000 + "]" * 1000)
    (problem,) = problems_for(raw)
    column = raw.index("[") + 62 + 1  # the top object and "event" are two of the 65 levels
    assert problem == (
        f"(file): lists and objects are nested more than 64 levels deep at line 1, "
        f"column {column}; an event file needs 4"
    )


def test_nan_is_reported_where_it_is() -> None:
    raw = json.dumps(sample(), indent=1).replace('"votes": 3', '"votes": NaN')
    line = raw[: raw.index("NaN")].count("\n") + 1
    column = raw.index("NaN") - raw.rindex("\n", 0, raw.index("NaN"))
    (problem,) = problems_for(raw)
    assert problem.startswith("(file): not valid JSON: NaN is not allowed")
    assert problem.endswith(f"at line {line}, column {column}")
    assert line > 1


def test_unterminated_string_is_said_once_in_words() -> None:
    (problem,) = problems_for('{"format": "workshop-app.event", "version": 1, "event": {"ti')
    assert problem == (
        "(file): not valid JSON: text in quotes that is never closed, starting at line 1, column 58"
    )
    assert "at at" not in problem


def test_byte_order_marks_are_accepted_and_utf16_is_named() -> None:
    raw = "\ufeff\ufeff" + json.dumps(sample())
    assert parse(raw.encode("utf-8")).event.title == "Listening event"
    assert parse(raw).event.title == "Listening event"
    (problem,) = problems_for(json.dumps(sample()).encode("utf-16"))
    assert "UTF-16" in problem and "utf-8-sig" not in problem


def test_a_thousand_problems_are_counted_right() -> None:
    obj = sample()
    obj["notes"] = [{"id": f"n{i}", "text": 1, "kind": "idea"} for i in range(1000)]
    with pytest.raises(InterchangeError) as info:
        parse(json.dumps(obj), source="bad.json")
    assert info.value.total == 1000
    assert info.value.problems[-1] == "... and 950 more"
    assert str(info.value).endswith("(and 999 more problems)")
