"""The title rows cell by cell (rev18 R18-1, R18-8, R18-3's appendix title).

A note in a cell to the right of the issuer («Mẫu số 01», «Nguồn: http://…», «Ghi chú: số liệu sơ bộ», «Đơn vị: Tỷ
đồng», «Số liệu cập nhật 15/12/2018») was joined to the issuer's line: the header said «HUYỆN MƯỜNG ẢNG MẪU», the date
line «Mường Ảng Mẫu, ngày …», and the plan's appendix was titled with the issuer and the note. A cell is a text of its
own: the issuer and its place are the text of their cell (or merge), a form's label is never the title, and a line
that only names a place («HUYỆN NHƯ XUÂN») is the issuer's header, not the title. Expected texts decided by hand from
the rows below."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from kh_excel.api import read_workbook
from kh_excel.core.attainment import evaluate
from kh_excel.core.model import Grid
from kh_excel.docs.context import appendix_title, build_context, told_by_table

ISSUER = "ỦY BAN NHÂN DÂN HUYỆN MƯỜNG ẢNG"
TITLE = "BIỂU KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2018 VÀ KẾ HOẠCH NĂM 2019"
HEAD = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2018", "Ước thực hiện năm 2018", "Kế hoạch năm 2019",
        "Ghi chú", ""]
BODY = [["1", "Tỷ lệ hộ nghèo giảm", "%", 4, 5.36, 4, "", ""],
        ["2", "Tổng thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", 13.65, 25.2, 39.8, "", ""]]
# TITLE names the results of 2018 first: it titles no plan's appendix (rev19 N-2); the plan's own words do, placed as
# the issuer is: «các chỉ tiêu kinh tế - xã hội chủ yếu» (the title says «kinh tế - xã hội»), the plan's year 2019, A1's
# place «HUYỆN MƯỜNG ẢNG»
PLAN_TITLE = "CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2019 HUYỆN MƯỜNG ẢNG"
NOTES = ["Mẫu số 01", "Nguồn: http://baodienbienphu.info.vn/tin-tuc/chinh-tri/166179/ (20/12/2018)",
         "Ghi chú: số liệu sơ bộ", "Đơn vị: Tỷ đồng", "Số liệu cập nhật 15/12/2018", "Biểu số 01/KTXH"]


def _grid(first_row: list, *title_rows: list, width: int = 14) -> Grid:
    """Row 1 as given, the title rows, a blank row, the header and two indicators; rows padded to `width`."""
    rows = [first_row, *title_rows, [], HEAD, *BODY]
    return Grid(sheet="Biểu 01", rows=[r + [None] * (width - len(r)) for r in rows])


def _row1(note: str, at: int) -> list:
    """The issuer in A1 (its merge A1:C1 or A1:H1 holds its text in A1 only) and `note` in column `at` (0-based)."""
    row = [ISSUER] + [None] * (at - 1) + [note]
    return row


def _ctx(grid: Grid, kind: str):
    table = read_workbook(grid, file="t.xlsx", plan=kind == "ke-hoach")
    return table, build_context(evaluate(table), None, kind)


@pytest.mark.parametrize("note", NOTES)
@pytest.mark.parametrize("at", [7, 13])   # H1 beside A1:C1 (in/01i), N1 beyond A1:H1 (in/01, in/01h0..3)
@pytest.mark.parametrize("kind", ["bao-cao", "ke-hoach"])
def test_a_note_beside_the_issuer_is_no_part_of_its_name(note, at, kind):
    # the issuer's place is the words of A1 after the level: «HUYỆN» + «MƯỜNG ẢNG»; the date line names it «Mường Ảng»
    table, c = _ctx(_grid(_row1(note, at), [TITLE], ["(Kèm theo Báo cáo của UBND huyện)"]), kind)
    assert [str(x) for x in c["cq"]["ban_hanh"]] == ["ỦY BAN NHÂN DÂN", "HUYỆN MƯỜNG ẢNG"]
    assert str(c["vb"]["dia_danh_ngay"]).startswith("Mường Ảng, ngày")
    assert told_by_table(table)["dia_danh"] == "Mường Ảng"
    if kind == "ke-hoach":
        # a plan's appendix: never row 1's issuer with the note, nor row 2's title of results (PLAN_TITLE)
        assert c["pl"]["tieu_de"] == [PLAN_TITLE]
        # the title says «kinh tế - xã hội»: the committee's socio-economic plan (in/01b, without the note, says so)
        assert c["vb"]["trich_yeu"] == ["Thực hiện các chỉ tiêu kinh tế - xã hội chủ yếu năm 2019"]
    else:
        # a report's appendix: the period's words, placed as the issuer is: «… HUYỆN MƯỜNG ẢNG», nothing after
        assert c["pl"]["tieu_de"][0].endswith(" HUYỆN MƯỜNG ẢNG")
        assert c["vb"]["trich_yeu"][0].startswith("Tình hình thực hiện các chỉ tiêu kinh tế - xã hội chủ yếu")


def test_a_ward_with_its_source_note():
    # in/05: «ỦY BAN NHÂN DÂN PHƯỜNG TÂN HÒA» | N1 «Nguồn: https://baophutho.vn/…»: the ward Tân Hòa, no «Nguồn»
    first = ["ỦY BAN NHÂN DÂN PHƯỜNG TÂN HÒA"] + [None] * 12 + ["Nguồn: https://baophutho.vn/ky-hop-244615.htm"]
    _, c = _ctx(_grid(first, ["PHỤ LỤC"], [TITLE]), "ke-hoach")
    assert [str(x) for x in c["cq"]["ban_hanh"]] == ["ỦY BAN NHÂN DÂN", "PHƯỜNG TÂN HÒA"]
    assert str(c["vb"]["dia_danh_ngay"]).startswith("Tân Hòa, ngày")
    assert c["pl"]["tieu_de"] == [PLAN_TITLE.replace("HUYỆN MƯỜNG ẢNG", "PHƯỜNG TÂN HÒA")]


def test_a_form_label_in_a_row_of_its_own_is_no_title():
    # in/clean/02: A1 «UBND HUYỆN CHƯ PĂH», A2 «Biểu số 01», A3 the title: the appendix is A3's
    title = "TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2023 VÀ KẾ HOẠCH NĂM 2024"
    table = read_workbook(_grid(["UBND HUYỆN CHƯ PĂH"], ["Biểu số 01"], [title]), file="t.xlsx")
    assert appendix_title(table) == title


def test_a_title_after_a_form_label_in_its_row_is_the_title():
    # must not drop the title: a label on the left (A1 «Mẫu 02») and the title to its right (D1) -> D1 is the title
    title = "CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2019 HUYỆN MƯỜNG ẢNG"
    table = read_workbook(_grid(["Mẫu 02", None, None, title]), file="t.xlsx")
    assert appendix_title(table) == title
    assert told_by_table(table)["dia_danh"] == "Mường Ảng"


def test_a_place_alone_is_the_issuers_header_and_the_next_line_titles_the_appendix():
    # in/clean/09: A1 «HUYỆN NHƯ XUÂN», A2 the table's title: the appendix is A2's, the place stays Như Xuân
    title = "CÁC CHỈ TIÊU CHỦ YẾU TRONG NHIỆM KỲ 2020-2025"
    head = ["STT", "Chỉ tiêu", "ĐVT", "Mục tiêu đến năm 2025"]
    grid = Grid(sheet="B", rows=[["HUYỆN NHƯ XUÂN"], [title], ["(Theo Nghị quyết Đại hội Đảng bộ huyện)"], [],
                                 head, ["1", "Tốc độ tăng giá trị sản xuất bình quân hàng năm", "%", 16]])
    table = read_workbook(grid, file="t.xlsx", plan=True)
    assert appendix_title(table) == title
    assert told_by_table(table)["dia_danh"] == "Như Xuân"


def test_a_title_naming_its_place_after_its_words_stays_the_title():
    # must not fire: «… NĂM 2014 TỈNH YÊN BÁI» is a title that names a place, not a place alone (in/clean/06)
    title = "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2014 TỈNH YÊN BÁI"
    table = read_workbook(_grid(["PHỤ LỤC SỐ 01"], [title]), file="t.xlsx")
    assert appendix_title(table) == title


@pytest.mark.parametrize("cells, place", [
    ((ISSUER, "Mẫu số 01"), ("HUYỆN", "MƯỜNG ẢNG")),
    (("UBND HUYỆN CHƯ PĂH", "Nguồn: https://baogialai.com.vn/chu-pah-post257893.html"), ("HUYỆN", "CHƯ PĂH")),
    # the place before «giao cho» issues, whichever cell the receiver stands in
    (("UBND TỈNH QUẢNG NGÃI GIAO CHO", "HUYỆN BA TƠ"), ("TỈNH", "QUẢNG NGÃI")),
    # must not fire: the receiver in the next cell never issues
    (("CHỈ TIÊU NĂM 2024 GIAO CHO", "HUYỆN BA TƠ"), None),
    # must not fire: a place whose name cannot be read is not stood in for by a later cell
    (("KẾ HOẠCH HUYỆN BẮC HÀ MỘT HAI BA BỐN NĂM SÁU", "TỈNH LÀO CAI"), None),
    # a row whose first cell names no place: the next cell may («KẾT QUẢ NĂM 2025» | «XÃ KA ĐÔ»)
    (("KẾT QUẢ THỰC HIỆN NĂM 2025", "XÃ KA ĐÔ"), ("XÃ", "KA ĐÔ")),
])
def test_the_place_is_read_cell_by_cell(cells, place):
    from kh_excel.docs.places import issuer_of_cells
    m = issuer_of_cells(cells)
    assert (m and (m.level, m.name)) == place


def test_title_lines_written_otherwise_are_read_as_written():
    # a table whose title lines were replaced after reading (as tests and the add-in do) reads the new lines: the
    # cells of the old ones stand for nothing
    table = read_workbook(_grid(_row1("Mẫu số 01", 7), [TITLE]), file="t.xlsx")
    other = replace(table, title_lines=["PHỤ LỤC", "CHỈ TIÊU NĂM 2024 HUYỆN BA TƠ"])
    assert told_by_table(other)["dia_danh"] == "Ba Tơ"
    assert appendix_title(other) == "CHỈ TIÊU NĂM 2024 HUYỆN BA TƠ"


def test_a_workbook_file_with_merged_issuer_and_label(tmp_path: Path):
    # the same through a saved file: A1:C1 merged (in/01i), H1 «Mẫu số 01»
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    ws.title = "Biểu 01"
    ws["A1"], ws["H1"], ws["A2"] = ISSUER, "Mẫu số 01", TITLE
    ws.merge_cells("A1:C1")
    ws.merge_cells("A2:H2")
    for r, row in enumerate([HEAD, *BODY], start=4):
        for c, v in enumerate(row, start=1):
            if v != "":
                ws.cell(r, c, v)
    path = tmp_path / "t.xlsx"
    wb.save(path)
    table = read_workbook(path, plan=True)
    c = build_context(evaluate(table), None, "ke-hoach")
    assert [str(x) for x in c["cq"]["ban_hanh"]] == ["ỦY BAN NHÂN DÂN", "HUYỆN MƯỜNG ẢNG"]
    assert str(c["vb"]["dia_danh_ngay"]).startswith("Mường Ảng, ngày")
    assert c["pl"]["tieu_de"] == [PLAN_TITLE]
