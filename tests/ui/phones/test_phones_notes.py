"""Issue 16: notes sent from attendees' phones over real HTTP on loopback land in the file
(read back with a second, read-only Document), and every refusal stores nothing."""

from __future__ import annotations

import json

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.phones.phone_client import post_note, send
from workshop_app.domain.records import MAX_TEXT, AgendaItem, Note, NoteSource, Question
from workshop_app.domain.run import RunState, RunStatus
from workshop_app.storage.document import Document
from workshop_app.ui.document_model import DocumentModel
from workshop_app.ui.phones.server import AttendeeServer


def _phone_notes(model: DocumentModel) -> list[Note]:
    """The phone notes as the file holds them, read by another connection."""
    with Document.open(model.document.path, readonly=True) as reader:
        return [n for n in reader.select(Note) if n.source == NoteSource.PHONE]


def test_a_note_is_committed_before_201_and_marked_from_a_phone(
    qtbot: QtBot, model: DocumentModel, server: AttendeeServer
) -> None:
    question = model.select(Question)[1]
    received: list[str] = []
    server.note_received.connect(received.append)
    assert server.url is not None
    reply = post_note(
        qtbot,
        server.url,
        {"question_id": question.id, "text": "  Fix the log-in <b>  ", "kind": "concern"},
    )
    assert reply.status == 201, reply.body
    note_id = reply.json()["id"]
    assert received == [note_id]
    [note] = _phone_notes(model)
    assert (note.id, note.text, note.kind, note.question_id, note.group_id) == (
        note_id, "Fix the log-in <b>", "concern", question.id, None
    )  # fmt: skip
    assert model.undo_stack.canUndo()  # undoable, like a note typed in Capture
    model.undo_stack.undo()
    assert _phone_notes(model) == []


def test_no_question_given_is_the_running_breakouts_question(
    qtbot: QtBot, model: DocumentModel, server: AttendeeServer
) -> None:
    assert server.url is not None
    breakout = next(i for i in model.select(AgendaItem) if i.kind == "breakout" and i.question_ids)
    assert server.current_question_id() is None  # nothing runs: a general note
    reply = post_note(qtbot, server.url, {"text": "General thought"})
    assert reply.status == 201
    model.set_run_state(RunState(item_id=breakout.id, status=RunStatus.RUNNING), {})
    assert server.current_question_id() == breakout.question_ids[0]
    reply = post_note(qtbot, server.url, {"question_id": None, "text": "On the breakout"})
    assert reply.status == 201
    by_text = {n.text: n for n in _phone_notes(model)}
    assert by_text["General thought"].question_id is None
    assert by_text["On the breakout"].question_id == breakout.question_ids[0]
    assert by_text["On the breakout"].kind == "idea"


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (b"{not json", 400),
        (b'{"text": "caf\xe9"}', 400),  # Latin-1, not UTF-8
        (b'["text"]', 400),
        (b'{"text": "   "}', 400),
        (b'{"kind": "idea"}', 400),
        (b'{"text": 5}', 400),
        (b'{"text": "x", "kind": "rant"}', 400),
        (b'{"text": "x", "question_id": "no-such-question"}', 400),
        (b'{"text": "\\ud800"}', 400),
        (json.dumps({"text": "x" * (MAX_TEXT + 1)}).encode(), 413),
        (json.dumps({"text": "y" * 10, "pad": "z" * 70_000}).encode(), 413),
        (b"q" * 300_000, 413),  # far over: Qt's own limit refuses it unread
    ],
)
def test_every_refusal_stores_nothing(
    qtbot: QtBot, model: DocumentModel, server: AttendeeServer, body: bytes, status: int
) -> None:
    assert server.url is not None
    reply = send(qtbot, server.url + "notes", "POST", body)
    assert reply.status == status
    if len(body) < 100_000:
        error = reply.json()["error"]
        assert isinstance(error, str) and error.endswith(".")
    assert _phone_notes(model) == []
    assert not model.undo_stack.canUndo()


def test_wrong_token_and_other_paths_are_404(
    qtbot: QtBot, model: DocumentModel, server: AttendeeServer
) -> None:
    assert server.url is not None
    base = server.url.rsplit("/", 2)[0]
    for path in ("/", "/wrong-token/", "/wrong-token/notes", "/notes", "/x/y/z"):
        assert send(qtbot, base + path).status == 404
    reply = send(qtbot, base + "/wrong/notes", "POST", b'{"text": "sneaky"}')
    assert reply.status == 404
    assert _phone_notes(model) == []


def test_a_room_of_phones_takes_turns_with_the_window(
    qtbot: QtBot, model: DocumentModel, server: AttendeeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Requests that arrive together are answered a turn at a time (here one a turn), and the
    window's own events run between turns: a room of phones cannot hold up a note-taker's
    Enter for more than a turn. Every note is still stored and acknowledged."""
    import threading

    from PySide6.QtCore import QTimer

    from tests.ui.phones.phone_client import Reply
    from workshop_app.ui.phones import connections

    monkeypatch.setattr(connections, "TURN_S", 0.0)
    assert server.url is not None and server.tcp is not None
    question = model.select(Question)[0]
    ticks: list[int] = []  # the turn count each time the window's own timer ran
    probe = QTimer()
    probe.setInterval(0)
    probe.timeout.connect(lambda: ticks.append(server.tcp.turns if server.tcp else -1))
    replies: list[Reply] = []
    count = 12

    def one(n: int) -> None:
        body = json.dumps({"question_id": question.id, "text": f"phone {n}"}).encode("utf-8")
        import http.client
        from urllib.parse import urlsplit

        parts = urlsplit(server.url or "")
        conn = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=10)
        conn.request("POST", parts.path + "notes", body=body)
        response = conn.getresponse()
        replies.append(Reply(response.status, {}, response.read()))
        conn.close()

    threads = [threading.Thread(target=one, args=(n,), daemon=True) for n in range(count)]
    probe.start()
    for thread in threads:
        thread.start()
    qtbot.waitUntil(lambda: not any(t.is_alive() for t in threads), timeout=15_000)
    probe.stop()
    assert sorted(r.status for r in replies) == [201] * count
    assert len(_phone_notes(model)) == count
    assert server.tcp.turns >= count  # one note a turn
    seen = set(ticks)
    assert len(seen & set(range(1, count))) >= count // 2  # the window ran between turns
