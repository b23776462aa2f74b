"""The table's «Ghi chú» column in the appendix (rev22 R22-3).

Cần Thơ's 2025 table notes «Dự toán Trung ương giao» beside the budget rows and «Đến 31/01/2026» beside the
disbursement rate: the only cells saying that 24.753 is the Trung ương's dự toán, not the HĐND's plan, and that 75%
is a figure at 31/01/2026. Every appendix dropped the column. Now it is the appendix's last column wherever some row
has a note, and absent (its width the others') where none has.
"""
from __future__ import annotations

import docx
import openpyxl
import pytest

from kh_excel.docs.api import render_document


def _book(path, notes=True, lead=True, previous=False):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2025 THÀNH PHỐ CẦN THƠ"])
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", *(["Thực hiện năm 2024"] if previous else []), "Kế hoạch năm 2025",
               "Ước thực hiện năm 2025", *(["Cơ quan chủ trì"] if lead else []), "Ghi chú"])
    rows = [("1", "Tổng thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", 22000, 24753, 25877, "Sở Tài chính",
             "Dự toán Trung ương giao"),
            ("2", "Tỷ lệ giải ngân kế hoạch vốn đầu tư công", "%", 90, 100, 75, "Sở Tài chính", "Đến 31/01/2026"),
            ("3", "Tỷ lệ bao phủ bảo hiểm y tế", "%", 93, 95, 95.2, "Bảo hiểm xã hội thành phố", None)]
    for stt, name, unit, prev, plan, res, agency, note in rows:
        ws.append([stt, name, unit, *([prev] if previous else []), plan, res, *([agency] if lead else []),
                   note if notes else None])
    wb.save(path)
    return path


def _appendix(path):
    t = docx.Document(str(path)).tables[-1]
    return [c.text for c in t.rows[0].cells], [[c.text for c in r.cells] for r in t.rows[1:]]


@pytest.mark.parametrize("kind,lead,previous", [("bao-cao", True, False), ("bao-cao", False, True),
                                                ("bao-cao", True, True), ("ke-hoach", True, False)])
def test_the_notes_column_is_kept_beside_the_figures_it_qualifies(tmp_path, kind, lead, previous):
    """Row 1 «… 24.753 … Dự toán Trung ương giao», row 2 «… 75 … Đến 31/01/2026», row 3 no note: the appendix's last
    column is «Ghi chú», each note on its own row, row 3's empty; with and without the lead agency and the year
    before's column (the widest appendix: ten columns and the notes), and in a plan's appendix."""
    out = render_document(_book(tmp_path / "t.xlsx", lead=lead, previous=previous), kind, tmp_path / "d.docx").docx
    head, rows = _appendix(out)
    assert head[-1] == "Ghi chú"
    if lead:
        assert head[-2] in ("Cơ quan chủ trì", "Cơ quan, đơn vị chịu trách nhiệm trực tiếp thực hiện")
    by_name = {r[1]: r[-1] for r in rows}
    assert by_name["Tổng thu ngân sách nhà nước trên địa bàn"] == "Dự toán Trung ương giao"
    assert by_name["Tỷ lệ giải ngân kế hoạch vốn đầu tư công"] == "Đến 31/01/2026"
    assert by_name["Tỷ lệ bao phủ bảo hiểm y tế"] == ""
    # the table stays within the landscape page's text width (252 mm = 14.288.400 EMU: python-docx's Length)
    t = docx.Document(str(out)).tables[-1]
    widths = [c.width for c in t.rows[0].cells]
    assert abs(sum(widths) - 252 * 36000) < 36000 * len(widths)


def test_no_notes_no_column(tmp_path):
    """Must NOT fire: a «Ghi chú» column every row leaves empty is not printed (as phối hợp / lãnh đạo are not)."""
    out = render_document(_book(tmp_path / "t.xlsx", notes=False), "bao-cao", tmp_path / "d.docx").docx
    head, _ = _appendix(out)
    assert "Ghi chú" not in head and head[-1] == "Cơ quan chủ trì"
