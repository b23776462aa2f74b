"""rev11 D26: a «Tỷ lệ … so với …» compares two figures (a ratio: 115% of the estimate is common), an enrolment rate
is published a little past 100; only a part of a whole is bounded to 0–100."""
from __future__ import annotations

from kh_excel.core.gate import check
from kh_excel.core.model import Grid
from kh_excel.core.table import parse_grid

HEAD = ["STT", "Chỉ tiêu", "ĐVT", "KH năm 2026", "Ước TH năm 2026", "Cơ quan chủ trì"]


def _findings(*rows):
    checked = check(parse_grid(Grid(sheet="Biểu 01", rows=[HEAD, *rows]), "t.xlsx"))
    return checked, [(f.code, f.severity, f.cell) for f in checked.findings if f.code.startswith("share")]


def test_a_ratio_against_a_plan_or_an_estimate_is_no_share():
    checked, found = _findings(["1", "Tỷ lệ thu ngân sách so với dự toán Trung ương giao", "%", 100, 115, "Sở Tài chính"],
                               ["2", "Tỷ lệ giải ngân vốn đầu tư công so với kế hoạch", "%", 95, 102, "Sở Tài chính"])
    assert found == [] and not checked.errors
    revenue, disbursed = checked.attainment.assessments
    assert (revenue.status, disbursed.status) == ("vuot", "vuot")  # 115 ≥ 100, 102 ≥ 95


def test_an_enrolment_rate_a_little_past_100_is_a_warning_far_past_it_an_error():
    checked, found = _findings(["1", "Tỷ lệ huy động trẻ 6 tuổi vào lớp 1", "%", 100, 100.2, "Sở Giáo dục và Đào tạo"],
                               ["2", "Tỷ lệ trẻ em 5 tuổi đi học mẫu giáo", "%", 99, 110, "Sở Giáo dục và Đào tạo"],
                               ["3", "Tỷ lệ nhập học đúng độ tuổi tiểu học", "%", 99, 112, "Sở Giáo dục và Đào tạo"])
    assert found == [("share_above_hundred", "warning", "E2"), ("share_above_hundred", "warning", "E3"),
                     ("share_out_of_range", "error", "E4")]


def test_a_share_past_100_is_still_an_error():
    _, found = _findings(["1", "Tỷ lệ đô thị hóa", "%", 40, 100.2, "Sở Xây dựng"],
                         ["2", "Tỷ lệ tăng thu ngân sách so với năm trước", "%", 10, 12, "Sở Tài chính"])
    assert found == [("share_out_of_range", "error", "E2")]
