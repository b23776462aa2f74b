"""Decree 30 writing rules that are pure functions: dates, symbols, signatures, Nơi nhận, text widths.

Kept apart from the templates so that the renderer, the settings sheet and the
checker (`lint`) apply the very same rule: a date written here is the date lint
accepts.
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta
from decimal import Decimal

from kh_excel.docs import nd30

# Phụ lục III: abbreviations of document types.
TYPE_ABBREVIATIONS: dict[str, str] = nd30.DOC_TYPES  # Phụ lục III, kept in the spec
KNOWN_ABBREVIATIONS = frozenset(TYPE_ABBREVIATIONS.values())

AUTHORITIES = nd30.AUTHORITIES

MM_TWIPS = 1440 / 25.4  # twentieths of a point per millimetre


def mm_to_twips(mm: float) -> int:
    return round(mm * MM_TWIPS)


def twips_to_mm(twips: float) -> float:
    return twips / MM_TWIPS


def nfc(text: object) -> str:
    return unicodedata.normalize("NFC", "" if text is None else str(text))


# ---------------------------------------------------------------- dates

_VN_DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.I)
_NUM_DATE = re.compile(r"^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$")


def parse_date(value: object) -> date | None:
    """A date from a cell or a TOML value: a date, an Excel serial, 03/02/2026, 2026-02-03, 'ngày 3 tháng 2 năm 2026'.

    Returns None for an empty value (a draft not dated yet); raises ValueError otherwise.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        serial = int(value)
        if 20000 < serial < 80000:  # Excel's 1900 date system
            return date(1899, 12, 30) + timedelta(days=serial)
        raise ValueError(f"«{value}» không phải là ngày")
    text = nfc(value).strip()
    if not text:
        return None
    for pattern, order in ((_NUM_DATE, "dmy"), (_ISO_DATE, "ymd")):
        m = pattern.match(text)
        if m:
            a, b, c = (int(g) for g in m.groups())
            d, mo, y = (a, b, c) if order == "dmy" else (c, b, a)
            return _real_date(text, y, mo, d)
    m = _VN_DATE.search(text)
    if m:
        d, mo, y = (int(g) for g in m.groups())
        return _real_date(text, y, mo, d)
    raise ValueError(f"«{text}» không phải là ngày (viết dạng 03/02/2026)")


def _real_date(text: str, y: int, mo: int, d: int) -> date:
    """The date, or a Vietnamese ValueError for one the calendar has not (32/13/2026, 29/02/2025)."""
    try:
        return date(y, mo, d)
    except ValueError:
        raise ValueError(f"«{text}» không phải là ngày có thật (ngày {d}, tháng {mo}, năm {y})") from None


def day_text(day: int) -> str:
    """Days under 10 take a leading 0 (ND30 I.4)."""
    return f"{day:02d}"


def month_text(month: int) -> str:
    """Months 1 and 2 take a leading 0, the others do not ('tháng 02', 'tháng 3')."""
    return f"{month:02d}" if month <= 2 else str(month)


BLANK_DAY = "\u00a0" * 5  # a draft left for the clerk to date


def date_words(d: date | None, year: int | None = None) -> str:
    """'ngày 03 tháng 02 năm 2026'; for an undated draft 'ngày      tháng      năm 2026'."""
    if d is None:
        y = str(year) if year else BLANK_DAY
        return f"ngày{BLANK_DAY}tháng{BLANK_DAY}năm {y}"
    return f"ngày {day_text(d.day)} tháng {month_text(d.month)} năm {d.year}"


def date_line(place: str, d: date | None, year: int | None = None) -> str:
    """'Lào Cai, ngày 03 tháng 02 năm 2026' (địa danh, comma, date)."""
    return f"{nfc(place).strip()}, {date_words(d, year)}"


def check_date_words(text: str) -> str | None:
    """Why a written date breaks the rules, or None when it is right (used by lint)."""
    m = re.search(r"ngày\s+(\S+)\s+tháng\s+(\S+)\s+năm\s+(\d{4})", text)
    if not m:
        if re.search(r"ngày\s+tháng\s+năm", text):
            return None  # undated draft
        return "không có dạng «ngày … tháng … năm …»"
    d_s, m_s, y_s = m.groups()
    if not (d_s.isdigit() and m_s.isdigit()):
        return "ngày, tháng phải viết bằng số"
    try:
        date(int(y_s), int(m_s), int(d_s))
    except ValueError:
        return f"ngày {d_s} tháng {m_s} năm {y_s} không tồn tại"
    if d_s != day_text(int(d_s)):
        return f"ngày «{d_s}» phải viết «{day_text(int(d_s))}»"
    if m_s != month_text(int(m_s)):
        return f"tháng «{m_s}» phải viết «{month_text(int(m_s))}»"
    return None


# ---------------------------------------------------------------- number and symbol

BLANK_NUMBER = "\u00a0" * 6


def number_text(number: object) -> str:
    """The document number: 4 -> '04', 125 -> '125', empty -> blank for the clerk."""
    if number is None:
        return BLANK_NUMBER
    if isinstance(number, float) and number.is_integer():
        number = int(number)
    text = nfc(number).strip()
    if not text:
        return BLANK_NUMBER
    if text.isdigit():
        return f"{int(text):02d}"
    return text


def symbol(number: object, type_abbr: str, issuer: str, unit: str = "") -> str:
    """'04/CTr-UBND' (type then issuer); a công văn has no type: '125/UBND-TH' (issuer then unit)."""
    # nd30: the symbol is upper case except the type abbreviation (CTr); 'Th1' typed for the unit becomes 'TH1'
    parts = (type_abbr, nfc(issuer).upper()) if type_abbr.strip() else (nfc(issuer).upper(), nfc(unit).upper())
    groups = [g.strip() for g in parts if g.strip()]
    return f"{number_text(number)}/{'-'.join(groups)}"


SYMBOL_LINE = re.compile(r"^Số:\s?(?P<num>\d+|[\s\u00a0]*)/(?P<sym>\S+)$")


def check_symbol_line(text: str) -> str | None:
    """Why a 'Số: 04/CTr-UBND' line breaks the rules, or None."""
    t = nfc(text).strip()
    if not t.startswith("Số:"):
        return "phải bắt đầu bằng «Số:»"
    if re.search(r"\S\s+/|/\s+\S", t.replace("\u00a0", " ")) and not re.match(r"^Số:[\s\u00a0]+/", t):
        return "không được có dấu cách quanh dấu «/»"
    m = SYMBOL_LINE.match(t)
    if not m:
        return "phải có dạng «Số: 04/CTr-UBND» (không có dấu cách trong số và ký hiệu)"
    num, sym = m.group("num"), m.group("sym")
    if num.strip() and len(num) < 2:
        return f"số nhỏ hơn 10 phải có số 0 phía trước («{int(num):02d}»)"
    if re.search(r"\s|--|^-|-$", sym):
        return "các nhóm chữ của ký hiệu nối bằng «-», không có dấu cách"
    groups = sym.split("-")
    lower = [g for i, g in enumerate(groups) if g != g.upper() and not (i == 0 and g in KNOWN_ABBREVIATIONS)]
    if lower:
        return (f"ký hiệu «{sym}» phải viết hoa (trừ chữ viết tắt tên loại như CTr, QyĐ): "
                f"nhóm «{lower[0]}»")
    return None


# ---------------------------------------------------------------- signature

def parse_authority(value: str) -> list[str]:
    """'TM., KT.' / 'TM. KT.' / 'KT' -> ['TM.', 'KT.']; unknown words raise ValueError."""
    tokens = [t for t in re.split(r"[\s,;+/]+", nfc(value).upper()) if t]
    out: list[str] = []
    for tok in tokens:
        tok = tok if tok.endswith(".") else tok + "."
        if tok not in AUTHORITIES:
            raise ValueError(f"thẩm quyền ký «{value}» không hợp lệ (dùng TM., KT., Q., TL., TUQ.)")
        out.append(tok)
    return out


def signature_lines(authority: str, collective: str, head_title: str, title: str) -> list[str]:
    """The upper-case lines above the signature (box 7a).

    TM.: 'TM. ỦY BAN NHÂN DÂN' over the signer's title; KT./TL./TUQ.: '<X> CHỦ TỊCH' over the
    signer's title; Q.: 'Q. GIÁM ĐỐC'; TM. with KT.: 'TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH',
    'PHÓ CHỦ TỊCH'.
    """
    auth = parse_authority(authority) if authority.strip() else []
    up = lambda s: nfc(s).strip().upper()  # noqa: E731
    lines: list[str] = []
    if "TM." in auth:
        if not collective.strip():
            raise ValueError("ký TM. cần tên tập thể (ví dụ «ỦY BAN NHÂN DÂN»)")
        lines.append(f"TM. {up(collective)}")
    others = [a for a in auth if a != "TM."]
    if len(others) > 1:
        raise ValueError(f"thẩm quyền ký «{authority}» có quá nhiều quyền hạn")
    if others:
        a = others[0]
        if a == "Q.":
            lines.append(f"Q. {up(title)}")
            return lines
        if not head_title.strip():
            raise ValueError(f"ký {a} cần chức vụ của người đứng đầu (ví dụ «CHỦ TỊCH»)")
        lines.append(f"{a} {up(head_title)}")
    if title.strip():
        lines.append(up(title))
    elif auth:  # 'KT. CHỦ TỊCH' alone names the head, not the one who signs (nd30 7a)
        raise ValueError(f"ký {' '.join(auth)} cần chức vụ của người ký (ví dụ «PHÓ CHỦ TỊCH», «GIÁM ĐỐC»)")
    return lines


_COLLECTIVE = ("uy ban nhan dan", "ubnd", "hoi dong nhan dan", "hdnd", "ban thuong vu", "ban chap hanh",
               "thuong truc", "hoi dong", "doan dai bieu", "uy ban")


def is_collective(name: str) -> bool:
    """A body that decides collectively: nd30 (7a) allows 'TM.' only for these."""
    from kh_excel.core.text import fold
    return fold(nfc(name).strip()).startswith(_COLLECTIVE)


ACADEMIC_TITLES = re.compile(r"^(GS|PGS|TS|ThS|KS|BS|CN|TSKH|NCS|Ths)\.?\s", re.I)


# ---------------------------------------------------------------- Nơi nhận

def recipients(items: list[str], archive: str) -> list[str]:
    """Nơi nhận items: each '- …;', the last '- Lưu: VT, TH.'.

    Whatever punctuation the user typed at the ends is replaced; a 'Lưu' item the user
    put in the list is moved last.
    """
    cleaned: list[str] = []
    luu = ""
    for raw in items:
        for piece in nfc(raw).splitlines():
            text = piece.strip().lstrip("-–•+* \u00a0").strip().rstrip(";.,").strip()
            # 'Thường trực Tỉnh ủy; (b/c)': the note belongs before the single closing ';'
            text = re.sub(r"\s*[;,.]\s*(\([^()]*\))$", r" \1", text)
            if not text:
                continue
            if re.match(r"^lưu\s*:", text, re.I):
                luu = text
                continue
            cleaned.append(f"- {text};")
    if not luu:
        arch = nfc(archive).strip().rstrip(";.,").strip()
        if not arch:
            arch = "VT"
        if not arch.upper().startswith("VT"):
            arch = f"VT, {arch}"
        luu = f"Lưu: {arch}"
    else:
        luu = "Lưu:" + luu.split(":", 1)[1].rstrip()
        luu = re.sub(r"^Lưu:\s*", "Lưu: ", luu)
    cleaned.append(f"- {luu}.")
    return cleaned


# ---------------------------------------------------------------- text widths

# Advance widths (1/1000 em) of Times New Roman, equal to Liberation Serif, for ASCII 32..126.
_W_REGULAR = [int(x) for x in (
    "250 333 408 500 500 833 778 180 333 333 500 564 250 333 250 278 500 500 500 500 500 500 500 500 "
    "500 500 278 278 564 564 564 444 921 722 667 667 722 611 556 722 722 333 389 722 611 889 722 722 "
    "556 722 667 556 611 722 722 944 722 722 611 333 278 333 469 500 333 444 500 444 500 444 333 500 "
    "500 278 278 500 278 778 500 500 500 500 333 389 278 500 500 722 500 500 444 480 200 480 541").split()]
_W_BOLD = [int(x) for x in (
    "250 333 555 500 500 1000 833 278 333 333 500 570 250 333 250 278 500 500 500 500 500 500 500 500 "
    "500 500 333 333 570 570 570 500 930 722 667 722 722 667 611 778 778 389 500 778 667 944 722 778 "
    "611 778 722 556 667 722 722 1000 722 722 667 333 278 333 581 500 333 500 556 444 556 444 333 500 "
    "556 278 333 556 278 833 556 500 556 556 444 389 333 556 500 722 500 500 444 394 220 394 520").split()]
_W_ITALIC = [int(x) for x in (
    "250 333 420 500 500 833 778 214 333 333 500 675 250 333 250 278 500 500 500 500 500 500 500 500 "
    "500 500 333 333 675 675 675 500 920 611 611 667 722 611 611 722 722 333 444 667 556 833 667 722 "
    "611 722 611 500 556 722 611 833 611 556 556 389 278 389 422 500 333 500 500 444 500 444 278 500 "
    "500 278 278 444 278 722 500 500 500 500 389 389 278 500 444 667 444 444 389 400 275 400 541").split()]


def text_width_pt(text: str, size_pt: float, bold: bool = False, italic: bool = False) -> float:
    """Printed width of one line of text in Times New Roman, in points.

    Vietnamese letters are a Latin base letter plus zero-width combining marks, so the
    base letter's advance is the letter's advance; Đ/đ advance like D/d.
    """
    table = _W_BOLD if bold else (_W_ITALIC if italic else _W_REGULAR)
    total = 0
    for ch in unicodedata.normalize("NFD", nfc(text).replace("Đ", "D").replace("đ", "d")):
        if unicodedata.combining(ch):
            continue
        code = ord(ch)
        if ch == "\u00a0":
            code = 32
        total += table[code - 32] if 32 <= code <= 126 else 500
    return total * size_pt / 1000.0
