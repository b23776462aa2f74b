"""A result written as an estimate («Ước 12.600», «Ước tính 95,5», «Dự kiến đạt 1.200») is that figure,
estimated: judged against the plan like «khoảng 12.600», never «số liệu lỗi»."""
from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest

from kh_excel.api import read_workbook
from kh_excel.core.gate import check
from kh_excel.core.numbers import parse_result_text


@pytest.mark.parametrize("text, value, change", [
    ("ước 12.600", Decimal("12600"), ""), ("Ước tính 95,5", Decimal("95.5"), ""),
    ("Dự kiến đạt 1.200", Decimal("1200"), ""), ("Ước tăng 8%", Decimal("8"), "tang"),
])
def test_an_estimate_reads_as_its_figure(text, value, change):
    r = parse_result_text(text)
    assert (r.bounds.value, r.change) == (value, change)
    if not change:
        assert (r.kind, r.point) == ("about", value)


@pytest.mark.parametrize("header", ["ƯTH 2020", "Ước thực hiện 2025", "Ước 2026", "Dự kiến 2026"])
def test_a_header_repeated_in_the_column_is_no_estimate(header):
    assert parse_result_text(header) is None


def test_an_estimate_is_judged_not_refused(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Cơ quan chủ trì"])
    ws.append(["1", "Tổng thu ngân sách trên địa bàn", "Tỷ đồng", 12000, "Ước 12.600", "Sở Tài chính"])
    ws.append(["2", "Số doanh nghiệp thành lập mới", "Doanh nghiệp", 1500, "Ước tính 1.350", "Sở Tài chính"])
    path = tmp_path / "uoc.xlsx"
    wb.save(path)
    checked = check(read_workbook(path))
    assert checked.errors == []
    got = {a.indicator.name: a for a in checked.attainment.assessments}
    assert got["Tổng thu ngân sách trên địa bàn"].status == "vuot"        # 12.600 / 12.000 = 105%
    assert got["Số doanh nghiệp thành lập mới"].status == "khong_dat"     # 1.350 / 1.500 = 90%
    assert any("ước tính" in f.message for f in checked.findings if f.row == 2)
