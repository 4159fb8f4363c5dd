"""Counted nouns in the app's English: "1 note", "3 notes", "2 people", "4 copies".

The one place a plural is made, for every count shown to a person (domain messages, storage's
merge summary, the report, the CLI and the GUI): an irregular form is written once, here.
Plain and pure on purpose: when UI text moves to Qt's ``tr()`` with ``%n``, each call in ui/
becomes one ``tr("%n note(s)", "", n)`` without anything else to unpick.
"""

from __future__ import annotations

#: Plurals the spelling rules below would get wrong.
IRREGULAR: dict[str, str] = {
    "person": "people",
    "child": "children",
}


def noun(count: int, word: str) -> str:
    """``word`` as it reads after ``count``: "note" (1) or "notes" (0, 2, ...). In a phrase
    ("agenda item", "more theme") the last word changes."""
    if count == 1:
        return word
    head, space, last = word.rpartition(" ")
    return head + space + _plural_of(last)


def plural(count: int, word: str) -> str:
    """ "1 note", "3 notes", "0 notes", "2 people"."""
    return f"{count} {noun(count, word)}"


def _plural_of(word: str) -> str:
    lower = word.lower()
    if lower in IRREGULAR:
        many = IRREGULAR[lower]
        return word[0] + many[1:] if word[:1].isupper() else many
    if lower.endswith("y") and lower[-2:-1] not in ("a", "e", "i", "o", "u", ""):
        return word[:-1] + "ies"  # entry -> entries, copy -> copies (but day -> days)
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"  # box -> boxes, status -> statuses
    return word + "s"
