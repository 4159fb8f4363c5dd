"""AttendeeServer: the attendee page and its notes endpoint, served in the app's event loop
(Run ▸ Attendee Input, or ``workshop-app FILE --phones HOST:PORT``).

Off until ``start``: it listens on the one address it is given (never every address unless that
is what was chosen), under a random path token (``secrets``, 144 bits) new at each start, and
``stop`` ends it at once (the old token is dead, open connections are closed). Only two paths
answer: ``/<token>/`` (the page) and ``/<token>/notes`` (POST a note); everything else is 404.
The sockets are Qt's (``connections``); see ``wire`` for why QHttpServer's routing is not used.

A note goes through ``DocumentModel.push_add`` like one typed in Capture: undoable, committed
before the 201 is sent, and shown live by every view. It has no table (``group_id`` None), the
phone source, and the question the phone showed, or, when none is given, the question of the
breakout the room is in (``capture.follow``); no running breakout: a general note.

Signals:
    note_received(str note_id): a phone's note was committed.
    stopped(): the server stopped listening.
"""

from __future__ import annotations

import json
import math
import secrets
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QAbstractSocket, QHostAddress

from workshop_app.domain.errors import WorkshopError
from workshop_app.domain.records import AgendaItem, Note, NoteSource, Question
from workshop_app.i18n import _
from workshop_app.ui.capture.follow import first_question, running_breakout
from workshop_app.ui.phones import page
from workshop_app.ui.phones.connections import CappedTcpServer, Request
from workshop_app.ui.phones.limits import Limits, RateLimiter
from workshop_app.ui.phones.requests import (
    BAD_REQUEST,
    NOT_FOUND,
    NOT_STORED,
    SLOW_DOWN,
    TOO_MANY,
    UNKNOWN_QUESTION,
    WRONG_LINK,
    Refused,
    Wanted,
    is_form,
    read_note,
    said,
)
from workshop_app.ui.phones.wire import Response

if TYPE_CHECKING:
    from workshop_app.ui.document_model import DocumentModel

#: Headers on every answer: the strict policy, no sniffing, no referrer, nothing cached.
SAFE_HEADERS: tuple[tuple[str, str], ...] = (
    ("Content-Security-Policy", page.CSP),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("Cache-Control", "no-store"),
    ("X-Frame-Options", "DENY"),
)
HTML = "text/html; charset=utf-8"


def url_host(host: str) -> str:
    """``host`` as it goes in a URL (an IPv6 address in brackets)."""
    return f"[{host}]" if ":" in host else host


class AttendeeServer(QObject):
    """Serves the attendee page for ``model``'s event while started."""

    note_received = Signal(str)
    stopped = Signal()

    def __init__(
        self, model: DocumentModel, parent: QObject | None = None, *, limits: Limits | None = None
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.limits = limits or Limits()
        self.limiter = RateLimiter(self.limits)
        self._token: str | None = None
        self._url: str | None = None
        self.tcp: CappedTcpServer | None = None

    @property
    def url(self) -> str | None:
        """The page's address, "http://HOST:PORT/<token>/", while started; else None."""
        return self._url

    def current_question_id(self) -> str | None:
        """The question the page shows: the running breakout's first (as Capture follows it),
        or None (a general note) while no breakout runs."""
        item = running_breakout(self.model.run_state(), self.model.select(AgendaItem))
        return first_question(item, self.model.select(Question))

    # -- on and off ------------------------------------------------------------------------

    def start(self, host: str, port: int = 0) -> str:
        """Listen on ``host``:``port`` (0: any free port) under a new token; the page's URL.
        Raises ``WorkshopError`` with a person's message when it cannot listen there."""
        self.stop()
        address = QHostAddress("127.0.0.1" if host == "localhost" else host)
        if address.isNull():
            raise WorkshopError(
                _("“{host}” is not an IP address (such as 192.168.1.20).").format(host=host)
            )
        tcp = CappedTcpServer(
            self.limits.connections, self._answer, self.limits.max_body, SAFE_HEADERS, self
        )
        if not tcp.listen(address, port):
            reason = tcp.errorString()
            in_use = tcp.serverError() == QAbstractSocket.SocketError.AddressInUseError
            tcp.deleteLater()
            hint = (
                _("Another program uses this port: choose another one.")
                if in_use
                else _("Is it an address of this computer?")
            )
            cannot = _("Attendee input cannot listen on {address}: {reason}. {hint}")
            where = f"{url_host(host)}:{port}"
            raise WorkshopError(cannot.format(address=where, reason=reason, hint=hint))
        self.tcp, self._token = tcp, secrets.token_urlsafe(18)
        self._url = f"http://{url_host(host)}:{tcp.serverPort()}/{self._token}/"
        return self._url

    def stop(self) -> None:
        """Stop at once: no more connections, the open ones closed, the token forgotten."""
        tcp, self.tcp = self.tcp, None
        if tcp is None:
            return
        self._token = self._url = None
        tcp.close_all()
        tcp.deleteLater()
        self.stopped.emit()

    # -- answering -------------------------------------------------------------------------

    def _answer(self, request: Request) -> Response:
        wait = self.limiter.take(request.remote)
        if wait:
            retry = str(max(1, math.ceil(wait)))
            return _json({"error": said(SLOW_DOWN)}, TOO_MANY, [("Retry-After", retry)])
        token, path, method = self._token, request.head.path, request.head.method
        if token is None or not path.startswith(f"/{token}"):
            return _json({"error": said(WRONG_LINK)}, NOT_FOUND)
        if path == f"/{token}":  # without its slash: on to the page (its form posts beside it)
            return Response(308, HTML, b"", [("Location", f"/{token}/")])
        if path == f"/{token}/":
            if method not in ("GET", "HEAD"):
                only = _("Only GET is answered here.")
                return _json({"error": only}, 405, [("Allow", "GET")])
            return Response(200, HTML, b"" if method == "HEAD" else page.render(self._shown()))
        if path == f"/{token}/notes":
            if method != "POST":
                only = _("Send notes with POST.")
                return _json({"error": only}, 405, [("Allow", "POST")])
            return self._on_note_posted(request)
        return _json({"error": said(WRONG_LINK)}, NOT_FOUND)

    def _on_note_posted(self, request: Request) -> Response:
        form = is_form(request.head.header("Content-Type"))
        wanted: Wanted | None = None
        try:
            wanted = read_note(request.body, form=form, max_body=self.limits.max_body)
            note_id = self._add(wanted)
        except Refused as refusal:
            if not form:
                return _json({"error": refusal.message}, refusal.status)
            kept = self._shown(refusal.message, ok=False)
            if wanted is not None:
                kept = replace(kept, text=wanted.text, kind=wanted.kind)
            return Response(refusal.status, HTML, page.render(kept))
        if form:
            done = self._shown(_("Sent ✓ Thank you. You can send another."))
            return Response(201, HTML, page.render(done))
        return _json({"id": note_id}, 201)

    def _add(self, wanted: Wanted) -> str:
        question_id = wanted.question_id
        if question_id is None:
            question_id = self.current_question_id()
        elif not self.model.count(Question, id=question_id):  # one row looked up, not all
            raise Refused(BAD_REQUEST, UNKNOWN_QUESTION)
        note = Note(
            question_id=question_id,
            group_id=None,
            text=wanted.text,
            kind=wanted.kind,
            source=NoteSource.PHONE,
        )
        try:
            self.model.push_add(note, label=_("Add note from a phone"))
        except WorkshopError:  # a read-only event, a full disk: nothing was written
            raise Refused(503, NOT_STORED) from None
        self.note_received.emit(note.id)
        return note.id

    def _shown(self, message: str = "", *, ok: bool = True) -> page.Shown:
        question_id = self.current_question_id()
        question = self.model.get(Question, question_id) if question_id else None
        return page.Shown(
            event_title=self.model.event_record().title,
            question_id=question_id,
            question=question.text if question else "",
            prompt=question.prompt if question else "",
            message=message,
            ok=ok,
        )


def _json(
    value: dict[str, str], status: int, headers: list[tuple[str, str]] | None = None
) -> Response:
    body = json.dumps(value, ensure_ascii=False).encode("utf-8")
    return Response(status, "application/json", body, headers or [])
