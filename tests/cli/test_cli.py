"""The workshop-app command: each command, and each kind of bad input (one line, exit 2)."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from cli_helpers import assert_one_line_error, run

from workshop_app import paths
from workshop_app.cli import main
from workshop_app.storage.document import Document

DEMO = Path(str(paths.resource("demo", "demo-event.json")))
REPO = Path(__file__).resolve().parents[2]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def demo_dict() -> dict:
    return json.loads(DEMO.read_text(encoding="utf-8"))


def test_version(capsys: pytest.CaptureFixture[str], app_home: Path) -> None:
    """The version from pyproject.toml first, then what a bug report needs."""
    import platform
    import tomllib

    import PySide6
    from PySide6.QtCore import qVersion

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"workshop-app {project['version']}"
    assert f"Python {platform.python_version()}" in lines
    assert f"PySide6 {PySide6.__version__}, Qt {qVersion()}" in lines
    assert f"Data folder: {app_home / 'data'}" in lines


def test_templates_lists_the_three_builtins(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "templates")
    assert code == 0
    for key in ("engagement", "retrospective", "world-cafe"):
        assert key in out


def test_new_from_template_with_title(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "retro.workshop"
    code, out, _ = run(
        capsys, "new", out_file, "--template", "retrospective", "--title", "Sprint 9"
    )
    assert code == 0 and "Sprint 9" in out
    with Document.open(out_file) as doc:
        assert doc.event().title == "Sprint 9"
        assert [q.text for q in doc.bundle().questions][0] == "What went well?"


def test_new_refuses_existing_file_and_unknown_template(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    existing = tmp_path / "a.workshop"
    existing.write_text("keep me")
    code, _, err = run(capsys, "new", existing)
    assert_one_line_error(code, err, "already exists", "--force")
    assert existing.read_text() == "keep me"
    code, _, err = run(capsys, "new", tmp_path / "b.workshop", "--template", "nope")
    assert_one_line_error(code, err, "no template called “nope”")
    assert not (tmp_path / "b.workshop").exists()
    code, _, err = run(capsys, "new", tmp_path / "b.txt")
    assert_one_line_error(code, err, ".workshop")


def test_new_force_replaces(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "a.workshop"
    target.write_text("old")
    code, _, _ = run(capsys, "new", target, "--force", "--title", "Fresh")
    assert code == 0
    with Document.open(target) as doc:
        assert doc.event().title == "Fresh"


def test_import_export_round_trip_is_identical(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc_path = tmp_path / "demo.workshop"
    code, out, _ = run(capsys, "import", DEMO, "-o", doc_path)
    assert code == 0 and "48 notes" in out
    json_path = tmp_path / "out.json"
    assert run(capsys, "export", doc_path, "--format", "json", "-o", json_path)[0] == 0
    exported = json.loads(json_path.read_text(encoding="utf-8"))
    assert all(n["device_id"] and n["updated_at"] for n in exported["notes"])
    assert without_stamps(exported) == without_stamps(demo_dict())
    # Export adds when and where each record changed; import keeps it: a second round trip
    # gives the same file, stamps and all.
    again = tmp_path / "again.workshop"
    assert run(capsys, "import", json_path, "-o", again)[0] == 0
    assert run(capsys, "export", again, "--format", "json", "-o", tmp_path / "2.json")[0] == 0
    assert (tmp_path / "2.json").read_text(encoding="utf-8") == json_path.read_text("utf-8")


def without_stamps(obj: dict) -> dict:
    from workshop_app.storage.interchange_stamps import STAMP_KEYS

    records = [
        obj["event"],
        *(r for section in obj.values() if isinstance(section, list) for r in section),
    ]
    for record in records:
        for key in STAMP_KEYS:
            record.pop(key, None)
    return obj


def test_export_csv_and_markdown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc_path = tmp_path / "demo.workshop"
    run(capsys, "import", DEMO, "-o", doc_path)
    assert run(capsys, "export", doc_path, "--format", "csv", "-o", tmp_path / "n.csv")[0] == 0
    rows = (tmp_path / "n.csv").read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("question,table,theme,kind,text")
    assert len(rows) >= 49  # header + 48 notes (some notes may span lines)
    assert run(capsys, "export", doc_path, "--format", "md", "-o", tmp_path / "r.md")[0] == 0
    markdown = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert "## How do we take people along the way?" in markdown
    assert "Wendy Clark" in markdown


def test_export_refuses_to_overwrite_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc_path = tmp_path / "demo.workshop"
    run(capsys, "import", DEMO, "-o", doc_path)
    target = tmp_path / "out.md"
    target.write_text("mine")
    code, _, err = run(capsys, "export", doc_path, "--format", "md", "-o", target)
    assert_one_line_error(code, err, "already exists")
    assert target.read_text() == "mine"
    assert run(capsys, "export", doc_path, "--format", "md", "-o", target, "--force")[0] == 0
    assert target.read_text(encoding="utf-8").startswith("# Digital transformation")


def test_export_works_while_the_app_has_the_file_open(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc_path = tmp_path / "demo.workshop"
    run(capsys, "import", DEMO, "-o", doc_path)
    with Document.open(doc_path) as doc:
        doc.update_event(title="Edited while open")
        code, _, err = run(
            capsys, "export", doc_path, "--format", "json", "-o", tmp_path / "o.json"
        )
        assert code == 0, err
        assert "-wal" in " ".join(p.name for p in tmp_path.iterdir())  # the app's WAL untouched
    exported = json.loads((tmp_path / "o.json").read_text(encoding="utf-8"))
    assert exported["event"]["title"] == "Edited while open"


def test_export_of_corrupt_file_is_refused_and_file_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc_path = tmp_path / "demo.workshop"
    run(capsys, "import", DEMO, "-o", doc_path)
    data = bytearray(doc_path.read_bytes())
    data[4096 * 2 : 4096 * 4] = b"\xff" * 8192
    doc_path.write_bytes(bytes(data))
    before = digest(doc_path)
    code, _, err = run(capsys, "export", doc_path, "--format", "json", "-o", tmp_path / "o.json")
    assert_one_line_error(code, err, "demo.workshop", "damaged")
    assert digest(doc_path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.workshop"]


BAD_IMPORTS = {
    "not_json": (b"{not json", "(file)"),
    "not_utf8": ("{}".encode("utf-16"), "UTF-8"),
    "empty": (b"", "(file)"),
    "top_level_list": (b"[]", "(file)"),
}


@pytest.mark.parametrize("name", sorted(BAD_IMPORTS))
def test_import_of_unreadable_files(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, needle = BAD_IMPORTS[name]
    source = tmp_path / "in.json"
    source.write_bytes(data)
    code, _, err = run(capsys, "import", source, "-o", tmp_path / "out.workshop")
    assert_one_line_error(code, err, needle)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.json"]


def _break(mutate: str) -> dict:
    data = demo_dict()
    if mutate == "format":
        data["format"] = "something-else"
    elif mutate == "version":
        data["version"] = 2
    elif mutate == "missing_title":
        del data["event"]["title"]
    elif mutate == "wrong_type":
        data["speakers"][0]["name"] = 42
    elif mutate == "unknown_enum":
        data["notes"][3]["kind"] = "rant"
    elif mutate == "dangling":
        data["notes"][12]["question_id"] = "no-such-question"
    elif mutate == "duplicate":
        data["notes"][5]["id"] = data["notes"][4]["id"]
    elif mutate == "too_long":
        data["notes"][7]["text"] = "x" * 20_001
    elif mutate == "negative_votes":
        data["notes"][2]["votes"] = -1
    return data


EXPECTED_PATHS = {
    "format": "format",
    "version": "version",
    "missing_title": "event.title",
    "wrong_type": "speakers[0].name",
    "unknown_enum": "notes[3].kind",
    "dangling": "notes[12].question_id",
    "duplicate": "notes[5].id",
    "too_long": "notes[7].text",
    "negative_votes": "notes[2].votes",
}


@pytest.mark.parametrize("mutate", sorted(EXPECTED_PATHS))
def test_import_of_invalid_event_names_the_json_path(
    mutate: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.json"
    source.write_text(json.dumps(_break(mutate)), encoding="utf-8")
    code, _, err = run(capsys, "import", source, "-o", tmp_path / "out.workshop")
    assert_one_line_error(code, err, EXPECTED_PATHS[mutate])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.json"]


def test_import_of_missing_file_and_existing_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "import", tmp_path / "nope.json", "-o", tmp_path / "o.workshop")
    assert_one_line_error(code, err, "nope.json")
    existing = tmp_path / "o.workshop"
    existing.write_bytes(b"precious")
    code, _, err = run(capsys, "import", DEMO, "-o", existing)
    assert_one_line_error(code, err, "already exists")
    assert existing.read_bytes() == b"precious"


def test_info_summarises_the_demo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc_path = tmp_path / "demo.workshop"
    run(capsys, "import", DEMO, "-o", doc_path)
    code, out, _ = run(capsys, "info", doc_path)
    assert code == 0
    assert "Digital transformation in healthcare" in out
    assert "3 questions, 5 tables" in out and "48 notes" in out


def test_usage_mistakes_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "export", tmp_path / "x.workshop", "--format", "pdf", "-o", "x")
    assert_one_line_error(code, err, "--format")
    code, _, err = run(capsys, "--bogus")
    assert_one_line_error(code, err, "--bogus")
    code, _, err = run(capsys, tmp_path / "missing.workshop")
    assert_one_line_error(code, err, "missing.workshop")
    code, _, err = run(capsys, "--demo", tmp_path / "x.workshop")
    assert_one_line_error(code, err, "not both")


def test_module_entry_point_in_a_real_process(tmp_path: Path) -> None:
    """`python -m workshop_app` behaves like the installed command, with no traceback."""
    source = tmp_path / "in.json"
    source.write_text("[]", encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "workshop_app",
            "import",
            str(source),
            "-o",
            str(tmp_path / "o.workshop"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("workshop-app: error: ")
    assert "Traceback" not in result.stderr
    assert "PySide6" not in result.stderr


def test_file_commands_do_not_load_qt(tmp_path: Path) -> None:
    code = (
        "import sys; from workshop_app.cli import main; main(['templates']); "
        "heavy = ('PySide6', 'matplotlib', 'reportlab'); "
        "loaded = [m for m in sys.modules if m.startswith(heavy)]; "
        "print(loaded); sys.exit(1 if loaded else 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_exported_files_get_the_usual_permissions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import os
    import stat

    doc_path = tmp_path / "demo.workshop"
    run(capsys, "import", DEMO, "-o", doc_path)
    old = os.umask(0o022)
    try:
        assert run(capsys, "export", doc_path, "--format", "md", "-o", tmp_path / "r.md")[0] == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "r.md").stat().st_mode) == 0o644
