"""A copy `kx collect` merged with a conflict between co-lead agencies left open (note10 #7, col4): a report made
from it said «chưa có số liệu» for that row with no word of the conflict, and where the master's cell already held
one agency's figure it stated that figure as the result. Now check, attainment and every document made from the
copy name the open conflict (the cell, the agencies, each figure) as a warning, and no document states any of the
figures. Row 3 of the small master («Tổng thu ngân sách», plan 300 tỷ đồng, sheet row 6, result column E) is led
by Phòng Tài chính and Phòng Kinh tế; the figures are the ones typed into their forms here."""
from __future__ import annotations

import json

import openpyxl

from helpers import run_cli
from test_collect_record import _co_led, _kinh_te, _open_conflict
from test_collect_sources import FIRST, _cells, _collect

from kh_excel.api import read_workbook
from kh_excel.core.gate import check

ROW = FIRST + 2   # sheet row 6


def _held_conflict(tmp_path):
    """Round 1 wrote Phòng Tài chính's 280 into row 3; round 2 Phòng Kinh tế sends 300: a conflict, 280 kept."""
    forms, copy = _co_led(tmp_path)
    code, rep, merged = _collect(copy, _kinh_te(forms["Phòng Kinh tế"], tmp_path / "kt.xlsx", 1250, 300))
    assert len(rep["conflicts"]) == 1 and _cells(merged, 5)[2] == 280
    return merged.rename(tmp_path / "tong_hop_dot2.xlsx")


def _warning(path):
    checked = check(read_workbook(path))
    found = [f for f in checked.findings if f.code == "collect_conflict_open"]
    return found, checked


def test_an_open_conflict_in_an_empty_cell_is_named_and_the_row_states_no_figure(tmp_path):
    _, _, _, copy = _open_conflict(tmp_path)
    (f,), checked = _warning(copy)
    assert (f.cell, f.row, f.severity) == (f"E{ROW}", ROW, "warning")
    assert "Phòng Tài chính, Phòng Kinh tế" in f.message
    assert "280 (Phòng Tài chính, tệp «tc.xlsx», ô F7, chưa ghi vào bảng)" in f.message
    assert "300 (Phòng Kinh tế, tệp «kt.xlsx», ô F8, chưa ghi vào bảng)" in f.message
    a = next(a for a in checked.attainment.assessments if a.indicator.row == ROW)
    assert a.status == "chua_co_so_lieu"


def test_a_figure_the_master_holds_against_another_leads_is_not_stated(tmp_path):
    copy = _held_conflict(tmp_path)
    (f,), checked = _warning(copy)
    assert f.cell == f"E{ROW}"
    assert "280 (đang ghi trong bảng, do Phòng Tài chính gửi)" in f.message
    assert "300 (Phòng Kinh tế, tệp «kt.xlsx», ô F8, chưa ghi vào bảng)" in f.message
    a = next(a for a in checked.attainment.assessments if a.indicator.row == ROW)
    assert (a.status, a.indicator.result, a.ratio) == ("chua_co_so_lieu", None, None)   # not 280 of 300: Không đạt
    # the other rows as collected: 1.250 of 1.200 is met
    assert next(a for a in checked.attainment.assessments if a.indicator.row == FIRST).status == "vuot"


def test_a_settled_conflict_is_no_longer_named(tmp_path):
    """The office types the agreed figure into the cell: the record's conflict is settled (collect's rule)."""
    _, _, _, copy = _open_conflict(tmp_path)
    wb = openpyxl.load_workbook(copy)
    wb["Chỉ tiêu"].cell(ROW, 5).value = 290
    wb.save(copy)
    found, checked = _warning(copy)
    assert found == []
    assert next(a for a in checked.attainment.assessments if a.indicator.row == ROW).indicator.result == 290


def test_a_master_never_collected_reads_as_before(tmp_path):
    from test_collect_sources import _master
    found, _ = _warning(_master(tmp_path / "m.xlsx"))
    assert found == []


def test_render_and_check_name_it_and_the_report_states_no_figure_of_it(tmp_path):
    import docx
    copy = _held_conflict(tmp_path)
    out = tmp_path / "bc.docx"
    proc = run_cli("render", "bao-cao", copy, "-o", out)
    assert proc.returncode == 0, proc.stderr
    err = " ".join(proc.stderr.split())
    assert "Số liệu của các cơ quan cùng chủ trì chưa thống nhất" in err or "chưa thống nhất" in err
    assert "280 (đang ghi trong bảng, do Phòng Tài chính gửi); 300 (Phòng Kinh tế" in err
    d = docx.Document(out)
    text = "\n".join([p.text for p in d.paragraphs]
                     + [c.text for t in d.tables for r in t.rows for c in r.cells])
    line = [p for p in text.split("\n") if "Tổng thu ngân sách" in p]
    assert line and not any("280" in p or "300 tỷ" in p.split("kế hoạch")[0] for p in line)
    assert "280" not in text
    done = run_cli("check", copy, "--json")
    codes = {(x["code"], x["cell"]) for x in json.loads(done.stdout)["findings"]}
    assert ("collect_conflict_open", f"E{ROW}") in codes


def test_read_from_the_workbooks_sheets_as_batch_reads_it(tmp_path):
    """batch.engine reads the sheets as Grids, the record among them: the same warning and no figure."""
    from kh_excel.io.workbook import open_workbook
    copy = _held_conflict(tmp_path)
    book = open_workbook(copy)
    checked = check(read_workbook([book.grid(n) for n in book.reading_order(book.sheet_names)], file=str(copy)))
    (f,) = [f for f in checked.findings if f.code == "collect_conflict_open"]
    assert f.cell == f"E{ROW}" and "280 (đang ghi trong bảng" in f.message
    assert next(a for a in checked.attainment.assessments if a.indicator.row == ROW).status == "chua_co_so_lieu"


def test_a_record_of_junk_warns_of_nothing_and_the_table_reads(tmp_path):
    """The record is an untrusted hidden sheet: lines naming no agency of the master, no row, or no figure are no
    conflict; the table is read and judged as typed."""
    from kh_excel.collect.merge import SOURCE_SHEET, SOURCE_STATES
    from test_collect_sources import _master
    path = _master(tmp_path / "m.xlsx", results={(ROW, 5): 280})
    wb = openpyxl.load_workbook(path)
    ws = wb.create_sheet(SOURCE_SHEET)
    ws.append(["Mã dòng", "Cơ quan", "Mã cơ quan", "Tệp", "Trang", "Ô", "Số liệu", "Tình trạng"])
    unsettled = SOURCE_STATES["unsettled"]
    ws.append(["x", "Sở Không Có", "so khong co", "a.xlsx", "S", "F7", 300, unsettled])
    ws.append([None, None, None, None, None, None, None, unsettled])
    ws.append(["KHX|Chỉ tiêu|999|abc", "Phòng Tài chính", "phong tai chinh", "b.xlsx", "S", "F7", "=1/0", unsettled])
    ws.sheet_state = "hidden"
    wb.save(path)
    found, checked = _warning(path)
    assert found == []
    assert next(a for a in checked.attainment.assessments if a.indicator.row == ROW).indicator.result == 280


def test_the_ribbon_names_it_and_states_no_figure_as_the_cli_does(tmp_path):
    """The add-in reads the table's sheet alone; the record is read beside it."""
    from kh_excel.addin.actions import find_table
    from kh_excel.addin.engine import Session
    from kh_excel.addin.payload import open_book
    copy = _held_conflict(tmp_path)
    table, _ = find_table(Session(open_book(copy)))
    checked = check(table)
    (f,) = [f for f in checked.findings if f.code == "collect_conflict_open"]
    assert f.cell == f"E{ROW}" and "300 (Phòng Kinh tế, tệp «kt.xlsx», ô F8, chưa ghi vào bảng)" in f.message
    assert next(a for a in checked.attainment.assessments if a.indicator.row == ROW).status == "chua_co_so_lieu"
