"""R15-2: co-lead agencies sent different figures for a row whose master cell already held a figure of the master's
own (typed before the round: 47, «93,5»). collect reported the conflict and its hidden record kept it, yet reading the
merged copy dropped it — the record could not tell the master's own figure from one the office typed afterwards to
settle it — so check, attainment and the report stated and judged 47 and 93,5 with no warning.

The record now keeps what the cell held when the conflict was left open; the conflict stands while the cell holds
that. Tested with the real sequence (forms → filled with openpyxl → collect → the merged copy read, checked and
rendered), the lead cells in three shapes: «A; B» with an abbreviation, «A\\nB» with a comma inside a name, «A, B».

The master (sheet «Biểu 01», rows 4-7, result column E), every figure typed here:
  row 4  Tổng lượt khách du lịch        plan 3.200  E empty  lead Sở Văn hóa, Thể thao và Du lịch        VH 3.400
  row 5  Số thiết chế văn hóa cấp xã    plan 45     E 47     lead «Sở VHTTDL; Sở Xây dựng»            VH 46, XD 48
  row 6  Tỷ lệ hộ gia đình văn hóa (%)  plan 92     E «93,5» lead «Sở Văn hóa, …\\nUBND các xã, phường» VH 93,8, xã «94,2»
  row 7  Giá trị sản xuất công nghiệp   plan 1.200  E 1.150  lead «Sở Công Thương, Sở Tài chính»       both 1.250
Rows 5 and 6 are conflicts (46 ≠ 48; 93,8 ≠ 94,2): nothing written, warned, no figure stated («chưa có số liệu»).
Row 7: the two leads agree, 1.250 is written over 1.150 and stated (1.250 / 1.200 = 104,2%): no warning (the rule
must not fire). Row 4: 3.400 written (3.400 / 3.200 = 106,25%).
"""
from __future__ import annotations

import json
from pathlib import Path

import docx
import openpyxl

from helpers import run_cli, typed_form
from kh_excel.api import read_workbook
from kh_excel.collect.merge import SOURCE_SHEET
from kh_excel.core.gate import check

VH = "Sở Văn hóa, Thể thao và Du lịch"
ROWS = (("1", "Tổng lượt khách du lịch", "Nghìn lượt", 3200, None, VH),
        ("2", "Số thiết chế văn hóa cấp xã đạt chuẩn", "Thiết chế", 45, 47, "Sở VHTTDL; Sở Xây dựng"),
        ("3", "Tỷ lệ hộ gia đình đạt danh hiệu Gia đình văn hóa", "%", 92, "93,5", f"{VH}\nUBND các xã, phường"),
        ("4", "Giá trị sản xuất công nghiệp", "Tỷ đồng", 1200, 1150, "Sở Công Thương, Sở Tài chính"))
FIRST = 4
SENT = {VH: {4: 3400, 5: 46, 6: 93.8}, "Sở Xây dựng": {5: 48}, "UBND các xã, phường": {6: "94,2"},
        "Sở Công Thương": {7: 1250}, "Sở Tài chính": {7: 1250}}


def _master(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Biểu 01"
    ws.append(["CÁC CHỈ TIÊU VĂN HÓA, THỂ THAO VÀ DU LỊCH NĂM 2026"])
    ws.append([])
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Cơ quan chủ trì"])
    for row in ROWS:
        ws.append(list(row))
    wb.save(path)
    return path




def _merged(tmp_path: Path) -> Path:
    master = _master(tmp_path / "chi_tieu.xlsx")
    proc = run_cli("forms", master, "-o", tmp_path / "phieu", "--json")
    assert proc.returncode == 0, proc.stderr
    forms = {f["agency"]: Path(f["file"]) for f in json.loads(proc.stdout)["forms"]}
    back = tmp_path / "nhan_lai"
    back.mkdir()
    # (the form of «UBND các xã, phường» is named as the registry shows it: matched by key, whatever its spelling)
    for agency, figures in SENT.items():
        (name,) = [n for n in forms if n.replace("/", ", ") == agency or n == agency]
        typed_form(forms[name], back / forms[name].name, figures)
    merged = tmp_path / "tong_hop.xlsx"
    proc = run_cli("collect", master, back, "-o", merged, "--json")
    rep = json.loads(proc.stdout)
    assert sorted(c["row"] for c in rep["conflicts"]) == [5, 6], rep["conflicts"]
    ws = openpyxl.load_workbook(merged)["Biểu 01"]
    assert [ws.cell(r, 5).value for r in range(4, 8)] == [3400, 47, "93,5", 1250]  # conflicts: cells left as they were
    return merged


def _open(path: Path) -> dict:
    checked = check(read_workbook(path))
    return {f.row: f for f in checked.findings if f.code == "collect_conflict_open"}, checked


def _status(checked, row):
    return next(a for a in checked.attainment.assessments if a.indicator.row == row)


def test_a_conflict_over_the_masters_own_figure_is_found_again_in_the_copy(tmp_path):
    found, checked = _open(_merged(tmp_path))
    assert sorted(found) == [5, 6]
    f5, f6 = found[5], found[6]
    assert f5.cell == "E5" and f6.cell == "E6"
    assert f"({VH}, Sở Xây dựng)" in f5.message
    assert "47 (đang ghi trong bảng); 46 (" in f5.message and "48 (Sở Xây dựng" in f5.message
    assert "93,5 (đang ghi trong bảng); 93,8 (" in f6.message and "94,2 (UBND các xã" in f6.message
    for row in (5, 6):
        a = _status(checked, row)
        assert (a.status, a.indicator.result, a.ratio) == ("chua_co_so_lieu", None, None)  # not 47 «Vượt KH»
    assert _status(checked, 7).indicator.result == 1250 and _status(checked, 7).status == "vuot"   # agreed
    assert _status(checked, 4).indicator.result == 3400


def test_the_report_states_no_figure_of_those_rows_and_says_so(tmp_path):
    merged = _merged(tmp_path)
    out = tmp_path / "bc.docx"
    proc = run_cli("render", "bao-cao", merged, "-o", out)
    assert proc.returncode == 0, proc.stderr
    err = " ".join(proc.stderr.split())
    assert "Ô E5 («Số thiết chế văn hóa cấp xã đạt chuẩn»)" in err and "Ô E6 («Tỷ lệ hộ gia đình" in err
    d = docx.Document(out)
    text = "\n".join([p.text for p in d.paragraphs] + [c.text for t in d.tables for r in t.rows for c in r.cells])
    assert "47" not in text and "93,5" not in text
    for name in ("Số thiết chế văn hóa cấp xã đạt chuẩn: chưa có số liệu",
                 "Tỷ lệ hộ gia đình đạt danh hiệu Gia đình văn hóa: chưa có số liệu"):
        assert name in text.replace("\xa0", " ")
    assert "1.250" in text   # the row the leads agree on is stated
    done = run_cli("check", merged, "--json")
    cells = {x["cell"] for x in json.loads(done.stdout)["findings"] if x["code"] == "collect_conflict_open"}
    assert cells == {"E5", "E6"}


def test_a_figure_typed_after_the_round_settles_it(tmp_path):
    """The office types the agreed 46 over 47 in E5: settled (stated, judged 46/45 = 102,2% Vượt); E6, untouched, is
    still open."""
    merged = _merged(tmp_path)
    wb = openpyxl.load_workbook(merged)
    wb["Biểu 01"].cell(5, 5).value = 46
    wb.save(merged)
    found, checked = _open(merged)
    assert sorted(found) == [6]
    assert (_status(checked, 5).indicator.result, _status(checked, 5).status) == (46, "vuot")


def test_the_next_round_of_collect_lists_them_again(tmp_path):
    """A late form of Sở Công Thương collected into the copy: rows 5 and 6 are still conflicts of an earlier round."""
    merged = _merged(tmp_path)
    forms = {f["agency"]: Path(f["file"]) for f in json.loads(
        run_cli("forms", tmp_path / "chi_tieu.xlsx", "-o", tmp_path / "phieu2", "--json").stdout)["forms"]}
    late = typed_form(forms["Sở Công Thương"], tmp_path / "ct2.xlsx", {7: 1250})
    again = tmp_path / "tong_hop_2.xlsx"
    rep = json.loads(run_cli("collect", merged, late, "-o", again, "--json").stdout)
    assert sorted((c["row"], c.get("earlier")) for c in rep["conflicts"]) == [(5, True), (6, True)]
    found, _ = _open(again)
    assert sorted(found) == [5, 6]


def test_a_record_that_did_not_say_what_the_cell_held_keeps_the_conflict_open(tmp_path):
    """A copy whose record has no column of the cell's figure (made before it): it cannot tell the master's own 47
    from a settlement typed afterwards, so the conflict stands (warned, never stated)."""
    merged = _merged(tmp_path)
    wb = openpyxl.load_workbook(merged)
    wb[SOURCE_SHEET].delete_cols(9)
    wb.save(merged)
    found, checked = _open(merged)
    assert sorted(found) == [5, 6]
    assert _status(checked, 5).status == "chua_co_so_lieu"
