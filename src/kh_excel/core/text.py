"""Vietnamese text: normalisation, accent-insensitive keys, tone-mark placement, legacy fonts.

Cells arrive NFD-decomposed, with stray spaces and line breaks, with old
(hòa, thủy) or new (hoà, thuỷ) tone-mark placement, or as TCVN3 (.VnTime) / VNI-Windows
bytes shown as mojibake ("Tæng s¶n phÈm", "Toång saûn phaåm"). `clean` gives the text a
person should read (NFC, single spaces); `fold` gives a key for matching by meaning (no
accents, lower case); `tone_key` gives a key under which old and new tone placement compare
equal while other diacritics still count ("Đông" != "Đồng"); `detect_legacy` and
`convert_legacy` find and repair legacy-font text.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from _codecs import _EncodingMap


def clean(value: object) -> str:
    """NFC text with whitespace (line breaks included) collapsed to single spaces."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    # Already clean, the common case: the only whitespace a printable text can hold is " " (every
    # other str.isspace character is a control or separator), so no run and no end leaves it to fix.
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " " and type(text) is str:
        return text
    # str.split() splits on exactly what \s matches (str.isspace): runs collapsed, ends stripped
    return " ".join(text.split())


# A footnote mark at the end of a name: «(*)», «**», «[2]», «(1)», «¹».
_FOOTNOTE = re.compile(r"\s*(\(\*+\)|\*+|\[\d{1,2}\]|\(\d{1,2}\)|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)$")


_FOOTNOTE_ENDS = frozenset(")*]¹²³⁴⁵⁶⁷⁸⁹⁰")
FOOTNOTE_ENDS = _FOOTNOTE_ENDS  # the last characters a footnote mark can end with (a cheap test before split_footnote)


def split_footnote(name: str) -> tuple[str, str]:
    """«Tỷ lệ hộ nghèo (*)» -> («Tỷ lệ hộ nghèo», «(*)»): the mark refers to a note under the table,
    it is not part of the indicator's name (documents and matching use the name alone)."""
    if not name or name[-1] not in _FOOTNOTE_ENDS:
        return name, ""  # the common case, without a regular-expression search
    m = _FOOTNOTE.search(name)
    if not m or m.start() == 0:
        return name, ""
    return name[:m.start()].rstrip(), m.group(1)


_SUPERSCRIPT_DIGITS = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")


def footnote_key(mark: str) -> str:
    """«(2)», «[2]», «²» -> «2»; «(*)», «*» -> «*»: one note's mark as a name or figure writes it and as its note
    under the table does (a sheet writes «…trên địa bàn²» above «(2) Không kể …»)."""
    return mark.strip("()[] ").replace(" ", "").translate(_SUPERSCRIPT_DIGITS)


def _fold_table() -> dict[int, str]:
    """Each precomposed letter with diacritics below U+2000 -> its base letter (ế -> e, ư -> u, đ -> d)."""
    table = {ord("đ"): "d", ord("Đ"): "D"}
    for cp in range(0xC0, 0x2000):
        ch = chr(cp)
        base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        if base != ch:  # (also Ǣ -> Æ, ἀ -> α, Bengali ো -> ে + া: the NFD definition, tests/test_fold.py)
            table[cp] = base
    return table


_FOLD = _fold_table()


# The fast fold: printable ASCII and the 134 Vietnamese letters with diacritics fit one 256-entry
# charmap codec (a C lookup per character, ~10x cheaper than str.translate with a dict); each byte is
# then mapped to its folded lower-case ASCII letter. Text with any other character (en dash, «≥»,
# other languages' letters, control characters) raises and takes the general path. The letters that
# Windows-1252 cannot encode (ă đ ơ ư ạ…ỹ, all above U+00FF) get the codes from 128 up, so "the text
# holds one" — what rules out legacy-font text — is `not encoded.isascii()`.
def _fast_fold_tables() -> tuple[_EncodingMap, bytes, str]:
    letters = {unicodedata.normalize("NFC", base + tone) for base in "aăâeêioôơuưy"
               for tone in ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")}
    letters = {ch for ch in letters if not ch.isascii()} | {"đ"}
    letters |= {ch.upper() for ch in letters}
    # NUL first: charmap_build makes its fast table (and leaves U+FFFE unmapped) only for a table so led.
    low = "\0" + "".join(chr(i) for i in range(0x20, 0x7F)) + "".join(sorted(ch for ch in letters if ord(ch) <= 0xFF))
    high = "".join(sorted(ch for ch in letters if ord(ch) > 0xFF))
    assert len(low) <= 128 and len(high) <= 128 and all(len(ch.translate(_FOLD).lower()) == 1 for ch in low + high)
    # U+FFFE: an unused code, as in encodings.cp1252
    decoding = low.ljust(128, "\ufffe") + high.ljust(128, "\ufffe")
    folded = bytes(ord(ch.translate(_FOLD).lower()) if ch != "\ufffe" else 0 for ch in decoding)
    encoding = codecs.charmap_build(decoding)
    assert not isinstance(encoding, dict)
    return encoding, folded, decoding


_FAST_FOLD_MAP, _FAST_FOLD_BYTES, _FAST_FOLD_ALPHABET = _fast_fold_tables()
_charmap_encode = codecs.charmap_encode


@lru_cache(maxsize=1 << 16)
def _fold_word(word: str) -> str:
    return word.translate(_FOLD)


@lru_cache(maxsize=1 << 16)
def _marked_word(word: str) -> bool:
    """Does the folded word still hold a combining mark? Words repeat across names (an en dash or
    «≥» keeps a folded name non-ASCII), so the per-character test is paid once per distinct word."""
    out = _fold_word(word)
    return not out.isascii() and any(unicodedata.combining(ch) for ch in out)


def fold(value: object) -> str:
    """Accent- and case-insensitive key: 'Kế hoạch năm 2026' -> 'ke hoach nam 2026'.

    Text of ASCII and Vietnamese letters (nearly every cell) goes through the fast charmap table;
    any other text through one str.translate over a table of precomposed letters (the text is NFC
    after `clean`), combining marks left over from unusual sequences dropped. Both give the same key.
    """
    if type(value) is str:
        try:  # ASCII and Vietnamese letters only, the common case: two C passes
            out = _charmap_encode(value, "strict", _FAST_FOLD_MAP)[0].translate(_FAST_FOLD_BYTES).decode("ascii")
        except UnicodeEncodeError:
            pass
        else:
            # Such text is NFC (it holds no combining mark) and its only whitespace is " ", which
            # folds to itself: `clean` has nothing left to do but collapse runs of spaces.
            if "  " in out or out[:1] == " " or out[-1:] == " ":
                return " ".join(out.split())
            return out
    text = clean(value)
    if text.isascii():
        return text.lower()
    try:  # NFD or stray whitespace cleaned away
        return _charmap_encode(text, "strict", _FAST_FOLD_MAP)[0].translate(_FAST_FOLD_BYTES).decode("ascii")
    except UnicodeEncodeError:
        pass
    # translate maps character by character: word by word gives the same, and words repeat across names
    words = text.split(" ")
    text = " ".join(map(_fold_word, words))
    if not text.isascii() and any(map(_marked_word, words)):
        text = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    return text.lower()


_TITLE = re.compile(r"^(?:dong chi|d/c|dc|d\.c|ong|ba)\s*[:.]?\s+")


_NOT_WORD = re.compile(r"[^\w\s]")


def fold_words(value: object) -> str:
    """fold with punctuation read as spaces, single spaces: «Không hoàn thành.» -> 'khong hoan thanh', «Biểu 01
    (tiếp)» -> 'bieu 01 tiep'; a key of the words alone."""
    return " ".join(_NOT_WORD.sub(" ", fold(value)).split())


@lru_cache(maxsize=1 << 12)
def person_key(value: str) -> str:
    """One key per person however the cell writes them: "Đồng chí X - Chủ tịch", "Đ/c: X", "Đông chí X"."""
    text = fold(value)
    text = _TITLE.sub("", text)
    text = text.split(" - ")[0].split(",")[0]
    return "".join(text.split())


# ---------------------------------------------------------------------------------------
# Unicode form and whitespace
# ---------------------------------------------------------------------------------------

def is_nfc(value: object) -> bool:
    """True when the text is already in NFC, the form Word, Excel and people expect."""
    return unicodedata.is_normalized("NFC", "" if value is None else str(value))


def is_decomposed(value: object) -> bool:
    """True when the text carries combining accents that NFC would fold into letters (NFD text)."""
    text = "" if value is None else str(value)
    return any(unicodedata.combining(ch) for ch in text) and not is_nfc(text)


# Vietnamese labels for the kinds of stray whitespace, for messages people read.
WHITESPACE_ISSUES: dict[str, str] = {
    "leading": "có khoảng trắng ở đầu",
    "trailing": "có khoảng trắng ở cuối",
    "double": "có nhiều khoảng trắng liền nhau",
    "line_break": "có dấu xuống dòng trong ô một dòng",
    "blank_line": "có dòng trống",
    "nbsp": "có khoảng trắng không ngắt (NBSP)",
    "tab": "có ký tự tab",
    "odd_space": "có ký tự khoảng trắng lạ",
    "invisible": "có ký tự vô hình (độ rộng bằng 0)",
}

_LINE_BREAKS = "\r\n\u2028\u2029\x0b\x0c\x85"
_NBSP = "\u00a0\u202f\u2007"
_ODD_SPACES = "\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f\u3000"
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"


def whitespace_issues(value: object, multiline: bool = False) -> list[str]:
    """Kinds of stray whitespace in a cell (keys of WHITESPACE_ISSUES), in a stable order.

    `multiline=True` is for cells where line breaks separate items (agency lists): breaks are
    then allowed, but each line is checked on its own and empty lines are reported.
    """
    if value is None:
        return []
    text = str(value)
    found: set[str] = set()
    if any(ch in _NBSP for ch in text):
        found.add("nbsp")
    if "\t" in text:
        found.add("tab")
    if any(ch in _ODD_SPACES for ch in text):
        found.add("odd_space")
    # The soft hyphen is also the TCVN3 code of "ư": it is invisible only outside legacy text.
    if any(ch in _INVISIBLE for ch in text.replace("\u00ad", "")) or (
        "\u00ad" in text and detect_legacy(text) is None
    ):
        found.add("invisible")
    text = text.replace("\r\n", "\n")
    has_break = any(ch in _LINE_BREAKS for ch in text)
    if has_break and not multiline:
        found.add("line_break")
    lines = re.split(f"[{_LINE_BREAKS}]", text) if multiline else [text]
    if multiline and len(lines) > 1:
        inner = lines
        while inner and not inner[-1].strip():
            inner = inner[:-1]  # a final line break is a trailing blank, reported below
        if any(not ln.strip() for ln in inner[1:]):
            found.add("blank_line")
        if not lines[-1].strip() and len(lines) > 1:
            found.add("trailing")
    spaceish = " \t" + _NBSP + _ODD_SPACES + ("" if multiline else _LINE_BREAKS)
    for ln in lines:
        if not ln.strip(spaceish):
            continue
        if ln[0] in spaceish:
            found.add("leading")
        if ln[-1] in spaceish:
            found.add("trailing")
        if re.search(f"[{re.escape(spaceish)}]{{2,}}", ln.strip(spaceish)):
            found.add("double")
    if not multiline and text and not text.strip(spaceish):
        found.add("leading")
    return [k for k in WHITESPACE_ISSUES if k in found]


def has_stray_whitespace(value: object, multiline: bool = False) -> bool:
    """Leading/trailing or doubled spaces, NBSP, tabs, zero-width characters, or a line break
    inside a single-line value."""
    return bool(whitespace_issues(value, multiline=multiline))


# ---------------------------------------------------------------------------------------
# Syllables and tone-mark placement
# ---------------------------------------------------------------------------------------

# The five tone marks (combining): huyền, sắc, ngã, hỏi, nặng.
GRAVE, ACUTE, TILDE, HOOK, DOT = "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"
_TONES = frozenset((GRAVE, ACUTE, TILDE, HOOK, DOT))
_VN_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzăâđêôơư")
_VOWELS = frozenset("aăâeêioôơuưy")
_SHAPED = frozenset("ăâêôơư")

# Onsets, longest first so that "ngh" wins over "ng" and "n".
_ONSETS = (
    "ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
)
_CODAS = frozenset(("", "c", "ch", "m", "n", "ng", "nh", "p", "t"))
_STOP_CODAS = frozenset(("c", "ch", "p", "t"))  # only sắc or nặng before a stop
# Vowel nuclei (with medial glide and final glide) of written Vietnamese.
_NUCLEI_ANY = frozenset(("a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "oa", "oe", "uê", "uy"))
_NUCLEI_OPEN = frozenset((
    "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ua", "ui",
    "ưa", "ưi", "ưu", "uơ", "oai", "oay", "oao", "oeo", "uây", "uôi", "uya", "uyu", "ươi", "ươu",
    "iêu", "yêu",
))
_NUCLEI_CLOSED = frozenset(("ă", "â", "iê", "yê", "uô", "ươ", "oă", "uâ", "uyê", "oo"))
_CODA_ONLY_AFTER = {  # codas that follow few nuclei
    "nh": frozenset(("a", "ê", "i", "y", "oa", "uy", "uê")),
    "ch": frozenset(("a", "ê", "i", "oa", "uy", "uê")),
}
_CODA_NOT_AFTER = {  # codas some nuclei never take
    "ng": frozenset(("i", "ê", "ơ", "y", "uy", "uê", "oe", "uơ")),
    "c": frozenset(("i", "ê", "ơ", "y", "uy", "uê", "oe", "uơ")),
}


@lru_cache(maxsize=4096)
def _letter(ch: str) -> tuple[str, str] | None:
    """'ổ' -> ('ô', HOOK), 'Đ' -> ('Đ', ''); None for anything that is not a Vietnamese letter."""
    d = unicodedata.normalize("NFD", ch)
    marks = d[1:]
    tones = [m for m in marks if m in _TONES]
    if len(tones) > 1:
        return None
    letter = unicodedata.normalize("NFC", d[0] + "".join(m for m in marks if m not in _TONES))
    if len(letter) != 1 or letter.lower() not in _VN_LETTERS:
        return None
    if tones and letter.lower() not in _VOWELS:
        return None
    return letter, tones[0] if tones else ""


@lru_cache(maxsize=8192)
def _parse(letters: str) -> tuple[str, str, str] | None:
    """Split a lower-case toneless syllable into (onset, nucleus, coda); None if not Vietnamese."""
    for onset in _ONSETS:
        if not letters.startswith(onset):
            continue
        rest = letters[len(onset):]
        if onset in ("gi", "qu") and not (rest and rest[0] in _VOWELS):
            continue  # "gìn" is g + i + n; a bare "qu" is nothing
        i = 0
        while i < len(rest) and rest[i] in _VOWELS:
            i += 1
        nucleus, coda = rest[:i], rest[i:]
        if not nucleus or coda not in _CODAS:
            continue
        if coda:
            if nucleus not in _NUCLEI_ANY and nucleus not in _NUCLEI_CLOSED:
                continue
            if coda in _CODA_ONLY_AFTER and nucleus not in _CODA_ONLY_AFTER[coda]:
                continue
            if nucleus in _CODA_NOT_AFTER.get(coda, ()):
                continue
            if nucleus == "oo" and coda not in ("ng", "c"):
                continue  # loans and names: boong, goòng, moóc, Loỏng
        elif nucleus not in _NUCLEI_ANY and nucleus not in _NUCLEI_OPEN:
            continue
        head = nucleus[0]
        if onset in ("k", "gh", "ngh") and head not in "ieêy":
            continue
        if onset in ("c", "ng") and head in "eêiy":
            continue
        if onset == "g" and head in "eê":
            continue
        if onset == "gi" and head == "i":
            continue
        if onset == "qu" and head in "uư":
            continue
        return onset, nucleus, coda
    return None


def _tone_index(nucleus: str, coda: str, style: str) -> int:
    """Position in the nucleus that carries the tone mark."""
    if len(nucleus) == 1:
        return 0
    shaped = [i for i, ch in enumerate(nucleus) if ch in _SHAPED]
    if shaped:
        return shaped[-1]  # ươ -> ơ, uyê -> ê, ưu -> ư
    if coda:
        return len(nucleus) - 1  # hoàng, huỳnh
    if len(nucleus) == 3:
        return 1  # ngoài, khuỷu, ngoẹo
    if style == "new" and nucleus in ("oa", "oe", "uy"):
        return 1  # hoà, khoẻ, thuỷ
    return 0  # hòa, khỏe, thủy; mùa, tài, kìa in either style


def _split_word(word: str) -> tuple[list[tuple[str, str]], str, tuple[str, str, str]] | None:
    """A word's letters (with tones), its toneless lower-case spelling and its parse."""
    parts = []
    for ch in word:
        p = _letter(ch)
        if p is None:
            return None
        parts.append(p)
    letters = "".join(p[0] for p in parts).lower()
    parsed = _parse(letters)
    if parsed is None:
        return None
    return parts, letters, parsed


@lru_cache(maxsize=16384)
def is_vietnamese_syllable(word: str) -> bool:
    """True when `word` is spelled as a Vietnamese syllable (any case, either tone placement)."""
    split = _split_word(unicodedata.normalize("NFC", word))
    if split is None:
        return False
    parts, _letters, (onset, nucleus, coda) = split
    tones = [(i, t) for i, (_l, t) in enumerate(parts) if t]
    if len(tones) > 1:
        return False
    if coda in _STOP_CODAS and not tones:
        return False  # a stop takes sắc or nặng: "lôc" is no syllable
    if tones:
        i = tones[0][0] - len(onset)
        if i not in (_tone_index(nucleus, coda, "new"), _tone_index(nucleus, coda, "old")):
            return False  # "keỏ", or a tone on the "u" of "qu": no spelling puts it there
        if coda in _STOP_CODAS and tones[0][1] not in (ACUTE, DOT):
            return False
        if nucleus == "oo" and tones[0][1] not in (GRAVE, ACUTE, HOOK):
            return False
    return True


@lru_cache(maxsize=16384)
def _retone_word(word: str, style: str) -> str:
    split = _split_word(word)
    if split is None:
        return word
    parts, _letters, (onset, nucleus, coda) = split
    tones = [(i, t) for i, (_l, t) in enumerate(parts) if t]
    if len(tones) != 1:
        return word
    at, tone = tones[0]
    target = len(onset) + _tone_index(nucleus, coda, style)
    if target == at:
        return word
    out = [letter for letter, _t in parts]
    out[target] = unicodedata.normalize("NFC", out[target] + tone)
    return "".join(out)


_WORD = re.compile(r"[^\W\d_]+")


def normalize_tone_marks(value: object, style: Literal["new", "old"] = "new") -> str:
    """NFC text with every syllable's tone mark placed by one convention, case kept.

    style="new": on the main vowel (hoà, khoẻ, thuỷ, quý) — the rule of the Ministry of
    Education's 2018 spelling guidance; style="old": on the first vowel of an open "oa", "oe",
    "uy" (hòa, khỏe, thủy), as most administrative documents still write. Closed syllables,
    shaped vowels and "qu"/"gi" onsets follow the same rule in both (hoàng, thuở, quý, già).
    Words that are not Vietnamese syllables are left alone.
    """
    if style not in ("new", "old"):
        raise ValueError(f"style must be 'new' or 'old', not {style!r}")
    text = unicodedata.normalize("NFC", "" if value is None else str(value))
    return _WORD.sub(lambda m: _retone_word(m.group(0), style), text)


_ETH = str.maketrans({"\u00d0": "đ", "\u00f0": "đ", "\u0189": "đ"})


def tone_key(value: object) -> str:
    """Key under which old and new tone placement, NFC/NFD, case and spacing compare equal.

    "Sở Văn hoá" and "sở  văn hóa" share a key; "Đông chí" and "Đồng chí" do not, since only
    the *placement* of a tone is normalised, never the marks themselves.
    """
    text = clean(value).casefold().translate(_ETH)
    return normalize_tone_marks(text, "new")


# ---------------------------------------------------------------------------------------
# Legacy 8-bit fonts: TCVN3 (.VnTime, "ABC") and VNI-Windows
# ---------------------------------------------------------------------------------------
# Excel stores such a cell as the cp1252 reading of the font's bytes, so the tables below map
# Vietnamese letters to those Latin-1 characters. Tones in table order: none, sắc, huyền, hỏi,
# ngã, nặng.

Encoding = Literal["tcvn3", "vni", "utf8"]  # "utf8": UTF-8 bytes shown as Windows-1252
_TONE_ORDER = ("", ACUTE, GRAVE, HOOK, TILDE, DOT)

# TCVN 5712:1993 VN3: one byte per lower-case letter. Its capitals live in the .VnTimeH fonts
# under the *same* bytes; only Ă Â Ê Ô Ơ Ư Đ have capital codes of their own.
_TCVN3_ROWS = {
    "a": "a\xb8\xb5\xb6\xb7\xb9",
    "ă": "\xa8\xbe\xbb\xbc\xbd\xc6",
    "â": "\xa9\xca\xc7\xc8\xc9\xcb",
    "e": "e\xd0\xcc\xce\xcf\xd1",
    "ê": "\xaa\xd5\xd2\xd3\xd4\xd6",
    "i": "i\xdd\xd7\xd8\xdc\xde",
    "o": "o\xe3\xdf\xe1\xe2\xe4",
    "ô": "\xab\xe8\xe5\xe6\xe7\xe9",
    "ơ": "\xac\xed\xea\xeb\xec\xee",
    "u": "u\xf3\xef\xf1\xf2\xf4",
    "ư": "\xad\xf8\xf5\xf6\xf7\xf9",
    "y": "y\xfd\xfa\xfb\xfc\xfe",
}
_TCVN3_EXTRA = {"đ": "\xae", "Ă": "\xa1", "Â": "\xa2", "Ê": "\xa3", "Ô": "\xa4", "Ơ": "\xa5",
                "Ư": "\xa6", "Đ": "\xa7"}

# VNI-Windows: a base letter followed by a mark byte; capitals use the upper-case marks.
_VNI_TONES = ("", "\xf9", "\xf8", "\xfb", "\xf5", "\xef")          # ù ø û õ ï
_VNI_CIRC_TONES = ("\xe2", "\xe1", "\xe0", "\xe5", "\xe3", "\xe4")  # â á à å ã ä
_VNI_BREVE_TONES = ("\xea", "\xe9", "\xe8", "\xfa", "\xfc", "\xeb")  # ê é è ú ü ë
_VNI_ROWS = {
    "a": tuple("a" + m for m in _VNI_TONES),
    "ă": tuple("a" + m for m in _VNI_BREVE_TONES),
    "â": tuple("a" + m for m in _VNI_CIRC_TONES),
    "e": tuple("e" + m for m in _VNI_TONES),
    "ê": tuple("e" + m for m in _VNI_CIRC_TONES),
    "o": tuple("o" + m for m in _VNI_TONES),
    "ô": tuple("o" + m for m in _VNI_CIRC_TONES),
    "ơ": tuple("\xf4" + m for m in _VNI_TONES),   # ô = ơ
    "u": tuple("u" + m for m in _VNI_TONES),
    "ư": tuple("\xf6" + m for m in _VNI_TONES),   # ö = ư
    "i": ("i", "\xed", "\xec", "\xe6", "\xf3", "\xf2"),  # í ì æ ó ò
    "y": ("y", "y\xf9", "y\xf8", "y\xfb", "y\xf5", "\xee"),  # ỵ = î
}


def _with_tone(base: str, tone: str) -> str:
    return unicodedata.normalize("NFC", base + tone)


def _build_tables() -> tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, str]]:
    tcvn_enc: dict[str, str] = {}
    for base, codes in _TCVN3_ROWS.items():
        for tone, code in zip(_TONE_ORDER, codes):
            tcvn_enc[_with_tone(base, tone)] = code
    tcvn_enc.update(_TCVN3_EXTRA)
    tcvn_dec = {code: letter for letter, code in tcvn_enc.items() if not code.isascii()}
    vni_enc: dict[str, str] = {}
    for base, seqs in _VNI_ROWS.items():
        for tone, seq in zip(_TONE_ORDER, seqs):
            letter = _with_tone(base, tone)
            vni_enc[letter] = seq
            vni_enc[letter.upper()] = seq.upper()
    vni_enc["đ"], vni_enc["Đ"] = "\xf1", "\xd1"  # ñ Ñ
    vni_dec: dict[str, str] = {}
    for letter, seq in vni_enc.items():
        if seq.isascii():
            continue
        vni_dec[seq] = letter
    return tcvn_enc, tcvn_dec, vni_enc, vni_dec


_TCVN3_ENCODE, _TCVN3_DECODE, _VNI_ENCODE, _VNI_DECODE = _build_tables()
_LEGACY_CODES = frozenset(_TCVN3_DECODE) | frozenset(
    ch for seq in _VNI_DECODE for ch in seq if not ch.isascii()
)


def encode_legacy(value: object, encoding: Encoding) -> str:
    """Unicode text as a legacy font stores it (the inverse of `convert_legacy`).

    TCVN3 has no codes for most capitals (they live in .VnTimeH under the lower-case codes),
    so capitals other than Ă Â Ê Ô Ơ Ư Đ become their lower-case codes. Used to make test
    fixtures and to check the tables by round trip.
    """
    text = unicodedata.normalize("NFC", "" if value is None else str(value))
    if encoding == "tcvn3":
        return "".join(ch if ch.isascii() else _TCVN3_ENCODE.get(ch) or _TCVN3_ENCODE.get(ch.lower(), ch)
                       for ch in text)
    if encoding == "vni":
        return "".join(_VNI_ENCODE.get(ch, ch) for ch in text)
    raise ValueError(f"unknown legacy encoding {encoding!r}")


_SENTENCE_START = re.compile(r"(?:^[\s\-+•*]*|[.!?:]\s+|\n[\s\-+•*]*)(\S)")
_TCVN3_OWN_CAPITALS = frozenset(
    code for letter in "ăâêôơưđ" for code in (_TCVN3_ENCODE[letter], _TCVN3_ENCODE[letter.upper()])
)


def _caps(word: str) -> bool | None:
    """Whether a TCVN3 word was typed in capitals, judged by its ASCII letters (None: unknown)."""
    asc = [ch for ch in word if ch.isascii() and ch.isalpha()]
    if any(ch.islower() for ch in asc):
        return False
    return True if len(asc) >= 2 else None


_MOJIBAKE_MARKS = ("á»", "áº", "Ã", "Æ°", "Ä‘", "Ä", "Æ¡")
_MOJIBAKE = re.compile("|".join(map(re.escape, _MOJIBAKE_MARKS)))  # one scan instead of seven


def _encodes(text: str, codec: str) -> bool:
    try:
        text.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def _utf8_as_cp1252(text: str) -> str | None:
    """UTF-8 bytes shown as Windows-1252 ("Tá»•ng sáº£n pháº©m"): the repaired text, else None."""
    if not _MOJIBAKE.search(text):
        return None
    for codec in ("cp1252", "latin-1"):
        try:
            fixed = text.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if fixed != text:
            return unicodedata.normalize("NFC", fixed)
    return None


def convert_legacy(value: object, encoding: Encoding, upper_font: bool = False,
                   guess_case: bool = True) -> str:
    """Legacy-font text (as Excel shows it) to NFC Unicode: "Tæng s¶n phÈm" -> "Tổng sản phẩm".

    TCVN3: letters come out lower case, since the bytes alone cannot tell "Ê" from "ê";
    `upper_font=True` says the cell used a capitals font (.VnTimeH) and upper-cases everything;
    `guess_case` upper-cases a word whose ASCII letters are all capitals ("TæNG" -> "TỔNG")
    and the first letter of a sentence ("ñy ban" -> "Ủy ban").
    VNI keeps its own capitals.
    """
    text = "" if value is None else str(value)
    if encoding == "utf8":
        return _utf8_as_cp1252(text) or text
    if encoding == "tcvn3":
        out = "".join(_TCVN3_DECODE.get(ch, ch) for ch in text)
        if upper_font:
            out = out.upper()
        elif guess_case:
            # TCVN3 has no capital codes: "TæNG" was typed in capitals, so it reads "TỔNG"; a
            # word with one ASCII letter ("ñY") follows the cell when the cell is all capitals.
            words = _zip_words(out, text)
            verdicts = [_caps(src) for conv, src in words if src and conv != src]
            cell_caps = any(verdicts) and all(v is not False for v in verdicts)
            out = "".join(
                conv.upper() if src and (_caps(src) or (cell_caps and _caps(src) is None)) else conv
                for conv, src in words
            )
            # A sentence opens with a capital: "ñy ban" at the start of a cell is "Ủy ban". Not
            # for the seven letters .VnTime has capitals of: there "®" means a small "đ".
            chars = list(out)
            for m in _SENTENCE_START.finditer(text):
                i = m.end() - 1
                if text[i] in _TCVN3_DECODE and text[i] not in _TCVN3_OWN_CAPITALS:
                    chars[i] = chars[i].upper()
            out = "".join(chars)
        return unicodedata.normalize("NFC", out)
    if encoding == "vni":
        out_chars: list[str] = []
        i = 0
        while i < len(text):
            pair = text[i:i + 2]
            if len(pair) == 2 and pair in _VNI_DECODE:
                out_chars.append(_VNI_DECODE[pair])
                i += 2
                continue
            out_chars.append(_VNI_DECODE.get(text[i], text[i]))
            i += 1
        out = "".join(out_chars)
        return unicodedata.normalize("NFC", out.upper() if upper_font else out)
    raise ValueError(f"unknown legacy encoding {encoding!r}")


def _zip_words(converted: str, source: str) -> list[tuple[str, str]]:
    """Pair the pieces of a TCVN3 conversion with their source (one char maps to one char)."""
    pieces = []
    pos = 0
    for m in re.finditer(r"\S+", source):
        if m.start() > pos:
            pieces.append((converted[pos:m.start()], ""))
        pieces.append((converted[m.start():m.end()], m.group(0)))
        pos = m.end()
    if pos < len(source):
        pieces.append((converted[pos:], ""))
    return pieces


# Letters that exist only in Unicode Vietnamese (ă đ ĩ ũ ơ ư, ạ…ỹ) or combining marks: text that
# has them was typed in Unicode and is not legacy-font mojibake.
_UNICODE_VIETNAMESE = re.compile("[\u0100-\u024f\u0300-\u036f\u1ea0-\u1ef9]")
_TOKEN = re.compile("[A-Za-z\u00c0-\u00ff" + re.escape("".join(sorted(_LEGACY_CODES))) + "]+")


def _reading(tokens: list[str], strict_case: bool) -> tuple[int, int]:
    """(plausible words, implausible words) of one reading of a text."""
    good = sum(1 for w in tokens if _plausible_word(w, strict_case))
    return good, len(tokens) - good


def _plausible_word(word: str, strict_case: bool = True) -> bool:
    """A Vietnamese syllable or a capital abbreviation ("HĐND"); with `strict_case`, only in
    lower, upper or title case ("ChÝnh" is nobody's typing; TCVN3 output has guessed case)."""
    if strict_case and not (word.islower() or word.isupper() or word.istitle()):
        return False
    if is_vietnamese_syllable(word):
        return True
    return 2 <= len(word) <= 8 and all(("A" <= ch <= "Z") or ch == "Đ" for ch in word)


def _legacy_tokens(text: str) -> list[str]:
    return [t for t in _TOKEN.findall(text) if not t.isascii() and any(ch.isascii() for ch in t)]


def _judge(text: str) -> dict[Encoding, int]:
    """For each encoding that reads `text` as Vietnamese: plausible minus implausible words."""
    if text.isascii() or _UNICODE_VIETNAMESE.search(text):
        return {}
    tokens = _legacy_tokens(text)
    if not tokens:
        return {}
    good0, bad0 = _reading(tokens, strict_case=True)
    if bad0 == 0:
        return {}
    found: dict[Encoding, int] = {}
    for enc in ("tcvn3", "vni"):
        good, bad = _reading([convert_legacy(t, enc) for t in tokens], strict_case=False)
        if good > good0 and bad < bad0 and good >= 4 * bad:
            found[enc] = good - bad
    return found


def detect_legacy(value: object, prefer: Encoding | None = None) -> Encoding | None:
    """"tcvn3" or "vni" when the text reads as Vietnamese only once converted; else None.

    Every word that mixes ASCII letters with Latin-1 characters is judged before and after
    conversion: the text is legacy when its words are not Vietnamese syllables (or capital
    abbreviations) as they stand, and at least 80 % of them are after conversion. Unicode
    Vietnamese (ă, ơ, ư, ạ…), ASCII and other languages' accents are left alone. When both
    encodings read the text equally well (a short word: "Chæ" is TCVN3 "Chổ" and VNI "Chỉ"),
    `prefer` decides (see `dominant_legacy`), else TCVN3, the more common of the two. A text
    whose every word also reads as Unicode Vietnamese ("chó" is TCVN3 for "chú") cannot be
    told apart and gives None.
    """
    if value is None:
        return None
    text = str(value)
    if text.isascii() or _NOT_LEGACY.search(text):
        return None  # the common case (a Unicode Vietnamese name), ruled out without a cache look-up
    return _detect_legacy(text, prefer)


# Unicode Vietnamese letters (ă đ ĩ ũ ơ ư ạ…ỹ, combining marks) that Windows-1252 cannot encode: a text
# holding one is not UTF-8 mojibake (`_utf8_as_cp1252` must encode the whole text to cp1252 or Latin-1)
# nor legacy-font text (`_judge` leaves Unicode Vietnamese alone), so `_detect_legacy` would say None.
_NOT_LEGACY = re.compile("[" + "".join(
    f"\\u{cp:04x}" for cp in [*range(0x100, 0x250), *range(0x300, 0x370), *range(0x1EA0, 0x1EFA)]
    if _UNICODE_VIETNAMESE.match(chr(cp)) and not _encodes(chr(cp), "cp1252")
) + "]")


def display_name(text: str) -> tuple[str, str, str]:
    """An indicator's name cell read at once: (display_text, split into name and footnote mark, and
    fold of the name) — `split_footnote(display_text(text))` and `fold` of its name, exactly.

    Names rarely repeat, so there is no cache: a name of ASCII and Vietnamese letters holding one
    that Windows-1252 cannot encode (nearly every name: not legacy-font text, NFC, printable) is
    encoded once, and that encoding gives the fold; any other text takes the three functions."""
    try:
        encoded = _charmap_encode(text, "strict", _FAST_FOLD_MAP)[0]
    except UnicodeEncodeError:
        return _display_symbol_name(text)
    except TypeError:
        return _display_name(text)
    if encoded.isascii() and not text.isascii():
        return _display_name(text)  # only Latin-1 letters: legacy-font text is possible
    folded = encoded.translate(_FAST_FOLD_BYTES).decode("ascii")  # " " is the only space, in both
    if "  " in folded or folded[:1] == " " or folded[-1:] == " ":
        text, folded = " ".join(text.split()), " ".join(folded.split())
    if folded[-1:] in _FAST_FOOTNOTE_ENDS:  # ")", "*", "]": a footnote mark is possible
        name, mark = split_footnote(text)
        return name, mark, folded[:len(name)]  # the name is the text's beginning, and folds letter by letter
    return text, "", folded


_FAST_FOOTNOTE_ENDS = frozenset(ch for ch in _FOOTNOTE_ENDS if ch.isascii())
_NOT_FAST = re.compile("[^" + re.escape(_FAST_FOLD_ALPHABET.replace("\ufffe", "")) + "]")


@lru_cache(maxsize=1 << 12)
def _inert(ch: str) -> bool:
    """A punctuation mark, symbol or digit («–», «≥», «“», «²») that `clean` and `fold` keep as it is
    and that never changes a neighbour: no case, not a mark, not a space, the same in NFD (so nothing
    composes with it under NFC either: what composes is a combining mark or a Hangul jamo)."""
    return (unicodedata.category(ch)[0] in "PSN" and ch.isprintable() and not ch.isspace()
            and not unicodedata.combining(ch) and unicodedata.normalize("NFD", ch) == ch
            and ch.lower() == ch and ch.upper() == ch and ch.translate(_FOLD) == ch)


def _display_symbol_name(text: str) -> tuple[str, str, str]:
    """display_name of a name with symbols beside its letters («… – xã Bản Lầu», «Tỷ lệ ≥ 95%»): the letters
    encoded and folded as in the fast path, each inert symbol put back where it stood."""
    odd = _NOT_FAST.findall(text)
    if not all(map(_inert, odd)):
        return _display_name(text)
    encoded = _charmap_encode(text, "replace", _FAST_FOLD_MAP)[0]  # one "?" for each symbol
    if encoded.isascii():
        return _display_name(text)  # no letter that rules out legacy-font text
    folded = encoded.translate(_FAST_FOLD_BYTES).decode("ascii")
    pieces: list[str] = []
    start = 0
    for m in _NOT_FAST.finditer(text):
        pieces += folded[start:m.start()], m.group()
        start = m.end()
    pieces.append(folded[start:])
    folded = "".join(pieces)
    if "  " in folded or folded[:1] == " " or folded[-1:] == " ":
        text, folded = " ".join(text.split()), " ".join(folded.split())
    if text[-1:] in _FOOTNOTE_ENDS:
        name, mark = split_footnote(text)
        return name, mark, folded[:len(name)]
    return text, "", folded


def _display_name(text: str) -> tuple[str, str, str]:
    name, mark = split_footnote(display_text(text))
    return name, mark, fold(name)


def display_text(text: str) -> str:
    """Cell text for people: legacy TCVN3/VNI (or UTF-8 mojibake) converted when detected, then `clean`.

    Detection reads the raw text: cleaning would fold the NBSP inside UTF-8 mojibake ("Ã\xa0" is "à").
    """
    enc = detect_legacy(text)
    return clean(convert_legacy(text, enc) if enc else text)


@lru_cache(maxsize=1 << 16)
def _detect_legacy(value: str, prefer: Encoding | None) -> Encoding | None:
    """detect_legacy of one text, once: the reader and the validator both ask about every text cell."""
    if _utf8_as_cp1252(value):
        return "utf8"
    found = _judge(value)
    if not found:
        return None
    top = max(found.values())
    tied = [enc for enc, score in found.items() if score == top]
    if prefer in tied:
        return prefer
    return "tcvn3" if "tcvn3" in tied else tied[0]


def dominant_legacy(values: Iterable[object]) -> Encoding | None:
    """The legacy encoding of a column or sheet: the one most of its legacy cells read as.

    One workbook uses one font family, so deciding once for all cells and passing the result
    as `prefer` settles the short cells that either encoding reads.
    """
    votes: dict[str, int] = {"tcvn3": 0, "vni": 0}
    for v in values:
        if v is None:
            continue
        found = _judge(str(v))
        if len(found) == 1:
            votes[next(iter(found))] += 1
        elif found:
            best = detect_legacy(v)
            if best:
                votes[best] += 1
    if not any(votes.values()):
        return None
    return "tcvn3" if votes["tcvn3"] >= votes["vni"] else "vni"


def fix_legacy(value: object) -> str:
    """The text converted from TCVN3/VNI when it is legacy-font text, else unchanged (NFC)."""
    text = "" if value is None else str(value)
    enc = detect_legacy(text)
    return convert_legacy(text, enc) if enc else unicodedata.normalize("NFC", text)


# The levels of local units as written (lower case), longest first: a name or a section titled by a place («XÃ TẢ
# PHÌN (CŨ)», «Phường Cam Đường»). Compared with their diacritics: «tình hình», «quản lý», «tổ chức» are no places.
# The local units that have a People's Committee, and (PLACE_LEVELS) those below them too
ADMINISTRATIVE_LEVELS = ("thành phố", "thị trấn", "thị xã", "đặc khu", "tỉnh", "huyện", "quận", "xã", "phường")
PLACE_LEVELS = (*ADMINISTRATIVE_LEVELS, "tổ dân phố", "thôn")
# ADMINISTRATIVE_LEVELS folded, as one alternation for a pattern over folded text
FOLDED_ADMINISTRATIVE_LEVELS = "(?:" + "|".join(fold(lv) for lv in ADMINISTRATIVE_LEVELS) + ")"


def _acronym(word: str) -> bool:
    """«BHYT», «GRDP», «GD&ĐT»: letters with no vowel but a «y» no Vietnamese syllable of three letters or more has
    alone («kỹ», «tỷ», «mỹ» are words)."""
    letters = re.sub(r"[^a-z]", "", fold(word))
    return bool(letters) and not re.search("[aeiou]", letters) and ("y" not in letters or len(letters) >= 3)


def sentence_case(name: str) -> str:
    """A name typed in capitals as a sentence writes it («TỔNG THU NGÂN SÁCH NHÀ NƯỚC TRÊN ĐỊA BÀN» -> «Tổng thu ngân
    sách nhà nước trên địa bàn»), acronyms kept («GRDP», «BHYT»); a name of one word, or of one word beside acronyms
    («THU NSNN»), or not all in capitals, as written; a name in capitals with a note typed in small letters after it
    («CHỈ TIÊU KINH TẾ (11 chỉ tiêu)») has its name in sentence case, its note as typed. The one rule of every sentence naming a row: the documents
    (docs.wording.name_of) and attainment's summary (core.attainment.sentence_names) alike (rev20 R20-13)."""
    words = name.split(" ")
    if len(words) > 1 and name == name.upper() and sum(not _acronym(w) for w in words) > 1:
        out = _lowered(name)
        return out[:1].upper() + out[1:]
    noted = typed_note(name)  # «CHỈ TIÊU KINH TẾ (11 chỉ tiêu)»: the heading in capitals, its note as typed
    return sentence_case(noted[0]) + noted[1] if noted else name


# a name with a note in brackets at its end (rev22 R22-13)
_TYPED_NOTE = re.compile(r"^(\S.*?)(\s*\([^()]*\))$")


def typed_note(name: str) -> tuple[str, str] | None:
    """(the name in capitals, its note in brackets) of a name whose note at its end is typed in small letters
    («CHỈ TIÊU KINH TẾ (11 chỉ tiêu)»): the name is written as any name in capitals is, the note as typed."""
    m = _TYPED_NOTE.match(name)
    if m and m.group(1) == m.group(1).upper() and m.group(1) != m.group(1).lower() and m.group(2) != m.group(2).upper():
        return m.group(1), m.group(2)
    return None


# a sum of the rows a total adds up, named by their STT: «(A+B+C)», «(I+II)», «(1+2+3)», «(A - B)»
_STT_SUM = re.compile(r"\(\s*(?:[A-ZĐ]{1,4}|\d{1,2})(?:\s*[+\-–]\s*(?:[A-ZĐ]{1,4}|\d{1,2}))+\s*\)")


def _lowered(text: str) -> str:
    """A text in capitals in lower case, word by word: acronyms kept, and a sum of STTs («(A+B+C)»), whose letters
    name the rows of the table (rev22 R22-8: never «(a+b+c)»)."""
    out, at = [], 0
    for m in _STT_SUM.finditer(text):
        out += [" ".join(w if _acronym(w) else w.lower() for w in text[at:m.start()].split(" ")), m.group(0)]
        at = m.end()
    out.append(" ".join(w if _acronym(w) else w.lower() for w in text[at:].split(" ")))
    return "".join(out)


def _place_level(text: str) -> str | None:
    """The level word a name begins with, where a name follows it («xã hội» is society, no commune)."""
    low = clean(text).lower()
    if low.startswith("xã hội"):
        return None
    return next((lv for lv in PLACE_LEVELS if low.startswith(lv + " ")), None)


def names_a_place(name: str) -> bool:
    """Is a name a local unit's («Phường Cam Đường», «XÃ TẢ PHÌN (CŨ)»): a level word and a short name after it?"""
    level = _place_level(name)
    return level is not None and 1 <= len(clean(name).split()) - len(level.split()) <= 4


def heading_words(title: str) -> str:
    """A section's title as running text writes it, inside a sentence's brackets: as written unless typed in capitals;
    a place in capitals with each word of its name capitalised («XÃ TẢ PHÌN (CŨ)» → «Xã Tả Phìn (cũ)», «PHƯỜNG 1»
    → «Phường 1»); any other title in sentence case, acronyms (words without a vowel: «BHYT», «GRDP») kept.
    No proper name outside a place's is known here: a title in capitals that holds one is better named by its
    writer in the table."""
    t = clean(title)
    if not t or t != t.upper():
        return t
    words = t.split(" ")
    level = _place_level(t)
    if level is not None and len(words) > len(level.split()):
        n = len(level.split())
        head = " ".join(words[:n]).lower()
        rest = [w.lower() if w.startswith("(") else w[:1] + w[1:].lower() for w in words[n:]]
        return " ".join([head[:1].upper() + head[1:], *rest])
    out = _lowered(t)
    return out[:1].upper() + out[1:]
