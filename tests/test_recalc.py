"""Formulas saved without a value (a table written by a script) are computed, reported, never silently empty.

The fixture is written by openpyxl, which stores formulas with no cached value; the
expected values below are worked out by hand from the formulas. The same file after
LibreOffice has recalculated it (done here independently with soffice --convert-to xlsx)
must give the same check and attainment JSON, apart from the finding that says which
cells were computed.
"""
from __future__ import annotations

import hashlib
import json
import sys
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings, strategies as st

from helpers import REAL, ROOT, run_cli, unhidden_copy
from lo import convert

sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_recalc import strip_values  # noqa: E402  (one copy of the value-stripping rewrite)

SHEET = "Phụ lục"


def build_formula_table(path: Path, header_formulas: bool = True) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = SHEET
    ws["A1"] = "PHỤ LỤC CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2026"
    ws["J1"] = 2026
    header = ["STT", "Chỉ tiêu", "Đơn vị tính",
              '="Kế hoạch năm "&$J$1' if header_formulas else "Kế hoạch năm 2026",
              '="Ước thực hiện năm "&$J$1' if header_formulas else "Ước thực hiện năm 2026",
              "% so với KH", "Cơ quan chủ trì"]
    for c, v in enumerate(header, 1):
        ws.cell(3, c, v)
    ws.append(["I", "KINH TẾ"])
    rows = [
        (1, "Tổng sản phẩm trên địa bàn (GRDP)", "Tỷ đồng", "=100+176.028", "=D5*1.05"),
        (2, "Thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", "=1500+206.2449", "=1706.21"),
        (3, "Tỷ lệ hộ nghèo", "%", "=2.5", "=D7-0.5"),
        (4, "Tổng vốn đầu tư phát triển", "Tỷ đồng", "=SUM(D5:D6)", "=E5+E6"),
        (5, "Số xã đạt chuẩn nông thôn mới", "Xã", 12, "=D9-2"),
        (6, "Kim ngạch xuất khẩu", "Triệu USD", "=50", None),
    ]
    for i, (stt, name, unit, plan, result) in enumerate(rows):
        r = 5 + i
        ratio = f"=ROUND(E{r}/D{r}*100,1)" if result else None
        ws.append([stt, name, unit, plan, result, ratio, "Sở Tài chính"])
        for col in "DE":
            ws[f"{col}{r}"].number_format = "#,##0.0"
    wb.save(path)
    return path


# Hand-computed from the formulas: row -> (target value, target text as the cell shows it, result, status).
EXPECTED = {
    5: (Decimal("276.028"), "276,0", Decimal("289.8294"), "vuot"),       # 276,028 × 1,05
    6: (Decimal("1706.2449"), "1.706,24", Decimal("1706.21"), "khong_dat"),  # 99,998 % of plan, not 100; «1.706,2» would read below 1.706,21 (rev13 R3)
    7: (Decimal("2.5"), "2,5", Decimal("2"), "vuot"),                     # hộ nghèo: lower is better
    8: (Decimal("1982.2729"), "1.982,3", Decimal("1996.0394"), "vuot"),   # 276,028 + 1.706,2449; 289,8294 + 1.706,21
    9: (Decimal("12"), "12,0", Decimal("10"), "khong_dat"),
    10: (Decimal("50"), "50,0", None, "chua_co_so_lieu"),
}
COMPUTED_CELLS = "D3, D5:D8, D10, E3, E5:E9, F5:F9"  # 17 formula cells; D9 is a typed 12


def _json(*args) -> tuple[int, dict]:
    proc = run_cli(*args)
    assert proc.stdout.strip(), proc.stderr
    return proc.returncode, json.loads(proc.stdout)


def _without(data: dict, code: str) -> dict:
    data = dict(data)
    data.pop("file", None)
    if "findings" in data:
        data["findings"] = [f for f in data["findings"] if f["code"] != code]
    if "counts" in data:
        data.pop("counts")
    return data


@pytest.fixture(scope="module")
def books(tmp_path_factory):
    d = tmp_path_factory.mktemp("recalc")
    raw = build_formula_table(d / "bang_cong_thuc.xlsx")
    (lo_copy,) = convert([raw], "xlsx", d / "lo")
    return raw, lo_copy


def test_formula_table_has_no_cached_values(books):
    raw, _ = books
    from python_calamine import CalamineWorkbook
    rows = CalamineWorkbook.from_path(str(raw)).get_sheet_by_name(SHEET).to_python()
    assert rows[4][3] == "" and rows[2][3] == ""  # what a plain reader sees: empty cells


def test_attainment_is_computed_and_equals_libreoffice_copy(books):
    raw, lo_copy = books
    sha = hashlib.sha256(raw.read_bytes()).hexdigest()
    listing = sorted(p.name for p in raw.parent.iterdir())
    code, att = _json("attainment", raw, "--json")
    code_lo, att_lo = _json("attainment", lo_copy, "--json")
    assert code == code_lo == 0
    by_row = {i["row"]: i for i in att["indicators"]}
    assert set(by_row) == set(EXPECTED)
    for row, (value, text, result, status) in EXPECTED.items():
        ind = by_row[row]
        exact = ind["exact"].get("target", ind["target"]["value"])  # the stored value; the shown one is the text
        assert Decimal(str(exact)) == value, row
        assert ind["target"]["text"] == text, row
        stored = ind["exact"].get("result", ind["result"])
        assert (None if stored is None else Decimal(str(stored))) == result, row
        assert ind["status"] == status, row
    assert att["year"] == 2026
    assert _without(att, "") == _without(att_lo, "")
    # The input is never modified and nothing is left beside it.
    assert hashlib.sha256(raw.read_bytes()).hexdigest() == sha
    assert sorted(p.name for p in raw.parent.iterdir()) == listing


def test_check_reports_the_computed_cells_and_equals_libreoffice_copy(books):
    raw, lo_copy = books
    code, chk = _json("check", raw, "--json")
    code_lo, chk_lo = _json("check", lo_copy, "--json")
    assert code == code_lo
    computed = [f for f in chk["findings"] if f["code"] == "formula_computed"]
    assert len(computed) == 1
    f = computed[0]
    assert f["severity"] == "warning" and f["cell"] == "D3"
    assert f"17 ô công thức" in f["message"] and COMPUTED_CELLS in f["message"]
    assert "mở tệp bằng Excel rồi lưu lại" in f["message"]
    assert not [f for f in chk_lo["findings"] if f["code"].startswith("formula_")]
    assert _without(chk, "formula_computed") == _without(chk_lo, "formula_computed")
    assert chk["columns"]["target"]["header"] == "Kế hoạch năm 2026"


def test_without_libreoffice_each_cell_is_named_with_the_fix(tmp_path):
    raw = build_formula_table(tmp_path / "khong_tinh.xlsx", header_formulas=False)
    proc = run_cli("check", raw, "--json", env={"KH_EXCEL_SOFFICE": str(tmp_path / "khong_co_soffice")})
    assert proc.returncode == 1, proc.stderr
    findings = json.loads(proc.stdout)["findings"]
    missing = {f["cell"]: f for f in findings if f["code"] == "formula_not_computed"}
    assert set(missing) == {"D5", "D6", "D7", "D8", "D10", "E5", "E6", "E7", "E8", "E9",
                            "F5", "F6", "F7", "F8", "F9"}
    f = missing["E5"]
    assert f["severity"] == "error"
    assert "«=D5*1.05»" in f["message"] and "không tìm thấy LibreOffice" in f["message"]
    assert "mở tệp bằng Excel rồi lưu lại" in f["message"]


def test_header_formula_without_libreoffice_exits_2_naming_cells(tmp_path):
    raw = build_formula_table(tmp_path / "tieu_de.xlsx")
    proc = run_cli("check", raw, env={"KH_EXCEL_SOFFICE": str(tmp_path / "khong_co_soffice")})
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    out = proc.stdout + proc.stderr
    assert "D3" in out and "E3" in out and "mở tệp bằng Excel rồi lưu lại" in out


def test_time_limit_names_the_cells(tmp_path):
    raw = build_formula_table(tmp_path / "het_gio.xlsx", header_formulas=False)
    proc = run_cli("check", raw, "--json", env={"KH_EXCEL_RECALC_TIMEOUT": "0.01"})
    findings = json.loads(proc.stdout)["findings"]
    missing = [f for f in findings if f["code"] == "formula_not_computed"]
    assert missing and all("không tính xong sau" in f["message"] for f in missing)


def test_real_workbook_with_header_formulas_reads_the_same_without_cached_values(tmp_path):
    """da_huoai's header cells are formulas: the copy without values reads the same columns and rows."""
    from kh_excel.api import read_workbook
    from kh_excel.core.attainment import evaluate
    # (rows 43–223 shown: hidden, they would not be read, and they hold most of the formulas)
    src = unhidden_copy(REAL / "da_huoai_2020_tonghop.xlsx", tmp_path / "da_huoai_2020_tonghop.xlsx")
    stripped = strip_values(src, tmp_path / "da_huoai_khong_gia_tri.xlsx")
    a, b = read_workbook(src), read_workbook(stripped)
    assert a.column_headers == b.column_headers and a.columns == b.columns
    assert [(i.row, i.name) for i in a.indicators] == [(i.row, i.name) for i in b.indicators]
    # The file caches the text "0" (a converter's placeholder) for formulas Excel computes as #DIV/0!,
    # e.g. K38 = K30/K39*1000 with K39 = K212, an empty cell; elsewhere the values must agree.
    placeholder = {i.row for i in a.indicators if "0" in (i.raw.get("target"), i.raw.get("result"))}
    assert 38 in placeholder and b.indicators[[i.row for i in b.indicators].index(38)].raw["target"].code == "#DIV/0!"
    st_a = {x.indicator.row: x.status for x in evaluate(a).assessments}
    st_b = {x.indicator.row: x.status for x in evaluate(b).assessments}
    for x, y in zip(a.indicators, b.indicators):
        if x.row not in placeholder:
            assert (x.target, x.result, st_a[x.row]) == (y.target, y.result, st_b[y.row]), x.row
    assert len(a.indicators) - len(placeholder) >= 30
    codes = [f.code for f in b.reader_findings]
    assert codes.count("formula_computed") == 1 and "formula_not_computed" not in codes



def test_plain_references_saved_without_value_are_computed_without_libreoffice(monkeypatch):
    """da_huoai holds 17 formulas such as E39 «=Q212» saved with an empty value (Q212 is empty):
    Excel shows 0 there; they are computed directly, even with no LibreOffice at hand."""
    from kh_excel.api import read_workbook
    monkeypatch.setenv("KH_EXCEL_SOFFICE", "/khong/co/soffice")
    table = read_workbook(REAL / "da_huoai_2020_tonghop.xlsx")
    found = [f for f in table.reader_findings if f.code.startswith("formula_")]
    assert [f.code for f in found] == ["formula_computed"]
    assert "17 ô công thức" in found[0].message
    assert "E39, E176, F39, F176, G39, G176, H39, H176, I39, J39, K39, L39, M176, N176, O176, P17, P176" \
        in found[0].message
    row = next(i for i in table.indicators if i.row == 39)
    assert row.name == "Dân số trung bình" and row.raw["previous"] == 0 and row.raw["target"] == 0


# ------------------------------------------------------------------ the scan of the sheet XML

_KINDS = ("value", "formula_value", "formula_none", "formula_empty", "string_empty", "shared_none")


def _cell_xml(prefix: str, ref: str, kind: str) -> str:
    p = prefix
    return {
        "value": f'<{p}c r="{ref}" s="1"><{p}v>3.5</{p}v></{p}c>',
        "formula_value": f'<{p}c r="{ref}"><{p}f>A1*2</{p}f><{p}v>7</{p}v></{p}c>',
        "formula_none": f'<{p}c r="{ref}" s="2"><{p}f>SUM(A1:A3)&amp;"x"</{p}f></{p}c>',
        "formula_empty": f'<{p}c r="{ref}"><{p}f>A1+1</{p}f><{p}v></{p}v></{p}c>',
        "string_empty": f'<{p}c r="{ref}" t="str"><{p}f>""</{p}f><{p}v></{p}v></{p}c>',
        "shared_none": f'<{p}c r="{ref}"><{p}f t="shared" si="0"/></{p}c>',
    }[kind]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_KINDS), min_size=1, max_size=30), st.sampled_from(["", "x:"]))
def test_uncached_formula_scan(kinds, prefix):
    from kh_excel.io.ooxml_cells import uncached_formulas as _uncached_formulas
    cells = []
    want = {}
    for i, kind in enumerate(kinds):
        r, c = divmod(i, 4)
        ref = "ABCD"[c] + str(r + 1)
        cells.append(_cell_xml(prefix, ref, kind))
        if kind in ("formula_none", "formula_empty", "shared_none"):
            want[(r, c)] = {"formula_none": 'SUM(A1:A3)&"x"', "formula_empty": "A1+1", "shared_none": ""}[kind]
    xml = f'<{prefix}sheetData><{prefix}row r="1">{"".join(cells)}</{prefix}row></{prefix}sheetData>'
    assert _uncached_formulas(xml.encode()) == want
