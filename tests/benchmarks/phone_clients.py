"""The phones of ``bench_phones.py``: HTTP clients (``http.client``, one thread each) that the
benchmark runs in a process of their own, as phones are other machines: their Python never
competes for the app's interpreter lock.

    python tests/benchmarks/phone_clients.py SPEC.json RESULT.json

SPEC: ``{"mode": "notes" | "bad", "host", "port", ...}``. RESULT: when the flood started and
ended (``time.monotonic()``, the same clock in both processes on Linux) and one row per request:
``[status, seconds, note id or null]``; status 0 is a connection the server refused or reset.

Every request opens its own connection (a phone's page sends a note now and then, long after
its last connection went idle) and ``Connection: close``. Each phone of the ``notes`` flood
binds its socket to its own loopback address (127.0.0.2, 127.0.0.3, ...: Linux answers on all
of 127.0.0.0/8), so the server's per-client rate limit sees 40 clients, as it would 40 phones
on the room's Wi-Fi; from one address the 21st note would wait for the limiter.
"""

from __future__ import annotations

import http.client
import json
import secrets
import sys
import threading
import time
from pathlib import Path

TIMEOUT_S = 10


def post(
    host: str, port: int, path: str, body: bytes, source: str | None
) -> tuple[int, float, str | None]:
    """One POST on a fresh connection: (status, seconds, the reply's note id)."""
    start = time.perf_counter()
    connection = http.client.HTTPConnection(
        host, port, timeout=TIMEOUT_S, source_address=(source, 0) if source else None
    )
    try:
        connection.request(
            "POST",
            path,
            body,
            {"Content-Type": "application/json", "Connection": "close"},
        )
        response = connection.getresponse()
        data = response.read()
        status = response.status
    except (ConnectionError, http.client.HTTPException):
        return 0, time.perf_counter() - start, None
    finally:
        connection.close()
    seconds = time.perf_counter() - start
    note_id = None
    if status == 201:
        note_id = json.loads(data)["id"]
    return status, seconds, note_id


def phones_flood(spec: dict) -> list[list]:
    """``phones`` phones, each sending ``notes`` notes one after the other, all at once."""
    phones, notes = spec["phones"], spec["notes"]
    rows: list[list] = []
    lock = threading.Lock()
    go = threading.Barrier(phones)

    def phone(number: int) -> None:
        source = f"127.0.0.{number + 2}"
        go.wait()
        for n in range(notes):
            body = json.dumps(
                {
                    "question_id": spec["question_id"],
                    "text": f"Phone {number + 1}, note {n + 1}: more seats near the screen",
                    "kind": "idea",
                }
            ).encode()
            row = post(spec["host"], spec["port"], spec["path"] + "notes", body, source)
            with lock:
                rows.append(list(row))

    run_threads([threading.Thread(target=phone, args=(i,)) for i in range(phones)])
    return rows


def bad_tokens_flood(spec: dict) -> list[list]:
    """``count`` notes posted as fast as ``threads`` threads can, each to a made-up token."""
    count, threads = spec["count"], spec["threads"]
    rows: list[list] = []
    lock = threading.Lock()
    body = json.dumps({"question_id": spec["question_id"], "text": "let me in", "kind": "idea"})

    def attacker(share: int) -> None:
        for _ in range(share):
            path = f"/{secrets.token_urlsafe(16)}/notes"
            row = post(spec["host"], spec["port"], path, body.encode(), None)
            with lock:
                rows.append(list(row))

    shares = [count // threads + (1 if i < count % threads else 0) for i in range(threads)]
    run_threads([threading.Thread(target=attacker, args=(share,)) for share in shares])
    return rows


def run_threads(threads: list[threading.Thread]) -> None:
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)


def main() -> None:
    spec = json.loads(Path(sys.argv[1]).read_text())
    flood = phones_flood if spec["mode"] == "notes" else bad_tokens_flood
    started = time.monotonic()
    rows = flood(spec)
    ended = time.monotonic()
    result = {"started": started, "ended": ended, "rows": rows}
    Path(sys.argv[2]).write_text(json.dumps(result))


if __name__ == "__main__":
    main()
