"""A quote as printed: one pair of curly double quotation marks, whatever the note-taker typed.

``quoted`` is the one place that decides it, for the PDF, the HTML, the Markdown export and the
app. A quote already wrapped in marks (" " “ ” ' ‘ ’ « » „ ‹ ›) loses that outer pair before the
new one goes on, and double marks inside it become single ones (British nesting), so a quote
never ends in doubled marks such as ``something”.”``. Apostrophes (``don’t``) are left alone.
"""

from __future__ import annotations

OPEN, CLOSE = "“", "”"
#: Each family of marks: the characters that open, the ones that close, and the straight
#: character whose direction depends on where it stands.
_FAMILIES: tuple[tuple[str, str, str], ...] = (
    ("“„", "”", '"'),
    ("‘‚", "’", "'"),
    ("«‹", "»›", ""),
)
_MARKS = "".join(o + c + s for o, c, s in _FAMILIES)
_BEFORE_OPENING = " \t\n([{—–-/" + "“‘«‹„‚"


def _role(text: str, index: int) -> str:
    """Whether the character at ``index`` is an "open" or "close" mark, or "" (an apostrophe,
    or not a mark)."""
    char = text[index]
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    if char in "’'" and before.isalnum() and after.isalnum():
        return ""  # don’t, O'Brien
    if char in "“‘" and before not in _BEFORE_OPENING and not after.isalnum():
        return "close"  # German „so“ and ‚so‘
    for opening, closing, straight in _FAMILIES:
        if char in opening:
            return "open"
        if char in closing:
            return "close"
        if straight and char == straight:
            return "open" if before in _BEFORE_OPENING else "close"
    return ""


def _family(char: str) -> int:
    return next(i for i, (o, c, s) in enumerate(_FAMILIES) if char in o + c + s)


def _unwrap(text: str) -> str | None:
    """``text`` without its outer pair of marks, if one pair encloses all of it; else None."""
    if len(text) < 2 or text[0] not in _MARKS or text[-1] not in _MARKS:
        return None
    if _role(text, 0) != "open" or _role(text, len(text) - 1) != "close":
        return None
    family = _family(text[0])
    if _family(text[-1]) != family:
        return None
    depth = 0
    for index, char in enumerate(text):
        if char not in _MARKS or _family(char) != family:
            continue
        role = _role(text, index)
        depth += {"open": 1, "close": -1}.get(role, 0)
        if depth <= 0 and index < len(text) - 1:
            return None  # “A” and “B”: the first pair closes before the end
    return text[1:-1].strip() if depth == 0 else None


def quoted(text: str) -> str:
    """``text`` in exactly one pair of “ ”; nested double marks become ‘ ’. Empty stays empty."""
    words = text.strip()
    while (inner := _unwrap(words)) is not None:
        words = inner
    if not words:
        return ""
    out = []
    for index, char in enumerate(words):
        if char in '“„”"':
            role = _role(words, index)
            char = {"open": "‘", "close": "’"}.get(role, char)
        out.append(char)
    return f"{OPEN}{''.join(out)}{CLOSE}"
