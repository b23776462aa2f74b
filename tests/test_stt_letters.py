"""Letters in the STT column (rev22 R22-8, Bà Rịa - Vũng Tàu quý I/2023): «A Thu nội địa», «B Thu dầu thô», «C Thu từ
hoạt động xuất nhập khẩu» under «TỔNG THU NGÂN SÁCH NHÀ NƯỚC TRÊN ĐỊA BÀN (A+B+C)» are the three parts of the total,
each of the same level. «C» after «B» is the third letter, never Roman 100; «B» after «A» is beside «A», never a part
of it («Thu dầu thô (Thu nội địa)» told the leader crude-oil revenue is domestic revenue). A lone «C» among Roman
numerals (I, II, C) is read as before."""
from __future__ import annotations

import openpyxl

from helpers import docx_paragraphs
from kh_excel.api import read_workbook
from kh_excel.core.attainment import evaluate
from kh_excel.core.model import Grid
from kh_excel.core.table import parse_grid
from kh_excel.core.text import heading_words, sentence_case
from kh_excel.docs.context import build_context
from kh_excel.docs.render import Renderer, resolve_template
from kh_excel.docs.settings import example_settings_rows, settings_from_rows

HEADER = ["STT", "Chỉ tiêu", "Đơn vị tính", "Dự toán năm 2026", "Thực hiện năm 2026"]
TOTAL = [None, "TỔNG THU NGÂN SÁCH NHÀ NƯỚC TRÊN ĐỊA BÀN (A+B+C)", "Tỷ đồng", 88578.0, 90000.0]
PARTS = [["A", "Thu nội địa", "Tỷ đồng", 42943.0, 44000.0],
         ["B", "Thu dầu thô", "Tỷ đồng", 23885.0, 24000.0],
         ["C", "Thu từ hoạt động xuất nhập khẩu", "Tỷ đồng", 21707.0, 22000.0]]


def grid(body: list[list]) -> Grid:
    return Grid(sheet="Biểu", rows=[["TÌNH HÌNH THU NGÂN SÁCH NHÀ NƯỚC NĂM 2026"], HEADER, *[list(r) for r in body]])


def kinds(t):
    return [(i.row, i.stt, i.kind, i.parent_row) for i in t.indicators]


def test_a_total_over_a_b_c_has_three_parts_of_one_level_and_no_roman_c():
    t = parse_grid(grid([TOTAL, *PARTS]))
    # sheet rows: 3 the total, 4 A, 5 B, 6 C; each letter a part of the total (row 3), none of another letter
    assert kinds(t) == [(3, "", "indicator", None), (4, "A", "subrow", 3), (5, "B", "subrow", 3),
                        (6, "C", "subrow", 3)]
    assert not [f for f in t.reader_findings if f.code == "roman_indicator"]
    assert t.sections == []


def test_a_b_c_with_figures_and_no_total_are_three_indicators():
    """No row above them: A is an indicator, B and C are indicators beside it, never parts of A."""
    t = parse_grid(grid(PARTS))
    assert kinds(t) == [(3, "A", "indicator", None), (4, "B", "indicator", None), (5, "C", "indicator", None)]
    assert not [f for f in t.reader_findings if f.code == "roman_indicator"]


def test_lettered_sections_a_b_c_d_are_sections():
    body = [["A", "CHỈ TIÊU KINH TẾ", None, None, None], ["1", "Thu ngân sách", "Tỷ đồng", 10.0, 11.0],
            ["B", "CHỈ TIÊU XÃ HỘI", None, None, None], ["2", "Số trường đạt chuẩn", "Trường", 5.0, 5.0],
            ["C", "CHỈ TIÊU MÔI TRƯỜNG", None, None, None], ["3", "Tỷ lệ che phủ rừng", "%", 41.0, 41.0],
            ["D", "QUỐC PHÒNG, AN NINH", None, None, None], ["4", "Số vụ cháy", "Vụ", 3.0, 2.0]]
    t = parse_grid(grid(body))
    assert [(s.numeral, s.title) for s in t.sections] == [
        ("A", "CHỈ TIÊU KINH TẾ"), ("B", "CHỈ TIÊU XÃ HỘI"), ("C", "CHỈ TIÊU MÔI TRƯỜNG"), ("D", "QUỐC PHÒNG, AN NINH")]
    assert [(i.stt, i.section_numeral) for i in t.indicators] == [("1", "A"), ("2", "B"), ("3", "C"), ("4", "D")]


def test_a_c_not_after_b_is_read_as_before():
    """The rule must NOT fire: «C» under Roman sections I, II (no «B» above it) is still the Roman numeral with
    figures that check warns of; so is «C» after «A» with no «B» between."""
    roman = [["I", "CHỈ TIÊU KINH TẾ", None, None, None], ["1", "Thu ngân sách", "Tỷ đồng", 10.0, 11.0],
             ["II", "CHỈ TIÊU XÃ HỘI", None, None, None], ["C", "Thu khác", "Tỷ đồng", 5.0, 5.0]]
    t = parse_grid(grid(roman))
    assert [(f.code, f.params["stt"]) for f in t.reader_findings if f.code == "roman_indicator"] == [("roman_indicator", "C")]
    skipped = parse_grid(grid([TOTAL, PARTS[0], PARTS[2]]))
    assert [(f.code, f.params["stt"]) for f in skipped.reader_findings if f.code == "roman_indicator"] == [
        ("roman_indicator", "C")]


def test_a_sum_of_stts_keeps_its_capitals():
    assert sentence_case("TỔNG THU NGÂN SÁCH NHÀ NƯỚC TRÊN ĐỊA BÀN (A+B+C)") == \
        "Tổng thu ngân sách nhà nước trên địa bàn (A+B+C)"
    assert heading_words("TỔNG CHI CÂN ĐỐI NGÂN SÁCH (I + II)") == "Tổng chi cân đối ngân sách (I + II)"
    assert sentence_case("THU CÂN ĐỐI NGÂN SÁCH (1+2+3)") == "Thu cân đối ngân sách (1+2+3)"
    assert sentence_case("TỔNG THU NGÂN SÁCH (GỒM THU NỘI ĐỊA)") == "Tổng thu ngân sách (gồm thu nội địa)"


def test_the_report_names_each_part_with_the_total(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Biểu"
    for row in grid([TOTAL, *PARTS]).rows:
        ws.append(row)
    wb.save(tmp_path / "thu.xlsx")
    c = build_context(evaluate(read_workbook(tmp_path / "thu.xlsx")), settings_from_rows(example_settings_rows(2026)),
                      "bao-cao")
    out = tmp_path / "bc.docx"
    Renderer().render_to_file(resolve_template("bao-cao"), c, out)
    lines = [p for p in docx_paragraphs(out) if p.startswith("- ") and "dự toán" in p]  # (its plan is a «Dự toán»)
    # 44.000 / 42.943 = 102,46% -> 102,5%; 24.000 / 23.885 = 100,48% -> 100,5%; 22.000 / 21.707 = 101,35% -> 101,3%
    assert [p.split(":")[0] for p in lines] == [
        "- Tổng thu ngân sách nhà nước trên địa bàn (A+B+C)",
        "- Thu nội địa (Tổng thu ngân sách nhà nước trên địa bàn)",
        "- Thu dầu thô (Tổng thu ngân sách nhà nước trên địa bàn)",
        "- Thu từ hoạt động xuất nhập khẩu (Tổng thu ngân sách nhà nước trên địa bàn)"]
    assert "Thu dầu thô (Thu nội địa)" not in " ".join(docx_paragraphs(out))
