"""Precision and recall of the personal-data detectors on a labelled set of note-taker lines
(personal_data_sets/notes.txt): both at or above 0.95. NHS numbers in the set are made here,
their check digits computed by this test (and wrong ones made wrong on purpose)."""

from __future__ import annotations

import random
import re
from pathlib import Path

from workshop_app.domain.personal_data import Kind, find

SET = Path(__file__).resolve().parent / "personal_data_sets" / "notes.txt"
_MARK = re.compile(r"\{\{(\w+):([^}]*)\}\}")
_KINDS = {
    "nhs": Kind.NHS_NUMBER,
    "email": Kind.EMAIL,
    "phone": Kind.PHONE,
    "postcode": Kind.POSTCODE,
    "name": Kind.NAME,
}


def modulus_11(nine: str) -> int:
    """The check digit, computed here independently of the code under test: weights 10 down to
    2, 11 minus the remainder, 11 means 0 and 10 means no valid number (returned as 10)."""
    check = 11 - sum(int(d) * (10 - i) for i, d in enumerate(nine)) % 11
    return 0 if check == 11 else check


class Numbers:
    """NHS numbers, valid or with a wrong check digit, from a seeded generator."""

    def __init__(self) -> None:
        self.random = random.Random(14)

    def _nine(self) -> str:
        return str(self.random.randint(4, 7)) + "".join(
            str(self.random.randint(0, 9)) for _ in range(8)
        )

    def valid(self) -> str:
        while True:
            nine = self._nine()
            if modulus_11(nine) != 10:
                return nine + str(modulus_11(nine))

    def wrong(self) -> str:
        nine = self._nine()
        check = modulus_11(nine)
        wrong = self.random.choice([d for d in range(10) if d != check])
        return nine + str(wrong)


def styled(digits: str, style: str) -> str:
    if style == "plain":
        return digits
    sep = {"spaced": " ", "hyphen": "-"}[style]
    return sep.join((digits[:3], digits[3:6], digits[6:]))


def load() -> tuple[tuple[str, ...], list[tuple[str, set[tuple[Kind, int, int]]]]]:
    """(the event's people, [(line, its expected findings as (kind, start, end))])."""
    numbers = Numbers()
    people: tuple[str, ...] = ()
    lines = []
    for raw in SET.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        if raw.startswith("people:"):
            people = tuple(p.strip() for p in raw[len("people:") :].split("|"))
            continue
        text, expected, at = "", set(), 0
        for m in _MARK.finditer(raw):
            text += raw[at : m.start()]
            kind, body = m[1], m[2]
            if kind == "nhs":
                body = styled(numbers.valid(), body)
            elif kind == "bad_nhs":
                body = styled(numbers.wrong(), body)
            if kind != "bad_nhs":
                expected.add((_KINDS[kind], len(text), len(text) + len(body)))
            text += body
            at = m.end()
        lines.append((text + raw[at:], expected))
    return people, lines


def test_the_set_is_big_and_varied() -> None:
    _, lines = load()
    assert len(lines) >= 200
    kinds = [kind for _, expected in lines for kind, _, _ in expected]
    assert all(kinds.count(kind) >= 10 for kind in Kind), kinds
    assert sum(1 for _, expected in lines if not expected) >= 100  # hard negatives


def test_generated_numbers_are_what_they_claim() -> None:
    numbers = Numbers()
    assert modulus_11("943476591") == 9  # the NHS's own worked example: 943 476 5919
    for _ in range(200):
        valid, wrong = numbers.valid(), numbers.wrong()
        assert modulus_11(valid[:9]) == int(valid[9])
        assert modulus_11(wrong[:9]) != int(wrong[9])


def test_precision_and_recall_are_at_least_0_95() -> None:
    people, lines = load()
    true_pos = false_pos = false_neg = 0
    misses = []
    for text, expected in lines:
        got = {(f.kind, f.start, f.end) for f in find(text, people)}
        true_pos += len(got & expected)
        false_pos += len(got - expected)
        false_neg += len(expected - got)
        misses += [("extra", text[s:e], k, text) for k, s, e in got - expected]
        misses += [("missed", text[s:e], k, text) for k, s, e in expected - got]
    precision = true_pos / (true_pos + false_pos)
    recall = true_pos / (true_pos + false_neg)
    print(
        f"\npersonal data: {len(lines)} lines, {true_pos + false_neg} findings labelled; "
        f"precision {precision:.3f}, recall {recall:.3f}"
    )
    for miss in misses:
        print("  ", *miss)
    assert precision >= 0.95 and recall >= 0.95, misses
