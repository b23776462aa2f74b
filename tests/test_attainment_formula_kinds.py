"""R15-1: the «% so với KH» and «Đánh giá» columns of `attainment -o` and of the add-in's «Tính tỷ lệ đạt» give the
core's verdict on every kind of row, after LibreOffice recalculates them. A live formula only where it reproduces
the core's rule for every figure typed (a point plan or a bound against the plan); every other kind (an index
against a rise, a plan typed as an index, a growth target, points, a rank, an estimate, words, a note «Không giao»)
gets the core's ratio and status as values.

Expected values by hand, row by row (sheet row = 3 + STT):
  4  GRDP 56.100 / 55.000 = 1,02                              -> 102,0  Vượt KH       (live formula)
  5  CPI 103,2 (năm trước = 100): tăng 3,2% < «Dưới 4,5%»     -> trống  Đạt KH        (formula gave 2293,3 / Không đạt)
  6  tốc độ tăng 8,5 against 108 (= tăng 8): 8,5 > 8          -> trống  Vượt KH
  7  21.500 / 20.000 = tăng 7,5% < «Tăng 10%»                 -> trống  Không đạt
  8  3,0 -> 1,8: giảm 1,2 điểm % ≥ «Giảm 1 điểm %»             -> trống  Vượt KH
  9  hạng 31 -> 26: tăng 5 bậc > «Tăng 3 bậc»                 -> trống  Vượt KH
  10 thất nghiệp 3,2 in 3 – 3,5 (lower is better): 3,2 / 3,5  -> 91,4   Đạt KH        (live formula)
  11 nợ xấu 1,4 < «Dưới 2%»: 1,4 / 2                          -> 70,0   Đạt KH        (live formula)
  12 «Ước 1.250» / 1.200                                      -> 104,2  Vượt KH
  13 812.500 / 810 ≈ 1.003 times the plan: units differ        -> trống  Không đánh giá (live formula)
  14 note «Không giao chỉ tiêu năm nay»                       -> trống  Không đánh giá
  15 result blank                                             -> trống  Chưa có số liệu (live formula)
  16 tai nạn 85 / 90 (lower is better)                        -> 94,4   Vượt KH       (live formula)
  17 IIP (an index) blank against «Tăng 9%»                   -> trống  Chưa có số liệu (values: 110,5 typed later
                                                                        is an index, a rise of 10,5%, never 1227,8%)
  18 «Hoàn thành» against 5 xã: a word, no figure (rev15 R15-6) -> trống  Không đánh giá
  19 an index planned as an index: 108,5 / 108                -> 100,5  Vượt KH       (live formula)
  20 a rank planned as a place: 10 / 12 (lower is better)     -> 83,3   Vượt KH       (live formula)
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from helpers import run_json
from lo import convert

HEADER = ["STT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm 2025", "Kế hoạch năm 2026", "Ước thực hiện năm 2026",
          "Ghi chú"]
ROWS = [
    [1, "Tổng sản phẩm trên địa bàn (GRDP)", "Tỷ đồng", 50000, 55000, 56100, None],
    [2, "Chỉ số giá tiêu dùng (CPI)", "%", 103.6, "Dưới 4,5%", 103.2, None],
    [3, "Tốc độ tăng trưởng kinh tế (GRDP)", "%", 7.5, 108, 8.5, None],
    [4, "Tổng vốn đầu tư toàn xã hội", "Tỷ đồng", 20000, "Tăng 10%", 21500, None],
    [5, "Tỷ lệ hộ nghèo", "%", 3.0, "Giảm 1 điểm %", 1.8, None],
    [6, "Xếp hạng chỉ số năng lực cạnh tranh cấp tỉnh (PCI)", "Hạng", 31, "Tăng 3 bậc", 26, None],
    [7, "Tỷ lệ thất nghiệp khu vực thành thị", "%", 3.6, "3 - 3,5", 3.2, None],
    [8, "Tỷ lệ nợ xấu", "%", 1.5, "Dưới 2%", 1.4, None],
    [9, "Kim ngạch xuất khẩu", "Triệu USD", 1000, 1200, "Ước 1.250", None],
    [10, "Dân số trung bình", "Nghìn người", 800, 810, 812500, None],
    [11, "Diện tích gieo trồng lúa", "Ha", 1000, 1200, 1100, "Không giao chỉ tiêu năm nay"],
    [12, "Số doanh nghiệp thành lập mới", "Doanh nghiệp", 400, 450, None, None],
    [13, "Số vụ tai nạn giao thông", "Vụ", 100, 90, 85, None],
    [14, "Chỉ số sản xuất công nghiệp (IIP)", "%", 108, "Tăng 9%", None, None],
    [15, "Xây dựng xã đạt chuẩn nông thôn mới", "Xã", 3, 5, "Hoàn thành", None],
    [16, "Chỉ số phát triển ngành dịch vụ", "%", 107, 108, 108.5, None],
    [17, "Xếp hạng chỉ số cải cách hành chính (PAR INDEX)", "Hạng", 14, 12, 10, None],
]
FIRST = 4
# sheet row -> (ratio rounded to 1 place or None, status), decided by hand (module docstring)
EXPECTED = {
    4: (102.0, "Vượt KH"), 5: (None, "Đạt KH"), 6: (None, "Vượt KH"), 7: (None, "Không đạt"), 8: (None, "Vượt KH"),
    9: (None, "Vượt KH"), 10: (91.4, "Đạt KH"), 11: (70.0, "Đạt KH"), 12: (104.2, "Vượt KH"),
    13: (None, "Không đánh giá"), 14: (None, "Không đánh giá"), 15: (None, "Chưa có số liệu"), 16: (94.4, "Vượt KH"),
    17: (None, "Chưa có số liệu"), 18: (None, "Không đánh giá"), 19: (100.5, "Vượt KH"), 20: (83.3, "Vượt KH"),
}
LIVE = {4, 10, 11, 13, 15, 16, 19, 20}  # the point plans and bounds: a figure edited in the sheet changes the status


def build(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Chỉ tiêu"
    ws.append(["PHỤ LỤC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2026"])
    ws.append([])
    ws.append(HEADER)
    for r in ROWS:
        ws.append(r)
    wb.save(path)
    return path


def _columns(ws) -> tuple[int, int]:
    heads = {c.value: c.column for c in ws[3]}
    return heads["% so với KH"], heads["Đánh giá"]


def _cells(path: Path, data_only: bool) -> dict[int, tuple]:
    ws = openpyxl.load_workbook(path, data_only=data_only)["Chỉ tiêu"]
    rc, sc = _columns(ws)
    return {r: (ws.cell(r, rc).value, ws.cell(r, sc).value) for r in EXPECTED}


def _assert_as_the_core(values: dict[int, tuple], data: dict) -> None:
    core = {i["row"]: i for i in data["indicators"]}
    for r, (ratio, status) in EXPECTED.items():
        got_ratio, got_status = values[r]
        assert core[r]["status_label"] == status, (r, core[r]["status_label"], core[r].get("reason"))
        assert got_status == status, (r, got_status, status)
        if ratio is None:
            assert got_ratio in (None, ""), (r, got_ratio)
            assert core[r].get("ratio") is None or r == 12, r
        else:
            assert got_ratio not in (None, "") and round(float(got_ratio), 1) == ratio, (r, got_ratio)
            assert round(float(core[r]["ratio"]), 1) == ratio, r


def _formulas(path: Path) -> dict[int, tuple]:
    return _cells(path, data_only=False)


def _recalculated(path: Path, tmp: Path) -> Path:
    (out,) = convert([path], "xlsx:Calc MS Excel 2007 XML", tmp / "recalc")
    return out


def _edit(path: Path, out: Path, row: int, value) -> Path:
    wb = openpyxl.load_workbook(path)
    wb["Chỉ tiêu"].cell(row, 6).value = value
    wb.save(out)
    return out


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    d = tmp_path_factory.mktemp("kinds")
    src = build(d / "chi_tieu.xlsx")
    out = d / "danh_gia.xlsx"
    code, data = run_json("attainment", src, "--json", "-o", out)
    assert code in (0, 1) and out.exists()
    return d, src, out, data


def test_every_kind_of_row_shows_the_core_status_after_recalculation(made):
    d, _src, out, data = made
    _assert_as_the_core(_cells(_recalculated(out, d), data_only=True), data)


def test_only_point_plans_and_bounds_keep_live_formulas(made):
    _d, _src, out, _data = made
    cells = _formulas(out)
    live = {r for r, (_ratio, status) in cells.items() if isinstance(status, str) and status.startswith("=")}
    assert live == LIVE
    assert cells[5] == (None, "Đạt KH")  # the CPI: the core's values, never 103,2 against 4,5


def test_a_figure_edited_in_a_live_row_changes_its_status(made, tmp_path):
    """GRDP edited to 53.900: 53.900 / 55.000 = 98,0 -> Không đạt; the population typed in nghìn người, 812,5:
    812,5 / 810 = 100,3 -> Vượt KH (the unit mismatch is gone). The CPI row keeps its value: it is no formula."""
    _d, _src, out, _data = made
    edited = _edit(_edit(out, tmp_path / "e1.xlsx", 4, 53900), tmp_path / "e2.xlsx", 13, 812.5)
    values = _cells(_recalculated(edited, tmp_path), data_only=True)
    assert values[4][1] == "Không đạt" and round(values[4][0], 1) == 98.0
    assert values[13][1] == "Vượt KH" and round(values[13][0], 1) == 100.3
    assert values[5] == (None, "Đạt KH")


def test_the_add_in_writes_what_the_cli_says_on_every_kind_of_row(made, tmp_path):
    from kh_excel.addin import run_action
    from kh_excel.addin.payload import apply_actions, open_book

    _d, src, _out, data = made
    book = open_book(src)
    ok, message = run_action("tinh_ty_le", book)
    assert ok, message
    # rows 5, 6, 7, 8, 9, 12 are judged by a rule of their own: their statuses are values, and the message says so
    # (row 18, «Hoàn thành» against 5 xã, is not judged at all since rev15 R15-6: a value too, but no judgement)
    assert "6 chỉ tiêu được đánh giá theo quy tắc riêng" in message and "không phải công thức" in message
    out = tmp_path / "addin.xlsx"
    apply_actions(src, book.json()["actions"], out)
    assert {r for r, (_x, s) in _formulas(out).items() if isinstance(s, str) and s.startswith("=")} == LIVE
    _assert_as_the_core(_cells(_recalculated(out, tmp_path), data_only=True), data)


def test_a_period_sum_against_one_year_gets_no_formula_even_before_its_figure(tmp_path):
    """A five-year goal beside one year's column: «Tổng vốn đầu tư … giai đoạn 2021-2025» is the period's sum, never
    judged by one year (the core: Không đánh giá once a figure is there). Blank now, «Chưa có số liệu»; a formula
    would say «Vượt KH» for 120.000 > 100.000 typed later, so it gets the value. Rows that are a level by the
    period's end stay live: 44 / 45 = 97,8 -> Không đạt; 11 / 10 = 110,0 -> Vượt KH (edited to 9: 90,0 Không đạt)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Chỉ tiêu"
    ws.append(["CHỈ TIÊU NGHỊ QUYẾT GIAI ĐOẠN 2021-2025"])
    ws.append([])
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu giai đoạn 2021-2025", "Ước thực hiện năm 2025"])
    ws.append([1, "Tổng vốn đầu tư toàn xã hội giai đoạn 2021-2025", "Tỷ đồng", 100000, None])
    ws.append([2, "Tỷ lệ đô thị hóa", "%", 45, 44])
    ws.append([3, "Số bác sĩ trên 10.000 dân", "Bác sĩ", 10, 11])
    src = tmp_path / "nq.xlsx"
    wb.save(src)
    out = tmp_path / "nq_danh_gia.xlsx"
    code, data = run_json("attainment", src, "--json", "-o", out)
    assert code in (0, 1)
    assert [i["status_label"] for i in data["indicators"]] == ["Chưa có số liệu", "Không đạt", "Vượt KH"]
    wb = openpyxl.load_workbook(out)
    ws = wb["Chỉ tiêu"]
    rc, sc = _columns(ws)
    assert (ws.cell(4, rc).value, ws.cell(4, sc).value) == (None, "Chưa có số liệu")
    assert str(ws.cell(5, sc).value).startswith("=") and str(ws.cell(6, sc).value).startswith("=")
    ws.cell(4, 5).value = 120000
    ws.cell(6, 5).value = 9
    wb.save(tmp_path / "edited.xlsx")
    (recalc,) = convert([tmp_path / "edited.xlsx"], "xlsx:Calc MS Excel 2007 XML", tmp_path / "recalc")
    ws = openpyxl.load_workbook(recalc, data_only=True)["Chỉ tiêu"]
    assert ws.cell(4, sc).value != "Vượt KH"
    assert (round(ws.cell(5, rc).value, 1), ws.cell(5, sc).value) == (97.8, "Không đạt")
    assert (round(ws.cell(6, rc).value, 1), ws.cell(6, sc).value) == (90.0, "Không đạt")


def test_a_status_written_as_a_value_says_why_in_a_note(made):
    """The CPI's «Đạt KH» has no formula and no ratio: its note gives the core's reason (a rise of 3,2%) and says an
    edit needs a new run; a live row has no note."""
    _d, _src, out, _data = made
    ws = openpyxl.load_workbook(out)["Chỉ tiêu"]
    _rc, sc = _columns(ws)
    note = ws.cell(5, sc).comment
    assert note is not None and "tăng 3,2%" in note.text and "không phải công thức" in note.text
    assert ws.cell(4, sc).comment is None
