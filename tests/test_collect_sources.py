"""collect puts into the master only figures of its own year, table, sheet and period.

Small masters built here with openpyxl (three indicators, three lead agencies); the forms are made by
`kh-excel forms` and filled as an agency would. Every expected figure is the one typed in the test, every
refused case leaves the master's cell as it was (read back from the merged copy).
"""
from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from helpers import run_cli
from kh_excel.collect.forms import COL, FIRST_ROW, FORM_SHEET, parse_key

AGENCIES = ("Phòng Kinh tế", "Phòng Nông nghiệp", "Phòng Tài chính")
ROWS = (("1", "Giá trị sản xuất công nghiệp", "Tỷ đồng", 1200),
        ("2", "Tỷ lệ hộ nghèo", "%", 5),
        ("3", "Tổng thu ngân sách", "Tỷ đồng", 300))
FIRST = 4   # the master's first indicator row (title, blank, header)


def _master(path: Path, year: int = 2026, results: dict[int, object] | None = None,
            columns: tuple[str, ...] | None = None, sheets: tuple[str, ...] = ("Chỉ tiêu",)) -> Path:
    """A master: STT | Chỉ tiêu | ĐVT | Kế hoạch năm N | result column(s) | Cơ quan chủ trì."""
    columns = columns or (f"Ước thực hiện năm {year}",)
    wb = openpyxl.Workbook()
    for i, name in enumerate(sheets):
        ws = wb.active if i == 0 else wb.create_sheet()
        ws.title = name
        ws.append([f"CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM {year} HUYỆN BẮC HÀ"])
        ws.append([])
        ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", f"Kế hoạch năm {year}", *columns, "Cơ quan chủ trì"])
        for (stt, name_, unit, plan), agency in zip(ROWS, AGENCIES):
            ws.append([stt, name_, unit, plan, *([None] * len(columns)), agency])
        for (r, c), v in (results or {}).items():
            ws.cell(r, c).value = v
    wb.save(path)
    return path


def _forms(master: Path, out: Path, *args: str) -> dict[str, Path]:
    proc = run_cli("forms", master, "-o", out, "--json", *args)
    assert proc.returncode == 0, proc.stderr
    return {f["agency"]: Path(f["file"]) for f in json.loads(proc.stdout)["forms"]}


def _fill(form: Path, out: Path, result: object, plan: object = None, note: str | None = None) -> Path:
    """The agency types `result` into its form's one row (and, unprotected, a plan or a note)."""
    wb = openpyxl.load_workbook(form)
    ws = wb[FORM_SHEET]
    (r,) = [r for r in range(FIRST_ROW, ws.max_row + 1) if parse_key(ws.cell(r, COL["key"]).value)]
    ws.cell(r, COL["result"]).value = result
    if plan is not None:
        ws.protection.sheet = False
        ws.cell(r, COL["target"]).value = plan
    if note is not None:
        ws.cell(r, COL["note"]).value = note
    wb.save(out)
    return out


def _collect(master: Path, *returned: Path, args: tuple[str, ...] = ()) -> tuple[int, dict, Path]:
    merged = master.with_name("tong_hop.xlsx")
    merged.unlink(missing_ok=True)
    proc = run_cli("collect", master, *returned, "-o", merged, "--json", *args)
    assert proc.stdout.strip(), proc.stderr
    return proc.returncode, json.loads(proc.stdout), merged


def _cells(path: Path, col: int, sheet: str | None = None) -> list:
    ws = openpyxl.load_workbook(path)[sheet] if sheet else openpyxl.load_workbook(path).active
    return [ws.cell(FIRST + i, col).value for i in range(len(ROWS))]


def _agency(report: dict, name: str) -> dict:
    return next(a for a in report["agencies"] if a["agency"] == name)


# --------------------------------------------------------------- defect 1: another year, file, sheet


def test_a_form_of_last_years_table_writes_nothing(tmp_path):
    old = _master(tmp_path / "chi_tieu_2025.xlsx", year=2025)
    form = _forms(old, tmp_path / "phieu2025")["Phòng Kinh tế"]
    sent = _fill(form, tmp_path / "Phòng Kinh tế.xlsx", 1119)
    master = _master(tmp_path / "chi_tieu_2026.xlsx", results={(FIRST, 5): 1150})
    code, rep, merged = _collect(master, sent)
    assert code == 1 and rep["needs_attention"] and rep["written"] == 0
    (failed,) = rep["failed"]
    assert failed["file"] == str(sent)
    assert "năm 2025" in failed["reason"] and "năm 2026" in failed["reason"]
    assert "«chi_tieu_2025.xlsx»" in failed["reason"] and "«chi_tieu_2026.xlsx»" in failed["reason"]
    assert _cells(merged, 5) == [1150, None, None]   # the master's own figure, not 1119
    # the agency did answer, with the wrong form: said so, not a bare «chưa gửi»
    assert failed["agency"] == "Phòng Kinh tế" and failed["refused"] is True
    out = run_cli("collect", master, sent, "-o", tmp_path / "m.xlsx").stdout
    assert "Chưa gửi (3): Phòng Kinh tế (tệp gửi bị từ chối), Phòng Nông nghiệp" in out
    assert "Không nhận: Tệp «" in out and "0 tệp không đọc được, 1 tệp bị từ chối." in out


def test_a_form_of_another_master_file_or_sheet_writes_nothing(tmp_path):
    # same year, same rows: only the hidden sheet tells the forms apart
    other = _master(tmp_path / "ke_hoach.xlsx")
    form = _forms(other, tmp_path / "phieu")["Phòng Tài chính"]
    sent = _fill(form, tmp_path / "tc.xlsx", 310)
    master = _master(tmp_path / "chi_tieu.xlsx")
    code, rep, merged = _collect(master, sent)
    (failed,) = rep["failed"]
    assert code == 1 and "«ke_hoach.xlsx»" in failed["reason"] and "đặt lại tên" in failed["reason"]
    assert _cells(merged, 5) == [None, None, None]

    # a workbook of two communes' sheets: a form of «Xã A» never fills «Xã B»
    both = _master(tmp_path / "hai_xa.xlsx", sheets=("Xã A", "Xã B"))
    form = _forms(both, tmp_path / "phieu_a", "--sheet", "Xã A")["Phòng Tài chính"]
    sent = _fill(form, tmp_path / "tc_a.xlsx", 310)
    code, rep, merged = _collect(both, sent, args=("--sheet", "Xã B"))
    (failed,) = rep["failed"]
    assert code == 1 and "trang «Xã A»" in failed["reason"] and "trang «Xã B»" in failed["reason"]
    assert _cells(merged, 5, "Xã B") == [None, None, None]
    code, rep, merged = _collect(both, sent, args=("--sheet", "Xã A"))
    assert code == 0 and _cells(merged, 5, "Xã A") == [None, None, 310]


def test_a_result_against_a_changed_plan_is_not_written(tmp_path):
    master = _master(tmp_path / "chi_tieu.xlsx")
    form = _forms(master, tmp_path / "phieu")["Phòng Kinh tế"]
    sent = _fill(form, tmp_path / "kt.xlsx", 1250, plan=1000)
    code, rep, merged = _collect(master, sent)
    (plan,) = _agency(rep, "Phòng Kinh tế")["refused_plans"]
    assert (plan["master"], plan["returned"], plan["result"]) == ("1.200", "1.000", "1.250")
    assert code == 1 and rep["written"] == 0 and _cells(merged, 5) == [None, None, None]


# --------------------------------------------------------------- defect 2: the form's own sheet


def test_a_form_is_read_from_its_own_sheet_whatever_comes_first(tmp_path):
    master = _master(tmp_path / "chi_tieu.xlsx")
    form = _forms(master, tmp_path / "phieu")["Phòng Kinh tế"]
    sent = _fill(form, tmp_path / "kt.xlsx", 1250)
    wb = openpyxl.load_workbook(sent)
    ws = wb[FORM_SHEET]
    copy = wb.copy_worksheet(ws)           # the agency's working copy, keys and all, one commune's figure
    copy.title = "Xã Bảo Hà"
    copy.cell(FIRST_ROW, COL["result"]).value = 12
    wb.move_sheet(copy, -wb.index(copy))   # first …
    wb.active = 0                          # … and active
    wb.save(sent)
    assert openpyxl.load_workbook(sent).sheetnames[0] == "Xã Bảo Hà"
    code, rep, merged = _collect(master, sent)
    assert _cells(merged, 5) == [1250, None, None]
    (note,) = _agency(rep, "Phòng Kinh tế")["notes"]
    assert "«Xã Bảo Hà»" in note["note"] and f"«{FORM_SHEET}»" in note["note"]

    # «Phiếu nhập» renamed: the one sheet with the row keys is the form; two such sheets, none is
    wb = openpyxl.load_workbook(sent)
    wb[FORM_SHEET].title = "Số liệu"
    wb.save(tmp_path / "renamed.xlsx")
    del wb["Xã Bảo Hà"]
    wb.save(tmp_path / "renamed_only.xlsx")
    code, rep, merged = _collect(master, tmp_path / "renamed_only.xlsx")
    assert _cells(merged, 5) == [1250, None, None]
    code, rep, merged = _collect(master, tmp_path / "renamed.xlsx")
    (failed,) = rep["failed"]
    assert code == 1 and "«Số liệu»" in failed["reason"] and "«Xã Bảo Hà»" in failed["reason"]
    assert _cells(merged, 5) == [None, None, None]


# --------------------------------------------------------------- defect 3: period and year of the column


def _retyped(path: Path, title: str, header: list[str], row: list) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append([title])
    ws.append([])
    ws.append(header)
    ws.append(row)
    wb.save(path)
    return path


def test_last_years_or_six_months_figures_never_fill_the_years_column(tmp_path):
    master = _master(tmp_path / "chi_tieu.xlsx")
    last_year = _retyped(tmp_path / "kt_2025.xlsx", "PHÒNG KINH TẾ - BÁO CÁO NĂM 2025",
                         ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2025", "Thực hiện năm 2025"],
                         ["1", "Giá trị sản xuất công nghiệp", "Tỷ đồng", 1200, 1119])
    code, rep, merged = _collect(master, last_year)
    (failed,) = rep["failed"]
    assert code == 1 and "năm 2025" in failed["reason"] and "«Ước thực hiện năm 2026»" in failed["reason"]
    assert _cells(merged, 5) == [None, None, None]

    six = _retyped(tmp_path / "tc.xlsx", "PHÒNG TÀI CHÍNH - BÁO CÁO SỐ LIỆU",
                   ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2026", "Thực hiện 6 tháng năm 2026",
                    "Ước thực hiện cả năm 2026"],
                   ["3", "Tổng thu ngân sách", "Tỷ đồng", 300, 160, None])
    code, rep, merged = _collect(master, six)
    tc = _agency(rep, "Phòng Tài chính")
    assert [i["row"] for i in tc["empty"]] == [FIRST + 2]       # the year's column of the file is empty
    assert any("6 tháng năm 2026" in n["note"] for n in tc["notes"])
    assert rep["written"] == 0 and _cells(merged, 5) == [None, None, None]

    # both filled: the year's figure, never the six months'
    _retyped(six, "PHÒNG TÀI CHÍNH - BÁO CÁO SỐ LIỆU",
             ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2026", "Thực hiện 6 tháng năm 2026", "Ước thực hiện cả năm 2026"],
             ["3", "Tổng thu ngân sách", "Tỷ đồng", 300, 160, 310])
    code, rep, merged = _collect(master, six)
    assert _cells(merged, 5) == [None, None, 310]


def test_forms_and_collect_choose_the_period_column(tmp_path):
    cols = ("Thực hiện 6 tháng năm 2026", "Ước thực hiện cả năm 2026")
    master = _master(tmp_path / "chi_tieu.xlsx", columns=cols, results={(FIRST, 5): 540, (FIRST + 2, 5): 160})
    # by default the period with figures: six months' forms
    six = _forms(master, tmp_path / "phieu6")["Phòng Kinh tế"]
    assert openpyxl.load_workbook(six)[FORM_SHEET].cell(6, COL["result"]).value == cols[0]
    year = _forms(master, tmp_path / "phieu12", "--period", "cả năm")["Phòng Kinh tế"]
    assert openpyxl.load_workbook(year)[FORM_SHEET].cell(6, COL["result"]).value == cols[1]
    sent = _fill(year, tmp_path / "kt.xlsx", 1250)

    # collected into the six months' column (the default): refused, the way out named
    code, rep, merged = _collect(master, sent)
    (failed,) = rep["failed"]
    assert code == 1 and "--period" in failed["reason"] and "6 tháng năm 2026" in failed["reason"]
    assert _cells(merged, 5) == [540, None, 160] and _cells(merged, 6) == [None, None, None]

    code, rep, merged = _collect(master, sent, args=("--period", "cả năm"))
    assert code == 0, rep
    assert _cells(merged, 5) == [540, None, 160] and _cells(merged, 6) == [1250, None, None]

    # «năm 2026» is in both columns' names: said, not guessed
    for cmd in (("forms", master, "-o", tmp_path / "x"), ("collect", master, sent, "-o", tmp_path / "x.xlsx")):
        proc = run_cli(*cmd, "--period", "năm 2026")
        assert proc.returncode == 2 and "Traceback" not in proc.stderr
        assert (f"trang «Chỉ tiêu» có 2 cột khớp với kỳ «năm 2026»: cột E «{cols[0]}», cột F «{cols[1]}»;"
                in proc.stderr)
        assert not (tmp_path / "x").exists() and not (tmp_path / "x.xlsx").exists()


# --------------------------------------------------------------- defect 11, 7, 9: what the report says


def test_replacing_a_figure_of_the_master_needs_review(tmp_path):
    master = _master(tmp_path / "chi_tieu.xlsx", results={(FIRST, 5): 1150})
    forms = _forms(master, tmp_path / "phieu")
    kt = _fill(forms["Phòng Kinh tế"], tmp_path / "kt.xlsx", 1250)
    code, rep, merged = _collect(master, kt)
    (changed,) = _agency(rep, "Phòng Kinh tế")["changed"]
    assert code == 1 and rep["needs_attention"]
    assert (changed["old"], changed["new"], changed["cell"], changed["file"]) == (1150, 1250, "F7", str(kt))
    assert _cells(merged, 5) == [1250, None, None]
    proc = run_cli("collect", master, kt, "-o", tmp_path / "m2.xlsx")
    assert proc.returncode == 1
    assert "bảng gốc 1.150 → 1.250" in proc.stdout and "tệp «kt.xlsx»" in proc.stdout and "ô F7" in proc.stdout

    # the same figure again, or a figure into an empty cell: nothing to review
    same = _fill(forms["Phòng Kinh tế"], tmp_path / "kt_same.xlsx", 1150)
    tc = _fill(forms["Phòng Tài chính"], tmp_path / "tc.xlsx", 310)
    code, rep, merged = _collect(master, same, tc)
    assert code == 0 and not rep["needs_attention"] and _cells(merged, 5) == [1150, None, 310]


def test_the_agencys_note_and_where_each_figure_came_from_reach_the_report(tmp_path):
    master = _master(tmp_path / "chi_tieu.xlsx")
    forms = _forms(master, tmp_path / "phieu")
    note = "Số sơ bộ, chưa gồm thu tiền sử dụng đất"
    tc = _fill(forms["Phòng Tài chính"], tmp_path / "tc.xlsx", 310, note=note)
    code, rep, _ = _collect(master, tc)
    (n,) = _agency(rep, "Phòng Tài chính")["notes"]
    assert note in n["note"] and (n["row"], n["cell"], n["sheet"]) == (FIRST + 2, "G7", FORM_SHEET)

    # two files of one agency disagree: the line says which file gave which figure
    again = _fill(forms["Phòng Tài chính"], tmp_path / "tc_sua.xlsx", 320)
    proc = run_cli("collect", master, tc, again, "-o", tmp_path / "m.xlsx")
    assert proc.returncode == 1
    assert "310 (Phòng Tài chính, tệp «tc.xlsx», ô F7)" in proc.stdout
    assert "320 (Phòng Tài chính, tệp «tc_sua.xlsx», ô F7)" in proc.stdout
    assert note in proc.stdout


def test_a_form_of_one_communes_column_never_fills_anothers(tmp_path):
    # two communes' columns with the same plans: only the column the form was made for tells them apart
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Chỉ tiêu"
    ws.append(["CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026 HUYỆN BẮC HÀ"])
    ws.append([])
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Xã A", None, "Xã B", None, "Cơ quan chủ trì"])
    ws.append([None, None, None, "Kế hoạch năm 2026", "Thực hiện năm 2026", "Kế hoạch năm 2026", "Thực hiện năm 2026"])
    for cells in ("A3:A4", "B3:B4", "C3:C4", "D3:E3", "F3:G3", "H3:H4"):
        ws.merge_cells(cells)
    for (stt, name, unit, plan), agency in zip(ROWS, AGENCIES):
        ws.append([stt, name, unit, plan, None, plan, None, agency])
    master = tmp_path / "hai_xa.xlsx"
    wb.save(master)
    form = _forms(master, tmp_path / "phieu_a", "--group", "Xã A")["Phòng Kinh tế"]
    sent = _fill(form, tmp_path / "kt.xlsx", 1250)
    code, rep, merged = _collect(master, sent, args=("--group", "Xã B"))
    (failed,) = rep["failed"]
    assert code == 1 and "«Xã A Thực hiện năm 2026»" in failed["reason"] and "--group" in failed["reason"]
    assert [openpyxl.load_workbook(merged).active.cell(5, c).value for c in (5, 7)] == [None, None]
    code, rep, merged = _collect(master, sent, args=("--group", "Xã A"))
    assert code == 0 and [openpyxl.load_workbook(merged).active.cell(5, c).value for c in (5, 7)] == [1250, None]


# --------------------------------------------------------------- the column's period, as a parser

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


def _table_of(result: str, plan: str):
    from kh_excel.core.model import Table
    return Table("t.xlsx", "Chỉ tiêu", {"target": 3, "result": 4}, {"target": plan, "result": result},
                 [3], 4, 4, [], [], [], year=None)


@settings(max_examples=200, deadline=None)
@given(st.integers(2000, 2099), st.sampled_from([3, 6, 9, 12]), st.sampled_from(["Thực hiện", "TH", "Ước thực hiện",
                                                                                 "ƯỚC THỰC HIỆN", "Kết quả thực hiện"]),
       st.booleans())
def test_a_result_columns_period_and_year_are_read_from_its_label(year, months, words, plan_names_it):
    from kh_excel.collect.returned import column_period, same_period
    if months == 12:
        label = f"{words} năm {year}" if plan_names_it else f"{words} cả năm {year}"
    else:
        label = f"{words} {months} tháng năm {year}"
    got = column_period(_table_of(label, f"Kế hoạch năm {year}"))
    assert got[:2] == (year, months)
    # the year may come from the plan alone («Thực hiện 6 tháng» beside «Kế hoạch năm 2026»)
    bare = label.replace(f" năm {year}", "")
    t = _table_of(bare, f"Kế hoạch năm {year}")
    t.year = year
    assert column_period(t)[:2] == (year, months)
    # another year, or another length of the year, is never the same period
    assert not same_period(got, (year - 1, months, got[2]))
    assert not same_period(got, (year, 12 if months < 12 else 6, ""))
    assert same_period(got, (None, months, got[2]))   # a table that names no year is not refused for it


def test_quarters_are_told_apart():
    from kh_excel.collect.returned import column_period, period_words, same_period
    q2 = column_period(_table_of("Thực hiện quý II năm 2026", "Kế hoạch năm 2026"))
    q3 = column_period(_table_of("Thực hiện Quý III năm 2026", "Kế hoạch năm 2026"))
    assert q2 == (2026, 3, "II") and q3 == (2026, 3, "III") and not same_period(q2, q3)
    assert period_words(q2) == "quý II năm 2026" and period_words((2026, 6, "")) == "6 tháng năm 2026"
    assert period_words((2025, 12, "")) == "năm 2025" and period_words((None, 12, "")) == "cả năm"


# ------------------------------------------- typed-up files: the label (or the title) must say the period


def test_typed_up_part_of_year_in_any_wording_never_fills_the_years_column(tmp_path):
    master = _master(tmp_path / "chi_tieu.xlsx")
    # each a part of the year, or no year at all: none is «Ước thực hiện năm 2026»
    cases = [("PHÒNG KINH TẾ - BÁO CÁO SỐ LIỆU", label) for label in (
        "TH 6T/2026", "Ước thực hiện đến 30/6/2026", "Thực hiện tháng 6/2026", "Thực hiện sáu tháng năm 2026",
        "Thực hiện đến 15/11/2026", "Thực hiện từ đầu năm đến nay", "Thực hiện nửa đầu năm 2026",
        "Thực hiện học kỳ I năm 2026", "Ước thực hiện cả năm")]
    cases.append(("PHÒNG KINH TẾ - BÁO CÁO KẾT QUẢ THỰC HIỆN 6 THÁNG ĐẦU NĂM 2026", "Thực hiện"))
    cases.append(("PHÒNG KINH TẾ - BÁO CÁO SỐ LIỆU", "Thực hiện"))
    cases.append(("PHÒNG KINH TẾ - BÁO CÁO SỐ LIỆU NĂM 2026 (số liệu đến 15/11/2026)", "Thực hiện"))
    cases.append(("PHÒNG KINH TẾ - BÁO CÁO 6 THÁNG ĐẦU NĂM 2026", "Thực hiện năm 2026"))
    files = [_retyped(tmp_path / f"kt_{i}.xlsx", title,
                      ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2026", label],
                      ["1", "Giá trị sản xuất công nghiệp", "Tỷ đồng", 1200, 555])
             for i, (title, label) in enumerate(cases)]
    code, rep, merged = _collect(master, *files)
    assert code != 0 and rep["written"] == 0
    assert sorted(Path(f["file"]).name for f in rep["failed"]) == sorted(f.name for f in files)
    assert _cells(merged, 5) == [None, None, None]
    by_name = {Path(f["file"]).name: f["reason"] for f in rep["failed"]}
    assert "6 tháng năm 2026" in by_name["kt_0.xlsx"] and "6 tháng năm 2026" in by_name["kt_1.xlsx"]
    assert "không đọc được là mấy tháng" in by_name["kt_2.xlsx"]
    assert "không ghi số liệu của năm nào" in by_name["kt_8.xlsx"]
    assert "tiêu đề" in by_name["kt_9.xlsx"] and "6 tháng năm 2026" in by_name["kt_9.xlsx"]
    assert "tiêu đề" in by_name["kt_11.xlsx"] and "không đọc được là mấy tháng" in by_name["kt_11.xlsx"]
    assert "tiêu đề của tệp là số liệu 6 tháng" in by_name["kt_12.xlsx"]


def test_typed_up_bare_result_takes_period_and_year_from_the_title(tmp_path):
    master = _master(tmp_path / "chi_tieu.xlsx")
    head = ["STT", "Chỉ tiêu", "ĐVT", "Thực hiện"]
    row = ["1", "Giá trị sản xuất công nghiệp", "Tỷ đồng", 777]
    last = _retyped(tmp_path / "kt_2025.xlsx", "PHÒNG KINH TẾ - BÁO CÁO KẾT QUẢ THỰC HIỆN NĂM 2025", head, row)
    code, rep, merged = _collect(master, last)
    (failed,) = rep["failed"]
    assert "năm 2025" in failed["reason"] and "tiêu đề" in failed["reason"]
    assert _cells(merged, 5) == [None, None, None]
    # this year's, with the signing date in the title lines: a date of signing is no «tháng 6»
    this = _retyped(tmp_path / "kt_2026.xlsx", "PHÒNG KINH TẾ - BÁO CÁO KẾT QUẢ THỰC HIỆN NĂM 2026", head, row)
    wb = openpyxl.load_workbook(this)
    wb.active["A2"] = "Bắc Hà, ngày 15 tháng 6 năm 2026"
    wb.save(this)
    code, rep, merged = _collect(master, this)
    assert rep["failed"] == [] and _cells(merged, 5) == [777, None, None]


def _grouped(path: Path, title: str, groups: tuple[str, ...], rows: list[list]) -> Path:
    """A sheet whose figures are split by merged group headers: STT | Chỉ tiêu | ĐVT | (KH | TH) per group."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Chỉ tiêu"
    ws.append([title])
    ws.append([])
    head = ["STT", "Chỉ tiêu", "Đơn vị tính"]
    for g in groups:
        head += [g, None]
    ws.append(head + (["Cơ quan chủ trì"] if len(rows[0]) > 3 + 2 * len(groups) else []))
    ws.append([None, None, None] + ["Kế hoạch năm 2026", "Ước thực hiện năm 2026"] * len(groups))
    for c in (1, 2, 3):
        ws.merge_cells(start_row=3, start_column=c, end_row=4, end_column=c)
    for i in range(len(groups)):
        ws.merge_cells(start_row=3, start_column=4 + 2 * i, end_row=3, end_column=5 + 2 * i)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def test_one_communes_figures_are_never_the_whole_areas(tmp_path):
    row = ["1", "Giá trị sản xuất công nghiệp", "Tỷ đồng", 300, 125, 200, 555]
    typed = _grouped(tmp_path / "kt.xlsx", "PHÒNG KINH TẾ - SỐ LIỆU THEO XÃ NĂM 2026",
                     ("Xã Bảo Nhai", "Xã Cốc Ly"), [row])
    # the master's column is the whole district's: no commune's figure goes there
    code, rep, merged = _collect(_master(tmp_path / "chi_tieu.xlsx"), typed)
    (failed,) = rep["failed"]
    assert "«Xã Bảo Nhai», «Xã Cốc Ly»" in failed["reason"] and "--group" in failed["reason"]
    assert rep["written"] == 0 and _cells(merged, 5) == [None, None, None]

    # a master split the same way: each commune's figure into its own column, the group read said
    master = _grouped(tmp_path / "grp.xlsx", "CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2026 HUYỆN BẮC HÀ",
                      ("Toàn huyện", "Xã Bảo Nhai", "Xã Cốc Ly"),
                      [[*r[:3], r[3], None, 300, None, 200, None, a] for r, a in zip(ROWS, AGENCIES)])
    code, rep, merged = _collect(master, typed)     # default: Toàn huyện, which the file does not have
    assert rep["written"] == 0 and "«Toàn huyện»" in rep["failed"][0]["reason"]
    code, rep, merged = _collect(master, typed, args=("--group", "Xã Cốc Ly"))
    ws = openpyxl.load_workbook(merged).active
    assert [ws.cell(5, c).value for c in (5, 7, 9)] == [None, None, 555]
    assert any("«Xã Cốc Ly»" in n["note"] for n in _agency(rep, "Phòng Kinh tế")["notes"])

    # a file with a whole-district group: that group, into the master's ungrouped column
    whole = _grouped(tmp_path / "kt2.xlsx", "PHÒNG KINH TẾ - SỐ LIỆU NĂM 2026", ("Toàn huyện", "Xã Cốc Ly"),
                     [["1", "Giá trị sản xuất công nghiệp", "Tỷ đồng", 1200, 1190, 200, 555]])
    code, rep, merged = _collect(_master(tmp_path / "chi_tieu.xlsx"), whole)
    assert _cells(merged, 5) == [1190, None, None]


def _restyle_plan(master: Path, value: object, fmt: str) -> None:
    wb = openpyxl.load_workbook(master)
    cell = wb.active.cell(FIRST, 4)
    cell.value, cell.number_format = value, fmt
    wb.save(master)


def test_a_plan_shown_with_other_decimals_is_the_same_plan(tmp_path):
    master = _master(tmp_path / "chi_tieu.xlsx")
    _restyle_plan(master, 14.97, "0.00")
    forms = _forms(master, tmp_path / "phieu")
    filled = _fill(forms["Phòng Kinh tế"], tmp_path / "kt.xlsx", 15.2)
    # after the forms went out the master only shows one decimal («15,0»): the plan stored is still 14,97
    _restyle_plan(master, 14.97, "0.0")
    code, rep, merged = _collect(master, filled)
    kt = _agency(rep, "Phòng Kinh tế")
    assert kt["refused_plans"] == [] and _cells(merged, 5) == [15.2, None, None]
    # the plan itself changed (14,97 -> 16): the figure was reported against another plan, not written
    _restyle_plan(master, 16, "0.0")
    code, rep, merged = _collect(master, filled)
    (refused,) = _agency(rep, "Phòng Kinh tế")["refused_plans"]
    assert refused["row"] == FIRST and _cells(merged, 5) == [None, None, None]


def test_a_co_led_figure_already_in_the_master_is_never_overwritten_by_a_late_agency(tmp_path):
    master = _master(tmp_path / "chi_tieu.xlsx")
    wb = openpyxl.load_workbook(master)
    wb.active.cell(FIRST + 2, 6).value = "Phòng Tài chính, Phòng Kinh tế"   # row 3 has two lead agencies
    wb.save(master)
    forms = _forms(master, tmp_path / "phieu")
    late = _fill(forms["Phòng Tài chính"], tmp_path / "tc.xlsx", 80)
    own = _fill(forms["Phòng Nông nghiệp"], tmp_path / "nn.xlsx", 4.2)
    # the merged copy, collected earlier: 1.100 and 190 came from Phòng Kinh tế, 4,5 from Phòng Nông nghiệp (a figure
    # typed into a master never collected into is nobody's submission, rev16 R16-6: the copy's record says whose)
    wb = openpyxl.load_workbook(forms["Phòng Kinh tế"])
    ws = wb[FORM_SHEET]
    for r in range(FIRST_ROW, ws.max_row + 1):
        key = parse_key(ws.cell(r, COL["key"]).value)
        if key:
            ws.cell(r, COL["result"]).value = {FIRST: 1100, FIRST + 2: 190}[key[1]]
    wb.save(tmp_path / "kt.xlsx")
    earlier = _fill(forms["Phòng Nông nghiệp"], tmp_path / "nn_truoc.xlsx", 4.5)
    _, _, copy = _collect(master, tmp_path / "kt.xlsx", earlier)
    master = copy.rename(tmp_path / "tong_hop_truoc.xlsx")
    assert _cells(master, 5) == [1100, 4.5, 190]
    code, rep, merged = _collect(master, late, own)
    assert _cells(merged, 5) == [1100, 4.2, 190]   # a sole lead agency corrects its own figure; a co-led one is not decided by the last
    (conflict,) = rep["conflicts"]
    assert conflict["row"] == FIRST + 2 and [v["value"] for v in conflict["values"]] == [190, 80]
    assert code != 0


def test_a_letter_headed_file_is_the_senders_not_its_addressees(tmp_path):
    """«PHÒNG KINH TẾ … Kính gửi: Phòng Nông nghiệp»: the longest agency name in the title lines was the addressee's,
    so Phòng Kinh tế's figure was credited to Phòng Nông nghiệp, which does not lead that row (rev4 #8)."""
    master = _master(tmp_path / "chi_tieu.xlsx")
    wb = openpyxl.Workbook()
    ws = wb.active
    for line in (["PHÒNG KINH TẾ - BÁO CÁO KẾT QUẢ THỰC HIỆN NĂM 2026"], ["Kính gửi: Phòng Nông nghiệp"], [],
                 ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2026", "Ước thực hiện năm 2026"],
                 ["1", "Giá trị sản xuất công nghiệp", "Tỷ đồng", 1200, 1250]):
        ws.append(line)
    wb.save(tmp_path / "kt.xlsx")
    code, rep, merged = _collect(master, tmp_path / "kt.xlsx")
    kt = _agency(rep, "Phòng Kinh tế")
    assert kt["identified_by"] == ["title"]
    assert _cells(merged, 5) == [1250, None, None]


def test_late_forms_are_collected_into_the_merged_copy(tmp_path):
    """Two agencies answer on time and are collected into tong_hop.xlsx; the third answers late. Its form names the
    master (chi_tieu.xlsx), so collecting it into the merged copy was refused as «another master file»: the copy now
    records its master, and the late figure fills its row beside the others'. A form of another master is still
    refused by the copy (the record widens nothing else)."""
    master = _master(tmp_path / "chi_tieu.xlsx")
    forms = _forms(master, tmp_path / "phieu")
    kt = _fill(forms["Phòng Kinh tế"], tmp_path / "kt.xlsx", 1250)
    nn = _fill(forms["Phòng Nông nghiệp"], tmp_path / "nn.xlsx", 4.5)
    code, rep, merged = _collect(master, kt, nn)
    assert code == 0 and _cells(merged, 5) == [1250, 4.5, None]
    copy = merged.rename(tmp_path / "tong_hop_dot1.xlsx")
    late = _fill(forms["Phòng Tài chính"], tmp_path / "tc.xlsx", 310)
    code, rep, again = _collect(copy, late)
    assert rep["failed"] == [] and code == 0, rep["failed"]
    assert _cells(again, 5) == [1250, 4.5, 310]
    # the copy of a copy still records the first master
    third = again.rename(tmp_path / "tong_hop_dot2.xlsx")
    code, rep, _ = _collect(third, _fill(forms["Phòng Tài chính"], tmp_path / "tc2.xlsx", 310))
    assert rep["failed"] == []
    # a form of another master stays refused, by the master and by its copy
    other = _forms(_master(tmp_path / "ke_hoach.xlsx"), tmp_path / "phieu_kh")["Phòng Tài chính"]
    code, rep, _ = _collect(copy, _fill(other, tmp_path / "kh.xlsx", 310))
    (failed,) = rep["failed"]
    assert code == 1 and "«ke_hoach.xlsx»" in failed["reason"]


@pytest.mark.parametrize("lines", [
    # Decree 30's layout: «Kính gửi:» alone, then one addressee a line
    (["PHÒNG KINH TẾ"], ["Kính gửi:"], ["- Phòng Nông nghiệp;"], ["- Phòng Tài chính."]),
    (["PHÒNG KINH TẾ"], ["Kính gửi:"], ["Phòng Nông nghiệp"]),                           # (rev8 #3) one, unmarked
    (["PHÒNG KINH TẾ"], ["V/v cung cấp số liệu theo đề nghị của Phòng Nông nghiệp"]),   # the subject names another
    (["PHÒNG KINH TẾ"], ["Kính gởi: Phòng Nông nghiệp"]),                                 # the southern spelling
    (["PHÒNG KINH TẾ"], ["K/g: Phòng Nông nghiệp"]),
    (["Đơn vị gửi: Phòng Kinh tế"], ["Kính gửi: Phòng Nông nghiệp"]),                     # the sender named as such
    (["Người gửi: Nguyễn Văn A - Phòng Kinh tế"], ["Gửi: Phòng Nông nghiệp"]),
])
def test_addressees_and_the_subject_never_name_the_sender(tmp_path, lines):
    """rev7 #3: each file is Phòng Kinh tế's (its row 1, 1250); it was credited to Phòng Nông nghiệp (or Tài chính),
    whose row got 1250, or refused as having no sender."""
    master = _master(tmp_path / "chi_tieu.xlsx")
    wb = openpyxl.Workbook()
    ws = wb.active
    for line in (*lines, [], ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2026", "Ước thực hiện năm 2026"],
                 ["1", "Giá trị sản xuất công nghiệp", "Tỷ đồng", 1200, 1250]):
        ws.append(line)
    wb.save(tmp_path / "bao_cao.xlsx")
    code, rep, merged = _collect(master, tmp_path / "bao_cao.xlsx")
    assert rep["failed"] == [] and _agency(rep, "Phòng Kinh tế")["identified_by"] == ["title"]
    assert _cells(merged, 5) == [1250, None, None]
