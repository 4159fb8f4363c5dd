"""Personal data in a piece of text: NHS numbers, email addresses, UK phone numbers, UK postcodes
and the names of the people an event lists. Plain Python: no Qt, no I/O.

``find(text, names)`` gives the findings, ``redact(text, findings)`` replaces each with its label
("[phone]"). ``personal_data_bundle`` applies both to a whole event. Each detector errs on the
side a person would: an NHS number must carry a valid Modulus 11 check digit, a phone number
must have the digits a UK number has, a postcode the shapes Royal Mail issues, so times, dates,
money, counts, versions, "NHS 111", ward names and room codes are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from workshop_app.i18n import N_, _


class Kind(StrEnum):
    """What a finding is. Members equal their text ("phone" == Kind.PHONE)."""

    NHS_NUMBER = "nhs_number"
    EMAIL = "email"
    PHONE = "phone"
    POSTCODE = "postcode"
    NAME = "name"


KINDS: tuple[Kind, ...] = tuple(Kind)
#: What each kind is replaced by in a redacted text, and called in a list of findings. Both
#: marked with N_: ``redact`` writes the label in the language of the moment (the export's or
#: the report's, as it is made), and a list translates the name where it shows it.
LABELS: dict[Kind, str] = {
    # Translators: written in place of personal data taken out of an exported or printed text
    Kind.NHS_NUMBER: N_("[NHS number]"),
    Kind.EMAIL: N_("[email]"),
    Kind.PHONE: N_("[phone]"),
    Kind.POSTCODE: N_("[postcode]"),
    Kind.NAME: N_("[name]"),
}
NAMES: dict[Kind, str] = {
    Kind.NHS_NUMBER: N_("NHS number"),
    Kind.EMAIL: N_("email"),
    Kind.PHONE: N_("phone number"),
    Kind.POSTCODE: N_("postcode"),
    # Translators: a person's name, as a kind of personal data
    Kind.NAME: N_("name"),
}


@dataclass(frozen=True)
class Finding:
    """One piece of personal data: ``text[start:end] == matched``."""

    kind: Kind
    start: int
    end: int
    matched: str


# ---------------------------------------------------------------- NHS numbers

#: Ten digits, alone or 3-3-4 with one kind of separator (space or hyphen) used throughout.
_NHS = re.compile(r"(?<![\w+.,/:£$€-])(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\w/:]|[.,]\d)")


def nhs_check_digit(first_nine: str) -> int | None:
    """The Modulus 11 check digit for nine digits, or None when no number can have them
    (remainder 1: the check would be 10)."""
    total = sum(int(d) * w for d, w in zip(first_nine, range(10, 1, -1), strict=True))
    check = 11 - total % 11
    return None if check == 10 else check % 11


def is_nhs_number(digits: str) -> bool:
    """Ten digits whose last is their Modulus 11 check digit."""
    return len(digits) == 10 and digits.isdigit() and nhs_check_digit(digits[:9]) == int(digits[9])


def _nhs_numbers(text: str) -> Iterable[Finding]:
    for m in _NHS.finditer(text):
        if is_nhs_number(m[1] + m[3] + m[4]):
            yield Finding(Kind.NHS_NUMBER, m.start(), m.end(), m[0])


# ---------------------------------------------------------------- email

_EMAIL = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9](?:[A-Za-z0-9._%+'-]*[A-Za-z0-9_%+-])?"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}(?![\w@])"
)


def _emails(text: str) -> Iterable[Finding]:
    for m in _EMAIL.finditer(text):
        yield Finding(Kind.EMAIL, m.start(), m.end(), m[0])


# ---------------------------------------------------------------- phone numbers

#: Where a UK number can start: +44 or 0044 (an optional "(0)" after), or a national 0 (maybe
#: in brackets). Nothing word-like or a + just before it.
_PHONE_START = re.compile(r"(?<![\w+£$€.,/:-])(?:(?:\+|00)44[ \u00a0]?(?:\(0\)[ \u00a0]?)?|\(?0)")
_SEPARATORS = " \u00a0-.()"
#: A national number's first two digits: geographic 01/02, non-geographic 03, mobile 07.
_NATIONAL_START = ("01", "02", "03", "07")


def _phones(text: str) -> Iterable[Finding]:
    for m in _PHONE_START.finditer(text):
        # the national 0 is matched already; after +44 (and any "(0)") it stands for the 44
        end = _phone_end(text, m.end(), "0")
        if end is not None:
            yield Finding(Kind.PHONE, m.start(), end, text[m.start() : end])


def _phone_end(text: str, at: int, digits: str) -> int | None:
    """Where a UK number that started before ``at`` ends (its 11th digit, counting the national
    0), or None if what follows is not one: separators are single, one kind of bracket at most,
    and no digit may follow straight after."""
    separators = 0
    while at < len(text) and len(digits) < 11:
        char = text[at]
        if char.isdigit() and char.isascii():
            digits += char
            separators = 0
        elif char in _SEPARATORS:
            separators += 1
            if separators > 2 or (char == "." and not text[at + 1 : at + 2].isdigit()):
                return None
        else:
            return None
        at += 1
    if len(digits) != 11 or not digits.startswith(_NATIONAL_START):
        return None
    if text[at : at + 1].isdigit() or re.match(r"[.,:/]\d", text[at : at + 2]):
        return None
    return at


# ---------------------------------------------------------------- postcodes

# Royal Mail's shapes: A9 9AA, A99 9AA, AA9 9AA, AA99 9AA, A9A 9AA, AA9A 9AA, with the letters
# each place allows, plus GIR 0AA and the forces' BFPO numbers.
_OUTWARD = (
    r"(?:[A-PR-UWYZ][0-9][0-9]?"
    r"|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?"
    r"|[A-PR-UWYZ][0-9][A-HJKPSTUW]"
    r"|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])"
)
_INWARD = r"[0-9][ABD-HJLNP-UW-Z]{2}"
_POSTCODE = re.compile(
    rf"(?<![\w-])(?:{_OUTWARD}[ \u00a0]?{_INWARD}|GIR[ \u00a0]?0AA|BFPO[ \u00a0]?[0-9]{{1,4}})"
    r"(?![\w-])",
    re.IGNORECASE,
)
#: "1st", "2nd", "3rd", "4th" typed in small letters: an ordinal ("B2 1st floor"), not a code.
_ORDINAL = re.compile(r"(?:1st|2nd|3rd|[0-9]th)$")


def _postcodes(text: str) -> Iterable[Finding]:
    for m in _POSTCODE.finditer(text):
        if _ORDINAL.search(m[0]):
            continue
        yield Finding(Kind.POSTCODE, m.start(), m.end(), m[0])


# ---------------------------------------------------------------- names

#: Given and family names that are also everyday words: alone, they count as a name only when
#: capitalised in the middle of a sentence ("we asked Will" but not "Will it work?").
_WORD_LIKE = frozenset(
    """will may hope grace faith joy mark bill rose dawn sue pat amber ivy lily holly iris ruby
    june april august summer rich frank guy victor sunny bob jack carol drew chase hunter ward
    young brown white green black grey gray hall king wood baker cook page bell rice long little
    hill moore mills bond love hart sharp strong rivers brook field lane major nurse penny
    sterling sky star angel honey cherry daisy heather hazel jade pearl crystal autumn robin
    art gene ray max chris don ken les jean sam al ed""".split()
)
#: Words after a name that make it a place: "Victoria Ward", "St Thomas' Hospital".
_PLACE_AFTER = re.compile(
    r"[ \u00a0]+(?:Ward|Unit|Wing|House|Hospital|Centre|Center|Street|Road|Lane|Avenue|Surgery|"
    r"Practice|Trust|Clinic|Station|Line|Park|Building|Court|Hall|Place|Square|Suite)\b"
)
_SAINT_BEFORE = re.compile(r"\b(?:St|Saint)\.?[ \u00a0]+$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n\"“‘(\-–—•*]\s*)$")


def is_name_word(word: str) -> bool:
    """A word a person's name is made of: capitalised, with small letters ("McNeil", "O'Neil",
    "Siobhán", "Smith-Jones"), not an acronym (TBC, GP)."""
    return (
        len(word) >= 2
        and word[0].isupper()
        and any(c.islower() for c in word)
        and all(c.isalpha() or c in "-'’" for c in word)
    )


@lru_cache(maxsize=32)
def _name_patterns(names: tuple[str, ...]) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """(full names, any case; single name words, as capitalised) for ``names``."""
    full: set[str] = set()
    single: set[str] = set()
    for name in names:
        words = name.split()
        if not words or not all(is_name_word(w) for w in words):
            continue
        if len(words) > 1:
            full.add(r"[ \u00a0]+".join(re.escape(w) for w in words))
        single.update(w for w in words if len(w) >= 2)
    return _alternation(full, re.IGNORECASE), _alternation(single, 0)


def _alternation(parts: set[str], flags: int) -> re.Pattern[str] | None:
    if not parts:
        return None
    ordered = sorted(parts, key=len, reverse=True)
    return re.compile(r"(?<![\w@.])(?:" + "|".join(ordered) + r")(?![\w@]|\.\w)", flags)


def _names(text: str, names: tuple[str, ...]) -> Iterable[Finding]:
    full, single = _name_patterns(names)
    if full is not None:
        for m in full.finditer(text):
            yield Finding(Kind.NAME, m.start(), m.end(), m[0])
    if single is None:
        return
    for m in single.finditer(text):
        if _PLACE_AFTER.match(text, m.end()) or _SAINT_BEFORE.search(text, 0, m.start()):
            continue
        if m[0].casefold() in _WORD_LIKE and _SENTENCE_START.search(text, 0, m.start()):
            continue
        yield Finding(Kind.NAME, m.start(), m.end(), m[0])


# ---------------------------------------------------------------- together


def find(text: str, names: Iterable[str] = ()) -> list[Finding]:
    """Every piece of personal data in ``text``, in order, none overlapping (where two would,
    the longer wins: an email address holding a name is one email). ``names`` are the people
    the event lists ("Wendy Clark", "Priya"): a full name is found in any case, one of its
    words alone when capitalised."""
    found = [
        *_nhs_numbers(text),
        *_emails(text),
        *_phones(text),
        *_postcodes(text),
        *_names(text, tuple(names)),
    ]
    kept: list[Finding] = []
    for finding in sorted(found, key=lambda f: (f.start - f.end, f.start)):
        if all(finding.end <= k.start or finding.start >= k.end for k in kept):
            kept.append(finding)
    return sorted(kept, key=lambda f: f.start)


def redact(text: str, findings: Iterable[Finding]) -> str:
    """``text`` with each finding replaced by its label ("[phone]"), the rest kept as it was."""
    out = text
    for finding in sorted(findings, key=lambda f: f.start, reverse=True):
        out = out[: finding.start] + _(LABELS[finding.kind]) + out[finding.end :]
    return out
