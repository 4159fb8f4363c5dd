"""Issue 16: the attendee page (escaped, strict headers, works without JavaScript), the rate
limit, and turning input off and on again (a new token; the old one is dead)."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.phones.phone_client import post_note, send
from workshop_app.domain.records import AgendaItem, Note, NoteSource, Question
from workshop_app.domain.run import RunState, RunStatus
from workshop_app.ui.document_model import DocumentModel
from workshop_app.ui.phones.limits import Limits
from workshop_app.ui.phones.server import AttendeeServer

HOSTILE = '<script>alert("x")</script> & "quotes"'


def _phone_notes(model: DocumentModel) -> list[Note]:
    return [n for n in model.select(Note) if n.source == NoteSource.PHONE]


def test_the_page_escapes_the_question_and_sends_strict_headers(
    qtbot: QtBot, model: DocumentModel, server: AttendeeServer
) -> None:
    breakout = next(i for i in model.select(AgendaItem) if i.kind == "breakout" and i.question_ids)
    model.push_update(Question, breakout.question_ids[0], text=HOSTILE, prompt="a<b")
    model.set_run_state(RunState(item_id=breakout.id, status=RunStatus.RUNNING), {})
    assert server.url is not None
    reply = send(qtbot, server.url)
    assert reply.status == 200
    assert "<script>alert" not in reply.text
    assert (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quotes&quot;" in reply.text
    )
    assert "a&lt;b" in reply.text
    assert 'lang="en"' in reply.text and 'name="viewport"' in reply.text
    for answer in (
        reply,
        send(qtbot, server.url + "notes", "POST", b"{}"),
        send(qtbot, server.url + "x"),
    ):
        csp = answer.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "form-action 'self'" in csp
        assert answer.headers["x-content-type-options"] == "nosniff"
        assert answer.headers["referrer-policy"] == "no-referrer"
        assert answer.headers["cache-control"] == "no-store"
        assert "set-cookie" not in answer.headers
    assert "http" not in reply.text.split("<script>")[0].replace(
        "http-equiv", ""
    )  # nothing external


def test_the_form_works_without_javascript(
    qtbot: QtBot, model: DocumentModel, server: AttendeeServer
) -> None:
    assert server.url is not None
    form = urlencode({"question_id": "", "text": "Typed with no script", "kind": "action"})
    reply = send(
        qtbot, server.url + "notes", "POST", form.encode(), "application/x-www-form-urlencoded"
    )
    assert reply.status == 201
    assert "Sent ✓" in reply.text and "<form" in reply.text
    [note] = _phone_notes(model)
    assert (note.text, note.kind) == ("Typed with no script", "action")
    empty = urlencode({"text": "  ", "kind": "idea"})
    refused = send(
        qtbot, server.url + "notes", "POST", empty.encode(), "application/x-www-form-urlencoded"
    )
    assert refused.status == 400 and "empty" in refused.text
    bad = urlencode({"text": "keep me <i>", "question_id": "gone"})
    kept = send(
        qtbot, server.url + "notes", "POST", bad.encode(), "application/x-www-form-urlencoded"
    )
    assert kept.status == 400 and "keep me &lt;i&gt;</textarea>" in kept.text
    assert len(_phone_notes(model)) == 1


def test_a_burst_of_20_then_429_with_retry_after(qtbot: QtBot, model: DocumentModel) -> None:
    server = AttendeeServer(model, model, limits=Limits(burst=5, per_second=0.5))
    url = server.start("127.0.0.1")
    assert [send(qtbot, url + "x").status for _ in range(5)] == [404] * 5
    refused = send(qtbot, url)
    assert refused.status == 429 and int(refused.headers["retry-after"]) >= 1
    assert post_note(qtbot, url, {"text": "too fast"}).status == 429
    assert _phone_notes(model) == []
    assert Limits().burst == 20 and Limits().per_second == 1.0  # the numbers
    server.stop()


def test_stop_ends_it_and_a_restart_has_a_new_token(
    qtbot: QtBot, model: DocumentModel, server: AttendeeServer
) -> None:
    old = server.url
    assert old is not None
    assert send(qtbot, old).status == 200
    stopped: list[bool] = []
    server.stopped.connect(lambda: stopped.append(True))
    server.stop()
    assert server.url is None and stopped == [True]
    with pytest.raises(OSError):
        send(qtbot, old)  # connection refused: nothing listens
    new = server.start("127.0.0.1")
    assert new != old
    assert len(new.rsplit("/", 2)[1]) >= 22  # at least 128 bits
    old_on_new_port = new.rsplit("/", 2)[0] + "/" + old.rsplit("/", 2)[1] + "/"
    assert send(qtbot, old_on_new_port).status == 404
    assert post_note(qtbot, old_on_new_port, {"text": "late"}).status == 404
    assert _phone_notes(model) == []


def test_a_bad_address_is_a_persons_message(model: DocumentModel) -> None:
    from workshop_app.domain.errors import WorkshopError

    server = AttendeeServer(model, model)
    with pytest.raises(WorkshopError, match="not an IP address"):
        server.start("nowhere.example")
    with pytest.raises(WorkshopError, match="cannot listen"):
        server.start("192.0.2.1")  # TEST-NET: not this computer's
    assert server.url is None
