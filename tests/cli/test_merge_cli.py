"""workshop-app merge: what came in, from how many laptops; --dry-run changes nothing; a
refused file is one error line, exit 2, and nothing changed."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from cli_helpers import assert_one_line_error, run

from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.records import Event, Note
from workshop_app.storage.document import Document


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture()
def room(tmp_path: Path) -> tuple[Path, list[Path]]:
    """The organiser's file and three tables' laptops, each with notes of its own; two of
    them edited the same note's text."""
    organiser = tmp_path / "day.workshop"
    with Document.create(organiser, EventBundle(event=Event(title="Day"))) as doc:
        shared = doc.add(Note(text="shared note"))
    tables = []
    for i in range(3):
        table = tmp_path / f"table{i + 1}.workshop"
        shutil.copyfile(organiser, table)
        with Document.open(table) as doc:
            doc.device_id = f"laptop-{i + 1}"
            doc.add_many([Note(text=f"table {i + 1} idea {n}") for n in range(i + 1)])
            if i < 2:
                doc.update(Note, shared.id, text=f"shared note, as table {i + 1} wrote it")
        tables.append(table)
    return organiser, tables


def test_merge_says_what_came_in_and_dry_run_changes_nothing(
    room: tuple[Path, list[Path]], capsys: pytest.CaptureFixture[str]
) -> None:
    organiser, tables = room
    before = digest(organiser)
    code, out, err = run(capsys, "merge", organiser, *tables, "--dry-run")
    assert (code, err) == (0, "")
    assert out == (
        f"Would merge into {organiser}: +6 notes from 3 laptops, 1 record updated, "
        "1 conflict kept. Nothing was changed (--dry-run).\n"
    )
    assert digest(organiser) == before

    code, out, err = run(capsys, "merge", organiser, *tables)
    assert (code, err) == (0, "")
    assert out == (
        f"Merged into {organiser}: +6 notes from 3 laptops, 1 record updated, 1 conflict kept.\n"
    )
    with Document.open(organiser, readonly=True) as doc:
        assert len(doc.select(Note)) == 7
        assert [c.value for c in doc.conflicts()] == ["shared note, as table 1 wrote it"]

    code, out, _ = run(capsys, "merge", organiser, *tables)
    assert out == f"Merged into {organiser}: Nothing new.\n"


def test_a_file_of_another_event_is_one_error_line_and_nothing_changes(
    room: tuple[Path, list[Path]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    organiser, tables = room
    other = tmp_path / "other.workshop"
    Document.create(other, EventBundle(event=Event(title="Another day"))).close()
    before = digest(organiser)
    code, out, err = run(capsys, "merge", organiser, tables[0], other)
    assert_one_line_error(code, err, "“other.workshop” is a different event")
    assert out == "" and digest(organiser) == before
    code, _, err = run(capsys, "merge", organiser, organiser)
    assert_one_line_error(code, err, "is the file to merge into")
    code, _, err = run(capsys, "merge", organiser)
    assert_one_line_error(code, err, "FROM")
