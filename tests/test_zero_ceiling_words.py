"""«Không để xảy ra», «Không để phát sinh», «Không có» as the plan of a row that counts events or people (Vụ, Trường
hợp, Người) is a ceiling of 0, lower is better, as «0 vụ» is (rev15 R15-15: «Không để xảy ra» with 0 was «Không đánh
giá» while «0 vụ» with 0 was «Đạt KH»): 0 -> Đạt, 2 -> Không đạt, the plan worded as written. On a row that counts
nothing («Tỷ lệ …», %) the words state no figure: not judged. Expected values decided by hand."""
from __future__ import annotations

import pytest

from kh_excel.api import read_workbook
from kh_excel.core.gate import check
from kh_excel.core.model import Grid
from kh_excel.docs import wording as W

HEAD = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Thực hiện năm 2026", "Cơ quan chủ trì"]


def _checked(name, unit, plan, result):
    rows = [["1", name, unit, plan, result, "Sở Nông nghiệp và Môi trường"]]
    return check(read_workbook(Grid(sheet="B", rows=[["CÁC CHỈ TIÊU NĂM 2026"], HEAD, *rows]), file="x.xlsx"))


@pytest.mark.parametrize("name, unit, plan, result, status", [
    ("Cháy rừng nghiêm trọng", "Vụ", "Không để xảy ra", 0, "dat"),
    ("Cháy rừng nghiêm trọng", "Vụ", "Không để xảy ra", 2, "khong_dat"),
    ("Ngộ độc thực phẩm đông người", "Vụ", "Không để xảy ra ngộ độc đông người", 0, "dat"),
    ("Dịch bệnh nguy hiểm trên gia súc", "Ổ dịch", "Không để phát sinh", 1, "khong_dat"),
    ("Người chết do đuối nước trong trường học", "Người", "Không có", 0, "dat"),
])
def test_a_plan_that_nothing_happen_on_a_count_is_a_ceiling_of_zero(name, unit, plan, result, status):
    c = _checked(name, unit, plan, result)
    a = c.attainment.assessments[0]
    assert (a.status, a.ratio) == (status, None)
    assert a.reason == f"mục tiêu «{plan}»: không vượt quá 0, càng ít càng tốt"


def test_it_is_worded_as_written():
    c = _checked("Cháy rừng nghiêm trọng", "Vụ", "Không để xảy ra", 0)
    (e,) = W.items(c.attainment.assessments)
    # a burden «còn» 0 vụ (number and unit joined by a no-break space), the plan as the table writes it
    assert e.status == "dat" and e.result == "Cháy rừng nghiêm trọng: còn 0\u00a0vụ (mục tiêu không để xảy ra)"
    assert e.plan == "Cháy rừng nghiêm trọng: không để xảy ra"


@pytest.mark.parametrize("name, unit, plan", [
    ("Tỷ lệ hộ nghèo tái nghèo", "%", "Không để xảy ra"),        # a share: the words state no figure of it
    ("Diện tích rừng bị cháy", "Ha", "Không để xảy ra"),           # an area, not a count
    ("Số vụ cháy rừng", "Vụ", "Không có kế hoạch"),                # «không có» followed by words: no goal
])
def test_not_on_a_row_that_counts_nothing(name, unit, plan):
    c = _checked(name, unit, plan, 0)
    assert c.attainment.assessments[0].status == "khong_danh_gia"


def test_a_zero_ceiling_with_no_result_yet_has_no_figure():
    """rev17 N-2: «Không để xảy ra» beside «Chưa đánh giá» (or an empty cell) is «Chưa có số liệu», as check says,
    never «Không đánh giá / chỉ tiêu định tính»."""
    from kh_excel.api import read_workbook
    from kh_excel.core.gate import check
    from kh_excel.core.model import Grid
    grid = Grid("Biểu 01", [["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Thực hiện năm 2026", "Cơ quan chủ trì"],
                            ["1", "Số vụ cháy rừng", "Vụ", "Không để xảy ra", "Chưa đánh giá", "Sở Nông nghiệp và Môi trường"],
                            ["2", "Số vụ ngộ độc thực phẩm", "Vụ", "Không để xảy ra", None, "Sở Y tế"]])
    assert [a.status for a in check(read_workbook(grid, file="t.xlsx")).attainment.assessments] == \
        ["chua_co_so_lieu", "chua_co_so_lieu"]


def test_a_missed_zero_ceiling_is_listed_with_its_figure_and_its_goal():
    """rev17 N-4: the summary listed «(1) Số người chết do tai nạn giao thông» bare, while every other missed row
    carries its figures. 3 người against «Không để xảy ra»: «(thực hiện 3 người, mục tiêu không để xảy ra)»."""
    c = _checked("Số người chết do tai nạn giao thông", "Người", "Không để xảy ra", 3)
    (a,) = c.attainment.assessments
    assert a.status == "khong_dat"
    assert W.result_brief(a) == "(còn 3\u00a0người, mục tiêu không để xảy ra)"
    # a goal in words with a result in words has no figure to list: nothing is added
    c = _checked("Xây dựng trường chuẩn quốc gia", "Trường", "Hoàn thành", "Chưa hoàn thành")
    assert W.result_brief(c.attainment.assessments[0]) == ""
