"""Sound published rows that were refused as errors (rev22 R22-1, R22-2, R22-6, R22-15): a rank written out of its
total («2/30»), a result stated in words («Xuất siêu»), a goal stated by its own name with no unit and no plan
(«Không còn hộ nghèo …»), a followed row with no plan whose period read has no figure. Every expected value below is
decided by hand from the small tables built here."""
from __future__ import annotations


import openpyxl
import pytest

from helpers import docx_paragraphs
from kh_excel.api import read_workbook
from kh_excel.core.attainment import evaluate
from kh_excel.core.model import Grid
from kh_excel.core.validation import other_year_rows, validate

TITLE = "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2025"
HEADER = ["STT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm 2024", "Kế hoạch năm 2025", "Thực hiện năm 2025",
          "Cơ quan chủ trì"]


def _book(path, rows, header=(HEADER,), merges=()):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Biểu"
    ws.append([TITLE])
    for r in [*header, *rows]:
        ws.append(list(r))
    for m in merges:
        ws.merge_cells(m)
    wb.save(path)
    return path


def _found(table):
    """(severity, code, cell) of every finding, the reader's and validation's, as `check` lists them."""
    return {(f.severity, f.code, f.cell) for f in [*table.reader_findings, *validate(table)]}


def _errors(table):
    return {f for f in _found(table) if f[0] == "error"}


# ------------------------------------------------------------------------------------------------ R22-1: ranks

def test_a_rank_out_of_its_total_is_its_place_never_an_error(tmp_path):
    # Ba Đình's row: «Xếp hạng giáo dục … | Thứ hạng | 2/30 (last year) | Giữ vững thứ hạng»: place 2 of 30, a warning
    # saying so; the plan in words is judged by no figure
    book = _book(tmp_path / "a.xlsx", [
        [1, "Xếp hạng giáo dục và đào tạo của quận", "Thứ hạng", "2/30", "Giữ vững thứ hạng", None, "Phòng GD&ĐT"]])
    table = read_workbook(book)
    assert _errors(table) == set()
    assert ("warning", "rank_of_total", "D3") in _found(table)
    (ind,) = table.indicators
    assert ind.previous == 2
    (f,) = [f for f in validate(table) if f.code == "rank_of_total"]
    assert "hạng 2 trong 30" in f.message and "không phải" not in f.message


def test_a_rank_is_judged_by_its_place_lower_better_and_printed_as_written(tmp_path):
    # PCI: 12/63 in 2024, plan 10/63, result «xếp thứ 8/63»: place 8 against a plan of 10, lower is better: Vượt KH;
    # 12 → 8 climbs 12 - 8 = 4 places. The appendix writes each cell as the table does, never the bare 12, 8
    rows = [[1, "Xếp hạng chỉ số năng lực cạnh tranh cấp tỉnh (PCI)", "Thứ hạng", "12/63", "10/63", "xếp thứ 8/63",
             "Văn phòng UBND tỉnh"]]
    book = _book(tmp_path / "pci.xlsx", rows)
    table = read_workbook(book)
    assert _errors(table) == set()
    assert {c for s, code, c in _found(table) if code == "rank_of_total"} == {"D3", "E3", "F3"}
    (ind,) = table.indicators
    assert (ind.previous, ind.target.value, ind.result) == (12, 10, 8)
    (a,) = evaluate(table).assessments
    assert a.status == "vuot"
    from kh_excel.docs.api import render_document
    render_document(book, "bao-cao", tmp_path / "pci.docx")
    cells = docx_paragraphs(tmp_path / "pci.docx")
    assert "12/63" in cells and "10/63" in cells and "xếp thứ 8/63" in cells
    assert "tăng 4 bậc" in cells


def test_a_slash_on_a_row_that_is_no_rank_is_no_rank(tmp_path):
    # must not fire: «2/30» under «Tỷ đồng» is no figure (an error, as before); «04/09» beside «Thôn, làng» is a count
    # of its total (count_of_total: 4 of 9), not a rank; a place past its total (31/30) is no rank either
    book = _book(tmp_path / "b.xlsx", [
        [1, "Tổng thu ngân sách", "Tỷ đồng", 100, 120, "2/30", "Sở Tài chính"],
        [2, "Số thôn đạt chuẩn nông thôn mới", "Thôn, làng", "03/09", "05/09", "04/09", "Sở Nông nghiệp"],
        [3, "Xếp hạng chỉ số PAR INDEX", "Thứ hạng", 20, 15, "31/30", "Sở Nội vụ"]])
    table = read_workbook(book)
    found = _found(table)
    assert ("error", "not_a_number", "F3") in found
    assert {("warning", "count_of_total", c) for c in ("D4", "E4", "F4")} <= found
    assert not any(code == "rank_of_total" for _, code, c in found if c.endswith("4"))
    assert ("error", "not_a_number", "F5") in found
    assert table.indicators[1].result == 4


# ------------------------------------------------------------------------------------ R22-2: results in words

def test_a_result_in_words_is_stated_as_written_never_an_error(tmp_path):
    # The government's 2019 row: «Tỷ lệ nhập siêu … | % | Dưới 3 | Xuất siêu»: a result stated in words, no figure to
    # judge against «Dưới 3»: Không đánh giá (no word verdict in «Xuất siêu»), a warning at its cell, never «số liệu
    # lỗi»; the appendix keeps «Xuất siêu»
    book = _book(tmp_path / "c.xlsx", [
        [1, "Tỷ lệ nhập siêu so với tổng kim ngạch xuất khẩu", "%", 2.8, "Dưới 3", "Xuất siêu", "Bộ Công Thương"],
        [2, "Tỷ lệ che phủ rừng", "%", "Ổn định", 42, 42.1, "Bộ Nông nghiệp"]])
    table = read_workbook(book)
    assert _errors(table) == set()
    found = _found(table)
    assert ("warning", "result_expression", "F3") in found
    assert ("warning", "previous_expression", "D4") in found  # the year before in words, by the result's rule
    first, second = evaluate(table).assessments
    assert first.status == "khong_danh_gia" and second.status == "vuot"  # 42,1 against 42 (more is better)
    from kh_excel.docs.api import render_document
    render_document(book, "bao-cao", tmp_path / "c.docx")
    text = docx_paragraphs(tmp_path / "c.docx")
    assert "Xuất siêu" in text
    assert not any("số liệu lỗi" in p.lower() or "bị lỗi" in p for p in text)


def test_a_mistyped_figure_or_an_error_value_stays_an_error(tmp_path):
    # must not fire: a text with a digit that reads as no figure is a mistyped number; an Excel error is an error
    book = _book(tmp_path / "d.xlsx", [
        [1, "Tổng sản phẩm trên địa bàn", "Tỷ đồng", 100, 120, "12,5a", "Sở Tài chính"],
        [2, "Thu ngân sách", "Tỷ đồng", 100, 120, "#REF!", "Sở Tài chính"],
        [3, "Kim ngạch xuất khẩu", "Triệu USD", "1O0", 120, 125, "Sở Công Thương"]])
    found = _found(read_workbook(book))
    assert ("error", "not_a_number", "F3") in found
    assert ("error", "excel_error", "F4") in found
    assert ("error", "not_a_number", "D5") in found


# --------------------------------------------------------------------------- R22-6: a goal stated by its name

def test_a_name_stating_its_goal_needs_no_unit_nor_plan(tmp_path):
    # Hà Nội's item (12), «Không còn hộ nghèo và hộ tái nghèo theo tiêu chuẩn của thành phố | | »: the name is the goal:
    # warnings (missing_target_qualitative, missing_unit_qualitative), as «Không để xảy ra cháy lớn» is
    header = [["STT", "Chỉ tiêu", "Đơn vị tính", "Chỉ tiêu Nghị quyết Đại hội", "Cơ quan chủ trì"]]
    book = _book(tmp_path / "e.xlsx", [
        [1, "Không còn hộ nghèo và hộ tái nghèo theo tiêu chuẩn của thành phố", None, None, "Sở Nội vụ"],
        [2, "Không để xảy ra cháy, nổ lớn gây thiệt hại nghiêm trọng", None, None, "Công an thành phố"],
        [3, "Tổng vốn đầu tư toàn xã hội", None, None, "Sở Tài chính"]], header=header)
    found = _found(read_workbook(book))
    for r in (3, 4):
        assert ("warning", "missing_target_qualitative", f"D{r}") in found
        assert ("warning", "missing_unit_qualitative", f"C{r}") in found
    # must not fire: a measure's name with nothing beside it still lacks its unit and its plan
    assert {("error", "missing_target", "D5"), ("error", "missing_unit", "C5")} <= found
    assert {f for f in found if f[0] == "error"} == {("error", "missing_target", "D5"), ("error", "missing_unit", "C5")}


# ------------------------------------------------------------------- R22-15: one rule whichever period is read

HUE = [["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2025", "Ước thực hiện năm 2025", None, None, "Cơ quan chủ trì"],
       [None, None, None, None, "6 tháng", "9 tháng", "Dự kiến cả năm", None]]
HUE_MERGES = ("E2:G2", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "H2:H3")


def test_a_followed_row_is_a_warning_whichever_period_is_read(tmp_path):
    # Huế: «Lượng khách du lịch | Nghìn lượt | (no plan) | 3335 | Gần 5.000 | (blank)»: under «9 tháng» a result and
    # no plan (result_without_plan); under «Dự kiến cả năm» no plan and no figure of that period, but figures of the
    # others: still a followed row of the year (result_without_plan_of_period, naming E and F), never missing_target
    rows = [[1, "Tổng thu ngân sách nhà nước", "Tỷ đồng", 12757, 6000, 9000, 12800, "Sở Tài chính"],
            [2, "Lượng khách du lịch", "Nghìn lượt", None, 3335, "Gần 5.000", None, "Sở Du lịch"]]
    book = _book(tmp_path / "hue.xlsx", rows, header=HUE, merges=HUE_MERGES)
    nine = read_workbook(book, period="9 tháng")
    assert _errors(nine) == set() and ("warning", "result_without_plan", "D5") in _found(nine)
    year = read_workbook(book, period="Dự kiến cả năm")
    assert _errors(year) == set()
    assert ("warning", "result_without_plan_of_period", "D5") in _found(year)
    (f,) = [f for f in validate(year) if f.code == "result_without_plan_of_period"]
    assert "cột E" in f.message and "cột F" in f.message and "cột G" not in f.message
    assert other_year_rows(year) == []  # stated in the report («chưa có số liệu»), not left out
    # a plan document states plans only: the row has none, left out and said (as under «9 tháng»)
    assert [i.row for i in other_year_rows(year, plan=True)] == [5]
    assert [i.row for i in other_year_rows(nine, plan=True)] == [5]


def test_a_followed_row_in_result_columns_named_by_period(tmp_path):
    # the other shape: periods in the result labels themselves, «Thực hiện 6 tháng năm 2025 | Ước thực hiện cả năm
    # 2025»; the row has 6 months' 3.335 and no estimate for the year: a warning under either
    header = [["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2025", "Thực hiện 6 tháng năm 2025",
               "Ước thực hiện cả năm 2025", "Cơ quan chủ trì"]]
    rows = [[1, "Tổng thu ngân sách nhà nước", "Tỷ đồng", 12757, 6000, 12800, "Sở Tài chính"],
            [2, "Lượng khách du lịch", "Nghìn lượt", None, 3335, None, "Sở Du lịch"]]
    book = _book(tmp_path / "flat.xlsx", rows, header=header)
    for period, code in (("6 tháng", "result_without_plan"), ("cả năm", "result_without_plan_of_period")):
        table = read_workbook(book, period=period)
        assert _errors(table) == set(), period
        assert ("warning", code, "D4") in _found(table), period


def test_a_row_with_no_figure_in_any_period_still_lacks_its_plan(tmp_path):
    # must not fire: nothing in any period and no plan: a plan document would list a target with no level
    rows = [[1, "Tổng thu ngân sách nhà nước", "Tỷ đồng", 12757, 6000, 9000, 12800, "Sở Tài chính"],
            [2, "Lượng khách du lịch", "Nghìn lượt", None, None, None, None, "Sở Du lịch"]]
    book = _book(tmp_path / "none.xlsx", rows, header=HUE, merges=HUE_MERGES)
    for period in ("9 tháng", "Dự kiến cả năm"):
        assert ("error", "missing_target", "D5") in _found(read_workbook(book, period=period))


@pytest.mark.parametrize("spelled", ["tám trăm", "khoảng mười", "ba mươi", "năm phần trăm", "hai phẩy năm",
                                     "abc", "xx"])
def test_a_figure_spelled_in_words_is_still_a_mistyped_number(spelled):
    """«Xuất siêu» is an outcome in words; «tám trăm» is the figure 800 typed in words, and «abc», «xx» make no
    Vietnamese word (rev23 REG-1: a report printed «Tổng thu ngân sách trên địa bàn: abc»): the reader cannot state
    them, nor judge them, so they stay an error at their cell (the add-in marks it red), as before rev22."""
    from kh_excel.core.gate import check
    grid = Grid(sheet="Biểu", rows=[["CÁC CHỈ TIÊU NĂM 2026"],
                                    ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Thực hiện năm 2026"],
                                    [1, "Số doanh nghiệp thành lập mới", "Doanh nghiệp", 800, spelled]])
    checked = check(read_workbook(grid, file="b.xlsx"))
    assert any(f.severity == "error" and f.cell == "E3" for f in checked.findings)


def test_chua_ro_is_a_figure_not_there_yet():
    """«Chưa rõ» in a result cell says the figure is not known yet, as «Chưa có số liệu» does (rev23): a
    result_pending warning, the row «chưa có số liệu» in documents, never «chưa rõ» stated as an outcome."""
    from kh_excel.core.gate import check
    grid = Grid(sheet="Biểu", rows=[["CÁC CHỈ TIÊU NĂM 2026"],
                                    ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Thực hiện năm 2026"],
                                    [1, "Tổng thu ngân sách xã", "Triệu đồng", 5000, "Chưa rõ"]])
    checked = check(read_workbook(grid, file="b.xlsx"))
    assert [f.code for f in checked.findings if f.cell == "E3"] == ["result_pending"]
    assert checked.attainment.assessments[0].status == "chua_co_so_lieu"
