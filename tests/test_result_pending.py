"""A result cell that says the figure is not there yet («Chưa đánh giá», «Đang tổng hợp», «Chưa thống kê», as
«Đang cập nhật», «Chưa có số liệu» always did) is no result: «Chưa có số liệu», with a warning quoting the cell, never
an error that refuses every document nor «số liệu lỗi» in one (rev15 R15-8). Marks («-», «…») are no result either,
without a warning; a verdict or a word of progress is not a placeholder."""
from __future__ import annotations

import pytest

from kh_excel.api import read_workbook
from kh_excel.core.gate import check
from kh_excel.core.model import Grid
from kh_excel.docs import wording as W

HEAD = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Thực hiện năm 2026", "Cơ quan chủ trì"]


def _checked(result):
    rows = [["1", "Tỷ lệ người dân có hồ sơ sức khỏe điện tử", "%", 90, result, "Sở Y tế"]]
    return check(read_workbook(Grid(sheet="B", rows=[["CÁC CHỈ TIÊU NĂM 2026"], HEAD, *rows]), file="x.xlsx"))


@pytest.mark.parametrize("result", ["Chưa đánh giá", "Đang tổng hợp", "Chưa có số liệu", "Đang cập nhật",
                                    "Chưa thống kê", "chưa đánh giá.", "ĐANG TỔNG HỢP"])
def test_words_saying_no_figure_yet_are_no_result(result):
    c = _checked(result)
    assert [f for f in c.findings if f.severity == "error"] == []
    assert [(f.code, f.cell, f.severity) for f in c.findings] == [("result_pending", "E3", "warning")]
    assert f"ghi «{result}»" in c.findings[0].message and "Hãy nhập một số" not in c.findings[0].message
    a = c.attainment.assessments[0]
    assert a.status == "chua_co_so_lieu"
    (e,) = W.items(c.attainment.assessments)
    assert e.result == "Tỷ lệ người dân có hồ sơ sức khỏe điện tử: chưa có số liệu (kế hoạch 90%)"


def test_a_mark_is_no_result_without_a_warning():
    c = _checked("-")
    assert c.findings == [] and c.attainment.assessments[0].status == "chua_co_so_lieu"


@pytest.mark.parametrize("result, status", [("Đang thực hiện", "khong_danh_gia"), ("Chưa đạt", "khong_danh_gia")])
def test_other_words_are_not_placeholders(result, status):
    c = _checked(result)
    assert "result_pending" not in {f.code for f in c.findings}
    assert c.attainment.assessments[0].status == status
