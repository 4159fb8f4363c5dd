"""Issue 17: the attendee page and its answers are in the window's language. Under the
pseudo-locale its words (the script's too) are bracketed and the strict policy still allows the
style and script actually served; under English the page is today's."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterator
from html import escape

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.phones.phone_client import post_note, send
from workshop_app import i18n
from workshop_app.ui.common import i18n as ui_i18n
from workshop_app.ui.phones.server import AttendeeServer

P = i18n.pseudo


@pytest.fixture
def pseudo() -> Iterator[None]:
    ui_i18n.install(i18n.PSEUDO)
    yield
    ui_i18n.install("en")


def _allowed(policy: str, directive: str, text: str) -> bool:
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return f"{directive} 'sha256-{digest}'" in policy


def _served(qtbot: QtBot, server: AttendeeServer) -> tuple[str, str]:
    assert server.url is not None
    reply = send(qtbot, server.url)
    assert reply.status == 200
    return reply.text, reply.headers["content-security-policy"]


def _inline(html: str, tag: str) -> str:
    found = re.search(f"<{tag}>(.*?)</{tag}>", html, re.S)
    assert found is not None
    return found.group(1)


def test_the_page_under_the_pseudo_locale(qtbot: QtBot, server: AttendeeServer, pseudo) -> None:
    html, policy = _served(qtbot, server)
    for words in ("Your note", "Kind (optional)", "Send", "Idea", "Quote", "Sending…"):
        assert escape(P(words)) in html, words
    assert f'data-not-sent="{P("Not sent: {reason} Your note is still in the box.")}"' in html
    assert "Share a thought" not in html and ">Your note<" not in html
    assert _allowed(policy, "style-src", _inline(html, "style"))
    assert _allowed(policy, "script-src", _inline(html, "script"))
    assert server.url is not None
    refused = post_note(qtbot, server.url, {"text": "   "})
    assert refused.status == 400
    assert refused.json()["error"] == P("Your note is empty: type something first.")


def test_the_page_in_english_is_as_it_was(qtbot: QtBot, server: AttendeeServer) -> None:
    html, policy = _served(qtbot, server)
    assert 'lang="en"' in html and '<label for="text">Your note</label>' in html
    assert '<button type="submit">Send</button>' in html and "[" not in _inline(html, "main")
    assert 'data-sending="Sending…"' in html
    assert _allowed(policy, "script-src", _inline(html, "script"))
    assert server.url is not None
    refused = post_note(qtbot, server.url, {"text": "x" * 20_001})
    assert refused.json()["error"] == (
        "Your note is too long: a note holds at most 20,000 characters."
    )
