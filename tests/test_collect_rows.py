"""collect writes a returned figure only to the row the form's visible row names, in the row's unit, and possible.

rev16: a sort of the visible columns A:G left the hidden «Mã dòng» behind and swapped two indicators' figures
(R16-1); a name typed over another indicator's got its figure written (R16-1); a unit changed to «Triệu đồng» was
ignored and 24.120.000 written into a «Tỷ đồng» row (R16-2); -72, 613 and «105» were written into share rows (R16-5).
Masters are built here, forms made by `kh-excel forms`, filled with openpyxl as an agency would, collected by the
command; every expected cell is decided by hand from the rows below.
"""
from __future__ import annotations

import json
from pathlib import Path

import openpyxl

from helpers import run_cli
from kh_excel.collect.forms import COL, FIRST_ROW, FORM_SHEET, parse_key

AGENCY = "Phòng Kinh tế"
# (STT, name, unit, plan); every row led by AGENCY. Master rows FIRST.. in this order.
ROWS = (("1", "Tỷ lệ xã đạt chuẩn nông thôn mới", "%", 50),
        ("2", "Tỷ lệ hộ dân dùng nước sạch", "%", 50),
        ("3", "Phát triển nhà ở xã hội", "Căn", 1200),
        ("4", "Thu ngân sách nhà nước", "Tỷ đồng", 23500),
        ("5", "Tỷ lệ huy động trẻ 6 tuổi vào lớp 1", "%", 100))
FIRST = 4
RESULT = 5  # column E of the master


def _master(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Chỉ tiêu"
    ws.append(["CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026 HUYỆN BẮC HÀ"])
    ws.append([])
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Cơ quan chủ trì"])
    for stt, name, unit, plan in ROWS:
        ws.append([stt, name, unit, plan, None, AGENCY])
    wb.save(path)
    return path


def _form(tmp_path: Path) -> tuple[Path, Path]:
    master = _master(tmp_path / "chi_tieu.xlsx")
    proc = run_cli("forms", master, "-o", tmp_path / "phieu", "--json")
    assert proc.returncode == 0, proc.stderr
    (form,) = [Path(f["file"]) for f in json.loads(proc.stdout)["forms"] if f["agency"] == AGENCY]
    return master, form


def _form_rows(ws) -> dict[int, int]:
    """master row -> form row, by the hidden code the form was made with."""
    return {parse_key(ws.cell(r, COL["key"]).value)[1]: r for r in range(FIRST_ROW, ws.max_row + 1)
            if parse_key(ws.cell(r, COL["key"]).value)}


def _collect(master: Path, sent: Path) -> tuple[int, dict, list]:
    merged = master.with_name("tong_hop.xlsx")
    merged.unlink(missing_ok=True)
    proc = run_cli("collect", master, sent, "-o", merged, "--json")
    assert proc.stdout.strip(), proc.stderr
    report = json.loads(proc.stdout)
    (agency,) = [a for a in report["agencies"] if a["agency"] == AGENCY]
    ws = openpyxl.load_workbook(merged).active
    return proc.returncode, agency, [ws.cell(FIRST + i, RESULT).value for i in range(len(ROWS))]


def test_a_sort_of_the_visible_columns_puts_each_figure_beside_its_name(tmp_path):
    """The agency types 52 beside «xã nông thôn mới» and 55 beside «nước sạch» (equal plans, 50 and 50), then
    sorts A:G descending by the figure: the form's rows 1 and 2 swap, the hidden codes stay. Each figure belongs
    to the name on its row: master row 4 (nông thôn mới) = 52, row 5 (nước sạch) = 55."""
    master, form = _form(tmp_path)
    wb = openpyxl.load_workbook(form)
    ws = wb[FORM_SHEET]
    at = _form_rows(ws)
    a, b = at[FIRST], at[FIRST + 1]
    ws.cell(a, COL["result"]).value, ws.cell(b, COL["result"]).value = 52, 55
    for c in range(1, COL["key"]):  # the visible columns only
        ws.cell(a, c).value, ws.cell(b, c).value = ws.cell(b, c).value, ws.cell(a, c).value
    sent = tmp_path / "kt.xlsx"
    wb.save(sent)
    code, agency, cells = _collect(master, sent)
    assert cells[:2] == [52, 55]
    assert agency["matched_by"] == {"key": 3, "stt_name": 2}  # (the three other rows, blank)
    # said, with the cell of the row whose code did not fit (form row a now shows «nước sạch»)
    notes = {n["row"]: n for n in agency["notes"]}
    assert notes[FIRST + 1]["cell"] == f"B{a}" and "mã dòng" in notes[FIRST + 1]["note"]


def test_an_unsorted_form_is_still_matched_by_its_code(tmp_path):
    """The rule must not fire on a form left as made: 52 and 55 on their own rows, matched by code, nothing to see."""
    master, form = _form(tmp_path)
    wb = openpyxl.load_workbook(form)
    ws = wb[FORM_SHEET]
    at = _form_rows(ws)
    ws.cell(at[FIRST], COL["result"]).value, ws.cell(at[FIRST + 1], COL["result"]).value = 52, 55
    sent = tmp_path / "kt.xlsx"
    wb.save(sent)
    code, agency, cells = _collect(master, sent)
    assert code == 0 and cells[:2] == [52, 55]
    assert agency["matched_by"] == {"key": 5, "stt_name": 0} and not agency["notes"]


def test_a_name_typed_over_another_indicator_gets_no_figure(tmp_path):
    """«Phát triển nhà ở xã hội» overwritten «… nhà ở thương mại», 3000 typed: no indicator of that name in the
    master, so nothing written (master row 6 stays empty), exit 1, the name cell named; the row is not «deleted»."""
    master, form = _form(tmp_path)
    wb = openpyxl.load_workbook(form)
    ws = wb[FORM_SHEET]
    r = _form_rows(ws)[FIRST + 2]
    ws.cell(r, COL["name"]).value = "Phát triển nhà ở thương mại"
    ws.cell(r, COL["result"]).value = 3000
    sent = tmp_path / "kt.xlsx"
    wb.save(sent)
    code, agency, cells = _collect(master, sent)
    assert code == 1 and cells[2] is None
    (added,) = agency["added"]
    assert added["cell"] == f"B{r}" and added["file"] == str(sent) and added["sheet"] == FORM_SHEET
    assert "nhà ở thương mại" in added["reason"] and "nhà ở xã hội" in added["reason"]
    assert not agency["deleted"]


def test_a_changed_unit_refuses_the_row(tmp_path):
    """«Tỷ đồng» changed to «Triệu đồng» beside 24.120.000: refused (master row 7 empty), exit 1, cell C named."""
    master, form = _form(tmp_path)
    wb = openpyxl.load_workbook(form)
    ws = wb[FORM_SHEET]
    r = _form_rows(ws)[FIRST + 3]
    ws.cell(r, COL["unit"]).value = "Triệu đồng"
    ws.cell(r, COL["result"]).value = 24120000
    sent = tmp_path / "kt.xlsx"
    wb.save(sent)
    code, agency, cells = _collect(master, sent)
    assert code == 1 and cells[3] is None
    (item,) = agency["refused_units"]
    assert (item["row"], item["cell"], item["unit_master"], item["unit_returned"]) == (
        FIRST + 3, f"C{r}", "Tỷ đồng", "Triệu đồng")
    out = run_cli("collect", master, sent, "-o", tmp_path / "m.xlsx").stdout
    assert "sửa đơn vị tính (không nhận)" in out and "«Tỷ đồng» bị sửa thành «Triệu đồng»" in out


def test_a_unit_retyped_in_other_case_is_the_same_unit(tmp_path):
    """Must not fire: «tỷ  đồng» (case, a double space) is «Tỷ đồng»; 24.120 (102,6% of 23.500) is written."""
    master, form = _form(tmp_path)
    wb = openpyxl.load_workbook(form)
    ws = wb[FORM_SHEET]
    r = _form_rows(ws)[FIRST + 3]
    ws.cell(r, COL["unit"]).value = "tỷ  đồng"
    ws.cell(r, COL["result"]).value = 24120
    sent = tmp_path / "kt.xlsx"
    wb.save(sent)
    code, agency, cells = _collect(master, sent)
    assert code == 0 and cells[3] == 24120 and not agency["refused_units"]


def test_a_figure_ten_times_its_plan_is_not_written_but_listed(tmp_path):
    """24.120.000 beside a plan of 23.500 is 1.026 times it (the unit mistake check warns of): not written, exit 1,
    the cell named. 2.350 is exactly a tenth of the plan: listed too (check's rule: ≤ 1/10). 1.300 beside 1.200 is
    written (must not fire)."""
    master, form = _form(tmp_path)
    wb = openpyxl.load_workbook(form)
    ws = wb[FORM_SHEET]
    at = _form_rows(ws)
    ws.cell(at[FIRST + 3], COL["result"]).value = 24120000
    ws.cell(at[FIRST + 2], COL["result"]).value = 1300
    sent = tmp_path / "kt.xlsx"
    wb.save(sent)
    code, agency, cells = _collect(master, sent)
    assert code == 1 and cells[2:4] == [1300, None]
    (item,) = agency["far_off"]
    assert (item["row"], item["cell"], item["file"]) == (FIRST + 3, f"F{at[FIRST + 3]}", str(sent))
    assert "24.120.000" in item["reason"] and "23.500" in item["reason"]
    ws.cell(at[FIRST + 3], COL["result"]).value = 2350
    wb.save(sent)
    code, agency, cells = _collect(master, sent)
    assert code == 1 and cells[3] is None and len(agency["far_off"]) == 1


def test_impossible_shares_are_not_written(tmp_path):
    """-72 and 613 in «Tỷ lệ …» % rows, and «105» typed as text: outside 0–100, check's share_out_of_range, so not
    written, listed «số liệu không hợp lệ», exit 1. An enrolment rate of 105 is only check's warning (up to 110):
    written (must not fire)."""
    master, form = _form(tmp_path)
    wb = openpyxl.load_workbook(form)
    ws = wb[FORM_SHEET]
    at = _form_rows(ws)
    ws.cell(at[FIRST], COL["result"]).value = -72
    ws.cell(at[FIRST + 1], COL["result"]).value = 613
    ws.cell(at[FIRST + 4], COL["result"]).value = 105
    sent = tmp_path / "kt.xlsx"
    wb.save(sent)
    code, agency, cells = _collect(master, sent)
    assert code == 1 and cells == [None, None, None, None, 105]
    assert [(i["row"], i["cell"]) for i in agency["invalid"]] == [(FIRST, f"F{at[FIRST]}"),
                                                                   (FIRST + 1, f"F{at[FIRST + 1]}")]
    assert "-72" in agency["invalid"][0]["reason"] and "613" in agency["invalid"][1]["reason"]
    ws.cell(at[FIRST], COL["result"]).value = "105"
    ws.cell(at[FIRST + 1], COL["result"]).value = 55
    wb.save(sent)
    code, agency, cells = _collect(master, sent)
    assert code == 1 and cells == [None, 55, None, None, 105]
    (item,) = agency["invalid"]
    assert item["row"] == FIRST and "105" in item["reason"]


# ------------------------------------------------------------------ R16-6: the master's own figure on a co-led row

CO_LEADS = ("Phòng Tài chính", "Chi cục Thống kê")


def _co_led_master(path: Path, held: object) -> Path:
    """Row 4 «Tổng sản phẩm trên địa bàn» co-led by CO_LEADS, holding `held` before any collect; row 5 led by
    Chi cục Thống kê alone (so each agency has a form)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Chỉ tiêu"
    ws.append(["CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026 HUYỆN BẮC HÀ"])
    ws.append([])
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Cơ quan chủ trì"])
    ws.append(["1", "Tổng sản phẩm trên địa bàn", "Tỷ đồng", 150000, held, ", ".join(CO_LEADS)])
    ws.append(["2", "Số doanh nghiệp thành lập mới", "Doanh nghiệp", 500, None, CO_LEADS[1]])
    wb.save(path)
    return path


def _co_led_form(master: Path, out: Path, agency: str, figure: object) -> Path:
    proc = run_cli("forms", master, "-o", out.parent / f"phieu_{out.stem}", "--json")
    assert proc.returncode == 0, proc.stderr
    (form,) = [Path(f["file"]) for f in json.loads(proc.stdout)["forms"] if f["agency"] == agency]
    wb = openpyxl.load_workbook(form)
    ws = wb[FORM_SHEET]
    ws.cell(_form_rows(ws)[FIRST], COL["result"]).value = figure
    wb.save(out)
    return out


def _co_led_collect(master: Path, sent: Path, merged: Path) -> tuple[int, dict, object]:
    proc = run_cli("collect", master, sent, "-o", merged, "--json")
    assert proc.stdout.strip(), proc.stderr
    return proc.returncode, json.loads(proc.stdout), openpyxl.load_workbook(merged).active.cell(FIRST, RESULT).value


def test_a_co_leads_figure_replaces_the_masters_own_as_a_single_leads_does(tmp_path):
    """Only Phòng Tài chính sends 152.000; the master held 151.200 before any collect (nobody's submission): written,
    «khác số trong bảng gốc» (151.200 → 152.000), exit 1, no conflict. A placeholder 0 is replaced the same way."""
    for held in (151200, 0):
        master = _co_led_master(tmp_path / f"chi_tieu_{held}.xlsx", held)
        sent = _co_led_form(master, tmp_path / f"tc_{held}.xlsx", CO_LEADS[0], 152000)
        code, rep, cell = _co_led_collect(master, sent, tmp_path / f"tong_hop_{held}.xlsx")
        assert (code, cell, rep["conflicts"]) == (1, 152000, [])
        (item,) = next(a for a in rep["agencies"] if a["agency"] == CO_LEADS[0])["changed"]
        assert (item["row"], item["old"], item["new"]) == (FIRST, held, 152000)


def test_in_a_merged_copy_another_co_leads_figure_is_still_not_overwritten(tmp_path):
    """Must not fire: Chi cục Thống kê's 151.200 collected into the copy first, then Phòng Tài chính sends 152.000 into
    the copy: the two co-leads disagree, nothing written (151.200 stays), listed «khác số của cơ quan khác»."""
    master = _co_led_master(tmp_path / "chi_tieu.xlsx", None)
    first = _co_led_form(master, tmp_path / "tk.xlsx", CO_LEADS[1], 151200)
    code, rep, cell = _co_led_collect(master, first, tmp_path / "tong_hop.xlsx")
    assert (code, cell) == (0, 151200)
    late = _co_led_form(master, tmp_path / "tc.xlsx", CO_LEADS[0], 152000)
    code, rep, cell = _co_led_collect(tmp_path / "tong_hop.xlsx", late, tmp_path / "tong_hop_2.xlsx")
    assert (code, cell) == (1, 151200)
    (conflict,) = rep["conflicts"]
    assert conflict["row"] == FIRST and next(a for a in rep["agencies"] if a["agency"] == CO_LEADS[0])["conflicts"]


# ------------------------------------------------------------------ R16-9: the master's number format is kept


def test_the_masters_number_format_is_kept_whatever_the_agency_typed(tmp_path):
    """«1.300,0» typed (text) into the «Căn» row whose master cell shows «#,##0»: 1.300 written, the cell still
    «#,##0» (not «#,##0.0» copied from the typing); 24.120,5 into a General cell: still General (it shows the figure
    as stored); 52,5 into a share cell formatted «0»: widened to one decimal, else the cell would show 53."""
    master, form = _form(tmp_path)
    wb = openpyxl.load_workbook(master)
    ws = wb.active
    ws.cell(FIRST + 2, RESULT).number_format = "#,##0"
    ws.cell(FIRST, RESULT).number_format = "0"
    wb.save(master)
    wb = openpyxl.load_workbook(form)
    ws = wb[FORM_SHEET]
    at = _form_rows(ws)
    ws.cell(at[FIRST + 2], COL["result"]).value = "1.300,0"
    ws.cell(at[FIRST + 3], COL["result"]).value = 24120.5
    ws.cell(at[FIRST], COL["result"]).value = 52.5
    sent = tmp_path / "kt.xlsx"
    wb.save(sent)
    _, _, cells = _collect(master, sent)
    assert cells[:4] == [52.5, None, 1300, 24120.5]
    ws = openpyxl.load_workbook(master.with_name("tong_hop.xlsx")).active
    assert [ws.cell(FIRST + i, RESULT).number_format for i in (0, 2, 3)] == ["#,##0.0", "#,##0", "General"]


# ------------------------------------------------------------------ R16-8: another agency's form under one's name


def test_a_form_sent_under_another_agencys_name_is_pointed_out(tmp_path):
    """Chi cục Thống kê's form saved as «Phòng Tài chính - gửi lại.xlsx»: its figure counts for Chi cục Thống kê (the
    form says whose it is), and the report says the file named after Phòng Tài chính is not its form; Phòng Tài
    chính stays «chưa gửi». Its own file name (made by forms) says nothing (must not fire)."""
    master = _co_led_master(tmp_path / "chi_tieu.xlsx", None)
    sent = _co_led_form(master, tmp_path / "Phòng Tài chính - gửi lại.xlsx", CO_LEADS[1], 151200)
    code, rep, cell = _co_led_collect(master, sent, tmp_path / "tong_hop.xlsx")
    assert cell == 151200 and CO_LEADS[0] in rep["not_returned"]
    tk = next(a for a in rep["agencies"] if a["agency"] == CO_LEADS[1])
    (note,) = [n["note"] for n in tk["notes"] if "mang tên" in n["note"]]
    assert "«Phòng Tài chính - gửi lại.xlsx» mang tên Phòng Tài chính nhưng là phiếu nhập của Chi cục Thống kê" in note
    sent = _co_led_form(master, tmp_path / "Chi cục Thống kê.xlsx", CO_LEADS[1], 151200)
    code, rep, cell = _co_led_collect(master, sent, tmp_path / "tong_hop_2.xlsx")
    tk = next(a for a in rep["agencies"] if a["agency"] == CO_LEADS[1])
    assert not [n for n in tk["notes"] if "mang tên" in n["note"]]


# ------------------------------------------------------------------ R16-7.2: rows of one name are sent, not deleted


def test_rows_of_a_name_the_master_holds_twice_are_not_called_deleted(tmp_path):
    """Master: «Tỷ lệ hộ nghèo» (STT 1) under two sections (rows 5 and 7), and «Tỷ lệ che phủ rừng» (row 8), all led by
    Phòng Nông nghiệp. Its typed-up file gives «1 Tỷ lệ hộ nghèo» twice and not the forest row: the two cannot be
    told apart (nothing written, listed not matched); only row 8 is «dòng bị xóa» (must still fire)."""
    agency = "Phòng Nông nghiệp"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Chỉ tiêu"
    ws.append(["CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026 HUYỆN BẮC HÀ"])
    ws.append([])
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Cơ quan chủ trì"])
    ws.append(["A", "KHU VỰC THÀNH THỊ", None, None, None, None])
    ws.append(["1", "Tỷ lệ hộ nghèo", "%", 3, None, agency])
    ws.append(["B", "KHU VỰC NÔNG THÔN", None, None, None, None])
    ws.append(["1", "Tỷ lệ hộ nghèo", "%", 8, None, agency])
    ws.append(["2", "Tỷ lệ che phủ rừng", "%", 61.3, None, agency])
    ws.append(["3", "Tổng thu ngân sách", "Tỷ đồng", 300, None, "Phòng Tài chính"])
    master = tmp_path / "chi_tieu.xlsx"
    wb.save(master)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["PHÒNG NÔNG NGHIỆP - BÁO CÁO SỐ LIỆU NĂM 2026"])
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026"])
    ws.append(["1", "Tỷ lệ hộ nghèo", "%", 3, 2.9])
    ws.append(["1", "Tỷ lệ hộ nghèo", "%", 8, 7.5])
    sent = tmp_path / "nn_tu_go.xlsx"
    wb.save(sent)
    proc = run_cli("collect", master, sent, "-o", tmp_path / "tong_hop.xlsx", "--json")
    rep = json.loads(proc.stdout)
    nn = next(a for a in rep["agencies"] if a["agency"] == agency)
    assert rep["written"] == 0 and len(nn["added"]) == 2
    assert "dòng 5, 7" in nn["added"][0]["reason"]
    assert [d["row"] for d in nn["deleted"]] == [8]
