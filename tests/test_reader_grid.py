"""The sheet reader on hand-made grids: the layouts of SPEC §2, without files."""
from __future__ import annotations

import unicodedata
from decimal import Decimal as D

import pytest

from kh_excel.api import read_workbook
from kh_excel.core.model import ErrorValue, Grid
from kh_excel.core.table import HeaderNotFound, header_role, parse_grid
from kh_excel.io.workbook import WorkbookError

HEADER = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Cơ quan chủ trì", "Lãnh đạo phụ trách"]


def grid(rows, merged=()):
    return Grid(sheet="Phụ lục", rows=[list(r) for r in rows], merged=list(merged))


@pytest.mark.parametrize("label,role", [
    ("STT", "stt"), ("TT", "stt"), ("Chỉ tiêu", "name"), ("CHỈ TIÊU", "name"), ("Chi tiêu", "name"),
    ("ĐVT", "unit"), ("Đơn vị tính", "unit"), ("KH 2026", "target"), ("Kế hoạch năm 2026", "target"),
    ("Mục tiêu", "target"), ("Ước TH", "result"), ("TH", "result"), ("Ước thực hiện năm 2026", "result"),
    ("Cơ quan, đơn vị chịu trách nhiệm trực tiếp thực hiện", "lead"), ("Cơ quan chủ trì", "lead"),
    ("Cơ quan, đơn vị phối hợp, cùng chịu trách nhiệm", "cooperate"), ("Lãnh đạo tỉnh phụ trách", "leader"),
    ("Ghi chú", "note"), ("Chiều", "direction"), ("% so với KH", "computed"), ("Đánh giá", "computed"),
    (unicodedata.normalize("NFD", "Kế hoạch"), "target"), ("Ghi  chú\n", "note"),
])
def test_header_roles_by_meaning(label, role):
    assert header_role(label) == role


def test_title_rows_number_row_sections_and_subrows():
    t = parse_grid(grid([
        ["PHỤ LỤC", None, None, None, None, None, None],
        ["CÁC CHỈ TIÊU CHỦ YẾU NĂM 2026", None, None, None, None, None, None],
        [None] * 7,
        HEADER,
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"],
        ["I", "CÁC CHỈ TIÊU VỀ KINH TẾ", None, None, None, None, None],
        ["1", "Tổng sản phẩm", "Tỷ đồng", 155000, "151.200", "Sở Tài chính", "Đồng chí A"],
        ["-", "Cơ cấu GRDP", "%", 100, 100, None, None],
        ["+", "Nông nghiệp", "%", 14.97, 15.1, None, None],
        ["+", "Dịch vụ", "%", 85.03, 84.9, None, None],
        ["II CÁC CHỈ TIÊU VỀ XÃ HỘI", None, None, None, None, None, None],
        ["2", "Tỷ lệ hộ nghèo", "%", "<2", 1.8, "Sở Y tế; Sở Nội vụ", "Đồng chí B"],
        ["III", None, None, None, None, None, None],
        [None, "CÁC CHỈ TIÊU VỀ MÔI TRƯỜNG", None, None, None, None, None],
        ["3", "Tỷ lệ che phủ rừng", "%", 61.3, None, "Sở NN&MT", "Đồng chí C"],
    ]))
    assert t.title_lines == ["PHỤ LỤC", "CÁC CHỈ TIÊU CHỦ YẾU NĂM 2026"]
    assert t.header_rows == [4, 5] and t.year == 2026
    assert [(s.numeral, s.title) for s in t.sections] == [
        ("I", "CÁC CHỈ TIÊU VỀ KINH TẾ"), ("II", "CÁC CHỈ TIÊU VỀ XÃ HỘI"), ("III", "CÁC CHỈ TIÊU VỀ MÔI TRƯỜNG")]
    kinds = [(i.row, i.kind, i.number) for i in t.indicators]
    assert kinds == [(7, "indicator", 1), (8, "subrow", 1), (9, "subrow", 1), (10, "subrow", 1),
                     (12, "indicator", 2), (15, "indicator", 3)]
    assert t.indicators[0].result == D(151200)
    assert t.indicators[1].lead == ["Sở Tài chính"] and t.indicators[1].leader == "Đồng chí A"  # inherited
    assert t.indicators[1].parent_row == 7
    assert t.indicators[4].section == "CÁC CHỈ TIÊU VỀ XÃ HỘI" and t.indicators[4].direction == "down"
    assert t.indicators[4].lead == ["Sở Y tế", "Sở Nội vụ"]
    assert t.indicators[5].section_numeral == "III"


def test_two_row_merged_header_and_other_column_order():
    rows = [
        ["TT", "Cơ quan chủ trì", "Nội dung chỉ tiêu", "Năm 2026", None, "ĐVT"],
        [None, None, None, "Ước TH", "KH", None],
        ["1", "Sở Xây dựng", "Nhà ở xã hội", 1050, 1200, "Căn"],
    ]
    merged = [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 3, 0, 4), (0, 5, 1, 5)]
    t = parse_grid(grid(rows, merged))
    assert t.columns == {"stt": 0, "lead": 1, "name": 2, "result": 3, "target": 4, "unit": 5}
    assert t.header_rows == [1, 2]
    (ind,) = t.indicators
    assert (ind.name, ind.unit, ind.target.value, ind.result, ind.lead) == ("Nhà ở xã hội", "Căn", D(1200), D(1050), ["Sở Xây dựng"])


def test_repeated_header_inside_the_table_is_skipped_and_reported():
    rows = [HEADER, ["1", "A", "%", 1, 1, "Sở Y tế", "X"],
            ["STT", "Chi tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Cơ quan chủ trì", "Lãnh đạo phụ trách"],
            ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"],
            ["2", "B", "%", 2, 2, "Sở Y tế", "X"]]
    t = parse_grid(grid(rows))
    assert [i.name for i in t.indicators] == ["A", "B"]
    assert [(f.code, f.row) for f in t.reader_findings] == [("repeated_header", 3)]


def test_roman_numeral_on_an_indicator_row_is_an_indicator_with_a_warning():
    rows = [HEADER, ["I", "KINH TẾ", None, None, None, None, None],
            ["1", "A", "%", 1, 1, "Sở Y tế", "X"],
            ["III", "Giảm tỷ lệ hộ nghèo", "Điểm %", 1.5, 1.7, "UBND các xã/phường", "X"]]
    t = parse_grid(grid(rows))
    assert [i.kind for i in t.indicators] == ["indicator", "indicator"]
    assert t.indicators[1].name == "Giảm tỷ lệ hộ nghèo" and t.indicators[1].number is None
    assert [(f.code, f.cell) for f in t.reader_findings] == [("roman_indicator", "A4")]


def test_merged_stt_and_agency_cells_belong_to_every_row():
    rows = [HEADER, ["11", "Doanh nghiệp", "DN", 13400, 13150, "UBND các xã/phường", "Đồng chí S"],
            [None, "Tỷ lệ doanh nghiệp hiệu quả", "%", 56.5, 57, None, None],
            [None, "Tỷ trọng kinh tế ngoài nhà nước", "%", 70.5, 70.1, None, None],
            ["12", "Năng suất", "%", 5.5, 5.8, "Sở Nội vụ", "Đồng chí S"]]
    merged = [(1, 0, 3, 0), (1, 5, 3, 5), (1, 6, 3, 6)]
    t = parse_grid(grid(rows, merged))
    assert [(i.kind, i.number, i.lead) for i in t.indicators] == [
        ("indicator", 11, ["UBND các xã/phường"]), ("subrow", 11, ["UBND các xã/phường"]),
        ("subrow", 11, ["UBND các xã/phường"]), ("indicator", 12, ["Sở Nội vụ"])]


def test_plan_only_table_and_nfd_names_and_error_values():
    nfd = unicodedata.normalize("NFD", "Tỷ lệ đô thị hóa")
    rows = [["STT", "Chỉ tiêu", "ĐVT", "KH 2026", "Cơ quan chủ trì"],
            ["1", nfd + "  ", "%", ErrorValue("#REF!"), "Sở Xây dựng"]]
    t = parse_grid(grid(rows))
    assert not t.has_results and "result" in t.missing_columns
    ind = t.indicators[0]
    assert ind.name == "Tỷ lệ đô thị hóa" and unicodedata.is_normalized("NFC", ind.name)
    assert ind.target.op == "text" and ind.raw["target"] == ErrorValue("#REF!")


def test_no_header_is_a_clear_error():
    with pytest.raises(HeaderNotFound) as exc:
        parse_grid(grid([["Họ tên", "Tuổi"], ["A", 3]]))
    assert "name" in exc.value.missing
    with pytest.raises(WorkbookError) as exc2:
        read_workbook(grid([["STT", "Đơn vị tính", "Ghi chú"], ["1", "%", ""]]))
    msg = str(exc2.value)
    assert "Cột đã nhận ra: STT («STT»), Đơn vị tính («Đơn vị tính»), Ghi chú («Ghi chú»)" in msg
    assert "cột còn thiếu: Chỉ tiêu, Kế hoạch" in msg


def test_previous_year_column_is_not_the_result():
    rows = [["STT", "Chỉ tiêu", "ĐVT", "Thực hiện năm 2025", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Cơ quan chủ trì"],
            ["1", "GRDP", "Tỷ đồng", 140000, 155000, 151200, "Sở Tài chính"]]
    t = parse_grid(grid(rows))
    assert t.columns["previous"] == 3 and t.columns["result"] == 5 and t.previous_year == 2025
    assert t.indicators[0].previous == D(140000)


@pytest.mark.parametrize("label", ["Số giao", "Dự toán (năm 2026)", "Chỉ tiêu Nghị quyết", "Chỉ tiêu phấn đấu", "Chỉ tiêu đăng ký"])
def test_other_names_of_the_target_column(label):
    assert header_role(label) == "target"
