"""Messy workbooks found in review: each case once misread, each asserted here through the public API."""
from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, strategies as st

import kh_excel
from kh_excel.core.direction import infer_direction
from kh_excel.core.model import EMPTY_TARGET
from kh_excel.core.validation import validate
from lo import convert

STD = ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Cơ quan chủ trì", "Lãnh đạo phụ trách"]


def book(tmp_path: Path, rows, name="b.xlsx", at=(1, 1), sheet="Phụ lục", setup=None) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            if v is not None:
                ws.cell(at[0] + i, at[1] + j, v)
    if setup:
        setup(wb, ws)
    path = tmp_path / name
    wb.save(path)
    return path


def test_table_away_from_a1_keeps_its_cell_references(tmp_path):
    # a mistyped figure: words alone are a result in words (rev22 R22-2)
    path = book(tmp_path, [STD, [1, "Tổng sản phẩm", "Tỷ đồng", 155000, "12,5a", "Sở Tài chính", "Đ/c A"]], at=(5, 3))
    table = kh_excel.read_workbook(path)
    assert table.columns["stt"] == 2 and table.header_rows == [5]
    (f,) = [f for f in validate(table) if f.code == "not_a_number"]
    assert f.cell == "G6"


def test_percent_formatted_cells_are_percent_figures(tmp_path):
    def fmt(wb, ws):
        ws["D2"].number_format = ws["E2"].number_format = "0.0%"
    path = book(tmp_path, [STD, [1, "Tỷ lệ trường học đạt chuẩn quốc gia", "%", 0.77, 0.74, "Sở Giáo dục và Đào tạo", "Đ/c A"]],
                setup=fmt)
    ind = kh_excel.read_workbook(path).indicators[0]
    assert ind.target.value == D("77.0") and ind.result == D("74.0")
    a = kh_excel.evaluate(kh_excel.read_workbook(path)).assessments[0]
    assert a.status == "khong_dat" and round(a.ratio, 1) == D("96.1")


@pytest.mark.parametrize("name,direction", [
    ("Tỷ lệ cơ sở gây ô nhiễm môi trường nghiêm trọng được xử lý", "up"),
    ("Tỷ lệ giải quyết đơn khiếu nại", "up"), ("Tỷ lệ xã, phường không có ma túy", "up"),
    ("Tỷ lệ người nhiễm HIV được điều trị ARV", "up"), ("Tỷ lệ xử lý nợ xấu", "up"),
    ("Tỷ lệ hộ nghèo", "down"), ("Số vụ tai nạn giao thông", "down"),
])
def test_burden_words_handled_or_not(name, direction):
    assert infer_direction(name, "%", EMPTY_TARGET)[0] == direction


def test_plan_and_result_paired_by_year(tmp_path):
    header = ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2025", "Thực hiện năm 2025", "Kế hoạch năm 2026",
              "Ước thực hiện năm 2026", "Cơ quan chủ trì"]
    path = book(tmp_path, [header, [1, "GRDP", "Tỷ đồng", 140000, 150000, 155000, 151200, "Sở Tài chính"]])
    t = kh_excel.read_workbook(path)
    assert (t.columns["target"], t.columns["result"], t.columns["previous"], t.year) == (5, 6, 4, 2026)
    assert kh_excel.evaluate(t).assessments[0].status == "khong_dat"


def test_code_and_comparison_columns_are_not_data(tmp_path):
    header = ["STT", "Mã chỉ tiêu", "Tên chỉ tiêu", "ĐVT", "Chỉ tiêu giao năm 2026", "Ước thực hiện năm 2026",
              "Tỷ lệ % so KH", "So sánh (%) TH 2026/TH 2025", "Cơ quan chủ trì"]
    path = book(tmp_path, [header, [1, "0101", "GRDP", "Tỷ đồng", 155000, 151200, 97.5, 108.0, "Sở Tài chính"]])
    t = kh_excel.read_workbook(path)
    assert t.columns == {"stt": 0, "name": 2, "unit": 3, "target": 4, "result": 5, "lead": 8}
    assert t.indicators[0].name == "GRDP"


def test_sheet_choice_skips_blank_forms_hidden_years_and_knows_its_own_names(tmp_path):
    wb = openpyxl.Workbook()
    form = wb.active
    form.title = "Biểu mẫu"
    form.append(["Nội dung", "Kế hoạch"])
    old = wb.create_sheet("KH 2025")
    old.append(STD)
    old.append([1, "Cũ", "%", 1, 1, "Sở Y tế", "A"])
    old.sheet_state = "hidden"
    real = wb.create_sheet("Tổng hợp chỉ tiêu")
    real.append(STD)
    real.append([1, "Mới", "%", 2, 2, "Sở Y tế", "A"])
    wb.create_sheet("Sheet2")
    path = tmp_path / "sheets.xlsx"
    wb.save(path)
    t = kh_excel.read_workbook(path)
    assert t.sheet == "Tổng hợp chỉ tiêu" and t.indicators[0].name == "Mới"


def test_totals_letter_sections_and_what_follows_the_table_are_not_indicators(tmp_path):
    rows = [STD, ["A", "CÁC CHỈ TIÊU KINH TẾ"], [1, "GRDP", "Tỷ đồng", 100, 101, "Sở Tài chính", "A"],
            [None, "Tổng cộng", None, 100, 101], ["B", "CÁC CHỈ TIÊU XÃ HỘI"], [2, "Tuổi thọ", "Tuổi", 72, 72, "Sở Y tế", "A"],
            [], [None, "NGƯỜI LẬP BIỂU", None, None, "THỦ TRƯỞNG ĐƠN VỊ"], [None, "Nguyễn Văn A", None, None, "Trần B"],
            [], ["BIỂU 2"], ["STT", "Tên công trình", "Địa điểm", "Tổng mức đầu tư"], [1, "Đường", "X", 5]]
    t = kh_excel.read_workbook(book(tmp_path, rows))
    assert [(i.name, i.section) for i in t.indicators] == [("GRDP", "CÁC CHỈ TIÊU KINH TẾ"), ("Tuổi thọ", "CÁC CHỈ TIÊU XÃ HỘI")]
    assert [s.numeral for s in t.sections] == ["A", "B"]
    assert not [f for f in validate(t) if f.severity == "error"]


def test_a_merge_across_columns_lends_nothing_to_the_next_column(tmp_path):
    rows = [STD, [1, "Tên dài gộp sang cột đơn vị", None, 100, 90, "Sở Y tế", "A"]]
    t = kh_excel.read_workbook(book(tmp_path, rows, setup=lambda wb, ws: ws.merge_cells("B2:C2")))
    assert t.indicators[0].unit == ""
    assert any(f.code == "missing_unit" for f in validate(t))


def test_one_leader_written_three_ways_is_one_group_and_flagged(tmp_path):
    rows = [STD, [1, "A", "%", 1, 1, "Sở Y tế", "Đ/c Vũ Thị Hiền Hạnh"],
            [2, "B", "%", 1, 1, "Sở Y tế", "Đồng chí Vũ Thị Hiền Hạnh - Phó Chủ tịch UBND tỉnh"],
            [3, "C", "%", 1, 1, "Sở Y tế", "Đồng chí Vũ Thị Hiền Hạnh - Phó Chủ tịch UBND tỉnh"]]
    t = kh_excel.read_workbook(book(tmp_path, rows))
    assert len(kh_excel.evaluate(t).summary.by_leader) == 1
    assert [f.cell for f in validate(t) if f.code == "inconsistent_spelling"] == ["G2"]


def test_comma_number_read_nearer_the_plan_and_said_so(tmp_path):
    rows = [STD, [1, "Khách du lịch", "1000 lượt", 11280, "11,650", "Sở Văn hóa, Thể thao và Du lịch", "A"]]
    t = kh_excel.read_workbook(book(tmp_path, rows))
    assert t.indicators[0].result == D(11650)
    (f,) = [f for f in validate(t) if f.code == "ambiguous_decimal"]
    assert "11.650" in f.message and "kế hoạch 11.280" in f.message


def test_negative_target_has_no_ratio_and_an_empty_year_reads_well(tmp_path):
    rows = [STD, [1, "Tăng trưởng", "%", -2, -1.32, "Sở Tài chính", "A"]]
    att = kh_excel.evaluate(kh_excel.read_workbook(book(tmp_path, rows)))
    assert att.assessments[0].ratio is None and att.assessments[0].status == "vuot"
    from kh_excel.core.attainment import summary_sentence
    assert summary_sentence({"vuot": 0, "dat": 0, "khong_dat": 0, "chua_co_so_lieu": 2, "khong_danh_gia": 0}, 0, [], 2026) == \
        "Năm 2026, chưa có chỉ tiêu nào đủ số liệu để đánh giá."


def test_ods_error_and_percentage_cells(tmp_path):
    def setup(wb, ws):
        ws["E2"] = "=1/0"
        ws["D3"].number_format = ws["E3"].number_format = "0%"
    rows = [STD, [1, "Thu ngân sách", "Tỷ đồng", 23500, None, "Sở Tài chính", "A"],
            [2, "Tỷ lệ che phủ rừng", "%", 0.61, 0.62, "Sở Nông nghiệp và Môi trường", "A"]]
    src = book(tmp_path, rows, setup=setup)
    (ods,) = convert([src], "ods", tmp_path / "ods")
    t = kh_excel.read_workbook(ods)
    assert [f.cell for f in validate(t) if f.code == "excel_error"] == ["E2"]
    assert t.indicators[1].target.value == D(61) and t.indicators[1].result == D(62)


def test_utf8_read_as_windows_1252_is_detected_and_repaired(tmp_path):
    broken = "Tổng sản phẩm trên địa bàn".encode("utf-8").decode("cp1252")
    rows = [STD, [1, broken, "Tỷ đồng", 100, 101, "Sở Tài chính", "A"]]
    t = kh_excel.read_workbook(book(tmp_path, rows))
    assert t.indicators[0].name == "Tổng sản phẩm trên địa bàn"
    (f,) = [f for f in validate(t) if f.code == "legacy_encoding"]
    assert f.cell == "B2" and "UTF-8" in f.message and not [f for f in validate(t) if f.code == "stray_whitespace"]


@pytest.mark.parametrize("gap", [[[]], []])
def test_a_date_line_and_signature_in_a_figure_column_end_the_table(tmp_path, gap):
    """rev9 #6 (t01): «Bắc Hà, ngày   tháng 12 năm 2024» and «NGƯỜI LẬP BIỂU» written under the result column, after a
    blank row or right under the last indicator, became two rows of the signed appendix («Không đánh giá», led by the
    last agency). The date line's fold has single spaces («ngay thang»): it was never recognised. A row with no name
    holding figures is still data."""
    rows = [STD, [1, "GRDP", "Tỷ đồng", 100, 101, "Sở Tài chính", "A"],
            [None, None, None, 3, 4],  # a figure row under a merged name: data
            [2, "Tuổi thọ", "Tuổi", 72, 72, "Sở Y tế", "A"], *gap,
            [None, None, None, None, "Bắc Hà, ngày   tháng 12 năm 2024"], [None, None, None, None, "NGƯỜI LẬP BIỂU"],
            [None, None, None, None, "Nguyễn Văn A"]]
    t = kh_excel.read_workbook(book(tmp_path, rows))
    assert [i.name for i in t.indicators] == ["GRDP", "", "Tuổi thọ"]


@pytest.mark.parametrize("text, unit, figure", [
    ("12 xã", "Xã", "12"), ("16/16 xã", "Xã", "16"), ("15/16 xã", "xã", "15"), ("100% xã", "%", "100%"),
    ("100 % số xã", "%", "100%"), ("3.500 nghìn lượt", "Nghìn lượt", "3.500"), ("Trên 95 xã", "Xã", "Trên 95"),
    # what follows the figure is no unit of the row: not read
    ("12 xã", "Người", None), ("100% xã", "Xã", None), ("16/15 xã", "Xã", None), ("1/2/2024 xã", "Xã", None),
    ("12", "Xã", None), ("Hoàn thành", "Xã", None),
])
def test_a_figure_typed_with_the_rows_unit_is_read(text, unit, figure):
    from kh_excel.core.table import _unit_stripped
    assert _unit_stripped(text, unit) == figure


@given(st.integers(0, 10**6), st.sampled_from(["xã", "Xã", "hộ", "Người", "nghìn lượt", "Tỷ đồng"]),
       st.sampled_from([" ", "  ", ""]))
def test_any_count_before_its_unit_is_that_count(n, unit, gap):
    from kh_excel.core.table import _unit_stripped
    assert _unit_stripped(f"{n}{gap}{unit.lower()}", unit) == str(n)


def test_plans_and_results_typed_with_their_unit_are_judged(tmp_path):
    """rev9 #10 (t04): «100% xã» and «16/16 xã» as plans, «15/16 xã» as a result, were errors that blocked the
    document; with --allow-errors the sheet's result was dropped. They are 100 (%), 16 and 15 (xã): 15 of 16 is
    «Không đạt» (93,75%), as the sheet's own «Đánh giá» column says."""
    rows = [STD, [1, "Tỷ lệ xã đạt chuẩn quốc gia về y tế", "%", "100% xã", "100% xã", "Phòng Y tế", "A"],
            [2, "Số xã đạt chuẩn phổ cập giáo dục mầm non", "Xã", "16/16 xã", "15/16 xã", "Phòng GD&ĐT", "A"]]
    t = kh_excel.read_workbook(book(tmp_path, rows))
    assert not [f for f in validate(t) if f.severity == "error"]
    health, school = kh_excel.evaluate(t).assessments
    assert (health.indicator.target.value, health.indicator.result, health.status) == (100, 100, "dat")
    assert (school.indicator.target.value, school.indicator.result, school.status) == (16, 15, "khong_dat")
    assert round(school.ratio, 2) == D("93.75")


def test_a_unit_written_above_the_table_or_in_its_figure_headers_is_every_rows(tmp_path):
    """rev9 #9 (t17): no unit column, «Đơn vị tính: triệu đồng» above the table and «(triệu đồng)» closing the plan
    and result headers. The report said «thực hiện 1.980, kế hoạch 2.500»: million or billion, nobody could tell."""
    head = ["STT", "Nội dung", "Dự toán HĐND xã giao (triệu đồng)", "Ước thực hiện năm 2026 (triệu đồng)"]
    rows = [["UBND XÃ BẢO NHAI"], [None, None, None, "Đơn vị tính: triệu đồng"], head,
            ["1", "Thu tiền sử dụng đất", 2500, 1980], ["2", "Lệ phí trước bạ", 410, 520]]
    t = kh_excel.read_workbook(book(tmp_path, rows))
    assert [i.unit for i in t.indicators] == ["triệu đồng", "triệu đồng"]
    assert t.unit_from == ("triệu đồng", "Đơn vị tính: triệu đồng")
    said = [f.message for f in validate(t) if f.code == "header_incomplete"]
    assert said and "mọi dòng đọc là «triệu đồng»" in said[0]
    # the headers alone say it too; a note in brackets is no unit, nor are two headers that differ
    t = kh_excel.read_workbook(book(tmp_path, [head, ["1", "Thu tiền sử dụng đất", 2500, 1980]], name="h.xlsx"))
    assert t.indicators[0].unit == "triệu đồng"
    for plan, result in (("Kế hoạch năm 2026 (NQ HĐND)", "Ước thực hiện năm 2026"),
                         ("Kế hoạch (tỷ đồng)", "Thực hiện (triệu đồng)")):
        t = kh_excel.read_workbook(book(tmp_path, [["STT", "Nội dung", plan, result], ["1", "Thu", 2500, 1980]],
                                        name="n.xlsx"))
        assert t.indicators[0].unit == "" and t.unit_from is None, plan
    # a unit column wins: its empty cell stays empty (a missing unit is an error of its own)
    t = kh_excel.read_workbook(book(tmp_path, [[None, "Đơn vị tính: triệu đồng"], STD, [1, "Thu", None, 5, 6, "Sở Tài chính", "A"]],
                                    name="u.xlsx"))
    assert t.indicators[0].unit == ""


def test_a_tables_continuation_on_another_sheet_is_named(tmp_path):
    """rev9 #3 (t06): «Biểu 01» holds section I, «Biểu 01 (tiếp)» sections II–III with five more indicators, all not
    met; documents said 4/5 not met and nothing warned. rev11 D21: so did a workbook keeping one table per sector
    sheet. Every other visible sheet holding a table is named in check and beside a document, the continuation as
    such; a hidden sheet is not."""
    from kh_excel.core.gate import check
    from kh_excel.docs.api import document_warnings
    wb = openpyxl.Workbook()
    first = wb.active
    first.title = "Biểu 01"
    for r in (STD, [1, "GRDP", "Tỷ đồng", 100, 90, "Sở Tài chính", "A"]):
        first.append(r)
    for title, state in (("Biểu 01 (tiếp)", "visible"), ("Biểu 02", "visible"), ("Biểu 02 (tiếp)", "visible"),
                         ("Biểu 01 (TT)", "hidden")):
        ws = wb.create_sheet(title)
        ws.append(STD)
        ws.append([2, "Tỷ lệ hộ nghèo", "%", 5, 6, "Sở Nội vụ", "A"])
        ws.sheet_state = state
    path = tmp_path / "two.xlsx"
    wb.save(path)
    t = kh_excel.read_workbook(path)
    found = [f for f in validate(t) if f.code == "sheets_not_read"]
    assert len(found) == 1
    message = found[0].message
    assert "«Biểu 01 (tiếp)» (phần tiếp của bảng này)" in message
    assert "«Biểu 02»," in message and "«Biểu 02 (tiếp)» cũng" in message  # another table's: named, not as ours
    assert "(TT)" not in message and "trang «Biểu 01»" in message

    class NoSettings:
        warnings: list = []
    said = document_warnings(check(t), NoSettings(), {}, str(path), "bao-cao", None)
    assert any("«Biểu 01 (tiếp)»" in w and "«Biểu 02»" in w for w in said)
    # a sheet named on the command line (rev10 D7): the same warning, the person chose one table of several
    chosen = [f for f in validate(kh_excel.read_workbook(path, sheet="Biểu 02")) if f.code == "sheets_not_read"]
    assert chosen and "«Biểu 02 (tiếp)» (phần tiếp của bảng này)" in chosen[0].message
    assert "«Biểu 01»" in chosen[0].message and "«Biểu 01 (tiếp)»," in chosen[0].message


@pytest.mark.parametrize("line, names", [
    # rev10 D3: rows that state their own unit or are shares: «Tỷ lệ hộ nghèo (%): còn 4 triệu đồng» was signed
    ("Đơn vị tính: triệu đồng", ["Thu ngân sách nhà nước", "Tỷ lệ hộ nghèo (%)", "Số hộ thoát nghèo"]),
    ("ĐVT: %", ["Tỷ lệ hộ nghèo", "Số xã đạt chuẩn NTM", "Thu nhập bình quân đầu người"]),
    # the reporting body, not a unit: «thực hiện 34 UBND xã Nam Sơn»
    ("Đơn vị: UBND xã Nam Sơn", ["Số hộ thoát nghèo", "Tỷ lệ hộ nghèo"]),
])
def test_a_unit_line_the_rows_contradict_is_no_rows_unit(tmp_path, line, names):
    rows = [[None, None, line], ["STT", "Chỉ tiêu", "Kế hoạch năm 2026", "Thực hiện năm 2026"],
            *[[str(i), n, 5, 4] for i, n in enumerate(names, 1)]]
    t = kh_excel.read_workbook(book(tmp_path, rows))
    assert t.unit_from is None and {i.unit for i in t.indicators} == {""}


def test_per_mille_typed_as_percent_o_is_not_read_as_a_percent():
    from kh_excel.core.table import _unit_stripped
    assert _unit_stripped("1,1%o", "%") is None and _unit_stripped("1,1 %o", "%") is None  # rev10 D9: ‰, not %


def test_a_plan_to_complete_a_count_is_that_count(tmp_path):
    """rev17 (var/v06): «Hoàn thành 5 xã» and «Hoàn thành 2 xã» under «Xã» were refused as «không phải là số», and
    the report with them. They plan 5 and 2 communes, as «Đạt 5 xã» does: 2 of 2 is «Đạt KH» (100%). «Hoàn thành»
    alone plans no figure: it stays words, judged by the result's own words."""
    rows = [STD, [1, "Số xã đạt chuẩn nông thôn mới", "Xã", "Hoàn thành 5 xã", 4, "Phòng TC-KH", "A"],
            [2, "Số xã đạt chuẩn nông thôn mới nâng cao", "Xã", "Hoàn thành 2 xã", 2, "Phòng TC-KH", "A"],
            [3, "Xây dựng trường chuẩn quốc gia", "Trường", "Hoàn thành", "Hoàn thành", "Phòng GD&ĐT", "A"]]
    t = kh_excel.read_workbook(book(tmp_path, rows))
    assert not [f for f in validate(t) if f.severity == "error"]
    five, two, school = kh_excel.evaluate(t).assessments
    assert (five.indicator.target.op, five.indicator.target.value, five.status) == ("=", 5, "khong_dat")  # 4 of 5
    assert (two.indicator.target.value, two.status) == (2, "dat")
    assert school.indicator.target.op == "text"


def test_a_result_that_completes_a_count_is_that_count(tmp_path):
    """rev19 N-8: «Hoàn thành 2 xã» was read as a plan of 2 but refused as a result («không phải là số»). Against the
    plan «Hoàn thành 2 xã» it is 2 of 2: Đạt KH (100%); the document quotes the cell as written."""
    rows = [STD, [1, "Số xã đạt chuẩn nông thôn mới nâng cao", "Xã", "Hoàn thành 2 xã", "Hoàn thành 2 xã", "Phòng TC-KH",
                  "A"]]
    t = kh_excel.read_workbook(book(tmp_path, rows))
    assert not [f for f in validate(t) if f.severity == "error"]
    (a,) = kh_excel.evaluate(t).assessments
    assert (a.indicator.result, a.status) == (2, "dat")
    assert a.indicator.result_reading.text == "Hoàn thành 2 xã"
