"""A point plan whose Chiều cell says «Khoảng» is stated «khoảng 95%» wherever it is stated (rev11 D13): it is judged
within a margin (93,8 against 95 met), so a plan saying «đạt 95%» and a report calling 93,8 met contradicted each other.
A plan with no Chiều column, or one saying «Tăng», is stated as written. Expected texts decided by hand."""
from __future__ import annotations

import pytest

from kh_excel.api import read_workbook
from kh_excel.core.gate import check
from kh_excel.core.model import Grid
from kh_excel.docs import wording as W


def _row(chieu):
    head = ["STT", "Chỉ tiêu", "ĐVT", "Chiều", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Cơ quan chủ trì"]
    t = read_workbook(Grid(sheet="B", rows=[["CHỈ TIÊU NĂM 2026"], head,
                                            ["1", "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", chieu, 95, 93.8,
                                             "Bảo hiểm xã hội tỉnh"]]), file="x.xlsx")
    return check(t).attainment.assessments[0]


def test_about_from_the_chieu_column_is_said():
    a = _row("Khoảng")
    assert a.status == "dat"                          # 93,8 within the margin of 95
    assert W.target_words(a.indicator) == "khoảng 95%"
    assert W.appendix_target(a.indicator) == "khoảng 95"


@pytest.mark.parametrize("chieu", ["Tăng", ""])
def test_otherwise_the_plan_is_as_written(chieu):
    a = _row(chieu)
    assert W.target_words(a.indicator) == "95%" and W.appendix_target(a.indicator) == "95"
