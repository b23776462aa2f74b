"""Data-entry forms out, results back in: the whole round trip on the Lào Cai sample.

The master is the sample with its result column emptied (three cells kept, to see
"changed" and "unchanged"); each agency types into its form the sample's own results,
read by hand from the sample below. One agency retypes its figures in its own layout, one
sends its form twice, one never answers, one changes a plan, one sends a corrupt file,
one deletes a row, one leaves a cell empty and two co-leads disagree on one figure.
"""
from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import run_cli, sample, typed_book
from kh_excel.api import read_workbook
from kh_excel.collect.forms import COL, FIRST_ROW, FORM_SHEET, KEY_HEADER, parse_key, row_digest
from kh_excel.collect.merge import judge_result
from kh_excel.core.model import Indicator, Target

SAMPLE = sample("chi_tieu_2026_lao_cai.xlsx")
RESULT_COL = 5  # column E «Ước thực hiện năm 2026» of the sample

# The sample's results (column E), read by hand: sheet row -> value.
TRUTH = {
    8: 151200, 9: 100, 10: 15.1, 11: 37.8, 12: 39.7, 13: 7.4, 14: 8.2, 15: 94.1, 16: 50.2, 17: 10.8,
    18: 24120, 19: 91500, 20: 32.4, 21: 11650, 22: 52300, 23: 108.5, 24: 5820, 25: 13150, 26: 57,
    27: 70.1, 28: 5.8, 29: 1050, 31: 72.5, 32: 65.5, 33: 70.2, 34: 72, 35: 27.5, 36: 47.9, 37: 95.3,
    38: 42, 39: 12.6, 40: 41, 41: 78, 42: 69.5, 43: 17, 44: 1.7, 45: 36.5, 47: 61.3, 48: 92, 49: 100,
    50: 84.5, 51: 41.7, 52: 52, 54: 55, 55: "Tăng 3 bậc so với năm 2025",
}
KEPT_IN_MASTER = {17: 10.5, 20: 32.4}   # values the master already holds before collecting

# What the agencies do (see the module docstring).
RETYPED = "Sở Văn hóa, Thể thao và Du lịch"     # rows 21, 22
TWICE = "Sở Công Thương"                         # rows 23, 24
SILENT = "Hải quan khu vực VII"                  # co-leads row 18 with four others
PLAN_CHANGER = "Sở Xây dựng"                      # rows 20, 29: plan of row 29 typed 1.500 instead of 1.200
CORRUPT = "Thuế tỉnh"                             # co-leads row 18
ROW_DELETER = "Sở Nông nghiệp và Môi trường"      # rows 18, 51: deletes row 51
EMPTY_LEAVER = "UBND các xã/phường"               # leaves row 45 empty
DISAGREER = "Thống kê tỉnh"                       # co-leads rows 8-16, 19 with Sở Tài chính: 94,0 for row 15

EXPECTED = dict(TRUTH)
EXPECTED[15] = None   # conflict: not written, the master's cell (empty) stays
EXPECTED[51] = None   # its only lead deleted the row
EXPECTED[45] = None   # left empty
EXPECTED[29] = None   # its plan was changed: a result against another plan is not written


def _agency_of(path: Path) -> str:
    wb = openpyxl.load_workbook(path, read_only=True)
    return dict(wb["_kh_excel_phieu"].iter_rows(values_only=True))["Cơ quan"]


@pytest.fixture(scope="module")
def trip(tmp_path_factory):
    base = tmp_path_factory.mktemp("collect")
    wb = openpyxl.load_workbook(SAMPLE)
    ws = wb.active
    for r in TRUTH:
        ws.cell(r, RESULT_COL).value = KEPT_IN_MASTER.get(r)
    ws["J8"] = "=E8/D8*100"   # a formula outside the result column must survive the merge
    master = base / "tong_hop.xlsx"
    wb.save(master)
    master_bytes = master.read_bytes()

    forms = base / "phieu"
    proc = run_cli("forms", master, "-o", forms, "--period", "Năm 2026", "--deadline", "15/11/2026", "--json")
    assert proc.returncode == 0, proc.stderr
    listing = json.loads(proc.stdout)["forms"]

    back = base / "nhan_lai"
    back.mkdir()
    sent: dict[str, Path] = {}
    for item in listing:
        path, agency = Path(item["file"]), item["agency"]
        assert _agency_of(path) == agency
        values = dict(TRUTH)
        if agency == SILENT or agency == RETYPED:
            continue
        if agency == DISAGREER:
            values[15] = 94.0
        if agency == EMPTY_LEAVER:
            values[45] = None
        book = typed_book(path, values)
        fs = book[FORM_SHEET]
        if agency == PLAN_CHANGER:
            fs.protection.sheet = False  # no password: anyone can, and collect must refuse the plan
            for r in range(FIRST_ROW, fs.max_row + 1):
                if (parse_key(fs.cell(r, COL["key"]).value) or (0, 0))[1] == 29:
                    fs.cell(r, COL["target"]).value = 1500
        if agency == ROW_DELETER:
            fs.protection.sheet = False
            for r in range(FIRST_ROW, fs.max_row + 1):
                if (parse_key(fs.cell(r, COL["key"]).value) or (0, 0))[1] == 51:
                    fs.delete_rows(r)
                    break
        out = back / path.name
        book.save(out)
        sent[agency] = out
    shutil.copy(sent[TWICE], back / "Sở Công Thương - gửi lại.xlsx")
    sent[CORRUPT].write_bytes(sent[CORRUPT].read_bytes()[:1500])  # cut short in transit

    # Retyped by hand in its own layout: columns in another order, rows reordered, names in
    # capitals or without some accents, old tone placement (hoá), a figure typed as text,
    # and a row the master does not have.
    rb = openpyxl.Workbook()
    rs = rb.active
    rs.title = "Bao cao"
    rs.append(["BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM 2026 CỦA SỞ VĂN HOÁ, THỂ THAO VÀ DU LỊCH"])
    rs.append([])
    rs.append(["TT", "Tên chỉ tiêu", "Kết quả thực hiện năm 2026", "ĐVT", "Kế hoạch năm 2026"])
    rs.append(["", "tổng doanh thu du lich", 52300, "Tỷ đồng", 51000])
    rs.append(["8", "TỔNG LƯỢNG KHÁCH DU LỊCH", "11.650", "1000 lượt người", "11.280"])
    rs.append(["9", "Số lượt khách quốc tế", 820, "1000 lượt người", 800])
    retyped = back / "bao cao VHTTDL.xlsx"
    rb.save(retyped)

    inputs = sorted(back.iterdir())
    before = {p: p.read_bytes() for p in inputs}
    merged = base / "tong_hop_da_nhan.xlsx"
    proc = run_cli("collect", master, back, "-o", merged, "--json")
    assert proc.stdout.strip(), proc.stderr
    report = json.loads(proc.stdout)
    assert master.read_bytes() == master_bytes and all(p.read_bytes() == b for p, b in before.items())
    return {"base": base, "master": master, "merged": merged, "report": report, "code": proc.returncode,
            "forms": listing, "corrupt": sent[CORRUPT], "retyped": retyped}


def _agency(report: dict, name: str) -> dict:
    return next(a for a in report["agencies"] if a["agency"] == name)


def test_forms_hold_only_each_agencys_rows(trip):
    counts = {f["agency"]: f["indicators"] for f in trip["forms"]}
    # Hand count from the sample's column F: Sở Tài chính leads rows 8-16, 19 and 55.
    assert counts["Sở Tài chính"] == 11
    assert counts["Thống kê tỉnh"] == 10
    assert counts["Sở Xây dựng"] == 2 and counts[SILENT] == 1
    assert len(counts) == 13
    form = Path(next(f["file"] for f in trip["forms"] if f["agency"] == "Sở Xây dựng"))
    ws = openpyxl.load_workbook(form)[FORM_SHEET]
    assert ws["A2"].value == "Cơ quan chủ trì: Sở Xây dựng"
    assert ws["A3"].value == "Kỳ báo cáo: Năm 2026; Hạn gửi: 15/11/2026"
    rows = [r for r in range(FIRST_ROW, ws.max_row + 1) if ws.cell(r, COL["key"]).value]
    assert [ws.cell(r, COL["name"]).value for r in rows] == ["Tỷ lệ đô thị hóa", "Phát triển nhà ở xã hội"]
    assert [ws.cell(r, COL["target"]).value for r in rows] == [32.4, 1200]
    assert ws.cell(6, COL["key"]).value == KEY_HEADER and ws.column_dimensions["H"].hidden
    assert ws.protection.sheet and not ws.protection.password
    unlocked = {c.coordinate for row in ws.iter_rows() for c in row if not c.protection.locked}
    assert unlocked == {f"F{r}" for r in rows}


def test_libreoffice_keeps_validation_protection_and_keys(trip, tmp_path):
    from lo import convert
    form = Path(next(f["file"] for f in trip["forms"] if f["agency"] == "Sở Tài chính"))
    src = tmp_path / "tai_chinh.xlsx"
    shutil.copy(form, src)
    (out,) = convert([src], "xlsx", tmp_path / "lo")
    wb = openpyxl.load_workbook(out)
    ws = wb[FORM_SHEET]
    dvs = {dv.type: dv for dv in ws.data_validations.dataValidation}
    numeric = dvs["custom"]
    assert "ISNUMBER(F8)" in numeric.formula1 and "khoảng" in numeric.formula1
    assert str(numeric.sqref) == "F8:F17"   # rows 8-16 and 19 of the master, under section I
    assert numeric.errorStyle == "warning" and numeric.showErrorMessage and numeric.showInputMessage
    assert numeric.prompt.startswith("Nhập một số") and numeric.errorTitle == "Số liệu chưa hợp lệ"
    assert ws.protection.sheet and ws["F8"].protection.locked is False and ws["D8"].protection.locked
    assert ws.column_dimensions["H"].hidden and wb["_kh_excel_phieu"].sheet_state == "hidden"
    # The round-tripped form still matches the master by its keys.
    table = read_workbook(out)
    assert table.sheet == FORM_SHEET and table.year == 2026


def test_collect_writes_exactly_the_expected_results(trip):
    merged = read_workbook(trip["merged"])
    got = {i.row: (i.result if i.result is not None else (i.result_text or None)) for i in merged.indicators}
    want = {r: (None if v is None else v if isinstance(v, str) else Decimal(str(v))) for r, v in EXPECTED.items()}
    assert got == want
    ws = openpyxl.load_workbook(trip["merged"]).active
    assert ws["J8"].value == "=E8/D8*100"
    assert ws["E17"].value == 10.8 and ws["E15"].value is None


def test_report_names_every_case(trip):
    rep, code = trip["report"], trip["code"]
    assert code == 1   # conflicts, a refused plan, a deleted row, a failed file: attention needed
    assert sorted(rep["not_returned"]) == sorted([SILENT, CORRUPT])
    assert rep["returned_twice"] == [TWICE]
    assert len(_agency(rep, TWICE)["files"]) == 2 and _agency(rep, TWICE)["counts"]["conflicts"] == 0

    (failed,) = rep["failed"]
    assert failed["file"] == str(trip["corrupt"]) and str(trip["corrupt"]) in failed["reason"]
    assert "hỏng" in failed["reason"] or "cắt cụt" in failed["reason"]

    (conflict,) = rep["conflicts"]
    assert conflict["row"] == 15
    assert sorted((v["agency"], v["value"]) for v in conflict["values"]) == [("Sở Tài chính", 94.1), (DISAGREER, 94)]

    xd = _agency(rep, PLAN_CHANGER)
    (plan,) = xd["refused_plans"]
    assert (plan["row"], plan["master"], plan["returned"]) == (29, "1.200", "1.500")
    assert (plan["result"], plan["result_cell"]) == ("1.050", "F9")   # said, not written
    assert [i["row"] for i in xd["unchanged"]] == [20] and xd["filled"] == []

    kh = _agency(rep, "Sở Khoa học và Công nghệ")
    (changed,) = kh["changed"]
    assert (changed["row"], changed["old"], changed["new"]) == (17, 10.5, 10.8)
    # which file and cell replaced the master's figure (the form's row 8 under section I)
    assert (Path(changed["file"]).name, changed["sheet"], changed["cell"]) == ("Sở Khoa học và Công nghệ.xlsx", FORM_SHEET, "F8")

    assert [i["row"] for i in _agency(rep, ROW_DELETER)["deleted"]] == [51]
    assert [i["row"] for i in _agency(rep, EMPTY_LEAVER)["empty"]] == [45]

    vh = _agency(rep, RETYPED)
    assert vh["identified_by"] == ["title"] and vh["matched_by"] == {"key": 0, "stt_name": 2}
    assert sorted(i["row"] for i in vh["filled"]) == [21, 22]
    (added,) = vh["added"]
    assert added["name"] == "Số lượt khách quốc tế" and added["row"] is None
    assert any("11.650" in n["note"] for n in vh["notes"])

    tc = _agency(rep, "Sở Tài chính")
    assert tc["counts"]["filled"] == 10 and tc["counts"]["conflicts"] == 1  # 11 rows, row 15 in conflict
    assert rep["written"] == len([v for v in EXPECTED.values() if v is not None])


def test_text_report_and_bad_calls(trip, tmp_path):
    proc = run_cli("collect", trip["master"], trip["retyped"], "-o", tmp_path / "m.xlsx")
    assert proc.returncode == 1, proc.stderr   # one added row needs a look
    assert "Sở Văn hóa, Thể thao và Du lịch" in proc.stdout and "theo STT và tên chỉ tiêu" in proc.stdout
    assert "Chưa gửi (12)" in proc.stdout and "Traceback" not in proc.stderr
    proc = run_cli("collect", trip["master"], trip["retyped"], "-o", trip["master"])
    assert proc.returncode == 2 and "khác tệp đầu vào" in proc.stderr
    proc = run_cli("collect", trip["corrupt"], trip["retyped"], "-o", tmp_path / "x.xlsx")
    assert proc.returncode == 2 and str(trip["corrupt"]) in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "x.xlsx").exists()


def test_forms_never_overwrite_a_filled_form(trip, tmp_path):
    filled = trip["base"] / "nhan_lai" / "Sở Xây dựng.xlsx"
    target = tmp_path / "Sở Xây dựng.xlsx"
    shutil.copy(filled, target)
    data = target.read_bytes()
    proc = run_cli("forms", trip["master"], "-o", tmp_path)
    assert proc.returncode == 2 and str(target) in proc.stderr and "không ghi đè" in proc.stderr
    assert target.read_bytes() == data and sorted(tmp_path.iterdir()) == [target]
    # Blank forms of an earlier run are simply made again.
    assert run_cli("forms", trip["master"], "-o", trip["base"] / "phieu").returncode == 0


def test_merged_table_recalculates_and_reads_like_any_other(trip, tmp_path):
    from lo import convert
    (recalc,) = convert([trip["merged"]], "xlsx", tmp_path / "lo")
    ws = openpyxl.load_workbook(recalc, data_only=True).active
    assert ws["J8"].value == pytest.approx(151200 / 155000 * 100)   # LibreOffice computed the kept formula
    code, att = _json("attainment", recalc)
    assert code == 0
    status = {i["row"]: i["status"] for i in att["indicators"]}
    ratio = {i["row"]: i["ratio"] for i in att["indicators"]}
    assert ratio[8] == pytest.approx(151200 / 155000 * 100, abs=1e-4)
    assert status[8] == "khong_dat"          # 151.200 < 155.000
    assert status[21] == "vuot"              # 11.650 > 11.280
    assert status[15] == "chua_co_so_lieu"   # the conflict left it empty
    assert status[20] == "dat"               # 32,4 = 32,4
    code, chk = _json("check", recalc)
    assert code in (0, 1) and chk["sheet"] == "Phụ lục chỉ tiêu"
    proc = run_cli("render", "bao-cao", recalc, "-o", tmp_path / "bao_cao.docx")
    assert proc.returncode == 0, proc.stderr
    from helpers import docx_paragraphs
    assert any("Tổng lượng khách du lịch" in p for p in docx_paragraphs(tmp_path / "bao_cao.docx"))


def _json(*args):
    proc = run_cli(*args, "--json")
    assert proc.stdout.strip(), proc.stderr
    return proc.returncode, json.loads(proc.stdout)


def test_plan_only_master_gets_a_result_column(tmp_path):
    master = sample("chi_tieu_2026_ke_hoach.xlsx")
    forms = tmp_path / "phieu"
    assert run_cli("forms", master, "-o", forms).returncode == 0
    form = forms / "Sở Xây dựng.xlsx"
    book = typed_book(form, {20: 33, 29: 1100})
    book.save(tmp_path / "xd.xlsx")
    proc = run_cli("collect", master, tmp_path / "xd.xlsx", "-o", tmp_path / "m.xlsx", "--json")
    assert proc.returncode == 0, proc.stderr
    table = read_workbook(tmp_path / "m.xlsx")
    assert table.has_results and table.column_headers["result"] == "Thực hiện năm 2026"
    assert {i.row: i.result for i in table.indicators if i.result is not None} == {20: 33, 29: 1100}


def test_text_from_a_returned_file_never_becomes_a_formula(tmp_path):
    master = sample("chi_tieu_2026_ke_hoach.xlsx")
    assert run_cli("forms", master, "-o", tmp_path / "phieu").returncode == 0
    book = typed_book(tmp_path / "phieu" / "Sở Nội vụ.xlsx", {55: '=HYPERLINK("http://x","Tăng 3 bậc")'})
    ws = book[FORM_SHEET]
    cell = next(c for c in ws["F"] if isinstance(c.value, str) and c.value.startswith("="))
    cell.data_type = "s"   # typed as text, as a person pasting it would leave it
    book.save(tmp_path / "nv.xlsx")
    proc = run_cli("collect", master, tmp_path / "nv.xlsx", "-o", tmp_path / "m.xlsx", "--json")
    assert proc.returncode == 0, proc.stderr
    out = openpyxl.load_workbook(tmp_path / "m.xlsx").active
    assert out["H55"].data_type == "s" and out["H55"].value.startswith("=HYPERLINK")


def test_a_master_without_a_year_still_reads_the_result_column(tmp_path):
    wb = openpyxl.load_workbook(SAMPLE)
    ws = wb.active
    ws["D5"], ws["E5"] = "Kế hoạch", "Thực hiện"   # no year: the form's previous-year column must not pass for it
    for r in TRUTH:
        ws.cell(r, RESULT_COL).value = None
    master = tmp_path / "khong_nam.xlsx"
    wb.save(master)
    assert run_cli("forms", master, "-o", tmp_path / "phieu").returncode == 0
    book = typed_book(tmp_path / "phieu" / "Sở Xây dựng.xlsx", {20: 32.4, 29: 1050})
    book[FORM_SHEET].cell(FIRST_ROW, COL["previous"]).value = 30   # a previous-year figure the agency added
    book.save(tmp_path / "xd.xlsx")
    proc = run_cli("collect", master, tmp_path / "xd.xlsx", "-o", tmp_path / "m.xlsx")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    got = {i.row: i.result for i in read_workbook(tmp_path / "m.xlsx").indicators if i.result is not None}
    assert got == {20: Decimal("32.4"), 29: 1050}


def test_a_table_without_lead_agencies_is_refused_plainly(tmp_path):
    real = sample("chi_tieu_2026_lao_cai.xlsx").parents[1] / "real" / "gtsx_huyen_2015_2025.xlsx"
    for args in (("forms", real, "-o", tmp_path / "phieu"), ("collect", real, tmp_path, "-o", tmp_path / "m.xlsx")):
        proc = run_cli(*args)
        assert proc.returncode == 2 and "Traceback" not in proc.stderr
        assert str(real) in proc.stderr and "trang «TONG HOP»" in proc.stderr and "Cơ quan chủ trì" in proc.stderr
    assert not list(tmp_path.iterdir())


def test_every_sample_row_is_found_by_its_name_without_accents_or_case():
    from kh_excel.collect.forms import agency_rows
    from kh_excel.collect.returned import MasterIndex
    from kh_excel.core.text import fold
    table = read_workbook(SAMPLE)
    index = MasterIndex(table, agency_rows(table))
    for ind in table.indicators:
        found, why = index.match_by_name(ind.stt, fold(ind.name).upper(), ind.number)
        assert found is ind, (ind.row, why)


# ------------------------------------------------------------------------- parsers

def _ind(target: Target = Target("100", "=", Decimal(100))) -> Indicator:
    return Indicator(row=8, kind="indicator", stt="1", name="x", target=target)


@settings(max_examples=200, deadline=None)
@given(st.decimals(min_value=-10**9, max_value=10**9, places=3, allow_nan=False, allow_infinity=False))
def test_a_number_typed_into_a_cell_is_taken_as_it_is(d):
    v = judge_result(float(d), None, _ind())
    assert v.kind == "number" and v.number == Decimal(str(float(d)))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30), st.integers(min_value=1, max_value=10**6), st.text(max_size=30))
def test_row_keys_round_trip(sheet, row, name):
    from kh_excel.collect.forms import row_key
    ind = Indicator(row=row, kind="indicator", stt="1", name=name)
    key = row_key(sheet, ind)
    if sheet:
        assert parse_key(key) == (sheet, row, row_digest("1", name))
    assert parse_key(name) is None or "#" in name


@settings(max_examples=300, deadline=None)
@given(st.decimals(min_value=-10**12, max_value=10**12, places=3, allow_nan=False, allow_infinity=False))
def test_a_number_typed_as_vietnamese_text_is_read_right_or_refused(d):
    """With no plan figure to weigh its two readings (beside one: test_collect_record)."""
    from kh_excel.core.numbers import format_number
    v = judge_result(format_number(d), None, _ind(Target("Hoàn thành", "text")))
    assert v.kind == "invalid" or (v.kind == "number" and v.number == d)


def test_result_text_is_judged_strictly():
    assert judge_result("1.234,5", None, _ind()).number == Decimal("1234.5")
    # «70.2» has one reading (a dot before one digit groups no thousands): 70,2, as check reads it, with its warning
    # (R15-9; it used to be refused as «70,2 or 702?», which no Vietnamese writing of 702 is)
    v = judge_result("70.2", None, _ind())
    assert (v.kind, v.number) == ("number", Decimal("70.2")) and "đã hiểu là 70,2" in v.note
    note = judge_result("1,234", None, _ind(Target("Hoàn thành", "text"))).note  # 1,234 or 1.234, nothing to weigh
    assert "không ghi" in note and "đã hiểu" not in note and "«1,234»" in note   # … refused, and says it is not written
    assert judge_result(">95", None, _ind()).text == ">95"
    assert judge_result("Hoàn thành", None, _ind()).kind == "invalid"      # words for a numeric target
    # an estimate or a change the reader reads (branch est) is kept as written, whatever the plan
    assert judge_result("ƯTH 11.800", None, _ind()).text == "ƯTH 11.800"
    assert judge_result("Giảm 7%", None, _ind()).text == "Giảm 7%"
    assert judge_result("ƯTH 2026", None, _ind()).kind == "invalid"       # a header, no figure
    assert judge_result("Hoàn thành", None, _ind(Target("Hoàn thành", "text"))).text == "Hoàn thành"
    assert judge_result(0.953, "0.0%", _ind()).number == Decimal("95.3")
    assert judge_result("  ", None, _ind()).kind == "empty"
    assert row_digest("1", "Tỷ lệ đô thị hoá") == row_digest("1", "TY LE DO THI HOA")
