"""Note kinds and run statuses are StrEnums (issue 13): the file and the JSON interchange keep
exactly the text they held when the kinds and statuses were bare strings."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

from workshop_app.domain.records import NOTE_KINDS, Note, NoteKind
from workshop_app.domain.run import STATUSES, RunState, RunStatus
from workshop_app.storage.document import Document
from workshop_app.storage.interchange import dumps, parse
from workshop_app.storage.templates import demo_bundle


def test_members_are_their_text() -> None:
    assert NOTE_KINDS == ("idea", "concern", "quote", "action", "question")
    assert STATUSES == ("idle", "running", "paused", "finished")
    assert [str(k) for k in NoteKind] == [k.value for k in NoteKind]
    assert f"{RunStatus.OVERTIME}" == "overtime" and Note().kind == "idea"


def test_enum_members_write_the_same_json_and_file_as_plain_text(tmp_path: Path) -> None:
    demo = demo_bundle()
    plain = replace(demo, notes=tuple(replace(n, kind=str(n.kind)) for n in demo.notes))
    kinds = replace(demo, notes=tuple(replace(n, kind=NoteKind(n.kind)) for n in demo.notes))
    assert {type(n.kind) for n in plain.notes} == {str}
    assert {type(n.kind) for n in kinds.notes} == {NoteKind}
    text = dumps(plain)
    assert dumps(kinds) == text  # byte-identical JSON

    path = tmp_path / "enums.workshop"
    with Document.create(path, kinds) as doc:
        doc.set_run_state(RunState(status=RunStatus.PAUSED, remaining_ms=60_000))
        assert dumps(doc.bundle()) == text  # through the file and back, the same JSON
        assert dumps(parse(text.encode("utf-8"))) == text
    with sqlite3.connect(path) as conn:
        stored = conn.execute("SELECT DISTINCT kind, typeof(kind) FROM note").fetchall()
        status = conn.execute("SELECT status, typeof(status) FROM run_state").fetchone()
    conn.close()
    assert {kind for kind, _ in stored} == {str(n.kind) for n in demo.notes}
    assert {sql_type for _, sql_type in stored} == {"text"}
    assert status == ("paused", "text")
