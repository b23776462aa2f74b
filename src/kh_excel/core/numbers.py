"""Vietnamese numbers and plan-target expressions: reading and writing (SPEC §3).

Pure functions, no I/O, `Decimal` throughout so that the precision a cell shows
(93,00) survives to the document and no float artifact (0,30000000000000004)
ever reaches a reader.

Reading
-------
`parse_number(value, number_format=None) -> ParsedNumber | None`
    A cell value (int, float, Decimal, str …) as a number, or None when it is
    not one. Text follows the Vietnamese convention first ('.' thousands,
    ',' decimal). Readings that another convention could change are returned
    with `ambiguous=True` and a Vietnamese `note`, never silently:

    - a single '.' not followed by a valid thousands group ("70.2", "1.5",
      "0.25", "0.250", "1234.5"): read as an English decimal point;
    - English grouping ("1,234.5", "1,234,567"): read the English way;
    - "1,234" (one comma, 1–3 integer digits not starting with 0, exactly
      three decimals): read the Vietnamese way (1,234) but could be English
      thousands (1234). "0,125" and "12345,678" are not ambiguous.

    `ParsedNumber.value` carries the shown decimals as its exponent
    ("93,00" -> Decimal("93.00")). Numeric cells use the Excel number format
    when given to pad the decimals (93.0 with "0.00" -> 93.00) but never to round
    (276.028 with "0.0" stays 276.028; a target's text shows "276,0"); a percent format keeps the stored
    fraction (0.5 with "0%" -> 0.50, `percent=True`; `value.scaleb(2)` gives the
    figure the cell shows, 50, with the right decimals). Floats without a
    format give their shortest repr, cut to Excel's 15 significant digits.

`parse_target(value, number_format=None) -> Target`
    A plan target: plain number ("="), ">", ">=", "<", "<=", "~" (khoảng) or
    "range" (value=low, high=high), anything else op "text" with value None.
    `trên X` is read as strict ">" (the seed appendix writes ">10" where its
    body text says "trên 10%"); `từ X`, `tối thiểu X`, `không dưới X`,
    `X trở lên` are ">=".

`parse_target_ex(value, number_format=None) -> TargetReading`
    The same, plus the `ParsedNumber`s read, so that validation can report an
    ambiguous separator inside an expression (">1.5") or a plain number stored
    as text. `TargetReading` unpacks as `target, number = parse_target_ex(v)`
    (`number`: ParsedNumber | None; for a range the first ambiguous bound) and
    has `.numbers` (all, in order), `.ambiguous` and `.note`.

`target_ambiguity(value, number_format=None) -> str | None`
    The Vietnamese note when a number inside the target is ambiguous.

Writing
-------
`format_number(value, decimals=None)` -> "155.000", "14,97", "93,00", "-1,32";
`format_percent(value, decimals=1)` -> "79,2%"; `format_ratio(value, decimals=1)`
-> "97,5". Rounding is ROUND_HALF_UP.

Helpers: `to_decimal(x)`, `decimals_of(d)`, `excel_decimals(fmt)`,
`excel_is_percent(fmt)`.
"""
from __future__ import annotations

import math
from functools import lru_cache
import re
import unicodedata
from dataclasses import dataclass, fields
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Context, Decimal, InvalidOperation
from typing import Any, Iterator, cast

from kh_excel.core.model import Target
from kh_excel.core.text import clean, fold, fold_words

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
    "reduction_plan",
    "signed_change",
    "stretch_target",
    "range_bound",
    "rescaled_figure",
    "rescales",
    "magnitude_written",
]

# Excel shows at most 15 significant digits; a float beyond that is binary noise.
_EXCEL_SIGNIFICANT = 15


@dataclass(frozen=True, init=False)
class ParsedNumber:
    """A number read from a cell, with how it was written.

    `percent`: the source shows a % sign. For text ("8,2%") `value` is the
    figure before the sign (8.2); for a numeric cell with a percent number
    format it is the stored fraction (0.082), as Excel keeps it.
    `ambiguous`: the reading is warned (`note` says how it was read). `two_ways`: of those, a text that
    reads two ways a thousand times apart («1,234»: 1,234 or 1.234), one taken; otherwise the warned text
    has one reading only, written the English way («10,120.5», «12.5»): collect writes it as check reads it.
    """

    value: Decimal
    was_text: bool
    ambiguous: bool = False
    note: str = ""
    percent: bool = False
    exact: Decimal | None = None  # the stored value when the cell's format shows fewer decimals (276,028 shown 276,0)
    two_ways: bool = False

    def __init__(self, value: Decimal, was_text: bool, ambiguous: bool = False, note: str = "",
                 percent: bool = False, exact: Decimal | None = None, two_ways: bool = False) -> None:
        # Two per cell of every row: filling __dict__ at once costs a third of the frozen
        # dataclass's object.__setattr__ per field (the instance stays frozen to attribute writes).
        d = self.__dict__
        d["value"] = value
        d["was_text"] = was_text
        d["ambiguous"] = ambiguous
        d["note"] = note
        d["percent"] = percent
        d["exact"] = exact
        d["two_ways"] = two_ways


@dataclass(frozen=True, init=False)
class TargetReading:
    """A parsed target and the numbers read from it.

    Unpacks as `(target, number)`: `number` is the target's number, for a range
    the first ambiguous bound (else the lower-written one), None for op "text".
    `numbers` holds every number read, in the order written.
    """

    target: Target
    numbers: tuple[ParsedNumber, ...] = ()

    def __init__(self, target: Target, numbers: tuple[ParsedNumber, ...] = ()) -> None:
        d = self.__dict__  # one per target cell: see ParsedNumber.__init__
        d["target"] = target
        d["numbers"] = numbers

    @property
    def number(self) -> ParsedNumber | None:
        numbers = self.numbers
        if len(numbers) == 1:  # most targets: asked for by every step that reads the row
            return numbers[0]
        for n in numbers:
            if n.ambiguous:
                return n
        return numbers[0] if numbers else None

    @property
    def ambiguous(self) -> bool:
        numbers = self.numbers
        if len(numbers) == 1:
            return numbers[0].ambiguous
        return any(n.ambiguous for n in numbers)

    @property
    def as_read(self) -> str:
        """With an ambiguous number: the target's text with such numbers written as read («>1.5» -> «>1,5»)."""
        return _as_read(self.target.text, self.numbers) if self.ambiguous else ""

    @property
    def note(self) -> str:
        """The Vietnamese notes of every ambiguous number, joined."""
        return " ".join(n.note for n in self.numbers if n.note)

    def __iter__(self) -> Iterator[Any]:
        return iter((self.target, self.number))


# --------------------------------------------------------------------------- helpers


def _big_context(d: Decimal, places: int = 0) -> Context:
    """A context wide enough that quantizing `d` never fails for lack of precision."""
    digits = len(d.as_tuple().digits) + max(cast(int, d.as_tuple().exponent), 0) if d.is_finite() else 0  # finite: an int
    return Context(prec=max(28, digits + places + 5), rounding=ROUND_HALF_UP)


# Quantizing gives one result whatever the precision, as long as the result fits in it: one wide
# context serves every cell, and `_big_context` is built only for the rare value that does not fit.
_WIDE = Context(prec=64, rounding=ROUND_HALF_UP)
_STEPS = tuple(Decimal(1).scaleb(-places) for places in range(32))  # 1, 1E-1, 1E-2, …


def _quantize(d: Decimal, places: int, rounding: str = ROUND_HALF_UP) -> Decimal:
    if 0 <= places < 32:
        try:
            return d.quantize(_STEPS[places], rounding, _WIDE)
        except InvalidOperation:
            pass  # too many digits for _WIDE, or not finite: as before, with its own context
    ctx = _big_context(d, places)
    return d.quantize(Decimal(1).scaleb(-places), rounding=rounding, context=ctx)


def _no_positive_exponent(d: Decimal) -> Decimal:
    """Decimal("1E+3") -> Decimal("1000"): shown decimals are then max(0, -exponent)."""
    if "E+" in str(d):  # a finite Decimal prints "E+" exactly when its exponent is positive
        return _quantize(d, 0)
    return d


_SIGNIFICANT = Context(prec=_EXCEL_SIGNIFICANT, rounding=ROUND_HALF_EVEN)


def _float_to_decimal(f: float) -> Decimal:
    """Shortest repr, at most 15 significant digits, integral floats without decimals."""
    d = _plain_float(f)
    if d is not None:
        return d  # the common case, fast
    if math.isnan(f) or math.isinf(f):
        raise ValueError(f"not a finite number: {f!r}")
    d = Decimal(repr(f))
    if len(d.as_tuple().digits) > _EXCEL_SIGNIFICANT:
        d = _SIGNIFICANT.plus(d)
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
    return max(0, -cast(int, d.as_tuple().exponent))  # finite: an int


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
def _format_info(number_format: str | None) -> tuple[int, bool] | None:
    """(decimals shown, percent) of a number format, None for General/text/dates: formats repeat
    down a column, so each is read once."""
    body = _number_section(number_format)
    if body is None:
        return None
    m = re.search(r"\.([0#?]*)", body)
    return (len(m.group(1)) if m else 0), "%" in body


def excel_decimals(number_format: str | None) -> int | None:
    """Decimals an Excel number format shows ("#,##0.00" -> 2, "0%" -> 0).

    None for General, text ("@"), dates and times: the value then shows as stored.
    """
    info = _format_info(number_format)
    return None if info is None else info[0]


def excel_is_percent(number_format: str | None) -> bool:
    """True when the format shows the value ×100 with a % sign ("0.0%")."""
    info = _format_info(number_format)
    return info is not None and info[1]


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
            return ParsedNumber(value, True, True, note, percent, two_ways=True)
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
    if "e" in r or "n" in r:  # 1e-05, 1.5e+16; nan, inf
        return None
    # Plain notation: a sign, digits and one point; 16 characters or fewer hold at most 15 digits.
    if len(r) > 16 and len(r.lstrip("-").replace(".", "").lstrip("0")) > _EXCEL_SIGNIFICANT:
        return None
    return Decimal(r)


# Number text as most cells write it: ASCII, an optional sign, plain digits or '.'-grouped
# thousands, an optional ',' decimal part and '%'. At most 21 characters: then always plausible
# (|x| < 10**21, no more than 20 decimals, 21 digits).
_PLAIN_TEXT = re.compile(r"([-+]?)([0-9]+|[1-9][0-9]{0,2}(?:\.[0-9]{3})+)(?:,([0-9]+))?(\s*%)?")
_INT_LIMIT = 10 ** (MAX_MAGNITUDE + 1)  # an int cell below it in size is plausible (≤ 21 digits)


def _plain_text(raw: str) -> ParsedNumber | None:
    """`_parse_text` for the common, unambiguous number text ("8,2", "91.500", "-1,32", "95%"), read
    with one regular expression; None when the text needs the general reading."""
    s = raw.strip()
    if len(s) > 21:
        return None
    m = _PLAIN_TEXT.fullmatch(s)
    if m is None:
        return None
    sign, int_part, frac, percent = m.groups()
    if frac is None:
        d = Decimal(int_part.replace(".", "")) if len(int_part) > 3 else Decimal(int_part)
    elif len(frac) == 3 and len(int_part) <= 3 and int_part[0] != "0":
        return None  # "1,234": 1,234 or English 1234? the general reading says so
    else:
        d = Decimal(int_part.replace(".", "") + "." + frac)
    if sign == "-" and d != 0:
        d = -d
    return ParsedNumber(d, True, False, "", percent is not None)


def _cell_number(d: Decimal, number_format: str | None) -> ParsedNumber:
    """A numeric cell's plausible value as its format shows it (see parse_number)."""
    info = None if number_format is None else _format_info(number_format)
    if info is None:
        if d == 0:
            d = abs(d)
        return ParsedNumber(d, False)
    places, percent = info
    shown = _quantize(d, places + 2 if percent else places)
    exact = d if shown != d else None  # computation keeps the stored value, display the shown one
    if shown == 0:
        shown = abs(shown)
    return ParsedNumber(shown, False, False, "", percent, exact)


def parse_number(value: Any, number_format: str | None = None) -> ParsedNumber | None:
    """A cell value as a number, or None when it is not one (empty, prose, bool, error).

    `number_format` (the cell's Excel format) sets the decimals a numeric cell
    shows; it is ignored for text cells, whose text shows its own precision.
    """
    kind = type(value)
    if kind is float:  # most cells: fast paths first, the careful reading for the rest
        if number_format is None or number_format == "General":
            return _float_number(value)  # figures repeat down a table (100, 0, a plan's round numbers)
        d = _plain_float(value)
        if d is not None:  # never -0: with no format, _cell_number would return it as it is
            return _cell_number(d, number_format)
    elif kind is int:
        if -_INT_LIMIT < value < _INT_LIMIT:
            return ParsedNumber(Decimal(value), False) if number_format is None else \
                _cell_number(Decimal(value), number_format)
    elif kind is str:
        if value.isascii():
            parsed = _plain_text(value)
            if parsed is not None:
                return parsed
        first = value.lstrip()[:1]
        if first.isalpha():  # prose ("Tăng 3 bậc", "Hoàn thành"): NFC keeps a letter first, never a sign or digit
            return None
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str):
        try:
            parsed = _parse_text(value)
        except (InvalidOperation, ValueError, OverflowError):  # pragma: no cover - defensive
            return None
        return parsed if parsed is None or _plausible(parsed.value) else None
    if isinstance(value, (int, float, Decimal)):
        return _numeric_cell(value, number_format)
    return None


def _numeric_cell(value: int | float | Decimal, number_format: str | None) -> ParsedNumber | None:
    """parse_number's careful reading of a numeric cell (NaN, infinities, junk magnitudes read as nothing)."""
    try:
        d = to_decimal(value)
    except (ValueError, TypeError, InvalidOperation, OverflowError):
        return None
    if not _plausible(d):
        return None
    return _cell_number(d, number_format)


@lru_cache(maxsize=1 << 14)
def _float_number(value: float) -> ParsedNumber | None:
    """parse_number of a float cell without a number format, once per distinct value. "General" reads
    the same (its format shows no fixed decimals); equal keys 0.0 and -0.0 read alike (a zero is never
    negative); a NaN is its own key, and reads as nothing. The reading is frozen: sharing it is safe."""
    d = _plain_float(value)
    if d is not None:
        return ParsedNumber(d, False)
    return _numeric_cell(value, None)


# --------------------------------------------------------------------------- writing numbers


def format_number(value: Decimal | float | int, decimals: int | None = None) -> str:
    """Vietnamese rendering: "155.000", "14,97", "93,00", "-1,32", "1.234.567,5".

    `decimals=None` keeps the decimals the value carries (Decimal("93.00") ->
    "93,00"); an int gives none. `decimals` rounds ROUND_HALF_UP.
    """
    if type(value) is Decimal and value.is_finite():
        d = value  # format "f" writes 1E+3 as 1000, and quantizing 1E+3 gives what to_decimal's 1000 does
    else:
        d = to_decimal(value)
    if decimals is not None:
        if decimals < 0:
            raise ValueError("decimals must be >= 0")
        d = _quantize(d, decimals)
    out = format(d, ",f")  # grouping done by the decimal module, in C; then "1,234.5" -> "1.234,5"
    out = out.replace(".", ",") if "," not in out else out.replace(",", "_").replace(".", ",").replace("_", ".")
    if out[0] == "-" and d == 0:
        out = out[1:]  # -0,00 is shown as 0,00
    return out


FAR_OFF_FACTOR = Decimal(10)  # a figure ≥10× or ≤0,1× the one it is compared with: likely a unit error
IMPLAUSIBLE_FACTOR = Decimal(100)  # ≥100× or ≤1/100 of the plan: surely a unit mismatch, never judged (core.attainment)


_INVERSES = {factor: 1 / factor for factor in (FAR_OFF_FACTOR, IMPLAUSIBLE_FACTOR)}  # 0.1, 0.01: exact in any context


def far_ratio(ratio: Decimal, factor: Decimal = FAR_OFF_FACTOR) -> bool:
    """Is the ratio of two positive figures at least `factor`, or at most 1/`factor`? For a caller that has
    computed the ratio already (core.attainment's ratio to the plan); `far_apart` for two figures."""
    return ratio >= factor or ratio <= (_INVERSES.get(factor) or 1 / factor)


def far_apart(a: Decimal | None, b: Decimal | None, factor: Decimal = FAR_OFF_FACTOR) -> bool:
    """Is a at least FAR_OFF_FACTOR times b, or at most 1/FAR_OFF_FACTOR of it (both positive)? The size of a
    unit mistake (đồng for tỷ đồng, người for nghìn người): check warns (result_far_off), and a document
    prints the two figures, never a ratio or a growth computed from them."""
    if a is None or b is None or a <= 0 or b <= 0:
        return False
    return far_ratio(a / b, factor)


def format_percent(value: Decimal | float | int, decimals: int | None = 1) -> str:
    """A percent figure with its sign: 79.2 -> "79,2%" (the value is already ×100)."""
    return format_number(value, decimals) + "%"


def format_ratio(value: Decimal | float | int, decimals: int | None = 1) -> str:
    """A ratio "% so với KH" without the sign: 97.46 -> "97,5". A ratio short of or over 100 never reads «100,0»
    (rev11 D16: «đạt 100,0% kế hoạch» beside «Không đạt»): it takes the decimals that tell it from 100 (99,957 ->
    "99,96", 100,004 -> "100,004"), up to four, and beyond them the last figure on its own side (99,99999 -> "99,9999")."""
    text = format_number(value, decimals)
    if decimals is None or value == 100:
        return text
    d = to_decimal(value)
    for more in range(decimals + 1, 5):
        if _quantize(d, decimals) != 100:
            return text
        text = format_number(d, more)
        if _quantize(d, more) != 100:
            return text
    if _quantize(d, 4) == 100:
        return "99,9999" if d < 100 else "100,0001"
    return text


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
    # («Gần 595.000»: nearly the figure, an estimate as «Xấp xỉ» is, rev18 R18-5)
    "~": ("~=", "~", "≈", "khoang chung", "khoang", "xap xi", "uoc khoang", "chung", "gan bang", "gan"),
    "=": ("=", "bang"),
}
_OP_OF = {w: op for op, words in _OP_WORDS.items() for w in words}
# a word of «~» anywhere in a folded cell («Ước khoảng 12.600»: the estimate is itself near; ResultReading.approximate)
_NEAR_WORD = re.compile(r"(?<![a-z0-9])(?:%s)(?![a-z])" % "|".join(
    re.escape(w) for w in sorted(_OP_WORDS["~"], key=len, reverse=True)))
_OP_ALT = "|".join(re.escape(w) for w in sorted(_OP_OF, key=len, reverse=True))

# The lead words of a plan written as a goal with its figure (folded), as real appendices write it: «Phấn đấu đạt …»,
# «Hoàn thành 5 xã» (the plan is the figure, as «Đạt 5 xã» is), «Duy trì đạt từ 98,4% trở lên» (a floor of 98,4,
# rev20 R20-1), «Duy trì 100%»; the words alone («Hoàn thành», «Duy trì», «Duy trì Hợp tác xã …») stay words
_FILLER = re.compile(r"^(?:phan dau|hoan thanh|duy tri|dat muc|dat|tang|o muc|muc)(?:\s+|(?=[^a-z]))")


def _lead_words_end(key: str) -> int:
    """Where the figure's words begin in a folded plan, after its lead words (_FILLER, as many as written)."""
    end = 0
    m = _FILLER.match(key)
    while m is not None:  # (the pattern opens with «^»: each match on the rest, never at a position)
        end += m.end()
        m = _FILLER.match(key[end:])
    return end


def without_lead_words(text: str) -> str:
    """A plan without the lead words before its figure, as its reading drops them («Duy trì 19/19» -> «19/19»,
    «Phấn đấu đạt 16/16 xã» -> «16/16 xã»); the text as it is where folding changes its length."""
    key = fold(text)
    return text[_lead_words_end(key):] if len(key) == len(text) else text


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


# A range with the words of a bound (folded): «10 - 10,5% trở lên», «Từ 10 - 10,5 trở lên», «≥ 10 - 10,5» (the 2026
# growth targets after Resolution 01/NQ-CP: «tăng trưởng đạt 10 - 10,5% trở lên»), «Dưới 4 - 4,5», «Tối đa 3 - 3,5»
_RANGE_BOUND = re.compile(
    rf"^(?:(?P<op>{_OP_ALT})\s*)?(?P<a>{_NUM}){_PCT}\s*(?:-|–|—|−|÷|~|\.\.\.|…|den|toi)\s*(?P<b>{_NUM}){_UNIT}"
    rf"(?:\s+(?P<dir>tro len|tro xuong))?$"
)
_BOUND_OPS = frozenset({">", ">=", "<", "<="})


# The words before a level a burden is to fall to (folded): «còn», «giảm còn», «giảm xuống (còn)» (never «tăng lên»).
_CEILING = re.compile(r"^(?:giam\s+(?:xuong\s+)?con|giam\s+xuong|con)\s+")

_new = object.__new__


def _target(text: str, op: str, value: Decimal | None = None, high: Decimal | None = None) -> Target:
    """Target(text, op, value, high), built as ParsedNumber.__init__ does: one per target cell."""
    t = _new(Target)
    d = t.__dict__
    d["text"] = text
    d["op"] = op
    d["value"] = value
    d["high"] = high
    return t


if [f.name for f in fields(Target)] != ["text", "op", "value", "high"] or hasattr(Target, "__post_init__") \
        or "__slots__" in vars(Target):  # pragma: no cover - the model changed: build it the ordinary way
    _target = Target  # type: ignore[assignment]  # noqa: F811


def _text_target(text: str) -> TargetReading:
    return TargetReading(_target(text, "text"), ())


def _numeric_cell_text(parsed: ParsedNumber, places: int | None = None) -> str:
    """The number as the cell shows it (its format's decimals); the value itself keeps every digit."""
    figure = parsed.value.scaleb(2) if parsed.percent else parsed.value
    if places is not None and -cast(int, figure.as_tuple().exponent) <= places:  # a cell's figure: finite
        places = None  # already padded to the shown decimals
    return format_number(figure, places) + ("%" if parsed.percent else "")


def parse_target_ex(value: Any, number_format: str | None = None) -> TargetReading:
    """Parse a target and return it with the numbers read (see module docstring)."""
    kind = type(value)
    if kind is float or kind is int:  # most target cells (bool is not int here: type() is exact)
        return _numeric_target(value, number_format)
    if value is None:
        return _text_target("")
    if isinstance(value, bool):
        return _text_target("TRUE" if value else "FALSE")
    if isinstance(value, (int, float, Decimal)):
        return _numeric_target.__wrapped__(value, number_format)
    if not isinstance(value, str):
        return _text_target(clean(value))
    return _parse_target_text(value)


@lru_cache(maxsize=1 << 12, typed=True)
def _numeric_target(value: int | float | Decimal, number_format: str | None) -> TargetReading:
    """A numeric target cell with the text it shows. Cached for float and int cells only: figures
    (100, 0, 50) and formats repeat down a column; a float's equal values (0.0, -0.0) read alike, while
    typed=True keeps 1 and 1.0 apart. Decimal("1.0") and Decimal("1.00") are equal keys: never cached."""
    parsed = parse_number(value, number_format)
    if parsed is None:
        return _text_target(clean(value))
    # The text needs no `places` from the format: parse_number already quantized the value to the
    # format's decimals (percent: two more, which scaleb(2) gives back), so it shows exactly them.
    return TargetReading(_target(_numeric_cell_text(parsed), "=", parsed.value), (parsed,))


# Zero-width characters dropped and look-alike symbols replaced in one pass (no replacement
# holds a character that another one maps, so one pass equals one replace per symbol).
_TARGET_CHARS = {**_ZERO_WIDTH, **{ord(sym): rep for sym, rep in _SYMBOLS.items()}}


# A growth plan written as an average over the years of a period (folded): «Tăng bình quân 7%/năm», «Giảm bình quân
# 1-1,5%/năm», «Tăng bình quân hằng năm trên 10%»: the verb and the figure in %, read as «Tăng 7%» is
_AVERAGE_YEARLY = re.compile(r"^(tang|giam)\s+binh\s+quan\s+(?:(?:moi|hang|mot)\s+nam\s*:?\s*)?"
                             r"([^/]*?%)\s*(?:/\s*nam|(?:moi|hang|mot)\s+nam)?\s*\.?$")


def average_yearly(value: str) -> str | None:
    """The plan of «Tăng bình quân 7%/năm» as its verb and figure («tang 7%», folded), read as a growth plan of the
    same size; None for any other text. Whether the growth is an average over a period's years is the table's to say
    (core.table._period_base); the words alone say that the plan is a yearly average, never a one-off rise."""
    m = _AVERAGE_YEARLY.match(fold(clean(value)))
    return f"{m.group(1)} {m.group(2).strip()}" if m else None


@lru_cache(maxsize=1 << 14)
def _parse_target_text(value: str) -> TargetReading:
    """Text targets repeat (">10", "khoảng 32"): parse each distinct text once."""
    text = clean(value)
    if not text or "≠" in text:
        return _text_target(text)
    key = fold(text if text.isascii() else text.translate(_TARGET_CHARS))  # every mapped character is non-ASCII
    if key.startswith(("tang binh quan", "giam binh quan")) and (plain := average_yearly(key)) is not None:
        key = plain  # «Tăng bình quân 7%/năm»: read as «Tăng 7%» (a fall as «Giảm 5%»: reduction_plan)
    key = key[_lead_words_end(key):]  # "phấn đấu đạt …", "duy trì …", "tăng …": the number and its operator follow

    ceiling = _CEILING.match(key)
    if ceiling is not None:  # «Còn 4,5%», «Giảm còn dưới 3%»: the level a burden is to fall to
        key = key[ceiling.end():]
    m = _RANGE.match(key)
    if m:
        a, b = parse_number(m.group("a")), parse_number(m.group("b"))
        if a is None or b is None:
            return _text_target(text)
        low, high = (a, b) if a.value <= b.value else (b, a)
        return TargetReading(_target(text, "range", low.value, high.value), (a, b))
    m = _RANGE_BOUND.match(key)
    if m:
        op = _range_bound_op(m.group("op"), m.group("dir"))
        a, b = parse_number(m.group("a")), parse_number(m.group("b"))
        if op is None or a is None or b is None:
            return _text_target(text)
        low, high = (a, b) if a.value <= b.value else (b, a)
        # the least the range asks: a floor at its bottom, a ceiling at its top (rev22 R22-11)
        return TargetReading(_target(text, op, (low if op in (">", ">=") else high).value), (a, b))

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
    if ceiling is not None and word is None and direction is None:
        op = "<="  # «còn 4,5%»: at most 4,5 (WRITING.md: «tỷ lệ hộ nghèo còn …»)
    return TargetReading(_target(text, op, a.value), (a,))


def _range_bound_op(word: str | None, direction: str | None) -> str | None:
    """The bound a range with a bound's words sets («10 - 10,5 trở lên», «≥ 10 - 10,5», «Dưới 4 - 4,5»): ">=" of «trở
    lên» (alone, after «từ» or a word of ">="), "<=" of «trở xuống», else the bound the word before it says; None where
    the words say no bound or two that disagree («Dưới 4 - 4,5 trở lên», «Khoảng 10 - 11 trở lên»)."""
    op = _OP_OF[word] if word else None
    if direction is not None:
        wanted = ">=" if direction == "tro len" else "<="
        return wanted if word in (None, "tu") or op == wanted else None
    return op if op in _BOUND_OPS and word != "tu" else None


def range_bound(value: Any) -> bool:
    """Is the plan a range with a bound's words («10 - 10,5% trở lên», «≥ 10 - 10,5», «Dưới 4 - 4,5»), read as the
    bound at the range's bottom (a floor) or its top (a ceiling)? A document writes such a plan as the cell does, both
    figures, never the one bound alone (rev22 R22-11)."""
    if not isinstance(value, str):
        return False
    reading = _parse_target_text(value)
    return reading.target.op in _BOUND_OPS and len(reading.numbers) == 2


# The words of a figure's magnitude (folded) and their powers of ten: «8 triệu», «1,2 tỷ», «3,1 triệu tỷ», «500 nghìn»
_MAGNITUDES = {"nghin": 3, "ngan": 3, "trieu": 6, "ty": 9, "ti": 9}
_MAG = r"(?:nghin|ngan|trieu|ty|ti)"
_RANGE_SEP = r"\s*(?:-|–|—|−|÷|~|\.\.\.|…|den|toi)\s*"
# A figure (or a range) then its magnitude words, then what the cell writes after them (the unit, a bound's words);
# never «tỷ lệ», «tỷ trọng» («10 tỷ lệ» is no ten thousand million)
_MAGNITUDE_AFTER = re.compile(rf"^(?P<lead>[^\d]*?)(?P<figs>{_NUM}(?:{_RANGE_SEP}{_NUM})?)\s*"
                              rf"(?P<mag>{_MAG}(?:\s+{_MAG})*)(?![a-z0-9])(?!\s*(?:le|trong)(?![a-z]))\s*(?P<tail>.*?)\s*"
                              rf"(?P<dir>\btro len|\btro xuong)?\s*\.?$")
# The scale a unit opens with, in figures («1.000 lượt người», «1000 tấn»)
_UNIT_FIGURE_SCALE = {"1000": 3, "1.000": 3, "1,000": 3, "1000000": 6, "1.000.000": 6}


def magnitude_written(value: Any) -> bool:
    """Does the cell write a figure with its magnitude in words («Trên 8 triệu», «1,2 tỷ USD», «3,1 triệu tỷ»)?
    A document writes such a plan as the cell does, never the figure re-scaled to the row's unit (rev22 R22-10)."""
    return isinstance(value, str) and _MAGNITUDE_AFTER.match(fold(clean(value))) is not None


def _unit_scale(unit: str) -> tuple[int, str] | None:
    """A unit's scale (a power of ten) and the words it counts in, folded: «Triệu USD» (6, «usd»), «Tỷ đồng» (9,
    «dong»), «Lượt khách» (0, «luot khach»), «Nghìn tỷ đồng» (12, «dong»); None for a unit no magnitude word can be
    said in (none, «%», «‰», a ratio «/1.000 dân», any other figure)."""
    words = fold(clean(unit)).split()
    exp = 0
    while words and (words[0] in _MAGNITUDES or words[0] in _UNIT_FIGURE_SCALE):
        exp += _MAGNITUDES.get(words[0]) or _UNIT_FIGURE_SCALE[words[0]]
        words = words[1:]
    base = " ".join(words)
    if (exp == 0 and not base) or any(ch.isdigit() or ch in "%‰" for ch in base) or base.startswith("/"):
        return None
    return exp, base


def rescaled_figure(value: Any, unit: str) -> str | None:
    """The figure of a plan cell that writes its magnitude in words, in the row's unit, as a text the target's reader
    reads (folded): «Trên 8 triệu» beside «Lượt khách»: «tren 8000000»; «1,2 tỷ USD» beside «Triệu
    USD»: «1200»; «3,1 triệu tỷ» beside «Tỷ đồng»: «3100000»; «8 triệu lượt trở lên»: «8000000 tro len». The magnitude
    multiplies the figure only by the scale the unit does not carry («8 triệu» beside «Triệu USD»: 8). None where it
    cannot be reconciled with the unit: no unit, a unit in % or a ratio, words after it that are not the row's unit
    («8 triệu USD» beside «Lượt khách»), a figure read two ways («1.5 triệu»): then the cell is words (rev22 R22-10)."""
    scaled = _rescaling(value, unit)
    return scaled[0] if scaled is not None else None


def rescales(value: Any, unit: str) -> bool:
    """Does the plan's magnitude word change its figure in the row's unit («Trên 8 triệu» beside «Lượt khách»: 8 read
    8.000.000), never where the unit carries it («155.000 tỷ đồng» beside «Tỷ đồng», «8 triệu» beside «Triệu USD»)?
    Then the figure judged is one the cell never wrote: said by a warning, and never written (rev22 R22-10)."""
    scaled = _rescaling(value, unit)
    return scaled is not None and scaled[1] != 0


def _rescaling(value: Any, unit: str) -> tuple[str, int] | None:
    """rescaled_figure's text and the power of ten the figure was scaled by."""
    if not isinstance(value, str) or not unit:
        return None
    m = _MAGNITUDE_AFTER.match(fold(clean(value)))
    scale = _unit_scale(unit) if m is not None else None
    if m is None or scale is None:
        return None
    unit_exp, base = scale
    tail = " ".join(re.sub(r"\s*/\s*", "/", m.group("tail")).split())
    base = re.sub(r"\s*/\s*", "/", base)
    if tail and not (tail == base or base.startswith((tail + " ", tail + "/"))):
        return None  # («8 triệu lượt» beside «Lượt khách»: the unit's head word, as the cell shortens it)
    exp = sum(_MAGNITUDES[w] for w in m.group("mag").split()) - unit_exp
    figures = []
    for fig in re.split(_RANGE_SEP, m.group("figs")):
        n = parse_number(fig)
        if n is None or n.ambiguous or n.percent:
            return None
        figures.append(format(n.value.scaleb(exp).normalize(), "f").replace(".", ","))
    direction = m.group("dir")
    return m.group("lead") + " - ".join(figures) + (f" {direction}" if direction else ""), exp


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
    estimate: bool = False  # written as an estimate («Ước 12.600», «ƯTH 11.800»): a document says «ước thực hiện»
    note: str = ""  # how each figure with a dot or comma read both ways was read («Ước 1.5»), for its warning
    as_read: str = ""  # with a note: the text with those figures written as read («Ước 1,5»), for a document

    @property
    def point(self) -> Decimal | None:
        """The single figure the cell gives ("18,37[2]", "Khoảng 24"), None for a bound or a range."""
        return self.bounds.value if self.bounds.op in ("=", "~") else None

    @property
    def approximate(self) -> bool:
        """A figure the cell gives as near, not as it is («Gần 595.000», «Khoảng 95%», «~95%», «Ước khoảng 12.600»):
        «gần 595.000» may be 594.300, so no ratio to plan nor change against another year is worked from it to a
        decimal the cell never wrote (rev19 N-3). An estimate alone («Ước 12.600», «3,2 (ước)») states its figure, as
        the «Ước thực hiện» column beside it does: not approximate."""
        return self.kind == "about" and (not self.estimate or _NEAR_WORD.search(fold(self.text)) is not None)


_NEARLY = re.compile(r"(?:^|\s)gan(?:\s+bang)?\s*[\d.,]")


def about_word(text: str) -> str:
    """The word a sentence gives a figure written as near it: «gần» where the cell says it is nearly reached («Gần
    595.000»: a little under it, never «khoảng», which may be over), else «khoảng» (rev18 R18-5)."""
    return "gần" if _NEARLY.search(fold(text)) else "khoảng"


_RESULT_MARKS = re.compile(r"\s*(?:\[\s*\d{1,2}\s*\]|\(\s*\*+\s*\)|\*+|\(\s*\d{1,2}\s*\))")
_RESULT_NOTE = re.compile(r"^(.*?\d\s*%?)\s*[(\[][^()\[\]]*[)\]]\s*$")
_CHANGE = re.compile(r"^(tang|giam)(?:\s+(?:them|duoc))?\s+(?=[\d.,~><≥≤]|tren|duoi|khoang|tu|hon|gan)")
# «giảm còn 3,5», «còn 3,5», «giảm xuống 3,5»: a level reached, not a change
_LEVEL = re.compile(r"^(?:(?:giam|tang)(?:\s+xuong)?\s+(?:con|len)|giam\s+xuong|con)\s+")
# Words that say a figure is an estimate, as tables write them (folded): «Ước», «Ước tính», «Ước đạt», «Ước thực
# hiện», «Ước TH», «ƯTH» (the real tables' header), «Dự kiến (đạt)»; optionally «đạt» and a «:» after them
# («Ước TH: 11.800»). Not before a year alone: «Ước thực hiện 2020», «ƯTH 2020», «ƯTH2020» are a column's header,
# repeated in it, never a figure.
ESTIMATE_WORDS = ("uoc thuc hien", "uoc tinh", "uoc dat", "uoc th", "uoc", "uth", "du kien thuc hien", "du kien")
_ESTIMATE = re.compile(r"^(?:%s)(?: dat)?\s*(?::\s*|\s)(?=[\d.,~><≥≤+\-−–]|tren|duoi|khoang|tang|giam|tu\b)"
                       r"(?!(?:19|20)\d\d\s*$)" % "|".join(map(re.escape, ESTIMATE_WORDS)))


# Results stated in words, as reports do for goals met or not ("Hoàn thành", "Đạt", "Chưa đạt").
_QUALITATIVE_RESULTS = ("dat", "khong dat", "chua dat", "co ban dat", "vuot", "hoan thanh", "da hoan thanh",
                        "chua hoan thanh", "co ban hoan thanh", "khong hoan thanh", "dang thuc hien", "dang trien khai",
                        "da trien khai", "chua trien khai", "dam bao", "chua dam bao", "tot", "kha", "trung binh", "xuat sac")
# The words among them that state the outcome against the plan, whole (folded, punctuation aside): the table's own
# judgement, which attainment takes as it is written («Chưa đạt» is a plan missed). «Cơ bản đạt», «đang thực hiện»
# and a grade («Tốt») say no outcome: they are not judged.
WORD_VERDICTS = {
    "vuot": "vuot", "vuot ke hoach": "vuot", "vuot chi tieu": "vuot", "vuot muc": "vuot", "vuot muc ke hoach": "vuot",
    "hoan thanh vuot ke hoach": "vuot", "hoan thanh vuot chi tieu": "vuot", "hoan thanh vuot muc": "vuot",
    "hoan thanh vuot muc ke hoach": "vuot", "dat": "dat", "da dat": "dat", "dat ke hoach": "dat", "dat chi tieu": "dat",
    "hoan thanh": "dat", "da hoan thanh": "dat", "hoan thanh ke hoach": "dat", "hoan thanh chi tieu": "dat",
    "khong dat": "khong_dat", "chua dat": "khong_dat", "khong dat ke hoach": "khong_dat",
    "chua dat ke hoach": "khong_dat", "chua dat chi tieu": "khong_dat", "chua hoan thanh": "khong_dat",
    "khong hoan thanh": "khong_dat", "chua hoan thanh ke hoach": "khong_dat",
}


_KH_WORD = re.compile(r"\bkh\b")


def word_verdict(text: str) -> str | None:
    """The status a result written in words states («Chưa đạt» -> "khong_dat», «Hoàn thành» -> "dat"), None for
    words that state none («Cơ bản hoàn thành», «Đang thực hiện»)."""
    if "?" in text:
        return None  # «Đạt?»: a question left by whoever compiled the table states nothing
    words = fold_words(text)
    return WORD_VERDICTS.get(_KH_WORD.sub("ke hoach", words) if "kh" in words else words)  # «Đạt KH» (rev11 D18)


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
    noted = False  # «95% (ước)», «12.600 (ước tính)»: the note says the figure is an estimate (rev15 R15-13)
    if m:
        noted = fold(work[len(m.group(1)):]).strip(" ()[]:") in ESTIMATE_WORDS
        work = m.group(1)
    key = fold(work)
    estimate = _ESTIMATE.match(key)
    if estimate:  # «Ước 12.600», «ƯTH: 11.800»: an estimate of the figure, read as «khoảng 12.600» is
        end = estimate.end()
        words = key[:end].rstrip()
        if fold(work[:len(words)]) != words:
            return None  # the words folded to another length (never for Vietnamese letters): read nothing
        work = work[end:]
        key = key[end:]
    change = ""
    m = _LEVEL.match(key) or _CHANGE.match(key)
    if m:
        change = "" if m.re is _LEVEL else m.group(1)
        n_words = len(m.group(0).split())
        work = (_LEADING_WORDS.get(n_words) or re.compile(r"^\s*(?:\S+\s+){%d}" % n_words)).sub("", work)
    reading = _parse_target_text(work)
    t = reading.target
    if t.op == "text" or t.value is None:
        if not any(map(str.isdigit, text)) and fold(text).startswith(_QUALITATIVE_RESULTS):
            return ResultReading(text, "qualitative", _target(text, "text"))
        return None
    op = "~" if (estimate or noted) and t.op == "=" else t.op
    note, as_read = (reading.note, _as_read(text, reading.numbers)) if reading.ambiguous else ("", "")
    return ResultReading(text, _RESULT_KINDS.get(op, "bound"), _target(text, op, t.value, t.high), change,
                         estimate is not None or noted, note, as_read)


_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")


def _as_read(text: str, numbers: tuple[ParsedNumber, ...]) -> str:
    """`text` with each of `numbers` that reads both ways («1.5», «11,650») written as it was read, in the
    Vietnamese way; the words, marks and notes around it as written."""
    read = {abs(n.value) for n in numbers if n.ambiguous}

    def one(m: re.Match) -> str:
        p = parse_number(m.group(0))
        return format_number(p.value) if p is not None and p.ambiguous and p.value in read else m.group(0)
    return _FIGURE.sub(one, text)


# The words "tăng", "giảm thêm", "giảm còn" … before the figure, by their number (1 or 2).
_LEADING_WORDS = {n: re.compile(r"^\s*(?:\S+\s+){%d}" % n) for n in (1, 2, 3)}
_RESULT_KINDS = {"=": "number", "~": "about", "range": "range"}


# --------------------------------------------------------------------------- plans written as a reduction

# The operator on a change's size read as the operator on the signed change: to fall by more than 5% is a
# change below -5.
_NEGATED_OPS = {"=": "=", "~": "~", ">": "<", ">=": "<=", "<": ">", "<=": ">="}


def signed_change(change: str, bounds: Target) -> Target:
    """A change written with its word («Tăng 7,5%», «Giảm trên 5%», «Giảm 5-7%») as the signed change it allows:
    a rise as written, a fall negated (above 5 -> below -5; 5–7 -> -7 – -5). The text is kept."""
    if change != "giam" or bounds.value is None:
        return bounds
    if bounds.op == "range":
        high = bounds.high if bounds.high is not None else bounds.value
        return _target(bounds.text, "range", -high, -bounds.value)
    return _target(bounds.text, _NEGATED_OPS[bounds.op], -bounds.value)


@lru_cache(maxsize=1 << 10)
def reduction_plan(value: str) -> Target | None:
    """A plan written as a fall in % («Giảm 5%», «Giảm trên 5%», «giảm 5-7%»): the size of the fall as written
    (op on the size: «trên 5%» is op ">" 5), None for anything else — a level reached («giảm còn 3,5%»), a fall
    without a % (whose unit is the row's: not a rate), words."""
    text = original = clean(value)
    if "%" not in text:
        return None
    text = average_yearly(text) or text  # «Giảm bình quân 1-1,5%/năm»: the fall of «Giảm 1-1,5%» each year
    key = fold(text)
    if _LEVEL.match(key):
        return None
    m = _CHANGE.match(key)
    if m is None or m.group(1) != "giam":
        return None
    rest = _LEADING_WORDS[len(m.group(0).split())].sub("", text)
    t = _parse_target_text(rest).target
    if t.op == "text" or t.value is None or t.value < 0 or "%" not in rest or "diem" in fold(rest):
        return None  # («giảm 1,5 điểm %»: a fall in points, not in %)
    return _target(original, t.op, t.value, t.high)


# The units of a change in points: «điểm %», «điểm phần trăm», «điểm», and «‰» (a rate per thousand falls by
# points of ‰: «giảm 0,2‰» of a birth rate is never a relative fall).
_POINTS = re.compile(r"\s*(?:diem(?:\s*(?:%|phan tram))?|‰)\s*$")


@lru_cache(maxsize=1 << 10)
def points_change(value: str) -> tuple[str, Target, str] | None:
    """A change written in points («Giảm 1 điểm %», «Tăng trên 2 điểm phần trăm», «Giảm 0,2‰»): («giam»|«tang»,
    the size as written: op on the size, «trên 2» is op ">" 2, its unit «điểm %», «‰» or «điểm»); None for
    anything else (a level, a change in %)."""
    text = clean(value)
    key = fold(text)
    if _LEVEL.match(key):
        return None
    m = _CHANGE.match(key)
    if m is None:
        return None
    rest = _LEADING_WORDS[len(m.group(0).split())].sub("", text)
    unit = _POINTS.search(fold(rest))
    if unit is None:
        return None
    t = _parse_target_text(rest[:unit.start()]).target if len(fold(rest)) == len(rest) else None
    if t is None or t.op == "text" or t.value is None or t.value < 0:
        return None
    said = unit.group(0)
    label = "‰" if "‰" in said else "điểm %" if "%" in said or "phan tram" in said else "điểm"
    return m.group(1), _target(text, t.op, t.value, t.high), label


# A plan's base named after it (folded): «… so với năm 2025», «(so với thực hiện năm 2025)», «so với năm trước»,
# «so với cùng kỳ (năm trước)», «so với TH 2025». Never «so với kế hoạch» or «so với dự toán»: another measure.
_BASE_CLAUSE = re.compile(
    r"\s*[,;]?\s*\(?\s*so voi\s+(?:(?:ket qua\s+)?(?:uoc\s+)?(?:thuc hien|uoc thuc hien|uth|th)\s+)?"
    r"(?:(?:nam|ca nam)\s+)?(?P<base>(?:19|20)\d\d|nam truoc|cung ky(?:\s+nam truoc)?|truoc)\s*\)?\s*\.?$")


@lru_cache(maxsize=1 << 10)
def named_base(value: str) -> tuple[str, int | None] | None:
    """A plan that names its base («Tăng 10% so với năm 2025»): (the plan before the clause, the year named, or
    None for «năm trước», «cùng kỳ»: the year before the plan's); None when the text names no base."""
    text = clean(value)
    key = fold(text)
    m = _BASE_CLAUSE.search(key)
    if m is None or m.start() == 0 or len(key) != len(text):
        return None
    base = m.group("base")
    return text[:m.start()].rstrip(" ,;("), (int(base) if base.isdigit() else None)


# A plan and its stretch target after it (folded): «6,5-7, phấn đấu 7-7,5» (Nghị quyết 158/2024/QH15's GDP target),
# «Trên 8 (phấn đấu 10)», «95%; phấn đấu đạt 97%»: a figure before the words, a figure after them.
_STRETCH = re.compile(r"^(?P<base>[^(;]*?\d[^(;]*?)\s*(?:[,;]\s*|\(\s*)phan dau(?:\s+dat)?\s+"
                      r"(?P<stretch>[^()]*\d[^()]*?)\s*\)?\s*\.?$")


def stretch_target(value: str) -> tuple[str, str] | None:
    """A plan written with its stretch target (the base target, then «phấn đấu» and the stretch): the two texts as
    written («6,5-7», «7-7,5»); None for any other text. Which of them is judged is the reader's to say (the base)."""
    text = clean(value)
    key = fold(text)
    m = _STRETCH.match(key) if "phan dau" in key else None
    if m is None or len(key) != len(text):
        return None
    return text[:m.end("base")].strip(), text[m.start("stretch"):m.end("stretch")].strip()


def plan_before_base(text: str) -> str:
    """The plan before the base it names («Giảm 5%» of «Giảm 5% so với năm 2025»); the text itself without one."""
    nb = named_base(text)
    return nb[0] if nb is not None else text


def is_change(text: str) -> bool:
    """Is the text a change with its figure («Tăng 10%», «Giảm trên 5%»), not a level («giảm còn 3%») nor words?"""
    key = fold(clean(text))
    return _LEVEL.match(key) is None and _CHANGE.match(key) is not None and any(map(str.isdigit, key))


# --------------------------------------------------------------------------- figures whose format hides a digit

# A figure a document prints is never further than this (a share of itself) from the value its cell holds: a `0%`
# format shows a plan of 3,5% as «4%», a rounding of a seventh (rev13 R3).
SHOWN_TOLERANCE = Decimal("0.01")
# The most decimals a change in points is printed with (docs.wording.growth_words)
POINTS_PLACES = 2
# The decimals a relative change is printed with (docs.wording.growth_words: «tăng 8,16%»)
GROWTH_PLACES = 2


def _order(a: Decimal, b: Decimal) -> int:
    return (a > b) - (a < b)


def _stated_ratio(figures: dict[str, Decimal], result: str, other: str) -> str | None:
    """The percentage a document states of `result` against `other` as it prints it: the ratio to plan
    (format_ratio) or the change against the previous year (GROWTH_PLACES decimals); None without one (a base of 0)."""
    base = figures[other]
    if base == 0:
        return None
    ratio = figures[result] / base * 100
    return format_ratio(ratio) if other == "target" else format_number(ratio - 100, GROWTH_PLACES)


def deciding_figures(shown: dict[str, Decimal], exact: dict[str, Decimal], points: bool = False) -> dict[str, Decimal]:
    """The figures of a row to print with more decimals than their cells' formats show, role -> figure (rev13 R3):
    a figure is never printed with fewer decimals than decide its verdict or its change.

    `shown`: role -> the figure the cell shows, of "target" (a point plan), "result", "previous"; `exact`: role -> the
    value the cell holds, for each cell whose format hides digits. The cells with hidden digits take the fewest more
    decimals (the same number more for each, up to the value's own) with which
      - each figure is within SHOWN_TOLERANCE of its value (a plan of 3,5% never reads «4%»);
      - result against plan and against the previous year compare as the values do (never «96%» beside «96%» and
        «không đạt», nor a ceiling of «4%» beside 3,8% and «không đạt»);
      - with `points` (a change stated in points: a rate), the change of the printed figures, at the decimals they
        show (at most POINTS_PLACES), is the values' change at POINTS_PLACES (0,5 points never «1 điểm %»);
      - without (an amount: a ratio to plan and a relative change are stated beside it), the ratio of the printed
        result to the printed plan reads as the values' (format_ratio: 73 beside a plan of 72,4 and «đạt 100,1%»,
        the ratio of the stored 72,5, is printed 72,5, rev16 R16-4) and so does the change against the previous year
        (GROWTH_PLACES decimals).
    Empty when the figures as shown already do: the common case."""
    hidden = {k: (shown[k], v, decimals_of(shown[k]), decimals_of(v)) for k, v in exact.items()
              if k in shown and v != shown[k]}
    if not hidden:
        return {}
    held = {**shown, **{k: h[1] for k, h in hidden.items()}}
    pairs = [("result", other) for other in ("target", "previous") if "result" in held and other in held]
    change = None
    if points and "result" in held and "previous" in held:
        change = _quantize(held["result"] - held["previous"], POINTS_PLACES)

    def fits(p: dict[str, Decimal]) -> bool:
        for k, (_, e, _, _) in hidden.items():
            if abs(p[k] - e) > abs(e) * SHOWN_TOLERANCE:
                return False
        if any(_order(p[a], p[b]) != _order(held[a], held[b]) for a, b in pairs):
            return False
        if not points and any(_stated_ratio(p, a, b) != _stated_ratio(held, a, b) for a, b in pairs):
            return False
        if change is not None:
            places = min(POINTS_PLACES, max(decimals_of(p["result"]), decimals_of(p["previous"])))
            if _quantize(change, places) != change or p["result"] - p["previous"] != _quantize(change, places):
                return False
        return True

    most = max(de - ds for _, _, ds, de in hidden.values())
    p = shown
    for extra in range(0, most + 1):
        p = {**shown, **{k: s if extra == 0 else _quantize(e, min(ds + extra, de)) for k, (s, e, ds, de) in hidden.items()}}
        if fits(p):
            break
    return {k: p[k] for k, (s, _, _, _) in hidden.items() if p[k] != s or decimals_of(p[k]) != decimals_of(s)}
