"""Notes under the table that share their rows with a signature block begun at the right (rev22 R22-16, Cần Thơ ƯTH
2025 as offices print it): «(*) Kế hoạch là dự toán Trung ương giao; …» at the left, «TM. ỦY BAN NHÂN DÂN» and
«CHỦ TỊCH» at the right of the same rows. A note is its own cell's text, never the signature's words glued to it
(«… 25.300 tỷ đồng. TM. ỦY BAN NHÂN DÂN» was printed in the signed appendix); the signature block below the notes is
no part of the table («NGƯỜI LẬP BIỂU» read as a section, «Trần Văn A» as an indicator «chưa có đơn vị tính»)."""
from __future__ import annotations

import openpyxl
import pytest

from kh_excel.api import read_workbook
from kh_excel.core.attainment import evaluate
from kh_excel.core.gate import check
from kh_excel.core.model import Grid
from kh_excel.core.table import notes_under, parse_grid
from kh_excel.docs.context import build_context
from kh_excel.docs.settings import example_settings_rows, settings_from_rows

HEADER = ["STT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm 2025", "Kế hoạch năm 2026", "Ước thực hiện năm 2026",
          "Cơ quan chủ trì"]
BODY = [["1", "Tổng thu ngân sách nhà nước trên địa bàn(*)", "Tỷ đồng", 4500.0, 5000.0, 5120.0, "Sở Tài chính"],
        ["2", "Tỷ lệ giải ngân vốn đầu tư công(**)", "%", 90.0, 100.0, 75.0, "Sở Tài chính"]]
NOTE_1 = "(*) Kế hoạch là dự toán Trung ương giao; dự toán HĐND tỉnh giao 5.100 tỷ đồng."
NOTE_2 = "(**) Số liệu giải ngân tính đến ngày 31/01/2027."


def book(col: int, full: bool) -> list[list]:
    """The sheet's rows: the table, a blank row, then the notes at column A and the signature block at column `col`
    (5: over the result column, 6: over the lead agency's, 8: right of the table) starting on the notes' rows.
    `full`: the heading «Ghi chú:» beside the date line, «NGƯỜI LẬP BIỂU» in the name column and the names lower
    down (the whole block of a printed biểu)."""
    width = max(col + 1, len(HEADER))

    def line(a=None, b=None, right=None):
        r = [a, b] + [None] * (width - 2)
        r[col] = right
        return r

    if full:
        below = [line("Ghi chú:", right="Lào Cai, ngày 08 tháng 12 năm 2026"), line(NOTE_1, right="TM. ỦY BAN NHÂN DÂN"),
                 line(NOTE_2, right="KT. CHỦ TỊCH"), line(b="NGƯỜI LẬP BIỂU", right="PHÓ CHỦ TỊCH"), [], [],
                 line(b="Trần Văn A", right="Nguyễn Văn Hòa")]
    else:
        below = [line("Ghi chú:"), line(NOTE_1, right="TM. ỦY BAN NHÂN DÂN"), line(NOTE_2, right="CHỦ TỊCH")]
    return [["ỦY BAN NHÂN DÂN TỈNH LÀO CAI"], ["KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2026"], [], HEADER,
            *[list(r) for r in BODY], [], *below]


@pytest.mark.parametrize("col", [5, 6, 8])
@pytest.mark.parametrize("full", [False, True])
def test_a_note_is_its_own_cell_never_the_signature_beside_it(col, full):
    t = parse_grid(Grid(sheet="Biểu", rows=book(col, full)))
    # sheet rows 5 and 6 are the two indicators; the notes are rows 9 and 10 (row 8 «Ghi chú:»)
    assert [(i.row, i.name) for i in t.indicators] == [(5, "Tổng thu ngân sách nhà nước trên địa bàn"),
                                                       (6, "Tỷ lệ giải ngân vốn đầu tư công")]
    assert [(n.row, n.mark, n.text) for n in t.notes] == [(9, "*", NOTE_1), (10, "**", NOTE_2)]
    codes = [f.code for f in check(t).findings]
    assert "footnote_without_note" not in codes  # both marks have their note
    assert not [f for f in check(t).findings if f.severity == "error"]  # «Trần Văn A» is no indicator


def test_the_appendix_prints_the_notes_without_the_signature_words(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Biểu"
    for row in book(6, True):
        ws.append(row)
    wb.save(tmp_path / "bang.xlsx")
    c = build_context(evaluate(read_workbook(tmp_path / "bang.xlsx")), settings_from_rows(example_settings_rows(2026)),
                      "bao-cao")
    assert c["pl"]["ghi_chu"] == [NOTE_1, NOTE_2]


def test_a_mark_and_its_text_in_two_cells_are_one_note():
    """Must still join: the mark in the STT column and its words in the name column, «Ghi chú:» with its note
    beside it; the signature further right is left out all the same."""
    rows = [["(*)", "Số liệu ước tính đến ngày 30/11/2026.", None, None, None, "TM. ỦY BAN NHÂN DÂN"],
            ["Ghi chú:", "(1) Theo giá so sánh năm 2010.", None, None, None, "Lào Cai, ngày 05 tháng 12 năm 2026"],
            ["(2) Không kể thu tiền sử dụng đất.", None, None, None, None, "CHỦ TỊCH"]]
    assert [(n.mark, n.text) for n in notes_under(rows, 0, 2)] == [
        ("*", "(*) Số liệu ước tính đến ngày 30/11/2026."), ("1", "(1) Theo giá so sánh năm 2010."),
        ("2", "(2) Không kể thu tiền sử dụng đất.")]
