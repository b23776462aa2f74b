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
