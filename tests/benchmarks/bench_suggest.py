"""Suggestions benchmark, run by hand: ``python tests/benchmarks/bench_suggest.py [--notes N]``.

Goal (issue 11): suggestions for 2,000 notes in under 2 s. Measured, median of 5, each beside
a same-run baseline on the same notes:

- ``suggest_themes`` on N unsorted notes (lexicon concepts, TF-IDF, average linkage), against
  a plain baseline: lower-case split, TF-IDF, the cosine matrix (numpy), nothing else;
- ``find_duplicates`` on the same notes; ``similar_notes`` for one note.

The notes are the labelled sets' texts (tests/unit/suggest_sets) with a varying tail of words, so
that few are identical. Startup cost (bundled lexicon read, numpy import) is timed apart.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from workshop_app.domain.records import Note  # noqa: E402

TAILS = (
    "on nights",
    "in the community team",
    "said a ward sister",
    "every single week",
    "for older patients especially",
    "according to the practice manager",
    "since last winter",
    "across the whole patch",
)


def make_notes(count: int, seed: int = 11) -> list[Note]:
    rng = random.Random(seed)
    texts = [
        n["text"]
        for path in sorted((ROOT / "tests" / "unit" / "suggest_sets").glob("*.json"))
        for n in json.loads(path.read_text(encoding="utf-8"))["notes"]
    ]
    return [
        Note(
            id=f"n{i}",
            question_id="q",
            group_id=f"t{rng.randrange(8)}",
            text=f"{rng.choice(texts)} {rng.choice(TAILS)} {rng.randrange(1000)}",
        )
        for i in range(count)
    ]


def plain_tfidf_cosine(notes: list[Note]) -> object:
    import numpy as np

    docs = [note.text.lower().split() for note in notes]
    df: dict[str, int] = {}
    for doc in docs:
        for word in set(doc):
            df[word] = df.get(word, 0) + 1
    columns = {w: j for j, w in enumerate(df)}
    matrix = np.zeros((len(docs), len(columns)))
    for i, doc in enumerate(docs):
        for word in doc:
            matrix[i, columns[word]] += math.log((1 + len(docs)) / (1 + df[word])) + 1
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True) + 1e-12
    return matrix @ matrix.T


def median_seconds(work: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=2000)
    count = parser.parse_args().notes
    notes = make_notes(count)

    start = time.perf_counter()
    import numpy  # noqa: F401

    from workshop_app.domain.suggest import find_duplicates, similar_notes, suggest_themes
    from workshop_app.domain.text_features import bundled_lexicon

    bundled_lexicon()
    first = time.perf_counter() - start

    themes = median_seconds(lambda: suggest_themes(notes))
    baseline = median_seconds(lambda: plain_tfidf_cosine(notes))
    dups = median_seconds(lambda: find_duplicates(notes))
    similar = median_seconds(lambda: similar_notes(notes, notes[0].id))
    found = suggest_themes(notes)
    print(
        f"{count} notes, {len(found)} themes suggested, "
        f"{sum(len(s.note_ids) for s in found)} notes placed"
    )
    print(f"  first use (numpy import, lexicon read):  {first * 1000:7.0f} ms")
    print(f"  suggest_themes:                          {themes * 1000:7.0f} ms  (goal < 2000 ms)")
    print(f"  baseline, plain TF-IDF cosine matrix:    {baseline * 1000:7.0f} ms")
    print(f"  find_duplicates:                         {dups * 1000:7.0f} ms")
    print(f"  similar_notes (one note):                {similar * 1000:7.0f} ms")
    if themes >= 2.0:
        sys.exit("suggest_themes missed the 2 s goal")


if __name__ == "__main__":
    main()
