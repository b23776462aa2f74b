"""The year a table is of when its columns name none («Kế hoạch», «Thực hiện» under «… NĂM 2025»): the title's one
year, never today's silently. Before, a report of such a table said «năm 2026» (the day it was made) over a title
«NĂM 2025». Expected years decided by hand from the titles."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import openpyxl
import pytest

from kh_excel.api import read_workbook
from kh_excel.core.attainment import evaluate
from kh_excel.core.table import title_year
from kh_excel.docs.context import build_context
from test_docs_data import make_table


@pytest.mark.parametrize("lines, year", [
    (["CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2025"], 2025),
    (["ỦY BAN NHÂN DÂN XÃ BẢN PHỐ", "Bản Phố, ngày 10 tháng 12 năm 2026", "BIỂU CHỈ TIÊU NĂM 2025"], 2025),  # signed later
    (["Số: 12/2026/BC-UBND", "KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM 2025"], 2025),  # a document's number is no year
    (["KẾT QUẢ THỰC HIỆN 6 THÁNG ĐẦU NĂM 2026"], 2026),
    (["CÁC CHỈ TIÊU CHỦ YẾU GIAI ĐOẠN 2021-2025"], None),  # a span: no one year
    (["ƯỚC THỰC HIỆN NĂM 2025 VÀ KẾ HOẠCH NĂM 2026"], None),  # two years: which column is which is unknown
    (["KẾT QUẢ NĂM 2025", "(Kèm theo Báo cáo năm 2025)"], 2025),  # one year, written twice
    (["BIỂU TỔNG HỢP SỐ LIỆU", "Đơn vị tính: 12000 người"], None),  # a figure holding «2000» is no year
    ([], None),
])
def test_the_title_names_one_year(lines, year):
    assert title_year(lines) == year


def _book(path, title: str | None) -> str:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Biểu"
    ws.append([title] if title else [])
    ws.append([])
    ws.append(["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện", "Cơ quan chủ trì"])
    ws.append([1, "Tổng thu ngân sách nhà nước trên địa bàn", "tỷ đồng", 1200, 1250, "Phòng Kinh tế"])
    ws.append([2, "Số xã đạt chuẩn nông thôn mới", "xã", 5, 4, "Phòng Kinh tế"])
    wb.save(path)
    return str(path)


def test_a_table_read_under_its_titles_year(tmp_path):
    table = read_workbook(_book(tmp_path / "t.xlsx", "CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2025"))
    assert table.year == 2025
    ctx = build_context(evaluate(table), None, "bao-cao", today=date(2026, 12, 3))
    assert "năm 2025" in ctx["vb"]["trich_yeu_dong"] and "2026" not in ctx["vb"]["trich_yeu_dong"]
    assert not [w for w in ctx["canh_bao"] if "không ghi năm" in w]


def test_no_year_anywhere_is_todays_and_said(tmp_path):
    table = read_workbook(_book(tmp_path / "t.xlsx", "CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU"))
    assert table.year is None
    ctx = build_context(evaluate(table), None, "bao-cao", today=date(2026, 12, 3))
    assert "năm 2026" in ctx["vb"]["trich_yeu_dong"]
    said = [w for w in ctx["canh_bao"] if "không ghi năm" in w]
    assert len(said) == 1 and "năm 2026 theo ngày hôm nay" in said[0] and "Năm kế hoạch" in said[0]


def test_a_year_the_settings_give_is_not_warned():
    from kh_excel.docs.settings import Settings
    table = replace(make_table(), year=None)
    ctx = build_context(evaluate(table), Settings({"chung": {"nam": "2025"}}), "bao-cao", today=date(2026, 12, 3))
    assert "năm 2025" in ctx["vb"]["trich_yeu_dong"]
    assert not [w for w in ctx["canh_bao"] if "không ghi năm" in w]
