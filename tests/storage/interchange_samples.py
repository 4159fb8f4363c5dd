"""Shared interchange samples for the storage tests: a small valid v1 object with every field,
and a hypothesis strategy of hostile Unicode text up to the length limit."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from workshop_app.domain.records import MAX_TEXT
from workshop_app.storage.interchange import FORMAT, VERSION

Q1, Q2, G1, T1, N1, N2 = ("q-1", "q-2", "g-1", "t-1", "n-1", "n-2")


def sample() -> dict[str, Any]:
    """A small valid v1 object with every field present."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "event": {
            "id": "e-1",
            "title": "Listening event",
            "date": "2026-11-27",
            "start_time": "09:30",
            "venue": "Leeds",
            "organiser": "NHS",
            "summary": "",
            "attendee_count": 40,
            "attendance": 37,
            "timezone": "Europe/London",
        },
        "speakers": [
            {"id": "s-1", "name": "Ada", "role": "CDIO", "organisation": "NHS", "kind": "keynote"}
        ],
        "questions": [
            {"id": Q1, "text": "Vision?", "prompt": "", "synthesis": ""},
            {"id": Q2, "text": "People?", "prompt": "", "synthesis": ""},
        ],
        "groups": [{"id": G1, "name": "Table 1", "facilitator": "", "note_taker": ""}],
        "agenda": [
            {
                "id": "a-1",
                "title": "Breakout",
                "kind": "breakout",
                "planned_minutes": 20,
                "question_ids": [Q1, Q2],
                "started_at": "2026-11-27T10:00:00.000Z",
                "ended_at": None,
            }
        ],
        "themes": [{"id": T1, "question_id": Q1, "title": "Needs", "summary": ""}],
        "notes": [
            {
                "id": N1,
                "question_id": Q1,
                "group_id": G1,
                "text": "Start with the problem",
                "kind": "idea",
                "attribution": "",
                "role": "GP",
                "theme_id": T1,
                "votes": 3,
                "starred": True,
                "created_at": "2026-11-27T10:05:00.123Z",
                "updated_at": "2026-11-27T10:06:00.456Z",
            },
            {
                "id": N2,
                "question_id": None,
                "group_id": None,
                "text": "A keynote quote",
                "kind": "quote",
                "attribution": "Ada",
                "role": "",
                "theme_id": None,
                "votes": 0,
                "starred": False,
                "created_at": "2026-11-27T09:40:00.000Z",
                "updated_at": "2026-11-27T09:40:00.000Z",
            },
        ],
    }


TRICKY = [
    "",
    "x<y & R&D <b>bold</b> &amp;",
    "She said \"hello\", then 'bye'\\",
    "line one\nline two\r\nline three\n",
    "emoji 🎉👩🏽‍⚕️ and flags 🇬🇧",
    "مرحبا بالعالم — שלום עולם",
    "\u202eRTL override\u202c and zero width\u200b",
    "# heading - * _ ` > | =SUM(A1)",
    "\x00\x1f control \t tab",
    "é" * MAX_TEXT,
    "a\ud7ff\ue000\U0010ffff",
]
texts = st.one_of(
    st.sampled_from(TRICKY),
    st.text(max_size=200),
    # long texts up to the limit: a random piece repeated to a random length
    st.tuples(st.text(min_size=1, max_size=40), st.integers(1_000, MAX_TEXT)).map(
        lambda piece_length: (piece_length[0] * MAX_TEXT)[: piece_length[1]]
    ),
)
