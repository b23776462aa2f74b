"""core.numbers made faster (issue 14) reads and writes exactly what it did: every public function
and the private fast paths, compared with the code as it was (tests/numbers_reference.py) on random
and realistic values, and on every cell of the sample and real workbooks and of the 10,000-row table."""
from __future__ import annotations

import datetime as dt
import sys
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import fixture_books as fb
import numbers_reference as ref
from helpers import DATA, ROOT
from kh_excel.core import numbers as new
from kh_excel.core.model import ErrorValue, Target

# --------------------------------------------------------------------------- comparing


def flat(x):
    """A value of either module as plain data: Decimals by their text (exponent and sign of zero
    included), readings field by field, so that the two modules' classes compare."""
    if isinstance(x, Decimal):
        return ("D", str(x))
    if isinstance(x, (new.ParsedNumber, ref.ParsedNumber)):
        return ("P", flat(x.value), x.was_text, x.ambiguous, x.note, x.percent, flat(x.exact))
    if isinstance(x, Target):
        return ("T", x.text, x.op, flat(x.value), flat(x.high), x.is_numeric)
    if isinstance(x, (new.TargetReading, ref.TargetReading)):
        return ("R", flat(x.target), tuple(map(flat, x.numbers)), flat(x.number), x.ambiguous, x.note,
                tuple(map(flat, x)))
    if isinstance(x, (new.ResultReading, ref.ResultReading)):
        return ("RR", x.text, x.kind, flat(x.bounds), x.change, flat(x.point))
    if isinstance(x, tuple):
        return tuple(map(flat, x))
    assert x is None or isinstance(x, (str, int, bool)), type(x)
    return x


def outcome(fn, *args):
    """What a call gives: its value as plain data, or the exception's type and message."""
    try:
        return flat(fn(*args))
    except Exception as exc:  # noqa: BLE001 - the two must raise alike, whatever they raise
        return ("raises", type(exc).__name__, str(exc))


def same(name: str, *args) -> None:
    """new.name(*args) gives what ref.name(*args) gives, caches bypassed."""
    old_fn, new_fn = getattr(ref, name), getattr(new, name)
    old_fn = getattr(old_fn, "__wrapped__", old_fn)
    new_fn = getattr(new_fn, "__wrapped__", new_fn)
    assert outcome(new_fn, *args) == outcome(old_fn, *args), (name, args)


def same_cell(value, fmt=None) -> None:
    """Everything a reader asks of one cell."""
    same("parse_number", value, fmt)
    same("parse_target_ex", value, fmt)
    same("parse_target", value, fmt)
    same("target_ambiguity", value, fmt)
    if isinstance(value, str):
        same("parse_result_text", value)
        same("_parse_target_text", value)


# --------------------------------------------------------------------------- strategies

FORMATS = ["General", "@", "0", "0.0", "0.00", "0.000", "#,##0", "#,##0.0", "#,##0.00", "0%", "0.0%", "0.00%",
           "#,##0.0;[Red]-#,##0.0", '0.0" tỷ"', "0.0E+00", "dd/mm/yyyy", "h:mm", "[h]:mm:ss", "mm:ss.0",
           '_-* #,##0.00\\ _₫_-;\\-* #,##0.00\\ _₫_-;_-* "-"??\\ _₫_-;_-@_-',
           '_-* #,##0\\ _₫_-;\\-* #,##0\\ _₫_-;_-* "-"??\\ _₫_-;_-@_-', '#,##0.0_);(#,##0.0)', "0.0000000000%",
           "0." + "0" * 30, "0." + "0" * 40, "", ";;;", "#,##0.?", "?/?", "\\0.0", '"%"0.0']
formats = st.none() | st.sampled_from(FORMATS) | st.text(alphabet='0#?.,%;@"[]\\_*-Ee+ yYmMdDhHsS/Genral', max_size=12)

realistic_floats = st.builds(lambda d, k: round(float(d), k), st.decimals(-10**13, 10**13, places=4,
                                                                          allow_nan=False), st.integers(0, 4))
odd_floats = st.sampled_from([0.1 + 0.2, 1 / 3, 2 / 3, 1e15, -1e15, 1e15 - 1, 1e16, 123456789012345.6,
                              1234567890123456.0, 0.30000000000000004, 5e-324, 1e-5, 1e-4, 0.00012, 1e21,
                              9.999999999999999e20, 1e20, 1e300, -0.0, 0.0, 2.5, 0.5, 1.005, 276.028, 0.125,
                              float("nan"), float("inf"), -float("inf")])
floats = st.floats() | realistic_floats | odd_floats
ints = st.integers() | st.integers(-10**22, 10**22) | st.sampled_from([0, 1, -1, 10**21 - 1, 10**21, -10**21, 2**63])
decimals = (st.decimals() | st.decimals(places=3, allow_nan=False, allow_infinity=False)
            | st.sampled_from([Decimal("1E+3"), Decimal("-0.00"), Decimal("93.00"), Decimal("1E+100"), Decimal("1E-30"),
                               Decimal("sNaN"), Decimal("-0E+5"), Decimal("9" * 40), Decimal("0.1" + "0" * 40)]))
other_cells = st.sampled_from([None, True, False, ErrorValue("#DIV/0!"), ErrorValue("#N/A"), dt.datetime(2026, 1, 31),
                               dt.date(2025, 6, 30), b"12", [1], object])

SIGNS = ["", "", "-", "+", "\u2212", "\u2013", "\u2010", "\uff0d", "- "]
SPACES = ["", "", " ", "  ", "\u00a0", "\u202f", "\t", "\n", "\x1c", "\u200b", "\ufeff", "\u3000"]


@st.composite
def number_texts(draw) -> str:
    """Numbers written as people write them: grouped either way, decimals, %, signs, odd spaces."""
    digits = draw(st.integers(0, 10**draw(st.integers(1, 22))))
    body = str(digits)
    how = draw(st.sampled_from(["plain", "dot", "space", "comma", "nbsp", "bad"]))
    if how != "plain":
        sep = {"dot": ".", "space": " ", "comma": ",", "nbsp": "\u00a0", "bad": draw(st.sampled_from([".", ","]))}[how]
        groups = []
        while len(body) > 3:
            groups.insert(0, body[-3:])
            body = body[:-3]
        groups.insert(0, body)
        if how == "bad" and len(groups) > 1:
            groups[-1] = groups[-1][:draw(st.integers(1, 3))]
        body = sep.join(groups)
    if draw(st.booleans()):
        frac = draw(st.text(alphabet="0123456789", min_size=1, max_size=draw(st.sampled_from([2, 3, 4, 25]))))
        body += draw(st.sampled_from([",", ",", ".", ", "])) + frac
    if draw(st.integers(0, 9)) == 0:
        body = draw(st.sampled_from(["", "0", ".", ","])) + body
    text = draw(st.sampled_from(SIGNS)) + body
    if draw(st.integers(0, 3)) == 0:
        text += draw(st.sampled_from(["%", " %", "\u00a0%", "%%", " % "]))
    text = draw(st.sampled_from(SPACES)) + text + draw(st.sampled_from(SPACES))
    if draw(st.integers(0, 9)) == 0:
        text = text.replace("1", "\u0661")  # an Arabic-Indic digit: str.isdigit, not [0-9]
    return text


OPS = [">", ">=", "≥", "≧", "⩾", "≤", "<", "<=", "=", "~", "≈", "～", "＞", "≮", "≠", "trên", "Trên", "từ", "Từ",
       "tối thiểu", "Tối thiểu là", "không dưới", "không thấp hơn", "dưới", "tối đa", "không vượt quá", "khoảng",
       "Khoảng", "xấp xỉ", "bằng", "hơn", "ít nhất"]
FILLERS = ["", "", "Phấn đấu đạt", "Đạt", "đạt", "Tăng", "Giảm", "tăng thêm", "Giảm còn", "ở mức", "Mức",
           "Phấn đấu đạt mức"]
AFTERS = ["", "", "%", " %", " điểm %", " điểm phần trăm", " phần trăm", " trở lên", " trở xuống", " (*)", "*",
          " (tăng 10%)", "[2]", " so với năm 2025", " bậc", " lượt"]


@st.composite
def target_texts(draw) -> str:
    """Targets and results as the tables write them: operators in words and symbols, ranges, notes."""
    a = draw(number_texts()).strip() if draw(st.booleans()) else str(draw(st.integers(0, 200000)))
    if draw(st.integers(0, 3)) == 0:
        b = str(draw(st.integers(0, 300)))
        core = draw(st.sampled_from(["{a} - {b}", "{a}-{b}", "từ {a} đến {b}", "{a} – {b}", "{a}÷{b}", "trong khoảng {a} - {b}",
                                     "{a}...{b}", "{a} tới {b}", "khoảng {a}-{b}"])).format(a=a, b=b)
    else:
        op = draw(st.sampled_from([""] + OPS))
        core = f"{op}{draw(st.sampled_from(['', ' ', '  ']))}{a}"
    text = " ".join(w for w in (draw(st.sampled_from(FILLERS)), core) if w) + draw(st.sampled_from(AFTERS))
    form = draw(st.sampled_from(["nfc", "nfc", "nfd", "tcvn3", "upper", "zw"]))
    if form == "nfd":
        text = unicodedata.normalize("NFD", text)
    elif form == "tcvn3":
        text = fb.tcvn3(text)
    elif form == "upper":
        text = text.upper()
    elif form == "zw":
        text = text.replace(" ", " \u200b", 1)
    return draw(st.sampled_from(SPACES)) + text + draw(st.sampled_from(SPACES))


REAL_TEXTS = [">10", ">90000", ">95", "≥ 95", "≥95%", "Tăng 3 bậc so với năm 2025", "khoảng 32", "130 - 140", "155.000",
              "8,2", "91.500", "95,3", "1,234", "1.5", "70.2", "1,234.5", "0,125", "≥ 95% (*)", "2.500 (tăng 10%)",
              "Trên 4", "61-62", "18,37[2]", "0,86% (còn 4,17%)", "Hoàn thành", "Đạt", "Chưa đạt", "Giảm 2,5-3",
              "giảm còn 3,5", "Khoảng 24", "Tăng thêm 5%", "-", "…", "đang cập nhật", "x", "", "  ", "≠ 5",
              "Giảm 0,5 điểm %", "Từ 5 trở lên", "5 trở xuống", "trên 10 trở lên", "tối đa 3 trở lên", "<= 2,5",
              "Không quá 10", "Tối thiểu 70%", "xấp xỉ 100", "1 234 567,5", "−1,32", "12\u00a0500", "Top 10",
              unicodedata.normalize("NFD", "Tăng 3 bậc"), fb.tcvn3("Khoảng 24"), "≮5", "～7", "０.５", "٣"]

# Texts at the edges of the plain-text fast path: 21 and 22 characters, 21 and 22 digits, 20 and 21 decimals.
EDGE_TEXTS = ["9" * 21, "9" * 22, "1" + "0" * 20, "1" + "0" * 21, "-" + "9" * 20, "-" + "9" * 21, "0," + "0" * 19 + "1",
              "0," + "0" * 20 + "1", "0," + "0" * 25, "999.999.999.999.999", "999.999.999.999.999.999",
              "999.999.999.999.999.999.999", "1.000.000.000.000.000.000.000", "99%", "9" * 20 + "%", "9" * 21 + "%",
              "0000000000000000000001", "1,234", "01,234", "999,999", "1000,123", "1.234,567", "-0", "-0,00", "+0,5",
              "0", "00", "0,0", "1.234.56", "1.23", "12.3456", "1.2345,6", "123,", ",5", "-,5", "1 234", "1\t%"]


@pytest.mark.parametrize("text", EDGE_TEXTS)
def test_edge_texts_read_as_before(text):
    same_cell(text)
    same_cell(" " + text + "\n")


def test_text_led_by_any_letter_is_not_a_number_as_before():
    """parse_number turns prose away on its first letter: for every letter of Unicode, as the full
    reading (NFC, which can compose the letter with a following mark) did."""
    import sys as _sys
    letters = [chr(cp) for cp in range(_sys.maxunicode + 1) if chr(cp).isalpha()]
    assert len(letters) > 100_000
    for c in letters:
        for text in (c + "5", " " + c + "\u0301" + "12,5"):
            assert new.parse_number(text) is None and ref.parse_number(text) is None, hex(ord(c))


# --------------------------------------------------------------------------- properties


@settings(max_examples=600)
@given(floats | ints | decimals | other_cells, formats)
@example(276.028, '0.0')
@example(0.5, '0%')
@example(-0.001, '0.00')
@example(1e20, '0.0000000000%')
@example(93.0, '0.00')
@example(0.125, '0.00%')
@example(14.97, '#,##0.0')
@example(1e15, '#,##0.00')
def test_numeric_cells_read_as_before(value, fmt):
    same_cell(value, fmt)


@settings(max_examples=600)
@given(number_texts() | target_texts() | st.sampled_from(REAL_TEXTS) | st.text(max_size=30), formats)
def test_text_cells_read_as_before(text, fmt):
    same_cell(text, fmt)


@settings(max_examples=500)
@given(st.text(alphabet="0123456789.,-+% \t\u00a0\x1c\u2212", max_size=25))
def test_number_like_texts_read_as_before(text):
    same_cell(text)


@settings(max_examples=400)
@given(floats | ints | decimals | st.sampled_from([True, "12,5", "abc", None]),
       st.none() | st.integers(-1, 8) | st.sampled_from([0, 1, 2, 31, 32, 40]))
def test_numbers_written_as_before(value, places):
    same("format_number", value, places)
    same("format_percent", value, places)
    same("format_ratio", value, places)
    same("to_decimal", value)
    same("decimals_of", value)


@settings(max_examples=400)
@given(decimals | floats.map(lambda f: Decimal(f) if f == f and abs(f) != float("inf") else Decimal(0)),
       st.integers(0, 40) | st.integers(-2, 200))
def test_quantize_as_before(d, places):
    same("_quantize", d, places)
    same("_quantize", d, places, "ROUND_HALF_EVEN")


positive = st.decimals(allow_nan=False, allow_infinity=False) | st.sampled_from([Decimal(10), Decimal(1), Decimal("0.1"), Decimal(
    "1000"), Decimal("0.01"), Decimal(0), Decimal("1E+27"), Decimal("1E-27")])


@settings(max_examples=400)
@given(st.none() | positive, st.none() | positive, st.sampled_from([ref.FAR_OFF_FACTOR, ref.IMPLAUSIBLE_FACTOR, 10, 2.5]))
@example(Decimal(10), Decimal(1), ref.FAR_OFF_FACTOR)
@example(Decimal(1), Decimal(10), ref.FAR_OFF_FACTOR)
@example(Decimal(1), Decimal(100), ref.IMPLAUSIBLE_FACTOR)
def test_far_apart_as_before(a, b, factor):
    assert outcome(new.far_apart, a, b) == outcome(ref.far_apart, a, b)
    new_factor = (new.FAR_OFF_FACTOR if factor is ref.FAR_OFF_FACTOR else
                  new.IMPLAUSIBLE_FACTOR if factor is ref.IMPLAUSIBLE_FACTOR else factor)
    assert outcome(new.far_apart, a, b, new_factor) == outcome(ref.far_apart, a, b, factor)


@settings(max_examples=400)
@given(floats)
def test_floats_convert_as_before(f):
    same("_plain_float", f)
    same("_float_to_decimal", f)


@given(formats)
def test_formats_read_as_before(fmt):
    same("excel_decimals", fmt)
    same("excel_is_percent", fmt)


def test_cached_and_uncached_readings_agree():
    """The caches hold what a fresh call computes (an lru_cache over a wrong key would not)."""
    for text in REAL_TEXTS:
        assert flat(new.parse_target_ex(text)) == flat(ref.parse_target_ex(text)), text
        assert flat(new.parse_result_text(text)) == flat(ref.parse_result_text(text)), text
    equal_keys = [0.0, -0.0, 0, False, 1, 1.0, True, Decimal("1.0"), Decimal("1.00"), Decimal(1), 0.5, Decimal("0.50"),
                  Decimal("-0.0"), Decimal("0E+2"), float("nan"), float("nan")]
    for values in (equal_keys, equal_keys[::-1]):
        new._numeric_target.cache_clear()
        for value in values:
            for fmt in (None, "0.00", "0%", "0.0%", "#,##0"):
                assert flat(new.parse_target_ex(value, fmt)) == flat(ref.parse_target_ex(value, fmt)), (value, fmt)


def test_readings_stay_frozen_and_equal():
    """The cheaper constructors build the same frozen dataclasses: equal, hashable, immutable."""
    import dataclasses
    p = new.ParsedNumber(Decimal("1.5"), True, percent=True)
    assert p == new.ParsedNumber(Decimal("1.5"), True, False, "", True, None) and hash(p) == hash(dataclasses.replace(p))
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.value = Decimal(2)
    t = new.parse_target_ex(14.97).target
    assert t == Target("14,97", "=", Decimal("14.97")) and hash(t) == hash(Target("14,97", "=", Decimal("14.97")))
    with pytest.raises(dataclasses.FrozenInstanceError):
        t.text = "x"
    assert [f.name for f in dataclasses.fields(Target)] == ["text", "op", "value", "high"]
    assert new.TargetReading(t) == new.TargetReading(t, ())


# --------------------------------------------------------------------------- workbooks


def _cells(path: Path):
    """(value, number format) of every cell of every sheet, and every indicator's raw figures."""
    from kh_excel.api import read_workbook
    from kh_excel.io.workbook import open_workbook
    book = open_workbook(path)
    for sheet in book.sheet_names:
        grid = book.grid(sheet)
        for r, row in enumerate(grid.rows):
            for c, value in enumerate(row):
                if value is not None and value != "":
                    yield value, grid.number_formats.get((r, c))
    for ind in read_workbook(path).indicators:
        for value in ind.raw.values():
            yield value, None


def _distinct(cells) -> list:
    """Each (value, format) once: tables repeat their figures (1 and 1.0 and True kept apart)."""
    return list({(type(v), repr(v), f): (v, f) for v, f in cells}.values())


WORKBOOKS = sorted(p for d in ("samples", "real") for p in (DATA / d).iterdir() if p.suffix in (".xlsx", ".xls", ".ods"))


@pytest.mark.parametrize("path", WORKBOOKS, ids=lambda p: p.name)
def test_workbook_cells_read_as_before(path):
    cells = _distinct(_cells(path))
    for value, fmt in cells:
        same_cell(value, fmt)
    assert len(cells) > 100


def test_ten_thousand_row_table_reads_as_before(tmp_path):
    """The benchmark's table (benchmarks/make_big.py from the sample's copy), each figure also under
    the formats real workbooks give their cells."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from make_big import build
    from kh_excel.api import read_workbook
    path = build(tmp_path / "big.xlsx", 10_000, DATA / "samples" / "chi_tieu_2026_lao_cai.xlsx")
    real_formats = [None, "#,##0.0", "0.0", "#,##0", "0.00", "0%", FORMATS[19], FORMATS[20]]
    indicators = read_workbook(path).indicators
    assert len(indicators) > 9000
    cells = _distinct((ind.raw.get(role), real_formats[k % len(real_formats)])
                      for k, ind in enumerate(indicators) for role in ("target", "result", "previous"))
    assert len(cells) > 3000
    for value, fmt in cells:
        same_cell(value, fmt)
        if isinstance(value, float):
            same("format_number", value, None)
            same("format_number", ref.parse_number(value).value, 1)


def test_float_cells_read_once_per_value_as_before():
    """parse_number keeps one reading per float for cells without a format (and "General", which reads
    the same): equal keys (0.0 and -0.0), a NaN, odd floats and the same float under a real format, in
    either order, read as the reference reads each of them fresh."""
    values = [0.0, -0.0, 1.0, -1.0, 0.1 + 0.2, 1e-05, 1e15, 1e16, 1e21, 5e-324, 276.028, float("nan"), float("inf"),
              -float("inf"), 100.0, 93.0]
    for order in (values, values[::-1]):
        new._float_number.cache_clear()
        for value in order:
            for fmt in (None, "General", "0.00", "0%", None):
                assert flat(new.parse_number(value, fmt)) == flat(ref.parse_number(value, fmt)), (value, fmt)
                assert flat(new.parse_target_ex(value, fmt)) == flat(ref.parse_target_ex(value, fmt)), (value, fmt)


@settings(max_examples=300)
@given(st.lists(floats, min_size=1, max_size=20), st.sampled_from([None, "General"]))
def test_float_cache_keeps_fresh_readings(values, fmt):
    new._float_number.cache_clear()
    for value in values + values:
        assert flat(new.parse_number(value, fmt)) == flat(ref.parse_number(value, fmt)), value
