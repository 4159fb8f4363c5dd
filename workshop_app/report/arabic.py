"""Arabic letters joined for print: each letter replaced by its contextual presentation form
(isolated, final, initial, medial; lam-alef ligatures), which DejaVu Sans carries.

A PDF draws one glyph per character, so without this Arabic prints as unjoined letters. This is
the classic presentation-forms approach (no OpenType shaping engine): right for the basic Arabic
alphabet, which is what notes are written in; other Arabic-script letters print unjoined. Text
extracted from the PDF comes back as presentation forms, which NFKC normalisation maps back to
the letters typed.
"""

from __future__ import annotations

import re

# letter -> (isolated, final, initial, medial); two forms for letters that join on one side only.
_FORMS: dict[str, tuple[int, ...]] = {
    "\u0621": (0xFE80,),
    "\u0622": (0xFE81, 0xFE82),
    "\u0623": (0xFE83, 0xFE84),
    "\u0624": (0xFE85, 0xFE86),
    "\u0625": (0xFE87, 0xFE88),
    "\u0626": (0xFE89, 0xFE8A, 0xFE8B, 0xFE8C),
    "\u0627": (0xFE8D, 0xFE8E),
    "\u0628": (0xFE8F, 0xFE90, 0xFE91, 0xFE92),
    "\u0629": (0xFE93, 0xFE94),
    "\u062a": (0xFE95, 0xFE96, 0xFE97, 0xFE98),
    "\u062b": (0xFE99, 0xFE9A, 0xFE9B, 0xFE9C),
    "\u062c": (0xFE9D, 0xFE9E, 0xFE9F, 0xFEA0),
    "\u062d": (0xFEA1, 0xFEA2, 0xFEA3, 0xFEA4),
    "\u062e": (0xFEA5, 0xFEA6, 0xFEA7, 0xFEA8),
    "\u062f": (0xFEA9, 0xFEAA),
    "\u0630": (0xFEAB, 0xFEAC),
    "\u0631": (0xFEAD, 0xFEAE),
    "\u0632": (0xFEAF, 0xFEB0),
    "\u0633": (0xFEB1, 0xFEB2, 0xFEB3, 0xFEB4),
    "\u0634": (0xFEB5, 0xFEB6, 0xFEB7, 0xFEB8),
    "\u0635": (0xFEB9, 0xFEBA, 0xFEBB, 0xFEBC),
    "\u0636": (0xFEBD, 0xFEBE, 0xFEBF, 0xFEC0),
    "\u0637": (0xFEC1, 0xFEC2, 0xFEC3, 0xFEC4),
    "\u0638": (0xFEC5, 0xFEC6, 0xFEC7, 0xFEC8),
    "\u0639": (0xFEC9, 0xFECA, 0xFECB, 0xFECC),
    "\u063a": (0xFECD, 0xFECE, 0xFECF, 0xFED0),
    "\u0641": (0xFED1, 0xFED2, 0xFED3, 0xFED4),
    "\u0642": (0xFED5, 0xFED6, 0xFED7, 0xFED8),
    "\u0643": (0xFED9, 0xFEDA, 0xFEDB, 0xFEDC),
    "\u0644": (0xFEDD, 0xFEDE, 0xFEDF, 0xFEE0),
    "\u0645": (0xFEE1, 0xFEE2, 0xFEE3, 0xFEE4),
    "\u0646": (0xFEE5, 0xFEE6, 0xFEE7, 0xFEE8),
    "\u0647": (0xFEE9, 0xFEEA, 0xFEEB, 0xFEEC),
    "\u0648": (0xFEED, 0xFEEE),
    "\u0649": (0xFEEF, 0xFEF0),
    "\u064a": (0xFEF1, 0xFEF2, 0xFEF3, 0xFEF4),
}
_TATWEEL = "\u0640"
_LAM_ALEF = {"\u0622": 0xFEF5, "\u0623": 0xFEF7, "\u0625": 0xFEF9, "\u0627": 0xFEFB}
_TRANSPARENT = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_ARABIC = re.compile("[\u0621-\u064a]")


def _dual(ch: str) -> bool:
    return ch == _TATWEEL or len(_FORMS.get(ch, ())) == 4


def _joins(ch: str) -> bool:
    return ch == _TATWEEL or len(_FORMS.get(ch, ())) >= 2


def shape(text: str) -> str:
    """``text`` with Arabic letters in their joined presentation forms (logical order kept)."""
    if not _ARABIC.search(text):
        return text
    chars = list(text)
    solid = [i for i, ch in enumerate(chars) if not _TRANSPARENT.match(ch)]
    out = list(chars)
    skip: set[int] = set()
    for pos, i in enumerate(solid):
        ch = chars[i]
        if ch not in _FORMS or i in skip:
            continue
        prev = chars[solid[pos - 1]] if pos > 0 else ""
        nxt_index = solid[pos + 1] if pos + 1 < len(solid) else None
        nxt = chars[nxt_index] if nxt_index is not None else ""
        joins_prev = bool(prev) and _dual(prev) and solid[pos - 1] not in skip
        if ch == "\u0644" and nxt in _LAM_ALEF:
            out[i] = chr(_LAM_ALEF[nxt] + (1 if joins_prev else 0))
            out[nxt_index] = ""  # type: ignore[index]
            skip.add(nxt_index)  # type: ignore[arg-type]
            continue
        forms = _FORMS[ch]
        joins_next = len(forms) == 4 and _joins(nxt)
        if joins_prev and joins_next:
            form = forms[3]
        elif joins_prev and len(forms) > 1:
            form = forms[1]
        elif joins_next:
            form = forms[2]
        else:
            form = forms[0]
        out[i] = chr(form)
    return "".join(out)
