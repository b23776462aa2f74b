"""The collect report's row messages say what happened to the row (rev16 R16-7, R16-12).

R16-7.1: a master that gained a row after the forms were sent told the agency «dòng bị xóa» for a row its form
never had. R16-7.3: a master result cell holding a formula was reported as «khác số trong bảng gốc» (or, co-led, as
«khác số của cơ quan khác») and again as «Không ghi … ô có công thức». R16-12: «không do cơ quan chủ trì» lacked
«này». Masters are built here, forms made by the Python API (`write_forms`), filled with openpyxl as an agency
would, collected by `collect_files`; every expected row is decided by hand from the rows below.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl

from kh_excel.collect.forms import COL, FIRST_ROW, FORM_SHEET, META_SHEET, read_master, write_forms
from kh_excel.collect.merge import collect_files, write_merged
from kh_excel.collect.report import print_collection

KT = "Phòng Kinh tế"
TC = "Phòng Tài chính - Kế hoạch"
HEADER = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Cơ quan chủ trì"]
# (STT, name, unit, plan, result, lead); master rows 4.. in this order
ROWS = [("1", "Tỷ lệ xã đạt chuẩn nông thôn mới", "%", 50, None, KT),
        ("2", "Phát triển nhà ở xã hội", "Căn", 1200, None, KT),
        ("3", "Số doanh nghiệp thành lập mới", "Doanh nghiệp", 400, None, KT),
        ("4", "Thu ngân sách nhà nước", "Tỷ đồng", 2350, None, TC)]
FIRST = 4


def _master(path: Path, rows=ROWS) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Chỉ tiêu"
    ws.append(["CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026 HUYỆN BẮC HÀ"])
    ws.append([])
    ws.append(HEADER)
    for row in rows:
        ws.append(list(row))
    wb.save(path)
    return path


def _forms(master: Path, out: Path) -> dict[str, Path]:
    table, _ = read_master(master)
    return {g.name: p for g, p in write_forms(master, out, table)}


def _fill(form: Path, figures: dict[str, float], sent: Path, delete: str = "", drop_rows_list: bool = False) -> Path:
    """The form with `figures` (by indicator name) typed in; the row named `delete` deleted as an agency would."""
    wb = openpyxl.load_workbook(form)
    ws = wb[FORM_SHEET]
    ws.protection.sheet = False
    for r in range(ws.max_row, FIRST_ROW - 1, -1):
        name = ws.cell(r, COL["name"]).value
        if name == delete:
            ws.delete_rows(r)
        elif name in figures:
            ws.cell(r, COL["result"]).value = figures[name]
    if drop_rows_list:  # a form made before the form listed its rows
        meta = wb[META_SHEET]
        for r in range(1, meta.max_row + 1):
            if meta.cell(r, 1).value == "Các dòng":
                meta.delete_rows(r)
                break
    wb.save(sent)
    return sent


def _insert(master: Path, before: int, row: tuple) -> None:
    """The office inserts an indicator above master row `before` after the forms were sent."""
    wb = openpyxl.load_workbook(master)
    ws = wb.active
    ws.insert_rows(before)
    for c, v in enumerate(row, start=1):
        ws.cell(before, c).value = v
    wb.save(master)


def _report(master: Path, sent: list[Path], capsys) -> tuple[dict, str, object]:
    table, coll = collect_files(master, sent)
    capsys.readouterr()
    print_collection(coll, show_all=True)
    printed = " ".join(capsys.readouterr().out.split())
    return {a.name: a for a in coll.agencies}, printed, coll


def test_a_row_the_master_gained_after_the_forms_is_new_not_deleted(tmp_path, capsys):
    """Forms made from rows 4–7; then «2a Số hộ được hỗ trợ nhà ở» (Phòng Kinh tế) is inserted above row 6, so
    «2 Phát triển nhà ở xã hội» stays row 5, «3 Số doanh nghiệp …» moves 6 → 7. The agency fills its three rows.
    Row 6 was never on its form: «chỉ tiêu mới của bảng gốc, phiếu chưa có», not «dòng bị xóa». Its code for
    «3 Số doanh nghiệp …» names row 6, now «2a»: matched by STT and name to row 7 (1 row), and the report says the
    code no longer matches, never that the file is not a form. Figures land on rows 4, 5, 7: 52, 1250, 410."""
    master = _master(tmp_path / "chi_tieu.xlsx")
    forms = _forms(master, tmp_path / "phieu")
    _insert(master, 6, ("2a", "Số hộ được hỗ trợ nhà ở", "Hộ", 300, None, KT))
    sent = _fill(forms[KT], {ROWS[0][1]: 52, ROWS[1][1]: 1250, ROWS[2][1]: 410}, tmp_path / "kt.xlsx")
    agencies, printed, coll = _report(master, [sent], capsys)
    kt = agencies[KT]
    assert [i["row"] for i in kt.items["new_rows"]] == [6]
    assert kt.items["deleted"] == []
    assert kt.matched_by == {"key": 2, "stt_name": 1}
    assert {r: v.number for r, v in coll.writes.items()} == {4: 52, 5: 1250, 7: 410}
    assert "chỉ tiêu mới của bảng gốc, phiếu chưa có dòng 6: 2a Số hộ được hỗ trợ nhà ở" in printed
    assert "1 dòng có mã dòng không còn khớp, đã khớp theo STT và tên chỉ tiêu" in printed
    assert "không phải phiếu nhập" not in printed and "dòng bị xóa" not in printed


def test_a_row_the_agency_deleted_from_its_form_is_still_deleted(tmp_path, capsys):
    """Must not fire: the master is unchanged and the agency deletes «2 Phát triển nhà ở xã hội» (master row 5)
    from its form. Row 5 was on the form when it was made: «dòng bị xóa», nothing new."""
    master = _master(tmp_path / "chi_tieu.xlsx")
    forms = _forms(master, tmp_path / "phieu")
    sent = _fill(forms[KT], {ROWS[0][1]: 52, ROWS[2][1]: 410}, tmp_path / "kt.xlsx", delete=ROWS[1][1])
    agencies, printed, _ = _report(master, [sent], capsys)
    assert [i["row"] for i in agencies[KT].items["deleted"]] == [5]
    assert agencies[KT].items["new_rows"] == []
    assert "phiếu chưa có" not in printed


def test_an_old_form_tells_a_new_row_by_the_codes_around_it(tmp_path):
    """A form made before forms listed their rows: its codes still say where each indicator stood. «2a» is inserted
    above row 6 and the agency deletes «1 Tỷ lệ xã …» (row 4) from its form. Codes: «2 Phát triển nhà ở» was row 5,
    is row 5; «3 Số doanh nghiệp» was row 6, is row 7: the distance 5 → 7 grew by 1 row (2 − 1), and row 6 is the one
    missing row between: new, the reason says how it was told. Row 4 has no code before it: it cannot be told, it
    stays «dòng bị xóa» (never guessed new)."""
    master = _master(tmp_path / "chi_tieu.xlsx")
    forms = _forms(master, tmp_path / "phieu")
    _insert(master, 6, ("2a", "Số hộ được hỗ trợ nhà ở", "Hộ", 300, None, KT))
    sent = _fill(forms[KT], {ROWS[1][1]: 1250, ROWS[2][1]: 410}, tmp_path / "kt.xlsx", delete=ROWS[0][1],
                 drop_rows_list=True)
    _, coll = collect_files(master, [sent])
    (kt,) = [a for a in coll.agencies if a.name == KT]
    assert [i["row"] for i in kt.items["deleted"]] == [4]
    (new,) = kt.items["new_rows"]
    assert new["row"] == 6 and "đã thêm 1 dòng giữa dòng 5 và dòng 7 sau khi lập phiếu" in new["reason"]


def test_an_old_form_whose_row_the_agency_deleted_is_still_deleted(tmp_path):
    """Must not fire: an old form (no row list), the master unchanged, «2 Phát triển nhà ở xã hội» (row 5) deleted
    from the form. Codes around it: row 4 was 4, row 6 was 6: nothing grew (2 − 2 = 0): «dòng bị xóa»."""
    master = _master(tmp_path / "chi_tieu.xlsx")
    forms = _forms(master, tmp_path / "phieu")
    sent = _fill(forms[KT], {ROWS[0][1]: 52}, tmp_path / "kt.xlsx", delete=ROWS[1][1], drop_rows_list=True)
    _, coll = collect_files(master, [sent])
    (kt,) = [a for a in coll.agencies if a.name == KT]
    assert [i["row"] for i in kt.items["deleted"]] == [5]
    assert kt.items["new_rows"] == []


def test_a_row_given_to_the_agency_after_the_forms_is_not_on_its_form(tmp_path):
    """Another shape of the same rule: the office moves «4 Thu ngân sách nhà nước» (row 7) from Phòng Tài chính -
    Kế hoạch to Phòng Kinh tế after the forms. Phòng Kinh tế's form never had it: «phiếu chưa có», not deleted."""
    master = _master(tmp_path / "chi_tieu.xlsx")
    forms = _forms(master, tmp_path / "phieu")
    wb = openpyxl.load_workbook(master)
    wb.active.cell(7, 6).value = KT
    wb.save(master)
    sent = _fill(forms[KT], {ROWS[0][1]: 52}, tmp_path / "kt.xlsx")
    _, coll = collect_files(master, [sent])
    (kt,) = [a for a in coll.agencies if a.name == KT]
    assert [i["row"] for i in kt.items["new_rows"]] == [7]
    assert kt.items["deleted"] == []


def _with_cached(path: Path, values: dict[str, str]) -> None:
    """The master as Excel saves it: each formula (by its text) with its last computed value."""
    src = path.read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(src)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                for formula, v in values.items():
                    data = data.replace(f"<f>{formula}</f><v></v>".encode(), f"<f>{formula}</f><v>{v}</v>".encode())
            zout.writestr(item, data)
    path.write_bytes(out.getvalue())


FX = [("1", "Tổng giá trị sản xuất", "Tỷ đồng", 5000, "=E5+E6", f"{KT}, {TC}"),
      ("-", "Nông, lâm nghiệp", "Tỷ đồng", 1800, 370, KT),
      ("-", "Công nghiệp, xây dựng", "Tỷ đồng", 3200, 560, KT),
      ("2", "Thu ngân sách nhà nước", "Tỷ đồng", 120, "=E5/100+2.6", TC),
      ("3", "Số doanh nghiệp thành lập mới", "Doanh nghiệp", 400, None, TC)]


def test_a_formula_result_cell_is_one_message_per_row_in_the_agency_block(tmp_path, capsys):
    """Master E4 = E5+E6 (cached 930 = 370 + 560), co-led by both agencies; E7 = E5/100+2,6 (cached 6,3 = 3,7 + 2,6). Phòng Kinh tế sends
    5.150 for row 4 and 1.780 for row 5; Phòng Tài chính - Kế hoạch sends 5.100 for row 4, 118,5 for row 7 and 420 for
    row 8. Rows 4 and 7 are computed by the master: each agency's figure there is «ô có công thức (không ghi)», once
    (row 4: Kinh tế and Tài chính one each; row 7: Tài chính), never «khác số trong bảng gốc», never «khác số của cơ
    quan khác» (5.150 against 5.100, or against 930), and no «Không ghi … ô có công thức» below. Written: row 5
    (1.780, «khác số trong bảng gốc» 370 → 1.780) and row 8 (420, empty before): 2 figures; E4 and E7 keep their
    formulas."""
    master = _master(tmp_path / "chi_tieu.xlsx", FX)
    _with_cached(master, {"E5+E6": "930", "E5/100+2.6": "6.3"})
    forms = _forms(master, tmp_path / "phieu")
    kt = _fill(forms[KT], {"Tổng giá trị sản xuất": 5150, "Nông, lâm nghiệp": 1780}, tmp_path / "kt.xlsx")
    tc = _fill(forms[TC], {"Tổng giá trị sản xuất": 5100, "Thu ngân sách nhà nước": 118.5,
                           "Số doanh nghiệp thành lập mới": 420}, tmp_path / "tc.xlsx")
    agencies, printed, coll = _report(master, [kt, tc], capsys)
    assert [i["row"] for i in agencies[KT].items["formula"]] == [4]
    assert [i["row"] for i in agencies[TC].items["formula"]] == [4, 7]
    for a in agencies.values():
        assert a.items["conflicts"] == [] and [i["row"] for i in a.items["changed"]] == ([5] if a.name == KT else [])
    assert coll.conflicts == [] and coll.skipped_cells == []
    assert sorted(coll.writes) == [5, 8]
    assert ("ô có công thức (không ghi) dòng 7: 2 Thu ngân sách nhà nước (ô E7 của bảng gốc có công thức, đang tính "
            "ra 6,3: không ghi đè bằng số 118,5 của cơ quan") in printed
    assert "Không ghi dòng" not in printed and "Đã ghi 2 số liệu" in printed
    out = write_merged(master, tmp_path / "tong_hop.xlsx", *collect_files(master, [kt, tc]), [kt, tc])
    ws = openpyxl.load_workbook(out).active
    assert [ws.cell(r, 5).value for r in (4, 5, 7, 8)] == ["=E5+E6", 1780, "=E5/100+2.6", 420]


def test_a_figure_sent_for_a_row_of_another_agency_says_this_agency(tmp_path, capsys):
    """Phòng Kinh tế adds «4 Thu ngân sách nhà nước» (Phòng Tài chính - Kế hoạch's row 7) to its form with 2.400:
    listed «dòng thêm hoặc không khớp … (chỉ tiêu này không do cơ quan này chủ trì …)», nothing written."""
    master = _master(tmp_path / "chi_tieu.xlsx")
    forms = _forms(master, tmp_path / "phieu")
    wb = openpyxl.load_workbook(forms[KT])
    ws = wb[FORM_SHEET]
    r = ws.max_row + 1
    ws.cell(r, COL["stt"]).value, ws.cell(r, COL["name"]).value = "4", "Thu ngân sách nhà nước"
    ws.cell(r, COL["result"]).value = 2400
    wb.save(tmp_path / "kt.xlsx")
    agencies, printed, coll = _report(master, [tmp_path / "kt.xlsx"], capsys)
    (added,) = agencies[KT].items["added"]
    assert added["reason"] == "chỉ tiêu này không do cơ quan này chủ trì"
    assert 7 not in coll.writes
