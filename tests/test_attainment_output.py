"""`kh-excel attainment -o`: the copy's live formulas, recalculated by LibreOffice, equal the program's values."""
from __future__ import annotations

import hashlib

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from helpers import run_cli, run_json, sample
from lo import convert

SRC = sample("chi_tieu_2026_lao_cai.xlsx")


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    d = tmp_path_factory.mktemp("att")
    before = hashlib.sha256(SRC.read_bytes()).hexdigest()
    out = d / "danh_gia.xlsx"
    code, data = run_json("attainment", SRC, "--json", "-o", out)
    assert code == 0 and out.exists()
    assert hashlib.sha256(SRC.read_bytes()).hexdigest() == before, "the input was modified"
    (recalc,) = convert([out], 'xlsx:Calc MS Excel 2007 XML', d / "recalc")
    return out, recalc, data


def test_formulas_are_live_where_the_rule_allows(outputs):
    out, _, data = outputs
    ws = openpyxl.load_workbook(out)["Phụ lục chỉ tiêu"]
    assert ws["I5"].value == "% so với KH" and ws["J5"].value == "Đánh giá"
    assert ws["I6"].value == "(9)" and ws["J6"].value == "(10)"
    assert str(ws["I8"].value).startswith("=") and "E8" in ws["I8"].value and "D8" in ws["I8"].value
    assert str(ws["J14"].value).startswith("=") and "E14" not in str(ws["J14"].value) or ws["E14"].data_type == "s"
    assert ws["J55"].value == "Không đánh giá"  # qualitative: a value, no formula can judge it
    # styled like the table: the new header borrows the last header cell's font and border
    assert ws["I5"].font.b == ws["H5"].font.b and ws["I5"].border.left.style == ws["H5"].border.left.style
    # other columns untouched
    assert ws["H8"].value == openpyxl.load_workbook(SRC)["Phụ lục chỉ tiêu"]["H8"].value


def test_libreoffice_recalculation_equals_the_program(outputs):
    _, recalc, data = outputs
    book = CalamineWorkbook.from_path(str(recalc))
    rows = book.get_sheet_by_name("Phụ lục chỉ tiêu").to_python(skip_empty_area=False)
    checked = 0
    for ind in data["indicators"]:
        r = rows[ind["row"] - 1]
        ratio, status = r[8], r[9]
        assert status == ind["status_label"], (ind["row"], status, ind["status_label"])
        if ind["ratio"] is None:
            assert ratio in ("", None)
        else:
            assert ratio == pytest.approx(ind["ratio"], abs=1e-3), ind["row"]
            checked += 1
    assert checked >= 40


def test_output_must_differ_from_input(tmp_path):
    proc = run_cli("attainment", SRC, "-o", SRC)
    assert proc.returncode == 2 and "khác tệp đầu vào" in proc.stderr
