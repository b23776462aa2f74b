"""What the core issue left: the active sheet, footnote marks in names, «(chủ trì)» after an agency,
dates typed into number cells, ODS shown decimals, and full precision whatever a cell's format shows.

Fixtures are written here by openpyxl (and LibreOffice for .ods); expected values are read off
the cells written, not taken from the program's output.
"""
from __future__ import annotations

import datetime
import json
import zipfile
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import example, given, strategies as st

from helpers import run_cli
from lo import convert

HEADER = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm {y}", "Ước thực hiện năm {y}", "Cơ quan chủ trì",
          "Cơ quan phối hợp"]


def _sheet(ws, year: int, rows: list[list]) -> None:
    ws.append([h.format(y=year) for h in HEADER])
    for r in rows:
        ws.append(r)


def _json(*args) -> tuple[int, dict]:
    proc = run_cli(*args)
    assert proc.stdout.strip(), proc.stderr
    return proc.returncode, json.loads(proc.stdout)


# ------------------------------------------------------------------ the active sheet

def _two_years(path: Path, active: int, notes_first: bool = False) -> Path:
    wb = openpyxl.Workbook()
    first = wb.active
    if notes_first:
        first.title = "Ghi chú"
        first["A1"] = "Biểu này tổng hợp từ báo cáo của các sở."
    else:
        wb.remove(first)
    for year, value in ((2025, 10), (2026, 20)):
        _sheet(wb.create_sheet(f"Năm {year}"), year, [[1, "Tổng sản phẩm", "Tỷ đồng", value, value, "Sở Tài chính"]])
    wb.active = active
    wb.save(path)
    return path


def test_active_sheet_is_preferred(tmp_path):
    code, data = _json("attainment", _two_years(tmp_path / "hai_nam.xlsx", active=1), "--json")
    assert code == 0 and data["sheet"] == "Năm 2026" and data["year"] == 2026


def test_active_sheet_without_a_table_falls_back_to_the_first_table(tmp_path):
    code, data = _json("attainment", _two_years(tmp_path / "ghi_chu.xlsx", active=0, notes_first=True), "--json")
    assert code == 0 and data["sheet"] == "Năm 2025"


def test_named_sheet_still_wins_over_the_active_one(tmp_path):
    path = _two_years(tmp_path / "ten.xlsx", active=1)
    code, data = _json("attainment", path, "--sheet", "Năm 2025", "--json")
    assert code == 0 and data["sheet"] == "Năm 2025"


def _with_active_table(ods: Path, sheet: str) -> Path:
    """LibreOffice headless writes no view settings; add the ActiveTable item a saved file has."""
    out = ods.with_name("active_" + ods.name)
    view = ('<config:config-item-set config:name="ooo:view-settings">'
            '<config:config-item-map-indexed config:name="Views"><config:config-item-map-entry>'
            f'<config:config-item config:name="ActiveTable" config:type="string">{sheet}</config:config-item>'
            '</config:config-item-map-entry></config:config-item-map-indexed>')
    with zipfile.ZipFile(ods) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "settings.xml":
                text = data.decode("utf-8")
                assert '<config:config-item-set config:name="ooo:view-settings">' in text
                data = text.replace('<config:config-item-set config:name="ooo:view-settings">', view, 1).encode()
            zout.writestr(info, data)
    return out


def test_ods_active_table_is_preferred(tmp_path):
    (ods,) = convert([_two_years(tmp_path / "hai_nam_ods.xlsx", active=0)], "ods", tmp_path / "ods")
    code, data = _json("attainment", ods, "--json")
    assert data["sheet"] == "Năm 2025"  # no view settings: the first sheet, as before
    code, data = _json("attainment", _with_active_table(ods, "Năm 2026"), "--json")
    assert code == 0 and data["sheet"] == "Năm 2026"


# ------------------------------------------------------------------ footnotes, agencies, dates

@pytest.fixture(scope="module")
def leftovers(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("leftovers")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Phụ lục"
    _sheet(ws, 2026, [
        [1, "Tỷ lệ hộ nghèo (*)", "%", 2.5, 2.1, "Sở Nông nghiệp và Môi trường (chủ trì), Sở Y tế", None],
        [2, "Thu ngân sách nhà nước [2]", "Tỷ đồng", 1706.2449, 1706.21, "Sở Tài chính", None],
        [3, "Tổng sản phẩm trên địa bàn", "Tỷ đồng", 276.028, 276.04, None, "Sở Tài chính (chủ trì); Sở Xây dựng"],
        [4, "Kim ngạch xuất khẩu", "Triệu USD", 93, datetime.datetime(2026, 5, 1), "Sở Công Thương", None],
        [5, "Số xã đạt chuẩn nông thôn mới", "Xã", 12, 12, "Sở Nông nghiệp và Môi trường (Chủ trì)",
         "UBND các xã (phối hợp)"],
    ])
    for cell in ("D3", "E3", "D4", "E4"):
        ws[cell].number_format = "#,##0.0"
    ws["D5"].number_format = "0.00"
    path = d / "con_lai.xlsx"
    wb.save(path)
    return path


def test_footnote_marks_leave_the_name(leftovers):
    from kh_excel.api import read_workbook
    by_row = {i.row: i for i in read_workbook(leftovers).indicators}
    assert (by_row[2].name, by_row[2].footnote) == ("Tỷ lệ hộ nghèo", "(*)")
    assert (by_row[3].name, by_row[3].footnote) == ("Thu ngân sách nhà nước", "[2]")
    assert by_row[4].footnote == ""
    assert by_row[2].direction == "down"  # «hộ nghèo» still found once the mark is gone
    code, data = _json("attainment", leftovers, "--json")
    rows = {i["row"]: i for i in data["indicators"]}
    assert rows[2]["name"] == "Tỷ lệ hộ nghèo" and rows[2]["footnote"] == "(*)"
    assert rows[2]["status"] == "vuot"  # 2,1 % against a plan of 2,5 %, lower is better


def test_lead_mark_names_the_agency_and_its_role(leftovers):
    from kh_excel.api import read_workbook
    from kh_excel.core.validation import validate
    table = read_workbook(leftovers)
    by_row = {i.row: i for i in table.indicators}
    assert by_row[2].lead == ["Sở Nông nghiệp và Môi trường"] and by_row[2].cooperate == ["Sở Y tế"]
    assert by_row[4].lead == ["Sở Tài chính"] and by_row[4].cooperate == ["Sở Xây dựng"]
    assert by_row[6].lead == ["Sở Nông nghiệp và Môi trường"]
    assert by_row[6].cooperate == ["UBND các xã"]
    findings = validate(table)
    assert not [f for f in findings if f.code == "missing_lead"]
    assert not [f for f in findings if f.code == "inconsistent_spelling"]  # «(Chủ trì)» is not a spelling


def test_agency_role_marks():
    from kh_excel.core.agencies import AgencyRegistry, assign_roles
    reg = AgencyRegistry.default()
    assert reg.split_marked("Sở Tài chính (chủ trì)") == [("Sở Tài chính", "lead")]
    assert reg.split("Sở Tài chính (CHỦ TRÌ)") == ["Sở Tài chính"]
    marked = reg.split_marked("Sở Y tế; Sở Tài chính [cơ quan chủ trì], Sở Nội vụ (phối hợp)")
    assert marked == [("Sở Y tế", ""), ("Sở Tài chính", "lead"), ("Sở Nội vụ", "cooperate")]
    assert assign_roles(marked, []) == (["Sở Tài chính"], ["Sở Y tế", "Sở Nội vụ"])
    assert assign_roles(reg.split_marked("Sở Y tế, Sở Nội vụ"), []) == (["Sở Y tế", "Sở Nội vụ"], [])
    assert reg.split("Công an tỉnh (Bộ Công an)") == ["Công an tỉnh (Bộ Công an)"]  # not a role


def test_date_in_a_number_cell_has_its_own_message(leftovers):
    code, data = _json("check", leftovers, "--json")
    at_e5 = [f for f in data["findings"] if f["cell"] == "E5"]
    assert [f["code"] for f in at_e5] == ["date_in_number_cell"]
    assert at_e5[0]["severity"] == "error"
    assert "01/05/2026" in at_e5[0]["message"] and "định dạng ô là Số" in at_e5[0]["message"]


# ------------------------------------------------------------------ precision

def test_full_value_whatever_the_format_shows(leftovers):
    code, data = _json("attainment", leftovers, "--json")
    rows = {i["row"]: i for i in data["indicators"]}
    # D3 = 1.706,2449 shown «1.706,2»; E3 = 1.706,21: 99,998 % of the plan, not «Đạt» by rounding.
    # the stored one ("exact") for every computation; documents print the plan with the decimals that decide
    # (rev13 R3): «1.706,2» would read below the result 1.706,21 beside «Không đạt», so «1.706,24»
    assert rows[3]["target"]["text"] == "1.706,24" and rows[3]["exact"]["target"] == 1706.2449
    assert rows[3]["status"] == "khong_dat"
    # D4 = 276,028 shown «276,0»; E4 = 276,04 is beyond it.
    assert rows[4]["exact"]["target"] == 276.028 and rows[4]["status"] == "vuot"
    assert rows[5]["target"]["text"] == "93,00"  # D5 = 93 padded to the format's decimals
    assert rows[6]["target"]["text"] == "12"


def test_ods_shows_the_decimals_xlsx_shows(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Phụ lục"
    _sheet(ws, 2026, [[1, "Tỷ lệ trường đạt chuẩn", "%", 93, 93.5, "Sở Giáo dục và Đào tạo"],
                      [2, "Tổng sản phẩm", "Tỷ đồng", 276.028, 1234.5, "Sở Tài chính"],
                      [3, "Số xã", "Xã", 1234, 1250, "Sở Nội vụ"]])
    ws["D2"].number_format = "0.00"
    ws["D3"].number_format = "#,##0.0"
    ws["E3"].number_format = "#,##0.00"
    ws["D4"].number_format = "#,##0"
    xlsx = tmp_path / "so_le.xlsx"
    wb.save(xlsx)
    (ods,) = convert([xlsx], "ods", tmp_path / "ods")
    from kh_excel.api import read_workbook
    for path in (xlsx, ods):
        by_row = {i.row: i for i in read_workbook(path).indicators}
        assert by_row[2].target.text == "93,00", path
        # 276,028 shown «276,0» beside 1.234,5: «đạt 447,2%» (1.234,5 / 276,028 = 447,24%) would read 447,3% from
        # 276,0 (447,28%), so the plan is printed 276,03 (447,235%: «447,2%»), in both files (rev16 R16-4)
        assert by_row[3].target.text == "276,03" and by_row[3].exact.get("target", by_row[3].target.value) == Decimal("276.028"), path
        assert by_row[3].result == Decimal("1234.50"), path
        assert by_row[4].target.text == "1.234", path


# ------------------------------------------------------------------ the footnote parser

_NAME = st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyÁÀẢÃẠáàảãạ ", min_size=1, max_size=30).map(str.strip) \
    .filter(lambda s: bool(s))
_MARK = st.sampled_from(["(*)", "(**)", "*", "***", "[1]", "[12]", "(1)", "(3)", "¹", "²³"])


@given(_NAME, _MARK, st.sampled_from(["", " ", "  "]))
def test_split_footnote(name, mark, gap):
    from kh_excel.core.text import split_footnote
    assert split_footnote(name + gap + mark) == (name, mark)
    assert split_footnote(name) == (name, "")


# ------------------------------------------------------------------ the ODS shown-decimals parser

def _shown(value: Decimal, places: int, decimal_sep: str, group_sep: str) -> str:
    """A number as LibreOffice displays it in a locale: grouping and the decimal separator."""
    q = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)  # as LibreOffice rounds
    sign = "-" if q < 0 else ""
    whole, _, frac = format(abs(q), "f").partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + group_sep.join(groups) + (decimal_sep + frac if frac else "")


@example(Decimal("1234.5"), 0, (".", ","))
@given(st.decimals(min_value=-10**9, max_value=10**9, places=4, allow_nan=False, allow_infinity=False),
       st.integers(min_value=0, max_value=4), st.sampled_from([(",", "."), (".", ","), (",", " ")]))
def test_ods_float_format(value, places, seps):
    from kh_excel.io.workbook import _float_format
    shown = _shown(value, places, *seps)
    fmt = _float_format(shown, str(value))
    if places:
        assert fmt == "0." + "0" * places, (shown, value)
    else:
        assert fmt == "0", (shown, value)
