"""A workbook an agency typed up itself (not our «Phiếu nhập» form) with several sheets: read as read_workbook reads
a workbook (the active sheet first, then the others), refused only when no sheet is the master's year and period,
and refused naming both when two are. Masters and returned files are built here; the figures are the ones typed."""
from __future__ import annotations

from pathlib import Path

import openpyxl

from test_collect_sources import FIRST, _agency, _cells, _collect, _master

HEADER = ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm {y}", "Thực hiện năm {y}"]


def _typed(path: Path, sheets: list[tuple[str, int, object]], active: int) -> Path:
    """Phòng Kinh tế's own workbook: one sheet per (name, year, figure of «Giá trị sản xuất công nghiệp»)."""
    wb = openpyxl.Workbook()
    for i, (name, year, figure) in enumerate(sheets):
        ws = wb.active if i == 0 else wb.create_sheet()
        ws.title = name
        ws.append([f"PHÒNG KINH TẾ - BÁO CÁO SỐ LIỆU NĂM {year}"])
        ws.append([])
        ws.append([h.format(y=year) for h in HEADER])
        ws.append(["1", "Giá trị sản xuất công nghiệp", "Tỷ đồng", 1200, figure])
    wb.active = active
    wb.save(path)
    assert openpyxl.load_workbook(path).active.title == sheets[active][0]
    return path


def test_this_years_sheet_is_read_though_last_years_comes_first(tmp_path):
    """«Năm 2025» (1.119) first, «Năm 2026» (1.250) active: the master of 2026 gets 1.250. It used to read the first
    sheet, find 2025 and refuse the file."""
    master = _master(tmp_path / "chi_tieu.xlsx")
    for active in (1, 0):  # active or not, the 2025 sheet is never the master's
        sent = _typed(tmp_path / f"kt_{active}.xlsx", [("Năm 2025", 2025, 1119), ("Năm 2026", 2026, 1250)], active)
        code, rep, merged = _collect(master, sent)
        assert (code, rep["failed"], _cells(merged, 5)) == (0, [], [1250, None, None]), rep
        (note,) = _agency(rep, "Phòng Kinh tế")["notes"]
        assert note["sheet"] == "Năm 2026"
        assert note["note"] == ("tệp có thêm trang «Năm 2025» (cột «Thực hiện năm 2025» là số liệu năm 2025, còn cột "
                                "«Ước thực hiện năm 2026» của bảng gốc là số liệu năm 2026): chỉ đọc trang «Năm 2026»")


def test_no_sheet_of_the_masters_year_is_refused_naming_each(tmp_path):
    master = _master(tmp_path / "chi_tieu.xlsx", results={(FIRST, 5): 1150})
    sent = _typed(tmp_path / "kt.xlsx", [("Năm 2024", 2024, 1010), ("Năm 2025", 2025, 1119)], active=1)
    code, rep, merged = _collect(master, sent)
    (failed,) = rep["failed"]
    assert code == 1 and failed["refused"]
    # the active sheet first, as it was read
    assert failed["reason"] == (
        f"Tệp «{sent}»: không trang nào có số liệu ứng với cột «Ước thực hiện năm 2026» của bảng gốc — trang «Năm "
        "2025»: cột «Thực hiện năm 2025» là số liệu năm 2025, còn cột «Ước thực hiện năm 2026» của bảng gốc là số liệu "
        "năm 2026; trang «Năm 2024»: cột «Thực hiện năm 2024» là số liệu năm 2024, còn cột «Ước thực hiện năm 2026» "
        "của bảng gốc là số liệu năm 2026; không ghi số liệu nào của tệp này.")
    assert _cells(merged, 5) == [1150, None, None]


def test_two_sheets_of_the_masters_year_are_refused_naming_both(tmp_path):
    """A draft (1.200) and the final figures (1.250), both of 2026: which was sent is not for the program to guess."""
    master = _master(tmp_path / "chi_tieu.xlsx")
    sent = _typed(tmp_path / "kt.xlsx", [("Bản nháp", 2026, 1200), ("Chính thức", 2026, 1250)], active=1)
    code, rep, merged = _collect(master, sent)
    (failed,) = rep["failed"]
    assert code == 1 and failed["refused"]
    assert failed["reason"] == (
        f"Tệp «{sent}»: 2 trang «Chính thức», «Bản nháp» đều có số liệu năm 2026 ứng với cột «Ước thực hiện năm 2026» "
        "của bảng gốc, không biết trang nào là số liệu cơ quan gửi; không ghi số liệu nào của tệp này (hãy để lại "
        "một trang, hoặc gửi mỗi trang một tệp).")
    assert _cells(merged, 5) == [None, None, None]


def test_one_sheet_keeps_its_own_message(tmp_path):
    """A one-sheet workbook of 2025: the message of before, naming the sheet (no «không trang nào»)."""
    master = _master(tmp_path / "chi_tieu.xlsx")
    sent = _typed(tmp_path / "kt.xlsx", [("Sheet1", 2025, 1119)], active=0)
    code, rep, merged = _collect(master, sent)
    (failed,) = rep["failed"]
    assert failed["reason"] == (f"Tệp «{sent}», trang «Sheet1»: cột «Thực hiện năm 2025» là số liệu năm 2025, còn cột "
                                "«Ước thực hiện năm 2026» của bảng gốc là số liệu năm 2026; không ghi số liệu nào của "
                                "tệp này.")


def test_two_columns_of_the_masters_period_in_one_sheet_are_refused(tmp_path):
    """Six months done (160) and estimated (165) of 2026, the master's six months: which one is the figure is asked,
    as --period asks; before, the reader's preference took the estimate without a word."""
    from test_collect_sources import _retyped
    master = _master(tmp_path / "chi_tieu.xlsx", columns=("Thực hiện 6 tháng năm 2026",))
    sent = _retyped(tmp_path / "tc.xlsx", "PHÒNG TÀI CHÍNH - BÁO CÁO SỐ LIỆU",
                    ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2026", "Thực hiện 6 tháng năm 2026",
                     "Ước thực hiện 6 tháng năm 2026"], ["3", "Tổng thu ngân sách", "Tỷ đồng", 300, 160, 165])
    code, rep, merged = _collect(master, sent)
    (failed,) = rep["failed"]
    assert code == 1 and failed["refused"]
    assert failed["reason"] == (f"Tệp «{sent}», trang «Sheet»: có 2 cột cùng là số liệu 6 tháng năm 2026 (cột E "
                                "«Thực hiện 6 tháng năm 2026», cột F «Ước thực hiện 6 tháng năm 2026»), không biết cột "
                                "nào là số liệu gửi; không ghi số liệu nào của tệp này.")
    assert _cells(merged, 5) == [None, None, None]
