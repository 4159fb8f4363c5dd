"""HTTP/1.1 on the wire, as the attendee server needs it (plain Python, no Qt): read one
request's head, write one response. Every connection carries one request and is then closed.

Why not QHttpServer's own routing: in PySide6 a route's callback can only return a string,
answered as "200 text/plain" (its glue converts nothing else: no status, no headers), and
QAbstractHttpServer cannot be subclassed from Python. So the sockets are Qt's (QTcpServer, in
the app's event loop) and this small reader, strict and bounded, does the rest.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from workshop_app.i18n import _

#: The most a request's head (request line + headers) may hold.
MAX_HEAD = 16 * 1024
REASONS = {
    200: "OK",
    201: "Created",
    308: "Permanent Redirect",
    400: "Bad Request",
    404: "Not Found",
    405: "Method Not Allowed",
    408: "Request Timeout",
    411: "Length Required",
    413: "Content Too Large",
    429: "Too Many Requests",
    431: "Request Header Fields Too Large",
    501: "Not Implemented",
    503: "Service Unavailable",
}


class BadRequest(Exception):
    """The request cannot be read; ``status`` says why (400, 411, 413, 431, 501)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class Head:
    method: str
    path: str
    headers: dict[str, str]
    length: int

    def header(self, name: str) -> str:
        return self.headers.get(name.lower(), "")


@dataclass
class Response:
    status: int
    content_type: str = "application/json"
    body: bytes = b""
    headers: list[tuple[str, str]] = field(default_factory=list)


def read_head(data: bytes, max_body: int) -> Head | None:
    """The head at the start of ``data``, or None while it is not all there yet."""
    end = data.find(b"\r\n\r\n")
    if end < 0:
        if len(data) > MAX_HEAD:
            raise BadRequest(431, _("The request's headers are too large."))
        return None
    if end > MAX_HEAD:
        raise BadRequest(431, _("The request's headers are too large."))
    try:
        lines = data[:end].decode("latin-1").split("\r\n")
        method, target, version = lines[0].split(" ")
    except ValueError:
        raise BadRequest(400, _("This is not an HTTP request.")) from None
    if not version.startswith("HTTP/1.") or not target.startswith("/"):
        raise BadRequest(400, _("This is not an HTTP request."))
    headers: dict[str, str] = {}
    for line in lines[1:]:
        name, colon, value = line.partition(":")
        if not colon or not name or name != name.strip():
            raise BadRequest(400, _("This request's headers cannot be read."))
        key = name.lower()
        if key in headers and key in ("content-length", "transfer-encoding"):
            raise BadRequest(400, _("This request's headers cannot be read."))
        headers[key] = value.strip()
    if "transfer-encoding" in headers:
        raise BadRequest(501, _("Send the note in one piece, with its length."))
    length_text = headers.get("content-length", "0")
    if not length_text.isdigit() or len(length_text) > 12:
        raise BadRequest(400, _("This request's length cannot be read."))
    length = int(length_text)
    if length > max_body:
        raise BadRequest(413, _("What you sent is too large (at most 64 KB). Please send less."))
    path = target.split("?", 1)[0].split("#", 1)[0]
    return Head(method=method, path=path, headers=headers, length=length)


def write_response(response: Response, always: tuple[tuple[str, str], ...]) -> bytes:
    """The bytes of ``response``, with the ``always`` headers; the connection then closes."""
    lines = [
        f"HTTP/1.1 {response.status} {REASONS.get(response.status, 'Error')}",
        f"Content-Type: {response.content_type}",
        f"Content-Length: {len(response.body)}",
        "Connection: close",
        *(f"{name}: {value}" for name, value in (*always, *response.headers)),
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + response.body
