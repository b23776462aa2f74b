"""Every error value Excel can show is one cell's finding, never the whole sheet refused.

calamine (0.9) knows only the seven classic error values: a cell holding #SPILL! or #CALC! (Excel 365's dynamic
arrays), #GETTING_DATA, the linked-data-type errors or Python in Excel's stopped it for the whole sheet, so the
whole table was refused where a #DIV/0! leaves its row «số liệu lỗi» and the rest reads. The list of codes is
Excel's (ERROR.TYPE, the linked data types, Python in Excel), written here by hand."""
from __future__ import annotations

import pytest

from helpers import run_json
from hostile_files import SHEET, rezip
from test_workbook_damaged_cells import SHEET_NAME, book, row

from kh_excel.core.model import ErrorValue
from kh_excel.io.workbook import open_workbook

MODERN = ["#GETTING_DATA", "#SPILL!", "#CALC!", "#CONNECT!", "#BLOCKED!", "#UNKNOWN!", "#FIELD!", "#BUSY!",
          "#PYTHON!", "#EXTERNAL!", "#TIMEOUT!"]


@pytest.mark.parametrize("code", MODERN)
def test_a_modern_error_value_is_that_cell_s_error_and_the_rest_reads(tmp_path, code):
    path = book(tmp_path / "loi.xlsx",
                row('<c r="A1" t="s"><v>0</v></c>', f'<c r="B1" t="e"><f>SEQUENCE(3)</f><v>{code}</v></c>',
                    '<c r="C1"><v>12.5</v></c>')
                + row('<c r="A2" t="e"><v>#DIV/0!</v></c>', f"<c r='B2' t = 'e'><v>{code}</v></c>",
                      f'<c r="C2" t="str"><f>"{code}"</f><v>{code}</v></c>', r=2))
    book_ = open_workbook(path)
    rows = book_.grid(SHEET_NAME).rows
    assert rows[0] == ["Chỉ tiêu", ErrorValue(code), 12.5]
    assert rows[1] == [ErrorValue("#DIV/0!"), ErrorValue(code), ErrorValue(code)]
    assert book_.values(SHEET_NAME)[0] == ["Chỉ tiêu", "", 12.5]


def test_an_error_value_excel_never_shows_still_refuses_naming_the_cell(tmp_path):
    path = book(tmp_path / "la.xlsx", row('<c r="A1" t="s"><v>0</v></c>', '<c r="B1" t="e"><v>#SPILL</v></c>',
                                          '<c r="C1" t="e"><v>#CALC!</v></c>'))
    with pytest.raises(Exception) as caught:
        open_workbook(path).grid(SHEET_NAME)
    assert "trang «Trang 1», ô B1: ô chứa lỗi «#SPILL»" in str(caught.value)


@pytest.mark.parametrize("code", ["#SPILL!", "#CALC!", "#BLOCKED!"])
def test_check_reports_the_row_and_reads_the_rest_of_the_table(tmp_path, code):
    """The sample table with its result E18 (Thu ngân sách, 24120) replaced by an error value."""
    path = rezip(tmp_path / "bang.xlsx", {SHEET: lambda d: d.replace(
        b'<c r="E18" s="8" t="n"><v>24120</v></c>', f'<c r="E18" s="8" t="e"><f>X()</f><v>{code}</v></c>'.encode())})
    rc, out = run_json("check", path, "--json")
    assert rc == 1
    errors = [f for f in out["findings"] if f["code"] == "excel_error"]
    assert [(f["cell"], f["severity"]) for f in errors] == [("E18", "error")] and code in errors[0]["message"]
    rc, out = run_json("attainment", path, "--json")
    by_row = {i["row"]: i for i in out["indicators"]}
    assert by_row[18]["status"] == "so_lieu_loi" and by_row[18]["result"] is None
    assert by_row[17]["result"] == 10.8 and by_row[17]["status"] in ("vuot", "dat")  # 10,8 against 10,5
    assert len(out["indicators"]) > 40


def test_the_addin_reads_every_error_value_excel_sends_as_text():
    """Excel (Office.js) sends a cell's error as its text: each one is that cell's error, as from a file."""
    from kh_excel.addin.engine import SheetData
    grid = SheetData("Trang 1", [["Chỉ tiêu", *MODERN, "#DIV/0!", "#SPILL", 5]]).grid()
    assert grid.rows[0] == ["Chỉ tiêu", *map(ErrorValue, MODERN), ErrorValue("#DIV/0!"), "#SPILL", 5]


def test_a_document_never_states_a_modern_error_value():
    from kh_excel.docs import wording
    assert all(wording.EXCEL_ERROR.match(code) for code in MODERN) and not wording.EXCEL_ERROR.match("#1 tỉnh")
