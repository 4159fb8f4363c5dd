"""Suggestions for the Board: similar notes, themes for unsorted notes, duplicates across tables.

Offline and explainable: every suggestion says which words tie it, and nothing here changes a
note. Input is a sequence of ``domain.records.Note`` (pass one question's notes: the engine
compares whatever it is given). Each function takes an optional ``lexicon`` (default: the bundled
``resources/lexicon/concepts.txt``, see ``text_features``).

How: a note's text becomes word stems plus the concepts of the lexicon it mentions, weighted by
TF-IDF over the notes given (concepts count ``CONCEPT_WEIGHT`` times a word), compared by cosine.
Themes are average-linkage groups cut at ``THEME_THRESHOLD``: a note near no group is left
unplaced rather than misplaced. numpy is imported on first use, never at startup.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workshop_app.domain.grouping import average_linkage
from workshop_app.domain.records import Note
from workshop_app.domain.text_features import (
    Features,
    Lexicon,
    bundled_lexicon,
    features,
    label_of,
    tokens,
    words_of,
)
from workshop_app.i18n import _

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

CONCEPT_WEIGHT = 4.0
THEME_THRESHOLD = 0.5
MIN_THEME_SIZE = 2
DUPLICATE_THRESHOLD = 0.8
KEYWORDS = 5


@dataclass(frozen=True)
class Similar:
    """A note near the focused one. ``shared_words``: the words of either note (lower case, as
    written; a phrase may have spaces) behind what they share, strongest first: highlight each
    occurrence in both notes' texts."""

    note_id: str
    score: float
    shared_words: tuple[str, ...]


@dataclass(frozen=True)
class Suggestion:
    """A proposed theme: a title, the keywords that tie its notes, and the notes (ids, in the
    order given)."""

    title: str
    keywords: tuple[str, ...]
    note_ids: tuple[str, ...]


@dataclass(frozen=True)
class Duplicate:
    """Two near-identical notes from different tables (ids in the order given), 0 < score <= 1."""

    note_ids: tuple[str, str]
    score: float


class _Space:
    """TF-IDF vectors of some texts, L2-normalised, over features that at least two texts share
    (a feature of one text alone cannot make two texts similar; it still counts in the norm)."""

    def __init__(self, items: Sequence[Features], *, concept_weight: float) -> None:
        import numpy as np

        self.items = items
        n = len(items)
        df: dict[str, int] = {}
        for item in items:
            for feature in item.counts:
                df[feature] = df.get(feature, 0) + 1
        self.weights: list[dict[str, float]] = []
        for item in items:
            vector = {}
            for feature, count in item.counts.items():
                boost = concept_weight if feature.startswith("c:") else 1.0
                idf = math.log((1 + n) / (1 + df[feature])) + 1.0
                vector[feature] = (
                    boost * (1.0 + math.log(count)) * idf if count >= 1 else (boost * count * idf)
                )
            norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
            self.weights.append({f: v / norm for f, v in vector.items()})
        shared = sorted(f for f, d in df.items() if d >= 2)
        self.columns = {f: j for j, f in enumerate(shared)}
        matrix = np.zeros((n, len(shared)), dtype=np.float64)
        for i, vector in enumerate(self.weights):
            for feature, value in vector.items():
                j = self.columns.get(feature)
                if j is not None:
                    matrix[i, j] = value
        self.matrix = matrix

    def similarity(self) -> npt.NDArray[np.float64]:
        return self.matrix @ self.matrix.T

    def shared(self, a: int, b: int) -> list[str]:
        """Features of both a and b, strongest contribution first."""
        wa, wb = self.weights[a], self.weights[b]
        common = [f for f in wa if f in wb]
        return sorted(common, key=lambda f: (-wa[f] * wb[f], f))


def _space(notes: Sequence[Note], lexicon: Lexicon | None, concept_weight: float) -> _Space:
    lex = bundled_lexicon() if lexicon is None else lexicon
    return _Space([features(note.text, lex) for note in notes], concept_weight=concept_weight)


def similar_notes(
    notes: Sequence[Note], note_id: str, *, limit: int = 5, lexicon: Lexicon | None = None
) -> list[Similar]:
    """The notes most like ``note_id`` among ``notes``, best first; only notes that share a word
    or concept with it. Raises ``KeyError`` if ``note_id`` is not among ``notes``."""
    index = next((i for i, note in enumerate(notes) if note.id == note_id), None)
    if index is None:
        raise KeyError(note_id)
    space = _space(notes, lexicon, CONCEPT_WEIGHT)
    scores = space.matrix @ space.matrix[index]
    ranked = sorted(
        (i for i in range(len(notes)) if i != index and scores[i] > 1e-9),
        key=lambda i: (-scores[i], i),
    )
    out = []
    for i in ranked[: max(limit, 0)]:
        words: list[str] = []
        for feature in space.shared(index, i):
            for word in words_of((space.items[index], space.items[i]), feature):
                if word not in words:
                    words.append(word)
        out.append(Similar(notes[i].id, round(float(scores[i]), 4), tuple(words)))
    return out


def suggest_themes(
    notes: Sequence[Note],
    *,
    existing_theme_note_ids: Collection[str] = frozenset(),
    lexicon: Lexicon | None = None,
    threshold: float = THEME_THRESHOLD,
) -> list[Suggestion]:
    """Proposed themes for the notes that have none: neither a ``theme_id`` nor an id in
    ``existing_theme_note_ids``. Notes that already have a theme are never in a suggestion.
    Largest group first."""
    taken = set(existing_theme_note_ids)
    free = [note for note in notes if note.theme_id is None and note.id not in taken]
    if len(free) < MIN_THEME_SIZE:
        return []
    space = _space(free, lexicon, CONCEPT_WEIGHT)
    groups = [
        sorted(group)
        for group in average_linkage(space.similarity(), threshold)
        if len(group) >= MIN_THEME_SIZE
    ]
    groups.sort(key=lambda group: (-len(group), group[0]))
    return [_describe(space, group, [free[i].id for i in group]) for group in groups]


def _describe(space: _Space, group: list[int], note_ids: list[str]) -> Suggestion:
    """Title and keywords of a group: its features ranked by how many of its notes carry them,
    then by weight. The title is the top concept (else the top word)."""
    spread: dict[str, float] = {}
    carriers: dict[str, int] = {}
    for i in group:
        for feature, value in space.weights[i].items():
            spread[feature] = spread.get(feature, 0.0) + value
            carriers[feature] = carriers.get(feature, 0) + 1
    ranked = sorted(
        (f for f in spread if carriers[f] >= 2), key=lambda f: (-carriers[f], -spread[f], f)
    )
    members = [space.items[i] for i in group]
    concepts = [f for f in ranked if f.startswith("c:")]
    words = [f for f in ranked if f.startswith("w:")]
    if concepts:
        title = label_of(concepts[0])
    elif words:
        title = words_of(members, words[0])[0].capitalize()
    else:
        # Translators: the title proposed for a group of notes with nothing clear in common
        title = _("Similar notes")
    keywords: list[str] = []
    for feature in ranked:
        for word in words_of(members, feature)[:2]:
            if word not in keywords and len(keywords) < KEYWORDS:
                keywords.append(word)
    return Suggestion(title, tuple(keywords), tuple(note_ids))


_NEGATIONS = frozenset(
    "no not never nobody none nothing without cannot cant dont doesnt didnt wont isnt arent "
    "wasnt werent hasnt havent shouldnt couldnt wouldnt".split()
)


def _negations(text: str) -> frozenset[str]:
    found = set()
    for token in tokens(text):
        word = token.surface.replace("'", "")
        if word in _NEGATIONS or token.surface.endswith("n't"):
            found.add(word)
    return frozenset(found)


def find_duplicates(
    notes: Sequence[Note], *, threshold: float = DUPLICATE_THRESHOLD
) -> list[Duplicate]:
    """Pairs of near-identical notes of one question from different tables (``group_id``
    differs; two notes without a table are not "different tables"), most alike first. Compared
    word for word, stop words included; notes that differ by a negation ("no", "not", "can't"...)
    are never duplicates ("more staff" and "no more staff")."""
    import numpy as np

    if len(notes) < 2:
        return []
    bags: list[dict[str, float]] = []
    df: dict[str, int] = {}
    for note in notes:
        bag: dict[str, float] = {}
        for token in tokens(note.text):
            bag[token.stem] = bag.get(token.stem, 0.0) + 1.0
        bags.append(bag)
        for word in bag:
            df[word] = df.get(word, 0) + 1
    # only words two notes share can make them alike; every word still counts in the norm
    columns = {w: j for j, w in enumerate(sorted(w for w, d in df.items() if d >= 2))}
    matrix = np.zeros((len(notes), max(len(columns), 1)))
    for i, bag in enumerate(bags):
        norm = math.sqrt(sum(v * v for v in bag.values())) or 1.0
        for word, value in bag.items():
            if word in columns:
                matrix[i, columns[word]] = value / norm
    scores = matrix @ matrix.T
    out = []
    for a, b in zip(*np.nonzero(np.triu(scores >= threshold - 1e-9, k=1)), strict=True):
        first, second = notes[int(a)], notes[int(b)]
        if first.group_id == second.group_id or first.question_id != second.question_id:
            continue
        if _negations(first.text) != _negations(second.text):
            continue
        out.append(Duplicate((first.id, second.id), round(min(float(scores[a, b]), 1.0), 4)))
    out.sort(key=lambda d: (-d.score, d.note_ids))
    return out
