"""JSON -> document -> JSON is lossless, for any text, through a real .workshop file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from interchange_samples import sample, texts

from workshop_app.paths import resource
from workshop_app.storage.document import Document
from workshop_app.storage.interchange import dumps, parse


def through_a_file(text: str, path: Path) -> str:
    with Document.create(path, parse(text.encode("utf-8")), force=True):
        pass
    with Document.open(path) as doc:
        return dumps(doc.bundle())


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(title=texts, note_text=texts, summary=texts, attribution=texts)
def test_any_unicode_text_survives_a_document(
    title: str, note_text: str, summary: str, attribution: str, tmp_path: Path
) -> None:
    obj = sample()
    obj["event"]["title"] = title
    obj["event"]["summary"] = summary
    obj["questions"][1]["prompt"] = note_text
    obj["notes"][0]["text"] = note_text
    obj["notes"][1]["attribution"] = attribution
    obj["speakers"][0]["organisation"] = attribution
    text = json.dumps(obj, indent=2, ensure_ascii=False) + "\n"
    assert through_a_file(text, tmp_path / "event.workshop") == text


@pytest.mark.parametrize(
    "name",
    [
        "templates/three-question-engagement.json",
        "templates/retrospective.json",
        "templates/world-cafe.json",
        "demo/demo-event.json",
    ],
)
def test_bundled_files_survive_a_document_byte_for_byte(name: str, tmp_path: Path) -> None:
    text = resource(*name.split("/")).read_text(encoding="utf-8")
    assert through_a_file(text, tmp_path / "event.workshop") == text
