"""Counted nouns in the app's English: "1 note", "3 notes", "2 people", "4 copies".

Being replaced: counts shown to a person are now written with ``n_("%n note", "%n notes", n)``
(workshop_app.i18n, below the window) or ``trn(...)`` (ui/common/i18n.py), the English plural
written out so each language translates its own forms (Welsh has six). This module stays only
for code not yet moved to them; do not add new uses (tests/unit/test_wording.py).
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
