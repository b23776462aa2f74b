"""Vietnamese text: normalisation, accent-insensitive keys, tone-mark placement.

Cells arrive NFD-decomposed, with stray spaces and line breaks, with old
(hoá, thuỷ) or new (hóa, thủy) tone-mark placement. `clean` gives the text a
person should read (NFC, single spaces); `fold` gives a key for matching by
meaning (no accents, lower case); `tone_key` gives a key under which old and new
tone placement compare equal while other diacritics still count.
"""
from __future__ import annotations

import re
import unicodedata

_WS = re.compile(r"\s+")


def clean(value: object) -> str:
    """NFC text with whitespace (line breaks included) collapsed to single spaces."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value))
    return _WS.sub(" ", text).strip()


def fold(value: object) -> str:
    """Accent- and case-insensitive key: 'Kế hoạch năm 2026' -> 'ke hoach nam 2026'."""
    text = unicodedata.normalize("NFD", clean(value))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.replace("đ", "d").replace("Đ", "D").lower()
