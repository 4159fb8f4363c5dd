"""A small bidi reorderer for the PDF: right-to-left text (Hebrew, Arabic) put in visual order.

PDF text is drawn left to right in the order it is stored, and PDF readers and text extractors
expect right-to-left runs stored in visual order. This is a simplified Unicode Bidirectional
Algorithm for one line: strong types from ``unicodedata.bidirectional``, numbers kept
left-to-right, neutrals between two runs of one direction take it (else the paragraph's), then
runs reversed from the highest level down (rule L2) with bracket mirroring. No explicit
embeddings or isolates; Arabic letters are joined by ``arabic.shape`` beforehand.
"""

from __future__ import annotations

import re
import unicodedata

_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_MIRROR = str.maketrans("()[]{}<>«»‹›", ")(][}{><»«›‹")


def has_rtl(text: str) -> bool:
    return _RTL.search(text) is not None


def _strong(ch: str) -> str | None:
    """R, L, N (a number) or None (neutral)."""
    kind = unicodedata.bidirectional(ch)
    if kind in ("R", "AL"):
        return "R"
    if kind == "L":
        return "L"
    if kind in ("EN", "AN"):
        return "N"
    return None


def rtl_paragraph(text: str) -> bool:
    """Whether the first strong character is right-to-left (rule P2)."""
    for ch in text:
        kind = _strong(ch)
        if kind:
            return kind == "R"
    return False


def _levels(text: str, rtl: bool) -> list[int]:
    types = [_strong(ch) for ch in text]
    base = "R" if rtl else "L"
    last = base
    for i, kind in enumerate(types):  # W7: a number after Latin (or in an LTR line) is Latin
        if kind in ("R", "L"):
            last = kind
        elif kind == "N" and last == "L":
            types[i] = "L"
    resolved: list[str] = []
    i = 0
    while i < len(types):
        if types[i] is not None:
            resolved.append(types[i])  # type: ignore[arg-type]
            i += 1
            continue
        j = i
        while j < len(types) and types[j] is None:
            j += 1
        # N1: numbers count as right-to-left for the neutrals around them.
        before = {"N": "R"}.get(resolved[-1], resolved[-1]) if resolved else base
        after = {"N": "R"}.get(types[j] or "", types[j]) if j < len(types) else base
        resolved += [before if before == after else base] * (j - i)
        i = j
    if rtl:
        return [1 if t == "R" else 2 for t in resolved]
    return [{"R": 1, "N": 2}.get(t, 0) for t in resolved]


def visual(text: str, rtl: bool | None = None) -> str:
    """One line of text in visual (left-to-right drawing) order. ``rtl`` is the paragraph
    direction; by default it comes from the first strong character."""
    if not has_rtl(text):
        return text
    if rtl is None:
        rtl = rtl_paragraph(text)
    levels = _levels(text, rtl)
    pairs = zip(text, levels, strict=True)
    chars = [ch.translate(_MIRROR) if level % 2 else ch for ch, level in pairs]
    for level in range(max(levels), 0, -1):
        i = 0
        while i < len(chars):
            if levels[i] < level:
                i += 1
                continue
            j = i
            while j < len(chars) and levels[j] >= level:
                j += 1
            chars[i:j] = chars[i:j][::-1]
            levels[i:j] = levels[i:j][::-1]
            i = j
    return "".join(chars)
