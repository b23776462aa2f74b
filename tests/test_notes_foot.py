"""The foot of the sheet ends the table wherever it begins (rev22 R22-17, R22-19, R22-20): «NGƯỜI LẬP BIỂU |
TM. ỦY BAN NHÂN DÂN», the statistical form's «Người lập biểu | Kiểm tra | Thủ trưởng đơn vị» with «(Ký, họ tên)»,
«Nơi nhận: | TM. ỦY BAN NHÂN DÂN» with its list, and the signers' names under them, written right under the last
indicator, under one note or under «Ghi chú: …», with no blank row between. On main these became sub-rows of the
last indicator («Người lập biểu (Tốc độ tăng …): TM. ỦY BAN NHÂN DÂN», «Phan Thị D … mục tiêu Lê Văn E»), silently,
in the signed report. A row with a figure or an STT stays the table's whatever its words («Chủ tịch UBND xã đạt
chuẩn | % | 100%»); a row of figures left below the foot is named, never dropped unsaid."""
from __future__ import annotations

import pytest

from kh_excel.core.gate import check
from kh_excel.core.model import Grid
from kh_excel.core.table import footnote_findings, parse_grid

HEADER = ["STT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm 2025", "Kế hoạch năm 2026", "Ước thực hiện năm 2026",
          "Cơ quan chủ trì"]
# sheet rows 5, 6, 7 (the title on rows 1-2, a blank row 3, the header on row 4)
BODY = [["1", "Tổng thu ngân sách nhà nước trên địa bàn(*)", "Tỷ đồng", 4500.0, 5000.0, 5120.0, "Sở Tài chính"],
        ["2", "Số doanh nghiệp thành lập mới", "Doanh nghiệp", 40.0, 44.0, 44.0, "Sở Tài chính"],
        ["3", "Tốc độ tăng tổng sản phẩm trên địa bàn", "%", None, 8.0, None, "Sở Tài chính"]]
NAMES = [(5, "Tổng thu ngân sách nhà nước trên địa bàn"), (6, "Số doanh nghiệp thành lập mới"),
         (7, "Tốc độ tăng tổng sản phẩm trên địa bàn")]
NOTE = "(*) Kế hoạch là dự toán Trung ương giao."

# the foot as printed biểu write it (columns: 0 STT, 1 name, 2 unit, 3 TH 2025, 4 KH 2026, 5 ƯTH 2026, 6 agency)
FEET = {
    # in/w29b: «NGƯỜI LẬP BIỂU» in the name column, the signature at the right, the names three rows down
    "nguoi_lap_bieu": [[None, "NGƯỜI LẬP BIỂU", None, None, "TM. ỦY BAN NHÂN DÂN"],
                       [None, None, None, None, "CHỦ TỊCH"], [], [],
                       [None, "Lê Thị B", None, None, "Nguyễn Văn C"]],
    # in/w40c: the statistical form's foot, «Kiểm tra» over the plan column, «(Ký, họ tên)» under each
    "bieu_thong_ke": [[None, "Người lập biểu", None, "Kiểm tra", None, "Thủ trưởng đơn vị"],
                      [None, "(Ký, họ tên)", None, "(Ký, họ tên)", None, "(Ký, họ tên, đóng dấu)"], [], [],
                      [None, "Phan Thị D", None, "Lê Văn E", None, "Trần Văn F"]],
    # in/w45b: «Nơi nhận:» and its list at the left, the signature at the right
    "noi_nhan": [[None, "Nơi nhận:", None, None, "TM. ỦY BAN NHÂN DÂN"],
                 [None, "- UBND tỉnh Lào Cai;", None, None, "CHỦ TỊCH"], [None, "- Sở Tài chính;"],
                 [None, "- Lưu: VT, VP."], [], [None, None, None, None, "Nguyễn Văn G"]],
    # the block begun in the STT column, a date line first, «PHÓ CHỦ TỊCH» signing for the chairman
    "cot_stt": [["Lào Cai, ngày 05 tháng 12 năm 2026"], ["NGƯỜI LẬP BIỂU", None, None, None, "KT. CHỦ TỊCH"],
                [None, None, None, None, "PHÓ CHỦ TỊCH"], ["Trần Văn A", None, None, None, "Nguyễn Văn Hòa"]],
}
# what stands between the last indicator and the foot, and the notes it holds: (sheet row, mark, text) — row 8 is
# the first row under the table
ABOVE = {
    "sat_bang": ([], []),
    "mot_ghi_chu": ([[NOTE]], [(8, "*", NOTE)]),
    "ghi_chu_mot_dong": ([["Ghi chú: Kế hoạch là dự toán Trung ương giao."]],
                         [(8, "", "Kế hoạch là dự toán Trung ương giao.")]),
    "ghi_chu_va_ghi_chu": ([["Ghi chú:"], [NOTE]], [(9, "*", NOTE)]),
}


def grid(above: list[list], foot: list[list], body: list[list] | None = None) -> Grid:
    rows = [["ỦY BAN NHÂN DÂN TỈNH LÀO CAI"], ["KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2026"], [], HEADER,
            *[list(r) for r in (body or BODY)], *[list(r) for r in above], *[list(r) for r in foot]]
    return Grid(sheet="Biểu", rows=rows)


@pytest.mark.parametrize("above", ABOVE)
@pytest.mark.parametrize("foot", FEET)
def test_the_foot_ends_the_table_wherever_it_begins(foot, above):
    """Three indicators (rows 5-7, by hand) and nothing of the foot: no «NGƯỜI LẬP BIỂU», «Nơi nhận:», «(Ký, họ
    tên)», «Phan Thị D» among them; the note above the foot is found (the mark «(*)» of row 5 has its note, where
    there is one); no error (the foot's rows on main: «chưa có đơn vị tính», «chưa có số kế hoạch») and no table
    said to be left below (the foot holds no figure)."""
    rows_above, notes = ABOVE[above]
    t = parse_grid(grid(rows_above, FEET[foot]))
    assert [(i.row, i.name) for i in t.indicators] == NAMES
    assert [(n.row, n.mark, n.text) for n in t.notes] == notes
    assert t.last_data_row == 7 + len(rows_above)  # the table (and its notes) ends on the row above the foot
    findings = check(t).findings
    assert not [f for f in findings if f.severity == "error"]
    codes = {f.code for f in findings}
    assert "table_below_not_read" not in codes
    # (read_workbook adds them: a mark «(*)» with no note under the table)
    unexplained = [f.code for f in footnote_findings(t)]
    assert unexplained == ([] if any(mark == "*" for _, mark, _ in notes) else ["footnote_without_note"])


# rows named like a signer's role that are the table's: a figure or an STT keeps them (sheet row 8, under the body)
ROLE_ROWS = [
    # a sub-row with no STT, its plan typed as text and a figure beside it
    [None, "Chủ tịch UBND xã đạt chuẩn", "%", None, "100%", 95.0, "Sở Nội vụ"],
    # numbered, with no figure at all (a plan in words)
    ["4", "Chủ tịch UBND xã đạt chuẩn", "%", None, "Đạt", None, "Sở Nội vụ"],
    ["4", "Người lập biểu thống kê được tập huấn", "Người", 120.0, 150.0, 160.0, "Cục Thống kê"],
    ["4", "Số người lập biểu mẫu thống kê", "Người", 120.0, 150.0, 160.0, "Cục Thống kê"],
    # the title alone is a signature's, but in the agency column of a row with a name and no STT it is a leader's
    [None, "Trong đó: xã đạt chuẩn nông thôn mới kiểu mẫu", "Xã", None, "Hoàn thành", None, "Chủ tịch"],
]


@pytest.mark.parametrize("role_row", ROLE_ROWS)
def test_a_row_named_like_a_role_with_a_figure_or_an_stt_stays_in_the_table(role_row):
    """The row (sheet row 8) is read as the table's, and the foot below it still ends the table: four rows."""
    t = parse_grid(grid([role_row], FEET["nguoi_lap_bieu"]))
    assert [i.row for i in t.indicators] == [5, 6, 7, 8]
    assert t.indicators[-1].name == role_row[1]
    assert t.last_data_row == 8


def test_a_row_of_figures_left_below_the_foot_is_named():
    """Nothing dropped unsaid: a row of figures under the signers' names (sheet row 13: 8 «NGƯỜI LẬP BIỂU», 9
    «CHỦ TỊCH», 10-11 blank, 12 names) is not read as the table's, and the reader says so."""
    foot = FEET["nguoi_lap_bieu"] + [["4", "Tỷ lệ hộ nghèo", "%", 4.0, 3.5, 3.2, "Sở Nội vụ"]]
    t = parse_grid(grid([], foot))
    assert [i.row for i in t.indicators] == [5, 6, 7]
    below = [f for f in t.reader_findings if f.code == "table_below_not_read"]
    assert len(below) == 1 and "dòng 13–13" in below[0].message


@pytest.mark.parametrize("text, strict, expected", [
    ("NGƯỜI LẬP BIỂU", False, True), ("Người lập biểu", False, True), ("Thủ trưởng đơn vị", False, True),
    ("(Ký, họ tên)", False, True), ("(Ký tên, đóng dấu)", False, True), ("TM. ỦY BAN NHÂN DÂN", True, True),
    ("KT. CHỦ TỊCH", True, True), ("Nơi nhận:", False, True), ("Cần Thơ, ngày 08 tháng 12 năm 2025", True, True),
    ("CHỦ TỊCH", False, True), ("PHÓ CHỦ TỊCH", False, True), ("GIÁM ĐỐC", False, True),
    ("CHỦ TỊCH UBND XÃ", False, True),
    # a title alone at the right of a row may be a leader's cell; an indicator's name goes on in words
    ("Chủ tịch", True, False), ("Chủ tịch UBND xã đạt chuẩn", False, False), ("Số người lập biểu mẫu", False, False),
    ("Giám đốc Sở được đánh giá", False, False), ("Trần Văn A", False, False),
])
def test_what_begins_the_foot(text, strict, expected):
    from kh_excel.core.table import begins_signature
    assert begins_signature(text, strict) is expected


def test_a_signature_at_the_right_of_a_row_with_no_figure_begins_the_foot():
    from kh_excel.core.table import signs_off
    assert signs_off([None, None, None, None, None, "TM. ỦY BAN NHÂN DÂN"], 0)
    assert signs_off([None, "Số liệu sơ bộ.", None, None, "KT. CHỦ TỊCH"], 0)
    assert not signs_off([None, "Lê Thị B", None, None, "Nguyễn Văn C"], 0)  # a name alone begins nothing
    assert not signs_off(["-", "Người lập biểu", None, None, None], 0)  # an STT: the table's
    assert not signs_off([None, "Người lập biểu", "Người", 3.0, None], 0)  # a figure: the table's


def test_a_heading_named_like_a_signer_over_numbered_rows_is_no_foot():
    """rev23 REG-2: «Thủ trưởng cơ quan, đơn vị được đánh giá» (no STT, no figures) between «1 Tổng thu ngân sách
    500/560» and «2 Tỷ lệ thủ trưởng hoàn thành tốt nhiệm vụ % 90/92», «3 Tỷ lệ tham gia BHYT % 95/95,5» ended the table:
    3/3 became 1/1. A foot is followed by titles and names, never by a numbered row of figures: all three are read."""
    rows = [["CÁC CHỈ TIÊU NĂM 2025"],
            ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2025", "Thực hiện năm 2025"],
            [1, "Tổng thu ngân sách", "Tỷ đồng", 500, 560],
            ["", "Thủ trưởng cơ quan, đơn vị được đánh giá", "", "", ""],
            [2, "Tỷ lệ thủ trưởng hoàn thành tốt nhiệm vụ", "%", 90, 92],
            [3, "Tỷ lệ tham gia BHYT", "%", 95, 95.5],
            ["", "", "", "", ""],
            ["", "NGƯỜI LẬP BIỂU", "", "TM. ỦY BAN NHÂN DÂN", ""],
            ["", "Trần Văn A", "", "Nguyễn Văn B", ""]]
    table = parse_grid(Grid(sheet="Biểu", rows=rows), file="b.xlsx")
    assert [i.name for i in table.indicators if i.target.value is not None] == [
        "Tổng thu ngân sách", "Tỷ lệ thủ trưởng hoàn thành tốt nhiệm vụ", "Tỷ lệ tham gia BHYT"]
    assert "Trần Văn A" not in [i.name for i in table.indicators]   # the real foot still ends it
