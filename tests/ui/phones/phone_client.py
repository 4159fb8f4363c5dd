"""A phone for the tests: real HTTP from a thread while the Qt event loop (where the server
lives) keeps spinning under ``qtbot.waitUntil``. Not a fixture: tests import it."""

from __future__ import annotations

import http.client
import json
import threading
from dataclasses import dataclass
from urllib.parse import urlsplit

from pytestqt.qtbot import QtBot


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> dict[str, object]:
        value = json.loads(self.body)
        assert isinstance(value, dict)
        return value

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


def send(
    qtbot: QtBot,
    url: str,
    method: str = "GET",
    body: bytes | None = None,
    content_type: str = "application/json",
    timeout: float = 10.0,
) -> Reply:
    """One request to ``url``, answered (or the connection's error raised)."""
    parts = urlsplit(url)
    box: dict[str, object] = {}

    def run() -> None:
        try:
            conn = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=timeout)
            headers = {"Content-Type": content_type} if body is not None else {}
            conn.request(method, parts.path or "/", body=body, headers=headers)
            response = conn.getresponse()
            box["reply"] = Reply(
                response.status,
                {k.lower(): v for k, v in response.getheaders()},
                response.read(),
            )
            conn.close()
        except OSError as exc:
            box["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=int(timeout * 1000) + 2000)
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    reply = box["reply"]
    assert isinstance(reply, Reply)
    return reply


def post_note(qtbot: QtBot, base: str, payload: object) -> Reply:
    return send(qtbot, base + "notes", "POST", json.dumps(payload).encode("utf-8"))
