"""What the command line prints: user text cannot steer the terminal, a failed import lists its
problems one per line, and ``import`` names event files as ``new`` does (issue 10, items 6, 9)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_helpers import assert_one_line_error, run

from workshop_app import paths
from workshop_app.domain.records import Question
from workshop_app.storage.document import Document

DEMO = Path(str(paths.resource("demo", "demo-event.json")))
ESCAPES = "\x1b]0;pwned\x07\x1b[2J\x9b31m\r"


def test_info_shows_control_characters_as_escapes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(DEMO.read_text(encoding="utf-8"))
    data["event"]["title"] = f"Day{ESCAPES}one"
    data["event"]["venue"] = "Hall\x00B"
    source = tmp_path / "in.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    doc_path = tmp_path / "day.workshop"
    assert run(capsys, "import", source, "-o", doc_path)[0] == 0
    with Document.open(doc_path) as doc:
        doc.add(Question(text="Why\x1b[8m?"))
    code, out, err = run(capsys, "info", doc_path)
    assert code == 0 and not err
    assert not any(ch in out for ch in "\x1b\x07\x9b\r\x00")
    assert "Day\\x1b]0;pwned\\x07\\x1b[2J\\x9b31m\\x0done" in out
    assert "Hall\\x00B" in out and "Why\\x1b[8m?" in out


def test_error_lines_show_control_characters_as_escapes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "info", tmp_path / "no\x1b[2Jfile.workshop")
    assert_one_line_error(code, err, "no\\x1b[2Jfile.workshop")
    assert "\x1b" not in err


def test_import_names_an_event_file_like_new(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "import", DEMO, "-o", tmp_path / "x.db")
    assert_one_line_error(code, err, "x.db", "should end in .workshop")
    code, _, err = run(capsys, "new", tmp_path / "x.db")
    assert_one_line_error(code, err, "x.db", "should end in .workshop")
    assert list(tmp_path.iterdir()) == []


def test_failed_import_lists_every_problem_one_per_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(DEMO.read_text(encoding="utf-8"))
    for index in range(3):
        data["notes"][index]["votes"] = -1
    source = tmp_path / "in.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run(capsys, "import", source, "-o", tmp_path / "out.workshop")
    assert_one_line_error(code, err, "notes[0].votes", "(and 2 more problems)")
    assert err.splitlines()[1:] == [
        "  notes[1].votes: -1 is negative; expected 0 or more",
        "  notes[2].votes: -1 is negative; expected 0 or more",
    ]


def test_a_thousand_problems_list_fifty_and_count_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(DEMO.read_text(encoding="utf-8"))
    data["notes"] = [{"id": f"n{i}", "text": "x", "kind": "idea", "votes": -1} for i in range(1000)]
    source = tmp_path / "in.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run(capsys, "import", source, "-o", tmp_path / "out.workshop")
    assert_one_line_error(code, err, "(and 999 more problems)")
    lines = err.splitlines()
    assert len(lines) == 51
    assert lines[-1] == "  ... and 950 more"
