"""The add-in reads a table's body merges and number formats as the command line does (rev16 R16-3, R16-10).

Neither engine's values say which cells are merged or how a number is formatted; the saved file does, and the
add-in takes them from it while the file holds the values the open workbook shows (engine.Session.saved_layout).
Where it cannot (a workbook never saved, or changed since), nothing is guessed: the message says so, and a row no
lead agency is read for is named instead of being left off every form. Workbooks are built here; actions run on
xlwings' remote engine (`kh_excel.addin.payload`).
"""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

import kh_excel.docs.render  # noqa: F401  (a missing module fails the run, never skips it)

from kh_excel.addin import run_action
from kh_excel.addin.documents import OUTPUT_ENV
from kh_excel.addin.payload import ensure_license, workbook_payload

SHEET = "Biểu 01"
CULTURE = "Phòng Văn hóa - Xã hội"


def _book(path: Path, saved: bool = True):
    """The workbook at `path` on the remote engine. `saved`: its name is the file's full path, as the desktop
    engine gives it (Book.fullname); else the bare name an Office.js client sends (no file to read)."""
    ensure_license()
    import xlwings as xw
    payload = workbook_payload(path)
    payload["book"]["name"] = str(path) if saved else path.name
    return xw.Book(json=payload)


def m3_shape(path: Path) -> Path:
    """The reviewer's m3 shape: a two-row header (STT, Chỉ tiêu, ĐVT merged down; «Toàn huyện» and a commune
    merged across their Kế hoạch / Thực hiện 6 tháng), the lead agency merged over sub-rows (M-like column J:
    J7:J9) and over two indicators: «Phòng Văn hóa - Xã hội» in J12, merged J12:J13 over indicators 4 and 5."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = SHEET
    ws.append(["CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026 HUYỆN BẮC HÀ"])
    ws.append([])
    ws.append([])
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Toàn huyện", None, "Xã Bản Phố", None, None, None, "Cơ quan chủ trì"])
    ws.append([None, None, None, "Kế hoạch năm 2026", "Thực hiện 6 tháng năm 2026", "Kế hoạch năm 2026",
               "Thực hiện 6 tháng năm 2026"])
    ws.append(["I", "KINH TẾ"])
    ws.append(["1", "Tổng giá trị sản xuất", "Tỷ đồng", 5200, 2300, 1200, 520, None, None, "Phòng Tài chính - Kế hoạch"])
    ws.append(["-", "Nông, lâm nghiệp", "Tỷ đồng", 1800, 700, 500, 210])
    ws.append(["-", "Dịch vụ", "Tỷ đồng", 3400, 1600, 700, 310])
    ws.append(["2", "Tổng sản lượng lương thực có hạt", "Tấn", 42000, 21000, 9000, 4600, None, None,
               "Phòng Nông nghiệp và Môi trường"])
    ws.append(["II", "VĂN HÓA - XÃ HỘI"])
    ws.append(["4", "Tỷ lệ hộ nghèo", "%", 12.5, None, 15, None, None, None, CULTURE])
    ws.append(["5", "Số trường đạt chuẩn quốc gia", "Trường", 28, 26, 4, 4])
    ws.append(["6", "Tỷ lệ che phủ rừng", "%", 56.5, 56.5, 60, 60, None, None, "Hạt Kiểm lâm"])
    for rng in ("A4:A5", "B4:B5", "C4:C5", "J4:J5", "D4:E4", "F4:G4", "J7:J9", "J12:J13"):
        ws.merge_cells(rng)
    wb.save(path)
    return path


@pytest.fixture
def out_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "van_ban"
    monkeypatch.setenv(OUTPUT_ENV, str(folder))
    return folder


def _form_rows(folder: Path, agency: str) -> list[int]:
    """The master rows a form asks for (its «Mã dòng» column: «<sheet>!<row>#…»)."""
    ws = openpyxl.load_workbook(folder / "Phiếu nhập" / f"{agency}.xlsx").active
    keys = [v for row in ws.iter_rows(values_only=True) for v in row if isinstance(v, str) and v.startswith(SHEET + "!")]
    return [int(k.split("!")[1].split("#")[0]) for k in keys]


def test_a_lead_agency_merged_over_two_indicators_is_read_for_both(tmp_path, out_dir):
    """J12:J13 merged: indicator 5 (row 13) is led by Phòng Văn hóa - Xã hội, as `kh-excel check` and `forms` read
    it: no error, and the agency's form asks for rows 12 and 13. The sub-rows 8, 9 under J7:J9 are read for
    indicator 1's agency too (the same rule, core.table's anchors)."""
    src = m3_shape(tmp_path / "m3.xlsx")
    ok, message = run_action("kiem_tra", _book(src))
    assert ok and "0 lỗi" in message, message
    assert "không thấy ô gộp" not in message
    ok, message = run_action("tao_phieu", _book(src))
    assert ok, message
    assert _form_rows(out_dir, CULTURE) == [12, 13]
    assert _form_rows(out_dir, "Phòng Tài chính - Kế hoạch")[0] == 7
    assert "không có trong phiếu nhập nào" not in message
    ok, message = run_action("bao_cao", _book(src))
    assert ok and "Đã tạo báo cáo" in message, message


def test_unsaved_workbook_says_merges_are_unknown_and_names_the_row_left_off_the_forms(tmp_path, out_dir):
    """No file to read (the bare name of an Office.js client): J13 reads empty, so check reports the missing lead
    agency, as it must for what it sees; the message says merges were not seen and how to get them, and
    «Tạo phiếu nhập» names row 13 as on no form instead of dropping it silently."""
    src = m3_shape(tmp_path / "m3.xlsx")
    ok, message = run_action("kiem_tra", _book(src, saved=False))
    assert ok and "1 lỗi" in message, message
    assert "không thấy ô gộp và định dạng số của trang «Biểu 01»" in message and "Ctrl+S" in message
    ok, message = run_action("tao_phieu", _book(src, saved=False))
    assert ok, message
    assert _form_rows(out_dir, CULTURE) == [12]
    assert ("1 chỉ tiêu chưa có cơ quan chủ trì nên không có trong phiếu nhập nào (trang «Biểu 01»): dòng 13 «Số "
            "trường đạt chuẩn quốc gia»") in message


def test_a_workbook_changed_since_it_was_saved_does_not_take_the_files_merges(tmp_path, out_dir):
    """The open workbook's values differ from the saved file's (E13 typed 27 since): the file's merges are not
    taken for it (they may belong to other rows now); the message says so, as for an unsaved workbook."""
    src = m3_shape(tmp_path / "m3.xlsx")
    ensure_license()
    import xlwings as xw
    payload = workbook_payload(src)
    payload["book"]["name"] = str(src)
    payload["sheets"][0]["values"][12][4] = 27   # E13: the open workbook, edited and not saved
    ok, message = run_action("kiem_tra", xw.Book(json=payload))
    assert ok and "1 lỗi" in message, message
    assert "không thấy ô gộp" in message


def test_one_lead_agency_per_row_needs_no_merges_and_no_note(tmp_path, out_dir):
    """A table without merged agencies, never saved: every row has its agency, so no row is named as left off."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = SHEET
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Cơ quan chủ trì"])
    ws.append([1, "Tỷ lệ hộ nghèo", "%", 12.5, 12, CULTURE])
    ws.append([2, "Số trường đạt chuẩn quốc gia", "Trường", 28, 28, CULTURE])
    src = tmp_path / "plain.xlsx"
    wb.save(src)
    ok, message = run_action("tao_phieu", _book(src, saved=False))
    assert ok, message
    assert _form_rows(out_dir, CULTURE) == [2, 3]
    assert "không có trong phiếu nhập nào" not in message


def _docx_text(path: Path) -> str:
    import docx
    d = docx.Document(str(path))
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            parts.extend(c.text for c in row.cells)
    return "\n".join(parts).replace("\u00a0", " ")


def _rate_table(path: Path, fmt: str) -> Path:
    """One rate: plan 56%, estimate 57 formatted `fmt` (R16-10: the sample's E26, «0.0»)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = SHEET
    ws.append(["CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026"])
    ws.append([])
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Cơ quan chủ trì"])
    ws.append([1, "Tỷ lệ che phủ rừng", "%", 56, 57, "Hạt Kiểm lâm"])
    ws["E4"].number_format = fmt
    wb.save(path)
    return path


def test_the_report_writes_a_figure_as_its_cell_shows_it(tmp_path, out_dir):
    """E4 = 57 formatted «0.0» shows 57,0: the report writes «57,0%» as `kh-excel render` does (the number format
    read from the saved file), never «57%». By hand: 57,0 / 56 = 101,8% of the plan."""
    src = _rate_table(tmp_path / "rate.xlsx", "0.0")
    ok, message = run_action("bao_cao", _book(src))
    assert ok, message
    text = _docx_text(out_dir / "Báo cáo kết quả thực hiện chỉ tiêu.docx")
    assert "57,0%" in text and "57%" not in text


def test_a_whole_number_format_keeps_the_figure_whole(tmp_path, out_dir):
    """The rule does not add decimals: 57 formatted «0» (or General) is «57%» in the report."""
    src = _rate_table(tmp_path / "rate.xlsx", "0")
    ok, message = run_action("bao_cao", _book(src))
    assert ok, message
    text = _docx_text(out_dir / "Báo cáo kết quả thực hiện chỉ tiêu.docx")
    assert "57%" in text and "57,0" not in text
