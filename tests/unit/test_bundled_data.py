"""The bundled templates and demo event are valid interchange-format v1 files."""

from __future__ import annotations

import json
import re
import uuid

import pytest

from workshop_app.domain.records import AGENDA_KINDS, NOTE_KINDS, SPEAKER_KINDS
from workshop_app.paths import resource

TEMPLATES = ("three-question-engagement.json", "retrospective.json", "world-cafe.json")
DEMO = "demo-event.json"
ALL_FILES = [("templates", name) for name in TEMPLATES] + [("demo", DEMO)]
COLLECTIONS = ("speakers", "questions", "groups", "agenda", "themes", "notes")
TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")
KEYNOTE_QUOTE = (
    "If it takes people 10 minutes to log into their computers and you come talking about AI, "
    "you haven’t got the credibility to start that conversation, you need the basics in place"
)


def load(folder: str, name: str) -> dict:
    raw = resource(folder, name).read_bytes()
    return json.loads(raw.decode("utf-8"))  # strict UTF-8


def is_uuid4(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        parsed = uuid.UUID(value)
    except ValueError:
        return False
    return str(parsed) == value and parsed.version == 4


@pytest.fixture(params=ALL_FILES, ids=lambda p: f"{p[0]}/{p[1]}")
def bundle(request: pytest.FixtureRequest) -> dict:
    return load(*request.param)


def test_format_and_version(bundle: dict) -> None:
    assert bundle["format"] == "workshop-app.event"
    assert bundle["version"] == 1
    assert isinstance(bundle["event"], dict)
    for name in COLLECTIONS:
        assert isinstance(bundle[name], list), name


def test_ids_are_unique_uuid4(bundle: dict) -> None:
    ids = [bundle["event"]["id"]] + [r["id"] for name in COLLECTIONS for r in bundle[name]]
    bad = [i for i in ids if not is_uuid4(i)]
    assert not bad
    assert len(ids) == len(set(ids))


def test_references_resolve(bundle: dict) -> None:
    questions = {q["id"] for q in bundle["questions"]}
    groups = {g["id"] for g in bundle["groups"]}
    themes = {t["id"]: t for t in bundle["themes"]}
    for item in bundle["agenda"]:
        assert set(item["question_ids"]) <= questions, item["title"]
    for theme in bundle["themes"]:
        assert theme["question_id"] in questions, theme["title"]
    for note in bundle["notes"]:
        assert note["question_id"] is None or note["question_id"] in questions, note["text"]
        assert note["group_id"] is None or note["group_id"] in groups, note["text"]
        if note["theme_id"] is not None:
            assert note["theme_id"] in themes, note["text"]
            assert themes[note["theme_id"]]["question_id"] == note["question_id"], note["text"]


def test_enums_and_field_types(bundle: dict) -> None:
    event = bundle["event"]
    assert event["title"].strip()
    assert event["date"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", event["date"])
    assert event["start_time"] is None or re.fullmatch(r"\d{2}:\d{2}", event["start_time"])
    assert event["attendee_count"] is None or isinstance(event["attendee_count"], int)
    for speaker in bundle["speakers"]:
        assert speaker["kind"] in SPEAKER_KINDS
    for question in bundle["questions"]:
        assert question["text"].strip() and question["prompt"].strip()
    for item in bundle["agenda"]:
        assert item["kind"] in AGENDA_KINDS
        assert isinstance(item["planned_minutes"], int) and item["planned_minutes"] > 0
        assert item["started_at"] is None and item["ended_at"] is None
    for note in bundle["notes"]:
        assert note["kind"] in NOTE_KINDS
        assert note["text"].strip()
        assert isinstance(note["votes"], int) and not isinstance(note["votes"], bool)
        assert note["votes"] >= 0
        assert isinstance(note["starred"], bool)
        assert TIMESTAMP.match(note["created_at"]) and TIMESTAMP.match(note["updated_at"])
        assert note["updated_at"] >= note["created_at"]


@pytest.mark.parametrize("name", TEMPLATES)
def test_template_is_a_fresh_event(name: str) -> None:
    data = load("templates", name)
    assert data["event"]["summary"].strip()
    assert data["event"]["date"] is None
    assert data["event"]["attendee_count"] is None
    assert data["speakers"] == [] and data["themes"] == [] and data["notes"] == []
    assert all(not q["synthesis"] for q in data["questions"])
    assert any(a["kind"] == "breakout" and a["question_ids"] for a in data["agenda"])


def test_demo_event_contents() -> None:
    data = load("demo", DEMO)
    assert data["event"]["attendee_count"] == 40
    assert len(data["questions"]) == 3
    assert all(q["synthesis"].strip() for q in data["questions"])
    assert len(data["groups"]) == 5
    assert 30 <= len(data["notes"]) <= 60
    quotes = [n for n in data["notes"] if n["text"] == KEYNOTE_QUOTE]
    assert len(quotes) == 1
    quote = quotes[0]
    assert quote["attribution"] == "Wendy Clark"
    assert quote["question_id"] is None and quote["group_id"] is None
    assert quote["kind"] == "quote"
    created = [n["created_at"] for n in data["notes"]]
    assert created == sorted(created)
    assert all(c.startswith(data["event"]["date"]) for c in created)
