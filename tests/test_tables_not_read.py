"""rev11 D21: indicator tables the reader does not read are named, never dropped unsaid: other visible sheets that hold
one (a workbook kept as «Biểu 01-KT», «Biểu 02-XH», «Biểu 03-MT») and a second table below the one read on its sheet
(«BIỂU 02: …» under «BIỂU 01: …»). Expected texts and rows are read off the sheets built here."""
from __future__ import annotations

from pathlib import Path

import openpyxl
from hypothesis import given, settings, strategies as st

import kh_excel
from kh_excel.core.gate import check
from kh_excel.core.model import Grid
from kh_excel.core.table import tables_below
from kh_excel.core.validation import validate

H = ["STT", "Chỉ tiêu", "ĐVT", "KH năm 2026", "Ước TH năm 2026", "Cơ quan chủ trì"]
KT = [["UBND TỈNH LÀO CAI"], ["BIỂU 01: CHỈ TIÊU KINH TẾ NĂM 2026"], [], H,
      ["1", "Tốc độ tăng trưởng GRDP", "%", 8, 8.2, "Sở Tài chính"],
      ["2", "Thu ngân sách", "Tỷ đồng", 23500, 24120, "Sở Tài chính"]]
XH = [["UBND TỈNH LÀO CAI"], ["BIỂU 02: CHỈ TIÊU XÃ HỘI NĂM 2026"], [], H,
      ["1", "Tỷ lệ hộ nghèo", "%", 4, 4.6, "Sở Nội vụ"], ["2", "Số bác sĩ/vạn dân", "Bác sĩ", 13, 12.5, "Sở Y tế"]]


def workbook(tmp_path: Path, sheets: dict[str, list], hidden=(), name="b.xlsx") -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for r, row in enumerate(rows, 1):
            for c, v in enumerate(row, 1):
                ws.cell(r, c, v)
        if title in hidden:
            ws.sheet_state = "hidden"
    path = tmp_path / name
    wb.save(path)
    return path


class NoSettings:
    warnings: list = []


def said_beside_document(table, path) -> list[str]:
    from kh_excel.docs.api import document_warnings
    return document_warnings(check(table), NoSettings(), {}, str(path), "bao-cao", None)


def codes(table, code):
    return [f for f in validate(table) if f.code == code]


def test_sheets_by_sector_are_named_in_check_and_beside_every_document(tmp_path):
    mt = [["BIỂU 03: CHỈ TIÊU MÔI TRƯỜNG"], H, ["1", "Tỷ lệ che phủ rừng", "%", 55.5, 55, "Sở NN&MT"]]
    path = workbook(tmp_path, {
        "Biểu 01-KT": KT, "Biểu 02-XH": XH, "Biểu 03-MT": mt,
        "Ghi chú": [["Số liệu ước đến 30/11/2026"], ["Người lập biểu"]],   # no table: not named
        "Mẫu xã": [["BIỂU MẪU"], H],                                         # a blank form: not named
        "Năm 2025": XH,                                                      # hidden: an old year, not named
        "Cấu hình văn bản": [["Mục", "Giá trị"], ["Cơ quan ban hành", "UBND tỉnh Lào Cai"]],
        "_kh_excel_form": [H, ["1", "Tỷ lệ hộ nghèo", "%", 4, 4.6, "Sở Nội vụ"]],  # the program's own
    }, hidden=("Năm 2025",))
    t = kh_excel.read_workbook(path)
    assert t.sheet == "Biểu 01-KT" and len(t.indicators) == 2
    found = codes(t, "sheets_not_read")
    assert len(found) == 1
    message = found[0].message
    assert message.startswith("Trang «Biểu 02-XH», «Biểu 03-MT» cũng có bảng chỉ tiêu nhưng không được đọc")
    assert "trang «Biểu 01-KT»" in message and '--sheet "Biểu 02-XH"' in message
    for absent in ("Ghi chú", "Mẫu xã", "Năm 2025", "Cấu hình", "_kh_excel"):
        assert absent not in message
    assert found[0].severity == "warning"  # one table per commune is common: a report is made, and told
    assert any(w == message for w in said_beside_document(t, path))
    # the sheet chosen: the others named, the one read not
    t2 = kh_excel.read_workbook(path, sheet="Biểu 02-XH")
    m2 = codes(t2, "sheets_not_read")[0].message
    assert m2.startswith("Trang «Biểu 01-KT», «Biểu 03-MT» cũng có") and "của trang «Biểu 02-XH»" in m2


def test_a_continuation_named_before_is_one(tmp_path):
    """rev10 k3: «Tiếp biểu 01» continues «Biểu 01» as «Biểu 01 (tiếp)» does; a sheet of no table so named too."""
    path = workbook(tmp_path, {"Biểu 01": KT, "Tiếp biểu 01": [["2", "Thu ngân sách", "Tỷ đồng", 1, 2, "Sở Tài chính"]],
                               "Tiếp biểu 02": XH})
    message = codes(kh_excel.read_workbook(path), "sheets_not_read")[0].message
    assert message.startswith("Trang «Tiếp biểu 01» (phần tiếp của bảng này), «Tiếp biểu 02» cũng có")


def test_one_sheet_workbook_and_lone_table_say_nothing(tmp_path):
    path = workbook(tmp_path, {"Biểu 01-KT": KT, "Ghi chú": [["Người lập biểu"], ["Nguyễn Văn A"]]})
    t = kh_excel.read_workbook(path)
    assert not codes(t, "sheets_not_read") and not codes(t, "table_below_not_read")


def test_a_large_sheet_is_looked_at_by_its_first_rows_alone(tmp_path, monkeypatch):
    """Every sheet streamed (as a sheet of 100 000 rows is): the same sheets named."""
    import kh_excel.io.workbook as W
    data = [[i, f"dòng {i}", i * 2] for i in range(300)]
    path = workbook(tmp_path, {"Biểu 01-KT": KT, "Biểu 02-XH": XH, "Dữ liệu": data})
    monkeypatch.setattr(W, "HEAD_STREAM_BYTES", 0)
    head = W.open_workbook(path).head("Biểu 02-XH", 5)
    assert head[1][0] == "BIỂU 02: CHỈ TIÊU XÃ HỘI NĂM 2026" and len(head) == 5
    message = codes(kh_excel.read_workbook(path), "sheets_not_read")[0].message
    assert message.startswith("Trang «Biểu 02-XH» cũng có") and "Dữ liệu" not in message


def test_grids_of_a_workbook_name_visible_sheets_only(tmp_path):
    """batch and collect read Grids: a hidden sheet among them (the reader's last resort) is not named."""
    from kh_excel.io.workbook import open_workbook
    path = workbook(tmp_path, {"Biểu 01-KT": KT, "Biểu 02-XH": XH, "Năm 2025": XH}, hidden=("Năm 2025",))
    book = open_workbook(path)
    grids = [book.grid(n) for n in book.sheet_names]
    assert [g.hidden for g in grids] == [False, False, True]
    message = codes(kh_excel.read_workbook(grids, file=str(path)), "sheets_not_read")[0].message
    assert message.startswith("Trang «Biểu 02-XH» cũng có") and "Năm 2025" not in message


# ---------------------------------------------------------------- a second table on the sheet read

TWO = [["UBND TỈNH LÀO CAI"], ["BIỂU 01: CHỈ TIÊU KINH TẾ NĂM 2026"], H,
       ["1", "Tốc độ tăng trưởng GRDP", "%", 8, 8.2, "Sở Tài chính"],
       ["2", "Thu ngân sách", "Tỷ đồng", 23500, 24120, "Sở Tài chính"],
       [], ["BIỂU 02: CHỈ TIÊU XÃ HỘI NĂM 2026"], H,
       ["1", "Tỷ lệ hộ nghèo", "%", 4, 4.6, "Sở Nội vụ"], ["2", "Tỷ lệ lao động qua đào tạo", "%", 72, 70, "Sở Nội vụ"],
       ["3", "Số bác sĩ/vạn dân", "Bác sĩ", 13, 12.5, "Sở Y tế"]]


def test_a_second_table_under_its_own_title_is_named_with_its_rows(tmp_path):
    """rev11 s41: «BIỂU 02» and the same header under «BIỂU 01»: its three rows were dropped unsaid. Left out (a
    table numbered apart may be of another year or place) and named with its rows, in check and beside a document."""
    path = workbook(tmp_path, {"Biểu": TWO})
    t = kh_excel.read_workbook(path)
    assert [i.name for i in t.indicators] == ["Tốc độ tăng trưởng GRDP", "Thu ngân sách"]
    found = codes(t, "table_below_not_read")
    assert len(found) == 1 and found[0].cell == "A7"
    message = found[0].message
    assert message.startswith("Dưới bảng chỉ tiêu, bảng «BIỂU 02: CHỈ TIÊU XÃ HỘI NĂM 2026» (dòng 7–11) không được đọc")
    assert "các chỉ tiêu từ dòng 4 đến dòng 5" in message
    assert "hãy xóa dòng tiêu đề «BIỂU 02: CHỈ TIÊU XÃ HỘI NĂM 2026» (dòng 7)" in message  # the same header
    assert message in said_beside_document(t, path)
    # the way out the warning gives: without the title line the header is a page break and all five are read
    fixed = workbook(tmp_path, {"Biểu": TWO[:6] + TWO[7:]}, name="fixed.xlsx")
    t2 = kh_excel.read_workbook(fixed)
    assert len(t2.indicators) == 5 and not codes(t2, "table_below_not_read") and codes(t2, "repeated_header")


def test_a_second_tables_title_with_no_blank_row_above_ends_the_first_alike(tmp_path):
    """The same two tables with no blank row between them: left out and named as well (it was read on, its STT 1–3
    repeating the first table's, the rows under the first table's title)."""
    t = kh_excel.read_workbook(workbook(tmp_path, {"Biểu": TWO[:5] + TWO[6:]}))
    assert [i.row for i in t.indicators] == [4, 5]
    assert codes(t, "table_below_not_read")[0].message.startswith(
        "Dưới bảng chỉ tiêu, bảng «BIỂU 02: CHỈ TIÊU XÃ HỘI NĂM 2026» (dòng 6–10) không được đọc")


def test_a_second_table_of_another_header_stays_out_and_is_named(tmp_path):
    """rev9 t08: a table of targets given to communes under the indicators: not read, but named."""
    rows = [["UBND HUYỆN BẮC HÀ"], ["BIỂU 01: CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2024"], [],
            ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2024", "Thực hiện năm 2024", "Đơn vị chủ trì"],
            ["1", "Tổng giá trị sản xuất", "Tỷ đồng", 3150, 3060, "Phòng Tài chính - Kế hoạch"],
            ["2", "Tỷ lệ hộ nghèo", "%", 18.5, 19.6, "Phòng Nội vụ"], [], [],
            ["BIỂU 02: CHỈ TIÊU GIAO CÁC XÃ NĂM 2025"], [],
            ["STT", "Đơn vị", "ĐVT", "Thu ngân sách giao năm 2025", "Giảm tỷ lệ hộ nghèo", "Ghi chú"],
            ["1", "Xã Bảo Nhai", "Triệu đồng", 1250, "3,5"], ["2", "Xã Tà Chải", "Triệu đồng", 980, "4"]]
    t = kh_excel.read_workbook(workbook(tmp_path, {"Biểu": rows}))
    assert [i.row for i in t.indicators] == [5, 6]
    message = codes(t, "table_below_not_read")[0].message
    assert "bảng «BIỂU 02: CHỈ TIÊU GIAO CÁC XÃ NĂM 2025» (dòng 9–13)" in message
    assert "xóa dòng tiêu đề" not in message and "sang một trang riêng" in message


def test_a_signature_block_under_the_table_is_no_table(tmp_path):
    rows = [H, ["1", "Tỷ lệ hộ nghèo", "%", 4, 4.6, "Sở Nội vụ"], [],
            [None, "Lào Cai, ngày 30 tháng 11 năm 2026"], ["NGƯỜI LẬP BIỂU", None, None, "THỦ TRƯỞNG ĐƠN VỊ"],
            [], ["Nguyễn Văn A", None, None, "Trần Văn B"]]
    t = kh_excel.read_workbook(workbook(tmp_path, {"Biểu": rows}))
    assert len(t.indicators) == 1 and not codes(t, "table_below_not_read")


NUMBERED = st.sampled_from(["BIỂU 02: CHỈ TIÊU XÃ HỘI", "Phụ lục 3. Chỉ tiêu môi trường", "BIỂU SỐ 04"])
TITLES = st.one_of(NUMBERED, st.just("XÃ BẢO NHAI"))
SIGNATURE = [["NGƯỜI LẬP BIỂU", None, "THỦ TRƯỞNG ĐƠN VỊ"], ["(Ký, ghi rõ họ tên)"], ["Nguyễn Văn A"]]


@st.composite
def blocks_below(draw):
    """Rows below a table: tables (a title, a header or both, then rows of figures), blank rows and signature
    blocks between them; with the (title, first row, last row, same header) each table must be found as."""
    expected = []
    rows: list[list] = []
    for _ in range(draw(st.integers(0, 4))):
        rows += [[None] * 3 for _ in range(draw(st.integers(0, 2)))]
        signed = draw(st.booleans())
        if signed:
            rows += SIGNATURE
        # (after a signature block only «Biểu …», «Phụ lục …» tell a title from a signer's name)
        title = draw(st.one_of(st.none(), NUMBERED if signed else TITLES))
        header = draw(st.sampled_from([None, H, ["STT", "Tên đơn vị", "Kế hoạch giao", "Ghi chú"]]))
        if title is None and header is None:
            title = "BIỂU 05"
        first = len(rows)
        if title is not None:
            rows.append([title])
            rows += [[None] for _ in range(draw(st.integers(0, 1)))]
        if header is not None:
            rows.append(list(header))
        n = draw(st.integers(1, 4))
        for i in range(n):
            rows.append([str(i + 1), f"Chỉ tiêu {i}", draw(st.sampled_from([5, 4.5, "6", None])), 7.25])
        expected.append((title or "", first, len(rows) - 1, header is H))
    return rows, expected


@settings(max_examples=300, deadline=None)
@given(blocks_below())
def test_tables_below_are_found_with_their_rows(case):
    rows, expected = case
    folds = {"stt", "chi tieu", "dvt", "kh nam 2026", "uoc th nam 2026", "co quan chu tri"}
    assert tables_below(rows, 0, len(rows) - 1, folds) == expected


def test_grid_rows_after_the_table_ends_read_the_same_as_the_plain_reader():
    """tests/reader_reference.py names the tables below as the reader does."""
    from reader_reference import ref_parse_grid
    from kh_excel.core.table import parse_grid
    rows = [list(r) + [None] * (6 - len(r)) for r in TWO]
    copy = [list(r) for r in rows]
    assert repr(parse_grid(Grid(sheet="B", rows=rows))) == repr(ref_parse_grid(Grid(sheet="B", rows=copy)))


def test_attainment_says_what_its_counts_leave_out(tmp_path):
    """`attainment` prints «2/2 đạt» of the table read: the tables not read are said beside it, as render says them."""
    from typer.testing import CliRunner
    from kh_excel.cli import app
    path = workbook(tmp_path, {"Biểu": TWO})
    result = CliRunner().invoke(app, ["attainment", str(path)])
    assert result.exit_code == 0, result.output
    assert "Cảnh báo: Dưới bảng chỉ tiêu, bảng «BIỂU 02: CHỈ TIÊU XÃ HỘI NĂM 2026» (dòng 7–11)" in result.stderr


def test_the_ribbon_names_the_other_sheets_as_check_does(tmp_path):
    """The add-in reads the active sheet alone: the other visible sheets holding a table are named there too."""
    from kh_excel.addin.actions import find_table
    from kh_excel.addin.engine import Session
    from kh_excel.addin.payload import open_book
    path = workbook(tmp_path, {"Biểu 01-KT": KT, "Biểu 02-XH": XH, "Năm 2025": XH, "Ghi chú": [["Người lập biểu"]]},
                    hidden=("Năm 2025",))
    table, _ = find_table(Session(open_book(path)))
    found = codes(table, "sheets_not_read")
    assert table.sheet == "Biểu 01-KT" and len(found) == 1
    assert found[0].message.startswith("Trang «Biểu 02-XH» cũng có bảng chỉ tiêu")
    assert "Năm 2025" not in found[0].message
