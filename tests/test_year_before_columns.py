"""A column of the same period a year before that names no year («TH cùng kỳ năm trước», «Cùng kỳ», «Thực hiện năm
trước») or names it without «thực hiện» («Cùng kỳ năm 2025») is the previous figure, never the result (rev11 D23).

Before: «KH năm 2026 | Ước TH 9 tháng năm 2026 | TH cùng kỳ năm trước» read the year before's 16.500 as the result
(the report stated last year's figures as this year's); «Cùng kỳ năm 2025» was dropped silently (no growth). Figures
below are decided by hand: 17.800 this year, 16.500 a year before."""
from __future__ import annotations

import pytest

from kh_excel.api import read_workbook
from kh_excel.core.model import Grid


def _read(heads, values):
    return read_workbook(Grid(sheet="B", rows=[["CHỈ TIÊU 9 THÁNG NĂM 2026"],
                                               ["STT", "Chỉ tiêu", "ĐVT", *heads, "Cơ quan chủ trì"],
                                               ["1", "Thu ngân sách nhà nước", "Tỷ đồng", *values, "Sở Tài chính"]]),
                         file="x.xlsx")


@pytest.mark.parametrize("label", ["TH cùng kỳ năm trước", "Cùng kỳ năm trước", "Cùng kỳ năm 2025", "Cùng kỳ",
                                   "Thực hiện năm trước", "TH cùng kỳ năm 2025"])
@pytest.mark.parametrize("before", [False, True], ids=["right", "left"])
def test_the_year_before_is_the_previous_figure(label, before):
    heads = ["KH năm 2026", label, "Ước TH 9 tháng năm 2026"] if before else \
        ["KH năm 2026", "Ước TH 9 tháng năm 2026", label]
    values = [23500, 16500, 17800] if before else [23500, 17800, 16500]
    t = _read(heads, values)
    ind = t.indicators[0]
    assert (ind.result, ind.previous) == (17800, 16500)
    assert t.column_headers["result"] == "Ước TH 9 tháng năm 2026" and t.column_headers["previous"] == label


def test_a_year_before_alone_is_no_result():
    t = _read(["KH năm 2026", "TH cùng kỳ năm trước"], [23500, 16500])
    assert "result" not in t.columns and t.indicators[0].result is None
