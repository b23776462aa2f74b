"""The table's own «So với cùng kỳ (%)» is said where the row has no previous figure (rev20 R20-12, Gia Lai 6 tháng
2024): «Kim ngạch xuất khẩu | Triệu USD | 750 | 525 | | 116,98» was reported «ước thực hiện 525 triệu USD, kế hoạch 750
triệu USD, bằng 70,0% kế hoạch năm» and the comparison the published report makes («tăng 16,98% so với cùng kỳ») was
lost. A level against the same period (116,98: the result is 116,98% of it) is said as the table gives it, «bằng
116,98% so với cùng kỳ năm 2023»; a column of rises, or one whose figures are not all levels, is never said (16,98
there would be a rise, and the two cannot be told apart). Every expected sentence is decided by hand from the rows."""
from __future__ import annotations

import openpyxl
import pytest

from kh_excel.api import read_workbook
from kh_excel.core.attainment import evaluate
from kh_excel.core.gate import check
from kh_excel.core.model import Grid
from kh_excel.core.own_columns import SAME_PERIOD, column_kind
from kh_excel.docs.context import build_context

TITLE = "MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU 6 THÁNG ĐẦU NĂM 2024"


def _head(same: str) -> list[str]:
    return ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2024", "Ước thực hiện 6 tháng năm 2024",
            "So với KH năm (%)", same]


# Gia Lai's rows as published (the GRDP row's rise has no level beside it)
ROWS = [[1, "Tổng doanh thu bán lẻ hàng hóa", "Tỷ đồng", "", 29232.75, "", 108.95],
        [2, "Kim ngạch xuất khẩu", "Triệu USD", 750, 525, "", 116.98],
        [3, "Tổng sản phẩm trên địa bàn (GRDP) tăng so với cùng kỳ", "%", "", 3.02, "", ""],
        [4, "Số lao động được giải quyết việc làm", "Lao động", 26802, 15360, "", 101.06]]


def _lines(rows, same="So với cùng kỳ năm 2023 (%)", kind="bao-cao") -> list[str]:
    table = read_workbook(Grid(sheet="Biểu", rows=[[TITLE], _head(same), *rows]), file="b.xlsx")
    c = build_context(evaluate(table), None, kind)
    return [m.replace("\xa0", " ") for g in c["kq"]["nhom"] for m in g["muc"]]  # (no break inside a figure)


def _line(lines: list[str], name: str) -> str:
    return next(x for x in lines if x.startswith(f"- {name}"))


@pytest.mark.parametrize("label", ["So với cùng kỳ (%)", "So sánh cùng kỳ", "% so cùng kỳ", "SS cùng kỳ (%)",
                                   "So với cùng kỳ năm 2023 (%)", "ƯTH 6 tháng/cùng kỳ (%)", "So với năm trước (%)"])
def test_labels_of_a_level_against_the_same_period(label):
    assert column_kind(label, 2024, has_previous=False) == SAME_PERIOD


@pytest.mark.parametrize("label", ["Tăng/giảm so với cùng kỳ (%)", "Tốc độ tăng trưởng (%)", "TH cùng kỳ năm trước",
                                   "So với KH năm (%)", "Tăng (+), giảm (-) so với cùng kỳ"])
def test_rises_and_figures_of_the_period_before_are_no_level(label):
    assert column_kind(label, 2024, has_previous=False) != SAME_PERIOD


def test_the_level_is_said_beside_the_plan_and_where_there_is_no_plan():
    lines = _lines(ROWS)
    # 525 / 750 = 70,0% of the year's plan (progress), and the table's 116,98 of the same period of 2023
    assert _line(lines, "Kim ngạch xuất khẩu") == ("- Kim ngạch xuất khẩu: ước thực hiện 525 triệu USD, kế hoạch 750 "
                                                   "triệu USD, bằng 70,0% kế hoạch năm, bằng 116,98% so với cùng kỳ "
                                                   "năm 2023;")
    # 15.360 / 26.802 = 57,3%
    assert "bằng 57,3% kế hoạch năm, bằng 101,06% so với cùng kỳ năm 2023" in _line(lines, "Số lao động")
    # no plan: the level still said, before «không có số kế hoạch»
    assert ("ước thực hiện 29.232,75 tỷ đồng, bằng 108,95% so với cùng kỳ năm 2023, không có số kế hoạch"
            in _line(lines, "Tổng doanh thu bán lẻ hàng hóa"))
    # a row with no level in the column gets none
    assert "so với cùng kỳ năm 2023" not in _line(lines, "Tổng sản phẩm")


def test_a_label_with_no_year_says_the_year_before():
    lines = _lines(ROWS, same="So với cùng kỳ (%)")
    assert "bằng 116,98% so với cùng kỳ năm trước" in _line(lines, "Kim ngạch xuất khẩu")
    lines = _lines(ROWS, same="So với năm trước (%)")
    assert "bằng 116,98% so với năm trước" in _line(lines, "Kim ngạch xuất khẩu")


def test_the_notice_says_it_too():
    table = read_workbook(Grid(sheet="Biểu", rows=[[TITLE], _head("So với cùng kỳ năm 2023 (%)"), *ROWS]), file="b.xlsx")
    c = build_context(evaluate(table), None, "thong-bao")
    assert "116,98% so với cùng kỳ năm 2023" in str(c["tb"])


@pytest.mark.parametrize("bad, why", [
    (5.2, "a figure of 5,2 is a rise, not a level: the column holds rises"),
    (-3, "a fall: rises"),
    (0.95, "a fraction with no % format to tell"),
    ("tăng 5%", "words, not a figure"),
])
def test_a_column_whose_figures_are_not_all_levels_is_never_said(bad, why):
    rows = [r[:] for r in ROWS]
    rows[3][6] = bad
    lines = _lines(rows)
    assert not any("so với cùng kỳ năm 2023" in x for x in lines), why


def test_a_column_naming_the_tables_own_year_is_never_said():
    lines = _lines(ROWS, same="So với năm 2024 (%)")
    assert not any("116,98" in x for x in lines)


def test_a_row_with_a_previous_figure_is_compared_with_it_not_with_the_level():
    head = ["STT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm 2023", "Kế hoạch năm 2024", "Thực hiện năm 2024",
            "So với cùng kỳ (%)"]
    rows = [[1, "Kim ngạch xuất khẩu", "Triệu USD", 400, 750, 800, 200]]
    table = read_workbook(Grid(sheet="Biểu", rows=[["CÁC CHỈ TIÊU NĂM 2024"], head, *rows]), file="b.xlsx")
    c = build_context(evaluate(table), None, "bao-cao")
    line = next(m for g in c["kq"]["nhom"] for m in g["muc"])
    # 800 / 400 = +100%, worked from the figures; the column's 200 is not said twice
    assert "tăng 100,00% so với năm 2023" in line and "bằng 200%" not in line


def test_a_fraction_under_a_percent_format_is_the_level_it_shows(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Biểu"
    ws.append([TITLE])
    ws.append(_head("So với cùng kỳ năm 2023 (%)"))
    ws.append([1, "Kim ngạch xuất khẩu", "Triệu USD", 750, 525, "", 1.1698])
    ws["G3"].number_format = "0.00%"
    wb.save(tmp_path / "b.xlsx")
    c = build_context(evaluate(read_workbook(tmp_path / "b.xlsx")), None, "bao-cao")
    line = next(m for g in c["kq"]["nhom"] for m in g["muc"])
    assert "bằng 116,98% so với cùng kỳ năm 2023" in line


def test_the_level_raises_no_warning_of_its_own():
    # the column is the table's comparison, no ratio to the plan: no «own_ratio_differs», no column not understood
    checked = check(read_workbook(Grid(sheet="Biểu", rows=[[TITLE], _head("So với cùng kỳ năm 2023 (%)"), *ROWS]),
                                  file="b.xlsx"))
    assert not [f for f in checked.findings if f.code.startswith("own_") or f.code == "column_not_understood"]


def test_a_rate_or_an_index_gets_no_level():
    """«Tốc độ tăng trưởng GRDP | % | | 7,2 | | 107,2», «Chỉ số sản xuất công nghiệp (IIP) | % | | 108,3 | | 108,3»: the
    column's 107,2 is the growth written as an index, «7,2%, bằng 107,2% so với cùng kỳ» says nothing true (rev23 N-1);
    an amount beside them keeps its level."""
    rows = [[1, "Tốc độ tăng trưởng GRDP", "%", "", 7.2, "", 107.2],
            [2, "Chỉ số sản xuất công nghiệp (IIP)", "Chỉ số", "", 108.3, "", 108.3],
            [3, "Kim ngạch xuất khẩu", "Triệu USD", 750, 525, "", 116.98]]
    lines = _lines(rows)
    assert "so với cùng kỳ năm 2023" not in _line(lines, "Tốc độ tăng trưởng GRDP")
    assert "so với cùng kỳ năm 2023" not in _line(lines, "Chỉ số sản xuất công nghiệp")
    assert "bằng 116,98% so với cùng kỳ năm 2023" in _line(lines, "Kim ngạch xuất khẩu")
