"""Merge is commutative, associative and idempotent over random edit histories on 3 to 5
laptops (copies of one event, each with its own device id), with deletes, concurrent edits of
different fields of one note and of the same field, and merges along the way.

The laptops' clocks are hypothesis's: each step happens at one of a few seconds, in any order
(clock skew), so edits stamped at the same moment on two laptops are common and the tie-breaks
(device id, then a hash of the value) are exercised."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.storage.merge_helpers import dumps, laptops, opened, seed, state
from workshop_app.domain.records import Note

NOTES = 3
TEXTS = ("alpha", "beta", "gamma", "")

edit = st.one_of(
    st.tuples(st.just("text"), st.integers(0, NOTES - 1), st.sampled_from(TEXTS)),
    st.tuples(st.just("starred"), st.integers(0, NOTES - 1), st.booleans()),
    st.tuples(st.just("votes"), st.integers(0, NOTES - 1), st.integers(0, 3)),
    st.tuples(st.just("deleted"), st.integers(0, NOTES - 1), st.booleans()),
    st.tuples(st.just("move"), st.integers(0, NOTES - 1), st.integers(0, NOTES)),
    st.tuples(st.just("add"), st.integers(0, 0), st.sampled_from(TEXTS)),
    st.tuples(st.just("merge"), st.integers(0, 4), st.none()),
)
step = st.tuples(st.integers(0, 4), st.integers(0, 3), edit)
history = st.tuples(st.integers(3, 5), st.lists(step, max_size=14))
#: The second each step happens at (None: the real clock).
now: list[int | None] = [None]


@pytest.fixture(autouse=True)
def laptop_clocks(monkeypatch: pytest.MonkeyPatch) -> None:
    from workshop_app.storage import document

    real = document.utc_now

    def fake() -> str:
        return real() if now[0] is None else f"2030-01-01T09:00:{now[0]:02d}.000Z"

    monkeypatch.setattr(document, "utc_now", fake)


def play(folder: Path, count: int, steps: list) -> list[Path]:
    now[0] = None
    notes = seed(folder / "seed.workshop", NOTES)
    files = laptops(folder / "seed.workshop", count)
    for laptop, second, (what, index, value) in steps:
        laptop %= count
        now[0] = second
        with opened(files[laptop], f"laptop-{laptop}") as doc:
            note_id = notes[index % NOTES].id
            if what == "add":
                doc.add(Note(text=str(value)))
            elif what == "move":
                if not doc.get(Note, note_id).deleted:
                    doc.move(Note, note_id, int(value))
            elif what == "merge":
                other = index % count
                if other != laptop:
                    doc.merge([files[other]])
            else:
                doc.update(Note, note_id, **{what: value})
    now[0] = None
    return files


def merged(folder: Path, name: str, into: Path, *sources: Path) -> Path:
    target = folder / name
    shutil.copyfile(into, target)
    with opened(target, "merger") as doc:
        for source in sources:
            doc.merge([source])
    return target


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(history)
@example((3, [(0, 1, ("text", 0, "alpha")), (1, 1, ("text", 0, "beta"))]))  # a tie: same second
@example(  # one laptop, one second, two texts, one of them already merged elsewhere: the hash
    (3, [(0, 1, ("text", 0, "alpha")), (1, 0, ("merge", 0, None)), (0, 1, ("text", 0, "beta"))])
)
@example((3, [(0, 2, ("votes", 1, 3)), (1, 1, ("starred", 1, True)), (2, 0, ("deleted", 1, True))]))
def test_merge_is_commutative_associative_and_idempotent(case) -> None:
    count, steps = case
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        a, b, c, *rest = play(folder, count, steps)
        ab, ba = merged(folder, "ab", a, b), merged(folder, "ba", b, a)
        assert dumps(state(ab)) == dumps(state(ba)), "commutative"

        bc = merged(folder, "bc", b, c)
        left, right = merged(folder, "ab_c", ab, c), merged(folder, "a_bc", a, bc)
        assert dumps(state(left)) == dumps(state(right)), "associative"

        again = merged(folder, "ab_c_again", left, a, b, c, left)
        assert dumps(state(again)) == dumps(state(left)), "idempotent"

        everyone = [a, b, c, *rest]
        forwards = merged(folder, "all", everyone[0], *everyone[1:])
        backwards = merged(folder, "all_rev", everyone[-1], *reversed(everyone[:-1]))
        assert dumps(state(forwards)) == dumps(state(backwards)), "any order, all laptops"
        for i, laptop in enumerate(everyone):  # every laptop's own edits are in the whole
            mine = state(laptop)["records"]
            whole = state(forwards)["records"]
            for record_id, values in mine.items():
                for field, (_value, stamp) in values.items():
                    assert whole[record_id][field][1] >= stamp, (i, field)


def test_concurrent_edits_of_different_fields_survive_and_the_losing_text_is_kept(
    tmp_path: Path,
) -> None:
    notes = seed(tmp_path / "seed.workshop", NOTES)
    files = laptops(tmp_path / "seed.workshop", 3)
    changes = [{"text": "typo fixed"}, {"votes": 2, "starred": True}, {"text": "rewritten"}]
    for i, change in enumerate(changes):
        with opened(files[i], f"laptop-{i}") as doc:
            doc.update(Note, notes[0].id, **change)
    whole = merged(tmp_path, "whole", files[1], files[0], files[2])
    with opened(whole, "x") as doc:
        note = doc.get(Note, notes[0].id)
        assert (note.text, note.votes, note.starred) == ("rewritten", 2, True)
        assert [(c.value, c.device_id) for c in doc.conflicts()] == [("typo fixed", "laptop-0")]
