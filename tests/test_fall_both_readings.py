"""rev11 D19: «Giảm 0,5%» of a rate in % may be 0,5 điểm % or 0,5% of last year's figure. Where both readings give
the same verdict the row is judged (as the values of a range are), the reason naming both; where they differ it is
not. Verdicts decided by hand from the figures."""
from __future__ import annotations

from kh_excel.core.gate import check
from kh_excel.core.model import Grid
from kh_excel.core.table import parse_grid

HEAD = ["STT", "Chỉ tiêu", "ĐVT", "TH năm 2025", "KH năm 2026", "Ước TH năm 2026", "Cơ quan chủ trì"]


def _one(previous, plan, result, name="Tỷ lệ hộ nghèo"):
    rows = [HEAD, ["1", name, "%", previous, plan, result, "Sở Nội vụ"]]
    (a,) = check(parse_grid(Grid(sheet="Biểu", rows=rows), "t.xlsx")).attainment.assessments
    return a


def test_both_readings_met_is_judged_and_says_both():
    a = _one(3.2, "Giảm 0,5%", 2.6)  # 0,6 điểm ≥ 0,5; 18,75% ≥ 0,5%
    assert a.status == "vuot"
    assert "0,6 điểm %" in a.reason and "18,75%" in a.reason and "cả hai cách" in a.reason


def test_both_readings_missed_is_not_met():
    a = _one(3.2, "Giảm 0,5%", 3.19)  # 0,01 điểm < 0,5; 0,31% < 0,5%
    assert a.status == "khong_dat"


def test_readings_that_disagree_stay_unjudged():
    a = _one(5.1, "Giảm 1%", 4.3)  # 0,8 điểm < 1 (không đạt); 15,69% ≥ 1% (vượt)
    assert a.status == "khong_danh_gia" and "điểm % hay" in a.reason


def test_exactly_met_one_way_and_passed_the_other_is_met():
    a = _one(5, "Giảm 1%", 4)  # 1 điểm = 1 (đạt); 20% > 1% (vượt): «đạt», as for a range
    assert a.status == "dat"


def test_no_figure_of_the_year_before_stays_unjudged():
    rows = [["STT", "Chỉ tiêu", "ĐVT", "KH năm 2026", "Ước TH năm 2026", "Cơ quan chủ trì"],
            ["1", "Tỷ lệ hộ nghèo", "%", "Giảm 0,5%", 2.6, "Sở Nội vụ"]]
    (a,) = check(parse_grid(Grid(sheet="Biểu", rows=rows), "t.xlsx")).attainment.assessments
    assert a.status == "khong_danh_gia"
