"""The ribbon's settings and document buttons, on the remote engine, with real Word output."""
from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import openpyxl
import pytest

import kh_excel.docs.render  # noqa: F401  (a missing module fails the run, never skips it)

from kh_excel.addin import run_action  # noqa: E402
from kh_excel.addin.documents import OUTPUT_ENV  # noqa: E402
from kh_excel.addin.payload import apply_actions, open_book, workbook_payload  # noqa: E402
from kh_excel.docs import settings as st  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
LAO_CAI = ROOT / "tests" / "data" / "samples" / "chi_tieu_2026_lao_cai.xlsx"


def _text(path: Path) -> str:
    import docx

    d = docx.Document(str(path))
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            parts.extend(c.text for c in row.cells)
    return "\n".join(parts)


@pytest.fixture(scope="module")
def with_settings(tmp_path_factory) -> Path:
    return lao_cai_with_settings(tmp_path_factory.mktemp("settings"))


def lao_cai_with_settings(d: Path) -> Path:
    """The Lao Cai sample after the add-in's «Cấu hình» button: its example settings sheet added."""
    src = d / "lao_cai.xlsx"
    shutil.copy(LAO_CAI, src)
    book = open_book(src)
    ok, message = run_action("cau_hinh", book)
    assert ok, message
    out = d / "with_settings.xlsx"
    apply_actions(src, book.json()["actions"], out)
    return out


def test_cau_hinh_adds_the_example_settings_the_documents_read(with_settings):
    wb = openpyxl.load_workbook(with_settings)
    assert st.SHEET_NAME in wb.sheetnames
    read = st.read_settings_sheet(with_settings)
    assert read.groups == st.settings_from_rows(st.example_settings_rows(2026)).groups
    assert not read.warnings


def test_cau_hinh_selects_an_existing_settings_sheet(with_settings):
    book = open_book(with_settings)
    ok, message = run_action("cau_hinh", book)
    assert ok and "đã có trang" in message
    funcs = [a["func"] for a in book.json()["actions"]]
    assert funcs == ["activateSheet", "alert"]


def test_bao_cao_and_ke_hoach_use_the_values_and_the_settings_sheet(with_settings, tmp_path, monkeypatch):
    monkeypatch.setenv(OUTPUT_ENV, str(tmp_path / "van_ban"))
    signer = st.settings_from_rows(st.example_settings_rows(2026)).for_kind("bao-cao")["ho_ten"]
    book = open_book(with_settings)
    ok, message = run_action("bao_cao", book)
    assert ok, message
    report = tmp_path / "van_ban" / "Báo cáo kết quả thực hiện chỉ tiêu.docx"
    assert str(report) in message
    text = _text(report)
    assert "28/40 chỉ tiêu đạt và vượt kế hoạch" in text   # the structure «Cơ cấu GRDP» with its 4 parts is one item
    assert signer in text
    assert [a["func"] for a in book.json()["actions"]] == ["alert"]  # nothing written into the workbook
    book = open_book(with_settings)
    ok, message = run_action("ke_hoach", book)
    assert ok, message
    assert "Tổng sản phẩm trên địa bàn theo giá hiện hành" in _text(tmp_path / "van_ban" / "Kế hoạch.docx")


def test_thong_bao_writes_the_notice_from_the_settings_sheet(with_settings, tmp_path, monkeypatch):
    monkeypatch.setenv(OUTPUT_ENV, str(tmp_path))
    book = open_book(with_settings)
    ok, message = run_action("thong_bao", book)
    assert ok, message
    notice = tmp_path / "Thông báo kết luận.docx"
    assert str(notice) in message
    text = _text(notice).replace("\u00a0", " ")
    # the sheet: 12 of the 40 evaluated rows fall short; the meeting and the signer from the settings sheet
    assert "Năm 2026, có 12/40 chỉ tiêu không đạt kế hoạch, gồm: (1) Tổng sản phẩm trên địa bàn" in text
    assert "Ngày 28 tháng 12 năm 2026, tại Trung tâm Hội nghị tỉnh" in text
    assert "TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG" in text and "Phan Quốc Nghĩa" in text
    assert [a["func"] for a in book.json()["actions"]] == ["alert"]  # nothing written into the workbook


def test_theo_co_quan_writes_one_letter_per_lead_agency(with_settings, tmp_path, monkeypatch):
    monkeypatch.setenv(OUTPUT_ENV, str(tmp_path))
    book = open_book(with_settings)
    ok, message = run_action("theo_co_quan", book)
    assert ok, message
    from kh_excel import read_workbook

    table = read_workbook(LAO_CAI)
    agencies = {a for ind in table.indicators for a in ind.lead}
    files = sorted(tmp_path.glob("Giao chỉ tiêu - *.docx"))
    assert len(files) == len(agencies) and f"Đã tạo {len(agencies)} văn bản" in message
    tai_chinh = next(f for f in files if f.name == "Giao chỉ tiêu - Sở Tài chính.docx")
    assert "Tổng sản phẩm trên địa bàn theo giá hiện hành" in _text(tai_chinh)


def test_documents_go_next_to_a_saved_workbook(tmp_path, monkeypatch):
    monkeypatch.delenv(OUTPUT_ENV, raising=False)
    src = tmp_path / "chi tieu.xlsx"
    shutil.copy(LAO_CAI, src)
    payload = workbook_payload(src)
    payload["book"]["name"] = str(src)  # the desktop engine's Book.fullname is the file's path
    import xlwings as xw

    ok, message = run_action("bao_cao", xw.Book(json=payload))
    assert ok, message
    assert (tmp_path / "chi tieu - văn bản" / "Báo cáo kết quả thực hiện chỉ tiêu.docx").is_file()


def test_an_unsaved_workbook_is_asked_to_be_saved(tmp_path, monkeypatch):
    monkeypatch.delenv(OUTPUT_ENV, raising=False)
    book = open_book(LAO_CAI)  # the remote engine knows only the file name
    ok, message = run_action("bao_cao", book)
    assert not ok and "Hãy lưu sổ tính" in message
    assert Counter(a["func"] for a in book.json()["actions"]) == {"alert": 1}
