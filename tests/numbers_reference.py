"""numbers.py as it was before the speed work of issue 14 (commit 1d6d0f4), kept verbatim below this
header as the reference that tests/test_numbers_equivalence.py compares the fast module with.
Do not edit: it defines "identical results"."""
# flake8: noqa
# fmt: off
from __future__ import annotations

import math
from functools import lru_cache
import re
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Context, Decimal, InvalidOperation
from typing import Any, Iterator

from kh_excel.core.model import Target
from kh_excel.core.text import clean, fold

__all__ = [
    "ParsedNumber",
    "TargetReading",
    "parse_number",
    "parse_target",
    "parse_target_ex",
    "target_ambiguity",
    "format_number",
    "format_percent",
    "format_ratio",
    "decimals_of",
    "to_decimal",
    "excel_decimals",
    "excel_is_percent",
    "ResultReading",
    "parse_result_text",
]

# Excel shows at most 15 significant digits; a float beyond that is binary noise.
_EXCEL_SIGNIFICANT = 15


@dataclass(frozen=True)
class ParsedNumber:
    """A number read from a cell, with how it was written.

    `percent`: the source shows a % sign. For text ("8,2%") `value` is the
    figure before the sign (8.2); for a numeric cell with a percent number
    format it is the stored fraction (0.082), as Excel keeps it.
    """

    value: Decimal
    was_text: bool
    ambiguous: bool = False
    note: str = ""
    percent: bool = False
    exact: Decimal | None = None  # the stored value when the cell's format shows fewer decimals (276,028 shown 276,0)


@dataclass(frozen=True)
class TargetReading:
    """A parsed target and the numbers read from it.

    Unpacks as `(target, number)`: `number` is the target's number, for a range
    the first ambiguous bound (else the lower-written one), None for op "text".
    `numbers` holds every number read, in the order written.
    """

    target: Target
    numbers: tuple[ParsedNumber, ...] = ()

    @property
    def number(self) -> ParsedNumber | None:
        for n in self.numbers:
            if n.ambiguous:
                return n
        return self.numbers[0] if self.numbers else None

    @property
    def ambiguous(self) -> bool:
        return any(n.ambiguous for n in self.numbers)

    @property
    def note(self) -> str:
        """The Vietnamese notes of every ambiguous number, joined."""
        return " ".join(n.note for n in self.numbers if n.note)

    def __iter__(self) -> Iterator[Any]:
        return iter((self.target, self.number))


# --------------------------------------------------------------------------- helpers


def _big_context(d: Decimal, places: int = 0) -> Context:
    """A context wide enough that quantizing `d` never fails for lack of precision."""
    digits = len(d.as_tuple().digits) + max(d.as_tuple().exponent, 0) if d.is_finite() else 0
    return Context(prec=max(28, digits + places + 5), rounding=ROUND_HALF_UP)


def _quantize(d: Decimal, places: int, rounding: str = ROUND_HALF_UP) -> Decimal:
    ctx = _big_context(d, places)
    return d.quantize(Decimal(1).scaleb(-places), rounding=rounding, context=ctx)


def _no_positive_exponent(d: Decimal) -> Decimal:
    """Decimal("1E+3") -> Decimal("1000"): shown decimals are then max(0, -exponent)."""
    if d.as_tuple().exponent > 0:
        return _quantize(d, 0)
    return d


def _float_to_decimal(f: float) -> Decimal:
    """Shortest repr, at most 15 significant digits, integral floats without decimals."""
    if math.isnan(f) or math.isinf(f):
        raise ValueError(f"not a finite number: {f!r}")
    if f.is_integer() and -1e15 < f < 1e15:
        return Decimal(int(f))  # the common case, fast
    d = Decimal(repr(f))
    if len(d.as_tuple().digits) > _EXCEL_SIGNIFICANT:
        d = Context(prec=_EXCEL_SIGNIFICANT, rounding=ROUND_HALF_EVEN).plus(d)
        d = d.normalize(context=_big_context(d))
    if d == d.to_integral_value():
        return _quantize(d, 0)
    return _no_positive_exponent(d)


def to_decimal(x: Any) -> Decimal:
    """int, float, Decimal or Vietnamese number text as a Decimal.

    Raises TypeError for bool and other types, ValueError for NaN, infinities
    and text that is not a number.
    """
    if isinstance(x, bool):
        raise TypeError("a bool is not a number")
    if isinstance(x, Decimal):
        if not x.is_finite():
            raise ValueError(f"not a finite number: {x!r}")
        return _no_positive_exponent(x)
    if isinstance(x, int):
        return Decimal(x)
    if isinstance(x, float):
        return _float_to_decimal(x)
    if isinstance(x, str):
        parsed = parse_number(x)
        if parsed is None:
            raise ValueError(f"not a number: {x!r}")
        return parsed.value
    raise TypeError(f"not a number: {type(x).__name__}")


def decimals_of(value: Decimal | int | float) -> int:
    """Decimals the value shows: Decimal("93.00") -> 2, Decimal("155000") -> 0."""
    d = value if isinstance(value, Decimal) else to_decimal(value)
    if not d.is_finite():
        return 0
    return max(0, -d.as_tuple().exponent)


# --------------------------------------------------------------------------- Excel formats


def _format_sections(number_format: str) -> list[str]:
    """Split an Excel format on ';' outside quotes and brackets."""
    sections, buf, quoted, bracket, i = [], [], False, False, 0
    while i < len(number_format):
        ch = number_format[i]
        if ch == "\\" and not quoted and i + 1 < len(number_format):
            buf.append(number_format[i : i + 2])
            i += 2
            continue
        if ch == '"' and not bracket:
            quoted = not quoted
        elif ch == "[" and not quoted:
            bracket = True
        elif ch == "]" and not quoted:
            bracket = False
        elif ch == ";" and not quoted and not bracket:
            sections.append("".join(buf))
            buf = []
            i += 1
            continue
        buf.append(ch)
        i += 1
    sections.append("".join(buf))
    return sections


_LITERALS = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.', re.S)
_DATE_LETTERS = re.compile(r"[yYmMdDhHsS]")
_EXPONENT = re.compile(r"[eE][+-][0#?]*")


def _number_section(number_format: str | None) -> str | None:
    """The first section of a number format with literals removed; None for General/text."""
    if not number_format:
        return None
    first = _format_sections(number_format)[0]
    body = _LITERALS.sub("", first).strip()
    if body.lower() in ("general", "standard", "") or "@" in body:
        return None
    body = _EXPONENT.sub("", body)
    if _DATE_LETTERS.search(body) or not re.search(r"[0#?]", body):
        return None
    return body


@lru_cache(maxsize=1024)
def excel_decimals(number_format: str | None) -> int | None:
    """Decimals an Excel number format shows ("#,##0.00" -> 2, "0%" -> 0).

    None for General, text ("@"), dates and times: the value then shows as stored.
    """
    body = _number_section(number_format)
    if body is None:
        return None
    m = re.search(r"\.([0#?]*)", body)
    return len(m.group(1)) if m else 0


@lru_cache(maxsize=1024)
def excel_is_percent(number_format: str | None) -> bool:
    """True when the format shows the value ×100 with a % sign ("0.0%")."""
    body = _number_section(number_format)
    return body is not None and "%" in body


# --------------------------------------------------------------------------- reading numbers

_MINUS = "-\u2212\u2010\u2011\u2012\u2013\ufe63\uff0d"  # hyphen-minus, minus, hyphens, en dash
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
_WS_RUN = re.compile(r"\s+")
_BODY = re.compile(r"[0-9., ]+")


def _valid_groups(int_part: str, sep: str) -> bool:
    """'1.234.567' with sep '.': first group 1–3 digits (no leading 0), then groups of 3."""
    groups = int_part.split(sep)
    first = groups[0]
    return (
        1 <= len(first) <= 3
        and first.isdigit()
        and first[0] != "0"
        and len(groups) > 1
        and all(len(g) == 3 and g.isdigit() for g in groups[1:])
    )


def _int_digits(int_part: str, seps: str) -> str | None:
    """Digits of an integer part written plain or grouped with one of `seps`; None if invalid."""
    if int_part == "":
        return "0"
    if int_part.isdigit():
        return int_part
    used = [s for s in seps if s in int_part]
    if len(used) != 1 or not _valid_groups(int_part, used[0]):
        return None
    return int_part.replace(used[0], "")


def _split_decimal(body: str, point: str, seps: str) -> tuple[str, str | None] | None:
    """(integer digits, fraction digits or None) under one convention, or None."""
    if body.count(point) > 1:
        return None
    if point in body:
        int_part, frac = body.split(point)
        if not frac.isdigit():
            return None
    else:
        int_part, frac = body, None
    digits = _int_digits(int_part, seps)
    if digits is None or (int_part == "" and frac is None):
        return None
    return digits, frac


def _make(digits: str, frac: str | None, negative: bool) -> Decimal:
    d = Decimal(digits + ("." + frac if frac is not None else ""))
    return -d if negative and d != 0 else d


def _parse_text(raw: str) -> ParsedNumber | None:
    s = unicodedata.normalize("NFC", raw).translate(_ZERO_WIDTH).strip()
    shown = _WS_RUN.sub(" ", s)
    negative = False
    if s and s[0] in _MINUS:
        negative, s = True, s[1:]
    elif s.startswith("+"):
        s = s[1:]
    percent = s.endswith("%")
    if percent:
        s = s[:-1].rstrip()
    s = _WS_RUN.sub(" ", s)
    if not s or not s[0].isdigit() and s[0] not in ".," or not _BODY.fullmatch(s):
        return None
    if not any(ch.isdigit() for ch in s) or not s[-1].isdigit():
        return None

    # Vietnamese: '.' or ' ' groups thousands, ',' is the decimal point.
    vn = _split_decimal(s, ",", ". ")
    if vn is not None:
        digits, frac = vn
        value = _make(digits, frac, negative)
        int_part = s.split(",")[0]
        if frac is not None and len(frac) == 3 and int_part.isdigit() and 1 <= len(int_part) <= 3 and int_part[0] != "0":
            english = _make(int_part + frac, None, negative)
            note = (
                f"“{shown}” có thể là {format_number(value)} (dấu phẩy thập phân) hoặc "
                f"{format_number(english)} (dấu phẩy phân cách hàng nghìn kiểu tiếng Anh); "
                f"đã hiểu là {format_number(value)} theo quy ước Việt Nam, đề nghị kiểm tra lại."
            )
            return ParsedNumber(value, True, True, note, percent)
        return ParsedNumber(value, True, False, "", percent)

    # English: ',' or ' ' groups thousands, '.' is the decimal point. Always reported.
    en = _split_decimal(s, ".", ", ")
    if en is None:
        return None
    digits, frac = en
    value = _make(digits, frac, negative)
    if "," in s:
        note = (
            f"“{shown}” viết theo kiểu tiếng Anh (dấu phẩy phân cách hàng nghìn, dấu chấm thập phân); "
            f"đã hiểu là {format_number(value)}. Theo quy ước Việt Nam, đề nghị ghi {format_number(value)}."
        )
    else:
        note = (
            f"“{shown}” dùng dấu chấm làm dấu thập phân (kiểu tiếng Anh); đã hiểu là "
            f"{format_number(value)}. Theo quy ước Việt Nam, dấu phẩy là dấu thập phân và dấu chấm "
            f"phân cách hàng nghìn: đề nghị ghi {format_number(value)}."
        )
    return ParsedNumber(value, True, True, note, percent)


# No indicator needs more than this: a cell beyond it (`9` × 5000, 1E+308, 1E-320) is junk or
# hostile, and arithmetic on it would overflow the decimal context. It is read as not a number.
MAX_MAGNITUDE = 20          # decimal exponent: |x| < 10**21 (a GDP in đồng is 10**16)
MAX_DIGITS = 28             # significant digits: the default decimal context


def _plausible(d: Decimal) -> bool:
    if not d.is_finite():
        return False
    if d.is_zero():
        return True
    return -MAX_MAGNITUDE <= d.adjusted() <= MAX_MAGNITUDE and len(d.as_tuple().digits) <= MAX_DIGITS


def _plain_float(f: float) -> Decimal | None:
    """The common float cell (an integer, or up to 15 significant digits in plain notation) as
    `_float_to_decimal` reads it, without its checks; None for any other float (the slow path).
    Such a value is always plausible: |f| < 10**16 and not below 10**-5 (repr switches to 1e-05)."""
    if f.is_integer():
        return Decimal(int(f)) if -1e15 < f < 1e15 else None
    r = repr(f)
    if "e" in r or "n" in r or len(r.lstrip("-").replace(".", "").lstrip("0")) > _EXCEL_SIGNIFICANT:
        return None
    return Decimal(r)


def parse_number(value: Any, number_format: str | None = None) -> ParsedNumber | None:
    """A cell value as a number, or None when it is not one (empty, prose, bool, error).

    `number_format` (the cell's Excel format) sets the decimals a numeric cell
    shows; it is ignored for text cells, whose text shows its own precision.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str):
        try:
            parsed = _parse_text(value)
        except (InvalidOperation, ValueError, OverflowError):  # pragma: no cover - defensive
            return None
        return parsed if parsed is None or _plausible(parsed.value) else None
    if isinstance(value, (int, float, Decimal)):
        d = _plain_float(value) if type(value) is float else None
        if d is None:
            try:
                d = to_decimal(value)
            except (ValueError, TypeError, InvalidOperation, OverflowError):
                return None
            if not _plausible(d):
                return None
        places = excel_decimals(number_format)
        percent = excel_is_percent(number_format)
        exact = None
        if places is not None:
            shown = _quantize(d, places + 2 if percent else places)
            exact = d if shown != d else None  # computation keeps the stored value, display the shown one
            d = shown
        if d == 0:
            d = abs(d)
        return ParsedNumber(d, was_text=False, percent=percent, exact=exact)
    return None


# --------------------------------------------------------------------------- writing numbers


def format_number(value: Decimal | float | int, decimals: int | None = None) -> str:
    """Vietnamese rendering: "155.000", "14,97", "93,00", "-1,32", "1.234.567,5".

    `decimals=None` keeps the decimals the value carries (Decimal("93.00") ->
    "93,00"); an int gives none. `decimals` rounds ROUND_HALF_UP.
    """
    if decimals is None and type(value) is Decimal and value.is_finite():
        d = value  # as to_decimal gives it: format "f" writes 1E+3 as 1000 too
    else:
        d = to_decimal(value)
    if decimals is not None:
        if decimals < 0:
            raise ValueError("decimals must be >= 0")
        d = _quantize(d, decimals)
    out = format(d, ",f").translate(_VI_SEPARATORS)  # grouping done by the decimal module, in C
    if out.startswith("-") and d == 0:
        out = out[1:]  # -0,00 is shown as 0,00
    return out


_VI_SEPARATORS = str.maketrans({",": ".", ".": ","})


FAR_OFF_FACTOR = Decimal(10)  # a figure ≥10× or ≤0,1× the one it is compared with: likely a unit error
IMPLAUSIBLE_FACTOR = Decimal(100)  # ≥100× or ≤1/100 of the plan: surely a unit mismatch, never judged (core.attainment)


def far_apart(a: Decimal | None, b: Decimal | None, factor: Decimal = FAR_OFF_FACTOR) -> bool:
    """Is a at least FAR_OFF_FACTOR times b, or at most 1/FAR_OFF_FACTOR of it (both positive)? The size of a
    unit mistake (đồng for tỷ đồng, người for nghìn người): check warns (result_far_off), and a document
    prints the two figures, never a ratio or a growth computed from them."""
    if a is None or b is None or a <= 0 or b <= 0:
        return False
    r = a / b
    return r >= factor or r <= 1 / factor


def format_percent(value: Decimal | float | int, decimals: int | None = 1) -> str:
    """A percent figure with its sign: 79.2 -> "79,2%" (the value is already ×100)."""
    return format_number(value, decimals) + "%"


def format_ratio(value: Decimal | float | int, decimals: int | None = 1) -> str:
    """A ratio "% so với KH" without the sign: 97.46 -> "97,5"."""
    return format_number(value, decimals)


# --------------------------------------------------------------------------- targets

# Characters whose NFD form would fold into a different operator, and look-alikes.
_SYMBOLS = {
    "≮": ">=", "≯": "<=", "≰": ">", "≱": "<",
    "⩾": "≥", "≧": "≥", "⩽": "≤", "≦": "≤",
    "＞": ">", "＜": "<", "＝": "=", "～": "~", "∼": "~",
}

# Folded (accent-free, lower-case) operator words and symbols.
_OP_WORDS: dict[str, tuple[str, ...]] = {
    ">=": (">=", "=>", "≥", "tren hoac bang", "lon hon hoac bang", "cao hon hoac bang",
           "toi thieu la", "toi thieu", "it nhat la", "it nhat", "khong duoi", "khong it hon",
           "khong thap hon", "khong nho hon", "tu"),
    ">": (">", "tren", "lon hon", "cao hon", "nhieu hon", "hon"),
    "<=": ("<=", "=<", "≤", "duoi hoac bang", "nho hon hoac bang", "thap hon hoac bang",
           "toi da la", "toi da", "khong vuot qua", "khong qua", "khong vuot", "khong hon",
           "khong tren", "khong lon hon", "khong cao hon", "khong nhieu hon"),
    "<": ("<", "duoi", "nho hon", "thap hon", "it hon"),
    "~": ("~=", "~", "≈", "khoang chung", "khoang", "xap xi", "uoc khoang", "chung"),
    "=": ("=", "bang"),
}
_OP_OF = {w: op for op, words in _OP_WORDS.items() for w in words}
_OP_ALT = "|".join(re.escape(w) for w in sorted(_OP_OF, key=len, reverse=True))

# (added on purpose: «Hoàn thành 5 xã», rev17; «Duy trì đạt từ 98,4 trở lên», branch duy, rev20 R20-1)
_FILLER = re.compile(r"^(?:phan dau|hoan thanh|duy tri|dat muc|dat|tang|o muc|muc)(?:\s+|(?=[^a-z]))")
_NUM = r"[+\-−–]?(?:\d+(?:[., ]\d+)*|[.,]\d+)"
_PCT = r"(?:\s*%)?"
_UNIT = r"(?:\s*(?:%|diem %|diem phan tram|phan tram))?"
_RANGE = re.compile(
    rf"^(?:trong khoang\s*|khoang\s*|tu\s*)?(?P<a>{_NUM}){_PCT}\s*"
    rf"(?:-|–|—|−|÷|~|\.\.\.|…|den|toi)\s*(?P<b>{_NUM}){_UNIT}$"
)
_SINGLE = re.compile(
    rf"^(?:(?P<op>{_OP_ALT})\s*)?(?P<a>{_NUM})(?P<unit>{_UNIT})(?:\s+(?P<dir>tro len|tro xuong))?$"
)
_RANGE_WITH_BOUND = re.compile(  # (added, rev22 R22-11)
    rf"^(?:(?P<op>{_OP_ALT})\s*)?(?P<a>{_NUM}){_PCT}\s*(?:-|–|—|−|÷|~|\.\.\.|…|den|toi)\s*(?P<b>{_NUM}){_UNIT}"
    rf"(?:\s+(?P<dir>tro len|tro xuong))?$"
)


def _text_target(text: str) -> TargetReading:
    return TargetReading(Target(text=text, op="text"), ())


def _numeric_cell_text(parsed: ParsedNumber, places: int | None = None) -> str:
    """The number as the cell shows it (its format's decimals); the value itself keeps every digit."""
    figure = parsed.value.scaleb(2) if parsed.percent else parsed.value
    if places is not None and -figure.as_tuple().exponent <= places:
        places = None  # already padded to the shown decimals
    return format_number(figure, places) + ("%" if parsed.percent else "")


def parse_target_ex(value: Any, number_format: str | None = None) -> TargetReading:
    """Parse a target and return it with the numbers read (see module docstring)."""
    if value is None:
        return _text_target("")
    if isinstance(value, bool):
        return _text_target("TRUE" if value else "FALSE")
    if isinstance(value, (int, float, Decimal)):
        parsed = parse_number(value, number_format)
        if parsed is None:
            return _text_target(clean(value))
        return TargetReading(Target(_numeric_cell_text(parsed, excel_decimals(number_format)), "=", parsed.value),
                             (parsed,))
    if not isinstance(value, str):
        return _text_target(clean(value))
    return _parse_target_text(value)


@lru_cache(maxsize=1 << 14)
def _parse_target_text(value: str) -> TargetReading:
    """Text targets repeat (">10", "khoảng 32"): parse each distinct text once."""
    text = clean(value)
    if not text or "≠" in text:
        return _text_target(text)
    work = text.translate(_ZERO_WIDTH)
    for sym, rep in _SYMBOLS.items():
        work = work.replace(sym, rep)
    key = fold(work)
    while True:
        stripped = _FILLER.sub("", key, count=1)
        if stripped == key:
            break
        key = stripped
    # (added, branch gro: «còn 4,5%», «giảm còn …», «giảm xuống (còn) …»: a level to fall to, at most it when no
    # other operator is written)
    ceiling = False
    for words in ("giam xuong con ", "giam con ", "giam xuong ", "con "):
        if key.startswith(words):
            key, ceiling = key[len(words):].lstrip(), True
            break

    m = _RANGE.match(key)
    if m:
        a, b = parse_number(m.group("a")), parse_number(m.group("b"))
        if a is None or b is None:
            return _text_target(text)
        low, high = (a, b) if a.value <= b.value else (b, a)
        return TargetReading(Target(text, "range", low.value, high.value), (a, b))

    # (added, rev22 R22-11: «10 - 10,5% trở lên», «≥ 10 - 10,5», «Dưới 4 - 4,5»: a range with a bound's words is the
    # bound at its bottom (a floor) or its top (a ceiling))
    m = _RANGE_WITH_BOUND.match(key)
    if m:
        word, direction = m.group("op"), m.group("dir")
        op = _OP_OF[word] if word else None
        if direction == "tro len":
            op = ">=" if word in (None, "tu") or op == ">=" else None
        elif direction == "tro xuong":
            op = "<=" if word in (None, "tu") or op == "<=" else None
        elif word == "tu" or op not in (">", ">=", "<", "<="):
            op = None
        a, b = parse_number(m.group("a")), parse_number(m.group("b"))
        if op is None or a is None or b is None:
            return _text_target(text)
        bound = min(a.value, b.value) if op in (">", ">=") else max(a.value, b.value)
        return TargetReading(Target(text, op, bound), (a, b))

    m = _SINGLE.match(key)
    if not m:
        return _text_target(text)
    a = parse_number(m.group("a"))
    if a is None:
        return _text_target(text)
    word = m.group("op")
    op = _OP_OF[word] if word else "="
    direction = m.group("dir")
    if direction == "tro len":
        if word not in (None, "tu") and op != ">=":
            return _text_target(text)
        op = ">="
    elif direction == "tro xuong":
        if word not in (None, "tu") and op != "<=":
            return _text_target(text)
        op = "<="
    if ceiling and word is None and direction is None:
        op = "<="
    return TargetReading(Target(text, op, a.value), (a,))


def parse_target(value: Any, number_format: str | None = None) -> Target:
    """A plan target as a `Target`; unrecognised text is op "text" with value None.

    Decision: "trên X" is strict (">"), as the seed appendix writes ">10" for the
    body text's "trên 10%"; "từ X"/"tối thiểu X"/"X trở lên" are ">=".
    """
    return parse_target_ex(value, number_format).target


def target_ambiguity(value: Any, number_format: str | None = None) -> str | None:
    """The Vietnamese note when a number in the target reads ambiguously (">1.5"), else None."""
    reading = parse_target_ex(value, number_format)
    return reading.note if reading.ambiguous else None


# --------------------------------------------------------------------------- results written as expressions

@dataclass(frozen=True)
class ResultReading:
    """A result cell written in words and figures, as reports write estimates, and how it was read.

    `kind`: "number" (a figure with a footnote mark or a note: "18,37[2]", "0,86% (còn 4,17%)"),
    "about" ("Khoảng 24"), "bound" ("Trên 4"), "range" ("61-62"), "qualitative" ("Hoàn thành").
    `bounds` is the expression as a Target (op "=", "~", ">", ">=", "<", "<=", "range");
    `change` is "tang"/"giam" when the figure is a change ("Giảm 2,5-3"), not a level.
    """

    text: str
    kind: str
    bounds: Target
    change: str = ""

    @property
    def point(self) -> Decimal | None:
        """The single figure the cell gives ("18,37[2]", "Khoảng 24"), None for a bound or a range."""
        return self.bounds.value if self.bounds.op in ("=", "~") else None


_RESULT_MARKS = re.compile(r"\s*(?:\[\s*\d{1,2}\s*\]|\(\s*\*+\s*\)|\*+|\(\s*\d{1,2}\s*\))")
_RESULT_NOTE = re.compile(r"^(.*?\d\s*%?)\s*[(\[][^()\[\]]*[)\]]\s*$")
_CHANGE = re.compile(r"^(tang|giam)(?:\s+(?:them|duoc))?\s+(?=[\d.,~><≥≤]|tren|duoi|khoang|tu|hon|gan)")
# "giảm còn 3,5": a level, not a change (added, branch gro: «còn 3,5», «giảm xuống (còn) 3,5», «tăng xuống …» never)
_LEVEL = re.compile(r"^(?:giam xuong con|tang xuong con|giam xuong len|tang xuong len|giam con|tang con|giam len|"
                    r"tang len|giam xuong|con)\s+")


# Results stated in words, as reports do for goals met or not ("Hoàn thành", "Đạt", "Chưa đạt").
_QUALITATIVE_RESULTS = ("dat", "khong dat", "chua dat", "co ban dat", "vuot", "hoan thanh", "da hoan thanh",
                        "chua hoan thanh", "co ban hoan thanh", "khong hoan thanh", "dang thuc hien", "dang trien khai",
                        "da trien khai", "chua trien khai", "dam bao", "chua dam bao", "tot", "kha", "trung binh", "xuat sac")


@lru_cache(maxsize=1 << 12)
def parse_result_text(value: str) -> ResultReading | None:
    """A result text that is not a plain number, read as the same expressions as a target.

    None when the text has digits but reads as nothing (a mistyped number: an error for
    validation); qualitative words without digits ("Hoàn thành", "Đạt") are kind "qualitative".
    """
    text = clean(value)
    if not text:
        return None
    work = _RESULT_MARKS.sub("", text).strip()
    m = _RESULT_NOTE.match(work)
    if m:
        work = m.group(1)
    key = fold(work)
    change = ""
    m = _LEVEL.match(key) or _CHANGE.match(key)
    if m:
        change = "" if m.re is _LEVEL else m.group(1)
        words = len(m.group(0).split())
        work = re.sub(r"^\s*(?:\S+\s+){%d}" % words, "", work)
    reading = _parse_target_text(work)
    t = reading.target
    if t.op == "text" or t.value is None:
        if not any(ch.isdigit() for ch in text) and fold(text).startswith(_QUALITATIVE_RESULTS):
            return ResultReading(text, "qualitative", Target(text=text, op="text"))
        return None
    kind = {"=": "number", "~": "about", "range": "range"}.get(t.op, "bound")
    return ResultReading(text, kind, Target(text=text, op=t.op, value=t.value, high=t.high), change)
