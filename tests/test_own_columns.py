"""The sheet's own «So sánh (%) ƯTH/KH» and «Đánh giá» columns are read against the attainment (rev9 #4, rev10 D2).

rev10's b4: «Tỷ lệ giải ngân vốn đầu tư công | % | 100 | Hoàn thành | 95 | Không đạt»: the signed report said the row
was met («hoàn thành») beside the table's own 95% and «Không đạt», and nothing warned. kh_excel never states those
columns, but where they contradict what it computed from the plan and result it read, one of the readings is wrong
(another plan column, a result of another period, a verdict typed before a correction): check and every document
made warn, naming both cells. Every expected value is decided by hand from the small tables built here."""
from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest
from hypothesis import given, strategies as st

from kh_excel.api import read_workbook
from kh_excel.core.gate import check, figure_warnings
from kh_excel.core.model import Grid
from kh_excel.core.own_columns import RATIO, SAME_PERIOD, VERDICT, agrees, column_kind, ratio_of, verdict_of

TITLE = "CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026"
HEAD = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "So sánh (%) ƯTH/KH",
        "Đánh giá", "Cơ quan chủ trì"]


def _grid(rows: list[list], head: list[str] = HEAD, hidden: frozenset[int] = frozenset()) -> Grid:
    return Grid(sheet="Biểu 01", rows=[[TITLE], list(head), *rows], hidden_columns=hidden)


def _own(table_rows, **kw):
    checked = check(read_workbook(_grid(table_rows, **kw), file="b.xlsx"))
    return {(f.code, f.cell, f.params["own_cell"]) for f in checked.findings if f.code.startswith("own_")}, checked


# -- which columns are the sheet's own ratio and verdict ------------------------------------------------------------

@pytest.mark.parametrize("label, kind", [
    ("So sánh (%) ƯTH/KH", RATIO),
    ("TH 2026/KH 2026 (%)", RATIO),
    ("So sánh % ƯTH/ TH 2020/ KH 2020", None),          # another year's plan than the table's 2026
    ("% so với KH", RATIO),
    ("Tỷ lệ đạt (%)", RATIO),
    ("So sánh (%) ƯTH/cùng kỳ", SAME_PERIOD),            # the year before, not the plan
    ("So sánh với cùng kỳ (%)", SAME_PERIOD),
    ("KH 2027/ƯTH 2026", None),                          # a growth of next year's plan
    ("So sánh% ƯKH2020/ƯKh2019", None),                  # two results: not against the plan
    ("Đánh giá", VERDICT),
    ("Đánh giá (6)", VERDICT),
    ("Kết quả đánh giá", VERDICT),
    ("Ghi chú", None),
])
def test_column_kind_by_label(label, kind):
    assert column_kind(label, 2026) == kind


def test_a_bare_comparison_is_against_the_plan_only_without_a_year_before_column():
    assert column_kind("So sánh (%)", 2026, has_previous=False) == RATIO
    assert column_kind("So sánh (%)", 2026, has_previous=True) is None    # it may compare with the year before


@pytest.mark.parametrize("text, status", [
    ("Đạt", "dat"), ("Vượt", "vuot"), ("Vượt KH", "vuot"), ("Đạt KH", "dat"), ("Không đạt", "khong_dat"),
    ("Chưa đạt", "khong_dat"), ("Hoàn thành", "dat"), ("Không đạt KH", "khong_dat"),
    ("Cơ bản đạt", None), ("x", None), ("Đạt?", None), ("", None), (95.0, None), (None, None),
])
def test_verdict_cells(text, status):
    assert verdict_of(text) == status


def test_ratios_agree_as_percentages_or_fractions_to_the_rounding():
    assert agrees(Decimal("98.7"), [Decimal("98.70967")])        # rounded to one decimal
    assert agrees(Decimal("0.987"), [Decimal("98.70967")])       # under a % format the cell holds the fraction
    assert agrees(Decimal("99"), [Decimal("98.70967")])          # rounded to whole percents
    assert not agrees(Decimal("95"), [Decimal("98.70967")])
    assert not agrees(Decimal("0.95"), [Decimal("98.70967")])
    assert agrees(Decimal("1203"), [Decimal("1200")])            # half a percent of a large ratio


@given(st.one_of(st.text(max_size=30), st.floats(), st.integers(), st.none(), st.booleans()))
def test_reading_any_cell_never_raises(value):
    verdict_of(value)
    r = ratio_of(value)
    assert r is None or isinstance(r, Decimal)


# -- the comparison, on tables -------------------------------------------------------------------------------------

ROWS = [
    # agrees: 1.010 / 1.000 = 101,0%, «Vượt»
    ["1", "Thu ngân sách nhà nước", "Tỷ đồng", 1000, 1010, 101.0, "Vượt", "Sở Tài chính"],
    # the sheet divides by another plan (800): 1.010 / 800 = 126,25% «Vượt»; against the 1.050 read, 96,2% missed
    ["2", "Tổng vốn đầu tư", "Tỷ đồng", 1050, 1010, 126.25, "Vượt", "Sở Tài chính"],
    # the verdict typed before the figures were corrected: 88 against 90 is missed
    ["3", "Tỷ lệ trường đạt chuẩn quốc gia", "%", 90, 88, 97.8, "Đạt", "Sở Giáo dục và Đào tạo"],
    # a burden: 4,2% poor against a plan of 5% is met; the sheet divides plan by result (119%)
    ["4", "Tỷ lệ hộ nghèo", "%", 5, 4.2, 119.05, "Đạt", "Sở Nông nghiệp và Môi trường"],
]


def test_each_contradiction_is_warned_at_the_result_cell_naming_the_sheets_own():
    found, checked = _own(ROWS)
    # (rows 3 to 6: row 4 contradicts both ways, row 5 in its verdict; rows 3 and 6 agree)
    assert found == {("own_ratio_differs", "E4", "F4"), ("own_verdict_differs", "E4", "G4"),
                     ("own_verdict_differs", "E5", "G5")}
    ratio = next(f for f in checked.findings if f.code == "own_ratio_differs")
    assert "ghi 126,25 (ô F4)" in ratio.message and "96,2%" in ratio.message   # 1.010 / 1.050
    verdict = next(f for f in checked.findings if f.cell == "E5" and f.code == "own_verdict_differs")
    assert "«Đạt» (ô G5)" in verdict.message and "«Không đạt»" in verdict.message


def test_a_document_made_says_so():
    _, checked = _own(ROWS)
    said = "\n".join(figure_warnings(checked, "b.xlsx"))
    assert "Cột so sánh của bảng khác với tỷ lệ tính được" in said and "E4" in said
    assert "Cột đánh giá của bảng khác với kết quả tính" in said and "E5" in said


def test_a_result_in_words_judged_against_the_sheets_own_ratio_is_warned():
    # «Trên 100» against 100: Vượt KH, while the sheet's own ratio says 95 (row 3) and 98 (row 4): contradicted.
    # A verdict word against a numeric plan is not judged (rev15 R15-6): «Hoàn thành» beside 95 contradicts nothing
    rows = [["1", "Tỷ lệ giải ngân vốn đầu tư công", "%", 90, "Trên 90", 95, "", "Sở Tài chính"],
            ["2", "Thu ngân sách nhà nước", "Tỷ đồng", 100, "Trên 100", 98, "", "Sở Tài chính"],
            ["3", "Số xã đạt chuẩn nông thôn mới", "Xã", 10, "Hoàn thành", 95, "Đạt", "Sở Nông nghiệp và Môi trường"]]
    found, checked = _own(rows)
    assert found == {("own_ratio_words", "E3", "F3"), ("own_ratio_words", "E4", "F4")}
    msg = next(f.message for f in checked.findings if f.cell == "E3" and f.code == "own_ratio_words")
    assert "«Trên 90»" in msg and "ghi 95 (ô F3)" in msg


def test_hidden_and_other_groups_columns_are_not_read():
    # the «Đánh giá» column hidden: left out, though it contradicts
    found, _ = _own([ROWS[2]], hidden=frozenset({6}))
    assert found == set()


def test_two_ratio_columns_are_no_ones():
    head = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "% so với KH",
            "TH/KH (%)", "Cơ quan chủ trì"]
    found, _ = _own([["1", "Tổng vốn đầu tư", "Tỷ đồng", 1050, 1010, 126.25, 50, "Sở Tài chính"]], head=head)
    assert found == set()


def test_a_file_with_a_percent_format_and_formulas(tmp_path):
    """The ratio as Excel keeps it under a % format (a fraction), written by openpyxl with cached values absent:
    kh_excel computes the formulas (formula_computed) and compares."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Biểu 01"
    ws.append([TITLE])
    ws.append(HEAD)
    ws.append(["1", "Thu ngân sách nhà nước", "Tỷ đồng", 1000, 1010, "=E3/D3", "Vượt", "Sở Tài chính"])
    ws.append(["2", "Tổng vốn đầu tư", "Tỷ đồng", 1050, 1010, "=E4/800", "", "Sở Tài chính"])   # another plan
    for r in (3, 4):
        ws.cell(r, 6).number_format = "0.0%"
    path = tmp_path / "b.xlsx"
    wb.save(path)
    checked = check(read_workbook(path))
    assert {(f.code, f.cell) for f in checked.findings if f.code.startswith("own_")} == {("own_ratio_differs", "E4")}


def test_no_own_columns_no_work():
    t = read_workbook(_grid([ROWS[0][:5] + ["Sở Tài chính"]],
                            head=HEAD[:5] + ["Cơ quan chủ trì"]), file="b.xlsx")
    assert t.own_cells == {}


def test_kh_excel_check_says_so(tmp_path):
    """`kh-excel check` (and the add-in's Kiểm tra) list the contradictions, not only the documents made."""
    import json

    from helpers import run_cli
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Biểu 01"
    ws.append([TITLE])
    ws.append(HEAD)
    for r in ROWS:
        ws.append(r)
    path = tmp_path / "b.xlsx"
    wb.save(path)
    done = run_cli("check", path, "--json")
    assert done.returncode == 0, done.stderr
    cells = {(f["code"], f["cell"]) for f in json.loads(done.stdout)["findings"] if f["code"].startswith("own_")}
    assert cells == {("own_ratio_differs", "E4"), ("own_verdict_differs", "E4"), ("own_verdict_differs", "E5")}


# -- «Vượt» in the table beside kh_excel's «Đạt KH» (rev22 R22-4) ----------------------------------------------------

def test_vuot_beside_dat_is_a_contradiction_unless_the_result_is_past_the_plan():
    """«Vượt» says the result is past the plan. kh_excel says «Đạt KH» (no «Vượt») for a result inside a range, equal
    to a point plan or to a bound, or past «khoảng X» within its ±2% tolerance, or past a bound (a bound has no
    «beyond» in its rules). Where the result is past every figure the plan states, the sheet's «Vượt» only words the
    same result differently (a rounding apart): no warning. Where it is not, the table calls «Vượt» a row the report
    lists among those that only met the plan: named, with both cells.

    Row 3 (the Quốc hội's 2019 table, rev22 w01 row 10): «Mức giảm tỷ lệ hộ nghèo» 1,1 against «1-1,5»: 1 ≤ 1,1 ≤ 1,5,
    inside the range, so «Đạt KH»; «Vượt» would need more than 1,5 (the range's far end). The government judged it
    against the floor 1 alone; kh_excel judges a range as a whole (README), so the two readings differ and the leader
    must be told: warned. Row 4: 90 against 90, equal: «Đạt KH»; «Vượt» contradicts. Row 5: 4,05 against «Khoảng 4»
    (±2%: 3,92 – 4,08), past 4 within the tolerance: a rounding, agrees. Row 6: 9 against «Trên 8», past 8: agrees.
    Row 7: a burden, 3,9% unemployed against «Dưới 4»: past 4 on the good side (lower): agrees. Row 8: «Đạt» beside
    «Đạt KH» (1,2 inside «1-1,5»): agrees."""
    rows = [["1", "Mức giảm tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều", "điểm", "1-1,5", 1.1, None, "Vượt", "Sở Nội vụ"],
            ["2", "Tỷ lệ xã đạt chuẩn nông thôn mới", "%", 90, 90, None, "Vượt", "Sở Nông nghiệp và Môi trường"],
            ["3", "Số giường bệnh trên 1 vạn dân", "Giường", "Khoảng 4", 4.05, None, "Vượt", "Sở Y tế"],
            ["4", "Tổng khách du lịch", "Triệu lượt", "Trên 8", 9, None, "Vượt", "Sở Văn hóa, Thể thao và Du lịch"],
            ["5", "Tỷ lệ thất nghiệp ở khu vực thành thị", "%", "Dưới 4", 3.9, None, "Vượt", "Sở Nội vụ"],
            ["6", "Mức giảm tỷ lệ hộ nghèo", "điểm", "1-1,5", 1.2, None, "Đạt", "Sở Nội vụ"]]
    found, checked = _own(rows)
    assert found == {("own_verdict_differs", "E3", "G3"), ("own_verdict_differs", "E4", "G4")}
    msg = next(f.message for f in checked.findings if f.cell == "E3")
    assert "«Vượt» (ô G3)" in msg and "«Đạt KH, mục tiêu trong khoảng 1 – 1,5»" in msg
