"""Hostile values in every field of a valid interchange file: import refuses the file with a
message naming the value's path, or accepts it, and then info, every export and the report
(PDF and HTML) all work on it. Never half (issue 10, item 3)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from cli_helpers import assert_one_line_error, run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workshop_app import paths
from workshop_app.storage.interchange import SECTIONS

DEMO = json.loads(Path(str(paths.resource("demo", "demo-event.json"))).read_text("utf-8"))
#: Every (section, index, field) of the demo: each field of the event and of a record per list.
PLACES = [("event", None, name) for name in DEMO["event"]] + [
    (section, index, name)
    for section in SECTIONS
    for index in (0, len(DEMO[section]) - 1)
    for name in DEMO[section][index]
]

_WEIRD_TEXT = st.text(
    st.characters(codec=None, blacklist_categories=()), max_size=40
) | st.sampled_from(
    [
        "\ud800",
        "a\udfffb",
        "\x00",
        "\x1b]0;x\x07\x1b[2J",
        "<b>X</b><img src=x>",
        "=1+1",
        "＝cmd",
        "\u202eevil",
        "ﷺ" * 50,
        "x" * 20_000,
        "word " * 4_000,
        "2021-06-15Z",
        "2021-06-15",
        "9999-12-31T23:59:59.999Z",
        "0001-01-01T00:00:00.000Z",
        "2026-11-27T25:00:00.000Z",
        "2026-02-29",
        "24:00",
        "",
        " ",
        "\n",
        "q-missing",
    ]
)
_WEIRD_NUMBERS = st.sampled_from(
    [
        2**63 - 1,
        2**63,
        2**64,
        -(2**63) - 1,
        10**30,
        10**400,
        -1,
        0,
        1,
        1440,
        1441,
        100_000,
        1_000_001,
        1.5,
        1e308,
        True,
        False,
    ]
)
_NESTED = st.sampled_from([[], {}, [[[[]]]], {"a": {"b": []}}, None])
HOSTILE = _WEIRD_TEXT | _WEIRD_NUMBERS | _NESTED | st.integers()


def _with(place: tuple[str, int | None, str], value: Any) -> dict[str, Any]:
    data = json.loads(json.dumps(DEMO))
    section, index, name = place
    record = data[section] if index is None else data[section][index]
    record[name] = value
    return data


def _path(place: tuple[str, int | None, str]) -> str:
    section, index, name = place
    return f"{section}.{name}" if index is None else f"{section}[{index}].{name}"


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(place=st.sampled_from(PLACES), value=HOSTILE)
def test_import_refuses_with_the_path_or_every_command_works(
    place: tuple[str, int | None, str], value: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        source = tmp / "in.json"
        source.write_text(json.dumps(_with(place, value)), encoding="utf-8")
        doc = tmp / "day.workshop"
        code, _, err = run(capsys, "import", source, "-o", doc)
        if code != 0:
            assert_one_line_error(code, err)
            lines = err.splitlines()
            problems = [lines[0].removeprefix("workshop-app: error: in.json: ")]
            problems += [line.strip() for line in lines[1:] if not line.strip().startswith("...")]
            named = {problem.split(": ", 1)[0] for problem in problems}
            if place[2] == "id" or place[2].endswith(("_id", "_ids")):  # reported where used too
                assert named - {"(file)"}, err
            else:
                assert _path(place) in named, err
            assert sorted(p.name for p in tmp.iterdir()) == ["in.json"]
            return
        for args in (
            ("info", doc),
            *(("export", doc, "--format", f, "-o", tmp / f"o.{f}") for f in ("json", "csv", "md")),
            ("report", doc, "-o", tmp / "out.pdf", "--no-charts"),
            ("report", doc, "-o", tmp / "out.html"),
        ):
            code, _, err = run(capsys, *args)
            assert code == 0, (args[0], err)
