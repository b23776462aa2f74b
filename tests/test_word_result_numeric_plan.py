"""A result written as a verdict word («Đạt», «Chưa đạt», «Hoàn thành») is the table's own judgement only against a
plan in words («Hoàn thành», «Đạt chuẩn NTM nâng cao»); against a numeric plan nobody knows whether the figure reached
it, so the row is «Không đánh giá», the reason quoting the word and the plan, and it is counted neither met nor
missed (rev15 R15-6: «Đạt» against 80% was counted «Đạt KH»). Expected texts decided by hand."""
from __future__ import annotations

import pytest

from kh_excel.api import read_workbook
from kh_excel.core.gate import check
from kh_excel.core.model import Grid

HEAD = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Thực hiện năm 2026", "Cơ quan chủ trì"]


def _checked(rows):
    t = read_workbook(Grid(sheet="B", rows=[["CÁC CHỈ TIÊU NĂM 2026"], HEAD, *rows]), file="x.xlsx")
    return check(t)


@pytest.mark.parametrize("unit, plan, result, said", [
    ("%", 80, "Đạt", "kết quả ghi bằng lời «Đạt», không có số để so với kế hoạch 80%"),
    ("Doanh nghiệp", 1200, "Chưa đạt", "kết quả ghi bằng lời «Chưa đạt», không có số để so với kế hoạch 1.200 doanh nghiệp"),
    ("%", "Trên 95%", "Hoàn thành", "kết quả ghi bằng lời «Hoàn thành», không có số để so với kế hoạch trên 95%"),
    ("Tỷ đồng", "Tăng 10%", "Vượt kế hoạch",
     "kết quả ghi bằng lời «Vượt kế hoạch», không có số để so với kế hoạch tăng 10%"),
])
def test_a_verdict_word_against_a_figure_is_not_judged(unit, plan, result, said):
    c = _checked([["1", "Chỉ tiêu thử", unit, plan, result, "Sở Tài chính"]])
    a = c.attainment.assessments[0]
    assert (a.status, a.ratio, a.reason) == ("khong_danh_gia", None, said)
    w = next(f.message for f in c.findings if f.code == "result_expression")
    assert "không đánh giá" in w and "Đạt KH" not in w and "Không đạt" not in w


def test_it_is_not_counted_among_the_met():
    # 4 rows: 13.000 vs 12.500 Vượt; «Đạt» vs 80% not judged; 1.100 vs 1.200 Không đạt; «Hoàn thành» vs «Hoàn
    # thành» Đạt (the table's verdict) -> 2 met of 3 judged, 1 not judged
    from kh_excel.docs import wording as W
    c = _checked([["1", "Tổng vốn đầu tư toàn xã hội", "Tỷ đồng", 12500, 13000, "Sở Tài chính"],
                  ["2", "Tỷ lệ trường đạt chuẩn quốc gia", "%", 80, "Đạt", "Sở Giáo dục và Đào tạo"],
                  ["3", "Số doanh nghiệp thành lập mới", "Doanh nghiệp", 1200, 1100, "Sở Tài chính"],
                  ["4", "Quy hoạch sử dụng đất cấp xã", "Quy hoạch", "Hoàn thành", "Hoàn thành",
                   "Sở Nông nghiệp và Môi trường"]])
    assert [a.status for a in c.attainment.assessments] == ["vuot", "khong_danh_gia", "khong_dat", "dat"]
    entries = W.items(c.attainment.assessments)
    assert [e.status for e in entries] == ["vuot", "khong_danh_gia", "khong_dat", "dat"]
    # the word quoted, never «đạt, kế hoạch 80%» (read as a verdict under «không đánh giá bằng số»)
    assert entries[1].result == "Tỷ lệ trường đạt chuẩn quốc gia: thực hiện ghi «Đạt», không có số để so với kế hoạch 80%"


@pytest.mark.parametrize("plan, result, status", [
    ("Hoàn thành", "Hoàn thành", "dat"),
    ("Đạt chuẩn nông thôn mới nâng cao", "Đạt", "dat"),
    ("Hoàn thành", "Chưa hoàn thành", "khong_dat"),
])
def test_against_a_plan_in_words_the_word_is_the_tables_verdict(plan, result, status):
    c = _checked([["1", "Xã Hòa Bình", "Xã", plan, result, "Sở Nông nghiệp và Môi trường"]])
    assert c.attainment.assessments[0].status == status
