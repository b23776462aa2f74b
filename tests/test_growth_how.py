"""The growth_target warning says what attainment does with the row, never the opposite: a growth written in the
result cell («Tăng 12%») is judged even without a previous year's column; a figure with no previous year's figure
is not. Statuses and texts decided by hand."""
from __future__ import annotations

import openpyxl

from kh_excel.api import read_workbook
from kh_excel.core.attainment import evaluate
from kh_excel.core.gate import check

HEAD = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Thực hiện năm 2026", "Cơ quan chủ trì"]


def _rows(tmp_path, head, *rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(head)
    for r in rows:
        ws.append(r)
    wb.save(tmp_path / "t.xlsx")
    table = read_workbook(tmp_path / "t.xlsx")
    status = {a.indicator.name: a.status for a in evaluate(table).assessments}
    how = {f.indicator: f.message for f in check(table).findings if f.code == "growth_target"}
    return status, how


def test_without_a_previous_years_column(tmp_path):
    status, how = _rows(tmp_path, HEAD,
                        ["1", "Giá trị sản xuất công nghiệp", "Tỷ đồng", "Tăng 8%", "Tăng 12%", "Sở Công Thương"],
                        ["2", "Tổng mức bán lẻ hàng hóa", "Tỷ đồng", "Tăng 8%", 120, "Sở Công Thương"])
    # a growth of 12% written in the result cell, against a plan of 8%: judged, above plan
    assert status["Giá trị sản xuất công nghiệp"] == "vuot"
    judged = how["Giá trị sản xuất công nghiệp"]
    assert "ghi ở ô thực hiện («Tăng 12%»)" in judged and "không được đánh giá" not in judged
    # a figure and no previous year's figure: no growth to compare, not judged, and the warning says so
    assert status["Tổng mức bán lẻ hàng hóa"] == "khong_danh_gia"
    assert "không được đánh giá bằng số" in how["Tổng mức bán lẻ hàng hóa"]


def test_with_a_previous_years_column(tmp_path):
    status, how = _rows(tmp_path, HEAD[:5] + ["Thực hiện năm 2025", "Cơ quan chủ trì"],
                        ["1", "Giá trị sản xuất công nghiệp", "Tỷ đồng", "Tăng 8%", 110, 100, "Sở Công Thương"],
                        ["2", "Tổng mức bán lẻ hàng hóa", "Tỷ đồng", "Tăng 8%", 120, None, "Sở Công Thương"],
                        ["3", "Kim ngạch xuất khẩu", "Triệu USD", "Tăng 8%", None, 100, "Sở Công Thương"])
    assert status["Giá trị sản xuất công nghiệp"] == "vuot"  # 110 against 100: +10%, plan +8%
    assert how["Giá trị sản xuất công nghiệp"].endswith("so sánh mức tăng của số thực hiện so với năm trước.")
    assert status["Tổng mức bán lẻ hàng hóa"] == "khong_danh_gia"  # the column is there, this row's cell is not
    assert "không được đánh giá bằng số" in how["Tổng mức bán lẻ hàng hóa"]
    assert status["Kim ngạch xuất khẩu"] == "chua_co_so_lieu"
    assert "khi có số thực hiện" in how["Kim ngạch xuất khẩu"]


def test_a_periods_average_growth_on_a_mid_term_table_is_never_promised_a_year_on_year_comparison(tmp_path):
    """rev17 N-6 (var/v17): a mid-term review of 2021-2025, its last column «Ước thực hiện năm 2024» (read as the year
    before 2025, no result column). The warning said «khi có số thực hiện, chương trình so sánh mức tăng so với số
    thực hiện năm trước», while a period's average growth is never judged on one year's change (README)."""
    head = ["STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2020", "Kế hoạch giai đoạn 2021-2025", "Năm 2023",
            "Ước thực hiện năm 2024", "Cơ quan thực hiện"]
    status, how = _rows(tmp_path, head,
                        ["1", "Giá trị sản xuất nông, lâm, thủy sản", "Tỷ đồng", 3000, "Tăng bình quân 5%/năm", 3480,
                         3700, "Phòng Tài chính - Kế hoạch"])
    said = how["Giá trị sản xuất nông, lâm, thủy sản"]
    assert "năm trước" not in said
    assert "mức tăng bình quân hằng năm giai đoạn 2021–2025" in said and "số thực hiện năm 2025" in said
