"""Second review round: more shapes of real workbooks, each once misread, asserted through the public API."""
from __future__ import annotations

import re
import zipfile
from decimal import Decimal as D

import openpyxl
import pytest

import kh_excel
from kh_excel.core.validation import validate
from lo import convert
from test_review_cases import STD, book


def codes(table, code):
    return [f.cell for f in validate(table) if f.code == code]


def test_a_leader_cell_after_a_blank_row_does_not_end_the_table(tmp_path):
    rows = [STD, [1, "GRDP", "Tỷ đồng", 155000, 150000, "Sở Tài chính", "Chủ tịch UBND tỉnh"], [],
            [2, "Tỷ lệ hộ nghèo", "%", 3, 2.8, "Sở Nông nghiệp và Môi trường", "Phó Chủ tịch UBND tỉnh"], [],
            [3, "Tuổi thọ", "Tuổi", 72, 72.1, "Sở Y tế", "Giám đốc Sở Y tế"]]
    t = kh_excel.read_workbook(book(tmp_path, rows))
    assert [i.number for i in t.indicators] == [1, 2, 3]


def test_growth_target_on_an_amount_is_judged_by_growth(tmp_path):
    header = ["STT", "Chỉ tiêu", "ĐVT", "Thực hiện năm 2025", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Cơ quan chủ trì"]
    rows = [header, [1, "Tổng vốn đầu tư", "Tỷ đồng", 80000, "Tăng 10%", 90000, "Sở Tài chính"],
            [2, "Thu ngân sách", "Tỷ đồng", 20000, "Tăng trên 15%", 22000, "Sở Tài chính"]]
    t = kh_excel.read_workbook(book(tmp_path, rows))
    a1, a2 = kh_excel.evaluate(t).assessments
    assert t.indicators[0].growth_target and a1.status == "vuot" and a1.ratio is None  # +12,5% against +10%
    assert a2.status == "khong_dat"  # +10% against more than 15%
    assert codes(t, "growth_target") == ["E2", "E3"] and not codes(t, "number_as_text")
    no_prev = kh_excel.read_workbook(book(tmp_path, [STD, [1, "Tổng vốn đầu tư", "Tỷ đồng", "Tăng 10%", 90000, "Sở Tài chính", "A"]], "n.xlsx"))
    assert kh_excel.evaluate(no_prev).assessments[0].status == "khong_danh_gia"


def test_prose_and_part_year_columns_are_not_the_result(tmp_path):
    header = ["TT", "Nội dung", "Đơn vị", "KH giao", "Ước TH", "Tình hình thực hiện", "Cơ quan chủ trì"]
    t = kh_excel.read_workbook(book(tmp_path, [header, [1, "GRDP", "Tỷ đồng", 100, 101, "Đạt khá", "Sở Tài chính"]]))
    assert t.columns["result"] == 4 and not codes(t, "not_a_number")
    header = ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2025", "Ước thực hiện năm 2025", "Thực hiện 9 tháng năm 2025"]
    t = kh_excel.read_workbook(book(tmp_path, [header, [1, "GRDP", "Tỷ đồng", 100, 101, 70]], "b.xlsx"))
    assert t.columns["result"] == 4


def test_two_row_header_without_vertical_merges(tmp_path):
    rows = [["STT", "Chỉ tiêu", "ĐVT", "Năm 2025", None, "Năm 2026", None, "Cơ quan chủ trì"],
            [None, None, None, "Kế hoạch", "Thực hiện", "Kế hoạch", "Ước thực hiện", None],
            [1, "GRDP", "Tỷ đồng", 140000, 141000, 155000, 151200, "Sở Tài chính"]]
    t = kh_excel.read_workbook(book(tmp_path, rows, setup=lambda wb, ws: (ws.merge_cells("D1:E1"), ws.merge_cells("F1:G1"))))
    assert (t.columns["target"], t.columns["result"], t.year, t.header_rows) == (5, 6, 2026, [1, 2])
    assert [i.name for i in t.indicators] == ["GRDP"]
    split = [["STT", "Chỉ tiêu", "Đơn vị", "Kế hoạch", "Ước thực hiện", "Cơ quan"],
             [None, None, "tính", "năm 2026", "năm 2026", "chủ trì"],
             [1, "GRDP", "Tỷ đồng", 155000, 151200, "Sở Tài chính"]]
    t = kh_excel.read_workbook(book(tmp_path, split, "s.xlsx"))
    assert t.year == 2026 and t.header_rows == [1, 2] and [i.name for i in t.indicators] == ["GRDP"]
    assert not [f for f in validate(t) if f.severity == "error"]


def test_plan_of_the_year_beats_long_term_goals_and_document_dates(tmp_path):
    header = ["STT", "Chỉ tiêu", "ĐVT", "Mục tiêu Nghị quyết Đại hội 2020-2025", "Kế hoạch năm 2025", "Ước thực hiện năm 2025"]
    t = kh_excel.read_workbook(book(tmp_path, [header, [1, "Tăng trưởng", "%", ">=8", 7.5, 7.8]]))
    assert t.columns["target"] == 4 and kh_excel.evaluate(t).assessments[0].status == "vuot"
    header = ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2026 (Nghị quyết số 25/NQ-HĐND ngày 10/12/2025)", "Thực hiện năm 2025"]
    t = kh_excel.read_workbook(book(tmp_path, [header, [1, "GRDP", "Tỷ đồng", 155000, 140000]], "y.xlsx"))
    assert t.year == 2026 and "result" not in t.columns and t.columns["previous"] == 4


def test_numbering_restarting_in_each_section_and_footnote_marks(tmp_path):
    rows = [STD, ["I", "KINH TẾ"], [1, "A", "%", 1, 1, "Sở Y tế", "X"], ["2(*)", "B", "%", 1, 1, "Sở Nội vụ", "X"],
            ["II", "XÃ HỘI"], [1, "C", "%", 1, 1, "Sở Y tế", "X"], ["2*", "D", "%", 1, 1, None, "X"]]
    t = kh_excel.read_workbook(book(tmp_path, rows))
    assert [(i.kind, i.number) for i in t.indicators] == [("indicator", 1), ("indicator", 2), ("indicator", 1), ("indicator", 2)]
    assert not codes(t, "duplicate_stt") and not codes(t, "skipped_stt")
    assert codes(t, "missing_lead") == ["F7"]  # "2*" is its own indicator: it inherits no agency


def test_section_shapes_and_note_rows(tmp_path):
    rows = [STD, ["PHẦN I", "CÁC CHỈ TIÊU KINH TẾ"], [1, "GRDP", "Tỷ đồng", 1, 1, "Sở Tài chính", "X"],
            [None, "Trong đó:"], [None, "(1) Số liệu ước tính, sẽ cập nhật"],
            ["A.", "NHÓM XÃ HỘI"], [2, "Tuổi thọ", "Tuổi", 72, 72, "Sở Y tế", "X"],
            [None, "Các chỉ tiêu về môi trường"], [3, "Che phủ rừng", "%", 61, 61, "Sở Nông nghiệp và Môi trường", "X"],
            [None, "IV. CHỈ TIÊU KHÁC"], [4, "Dịch vụ công", "%", 50, 55, "Sở Khoa học và Công nghệ", "X"]]
    t = kh_excel.read_workbook(book(tmp_path, rows))
    assert [(s.numeral, s.title) for s in t.sections] == [
        ("I", "CÁC CHỈ TIÊU KINH TẾ"), ("A", "NHÓM XÃ HỘI"), ("", "Các chỉ tiêu về môi trường"), ("IV", "CHỈ TIÊU KHÁC")]
    assert [i.name for i in t.indicators] == ["GRDP", "Tuổi thọ", "Che phủ rừng", "Dịch vụ công"]


@pytest.mark.parametrize("name", ["Tỷ lệ hộ nghèo giảm (bình quân)", "Số hộ nghèo giảm", "Kéo giảm tai nạn giao thông"])
def test_reduction_named_anywhere_is_higher_is_better(tmp_path, name):
    t = kh_excel.read_workbook(book(tmp_path, [STD, [1, name, "%", 1.5, 1.7, "Sở Y tế", "X"]]))
    assert t.indicators[0].direction == "up" and kh_excel.evaluate(t).assessments[0].status == "vuot"


def test_placeholders_and_annotated_targets(tmp_path):
    rows = [STD, [1, "A", "%", "≥ 95% (*)", "-", "Sở Y tế", "X"], [2, "B", "Căn", "2.500 (tăng 10%)", "đang cập nhật", "Sở Xây dựng", "X"],
            [3, "C", "%", "Giảm 1,5%", "…", "Sở Y tế", "X"], [4, "D", "%", "8,5 (*)", 9, "Sở Y tế", "X"]]
    t = kh_excel.read_workbook(book(tmp_path, rows))
    a = kh_excel.evaluate(t).assessments
    assert [(x.indicator.target.op, x.indicator.target.value) for x in a] == [(">=", D(95)), ("=", D(2500)), ("text", None), ("=", D("8.5"))]
    assert [x.status for x in a] == ["chua_co_so_lieu", "chua_co_so_lieu", "khong_danh_gia", "vuot"]
    assert not [f for f in validate(t) if f.severity == "error"]


def test_structure_parts_lettered_a_b_c(tmp_path):
    rows = [STD, [1, "Cơ cấu kinh tế", "%", 100, 100, "Sở Tài chính", "X"],
            ["a)", "Nông nghiệp", "%", 20, 25], ["b)", "Công nghiệp", "%", 40, 40], ["c)", "Dịch vụ", "%", 40, 40]]
    t = kh_excel.read_workbook(book(tmp_path, rows))
    assert [i.direction for i in t.indicators[1:]] == ["about"] * 3
    assert codes(t, "structure_sum") == ["E3"]


def test_ods_percentages_keep_their_decimals(tmp_path):
    def fmt(wb, ws):
        ws["D2"].number_format = ws["E2"].number_format = "0.0%"
    src = book(tmp_path, [STD, [1, "Tỷ lệ trường đạt chuẩn", "%", 0.77, 0.765, "Sở Giáo dục và Đào tạo", "X"]], setup=fmt)
    (ods,) = convert([src], "ods", tmp_path / "ods")
    a = kh_excel.evaluate(kh_excel.read_workbook(ods)).assessments[0]
    assert a.indicator.result == D("76.5") and a.status == "khong_dat"


def test_namespace_prefixed_cells_keep_their_errors(tmp_path):
    src = book(tmp_path, [STD, [1, "Thu ngân sách", "Tỷ đồng", 23500, "=1/0", "Sở Tài chính", "X"]])
    (recalc,) = convert([src], "xlsx:Calc MS Excel 2007 XML", tmp_path / "lo")  # LibreOffice stores the #DIV/0! result
    out = tmp_path / "prefixed.xlsx"
    with zipfile.ZipFile(recalc) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                text = data.decode("utf-8")
                text = re.sub(r"<(/?)(worksheet|sheetData|row|c|v|f|is|t|dimension|sheetViews|sheetView|selection|"
                              r"sheetFormatPr|cols|col|pageMargins|pageSetup|headerFooter|sheetPr|pageSetUpPr|outlinePr|"
                              r"mergeCells|mergeCell)\b", r"<\1x:\2", text)
                text = text.replace('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
                                    'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', 1)
                data = text.encode("utf-8")
            zout.writestr(item, data)
    t = kh_excel.read_workbook(out)
    assert codes(t, "excel_error") == ["E2"]
