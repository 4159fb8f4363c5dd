"""Fuzzing (issue 10, "Done when"): hostile files through every command and the window.

Three kinds of damage, each chosen by hypothesis:
- ``.workshop`` files made by the app's own code from the demo, damaged at the SQL level (rows
  deleted, tables and columns dropped, cells set to blobs, invalid UTF-8, huge numbers, text in
  number columns, lists that are not JSON, NULLs; ``application_id``, ``user_version`` and
  ``journal_mode`` changed);
- the same files damaged at the byte level (bytes flipped or overwritten in the header and the
  pages, the file cut short or garbage appended, a garbage ``-journal`` or ``-wal`` beside it);
- the demo's interchange JSON with any value anywhere replaced by a hostile one (wrong types,
  huge numbers, NaN and Infinity, lone surrogates as escapes or as invalid UTF-8, deep nesting,
  control characters, enormous strings).

Every file goes through ``info``, ``export`` (json, csv, md), ``report`` (pdf, html) and
``import``, each a real ``python -m workshop_app`` process with a time cap (``merge`` does not
exist yet: issue 12 adds it, and it belongs here then), and every ``.workshop`` file opens in the
real main window offscreen, in this process (pytest-qt fails the test on any exception Qt
swallows) and a few times in a child process (a segfault shows as a negative exit).

The rules: exit 0, or exit 2 with one ``workshop-app: error:`` line (a damaged file's
``workshop-app: warning:`` block may come first); never a traceback; never over the time cap;
the commands that read a file leave its folder byte-identical; a file the window refuses is
byte-identical with nothing new beside it; a failed command leaves no output behind.

A normal run tries 10 files of each kind of damage, 30 JSON files and 4 in the child process, in
under a minute; ``WORKSHOP_FUZZ_EXAMPLES=500`` tries 500 of each (and 50 in the child): about
half an hour on two cores.
"""

from __future__ import annotations

import json
import math
import os
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

from tests.cli.cli_helpers import assert_one_line_error
from tests.storage.damaged_files import make_demo, snapshot
from workshop_app import paths
from workshop_app.storage.schema import APPLICATION_ID, SCHEMA_VERSION
from workshop_app.ui.common.settings import AppSettings
from workshop_app.ui.shell.main_window import MainWindow
from workshop_app.ui.shell.modes import MODES

ROOT = Path(__file__).resolve().parents[3]
CHILD = Path(__file__).with_name("damaged_child.py")
EXAMPLES = int(os.environ.get("WORKSHOP_FUZZ_EXAMPLES", "0"))
#: Seconds one command may take (several run at once on a loaded two-core machine).
CAP = 60
FUZZ = settings(
    max_examples=EXAMPLES or 10,
    # The suite's run (CI included) tries the same examples every time, so a landing is never
    # decided by the seed; a run with WORKSHOP_FUZZ_EXAMPLES explores new ones.
    derandomize=not EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
DEMO_JSON = Path(str(paths.resource("demo", "demo-event.json"))).read_bytes()


# --- running the commands ------------------------------------------------------------------


@dataclass
class Ran:
    args: tuple[str, ...]
    code: int
    err: str


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}


def _run_all(commands: list[tuple[str, ...]]) -> list[Ran]:
    """Run the commands at once (two cores), each as its own process with the time cap."""
    procs = [
        (
            args,
            subprocess.Popen(
                [sys.executable, "-m", "workshop_app", *args],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
                errors="replace",
                env=_env(),
                cwd=ROOT,
            ),
        )
        for args in commands
    ]
    results = []
    for args, proc in procs:
        try:
            _, err = proc.communicate(timeout=CAP)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            pytest.fail(f"over {CAP} s: {args}")
        results.append(Ran(args, proc.returncode, err))
    return results


def _check(ran: Ran) -> None:
    """Exit 0 (warnings allowed) or 2 with one error line; never a traceback."""
    assert "Traceback" not in ran.err, (ran.args, ran.err)
    assert ran.code in (0, 2), (ran.args, ran.code, ran.err)
    lines = ran.err.splitlines()
    if lines and lines[0].startswith("workshop-app: warning: "):  # records set aside, listed
        lines = lines[1:]
        while lines and lines[0].startswith("  "):
            lines = lines[1:]
    if ran.code == 0:
        assert lines == [], (ran.args, ran.err)
    else:
        assert_one_line_error(ran.code, "\n".join(lines))


def _readers(doc: Path, out: Path) -> list[tuple[str, ...]]:
    return [
        ("info", str(doc)),
        *(
            ("export", str(doc), "--format", f, "-o", str(out / f"out.{f}"))
            for f in ("json", "csv", "md")
        ),
        ("report", str(doc), "-o", str(out / "out.pdf")),
        ("report", str(doc), "-o", str(out / "out.html")),
    ]


def _check_readers(doc: Path, out: Path) -> list[Ran]:
    """Every reading command on ``doc``: the rules, ``doc``'s folder untouched, and no output
    (nor a temporary) left by a command that failed."""
    before = snapshot(doc.parent)
    results = _run_all(_readers(doc, out))
    for ran in results:
        _check(ran)
        event(f"{ran.args[0]} {ran.args[-1][-4:]}: exit {ran.code}")
        if ran.code != 0 and ran.args[0] != "info":
            assert not Path(ran.args[-1]).exists(), ran.args
    assert snapshot(doc.parent) == before, "a command that only reads changed the file's folder"
    assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")]
    return results


# --- the window ----------------------------------------------------------------------------


def _open_in_window(qtbot: QtBot, settings: AppSettings, dialogs: Any, doc: Path) -> bool:
    """Open ``doc`` in a fresh main window, show every mode, close. Refused: byte-identical and
    nothing new beside it. Never the crash dialog (pytest-qt fails on an exception in Qt)."""
    folder = doc.parent
    before = snapshot(folder)
    dialogs.errors.clear()
    dialogs.infos.clear()
    window = MainWindow(settings, dialogs)
    window.show()
    try:
        opened = window.open_path(doc)
        if window.workspace is not None:
            for mode in (*MODES, "capture"):
                window.workspace.set_mode(mode, focus=True)
                qtbot.wait(1)
    finally:
        window.close()
        window.deleteLater()
    for title, text, details in dialogs.errors:
        assert title != "Something went wrong" and details == "", (title, text, details)
    event("window: opened" if opened else "window: refused")
    if not opened:
        assert [title for title, *_ in dialogs.errors] == ["The event could not be opened"]
        assert snapshot(folder) == before, "a refused file was changed, or something left beside"
    else:  # may write: the file, its -wal/-shm, a stray journal set aside (README)
        allowed = (doc.name, f"{doc.name}-wal", f"{doc.name}-shm")
        new = [
            name
            for name in set(snapshot(folder)) - set(before)
            if name not in allowed and not name.startswith(f"{doc.name}-journal.stray-")
        ]
        assert new == [], new
    return opened


# --- damage at the SQL level ---------------------------------------------------------------


@cache
def _demo(journal: str) -> bytes:
    """The demo event written by the app, in ``journal`` mode, as bytes."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.workshop"
        make_demo(path)
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute(f"PRAGMA journal_mode={journal}")
        conn.close()
        return path.read_bytes()


@dataclass(frozen=True)
class Raw:
    """A cell value written as an SQL expression with one bound parameter."""

    sql: str
    param: Any


_LONG = "long text " * 20_000
CELL = st.one_of(
    st.none(),
    st.binary(max_size=24),
    st.binary(min_size=1, max_size=12).map(lambda b: Raw("CAST(? AS TEXT)", b"\xff" + b)),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.sampled_from([2**63 - 1, -(2**63), 0, -1, 1, 10**12]),
    st.floats(allow_nan=False),
    st.text(st.characters(codec="utf-8"), max_size=30),
    st.sampled_from(
        [
            "",
            " ",
            "[oops",
            "{}",
            "[1, 2]",
            '["x"]',
            '{"a": 1}',
            "null",
            "NaN",
            "Infinity",
            "soon",
            "2021-06-15Z",
            "2021-06-15",
            "9999-12-31T23:59:59.999Z",
            "0000-00-00",
            "25:99",
            "24:00",
            "rumour",
            "keynote",
            "Not/AZone",
            "../../etc/passwd",
            "\x1b[2J\x07",
            "\x00",
            _LONG,
            "<b>bold</b>",
            "=1+1",
        ]
    ),
)
#: Operations on tables and columns given by index (taken modulo what the file has).
SQL_OP = st.one_of(
    st.tuples(st.just("delete"), st.integers(0, 20), st.integers(0, 50)),
    st.tuples(st.just("delete-all"), st.integers(0, 20)),
    st.tuples(st.just("drop-table"), st.integers(0, 20)),
    st.tuples(st.just("drop-column"), st.integers(0, 20), st.integers(0, 30)),
    st.tuples(st.just("update"), st.integers(0, 20), st.integers(0, 30), st.integers(0, 50), CELL),
    st.tuples(st.just("update-all"), st.integers(0, 20), st.integers(0, 30), CELL),
    st.tuples(
        st.just("pragma"),
        st.sampled_from(["application_id", "user_version"]),
        st.sampled_from([0, 1, -1, APPLICATION_ID, SCHEMA_VERSION - 1, SCHEMA_VERSION + 1])
        | st.integers(-(2**31), 2**31 - 1),
    ),
    st.tuples(st.just("journal"), st.sampled_from(["delete", "wal", "truncate", "persist", "off"])),
)


def _tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    return [row[0] for row in rows]


def _apply_sql(path: Path, ops: list[tuple[Any, ...]]) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for op in ops:
            tables = _tables(conn)
            if not tables:
                break
            kind, table = (
                op[0],
                tables[op[1] % len(tables)] if op[0] not in ("pragma", "journal") else "",
            )
            columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')] if table else []
            row = f'WHERE rowid = (SELECT rowid FROM "{table}" LIMIT 1 OFFSET {{}})'
            try:
                if kind == "delete":
                    conn.execute(f'DELETE FROM "{table}" ' + row.format(op[2]))
                elif kind == "delete-all":
                    conn.execute(f'DELETE FROM "{table}"')
                elif kind == "drop-table":
                    conn.execute(f'DROP TABLE "{table}"')
                elif kind == "drop-column":
                    column = columns[op[2] % len(columns)]
                    conn.execute(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')
                elif kind in ("update", "update-all"):
                    column = columns[op[2] % len(columns)]
                    value = op[-1]
                    expr, param = (
                        (value.sql, value.param) if isinstance(value, Raw) else ("?", value)
                    )
                    where = row.format(op[3]) if kind == "update" else ""
                    conn.execute(f'UPDATE "{table}" SET "{column}" = {expr} {where}', (param,))
                elif kind == "pragma":
                    conn.execute(f"PRAGMA {op[1]}={op[2]}")
                else:
                    conn.execute(f"PRAGMA journal_mode={op[1]}")
            except sqlite3.Error:
                pass  # e.g. a column an index needs: that damage is not possible
    finally:
        conn.close()
    # Fold the WAL into the file on a fresh connection: the damaging one can be left unable to
    # (a failed ALTER leaves "database table is locked" behind on it).
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        if conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.Error:
        pass  # damage SQLite itself cannot read back: the file is tested as it is
    finally:
        conn.close()


def _sql_damaged(folder: Path, journal: str, ops: list[tuple[Any, ...]]) -> Path:
    path = folder / "day.workshop"
    path.write_bytes(_demo(journal))
    _apply_sql(path, ops)
    for side in ("-wal", "-shm"):  # a clean close leaves none: only the file travels
        Path(f"{path}{side}").unlink(missing_ok=True)
    return path


# --- damage at the byte level --------------------------------------------------------------

JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")
WAL_MAGIC = bytes.fromhex("377f0682")
GARBAGE = st.binary(min_size=1, max_size=64)
BYTE_OP = st.one_of(
    st.tuples(st.just("flip"), st.integers(0, 99), st.integers(1, 255)),
    st.tuples(st.just("flip"), st.floats(0, 1), st.integers(1, 255)),
    st.tuples(st.just("overwrite"), st.floats(0, 1), GARBAGE),
    st.tuples(st.just("zero-page"), st.integers(0, 40)),
    st.tuples(st.just("truncate"), st.floats(0, 1)),
    st.tuples(st.just("append"), st.binary(min_size=1, max_size=5000)),
    st.tuples(
        st.just("side"),
        st.sampled_from(["-journal", "-wal"]),
        st.sampled_from([b"", JOURNAL_MAGIC, WAL_MAGIC]),
        st.binary(max_size=2000),
    ),
)


def _apply_bytes(path: Path, ops: list[tuple[Any, ...]]) -> None:
    data = bytearray(path.read_bytes())
    for op in ops:
        kind = op[0]
        at = 0
        if kind in ("flip", "overwrite", "truncate"):
            at = op[1] if isinstance(op[1], int) else int(op[1] * max(len(data) - 1, 0))
        if kind == "flip" and at < len(data):
            data[at] ^= op[2]
        elif kind == "overwrite":
            data[at : at + len(op[2])] = op[2]
        elif kind == "zero-page":
            data[op[1] * 4096 : (op[1] + 1) * 4096] = bytes(
                len(data[op[1] * 4096 : (op[1] + 1) * 4096])
            )
        elif kind == "truncate":
            del data[at:]
        elif kind == "append":
            data += op[1]
        elif kind == "side":
            Path(f"{path}{op[1]}").write_bytes(op[2] + op[3])
    path.write_bytes(bytes(data))


# --- damage at the JSON value level --------------------------------------------------------


def _places(value: Any, at: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield at
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _places(item, (*at, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _places(item, (*at, index))


PLACES = list(_places(json.loads(DEMO_JSON)))[1:]
#: Raw JSON text spliced in where ``json.dumps`` cannot write it.
RAW_JSON = st.sampled_from(
    [
        "[" * 5000 + "]" * 5000,
        '{"a":' * 3000 + "1" + "}" * 3000,
        "1" + "0" * 5000,
        "1e999",
        "-1e999",
        "NaN",
        "Infinity",
        '"\\ud800"',
        '"a\\udfffb"',
        '"\\u0000"',
    ]
)
HOSTILE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from([2**63, 2**64, -(2**63) - 1, 10**30, 10**400, 1e308, math.nan, math.inf]),
    st.floats(),
    st.text(st.characters(codec=None, blacklist_categories=()), max_size=40),
    st.sampled_from(
        [
            "NaN",
            "\ud800",
            "\x1b]0;x\x07\x1b[2J",
            "\x00\x01\x7f",
            "x" * 100_000,
            "2021-06-15Z",
            "9999-12-31T23:59:59.999Z",
            "",
            "[]",
            "Europe/Nowhere",
            "../etc",
        ]
    ),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
    RAW_JSON.map(lambda text: Raw(text, None)),
)


def _json_bytes(place: tuple[Any, ...], value: Any, encoding: str) -> bytes:
    data = json.loads(DEMO_JSON)
    target = data
    for key in place[:-1]:
        target = target[key]
    marker = "\ue000spliced\ue000"
    target[place[-1]] = marker if isinstance(value, Raw) else value
    text = json.dumps(data, ensure_ascii=encoding == "ascii", indent=1)
    if isinstance(value, Raw):
        text = text.replace(json.dumps(marker, ensure_ascii=encoding == "ascii"), value.sql)
    # "surrogates": a lone surrogate written as the bytes UTF-8 refuses (invalid UTF-8)
    return text.encode("utf-8", "surrogatepass" if encoding == "surrogates" else "strict")


# --- the tests -----------------------------------------------------------------------------


@pytest.fixture
def folders(tmp_path: Path) -> Callable[[], tuple[Path, Path]]:
    """A fresh (documents, outputs) pair of folders per example."""
    count = iter(range(10**6))

    def make() -> tuple[Path, Path]:
        n = next(count)
        docs, out = tmp_path / f"docs{n}", tmp_path / f"out{n}"
        docs.mkdir()
        out.mkdir()
        return docs, out

    return make


@FUZZ
@given(
    journal=st.sampled_from(["wal", "delete"]),
    ops=st.lists(SQL_OP, min_size=1, max_size=4),
)
def test_sql_damage(
    folders, qtbot: QtBot, settings: AppSettings, dialogs, journal: str, ops: list
) -> None:
    docs, out = folders()
    doc = _sql_damaged(docs, journal, ops)
    _check_readers(doc, out)
    _open_in_window(qtbot, settings, dialogs, doc)


@FUZZ
@given(
    journal=st.sampled_from(["wal", "delete"]),
    ops=st.lists(BYTE_OP, min_size=1, max_size=4),
)
def test_byte_damage(
    folders, qtbot: QtBot, settings: AppSettings, dialogs, journal: str, ops: list
) -> None:
    docs, out = folders()
    doc = docs / "day.workshop"
    doc.write_bytes(_demo(journal))
    _apply_bytes(doc, ops)
    _check_readers(doc, out)
    _open_in_window(qtbot, settings, dialogs, doc)


@settings(FUZZ, max_examples=EXAMPLES or 30)  # most are refused at once
@given(
    place=st.sampled_from(PLACES),
    value=HOSTILE,
    encoding=st.sampled_from(["utf-8", "ascii", "surrogates"]),
)
def test_json_damage(
    folders, qtbot: QtBot, settings: AppSettings, dialogs, place, value, encoding: str
) -> None:
    docs, out = folders()
    source = docs / "in.json"
    try:
        source.write_bytes(_json_bytes(place, value, encoding))
    except ValueError:  # json.dumps refuses a value (an int over 4,300 digits): not a file
        return
    doc = out / "day.workshop"
    before = snapshot(docs)
    [ran] = _run_all([("import", str(source), "-o", str(doc))])
    _check(ran)
    event(f"import: exit {ran.code}")
    assert snapshot(docs) == before, "import changed its input's folder"
    if ran.code != 0:
        assert list(out.iterdir()) == [], "a refused import left something behind"
        return
    _check_readers(doc, docs)
    assert _open_in_window(qtbot, settings, dialogs, doc), dialogs.errors


def _child(doc: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(CHILD), str(doc)],
        capture_output=True,
        text=True,
        errors="replace",
        timeout=CAP * 2,
        env=_env(),
        cwd=ROOT,
    )


@settings(FUZZ, max_examples=max(EXAMPLES // 10, 4))
@given(
    journal=st.sampled_from(["wal", "delete"]),
    sql=st.lists(SQL_OP, max_size=3),
    damage=st.lists(BYTE_OP, max_size=2),
)
def test_the_real_window_in_a_child_process(folders, journal: str, sql: list, damage: list) -> None:
    """The app's own excepthook and dialogs: a segfault shows as a negative exit code."""
    docs, _ = folders()
    doc = _sql_damaged(docs, journal, sql)
    _apply_bytes(doc, damage)
    before = snapshot(docs)
    result = _child(doc)
    assert result.returncode == 0, f"exit {result.returncode}: {result.stderr[-2000:]}"
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stdout.splitlines()
    assert lines and lines[-1] == "done", result.stdout
    assert not [line for line in lines if line.startswith("shown: Something went wrong")]
    if "refused" in lines:
        assert snapshot(docs) == before
