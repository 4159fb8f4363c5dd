"""Scoring the theme suggestions against the labelled sets in suggest_sets/ (shared by the
quality test and by hand: ``python tests/unit/suggest_quality.py``)."""

from __future__ import annotations

import json
import sys
from itertools import combinations
from pathlib import Path

from workshop_app.domain.records import Note
from workshop_app.domain.suggest import Suggestion, suggest_themes

SETS = Path(__file__).resolve().parent / "suggest_sets"


def load_set(path: Path) -> tuple[dict, list[Note]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    notes = [
        Note(id=n["id"], question_id="q", group_id=n["table"], text=n["text"])
        for n in data["notes"]
    ]
    return data, notes


def pairwise(data: dict, suggestions: list[Suggestion]) -> tuple[float, float, int]:
    """(pairwise precision of the suggested groups, share of notes placed, pairs judged)."""
    topic = {n["id"]: n["topic"] for n in data["notes"]}
    pairs = [pair for s in suggestions for pair in combinations(s.note_ids, 2)]
    right = sum(1 for a, b in pairs if topic[a] == topic[b])
    placed = sum(len(s.note_ids) for s in suggestions)
    precision = right / len(pairs) if pairs else 0.0
    return precision, placed / len(data["notes"]), len(pairs)


def score(path: Path) -> tuple[float, float, int]:
    data, notes = load_set(path)
    return pairwise(data, suggest_themes(notes))


if __name__ == "__main__":
    for path in sorted(SETS.glob("*.json")):
        precision, coverage, pairs = score(path)
        print(f"{path.stem:32} precision {precision:.2f}  placed {coverage:.0%}  ({pairs} pairs)")
        if "-v" in sys.argv:
            data, notes = load_set(path)
            topic = {n["id"]: n["topic"] for n in data["notes"]}
            text = {n.id: n.text for n in notes}
            for s in suggest_themes(notes):
                print("  ", s.title, s.keywords)
                for i in s.note_ids:
                    print("      ", topic[i], "|", text[i])
