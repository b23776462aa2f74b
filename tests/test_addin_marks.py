"""«Xóa đánh dấu» and a second «Kiểm tra số liệu» after the user has edited the sheet.

The marks are recorded at check time; the user then inserts or deletes rows,
renames the sheet, writes notes of their own. Removing the marks must touch the
add-in's own notes and fills only, wherever the cells are now, and say what it
could not do. Workbooks are built here; actions run on xlwings' remote engine
(`kh_excel.addin.payload`) and are replayed onto the file with openpyxl, which
moves cells, fills and notes on insert/delete as Excel does.
"""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill

from kh_excel.addin import actions as A
from kh_excel.addin import run_action
from kh_excel.addin.engine import Session
from kh_excel.addin.marks import STORE_SHEET
from kh_excel.addin.payload import apply_actions, open_book

SHEET = "Chỉ tiêu"
USER_NOTE = "Số của Sở Tài chính gửi 10/3"
GREEN = "#00b050"


def run(tag: str, path: Path, out: Path) -> tuple[bool, str]:
    book = open_book(path)
    ok, message = run_action(tag, book)
    apply_actions(path, book.json()["actions"], out)
    return ok, message


def fill_of(cell) -> str | None:
    if cell.fill is None or cell.fill.fill_type is None:
        return None
    return "#" + cell.fill.fgColor.rgb[-6:].lower()


def notes(path: Path, sheet: str = SHEET) -> dict[str, str]:
    ws = openpyxl.load_workbook(path)[sheet]
    return {c.coordinate: c.comment.text for row in ws.iter_rows() for c in row if c.comment}


def fills(path: Path, sheet: str = SHEET) -> dict[str, str]:
    ws = openpyxl.load_workbook(path)[sheet]
    return {c.coordinate: f for row in ws.iter_rows() for c in row if (f := fill_of(c))}


def edit(src: Path, out: Path, change) -> Path:
    wb = openpyxl.load_workbook(src)
    change(wb, wb[SHEET] if SHEET in wb.sheetnames else None)
    wb.save(out)
    return out


@pytest.fixture
def book(tmp_path) -> Path:
    """Three results that are not numbers (E5, E7, E9: errors); the user's note on E7 before the check."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = SHEET
    ws.append(["PHỤ LỤC CHỈ TIÊU NĂM 2026"])
    ws.append([])
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Cơ quan chủ trì"])
    ws.append(["I", "CÁC CHỈ TIÊU VỀ KINH TẾ"])
    ws.append([1, "Thu ngân sách nhà nước", "Tỷ đồng", 12000, "khoảng mười", "Sở Tài chính"])
    ws.append([2, "Tỷ lệ hộ nghèo", "%", 5, 4, "Sở Nông nghiệp và Môi trường"])
    ws.append([3, "Số doanh nghiệp thành lập mới", "Doanh nghiệp", 800, "tám trăm", "Sở Tài chính"])
    ws.append([4, "Số xã đạt chuẩn nông thôn mới", "Xã", 20, 22, "Sở Nông nghiệp và Môi trường"])
    ws.append([5, "Tỷ lệ đô thị hóa", "%", 32, "ba mươi", "Sở Xây dựng"])
    ws.append([6, "Số lao động có việc làm mới", "Người", 1000, 1100, "Sở Nội vụ"])
    ws["E7"].comment = Comment(USER_NOTE, "Chuyên viên")
    path = tmp_path / "book.xlsx"
    wb.save(path)
    return path


@pytest.fixture
def checked(book, tmp_path) -> Path:
    out = tmp_path / "checked.xlsx"
    ok, message = run("kiem_tra", book, out)
    assert ok, message
    # as decided by hand: E5, E7, E9 red; notes of the add-in on E5 and E9, the user's kept on E7
    assert fills(out) == {"E5": A.ERROR_FILL, "E7": A.ERROR_FILL, "E9": A.ERROR_FILL}
    n = notes(out)
    assert n["E7"] == USER_NOTE and n["E5"].startswith(A.NOTE_PREFIX) and n["E9"].startswith(A.NOTE_PREFIX)
    return out


def own_notes(path: Path, sheet: str = SHEET) -> set[str]:
    return {k for k, v in notes(path, sheet).items() if v.startswith(A.NOTE_PREFIX)}


def test_removal_after_a_row_is_inserted_keeps_the_users_notes_and_removes_every_mark(checked, tmp_path):
    def insert(wb, ws):
        ws.insert_rows(6)                                   # E7 -> E8, E9 -> E10
        ws["E9"].comment = Comment("Ghi chú mới của tôi", "Chuyên viên")  # where the add-in's note was

    edited = edit(checked, tmp_path / "edited.xlsx", insert)
    assert own_notes(edited) == {"E5", "E10"} and notes(edited)["E8"] == USER_NOTE
    out = tmp_path / "out.xlsx"
    ok, message = run("xoa_danh_dau", edited, out)
    assert ok, message
    assert notes(out) == {"E8": USER_NOTE, "E9": "Ghi chú mới của tôi"}
    assert fills(out) == {}
    assert "Đã bỏ đánh dấu của 3 ô" in message and "xóa 2 ghi chú" in message
    assert "Ghi chú của người dùng ở 1 ô được giữ nguyên" in message
    assert "Không tìm lại được" not in message
    assert {STORE_SHEET, A.RESULT_SHEET}.isdisjoint(openpyxl.load_workbook(out).sheetnames)  # no trace of the check


def test_removal_after_the_sheet_is_renamed(checked, tmp_path):
    edited = edit(checked, tmp_path / "renamed.xlsx", lambda wb, ws: setattr(ws, "title", "PL 2026"))
    out = tmp_path / "out.xlsx"
    ok, message = run("xoa_danh_dau", edited, out)
    assert ok, message
    assert own_notes(out, "PL 2026") == set() and fills(out, "PL 2026") == {}
    assert notes(out, "PL 2026") == {"E7": USER_NOTE}
    assert "«Chỉ tiêu» nay là «PL 2026»" in message and "Đã bỏ đánh dấu của 3 ô" in message


def test_a_deleted_marked_row_is_reported_and_the_row_that_took_its_place_is_untouched(checked, tmp_path):
    def delete(wb, ws):
        ws.delete_rows(9)                       # the marked E9 is gone; row 10 moves up to 9
        ws["E9"].comment = Comment("Số ước, chờ Sở Nội vụ", "Chuyên viên")
        ws["E9"].fill = PatternFill("solid", fgColor="FF" + GREEN[1:].upper())

    edited = edit(checked, tmp_path / "deleted.xlsx", delete)
    out = tmp_path / "out.xlsx"
    ok, message = run("xoa_danh_dau", edited, out)
    assert ok, message
    assert notes(out) == {"E7": USER_NOTE, "E9": "Số ước, chờ Sở Nội vụ"}
    assert fills(out) == {"E9": GREEN}
    assert "Đã bỏ đánh dấu của 2 ô" in message and "xóa 1 ghi chú" in message
    assert "Không tìm lại được 1 ô đã đánh dấu (ô E9 trang «Chỉ tiêu»)" in message


def test_a_second_check_after_an_inserted_row_clears_its_old_marks_only(checked, tmp_path):
    def insert(wb, ws):
        ws.insert_rows(6)
        ws["E9"].comment = Comment("Ghi chú mới của tôi", "Chuyên viên")

    edited = edit(checked, tmp_path / "edited.xlsx", insert)
    out = tmp_path / "again.xlsx"
    ok, message = run("kiem_tra", edited, out)
    assert ok, message
    n = notes(out)
    assert n["E9"] == "Ghi chú mới của tôi" and n["E8"] == USER_NOTE
    assert own_notes(out) == {"E5", "E10"}
    assert fills(out) == {"E5": A.ERROR_FILL, "E8": A.ERROR_FILL, "E10": A.ERROR_FILL}
    records = {r[1]: r for r in openpyxl.load_workbook(out)[STORE_SHEET].iter_rows(min_row=3, values_only=True)}
    assert set(records) == {"E5", "E8", "E10"}
    assert records["E8"][4] == 1 and records["E8"][5] == 0   # the user's note, not the add-in's
    # and removing after that gives the sheet back as edited, less the marks
    final = tmp_path / "final.xlsx"
    assert run("xoa_danh_dau", out, final)[0]
    assert notes(final) == {"E8": USER_NOTE, "E9": "Ghi chú mới của tôi"} and fills(final) == {}


def test_remote_engine_loses_a_users_fill_under_a_mark_and_says_so(book, tmp_path):
    src = edit(book, tmp_path / "green.xlsx",
               lambda wb, ws: setattr(ws["E9"], "fill", PatternFill("solid", fgColor="FF00B050")))
    marked = tmp_path / "marked.xlsx"
    ok, message = run("kiem_tra", src, marked)
    assert ok and "không cho đọc màu nền" in message   # said before it happens, too
    out = tmp_path / "out.xlsx"
    ok, message = run("xoa_danh_dau", marked, out)
    assert ok
    assert fills(out) == {}   # the green is gone: the engine never saw it
    assert "3 ô được tô khi Excel (trên web/máy chủ) không cho đọc màu nền" in message
    assert "không lấy lại được" in message and "trả lại màu nền" not in message


@pytest.fixture
def desktop_reads(monkeypatch):
    """An engine that reads fills and note texts (as the desktop one does), from the file at hand."""
    current: dict[str, Path] = {}

    def read_fill(self, sheet, cell):
        f = fill_of(openpyxl.load_workbook(current["path"])[sheet].cell(*cell))
        return f or "none"

    def note_text(self, sheet, cell):
        c = openpyxl.load_workbook(current["path"])[sheet].cell(*cell).comment
        return None if c is None else c.text

    monkeypatch.setattr(Session, "read_fill", read_fill)
    monkeypatch.setattr(Session, "note_text", note_text)
    return current


def test_where_fills_and_notes_can_be_read_the_users_own_are_kept_or_given_back(book, tmp_path, desktop_reads):
    src = edit(book, tmp_path / "green.xlsx",
               lambda wb, ws: setattr(ws["E9"], "fill", PatternFill("solid", fgColor="FF00B050")))
    desktop_reads["path"] = src
    marked = tmp_path / "marked.xlsx"
    ok, message = run("kiem_tra", src, marked)
    assert ok and "không cho đọc màu nền" not in message

    def user_edits(wb, ws):
        ws["E5"].fill = PatternFill("solid", fgColor="FFFFFF00")   # the user recolours a marked cell
        ws["E5"].comment = Comment("Đã hỏi lại Sở Tài chính", "Chuyên viên")  # and writes over the add-in's note

    edited = edit(marked, tmp_path / "edited.xlsx", user_edits)
    desktop_reads["path"] = edited
    out = tmp_path / "out.xlsx"
    ok, message = run("xoa_danh_dau", edited, out)
    assert ok, message
    assert fills(out) == {"E5": "#ffff00", "E9": GREEN}        # kept; given back
    assert notes(out) == {"E5": "Đã hỏi lại Sở Tài chính", "E7": USER_NOTE}
    assert "xóa 1 ghi chú" in message and "1 ô đã được tô màu khác sau khi kiểm tra nên giữ màu đó" in message
    assert "Ghi chú của người dùng ở 2 ô được giữ nguyên" in message


def test_a_mark_on_the_header_row_is_found_after_rows_are_inserted_above(tmp_path):
    """No «Cơ quan chủ trì» column: the check marks the header row itself (A3)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = SHEET
    ws.append(["PHỤ LỤC CHỈ TIÊU NĂM 2026"])
    ws.append([])
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026"])
    ws.append([1, "Thu ngân sách nhà nước", "Tỷ đồng", 12000, 12600])
    ws.append([2, "Tỷ lệ hộ nghèo", "%", 5, 4])
    src = tmp_path / "no_lead.xlsx"
    wb.save(src)
    marked = tmp_path / "marked.xlsx"
    assert run("kiem_tra", src, marked)[0]
    assert "A3" in fills(marked) and "A3" in own_notes(marked)
    edited = edit(marked, tmp_path / "edited.xlsx", lambda wb, ws: ws.insert_rows(2, 2))
    out = tmp_path / "out.xlsx"
    ok, message = run("xoa_danh_dau", edited, out)
    assert ok, message
    assert fills(out) == {} and notes(out) == {}
    assert "Không tìm lại được" not in message


def test_of_two_rows_with_the_same_texts_the_one_that_moved_with_its_neighbours_is_taken(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = SHEET
    ws.append(["PHỤ LỤC CHỈ TIÊU NĂM 2026"])
    ws.append([])
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Cơ quan chủ trì"])
    ws.append([1, "Tỷ lệ hộ dùng nước sạch", "%", 90, "chín mươi", "Sở Xây dựng"])        # E4: error
    ws.append(["-", "Trong đó: khu vực nông thôn", "%", 80, "tám mươi", "Sở Xây dựng"])   # E5: error
    ws.append([2, "Tỷ lệ hộ có điện", "%", 99, 99, "Sở Công Thương"])
    ws.append(["-", "Trong đó: khu vực nông thôn", "%", 98, 98, "Sở Công Thương"])        # same texts but one
    ws.append([3, "Số xã đạt chuẩn nông thôn mới", "Xã", 20, 22, "Sở Nông nghiệp và Môi trường"])
    ws["F7"] = "Sở Xây dựng"  # now row 7 has exactly the texts of row 5
    src = tmp_path / "dup.xlsx"
    wb.save(src)
    marked = tmp_path / "marked.xlsx"
    assert run("kiem_tra", src, marked)[0]
    assert {"E4", "E5"} <= set(fills(marked))

    def insert(wb, ws):
        ws.insert_rows(4, 2)                     # E4 -> E6, E5 -> E7; the twin moves 7 -> 9
        ws["E5"].comment = Comment("Ghi chú trên dòng trống", "Chuyên viên")   # at the twin's old neighbour
        ws["E9"].comment = Comment("Số của Sở Công Thương", "Chuyên viên")

    edited = edit(marked, tmp_path / "edited.xlsx", insert)
    out = tmp_path / "out.xlsx"
    ok, message = run("xoa_danh_dau", edited, out)
    assert ok, message
    assert own_notes(out) == set() and not ({"E6", "E7"} & set(fills(out)))
    assert notes(out) == {"E5": "Ghi chú trên dòng trống", "E9": "Số của Sở Công Thương"}


def test_a_deleted_marked_row_is_not_taken_for_its_twin(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = SHEET
    ws.append(["PHỤ LỤC CHỈ TIÊU NĂM 2026"])
    ws.append([])
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Cơ quan chủ trì"])
    ws.append([1, "Tỷ lệ hộ dùng nước sạch", "%", 90, "chín mươi", "Sở Xây dựng"])       # E4: error
    ws.append(["-", "Trong đó: khu vực nông thôn", "%", 80, "tám mươi", "Sở Xây dựng"])  # E5: error
    ws.append([2, "Tỷ lệ hộ có điện", "%", 99, "chín chín", "Sở Công Thương"])           # E6: error
    ws.append(["-", "Trong đó: khu vực nông thôn", "%", 98, 98, "Sở Xây dựng"])          # the twin of row 5
    ws.append([3, "Số xã đạt chuẩn nông thôn mới", "Xã", 20, 22, "Sở Nông nghiệp và Môi trường"])
    src = tmp_path / "twin.xlsx"
    wb.save(src)
    marked = tmp_path / "marked.xlsx"
    assert run("kiem_tra", src, marked)[0]

    def delete(wb, ws):
        ws.delete_rows(5)                                              # the marked twin; the other moves 7 -> 6
        ws["E6"].comment = Comment("Số của Sở Xây dựng", "Chuyên viên")

    edited = edit(marked, tmp_path / "edited.xlsx", delete)
    out = tmp_path / "out.xlsx"
    ok, message = run("xoa_danh_dau", edited, out)
    assert ok, message
    assert notes(out)["E6"] == "Số của Sở Xây dựng"
    assert "ô E5 trang «Chỉ tiêu»" in message and "Không tìm lại được" in message


def test_a_second_check_after_the_sheet_is_renamed_replaces_its_own_notes(checked, tmp_path):
    edited = edit(checked, tmp_path / "renamed.xlsx", lambda wb, ws: setattr(ws, "title", "PL 2026"))
    out = tmp_path / "again.xlsx"
    ok, message = run("kiem_tra", edited, out)
    assert ok, message
    assert own_notes(out, "PL 2026") == {"E5", "E9"} and notes(out, "PL 2026")["E7"] == USER_NOTE
    records = list(openpyxl.load_workbook(out)[STORE_SHEET].iter_rows(min_row=3, values_only=True))
    assert sorted((r[0], r[1], r[3]) for r in records) == [("PL 2026", "E5", "unknown"), ("PL 2026", "E7", "unknown"),
                                                          ("PL 2026", "E9", "unknown")]
    assert "Không tìm lại được" not in message


# --------------------------------------------------------------------------- the check's own sheets (rev16 R16-11)


def test_removal_deletes_the_result_sheet_and_the_record_and_keeps_the_users_sheets(checked, tmp_path):
    """After «Xóa đánh dấu» the workbook holds no trace of the check: the visible «Kết quả kiểm tra» (its 3 errors
    and links would be stale) and the hidden record go; a sheet of the user's («Ghi chép») is untouched."""
    def add_own(wb, ws):
        wb.create_sheet("Ghi chép")["A1"] = "Số liệu Sở Tài chính gửi ngày 10/3"

    edited = edit(checked, tmp_path / "edited.xlsx", add_own)
    assert {A.RESULT_SHEET, STORE_SHEET} <= set(openpyxl.load_workbook(edited).sheetnames)
    out = tmp_path / "out.xlsx"
    ok, message = run("xoa_danh_dau", edited, out)
    assert ok, message
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == [SHEET, "Ghi chép"]
    assert wb["Ghi chép"]["A1"].value == "Số liệu Sở Tài chính gửi ngày 10/3"
    assert f"Đã xóa trang «{A.RESULT_SHEET}»" in message
    assert notes(out) == {"E7": USER_NOTE} and fills(out) == {}


def _users_result_sheet(wb, ws) -> None:
    """A sheet of the user's own named «Kết quả kiểm tra»: notes of a field check, nothing the add-in wrote."""
    own = wb.create_sheet(A.RESULT_SHEET)
    own["A1"] = "Kết quả kiểm tra thực địa tháng 3"
    own["A2"] = "Xã Bản Phố: đạt"


def test_a_sheet_of_the_users_named_like_the_result_sheet_is_kept(checked, tmp_path):
    """The name alone does not make a sheet the add-in's: a «Kết quả kiểm tra» the user wrote (another title, no
    STT … Mã header on row 5) is kept, and the message says why."""
    def replace(wb, ws):
        del wb[A.RESULT_SHEET]
        _users_result_sheet(wb, ws)

    edited = edit(checked, tmp_path / "edited.xlsx", replace)
    out = tmp_path / "out.xlsx"
    ok, message = run("xoa_danh_dau", edited, out)
    assert ok, message
    wb = openpyxl.load_workbook(out)
    assert STORE_SHEET not in wb.sheetnames
    assert [r for r in wb[A.RESULT_SHEET].iter_rows(values_only=True)] == [("Kết quả kiểm tra thực địa tháng 3",),
                                                                          ("Xã Bản Phố: đạt",)]
    assert f"Trang «{A.RESULT_SHEET}» không phải do lệnh Kiểm tra số liệu lập" in message
    assert "Đã xóa trang" not in message


def test_a_clean_check_leaves_a_result_sheet_that_removal_deletes(tmp_path):
    """A check with nothing to mark still writes «Kết quả kiểm tra» (and an empty record): «Xóa đánh dấu» removes
    both though no cell is marked."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = SHEET
    ws.append(["PHỤ LỤC CHỈ TIÊU NĂM 2026"])
    ws.append([])
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Cơ quan chủ trì"])
    ws.append([1, "Số xã đạt chuẩn nông thôn mới", "Xã", 20, 22, "Sở Nông nghiệp và Môi trường"])
    src = tmp_path / "clean.xlsx"
    wb.save(src)
    checked = tmp_path / "checked.xlsx"
    ok, message = run("kiem_tra", src, checked)
    assert ok and "0 lỗi" in message, message
    assert A.RESULT_SHEET in openpyxl.load_workbook(checked).sheetnames
    out = tmp_path / "out.xlsx"
    ok, message = run("xoa_danh_dau", checked, out)
    assert ok, message
    assert openpyxl.load_workbook(out).sheetnames == [SHEET]
    assert f"Đã xóa trang «{A.RESULT_SHEET}»" in message


def test_a_check_never_clears_a_sheet_of_the_users_named_like_the_result_sheet(book, tmp_path):
    """note12: «Kiểm tra số liệu» cleared any sheet named «Kết quả kiểm tra», the user's own notes of a field check
    among them. It is kept as it was; the cells are still marked (E5, E7, E9) and the message says why no list."""
    edited = edit(book, tmp_path / "edited.xlsx", _users_result_sheet)
    out = tmp_path / "out.xlsx"
    ok, message = run("kiem_tra", edited, out)
    assert ok, message
    wb = openpyxl.load_workbook(out)
    assert [r for r in wb[A.RESULT_SHEET].iter_rows(values_only=True)] == [("Kết quả kiểm tra thực địa tháng 3",),
                                                                          ("Xã Bản Phố: đạt",)]
    assert fills(out) == {"E5": A.ERROR_FILL, "E7": A.ERROR_FILL, "E9": A.ERROR_FILL}
    assert "không phải do lệnh này lập, nên được giữ nguyên" in message
    assert f"Danh sách và liên kết đến từng ô ở trang «{A.RESULT_SHEET}»" not in message
