"""A plan or result header merged over a commune's hamlets (a breakdown) and hidden columns.

rev9: «Thực hiện năm 2026» merged over «Tổng số | Thôn Cốc Ly Thượng | Thôn Cốc Ly Hạ | Thôn Nậm Lúc» was read
as the last hamlet by the CLI and as the first by the add-in; a hidden stale «Ước thực hiện» column right of the
visible one was read over it. Every expected column and figure below is decided by hand from the tables built
here (the hamlets' figures are those of rev9's t18b).
"""
from __future__ import annotations

import openpyxl
import pytest

from kh_excel.addin import run_action
from kh_excel.addin.payload import apply_actions, open_book
from kh_excel.api import read_workbook
from kh_excel.core.attainment import evaluate
from kh_excel.core.model import Grid
from kh_excel.io.workbook import ChoiceAmbiguous, ChoiceNotFound

SHEET = "TH 2026"
HAMLETS = ["Thôn Cốc Ly Thượng", "Thôn Cốc Ly Hạ", "Thôn Nậm Lúc"]
# name, unit, plan, commune total, the three hamlets
ROWS = [("Diện tích lúa", "Ha", 210, 215, 70, 85, 60),
        ("Sản lượng lương thực có hạt", "Tấn", 1500, 1370, 420, 560, 390),
        ("Số hộ thoát nghèo", "Hộ", 30, 34, 12, 8, 14),
        ("Tỷ lệ hộ nghèo", "%", 15, 15.8, 18.2, 9.5, 21)]


def _hamlet_book(path, total: str | None = "Tổng số", total_last: bool = False):
    """Row 4 «STT | Chỉ tiêu | ĐVT | KH năm 2026 | Thực hiện năm 2026 (merged over the parts) | Ghi chú»,
    row 5 the parts, figures from row 6."""
    parts = list(HAMLETS)
    if total is not None:
        parts = parts + [total] if total_last else [total] + parts
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = SHEET
    ws.append(["UBND XÃ CỐC LY"])
    ws.append(["KẾT QUẢ THỰC HIỆN MỘT SỐ CHỈ TIÊU NĂM 2026 THEO THÔN"])
    ws.append([])
    last = 4 + len(parts)  # 1-based column of «Ghi chú»
    ws.append(["STT", "Chỉ tiêu", "ĐVT", "KH năm 2026", "Thực hiện năm 2026"] + [None] * (len(parts) - 1) + ["Ghi chú"])
    ws.append([None] * 4 + parts + [None])
    for i, (name, unit, plan, whole, *hamlets) in enumerate(ROWS, 1):
        by_part = dict(zip(HAMLETS, hamlets))
        if total is not None:
            by_part[total] = whole
        ws.append([str(i), name, unit, plan] + [by_part[p] for p in parts] + [None])
    for col in "ABCD":
        ws.merge_cells(f"{col}4:{col}5")
    letter = openpyxl.utils.get_column_letter
    ws.merge_cells(f"E4:{letter(4 + len(parts))}4")
    ws.merge_cells(f"{letter(last + 1)}4:{letter(last + 1)}5")
    wb.save(path)
    return path


def _results(table) -> list[str]:
    return [str(i.result) for i in table.indicators]


def _statuses(table) -> list[str]:
    return [a.status for a in evaluate(table).assessments]


# ------------------------------------------------------------------------------------------- the CLI's reading

def test_the_total_first_is_the_communes_result_and_the_hamlets_are_groups(tmp_path):
    t = read_workbook(_hamlet_book(tmp_path / "t.xlsx"))
    assert t.columns["target"] == 3 and t.columns["result"] == 4          # D, E «Tổng số»
    assert t.column_headers["result"] == "Thực hiện năm 2026 Tổng số"
    assert _results(t) == ['215', '1370', '34', '15.8']
    # 215 > 210 and 34 > 30 exceed; 1.370 < 1.500 and a poverty rate of 15,8 above 15 miss
    assert _statuses(t) == ["vuot", "khong_dat", "vuot", "khong_dat"]
    assert t.groups == ["Tổng số", *HAMLETS] and t.group == "Tổng số"
    assert [i.name for i in t.indicators] == [r[0] for r in ROWS]        # the row of hamlets is no indicator


def test_the_total_last_is_taken_as_well(tmp_path):
    t = read_workbook(_hamlet_book(tmp_path / "t.xlsx", total="Toàn xã", total_last=True))
    assert t.columns["result"] == 7                                        # H «Toàn xã», not the hamlet in G
    assert _results(t) == ['215', '1370', '34', '15.8']
    assert t.group == "Toàn xã"


@pytest.mark.parametrize("total", ["Cộng", "Tổng cộng", "Toàn huyện"])
def test_other_words_for_the_total(tmp_path, total):
    t = read_workbook(_hamlet_book(tmp_path / "t.xlsx", total=total, total_last=True))
    assert _results(t) == ['215', '1370', '34', '15.8']


def test_without_a_total_no_hamlet_is_taken_by_position(tmp_path):
    path = _hamlet_book(tmp_path / "t.xlsx", total=None)
    with pytest.raises(ChoiceAmbiguous) as exc:
        read_workbook(path)
    msg = str(exc.value)
    assert ("chia cột «Thực hiện năm 2026» thành 3 cột (cột E «Thôn Cốc Ly Thượng», cột F «Thôn Cốc Ly Hạ», "
            "cột G «Thôn Nậm Lúc») mà không có cột tổng") in msg
    assert "hãy thêm cột tổng vào bảng, hoặc chọn một nhóm cột" in msg
    assert "--group" in msg and "«Nhóm cột»" in msg


def test_two_totals_are_asked_too(tmp_path):
    path = _hamlet_book(tmp_path / "t.xlsx", total="Tổng số")
    wb = openpyxl.load_workbook(path)
    wb.active["H5"] = "Cộng"                                # «Thôn Nậm Lúc» renamed: E and H are both totals
    wb.save(path)
    with pytest.raises(ChoiceAmbiguous) as exc:
        read_workbook(path)
    assert "mà có 2 cột tổng" in str(exc.value) and "hãy để lại một cột tổng" in str(exc.value)


def test_a_hamlet_chosen_is_read_alone_never_against_the_communes_plan(tmp_path):
    path = _hamlet_book(tmp_path / "t.xlsx", total=None)
    t = read_workbook(path, group="Nậm Lúc")
    assert t.columns["result"] == 6 and "target" not in t.columns          # G; the plan D is the commune's
    assert _results(t) == ['60', '390', '14', '21']
    assert "vuot" not in _statuses(t) and "khong_dat" not in _statuses(t)
    left = [f for f in t.reader_findings if f.code == "whole_column_left_out"]
    assert len(left) == 1 and left[0].cell == "D4"
    assert "Cột D «KH năm 2026» là số chung của cả bảng, không chia theo nhóm «Thôn Nậm Lúc»" in left[0].message


def test_a_group_naming_several_hamlets_is_asked(tmp_path):
    with pytest.raises(ChoiceAmbiguous):
        read_workbook(_hamlet_book(tmp_path / "t.xlsx"), group="Cốc Ly")
    with pytest.raises(ChoiceNotFound):
        read_workbook(_hamlet_book(tmp_path / "t2.xlsx"), group="Thôn Sín Chải")


def test_plan_and_result_broken_down_alike_give_each_hamlet_its_own_pair(tmp_path):
    # «KH năm 2026» over D:F and «Thực hiện năm 2026» over G:I, each «Tổng số | Thôn A | Thôn B»
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = SHEET
    ws.append(["CÁC CHỈ TIÊU NĂM 2026 THEO THÔN"])
    ws.append(["STT", "Chỉ tiêu", "ĐVT", "KH năm 2026", None, None, "Thực hiện năm 2026", None, None])
    ws.append([None, None, None, "Tổng số", "Thôn A", "Thôn B", "Tổng số", "Thôn A", "Thôn B"])
    ws.append(["1", "Số hộ thoát nghèo", "Hộ", 30, 20, 10, 27, 21, 6])
    for m in ("A2:A3", "B2:B3", "C2:C3", "D2:F2", "G2:I2"):
        ws.merge_cells(m)
    path = tmp_path / "t.xlsx"
    wb.save(path)
    t = read_workbook(path)
    assert (t.columns["target"], t.columns["result"]) == (3, 6)            # D and G, the totals: 27 of 30
    assert _statuses(t) == ["khong_dat"]
    b = read_workbook(path, group="Thôn B")
    assert (b.columns["target"], b.columns["result"]) == (5, 8)            # F and I: 6 of 10
    assert [(str(i.target.value), str(i.result)) for i in b.indicators] == [("10", "6")]
    a = read_workbook(path, group="Thôn A")
    assert _statuses(a) == ["vuot"]                                        # 21 of 20
    assert not [f for f in a.reader_findings if f.code == "whole_column_left_out"]


def test_periods_under_a_result_header_are_no_breakdown(tmp_path):
    # «Thực hiện năm 2026» over «6 tháng | Cả năm»: periods, read as before (the year's figure)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["CÁC CHỈ TIÊU NĂM 2026"])
    ws.append(["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2026", "Thực hiện năm 2026", None])
    ws.append([None, None, None, None, "6 tháng", "Cả năm"])
    ws.append(["1", "Số hộ thoát nghèo", "Hộ", 30, 12, 31])
    for m in ("A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:F2"):
        ws.merge_cells(m)
    path = tmp_path / "t.xlsx"
    wb.save(path)
    t = read_workbook(path)
    assert t.columns["result"] == 5 and _results(t) == ['31']


# ------------------------------------------------------------------------------------------- the add-in

@pytest.mark.parametrize("total_last, column", [(False, "E"), (True, "H")])
def test_the_addin_reads_the_same_total_and_skips_the_row_of_hamlets(tmp_path, total_last, column):
    path = _hamlet_book(tmp_path / "t.xlsx", total="Toàn xã" if total_last else "Tổng số", total_last=total_last)
    book = open_book(path)
    ok, message = run_action("tinh_ty_le", book)
    assert ok, message
    out = tmp_path / "out.xlsx"
    apply_actions(path, book.json()["actions"], out)
    ws = openpyxl.load_workbook(out)[SHEET]
    # «% so với KH» and «Đánh giá» in J and K; each formula reads the commune's total, never a hamlet
    assert ws["J4"].value == "% so với KH"
    assert f"{column}6/D6" in ws["J6"].value and f"{column}9" in ws["K9"].value
    assert ws["J5"].value is None and ws["K5"].value is None             # the hamlets' row is no indicator
    assert "Vượt KH 2" in message and "Không đạt 2" in message


def test_the_addin_asks_as_the_cli_does_when_there_is_no_total(tmp_path):
    book = open_book(_hamlet_book(tmp_path / "t.xlsx", total=None))
    ok, message = run_action("tinh_ty_le", book)
    assert not ok
    assert message.startswith("Trang «TH 2026» chia cột «Thực hiện năm 2026» thành 3 cột")
    assert [a.get("func") for a in book.json()["actions"]] == ["alert"]      # nothing written to the sheet


# ------------------------------------------------------------------------------------------- hidden columns

def _hidden_book(path, hidden: str = "F", labels=("Ước thực hiện năm 2026", "Ước thực hiện năm 2026 (số cũ tháng 10)")):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Chỉ tiêu 2026"
    ws.append(["CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026"])
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", *labels, "Cơ quan chủ trì"])
    ws.append(["1", "Thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", 23500, 23720, 21900, "Sở Tài chính"])
    ws.append(["2", "Tỷ lệ che phủ rừng", "%", 61.3, 61.4, 61, "Sở Nông nghiệp và Môi trường"])
    ws.column_dimensions[hidden].hidden = True
    wb.save(path)
    return path


def test_a_hidden_stale_result_right_of_the_visible_one_is_left_out_and_said(tmp_path):
    t = read_workbook(_hidden_book(tmp_path / "t.xlsx"))
    assert t.columns["result"] == 4 and _results(t) == ['23720', '61.4']
    assert _statuses(t) == ["vuot", "vuot"]
    said = [f for f in t.reader_findings if f.code == "hidden_column_left_out"]
    assert len(said) == 1 and said[0].cell == "F2" and said[0].severity == "warning"
    assert ("Cột F «Ước thực hiện năm 2026 (số cũ tháng 10)» đang bị ẩn nên không được đọc: chương trình đọc cột E "
            "«Ước thực hiện năm 2026» đang hiện") in said[0].message


def test_a_hidden_result_left_of_the_visible_one_is_left_out_too(tmp_path):
    path = _hidden_book(tmp_path / "t.xlsx", hidden="E",
                        labels=("Ước thực hiện năm 2026 (số cũ tháng 10)", "Ước thực hiện năm 2026"))
    t = read_workbook(path)
    assert t.columns["result"] == 5 and _results(t) == ['21900', '61']  # F is visible here


def test_the_only_result_column_is_read_though_hidden(tmp_path):
    # nothing visible stands beside it: hiding a column does not empty the table
    path = _hidden_book(tmp_path / "t.xlsx", hidden="E", labels=("Ước thực hiện năm 2026", "Ghi chú"))
    t = read_workbook(path)
    assert t.columns["result"] == 4
    assert not [f for f in t.reader_findings if f.code == "hidden_column_left_out"]


def test_a_hidden_older_year_stays_the_previous_year(tmp_path):
    # «Thực hiện năm 2025» hidden has no visible column of its year: still last year's figure
    path = _hidden_book(tmp_path / "t.xlsx", hidden="F", labels=("Ước thực hiện năm 2026", "Thực hiện năm 2025"))
    t = read_workbook(path)
    assert t.columns["result"] == 4 and t.columns["previous"] == 5
    assert not [f for f in t.reader_findings if f.code == "hidden_column_left_out"]


def test_the_grid_carries_the_hidden_columns_of_the_sheet(tmp_path):
    from kh_excel.io.workbook import open_workbook
    path = _hidden_book(tmp_path / "t.xlsx")
    wb = openpyxl.load_workbook(path)
    wb.active.column_dimensions["J"].hidden = True          # beyond the cells: not a column of the grid
    wb.save(path)
    grid = open_workbook(path).grid("Chỉ tiêu 2026")
    assert grid.hidden_columns == frozenset({5})
    assert Grid(sheet="x", rows=[]).hidden_columns == frozenset()


def test_render_tells_whoever_signs_which_column_was_left_out(tmp_path):
    from helpers import run_cli
    proc = run_cli("render", "bao-cao", _hidden_book(tmp_path / "t.xlsx"), "-o", tmp_path / "bc.docx")
    assert proc.returncode == 0, proc.stderr
    assert "Cột ẩn không được đọc: hidden_column_left_out — 1 ô: F2" in proc.stderr
    path = _hamlet_book(tmp_path / "h.xlsx", total=None)
    proc = run_cli("render", "bao-cao", path, "--group", "Thôn Cốc Ly Hạ", "-o", tmp_path / "h.docx")
    assert proc.returncode == 0, proc.stderr
    assert "Cột số chung không dùng cho nhóm: whole_column_left_out — 1 ô: D4" in proc.stderr


def test_a_hidden_column_of_another_commune_is_no_rival_and_is_not_reported(tmp_path):
    # «Toàn huyện» D:E and «Xã Bản Phố» F:G, the commune's columns hidden: the district's are read, nothing to say
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["CÁC CHỈ TIÊU NĂM 2026"])
    ws.append(["STT", "Chỉ tiêu", "ĐVT", "Toàn huyện", None, "Xã Bản Phố", None])
    ws.append([None, None, None, "KH năm 2026", "TH năm 2026", "KH năm 2026", "TH năm 2026"])
    ws.append(["1", "Số hộ thoát nghèo", "Hộ", 300, 310, 40, 35])
    for m in ("A2:A3", "B2:B3", "C2:C3", "D2:E2", "F2:G2"):
        ws.merge_cells(m)
    ws.column_dimensions["F"].hidden = ws.column_dimensions["G"].hidden = True
    path = tmp_path / "t.xlsx"
    wb.save(path)
    t = read_workbook(path)
    assert (t.columns["target"], t.columns["result"]) == (3, 4) and _results(t) == ["310"]
    assert not [f for f in t.reader_findings if f.code == "hidden_column_left_out"]


@pytest.mark.parametrize("name", ["hidden_column_f.xls", "hidden_column_f.ods"])
def test_an_xls_or_ods_hidden_column_is_left_out_as_well(name):
    # the table above saved by LibreOffice (F hidden): xlrd's column records, content.xml's collapsed columns,
    # each read in the pass that reads the number formats
    from pathlib import Path
    # (not among tests/data/samples: those are whole tables every reader test walks)
    t = read_workbook(Path(__file__).parent / "data" / "formats" / name)
    assert t.columns["result"] == 4 and _results(t) == ["23720", "61.4"]
    assert [f.cell for f in t.reader_findings if f.code == "hidden_column_left_out"] == ["F2"]


def _two_plans_book(path, parts=("NQ HĐND huyện", "UBND tỉnh giao")):
    """rev10 D1: «Kế hoạch năm 2026» merged over two versions or sources of the plan, one result column."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2026", None, "Ước thực hiện năm 2026"])
    ws.append([None, None, None, *parts, None])
    ws.append(["1", "Thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", 90, 85, 80])
    for col in "ABCF":
        ws.merge_cells(f"{col}1:{col}2")
    ws.merge_cells("D1:E1")
    wb.save(path)
    return path


@pytest.mark.parametrize("parts", [("NQ HĐND huyện", "UBND tỉnh giao"), ("Trung ương giao", "HĐND tỉnh giao")])
def test_versions_of_the_plan_are_no_breakdown_to_refuse(tmp_path, parts):
    """rev10 D1: plan sources («NQ HĐND huyện | UBND tỉnh giao») have no total and need none: with no comparison
    formula the first is read as it always was, and a warning says so and how to choose the other; choosing it
    (--group) keeps the one result column (it was dropped: nothing judged). («Đầu năm | Điều chỉnh»: the adjusted
    plan supersedes, rev22 R22-9: tests/test_plan_versions_merged.py.)"""
    path = _two_plans_book(tmp_path / "p.xlsx", parts)
    t = read_workbook(path)
    assert (t.columns["target"], t.columns["result"]) == (3, 5) and t.indicators[0].target.value == 90
    said = [f for f in t.reader_findings if f.code == "part_taken_first"]
    assert len(said) == 1 and f"cột D «{parts[0]}»" in said[0].message and f"cột E «{parts[1]}»" in said[0].message
    other = read_workbook(path, group=parts[1])
    assert (other.columns["target"], other.columns["result"]) == (4, 5)
    a = evaluate(other).assessments[0]
    assert (a.indicator.target.value, a.indicator.result, a.status) == (85, 80, "khong_dat")


def test_a_communes_total_named_by_its_place_and_the_total_chosen_by_name(tmp_path):
    """rev10 D1: hamlets beside «Xã Cốc Ly» (the commune, a level above them) were refused as having no total; and
    «--group "Toàn xã"», naming the total the default reads, dropped the plan column (nothing judged)."""
    t = read_workbook(_hamlet_book(tmp_path / "x.xlsx", total="Xã Cốc Ly", total_last=True))
    assert t.columns["result"] == 7 and _results(t) == ["215", "1370", "34", "15.8"]
    chosen = read_workbook(_hamlet_book(tmp_path / "t.xlsx", total="Toàn xã", total_last=True), group="Toàn xã")
    assert (chosen.columns["target"], chosen.columns["result"]) == (3, 7)
    assert [a.status for a in evaluate(chosen).assessments] == ["vuot", "khong_dat", "vuot", "khong_dat"]
    # hamlets alone, no total: still refused (no hamlet is the commune)
    with pytest.raises(ChoiceAmbiguous):
        read_workbook(_hamlet_book(tmp_path / "n.xlsx", total=None))
