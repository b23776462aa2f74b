"""The ribbon's «Tạo phiếu nhập» and «Tổng hợp số liệu» buttons, on the remote engine."""
from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import openpyxl
import pytest

from kh_excel.addin import run_action
from kh_excel.addin.documents import OUTPUT_ENV
from kh_excel.addin.payload import ensure_license, workbook_payload
from kh_excel.collect.forms import COL, FIRST_ROW, FORM_SHEET, parse_key

ROOT = Path(__file__).resolve().parents[1]
LAO_CAI = ROOT / "tests" / "data" / "samples" / "chi_tieu_2026_lao_cai.xlsx"


def _saved_book(path: Path):
    """A remote-engine Book whose fullname is the file's path, as the desktop engine gives it."""
    ensure_license()
    import xlwings as xw
    payload = workbook_payload(path)
    payload["book"]["name"] = str(path)
    return xw.Book(json=payload)


def _master(tmp_path: Path, folder: str | None) -> Path:
    wb = openpyxl.load_workbook(LAO_CAI)
    for r in range(8, 56):
        wb.active.cell(r, 5).value = None
    if folder is not None:
        ws = wb.create_sheet("Cấu hình văn bản")
        ws.append(["Kỳ báo cáo", "Năm 2026"])
        ws.append(["Thư mục phiếu nhận về", folder])
    path = tmp_path / "chi tieu.xlsx"
    wb.save(path)
    return path


@pytest.fixture(autouse=True)
def _no_output_env(monkeypatch):
    monkeypatch.delenv(OUTPUT_ENV, raising=False)


def test_forms_then_collect_from_the_ribbon(tmp_path):
    master = _master(tmp_path, "nhan lai")
    book = _saved_book(master)
    ok, message = run_action("tao_phieu", book)
    assert ok, message
    folder = tmp_path / "chi tieu - văn bản" / "Phiếu nhập"
    forms = sorted(folder.glob("*.xlsx"))
    assert len(forms) == 13 and "Đã tạo 13 phiếu nhập" in message
    ws = openpyxl.load_workbook(folder / "Sở Xây dựng.xlsx")[FORM_SHEET]
    assert ws["A3"].value == "Kỳ báo cáo: Năm 2026"   # from the settings sheet

    back = tmp_path / "nhan lai"
    back.mkdir()
    for name, values in (("Sở Xây dựng.xlsx", {20: 32.4, 29: 1050}), ("Sở Công Thương.xlsx", {23: 108.5, 24: 5820})):
        wb = openpyxl.load_workbook(folder / name)
        fs = wb[FORM_SHEET]
        for r in range(FIRST_ROW, fs.max_row + 1):
            key = parse_key(fs.cell(r, COL["key"]).value)
            if key:
                fs.cell(r, COL["result"]).value = values[key[1]]
        wb.save(back / name)
    (back / "Thuế tỉnh.xlsx").write_bytes(b"PK\x03\x04 not a workbook")
    before = master.read_bytes()

    book = _saved_book(master)
    ok, message = run_action("tong_hop_so_lieu", book)
    assert ok, message
    assert master.read_bytes() == before
    assert Counter(a["func"] for a in book.json()["actions"]) == {"alert": 1}   # the open workbook is not touched
    merged = tmp_path / "chi tieu - tổng hợp số liệu.xlsx"
    assert f"vào tệp {merged}" in message and "4 số liệu" in message
    assert "Không đọc được" in message and "Thuế tỉnh.xlsx" in message
    assert "Chưa gửi (11)" in message   # 13 lead agencies, two answered (the third file is corrupt)
    wb = openpyxl.load_workbook(merged)
    ws = wb["Phụ lục chỉ tiêu"]
    assert [ws.cell(r, 5).value for r in (20, 29, 23, 24)] == [32.4, 1050, 108.5, 5820]
    report = [list(r) for r in wb["Kết quả tổng hợp"].iter_rows(values_only=True)]
    assert report[0][:2] == ["Cơ quan", "Nội dung"]
    assert any(r[1] == "tệp không đọc được" and "Thuế tỉnh.xlsx" in r[6] for r in report)
    assert sum(r[1] == "chưa gửi" for r in report) == 11
    from kh_excel.api import read_workbook
    assert read_workbook(merged).sheet == "Phụ lục chỉ tiêu"


def test_collect_asks_for_the_folder_in_the_settings(tmp_path):
    master = _master(tmp_path, None)
    book = _saved_book(master)
    ok, message = run_action("tong_hop_so_lieu", book)
    assert not ok and "Thư mục phiếu nhận về" in message
    assert not list(tmp_path.glob("*tổng hợp*"))


def test_collect_needs_a_saved_workbook(tmp_path):
    from kh_excel.addin.payload import open_book
    src = tmp_path / "x.xlsx"
    shutil.copy(LAO_CAI, src)
    ok, message = run_action("tong_hop_so_lieu", open_book(src))  # the remote engine knows only the name
    assert not ok and "Hãy lưu sổ tính" in message


def test_the_ribbon_collects_into_the_column_its_forms_were_made_for(tmp_path):
    # «Kỳ» of the settings chooses the year's column for the forms; the six months' column already has figures
    # (the reader's default): the collected figure goes where the form asked for it, never into the six months'
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Chỉ tiêu"
    ws.append(["CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026 HUYỆN BẮC HÀ"])
    ws.append([])
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Thực hiện 6 tháng năm 2026",
               "Ước thực hiện cả năm 2026", "Cơ quan chủ trì"])
    ws.append(["1", "Giá trị sản xuất công nghiệp", "Tỷ đồng", 1200, 540, None, "Phòng Kinh tế"])
    ws.append(["2", "Tổng thu ngân sách", "Tỷ đồng", 300, 160, None, "Phòng Tài chính"])
    cs = wb.create_sheet("Cấu hình văn bản")
    cs.append(["Kỳ", "cả năm"])
    cs.append(["Thư mục phiếu nhận về", "nhan lai"])
    master = tmp_path / "chi tieu.xlsx"
    wb.save(master)
    ok, message = run_action("tao_phieu", _saved_book(master))
    assert ok, message
    form = tmp_path / "chi tieu - văn bản" / "Phiếu nhập" / "Phòng Kinh tế.xlsx"
    fb = openpyxl.load_workbook(form)
    assert fb[FORM_SHEET].cell(6, COL["result"]).value == "Ước thực hiện cả năm 2026"
    fb[FORM_SHEET].cell(FIRST_ROW, COL["result"]).value = 1250
    (tmp_path / "nhan lai").mkdir()
    fb.save(tmp_path / "nhan lai" / "Phòng Kinh tế.xlsx")
    ok, message = run_action("tong_hop_so_lieu", _saved_book(master))
    assert ok, message
    out = openpyxl.load_workbook(tmp_path / "chi tieu - tổng hợp số liệu.xlsx")["Chỉ tiêu"]
    assert [[out.cell(r, c).value for c in (5, 6)] for r in (4, 5)] == [[540, 1250], [160, None]]
