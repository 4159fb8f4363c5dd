"""workshop-app suggest: proposals per question, the exact JSON shape, nothing changed."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from cli_helpers import assert_one_line_error, run

from workshop_app import paths
from workshop_app.storage.document import Document

DEMO = Path(str(paths.resource("demo", "demo-event.json")))


@pytest.fixture()
def unsorted_demo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """The demo event with every theme taken away, as a .workshop file."""
    data = json.loads(DEMO.read_text(encoding="utf-8"))
    data["themes"] = []
    for note in data["notes"]:
        note["theme_id"] = None
    source = tmp_path / "unsorted.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    target = tmp_path / "unsorted.workshop"
    code, _, _ = run(capsys, "import", source, "-o", target)
    assert code == 0
    return target


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_json_has_the_documented_shape_and_the_file_is_unchanged(
    unsorted_demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = digest(unsorted_demo)
    code, out, err = run(capsys, "suggest", unsorted_demo, "--json")
    assert code == 0 and err == ""
    assert digest(unsorted_demo) == before
    data = json.loads(out)
    assert list(data) == ["questions"]
    with Document.open(unsorted_demo, readonly=True) as doc:
        bundle = doc.bundle()
    assert [q["question_id"] for q in data["questions"]] == [q.id for q in bundle.questions]
    question_of = {n.id: n.question_id for n in bundle.notes}
    total = 0
    for question in data["questions"]:
        assert list(question) == ["question_id", "suggestions"]
        for suggestion in question["suggestions"]:
            assert list(suggestion) == ["title", "keywords", "note_ids"]
            assert isinstance(suggestion["title"], str) and suggestion["title"]
            assert all(isinstance(k, str) for k in suggestion["keywords"])
            assert len(suggestion["note_ids"]) >= 2
            assert {question_of[i] for i in suggestion["note_ids"]} == {question["question_id"]}
            total += 1
    assert total >= 3


def test_one_question_human_output_and_sorted_notes_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "demo.workshop"
    assert run(capsys, "import", DEMO, "-o", target)[0] == 0
    before = digest(target)
    with Document.open(target, readonly=True) as doc:
        bundle = doc.bundle()
    code, out, _ = run(capsys, "suggest", target, "--question", "2", "--json")
    assert code == 0
    (question,) = json.loads(out)["questions"]
    assert question["question_id"] == bundle.questions[1].id
    themed = {n.id for n in bundle.notes if n.theme_id is not None}
    assert not themed & {i for s in question["suggestions"] for i in s["note_ids"]}
    code, out, _ = run(capsys, "suggest", target, "--question", "2")
    assert code == 0 and out.startswith(f"Q2. {bundle.questions[1].text}")
    assert "not yet sorted" in out and "Q1." not in out
    assert digest(target) == before


def test_human_output_shows_titles_keywords_and_notes(
    unsorted_demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "suggest", unsorted_demo)
    assert code == 0
    assert out.count("Suggested theme: ") >= 3 and "tied by: " in out
    assert "(Table " in out  # each note says which table wrote it


def test_bad_input_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "suggest", tmp_path / "missing.workshop")
    assert_one_line_error(code, err, "missing.workshop")
    target = tmp_path / "demo.workshop"
    assert run(capsys, "import", DEMO, "-o", target)[0] == 0
    code, _, err = run(capsys, "suggest", target, "--question", "9")
    assert_one_line_error(code, err, "no question 9", "3 questions")
    code, _, err = run(capsys, "suggest", target, "--question", "two")
    assert_one_line_error(code, err, "--question")
