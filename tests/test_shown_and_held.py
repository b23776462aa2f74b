"""What a cell shows and what it holds (rev13 R3, R12, R14): a figure is read with the value it holds, printed with
the decimals that decide its verdict, and a repeated .ods cell keeps its type in every column it covers."""
from __future__ import annotations

import zipfile
from decimal import Decimal as D
from pathlib import Path

import kh_excel
from kh_excel.io.workbook import _ods_scan

HEAD = ["STT", "Chỉ tiêu", "ĐVT", "Thực hiện năm 2025", "Kế hoạch năm 2026", "Ước thực hiện năm 2026",
        "Cơ quan chủ trì"]


def _cell(v) -> str:
    if v is None:
        return "<table:table-cell/>"
    if isinstance(v, tuple):  # (fraction, shown, repeat): a percentage cell
        frac, shown, rep = v
        rep_attr = f' table:number-columns-repeated="{rep}"' if rep > 1 else ""
        return (f'<table:table-cell office:value-type="percentage" office:value="{frac}"{rep_attr}>'
                f"<text:p>{shown}</text:p></table:table-cell>")
    if isinstance(v, (int, float)):
        return f'<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>'
    return f'<table:table-cell office:value-type="string"><text:p>{v}</text:p></table:table-cell>'


def _ods(dst: Path, rows: list[tuple[list, int]]) -> Path:
    """An .ods of `rows` ((cells, rows repeated)), with its manifest (calamine reads none without)."""
    from test_guard_holes import MANIFEST
    body = "".join((f'<table:table-row table:number-rows-repeated="{n}">' if n > 1 else "<table:table-row>")
                   + "".join(map(_cell, cells)) + "</table:table-row>" for cells, n in rows)
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body>'
               f'<office:spreadsheet><table:table table:name="Phụ lục">{body}</table:table>'
               '</office:spreadsheet></office:body></office:document-content>')
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", content)
        z.writestr("META-INF/manifest.xml", MANIFEST)
    return dst


def test_a_repeated_ods_percentage_cell_is_a_percentage_in_every_column_it_covers(tmp_path):
    """R12: LibreOffice stores D2 and E2 (both 95%) once, with number-columns-repeated="2": the copy in E2 was read
    as the plain fraction 0,95 against a result of 96,2%, and the plan called 101 times the result."""
    row = [1, "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", ("0.95", "95%", 2), ("0.962", "96,2%", 1), "Sở Y tế"]
    path = _ods(tmp_path / "lap.ods", [(HEAD, 1), (row, 1)])
    t = kh_excel.read_workbook(path)
    ind = t.indicators[0]
    assert ind.previous == D(95) and ind.target.value == D(95) and ind.result == D("96.2")
    assert kh_excel.evaluate(t).assessments[0].status == "vuot"


def test_a_repeated_ods_row_keeps_its_percentage_cells_in_every_row(tmp_path):
    """A row repeated by number-rows-repeated is every row it covers, as calamine reads it: each copy of its
    percentage cells is a percentage (rows 3 and 4 hold the same 80% and 90%)."""
    row = ["x", ("0.8", "80%", 2), ("0.9", "90%", 1)]
    path = _ods(tmp_path / "dong.ods", [(["a", "b", "c", "d"], 1), (row, 2)])
    formats = _ods_scan(path, "Phụ lục").formats
    assert {k for k, v in formats.items() if v == "0%"} == {(1, 1), (1, 2), (1, 3), (2, 1), (2, 2), (2, 3)}


# ----------------------------------------------------------------- R2: the period of a column under a merged group
def _grouped_book(tmp_path: Path, group: str, plan: str, result: str) -> Path:
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Biểu 01"
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", group, None, "Cơ quan chủ trì"])
    ws.append([None, None, None, plan, result, None])
    for col in "ABCF":
        ws.merge_cells(f"{col}1:{col}2")
    ws.merge_cells("D1:E1")
    ws.append([1, "Tổng giá trị sản xuất", "Tỷ đồng", 3600, 1750, "Phòng Kinh tế"])
    ws.append([2, "Số lao động được tạo việc làm mới", "Người", 1200, 640, "Phòng Văn hóa - Xã hội"])
    path = tmp_path / "nhom.xlsx"
    wb.save(path)
    return path


def test_a_half_year_under_a_merged_group_against_the_years_plan_is_progress(tmp_path):
    """R2: «6 tháng đầu năm 2026» merged over «Kế hoạch năm» / «Thực hiện»: 1.750 of a year's 3.600 after six months
    was «Không đạt». The plan's own words name the year: the half-year's actual is progress, judged neither way."""
    t = kh_excel.read_workbook(_grouped_book(tmp_path, "6 tháng đầu năm 2026", "Kế hoạch năm", "Thực hiện"))
    assert {a.status for a in kh_excel.evaluate(t).assessments} == {"khong_danh_gia"}


def test_a_half_years_plan_under_a_merged_group_is_still_judged(tmp_path):
    """The group's span stands where the column's own words name none: «Kế hoạch» under «6 tháng đầu năm 2026» is the
    half-year's plan, and 1.750 of 3.600 misses it."""
    t = kh_excel.read_workbook(_grouped_book(tmp_path, "6 tháng đầu năm 2026", "Kế hoạch", "Thực hiện"))
    assert [a.status for a in kh_excel.evaluate(t).assessments] == ["khong_dat", "khong_dat"]


def test_label_span_the_columns_own_words_after_its_groups():
    from kh_excel.core.periods import SECOND_HALF, label_span
    assert label_span("6 tháng đầu năm 2026 Kế hoạch năm") == 12
    assert label_span("Quý II năm 2026 KH cả năm") == 12
    assert label_span("6 tháng đầu năm 2026 Thực hiện") == 6
    assert label_span("Kế hoạch năm 2026 6 tháng") == 6              # the own words name the half
    assert label_span("6 tháng đầu năm 2026 % so KH năm") == 6        # a ratio: as before
    assert label_span("6 tháng cuối năm 2026 Kế hoạch năm học") == SECOND_HALF


# ----------------------------------------------------------------- R3: a format that hides a digit that decides
def _formatted_book(tmp_path: Path, rows: list[list], formats: dict[str, str]) -> Path:
    from helpers import formatted_book
    return formatted_book(tmp_path / "dinh_dang.xlsx", HEAD, rows, formats)


def _read(tmp_path, rows, formats):
    from kh_excel.core.validation import validate
    t = kh_excel.read_workbook(_formatted_book(tmp_path, rows, formats))
    warned = {(f.cell, f.code) for f in validate(t) if f.code == "shown_rounded"}
    return t, kh_excel.evaluate(t).assessments, warned


POVERTY = [1, "Tỷ lệ hộ nghèo", "%", 0.041, 0.035, 0.038, "Phòng Văn hóa - Xã hội"]


def test_a_ceiling_under_a_whole_percent_format_is_printed_as_it_is_held(tmp_path):
    """R3: a ceiling of 3,5% under `0%` shows «4%»; 3,8% misses it. «(còn 3,8%, kế hoạch 4%)» beside «không đạt»
    contradicted itself: the plan is printed 3,5%, the previous year 4,1% (the change 3,8 − 4,1 is −0,3 points,
    never −0,2 of the shown 4), each cell warned."""
    from kh_excel.core.attainment import not_met_detail
    t, (a,), warned = _read(tmp_path, [POVERTY], {"D2": "0%", "E2": "0%", "F2": "0.0%"})
    ind = a.indicator
    assert (ind.target.text, ind.target.value, ind.result, ind.previous) == ("3,5%", D("3.5"), D("3.8"), D("4.1"))
    assert a.status == "khong_dat"
    assert not_met_detail(a) == "(thực hiện 3,8%, kế hoạch 3,5%)"
    assert warned == {("D2", "shown_rounded"), ("E2", "shown_rounded")}


def test_equal_printed_figures_never_stand_beside_not_met_and_a_half_point_is_no_whole_one(tmp_path):
    """R3 (d4): plan 96% and result 95,5% both under `0%` printed «96%» and «96%» beside «không đạt», and the change
    from 95% «tăng 1 điểm %»: the result is printed 95,5 and the change 0,5 points."""
    from kh_excel.docs.wording import growth_words
    row = [1, "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", 0.95, 0.96, 0.955, "Bảo hiểm xã hội"]
    t, (a,), warned = _read(tmp_path, [row], {"D2": "0%", "E2": "0%", "F2": "0%"})
    assert (a.indicator.target.text, a.indicator.result, a.status) == ("96%", D("95.5"), "khong_dat")
    assert growth_words(a, 2025) == "tăng 0,5 điểm % so với năm 2025"
    assert warned == {("F2", "shown_rounded")}


def test_amounts_under_a_whole_number_format_that_round_alike(tmp_path):
    """R3 (d6): 99,5 against a plan of 99,6 under `0` read «100» and «100» beside «không đạt»."""
    row = [1, "Thu ngân sách trên địa bàn", "Tỷ đồng", 88, 99.6, 99.5, "Phòng Tài chính - Kế hoạch"]
    t, (a,), warned = _read(tmp_path, [row], {"E2": "0", "F2": "0"})
    assert (a.indicator.target.text, a.indicator.result, a.status) == ("99,6", D("99.5"), "khong_dat")
    assert warned == {("E2", "shown_rounded"), ("F2", "shown_rounded")}


def test_a_rounding_that_decides_nothing_is_kept_as_the_sheet_shows_it_and_still_warned(tmp_path):
    """«Keep the precision the source shows» stands where the hidden digits decide nothing stated beside the figure:
    3.600,4 shown «3.600» against 3.420 (3.420 / 3.600,4 = 94,99% and 3.420 / 3.600 = 95,00%: «95,0%» either way)
    is printed 3.600. Its cell is warned all the same (rev16 R16-4): the printed figure is not the value held.
    276,028 shown «276,0» against 289,8294 shown «289,8» was kept too, but the change against 250 is stated
    «tăng 15,93%» (289,8294 / 250 = 1,159318) while the printed 289,8 / 250 = 1,1592 reads 15,92%: one more decimal,
    289,83 / 250 = 1,15932 (15,93%) and 289,83 / 276,03 = 104,9994% («105,0%», as 105,0000% of the values)."""
    rows = [[1, "Tổng sản phẩm trên địa bàn", "Tỷ đồng", 250, 276.028, 289.8294, "Phòng Kinh tế"],
            [2, "Tổng giá trị sản xuất", "Tỷ đồng", 3350, 3600.4, 3420, "Phòng Kinh tế"]]
    t, (a, b), warned = _read(tmp_path, rows, {"E2": "0.0", "F2": "0.0", "E3": "#,##0"})
    assert (a.indicator.target.text, a.indicator.result, a.status) == ("276,03", D("289.83"), "vuot")
    assert (b.indicator.target.text, b.status) == ("3.600", "khong_dat")
    assert warned == {("E2", "shown_rounded"), ("F2", "shown_rounded"), ("E3", "shown_rounded")}


def test_a_plan_alone_is_never_printed_a_seventh_off(tmp_path):
    """A plan with no result yet (a plan document's table): 3,5% under `0%` is still the plan every later verdict is
    judged against, and an assignment letter must not give «còn 4%»."""
    row = [1, "Tỷ lệ hộ nghèo", "%", None, 0.035, None, "Phòng Văn hóa - Xã hội"]
    t, (a,), warned = _read(tmp_path, [row], {"E2": "0%"})
    assert a.indicator.target.text == "3,5%" and warned == {("E2", "shown_rounded")}


# ----------------------------------------------------------------- R14: a share typed as a fraction in a text cell
def test_a_share_typed_as_a_fraction_in_text_is_read_as_its_percent_and_warned(tmp_path):
    """R14 (e2): «0,92» typed as text under unit %, plan «≥ 90%»: stated «thực hiện 0,92%» and judged «không đạt».
    0,92 is a ninety-eighth of the plan, 92 beside it: read 92, met, and the cell named."""
    from kh_excel.core.validation import validate
    rows = [[1, "Tỷ lệ hộ gia đình đạt danh hiệu gia đình văn hóa", "%", None, "≥ 90%", "0,92", "Phòng Văn hóa - Xã hội"],
            [2, "Tỷ lệ hộ nghèo", "%", None, "1", "0,92", "Phòng Văn hóa - Xã hội"]]
    t = kh_excel.read_workbook(_formatted_book(tmp_path, rows, {}))
    a, b = kh_excel.evaluate(t).assessments
    assert (a.indicator.result, a.status) == (D("92"), "dat")
    assert (b.indicator.result, b.status) == (D("0.92"), "vuot")  # a rate of 0,92% under a ceiling of 1%: as written
    notes = {f.cell: f.message for f in validate(t) if f.code == "ambiguous_decimal"}
    assert "F2" in notes and "92%" in notes["F2"] and "F3" not in notes


from hypothesis import given, settings, strategies as st  # noqa: E402

_VALUES = st.decimals(min_value=D("0.001"), max_value=D("5000"), places=3)


@settings(max_examples=300, deadline=None)
@given(st.fixed_dictionaries({"target": _VALUES, "result": _VALUES, "previous": _VALUES}),
       st.fixed_dictionaries({"target": st.integers(0, 2), "result": st.integers(0, 2), "previous": st.integers(0, 2)}),
       st.booleans())
def test_printed_figures_compare_as_the_values_do(held, places, points):
    """Whatever the formats show: the printed result compares with the printed plan and previous year as the
    values do, each printed figure is within 1% of its value, and a change in points printed from them is the
    values' change to two decimals."""
    from kh_excel.core.numbers import _quantize, deciding_figures
    shown = {k: _quantize(v, places[k]) for k, v in held.items()}
    exact = {k: v for k, v in held.items() if v != shown[k]}
    printed = {**shown, **deciding_figures(shown, exact, points)}
    sign = lambda a, b: (a > b) - (a < b)  # noqa: E731
    for other in ("target", "previous"):
        assert sign(printed["result"], printed[other]) == sign(held["result"], held[other])
    for k in held:
        assert abs(printed[k] - held[k]) <= held[k] / 100 or printed[k] == held[k]
    if points:
        change = _quantize(held["result"] - held["previous"], 2)
        assert printed["result"] - printed["previous"] == change or printed == held


def test_a_fraction_beside_a_ceiling_or_far_from_its_plan_is_read_as_written(tmp_path):
    """rev14 F-C: «0,95» beside a ceiling «≤ 10» was read as 95 and a met ceiling became «Không đạt» (950%); beside a
    ceiling, or where a hundred times it is not near the plan (within half to twice it), the figure is as written."""
    import openpyxl

    from kh_excel.api import read_workbook
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026"])
    ws.append([1, "Tỷ lệ trẻ em suy dinh dưỡng", "%", "≤ 10", "0,95"])
    ws.append([2, "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", "≥ 90%", "0,92"])
    ws.append([3, "Tỷ lệ hộ dùng nước sạch", "%", "≥ 30%", "0,92"])  # 92 is three times 30: as written
    wb.save(tmp_path / "f.xlsx")
    results = [i.result for i in read_workbook(str(tmp_path / "f.xlsx")).indicators]
    assert results == [D("0.95"), D("92"), D("0.92")]


def test_a_document_warns_of_a_rounded_cell_only_where_it_prints_other_digits_than_the_sheet_shows(tmp_path):
    """rev17 N-7 (gtsx ke-hoach): 15 plan cells whose format hides digits were listed under «văn bản nêu số liệu … theo
    cách chương trình đã đọc», though the document prints each as the sheet shows it: nothing in it to check. E3
    (3.600,4 shown «3.600», 3.420 against it: «không đạt» either way) is printed as shown: not listed. D2/E2 of the
    ceiling (3,5% shown «4%», 3,8% beside it) is printed 3,5%, not as shown: listed."""
    from kh_excel.core.gate import check, figure_warnings
    rows = [[1, "Tổng giá trị sản xuất", "Tỷ đồng", 3350, 3600.4, 3420, "Phòng Kinh tế"]]
    t = kh_excel.read_workbook(_formatted_book(tmp_path, rows, {"E2": "#,##0"}))
    checked = check(t)
    assert [f.cell for f in checked.findings if f.code == "shown_rounded"] == ["E2"]  # check still says it
    assert figure_warnings(checked) == [] and figure_warnings(checked, report=False) == []
    t = kh_excel.read_workbook(_formatted_book(tmp_path, [POVERTY], {"D2": "0%", "E2": "0%", "F2": "0.0%"}))
    said = figure_warnings(check(t))
    assert len(said) == 1 and "shown_rounded" in said[0] and "E2" in said[0]
