"""Words and concepts of a note, for the suggestion engine (``domain.suggest``).

A note's text becomes features: ``w:<stem>`` for each content word (lower case, light suffix
stripping, stop words dropped) and ``c:<concept>`` for each word or phrase the concept lexicon
knows. The lexicon is what lets two notes that share no word meet: "Too many passwords" and
"Smartcard never works first time" both carry ``c:Logins and access``.

The bundled lexicon is ``resources/lexicon/concepts.txt`` (plain text, editable); its format is
described at its top. ``parse_lexicon`` turns such text into a ``Lexicon`` and does no I/O;
``bundled_lexicon`` reads the packaged file once. Pure Python, no Qt, no SQL.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

STOP_WORDS: frozenset[str] = frozenset(
    """
    a about above after again against all also am an and any are aren as at be because been
    before being below between both but by can cannot could couldn did didn do does doesn doing
    don down during each even ever every few for from further get gets getting got had hadn has
    hasn have haven having he her here hers herself him himself his how i if in into is isn it its
    itself just let lot lots me more most much must mustn my myself need needs needed no nor not
    now of off on once one only or other our ours ourselves out over own per quite rather really
    same shan she should shouldn so some still such than that the their theirs them themselves
    then there these they this those through to too under until up upon us use used using very
    was wasn way we were weren what when where which while who whom why will with won would
    wouldn you your yours yourself yourselves etc eg ie via lots thing things stuff something
    anything everything someone people person want wants make makes making made go goes going
    like just bit many often always never sometimes feel felt think thought know knew say said
    see seen look new good bad better best great big little well able keep kept put take takes
    took give given come comes came tell yes ok okay s t ll re ve d m
    """.split()
)

_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("ational", "ate"),
    ("ization", "ize"),
    ("isation", "ize"),
    ("ations", "ate"),
    ("ation", "ate"),
    ("fulness", "ful"),
    ("iveness", "ive"),
    ("ments", ""),
    ("ment", ""),
    ("ness", ""),
    ("ingly", ""),
    ("ings", ""),
    ("ing", ""),
    ("edly", ""),
    ("ied", "y"),
    ("ies", "y"),
    ("ers", ""),
    ("er", ""),
    ("ed", ""),
    ("ly", ""),
    ("es", "e"),
    ("s", ""),
)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light stem: one suffix stripped, a trailing ``e`` and a doubled consonant reduced.
    Not a linguist's stemmer: it only has to send a word's common forms to one key, the same way
    for the notes and for the lexicon ("nurses", "nursing", "nurse" -> "nurs")."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    word = word.replace("'", "")
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith(("ss", "us", "is")) and not word.endswith("ness"):
        return word
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + replacement
            break
    if len(word) > 4 and word[-1] == word[-2] and word[-1] not in "lsz":
        word = word[:-1]
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


@dataclass(frozen=True)
class Token:
    """One word of a text: as written (lower case) and its stem."""

    surface: str
    stem: str


def tokens(text: str) -> list[Token]:
    """The words of ``text`` in order, with their stems (stop words kept: phrases need them)."""
    out = []
    for match in _WORD.finditer(text.lower()):
        surface = match.group(0).replace("’", "'")
        out.append(Token(surface, stem(surface)))
    return out


@dataclass(frozen=True)
class Lexicon:
    """Concepts and the stemmed words and phrases that express them.

    ``phrases`` maps a tuple of stems to the concepts it expresses (usually one);
    ``longest`` is the most words any phrase has."""

    phrases: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    longest: int = 1

    @property
    def concepts(self) -> frozenset[str]:
        return frozenset(c for cs in self.phrases.values() for c in cs)


EMPTY_LEXICON = Lexicon()


def parse_lexicon(text: str) -> Lexicon:
    """Read lexicon text: ``Label: word, a phrase, ...`` a line; ``#`` starts a comment line.
    Lines without a colon and empty terms are ignored, so a half-edited file still loads."""
    table: dict[tuple[str, ...], list[str]] = {}
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or ":" not in line:
            continue
        label, _, terms = line.partition(":")
        label = " ".join(label.split())
        if not label:
            continue
        for term in terms.split(","):
            key = tuple(token.stem for token in tokens(term))
            if key and label not in table.setdefault(key, []):
                table[key].append(label)
    phrases = {key: tuple(labels) for key, labels in table.items()}
    return Lexicon(phrases, max((len(key) for key in phrases), default=1))


def _lexicon_text() -> str:
    try:
        root = resources.files("workshop_app.resources")
    except ModuleNotFoundError:  # a source checkout: resources/ sits beside the package
        checkout = Path(__file__).resolve().parents[2] / "resources"
        return (checkout / "lexicon" / "concepts.txt").read_text(encoding="utf-8")
    return (root / "lexicon" / "concepts.txt").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def bundled_lexicon() -> Lexicon:
    """The lexicon shipped with the app (read once)."""
    return parse_lexicon(_lexicon_text())


@dataclass
class Features:
    """A note's features: ``counts`` per feature, and the words that produced each one (as
    written, lower case), for showing why two notes meet."""

    counts: dict[str, float] = field(default_factory=dict)
    words: dict[str, set[str]] = field(default_factory=dict)

    def add(self, feature: str, weight: float, surface: str) -> None:
        self.counts[feature] = self.counts.get(feature, 0.0) + weight
        self.words.setdefault(feature, set()).add(surface)


def features(text: str, lexicon: Lexicon) -> Features:
    """The word and concept features of one text. The longest lexicon phrase wins at each place;
    a word inside a matched phrase still counts as a word unless it is a stop word."""
    found = Features()
    toks = tokens(text)
    i = covered = 0
    while i < len(toks):
        for length in range(min(lexicon.longest, len(toks) - i), 0, -1):
            if i < covered:
                break
            key = tuple(t.stem for t in toks[i : i + length])
            concepts = lexicon.phrases.get(key)
            if concepts and not (length == 1 and toks[i].surface in STOP_WORDS):
                surface = " ".join(t.surface for t in toks[i : i + length])
                for concept in concepts:
                    found.add("c:" + concept, 1.0 / len(concepts), surface)
                covered = i + length
                break
        token = toks[i]
        if token.surface not in STOP_WORDS and len(token.stem) > 1 and not token.stem.isdigit():
            found.add("w:" + token.stem, 1.0, token.surface)
        i += 1
    return found


def label_of(feature: str) -> str:
    """The readable part of a feature name."""
    return feature[2:]


def words_of(items: Iterable[Features], feature: str) -> list[str]:
    """Every surface word behind ``feature`` across ``items``, most frequent first."""
    seen: dict[str, int] = {}
    for item in items:
        for word in item.words.get(feature, ()):
            seen[word] = seen.get(word, 0) + 1
    return sorted(seen, key=lambda w: (-seen[w], w))
