"""`kh-excel attainment -o`: a copy of the workbook with "% so với KH" and "Đánh giá" columns.

The input is never modified: it is loaded, changed in memory and saved to a
new file atomically. openpyxl is used because the new cells must be styled
like the table (borders, font) and the copy must keep the user's formatting.
"""
from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import Path

from kh_excel.core.formulas import RATIO_HEADER, RATIO_NUMBER_FORMAT, STATUS_HEADER, attainment_cells
from kh_excel.core.model import Attainment
from kh_excel.io.atomic import check_output, write_atomic
from kh_excel.io.workbook import WorkbookError, open_workbook


def _load(src: Path):
    import openpyxl
    suffix = src.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        try:
            return openpyxl.load_workbook(src, keep_vba=suffix == ".xlsm")
        except Exception as exc:
            raise WorkbookError(src, f"không mở được bằng openpyxl ({type(exc).__name__}).") from None
    # .xls / .ods: rebuild the sheets from their values (formatting cannot be carried over).
    book = open_workbook(src)
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name in book.sheet_names:
        grid = book.grid(name)
        ws = wb.create_sheet(name[:31])
        for row in grid.rows:
            ws.append([str(v) if v.__class__.__name__ == "ErrorValue" else v for v in row])
        for r1, c1, r2, c2 in grid.merged:
            ws.merge_cells(start_row=r1 + 1, start_column=c1 + 1, end_row=r2 + 1, end_column=c2 + 1)
    return wb


def output_columns(ws, att: Attainment) -> tuple[int, int]:
    """1-based columns for ratio and status: existing ones refreshed, else the first free pair beside the table."""
    t = att.table
    header_row = t.header_rows[0]
    for c in range(1, ws.max_column + 1):
        v = ws.cell(header_row, c).value
        if isinstance(v, str) and v.strip() == RATIO_HEADER:
            return c, c + 1
    last = max(t.columns.values()) + 1  # 0-based -> 1-based last table column
    rows = range(header_row, t.last_data_row + 1)

    def free(c: int) -> bool:
        return all(ws.cell(r, c).value in (None, "") for r in rows)

    c = last + 1
    while not (free(c) and free(c + 1)):
        c += 1
    return c, c + 1


def write_attainment_copy(src: str | Path, out: str | Path, att: Attainment, tolerance: Decimal = Decimal(2)) -> Path:
    src, out = Path(src), Path(out)
    check_output(out, [src])  # before any work: never onto the workbook, a folder or a device
    wb = _load(src)
    ws = wb[att.table.sheet]
    t = att.table
    rc, sc = output_columns(ws, att)
    last_col = max(t.columns.values()) + 1
    header_row = t.header_rows[0]

    def style_from(src_cell, dst_cell):
        if src_cell.has_style:
            dst_cell.font = copy.copy(src_cell.font)
            dst_cell.border = copy.copy(src_cell.border)
            dst_cell.fill = copy.copy(src_cell.fill)
            dst_cell.alignment = copy.copy(src_cell.alignment)

    for hr in t.header_rows:
        for col, text in ((rc, RATIO_HEADER), (sc, STATUS_HEADER)):
            cell = ws.cell(hr, col)
            style_from(ws.cell(hr, last_col), cell)
            if hr == header_row:
                cell.value = text
    number_row = t.header_rows[-1] if len(t.header_rows) > 1 else None
    if number_row is not None:
        left = ws.cell(number_row, last_col).value
        if isinstance(left, str) and left.strip().startswith("("):
            try:
                n = int(left.strip("() "))
                ws.cell(number_row, rc).value = f"({n + 1})"
                ws.cell(number_row, sc).value = f"({n + 2})"
            except ValueError:
                pass
    if len(t.header_rows) > 1 and t.header_rows[1] != number_row:
        for col in (rc, sc):
            ws.merge_cells(start_row=header_row, start_column=col, end_row=t.header_rows[1], end_column=col)
    by_row = {a.indicator.row: a for a in att.assessments}
    for r in range(t.first_data_row, t.last_data_row + 1):
        ref = ws.cell(r, last_col)
        for col in (rc, sc):
            style_from(ref, ws.cell(r, col))
        a = by_row.get(r)
        if a is None:
            ws.cell(r, rc).value = None
            ws.cell(r, sc).value = None
            continue
        ratio, status = attainment_cells(a, t.columns, tolerance)
        ws.cell(r, rc).value = ratio
        ws.cell(r, rc).number_format = RATIO_NUMBER_FORMAT
        ws.cell(r, sc).value = status
    ws.column_dimensions[ws.cell(1, rc).column_letter].width = 11
    ws.column_dimensions[ws.cell(1, sc).column_letter].width = 16
    suffix = ".xlsm" if src.suffix.lower() == ".xlsm" and out.suffix.lower() == ".xlsm" else out.suffix
    return write_atomic(out.with_suffix(suffix), lambda p: wb.save(p), inputs=[src])
