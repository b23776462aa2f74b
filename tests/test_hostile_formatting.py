"""Empty formatting far away (a row height on the last row, a styled empty cell, styled columns left
by an .xls conversion) costs calamine nothing and must not refuse a small workbook; a cell that holds
anything (a number, a string, even an empty one, an error) that far still is refused, under 1 GiB."""
from __future__ import annotations

import pytest

from hostile_files import SHEET, add_cells, rezip, run_limited

READ = {
    "row_height_on_the_last_row": '<row r="1048576" ht="20" customHeight="1"/>',
    "styled_empty_cell": '<row r="900000"><c r="J900000" s="1"/></row>',
    "styled_cell_written_open": '<row r="900000" spans="10:10"><c r="J900000" s="1"></c></row>',
    "styled_column_iv": "".join(f'<row r="{r}"><c r="IV{r}" s="1"/></row>' for r in range(300, 65001)),
    "row_style_without_cells": '<row r="1048000" s="2" customFormat="1"/>',
}
REFUSED = {
    "number": '<row r="900000"><c r="J900000"><v>1</v></c></row>',
    "empty_string": '<row r="900000"><c r="J900000" t="str"><v></v></c></row>',
    "empty_inline_string": '<row r="900000"><c r="J900000" t="inlineStr"><is><t></t></is></c></row>',
    "error": '<row r="900000"><c r="J900000" t="e"><v>#N/A</v></c></row>',
    "cell_without_ref_in_a_far_row": '<row r="1048000">' + '<c s="1"/>' * 7 + '<c><v>1</v></c></row>',  # H1048000
}


@pytest.mark.parametrize("case", sorted(READ))
def test_far_formatting_is_read(tmp_path, case):
    book = rezip(tmp_path / f"{case}.xlsx", {SHEET: lambda x: add_cells(x, READ[case])})
    rc, out, err, *_ = run_limited("check", book)
    assert "Traceback" not in err and "quá lớn" not in err, err
    assert rc in (0, 1), f"exit {rc}: {err}"
    assert "0 lỗi" in out  # the sample's table, read as without the formatting


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_a_far_cell_with_content_is_still_refused(tmp_path, case):
    book = rezip(tmp_path / f"{case}.xlsx", {SHEET: lambda x: add_cells(x, REFUSED[case])})
    rc, out, err, *_ = run_limited("check", book)
    assert rc == 2 and "Traceback" not in err, err
    far = "H1048000" if case == "cell_without_ref_in_a_far_row" else "J900000"
    assert str(book) in err and "quá lớn" in err and far in err, err
