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
from helpers import fill_settings  # noqa: E402

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


def lao_cai_with_settings(d: Path, table: Path = LAO_CAI) -> Path:
    """The Lao Cai sample (or `table`) after the add-in's «Cấu hình» button: its settings sheet added."""
    src = d / "lao_cai.xlsx"
    shutil.copy(table, src)
    book = open_book(src)
    ok, message = run_action("cau_hinh", book)
    assert ok, message
    out = d / "with_settings.xlsx"
    apply_actions(src, book.json()["actions"], out)
    return out


def test_cau_hinh_adds_every_key_with_only_what_the_table_tells(with_settings):
    wb = openpyxl.load_workbook(with_settings)
    assert st.SHEET_NAME in wb.sheetnames
    rows = [r[:3] for r in wb[st.SHEET_NAME].iter_rows(values_only=True)]
    assert [r[0] for r in rows] == [r[0] for r in st.settings_rows(None)]       # every key, in the CLI's order
    bold = [c.value for c in wb[st.SHEET_NAME]["A"] if c.font.b]                   # title, headings, groups
    assert bold == ["CẤU HÌNH VĂN BẢN", "Mục", "Chung", "Báo cáo", "Kế hoạch", "Chương trình hành động",
                    "Giao chỉ tiêu", "Thông báo kết luận"]
    read = st.read_settings_sheet(with_settings)
    # the sample's title (A2 «… TỈNH LÀO CAI») tells its committee and place; nothing of the example sheet
    assert read.groups == {"chung": {"co_quan_ban_hanh": ["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI"], "dia_danh": "Lào Cai"}}
    assert not read.warnings


def test_cau_hinh_selects_an_existing_settings_sheet(with_settings):
    book = open_book(with_settings)
    ok, message = run_action("cau_hinh", book)
    assert ok and "đã có trang" in message
    funcs = [a["func"] for a in book.json()["actions"]]
    assert funcs == ["activateSheet", "alert"]


def test_bao_cao_and_ke_hoach_use_the_values_and_the_settings_sheet(with_settings, tmp_path, monkeypatch):
    monkeypatch.setenv(OUTPUT_ENV, str(tmp_path / "van_ban"))
    signer = "Nguyễn Tuấn Anh"  # the sheet's leaders column, H8: «Đồng chí Nguyễn Tuấn Anh - Chủ tịch UBND tỉnh»
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
    filled = tmp_path / "filled.xlsx"   # the user types the meeting and the signer into the sheet «Cấu hình» added
    shutil.copy(with_settings, filled)
    fill_settings(filled, {("Thông báo kết luận", "Ngày họp"): "28/12/2026",
                           ("Thông báo kết luận", "Địa điểm họp"): "Trung tâm Hội nghị tỉnh",
                           ("Thông báo kết luận", "Họ tên người ký"): "Phan Quốc Nghĩa"})
    book = open_book(filled)
    ok, message = run_action("thong_bao", book)
    assert ok, message
    notice = tmp_path / "Thông báo kết luận.docx"
    assert str(notice) in message
    text = _text(notice).replace("\u00a0", " ")
    # the sheet: 12 of the 40 evaluated rows fall short; the meeting and the signer from the settings sheet
    assert "Ước thực hiện cả năm 2026, có 12/40 chỉ tiêu không đạt kế hoạch, gồm: (1) Tổng sản phẩm trên địa bàn" in text
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


def test_cau_hinh_on_a_district_table_gives_district_documents(tmp_path, monkeypatch):
    """The button on a table titled «… HUYỆN BẮC HÀ»: the report names the district, never the example's province,
    and who signs is a highlighted gap (the table names only the province's chairman)."""
    from test_settings_written import EXAMPLE_WORDS, PROVINCE_LEADERS, SIGNER_GAP, district_book, signed_by
    from kh_excel.docs.lint import lint_docx
    book_path = lao_cai_with_settings(tmp_path, district_book(tmp_path))
    assert st.read_settings_sheet(book_path).groups == {
        "chung": {"co_quan_ban_hanh": ["ỦY BAN NHÂN DÂN", "HUYỆN BẮC HÀ"], "dia_danh": "Bắc Hà"}}
    monkeypatch.setenv(OUTPUT_ENV, str(tmp_path / "van_ban"))
    ok, message = run_action("bao_cao", open_book(book_path))
    assert ok, message
    report = tmp_path / "van_ban" / "Báo cáo kết quả thực hiện chỉ tiêu.docx"
    text = _text(report).replace("\u00a0", " ")
    assert not [w for w in EXAMPLE_WORDS if w in text] and not [n for n in PROVINCE_LEADERS if signed_by(report, n)]
    assert "HUYỆN BẮC HÀ" in text and "Bắc Hà, ngày" in text
    # dated 2026, when no district is left: Nơi nhận offers the date's levels as gaps (docs.kinds.ended_level)
    assert "Huyện ủy" not in text and "- Thường trực HĐND [tỉnh/xã];" in text
    assert any(SIGNER_GAP in p.message for p in lint_docx(report).rule("placeholder.present").problems)


def test_the_ribbon_tells_what_render_prints_beside_a_document(tmp_path, monkeypatch):
    """A district's table for 2026 with a figure read both ways: `kh-excel render` prints that districts ended on
    1 July 2025 and that «Khoảng 1.5» (D3) is stated as read; the ribbon's button made the same report in silence.
    Its closing message now carries both, after what it wrote."""
    monkeypatch.setenv(OUTPUT_ENV, str(tmp_path / "van_ban"))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2026 HUYỆN BẮC HÀ"])
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Cơ quan chủ trì"])
    ws.append(["1", "Tỷ lệ đô thị hóa", "%", "Khoảng 1.5", 1.6, "Phòng Tài chính - Kế hoạch"])
    ws.append(["2", "Tổng vốn đầu tư toàn xã hội", "Tỷ đồng", 500, 510, "Phòng Tài chính - Kế hoạch"])
    wb.save(tmp_path / "huyen.xlsx")
    ok, message = run_action("bao_cao", open_book(tmp_path / "huyen.xlsx"))
    assert ok, message
    head, _, notes = message.partition("\n\nLưu ý trước khi trình ký:\n")
    assert head.startswith("Đã tạo báo cáo") and notes, message
    lines = notes.split("\n")
    assert lines[0].startswith("– cấp «huyện» không còn từ ngày 01/7/2025")
    assert any(line.startswith("– văn bản nêu số liệu và đánh giá theo cách chương trình đã đọc ở 1 ô") for line in lines)
    assert "D3" in notes and "kh-excel check" not in notes     # a ribbon's user has no command line
