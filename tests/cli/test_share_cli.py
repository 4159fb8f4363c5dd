"""workshop-app share FILE FOLDER: one round of sharing through a folder. It says what it
published, what came in and what it skipped and why; a missing folder is one error line, exit 2."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from cli_helpers import assert_one_line_error, run

from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.records import Event, Note
from workshop_app.storage import device
from workshop_app.storage.document import Document
from workshop_app.storage.snapshots import snapshot_name


def as_laptop(home: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run the next commands as another laptop (its own data folder, so its own device id)."""
    home.mkdir(exist_ok=True)
    monkeypatch.setenv("WORKSHOP_APP_HOME", str(home))
    return device.device_id()


def test_share_publishes_then_merges_the_others_and_names_what_it_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = tmp_path / "seed.workshop"
    with Document.create(seed, EventBundle(event=Event(title="Day"))) as doc:
        shared = doc.add(Note(text="shared note"))
        event = doc.event_id
    folder = tmp_path / "shared"
    folder.mkdir()
    tables = []
    for i in range(1, 4):
        table = tmp_path / f"table{i}.workshop"
        shutil.copyfile(seed, table)
        tables.append(table)
        as_laptop(tmp_path / f"home{i}", monkeypatch)
        with Document.open(table) as doc:
            doc.add_many([Note(text=f"table {i} idea {n}") for n in range(i)])
            if i > 1:
                doc.update(Note, shared.id, text=f"shared note, as table {i} wrote it")
        code, out, err = run(capsys, "share", table, folder)
        assert (code, err) == (0, "")
        if i == 1:
            assert out == "Published table1.workshop's snapshot; nothing new to merge.\n"
    assert out == (
        "Published table3.workshop's snapshot; merged +3 notes from 2 laptops, "
        "1 conflict kept.\n"  # table 3 wrote the shared note last: its text stays
    )
    cut = folder / snapshot_name(event, "laptop-gone")
    whole = (folder / sorted(os.listdir(folder))[0]).read_bytes()
    cut.write_bytes(whole[:4096])
    (folder / f".syncthing.{snapshot_name(event, 'laptop-new')}.tmp").write_bytes(b"partial")

    as_laptop(tmp_path / "home1", monkeypatch)
    code, out, err = run(capsys, "share", tables[0], folder)
    assert (code, err) == (0, "")
    assert out.startswith(
        "Published table1.workshop's snapshot; merged +5 notes from 2 laptops, 1 record "
        "updated, 1 conflict kept; skipped 1 file ("
        f"{cut.name}: it is damaged and cannot be opened"
    ), out
    assert out.count("\n") == 1
    with Document.open(tables[0], readonly=True) as doc:
        assert len(doc.select(Note)) == 7

    code, out, err = run(capsys, "share", tables[0], folder)
    assert out.startswith("Published table1.workshop's snapshot; nothing new to merge; skipped")


def test_a_missing_folder_or_file_is_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "day.workshop"
    Document.create(path, EventBundle(event=Event(title="Day"))).close()
    before = path.read_bytes()
    code, out, err = run(capsys, "share", path, tmp_path / "usb")
    assert_one_line_error(code, err, "shared folder", "is not there")
    assert out == "" and path.read_bytes() == before
    code, _, err = run(capsys, "share", path, path)
    assert_one_line_error(code, err, "is not a folder")
    code, _, err = run(capsys, "share", tmp_path / "none.workshop", tmp_path)
    assert_one_line_error(code, err, "none.workshop")
    code, _, err = run(capsys, "share", path)
    assert_one_line_error(code, err, "required")
