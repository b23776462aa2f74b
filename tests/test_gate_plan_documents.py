"""check says what the plan documents would refuse (rev11 D7): a table «Kế hoạch năm 2025 | Ước thực hiện năm 2025 |
Kế hoạch năm 2026» is judged on 2025 by check and stated on 2026 by every plan document; a cell of the 2026 plan that
a plan document refuses is an error of check, named with its cell, before anyone renders."""
from __future__ import annotations

import openpyxl
import pytest

from helpers import run_cli, run_json
from kh_excel.api import read_workbook
from kh_excel.core.gate import check, plan_document_findings, plan_read_apart

HEADER = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2025", "Ước thực hiện năm 2025", "Kế hoạch năm 2026",
          "Cơ quan chủ trì"]
ROWS = [
    ["1", "Kim ngạch xuất khẩu hàng hóa", "Triệu USD", 1100, 1180, 1200, "Sở Công Thương"],
    ["2", "Số giường bệnh/vạn dân", "Giường", 32, 32.5, "3O", "Sở Y tế"],  # «3O»: a letter O typed for a zero
    ["3", "Tỷ lệ che phủ rừng", "%", 55, 55.2, 55.5, "Sở Nông nghiệp và Môi trường"],
]


def _book(path, rows=ROWS, header=HEADER):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Biểu 01"
    ws.append(["CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026"])
    ws.append(header)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def test_a_plan_cell_the_plan_documents_refuse_is_an_error_of_check_naming_it(tmp_path):
    book = _book(tmp_path / "kh.xlsx")
    table = read_workbook(book)
    assert table.column_headers["target"] == "Kế hoạch năm 2025"  # check judges 2025 …
    assert not check(table).errors                                 # … and finds nothing wrong there
    assert plan_read_apart(table)
    extra = plan_document_findings(table, read_workbook(book, plan=True))
    assert [(f.severity, f.cell) for f in extra if f.severity == "error"] == [("error", "F4")]
    err = next(f for f in extra if f.severity == "error")
    assert "«3O»" in err.message and "cột F «Kế hoạch năm 2026»" in err.message
    assert "chưa tạo được" in err.message
    assert all(f.cell.startswith("F") for f in extra)  # only the plan column the documents read

    code, data = run_json("check", book, "--json")
    assert code == 1
    assert [f["cell"] for f in data["findings"] if f["severity"] == "error"] == ["F4"]
    refused = run_cli("render", "ke-hoach", book, "-o", tmp_path / "kh.docx")
    assert refused.returncode == 1 and "F4" in refused.stderr  # what check said is what the document refuses


def test_one_plan_column_read_alike_adds_nothing(tmp_path):
    header = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Cơ quan chủ trì"]
    rows = [r[:3] + [r[5], r[4], r[6]] for r in ROWS]
    book = _book(tmp_path / "bc.xlsx", rows, header)
    table = read_workbook(book)
    assert not plan_read_apart(table)
    assert plan_document_findings(table, read_workbook(book, plan=True)) == []
    code, data = run_json("check", book, "--json")
    errors = [f for f in data["findings"] if f["severity"] == "error"]
    assert code == 1 and [f["cell"] for f in errors] == ["D4"] and "Lưu ý" not in errors[0]["message"]


def test_the_addin_check_marks_the_plan_documents_cell(tmp_path):
    pytest.importorskip("xlwings")
    from kh_excel.addin import run_action
    from kh_excel.addin.payload import open_book

    book = open_book(_book(tmp_path / "kh.xlsx"))
    ok, message = run_action("kiem_tra", book)
    assert "1 lỗi" in message, message


@pytest.mark.parametrize("cell, op, value", [("Dưới 12‰", "<", "12"), ("Dưới 12 ‰", "<", "12"), ("12,5‰", "=", "12.5")])
def test_a_per_mille_plan_beside_the_unit_per_mille_is_read_as_a_per_cent_beside_per_cent(tmp_path, cell, op, value):
    """«Dưới 12‰» under the unit «‰» is 12 in the row's unit, as «Dưới 12%» under «%» is (rev11 D7's own cell):
    the plan documents state it instead of refusing it; beside another unit it is still no figure."""
    from decimal import Decimal
    rows = [["1", "Tỷ suất chết trẻ em dưới 1 tuổi", "‰", 12, 12.2, cell, "Sở Y tế"],
            ["2", "Tỷ lệ hộ nghèo", "%", 4.6, 4.6, cell, "Sở Nội vụ"]]
    plan = read_workbook(_book(tmp_path / "kh.xlsx", rows), plan=True)
    per_mille, per_cent = plan.indicators
    assert (per_mille.target.op, per_mille.target.value) == (op, Decimal(value))
    assert per_cent.target.op == "text"  # «‰» beside «%»: not read as a figure of the row's unit

