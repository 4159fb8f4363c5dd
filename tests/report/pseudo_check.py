"""What the pseudo-locale test counts as English left untranslated: ASCII words outside the
pseudo-locale's brackets that are not the event's own data."""

from __future__ import annotations

import re
from dataclasses import fields

from workshop_app.domain.bundle import EventBundle

WORD = re.compile(r"[A-Za-z]{2,}")


def without_brackets(text: str) -> str:
    """``text`` with every bracketed segment (nested ones too) taken out."""
    out, depth = [], 0
    for ch in text:
        if ch == "[":
            depth += 1
        elif ch == "]" and depth:
            depth -= 1
        elif not depth:
            out.append(ch)
    return "".join(out)


def data_strings(bundle: EventBundle) -> list[str]:
    """Every text the event itself holds: titles, questions, notes, names, tables, agenda."""
    found: list[str] = []
    records = [bundle.event, *bundle.speakers, *bundle.questions, *bundle.groups]
    records += [*bundle.agenda, *bundle.themes, *bundle.notes]
    for record in records:
        for f in fields(record):
            value = getattr(record, f.name)
            if isinstance(value, str) and f.name not in ("id", "created_at", "updated_at"):
                found.append(value)
    return found


def data_words(strings: list[str]) -> set[str]:
    return {w.casefold() for s in strings for w in WORD.findall(s)}


def english_left(text: str, allowed: set[str]) -> list[str]:
    """ASCII words outside brackets that are not among ``allowed`` (casefolded)."""
    plain = without_brackets(text.replace("\\[", "[").replace("\\]", "]"))
    return sorted({w for w in WORD.findall(plain) if w.casefold() not in allowed})
