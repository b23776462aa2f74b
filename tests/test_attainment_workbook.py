"""`kh-excel attainment -o` on the faulty sample: the workbook a person opens, recalculates, edits
and prints. Checked through LibreOffice (recalculation, PDF), not through the program's own reading.

The sample's table is A:H (result in E, the lead agencies' leader in H), header row 5, number row 6;
indicator 13 (rows 25–27) has merged STT, agency and leader cells; the GRDP structure's parts are
rows 10–13 and sum to 102 in E.
"""
from __future__ import annotations

import subprocess

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from helpers import run_cli, run_json, sample
from lo import convert

SRC = sample("chi_tieu_2026_co_loi.xlsx")
SHEET = "Phụ lục chỉ tiêu"


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    d = tmp_path_factory.mktemp("attwb")
    out = d / "danh_gia.xlsx"
    code, data = run_json("attainment", SRC, "--json", "-o", out)
    assert code == 1 and out.exists()  # the table has errors: exit 1, the workbook is still written
    return d, out, data


def _values(path, sheet=SHEET):
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python(skip_empty_area=False)


def test_recalculated_statuses_equal_the_program_including_failed_rows(made):
    d, out, data = made
    (recalc,) = convert([out], "xlsx:Calc MS Excel 2007 XML", d / "recalc")
    rows = _values(recalc)
    for ind in data["indicators"]:
        ratio, status = rows[ind["row"] - 1][8:10]
        assert status == ind["status_label"], (ind["row"], status, ind["status_label"])
        if ind["status"] == "so_lieu_loi":
            assert ratio in ("", None), ind["row"]
    assert rows[19][9] == "Số liệu lỗi"  # J20: 324% urbanisation is not «Vượt KH»


def test_a_fix_in_the_sheet_changes_the_status(made):
    """The status follows the user's edit: the formulas test what the check tested."""
    d, out, _ = made
    wb = openpyxl.load_workbook(out)
    ws = wb[SHEET]
    ws["E20"] = 32.5          # urbanisation typed right: above the plan of 32,4
    ws["E12"] = 39.7          # services: the parts now sum to 100,0
    fixed = d / "fixed.xlsx"
    wb.save(fixed)
    (recalc,) = convert([fixed], "xlsx:Calc MS Excel 2007 XML", d / "recalc_fixed")
    rows = _values(recalc)
    assert rows[19][9] == "Vượt KH" and rows[19][8] == pytest.approx(32.5 / 32.4 * 100)
    # parts judged «khoảng» their planned share (±2 %): 15,1/14,97, 37,8/38,13, 39,7/39,57, 7,4/7,33
    assert [rows[r - 1][9] for r in (10, 11, 12, 13)] == ["Đạt KH"] * 4


def test_every_row_is_styled_like_the_table_even_inside_merges(made):
    _, out, _ = made
    ws = openpyxl.load_workbook(out)[SHEET]
    for r in range(7, 56):
        for col in ("I", "J"):
            cell = ws[f"{col}{r}"]
            assert cell.border.left.style == ws[f"E{r}"].border.left.style == "thin", (col, r)
            assert cell.border.bottom.style == ws[f"E{r}"].border.bottom.style, (col, r)
            assert cell.font.name == ws[f"E{r}"].font.name, (col, r)
    assert {"A25:A27", "H25:H27"} <= {str(m) for m in ws.merged_cells.ranges}  # the table's own merges kept


def test_status_column_is_coloured_by_conditional_formatting(made):
    _, out, _ = made
    ws = openpyxl.load_workbook(out)[SHEET]
    rules = {}
    for rng in ws.conditional_formatting:
        for rule in rng.rules:
            rules[rule.formula[0]] = (str(rng.sqref), rule.dxf.fill.fgColor.rgb)
    for label in ("Vượt KH", "Đạt KH", "Không đạt", "Chưa có số liệu", "Số liệu lỗi"):
        sqref, fill = rules[f'"{label}"']
        assert sqref == "J7:J55" and fill, label
    assert rules['"Số liệu lỗi"'][1].endswith("FFC7CE") and rules['"Vượt KH"'][1].endswith("C6EFCE")
    assert ws["J20"].fill.fgColor.rgb in (None, "00000000")  # no fixed fill: the colour follows the value


def test_new_columns_print_with_the_names(made):
    d, out, _ = made
    ws = openpyxl.load_workbook(out)[SHEET]
    assert {"A1:J1", "A2:J2", "A3:J3"} <= {str(m) for m in ws.merged_cells.ranges}  # the title over all
    (pdf,) = convert([out], "pdf", d / "pdf")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    pages = text.split("\f")
    lines = [ln for page in pages for ln in page.splitlines() if "Tỷ lệ đô thị hóa" in ln]
    assert len(lines) == 1 and "Số liệu lỗi" in lines[0]  # name and status on one printed line
    assert any("Đánh giá" in p and "Chỉ tiêu" in p for p in pages)


@pytest.mark.parametrize("name", ["danh_gia.csv", "danh_gia.docx", "danh_gia"])
def test_output_must_be_an_excel_workbook(tmp_path, name):
    proc = run_cli("attainment", SRC, "-o", tmp_path / name)
    assert proc.returncode == 2 and ".xlsx hoặc .xlsm" in proc.stderr and "Traceback" not in proc.stderr
    assert list(tmp_path.iterdir()) == []


def test_xlsm_output_needs_an_xlsm_input(tmp_path):
    proc = run_cli("attainment", SRC, "-o", tmp_path / "danh_gia.xlsm")
    assert proc.returncode == 2 and ".xlsm" in proc.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_wide_sheet_repeats_the_names_on_every_printed_page(tmp_path):
    """gtsx_huyen (A:R, far wider than a page): its pages are kept, STT and name repeat at the left."""
    from helpers import REAL
    out = tmp_path / "gtsx.xlsx"
    proc = run_cli("attainment", REAL / "gtsx_huyen_2015_2025.xlsx", "-o", out)
    assert proc.returncode == 1 and out.exists()  # the table has errors (structure sums, missing plans)
    ws = openpyxl.load_workbook(out).worksheets[0]
    assert ws["S4"].value == "% so với KH" and ws["T4"].value == "Đánh giá"
    assert ws.print_title_cols == "$A:$B" and ws.print_title_rows == "$4:$4"
    assert not ws.sheet_properties.pageSetUpPr.fitToPage
