"""What a phone sent, read and checked before anything is stored (plain Python, no Qt).

``read_note`` turns a request body (JSON, or the page's form when JavaScript is off) into a
``Wanted`` note, or raises ``Refused`` with the HTTP status and a sentence for the person holding
the phone. The question is checked by the server (it knows the event's questions).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import parse_qs

from workshop_app.domain.records import MAX_TEXT, NOTE_KINDS, NoteKind
from workshop_app.domain.safe_text import without_controls
from workshop_app.i18n import N_, _, format_number
from workshop_app.ui.phones.wire import BadRequest

BAD_REQUEST, NOT_FOUND, TOO_LARGE, TOO_MANY = 400, 404, 413, 429

#: What a refusal says, by cause (the page shows it under the box). Marked here, translated
#: into the window's language when refused (``Refused(status, CAUSE)`` does it).
TOO_LONG = N_("Your note is too long: a note holds at most {most} characters.")
TOO_BIG = N_("What you sent is too large (at most 64 KB). Please send a shorter note.")
EMPTY = N_("Your note is empty: type something first.")
NOT_JSON = N_("This could not be read: it is not a note sent by the attendee page.")
BAD_KIND = N_("This kind of note is not one the event knows.")
UNKNOWN_QUESTION = N_("This question is not in the event any more: reload the page and send again.")
WRONG_LINK = N_("There is nothing here. Check the link: it changes each time input is turned on.")
SLOW_DOWN = N_("You are sending very fast. Wait a moment and send again.")
NOT_STORED = N_("Your note could not be saved on the facilitator's laptop. Try again in a moment.")


def said(cause: str) -> str:
    """A refusal's words (one of the causes above) in the window's language."""
    return _(cause).format(most=format_number(MAX_TEXT))


class Refused(BadRequest):
    """A note turned down: ``status`` is the HTTP status, ``message`` the person's message
    (``cause`` translated)."""

    def __init__(self, status: int, cause: str) -> None:
        super().__init__(status, said(cause))


@dataclass(frozen=True)
class Wanted:
    """A note a phone asks to add. ``question_id`` None: the question the room is on now."""

    text: str
    kind: str
    question_id: str | None


def is_form(content_type: str) -> bool:
    """The page's own form (JavaScript off) posts urlencoded; everything else is read as JSON."""
    return "application/x-www-form-urlencoded" in content_type.lower()


def read_note(body: bytes, *, form: bool, max_body: int) -> Wanted:
    """The note in ``body``; raises ``Refused`` (400 unreadable or empty, 413 too large)."""
    if len(body) > max_body:
        raise Refused(TOO_LARGE, TOO_BIG)
    try:
        decoded = body.decode("utf-8")
    except UnicodeDecodeError:
        raise Refused(BAD_REQUEST, NOT_JSON) from None
    fields = _form_fields(decoded) if form else _json_fields(decoded)
    text, kind, question_id = (fields.get(k) for k in ("text", "kind", "question_id"))
    if not isinstance(text, str):
        raise Refused(BAD_REQUEST, EMPTY if text is None else NOT_JSON)
    if not isinstance(kind, str | None) or not isinstance(question_id, str | None):
        raise Refused(BAD_REQUEST, NOT_JSON)
    text = without_controls(text).strip()
    if not text:
        raise Refused(BAD_REQUEST, EMPTY)
    if len(text) > MAX_TEXT:
        raise Refused(TOO_LARGE, TOO_LONG)
    if any("\ud800" <= ch <= "\udfff" for ch in text):  # a lone surrogate from a JSON escape
        raise Refused(BAD_REQUEST, NOT_JSON)
    kind = kind or NoteKind.IDEA
    if kind not in NOTE_KINDS:
        raise Refused(BAD_REQUEST, BAD_KIND)
    return Wanted(text=text, kind=str(NoteKind(kind)), question_id=question_id or None)


def _json_fields(decoded: str) -> dict[str, object]:
    try:
        value = json.loads(decoded)
    except (ValueError, RecursionError):
        raise Refused(BAD_REQUEST, NOT_JSON) from None
    if not isinstance(value, dict):
        raise Refused(BAD_REQUEST, NOT_JSON)
    return value


def _form_fields(decoded: str) -> dict[str, object]:
    try:
        parsed = parse_qs(decoded, keep_blank_values=True, max_num_fields=10, errors="strict")
    except ValueError:
        raise Refused(BAD_REQUEST, NOT_JSON) from None
    return {key: values[0] for key, values in parsed.items()}
