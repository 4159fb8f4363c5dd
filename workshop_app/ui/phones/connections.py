"""The attendee server's sockets: a QTcpServer that keeps at most ``cap`` connections open (one
more is closed at once) and reads one request on each (``wire``), bounded in size and time.

``handler`` turns a request into a ``wire.Response``; it runs in the app's event loop, so it may
use the document model. Whole requests wait their turn and are answered at most ``TURN_S`` at a
time, so the window paints and takes keys in between. ``close_all`` stops listening and ends
every open connection (turning input off must end it at once). Each connection's state is a
plain object kept here by socket; a socket is deleted only after its signals are cut (no Python
callback runs on a dying one).
"""

from __future__ import annotations

import json
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QTimer
from PySide6.QtNetwork import QTcpServer, QTcpSocket

from workshop_app.i18n import _
from workshop_app.ui.phones.wire import BadRequest, Head, Response, read_head, write_response

#: A connection that has not sent its whole request within this is answered 408 and closed
#: (a slow sender must not hold a place for long).
DEADLINE_S = 10.0
#: The longest the app answers phones in one go before the window gets its turn (to paint, to
#: take a key): a note-taker's Enter waits at most about this long behind a room of phones.
TURN_S = 0.008


@dataclass(frozen=True)
class Request:
    head: Head
    body: bytes
    remote: str


Handler = Callable[[Request], Response]


@dataclass
class _Exchange:
    socket: QTcpSocket
    since: float
    buffer: bytes = b""
    head: Head | None = None
    answered: bool = False
    extra: dict[str, object] = field(default_factory=dict)


class CappedTcpServer(QTcpServer):
    def __init__(
        self,
        cap: int,
        handler: Handler,
        max_body: int,
        always: tuple[tuple[str, str], ...],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.cap, self.handler, self.max_body, self.always = cap, handler, max_body, always
        self.refused = 0
        self._open: dict[int, _Exchange] = {}
        self._sweep = QTimer(self)
        self._sweep.setInterval(1000)
        self._sweep.timeout.connect(self._on_sweep_timeout)
        self._sweep.start()
        #: Whole requests waiting for their turn (``_on_turn_timeout``), oldest first.
        self._waiting: deque[tuple[int, Request]] = deque()
        self.turns = 0  # how many turns the phones have had (each lets the window paint after)
        self._turn = QTimer(self)
        self._turn.setSingleShot(True)
        self._turn.setInterval(0)
        self._turn.timeout.connect(self._on_turn_timeout)

    def open_count(self) -> int:
        return len(self._open)

    def incomingConnection(self, handle: int) -> None:
        socket = QTcpSocket(self)
        if not socket.setSocketDescriptor(handle):
            socket.deleteLater()
            return
        if len(self._open) >= self.cap:
            self.refused += 1
            socket.abort()
            socket.deleteLater()
            return
        key = id(socket)
        self._open[key] = _Exchange(socket, time.monotonic())
        socket.readyRead.connect(lambda k=key: self._on_ready_read(k))
        socket.disconnected.connect(lambda k=key: self._end(k))

    def close_all(self) -> None:
        """Stop listening and end every open connection."""
        self.close()
        self._sweep.stop()
        self._turn.stop()
        self._waiting.clear()
        for key in list(self._open):
            self._end(key, abort=True)

    def _on_ready_read(self, key: int) -> None:
        exchange = self._open.get(key)
        if exchange is None:
            return
        data = bytes(exchange.socket.readAll().data())
        if exchange.answered:
            return
        exchange.buffer += data
        try:
            if exchange.head is None:
                exchange.head = read_head(exchange.buffer, self.max_body)
                if exchange.head is None:
                    return
                start = exchange.buffer.index(b"\r\n\r\n") + 4
                exchange.buffer = exchange.buffer[start:]
            if len(exchange.buffer) < exchange.head.length:
                return
        except BadRequest as bad:
            self._answer(exchange, Response(bad.status, body=_error(bad.message)))
            return
        remote = exchange.socket.peerAddress().toString()
        request = Request(exchange.head, exchange.buffer[: exchange.head.length], remote)
        exchange.answered = True  # whole: nothing more is read; its answer is on the way
        self._waiting.append((key, request))
        if not self._turn.isActive():
            self._turn.start()

    def _on_turn_timeout(self) -> None:
        """Answer waiting requests for at most TURN_S, then let the window paint and take its
        keys before the next ones: forty phones sending at once never hold up a note-taker's
        Enter for longer than one turn."""
        self.turns += 1
        ends = time.perf_counter() + TURN_S
        while self._waiting:  # at least one a turn, then while the turn lasts
            key, request = self._waiting.popleft()
            exchange = self._open.get(key)
            if exchange is not None:  # else: the phone hung up, or input was turned off
                self._answer(exchange, self.handler(request))
            if time.perf_counter() >= ends:
                break
        if self._waiting:
            self._turn.start()

    def _answer(self, exchange: _Exchange, response: Response) -> None:
        exchange.answered = True
        exchange.since = time.monotonic()  # from now, DEADLINE_S to write it out
        exchange.socket.write(write_response(response, self.always))
        exchange.socket.disconnectFromHost()  # once the bytes are written

    def _on_sweep_timeout(self) -> None:
        now = time.monotonic()
        for key, exchange in list(self._open.items()):
            if now - exchange.since > DEADLINE_S:
                if exchange.answered:
                    self._end(key, abort=True)
                else:
                    late = _error(_("The request took too long to arrive."))
                    self._answer(exchange, Response(408, body=late))
                    exchange.since = now - DEADLINE_S + 2  # two more seconds to send it

    def _end(self, key: int, *, abort: bool = False) -> None:
        exchange = self._open.pop(key, None)
        if exchange is None:
            return
        socket = exchange.socket
        socket.readyRead.disconnect()
        socket.disconnected.disconnect()
        if abort:
            socket.abort()
        socket.deleteLater()


def _error(message: str) -> bytes:
    return json.dumps({"error": message}, ensure_ascii=False).encode("utf-8")
