"""rev22 R22-10, R22-11: published targets refused as errors, and with them the whole plan.

R22-10: a magnitude word after the figure in a plan cell («Trên 8 triệu» under «Lượt khách», Lào Cai 2024; «1,2 tỷ USD»; «3,1 triệu
tỷ») was «không phải là số». The word scales the figure by what the row's unit does not already carry; the documents
write the plan as the cell does; where the scale cannot be said in the unit, the plan is words (a warning).
R22-11: a range with «trở lên» / «≥» («10 - 10,5 trở lên», Cần Thơ 2026) was refused. It is the floor at the range's
bottom (a ceiling at its top for «Dưới 4 - 4,5», «Tối đa 3 - 3,5»), written as the cell writes it.

Each expected value decided by hand:
  «Trên 8 triệu», «Lượt khách»: 8 × 10^6 = 8.000.000, strictly above; result 8.200.000 > 8.000.000 → dat.
  «Trên 8 triệu lượt», «Lượt khách»: the same floor («lượt» is the unit's head word); 7.500.000 ≤ 8.000.000 → khong_dat.
  «1,2 tỷ USD», «Triệu USD»: 1,2 × 10^9 / 10^6 = 1.200; result 1.250 / 1.200 = 104,2% → vuot.
  «3,1 triệu tỷ», «Tỷ đồng»: 3,1 × 10^6 × 10^9 / 10^9 = 3.100.000; 3.000.000 < 3.100.000 → khong_dat.
  «8 triệu», «Triệu USD»: the unit carries the «triệu»: 8; result 8 → dat.
  «10 - 10,5% trở lên», «%»: floor 10; 10,2 ≥ 10 → dat.   «≥ 10 - 10,5»: floor 10; 9,8 < 10 → khong_dat.
  «Dưới 4 - 4,5», «%» (Tỷ lệ thất nghiệp): ceiling 4,5, strict; 4,2 < 4,5 → dat.
  «Trên 8 triệu», «%»: no «triệu» of a per cent: words, a warning, never an error; not judged by a figure.
A result cell is not read by the rule: «11.650 nghìn» is the samples' designed error of a figure typed with words.
"""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kh_excel
from kh_excel.api import read_workbook
from kh_excel.core.gate import check
from kh_excel.core.model import Grid
from kh_excel.core.numbers import format_number, parse_target
from kh_excel.docs.wording import appendix_target, plan_sentence, result_brief

HEAD = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2025", "Thực hiện năm 2025", "Cơ quan chủ trì"]
FIRST = 4  # the sheet row of the first indicator
ROWS = [  # (name, unit, plan, result, op, value, status, the plan sentence)
    ("Tổng khách du lịch", "Lượt khách", "Trên 8 triệu", 8200000, ">", 8000000, "dat",
     "Tổng khách du lịch: đạt trên 8 triệu lượt khách"),
    ("Tổng lượt khách lưu trú", "Lượt khách", "Trên 8 triệu lượt", 7500000, ">", 8000000, "khong_dat",
     "Tổng lượt khách lưu trú: đạt trên 8 triệu lượt"),
    ("Kim ngạch xuất khẩu", "Triệu USD", "1,2 tỷ USD", 1250, "=", 1200, "vuot",
     "Kim ngạch xuất khẩu: đạt 1,2 tỷ USD"),
    ("Tổng sản phẩm trên địa bàn", "Tỷ đồng", "3,1 triệu tỷ", 3000000, "=", 3100000, "khong_dat",
     "Tổng sản phẩm trên địa bàn: đạt 3,1 triệu tỷ đồng"),
    ("Vốn đầu tư nước ngoài", "Triệu USD", "8 triệu", 8, "=", 8, "dat",
     "Vốn đầu tư nước ngoài: đạt 8 triệu USD"),
    ("Tốc độ tăng trưởng GRDP", "%", "10 - 10,5% trở lên", 10.2, ">=", 10, "dat",
     "Tốc độ tăng trưởng GRDP: đạt 10 - 10,5% trở lên"),
    ("Tăng trưởng kinh tế", "%", "≥ 10 - 10,5", 9.8, ">=", 10, "khong_dat",
     "Tăng trưởng kinh tế: đạt từ 10 - 10,5% trở lên"),
    ("Tỷ lệ thất nghiệp", "%", "Dưới 4 - 4,5", 4.2, "<", Decimal("4.5"), "dat",
     "Tỷ lệ thất nghiệp: còn dưới 4 - 4,5%"),
]


def _checked(rows):
    body = [[str(i), name, unit, plan, result, "Sở Tài chính"] for i, (name, unit, plan, result, *_r) in enumerate(rows, 1)]
    return check(read_workbook(Grid(sheet="Biểu", rows=[["CHỈ TIÊU NĂM 2025"], [], HEAD, *body])))


@pytest.fixture(scope="module")
def checked():
    return _checked(ROWS)


@pytest.mark.parametrize("i", range(len(ROWS)), ids=[r[2] for r in ROWS])
def test_published_target_is_read_judged_and_written_as_the_cell(checked, i):
    name, unit, plan, result, op, value, status, sentence = ROWS[i]
    ind = checked.table.indicators[i]
    assert (ind.target.op, ind.target.value) == (op, Decimal(value))
    assert ind.target.text == plan
    assert not [f for f in checked.findings if f.severity == "error" and f.row == FIRST + i]
    (a,) = [a for a in kh_excel.evaluate(checked.table).assessments if a.indicator.row == FIRST + i]
    assert a.status == status
    assert plan_sentence(ind).replace("\u00a0", " ") == sentence
    assert appendix_target(ind) == plan  # the appendix copies the cell


def test_no_rescaled_figure_in_any_sentence(checked):
    """The documents never write 8.000.000 or 3.100.000, which the resolution did not write; the result's own figure is
    written as read, the plan as the cell."""
    a = [a for a in kh_excel.evaluate(checked.table).assessments if a.indicator.row == FIRST][0]
    brief = result_brief(a).replace("\u00a0", " ")
    assert brief == "(thực hiện 8.200.000 lượt khách, kế hoạch trên 8 triệu lượt khách)"
    for ind in checked.table.indicators:
        assert "8.000.000" not in plan_sentence(ind) and "3.100.000" not in plan_sentence(ind)


def test_the_reading_of_a_scaled_figure_is_warned(checked):
    """A figure re-scaled to the unit is said at its cell, as «04/09» read as 4 is (the reading is the program's); «8
    triệu» beside «Triệu USD» (D8) is read as written, 8: nothing to say."""
    warned = {f.cell: f.message for f in checked.findings if f.code == "figure_scaled"}
    assert sorted(warned) == ["D4", "D5", "D6", "D7"]
    assert "trên 8.000.000" in warned["D4"] and "«Lượt khách»" in warned["D4"]
    assert "1.200" in warned["D6"] and "3.100.000" in warned["D7"]


def test_a_scale_the_unit_cannot_carry_is_words_never_an_error():
    """«Trên 8 triệu» under «%», «8 triệu USD» under «Lượt khách» (a word that is not the row's unit): the plan is
    words, a warning naming the cell; the plan is not refused and the row is not judged by a figure."""
    checked = _checked([("Tỷ lệ hộ nghèo", "%", "Trên 8 triệu", 3, *[None] * 4),
                        ("Tổng khách du lịch", "Lượt khách", "8 triệu USD", 8200000, *[None] * 4)])
    assert not [f for f in checked.findings if f.severity == "error"]
    assert [(f.code, f.cell) for f in checked.findings if f.code == "scale_not_unit"] == [("scale_not_unit", "D4"),
                                                                                          ("scale_not_unit", "D5")]
    assert [ind.target.op for ind in checked.table.indicators] == ["text", "text"]
    assert [a.status for a in kh_excel.evaluate(checked.table).assessments] == ["khong_danh_gia"] * 2


def test_a_result_with_its_magnitude_is_left_as_it_was():
    """Results are not read by the rule (yet): «11.650 nghìn» under «1000 lượt người» is the samples' example of a figure
    typed with words (tests/test_gate.py, test_core_samples.py); the plan beside it is read."""
    checked = _checked([("Tổng khách du lịch", "Lượt khách", "Trên 8 triệu", "8,3 triệu", *[None] * 4)])
    (ind,) = checked.table.indicators
    assert (ind.target.op, ind.target.value) == (">", Decimal(8000000))
    assert ind.result is None
    assert [f.cell for f in checked.findings if f.severity == "error"] == ["E4"]


@pytest.mark.parametrize("text, unit, read", [
    ("Trên 8 triệu", "Lượt khách", "tren 8000000"),
    ("1,2 tỷ USD", "Triệu USD", "1200"),                  # 1,2 × 1.000
    ("3,1 triệu tỷ đồng", "Tỷ đồng", "3100000"),          # 3,1 × 1.000.000
    ("500 nghìn", "Triệu đồng", "0,5"),                   # 500 / 1.000
    ("7 - 8 triệu lượt khách trở lên", "Lượt khách", "7000000 - 8000000 tro len"),
    ("Trên 8 triệu", "1.000 lượt người", "tren 8000"),    # 8.000.000 / 1.000
    # must NOT fire: no unit, a per cent, a word that is not the unit, a figure read two ways, no magnitude word
    ("Trên 8 triệu", "", None), ("Trên 8 triệu", "%", None), ("8 triệu USD", "Lượt khách", None),
    ("1.5 triệu", "Lượt khách", None), ("12 xã", "Xã", None), ("10 tỷ lệ", "Tỷ đồng", None),
])
def test_rescaled_figure(text, unit, read):
    from kh_excel.core.numbers import rescaled_figure
    assert rescaled_figure(text, unit) == read


def test_a_unit_that_carries_the_word_changes_nothing():
    """«155.000 tỷ đồng» beside «Tỷ đồng», «3.500 nghìn lượt» beside «Nghìn lượt» were read before (the row's unit after
    the figure): the same figure, no warning, the same sentence (value-based: «trên 155.000 tỷ đồng»)."""
    checked = _checked([("Vốn đầu tư", "Tỷ đồng", "Trên 155000 tỷ đồng", 160000, *[None] * 4),
                        ("Khách du lịch", "Nghìn lượt", "3.500 nghìn lượt", 3600, *[None] * 4),
                        # rev22 in/w34 (Bộ NN&MT 2026), refused before: the range 73–74 in the unit «Tỷ USD»
                        ("Kim ngạch xuất khẩu nông lâm thủy sản", "Tỷ USD", "Khoảng 73 - 74 tỷ USD", 73.5, *[None] * 4)])
    assert [(i.target.op, i.target.value, i.target.high) for i in checked.table.indicators] == [
        (">", 155000, None), ("=", 3500, None), ("range", 73, 74)]
    assert not [f for f in checked.findings if f.code in ("figure_scaled", "scale_not_unit") or f.severity == "error"]
    assert [plan_sentence(i).replace("\u00a0", " ") for i in checked.table.indicators[:2]] == [
        "Vốn đầu tư: đạt trên 155.000 tỷ đồng", "Khách du lịch: đạt 3.500 nghìn lượt"]


def test_a_ratio_word_is_no_magnitude():
    """«tỷ lệ», «tỷ trọng» after a figure are no «tỷ»: the cell stays what it was (an error of a figure with words)."""
    from kh_excel.core.numbers import magnitude_written
    assert not magnitude_written("10 tỷ lệ") and not magnitude_written("45 tỷ trọng")
    assert magnitude_written("Trên 8 triệu") and magnitude_written("3,1 triệu tỷ")


@pytest.mark.parametrize("text, op, value", [
    ("10 - 10,5 trở lên", ">=", "10"), ("10-10,5% trở lên", ">=", "10"), ("Từ 10 - 10,5 trở lên", ">=", "10"),
    ("≥ 10 - 10,5", ">=", "10"), ("Trên 10 - 10,5", ">", "10"), ("10,5 - 10 trở lên", ">=", "10"),
    ("Dưới 4 - 4,5", "<", "4.5"), ("Tối đa 3 - 3,5", "<=", "3.5"), ("4 - 4,5 trở xuống", "<=", "4.5"),
    ("Phấn đấu đạt 10 - 10,5% trở lên", ">=", "10"),
    # must NOT fire: a plain range stays a range; words that disagree are no figure
    ("10 - 10,5", "range", "10"), ("Từ 10 - 10,5", "range", "10"),
    ("Dưới 4 - 4,5 trở lên", "text", None), ("Khoảng 10 - 11 trở lên", "text", None),
])
def test_range_with_a_bound(text, op, value):
    t = parse_target(text)
    assert (t.op, t.value) == (op, None if value is None else Decimal(value))


@settings(max_examples=300, deadline=None)
@given(st.sampled_from([("{a} - {b} trở lên", ">="), ("{a}-{b}% trở lên", ">="), ("≥ {a} - {b}", ">="),
                        ("từ {a} - {b} trở lên", ">="), ("trên {a} - {b}", ">"), ("dưới {a} - {b}", "<"),
                        ("tối đa {a} - {b}", "<="), ("{a} - {b} trở xuống", "<=")]),
       st.decimals(min_value=0, max_value=10 ** 6, places=2, allow_nan=False),
       st.decimals(min_value=0, max_value=10 ** 6, places=2, allow_nan=False))
def test_property_a_range_with_a_bound_is_its_floor_or_ceiling(template, a, b):
    """Whatever the figures, a floor is the range's bottom, a ceiling its top, never a range nor words."""
    text = template[0].format(a=format_number(a), b=format_number(b))
    t = parse_target(text)
    assert t.op == template[1], text
    assert t.value == (min(a, b) if t.op in (">", ">=") else max(a, b)), text
    assert t.high is None
