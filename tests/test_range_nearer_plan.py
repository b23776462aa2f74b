"""A range of results is weighed as a single figure is (rev7 n/f1.xlsx row 14): «61.500-62.000» beside a plan of 61,5
(nghìn ha) was read 61.500–62.000 and judged «Vượt» with no warning, where a bare «61.500» beside 61,5 is read 61,5
and warned. Each bound is weighed as a single figure (core.table._nearer_reading), the range read the other way only
when both bounds are, and warned as the single figure is. Expected values decided by hand from the figures."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

from kh_excel.api import read_workbook
from kh_excel.core.gate import check
from kh_excel.core.model import Grid, Target
from kh_excel.core.numbers import parse_number
from kh_excel.core.table import _nearer_reading


def _checked(result, plan, unit="Nghìn ha", name="Diện tích rừng"):
    rows = [["CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026"],
            ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Cơ quan chủ trì"],
            ["1", name, unit, plan, result, "Sở Nông nghiệp và Môi trường"]]
    return check(read_workbook(Grid(sheet="Chỉ tiêu", rows=rows)))


def _bounds(c):
    b = c.table.indicators[0].result_reading.bounds
    return b.value, b.high


def _ambiguous(c):
    return [f.message for f in c.findings if f.code == "ambiguous_decimal"]


def test_the_f1_range_reads_as_its_single_figure_does_and_is_warned():
    single = _checked("61.500", 61.5)
    assert single.table.indicators[0].result == Decimal("61.5") and len(_ambiguous(single)) == 1
    c = _checked("61.500-62.000", 61.5)
    assert _bounds(c) == (Decimal("61.5"), Decimal("62"))
    assert _ambiguous(c) == [
        "Ô E3 (Thực hiện): “61.500-62.000” có thể là 61.500 – 62.000 (dấu chấm phân cách hàng nghìn) hoặc 61,5 – 62 "
        "(dấu chấm thập phân kiểu tiếng Anh); so với kế hoạch 61,5, chương trình hiểu là 61,5 – 62, đề nghị kiểm tra "
        "lại và ghi theo quy ước Việt Nam."]
    # 61,5 to 62 against a plan of 61,5: every value meets it (it read «Vượt» on 61.500 to 62.000, a thousand times)
    assert c.attainment.assessments[0].status == "dat"


@pytest.mark.parametrize("text,plan,bounds", [
    ("Từ 61.500 đến 62.000", 61.5, ("61.5", "62")),              # in words: the same two figures
    ("Khoảng 61.500 - 62.000", 61.5, ("61.5", "62")),
    ("11,000-11,650", 11280, ("11000", "11650")),                 # English thousands commas beside 11.280
])
def test_ranges_in_other_writings_are_weighed_alike(text, plan, bounds):
    c = _checked(text, plan)
    assert _bounds(c) == tuple(Decimal(b) for b in bounds)
    assert len(_ambiguous(c)) == 1 and "chương trình hiểu là" in _ambiguous(c)[0]


def test_a_range_the_convention_reads_nearer_the_plan_stays_unwarned():
    c = _checked("61.500-62.000", 61000)                        # thousands beside a plan in thousands
    assert _bounds(c) == (Decimal("61500"), Decimal("62000")) and _ambiguous(c) == []


def test_a_range_whose_bounds_would_read_differently_is_never_read_half_each_way():
    """Plan 10: «2.000» alone would read 2 (within ten times the plan), «200.000» alone stays 200.000 (200 is twenty
    times the plan): read half each way the range would be 2–200.000. It stays as written, 2.000–200.000."""
    assert _nearer_reading(parse_number("2.000"), "2.000", Target("10", "=", Decimal(10))).value == 2
    assert _nearer_reading(parse_number("200.000"), "200.000", Target("10", "=", Decimal(10))).value == 200000
    c = _checked("2.000-200.000", 10, unit="Điểm", name="Chỉ số X")
    assert _bounds(c) == (Decimal("2000"), Decimal("200000")) and _ambiguous(c) == []


FIGURE = st.tuples(st.integers(1, 999), st.integers(0, 999))


@given(FIGURE, FIGURE, st.sampled_from([".", ","]), st.decimals(min_value=Decimal("0.1"), max_value=Decimal(10**6),
                                                               places=1))
def test_a_range_is_read_the_other_way_exactly_when_each_bound_alone_is(low, high, sep, plan):
    """Each bound of «a.bbb-c.ddd» read alone beside the plan (a single figure's rule): the range takes both those
    readings when both bounds are read against the convention, otherwise as the convention reads it."""
    texts = [f"{h}{sep}{t:03d}" for h, t in (low, high)]
    target = Target(str(plan), "=", plan)
    singles = [_nearer_reading(parse_number(t), t, target) for t in texts]
    from kh_excel.core.numbers import parse_result_text
    from kh_excel.core.table import _nearer_result
    rr = parse_result_text(f"{texts[0]}-{texts[1]}")
    if rr is None or rr.kind != "range":
        return  # (two equal figures are no range)
    got = _nearer_result(rr, target)
    convention = [parse_number(t).value for t in texts]
    switched = [s.value != c for s, c in zip(singles, convention)]
    if all(switched):  # (the bounds low to high, whichever the text writes first)
        assert (got.bounds.value, got.bounds.high) == tuple(sorted(s.value for s in singles))
        assert "chương trình hiểu là" in got.note and got.as_read == f"{texts[0]}-{texts[1]}".replace(
            texts[0], _fmt(singles[0].value), 1).replace(texts[1], _fmt(singles[1].value), 1)
    else:
        assert (got.bounds.value, got.bounds.high) == (rr.bounds.value, rr.bounds.high) and got.note == rr.note


def _fmt(v):
    from kh_excel.core.numbers import format_number
    return format_number(v)
