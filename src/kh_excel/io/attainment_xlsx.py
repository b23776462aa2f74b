"""`kh-excel attainment -o`: a copy of the workbook with "% so với KH" and "Đánh giá" columns.

The input is never modified: it is loaded, changed in memory and saved to a
new file atomically. openpyxl is used because the new cells must be styled
like the table (borders, font) and the copy must keep the user's formatting.
"""
from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import Path

from openpyxl.worksheet.properties import PageSetupProperties

from kh_excel.core.formulas import (RATIO_HEADER, RATIO_NUMBER_FORMAT, STATUS_HEADER, MergedInTheWay, merge_in_the_way,
                                    merged_in_the_way_message, sheet_cells)
from kh_excel.core.formulas import output_columns as pick_columns
from kh_excel.core.model import Attainment
from kh_excel.core.periods import progress_only
from kh_excel.io.atomic import OutputRefused, check_output, write_atomic
from kh_excel.io.workbook import load_for_copy, open_workbook
from kh_excel.io.xstring import escaped


def _load(src: Path, keep_vba: bool = False):
    import openpyxl
    suffix = src.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return load_for_copy(src, keep_vba=keep_vba and suffix == ".xlsm")
    # .xls / .ods: rebuild the sheets from their values (formatting cannot be carried over).
    book = open_workbook(src)
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name in book.sheet_names:
        grid = book.grid(name)
        ws = wb.create_sheet(name[:31])
        for row in grid.rows:
            # (texts as read, escaped again as an .xlsx stores them: a note «…_x0041_…» stays that, never «A»)
            ws.append([str(v) if v.__class__.__name__ == "ErrorValue" else escaped(v) for v in row])
        for r1, c1, r2, c2 in grid.merged:
            ws.merge_cells(start_row=r1 + 1, start_column=c1 + 1, end_row=r2 + 1, end_column=c2 + 1)
    return wb


def output_columns(ws, att: Attainment) -> tuple[int, int]:
    """1-based columns for ratio and status, picked as the add-in picks them (core.formulas), with
    the sheet's merged ranges: existing ones refreshed, else the first free pair beside the table
    that no merge crosses. Raises UserError naming the sheet and cell when the existing pair is
    crossed by a merge."""
    from kh_excel.errors import UserError

    t = att.table
    top, last = t.header_rows[0], t.last_data_row
    # values read once, without ws.cell() (which would create cells far right of the sheet)
    rows = [list(r) for r in ws.iter_rows(min_row=top, max_row=max(top, last), values_only=True)]

    def value(r: int, c: int):
        row = rows[r - top] if 0 <= r - top < len(rows) else ()
        return row[c - 1] if c - 1 < len(row) else None

    merges = [(m.min_row, m.min_col, m.max_row, m.max_col) for m in ws.merged_cells.ranges]
    try:
        c = pick_columns(value, t.header_rows, last, max(t.columns.values()) + 1,
                         merge_in_the_way(merges, t.header_rows, last))
    except MergedInTheWay as exc:
        raise UserError(merged_in_the_way_message(t.sheet, exc.cell), where=f"Tệp «{t.file}»") from None
    return c, c + 1


OUTPUT_SUFFIXES = (".xlsx", ".xlsm")

# The status column's colours, as conditional formatting: they follow the formula when a number
# is edited. Excel's own "Good" / "Bad" / "Neutral" cell styles.
STATUS_STYLE: dict[str, tuple[str, str, bool]] = {  # status -> (fill, font colour, bold)
    "vuot": ("C6EFCE", "006100", True),
    "dat": ("C6EFCE", "006100", False),
    "khong_dat": ("FFC7CE", "9C0006", False),
    "chua_co_so_lieu": ("FFEB9C", "9C5700", False),
    "so_lieu_loi": ("FFC7CE", "9C0006", True),
}


def check_output_name(out: str | Path) -> None:
    """`-o` names an Excel workbook (as `render` insists on .docx)."""
    out = Path(out)
    if out.suffix.lower() not in OUTPUT_SUFFIXES:
        raise OutputRefused(out, f"tệp kết quả phải có đuôi .xlsx hoặc .xlsm (đang là «{out.name}»).")


def _row_style_source(ws, r: int, columns: list[int], fallback):
    """A cell of row r that carries the row's own style: not inside a merge (a merged cell's border
    and font live on its top-left cell), the result column first."""
    from openpyxl.cell.cell import MergedCell
    for c in columns:
        cell = ws.cell(r, c)
        if not isinstance(cell, MergedCell) and cell.has_style:
            return cell
    return fallback


def _extend_title_merges(ws, last_col: int, new_last: int, header_row: int) -> None:
    """Title rows merged across the table's width now reach the new columns, so they stay centred over all."""
    for rng in list(ws.merged_cells.ranges):
        if rng.max_row < header_row and rng.max_col == last_col and rng.min_col <= 2:
            bounds = (rng.min_row, rng.min_col, rng.max_row, new_last)
            ws.unmerge_cells(str(rng))
            ws.merge_cells(start_row=bounds[0], start_column=bounds[1], end_row=bounds[2], end_column=bounds[3])


def _extend_print_area(ws, new_last: int) -> None:
    from openpyxl.utils import get_column_letter, range_boundaries
    area = ws.print_area
    if not area:
        return
    parts = []
    for piece in str(area).split(","):
        ref = piece.split("!")[-1].replace("$", "")
        try:
            c1, r1, c2, r2 = range_boundaries(ref)
        except ValueError:
            return
        if c2 is not None and c2 < new_last:
            c2 = new_last
        parts.append(f"{get_column_letter(c1)}{r1 or ''}:{get_column_letter(c2)}{r2 or ''}")
    ws.print_area = ",".join(parts)


# Widest sheet (in Excel's character widths, A to the status column) printed on one page's width:
# about half scale on landscape A4. A wider one keeps its pages and repeats the names at the left.
FIT_WIDTH_CHARS = 260


def _print_with_names(ws, t, last_col: int) -> None:
    """The new columns print beside the indicator names (on a page of their own they would say
    nothing): the sheet fits its width when that stays readable, else the STT and name columns
    repeat on every page; the header repeats too. A sheet already set to fit keeps its own setup."""
    from openpyxl.utils import get_column_letter
    props = ws.sheet_properties.pageSetUpPr
    if props is not None and props.fitToPage:
        return
    if not ws.print_title_rows and t.header_rows:
        ws.print_title_rows = f"{t.header_rows[0]}:{t.header_rows[-1]}"
    width = 0.0
    for c in range(1, last_col + 1):
        dim = ws.column_dimensions.get(get_column_letter(c))
        width += 0 if dim is not None and dim.hidden else (dim.width if dim is not None and dim.width else 8.43)
    if width > FIT_WIDTH_CHARS:
        if not ws.print_title_cols and "name" in t.columns:
            first = min(t.columns.get("stt", t.columns["name"]), t.columns["name"])
            ws.print_title_cols = f"{get_column_letter(first + 1)}:{get_column_letter(t.columns['name'] + 1)}"
        return
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    if not ws.page_setup.orientation:
        ws.page_setup.orientation = "landscape"


def _status_formatting(ws, sc: int, first: int, last: int) -> None:
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    from kh_excel.core.model import STATUS_LABELS
    col = get_column_letter(sc)
    for status, (fill, colour, bold) in STATUS_STYLE.items():
        rule = CellIsRule(operator="equal", formula=[f'"{STATUS_LABELS[status]}"'],
                          fill=PatternFill(start_color=fill, end_color=fill, fill_type="solid"),
                          font=Font(color=colour, bold=bold))
        ws.conditional_formatting.add(f"{col}{first}:{col}{last}", rule)


NOTE_AUTHOR = "kh-excel"


def _reason_note(cell, status, reason: str, progress: bool) -> None:
    """A status written as a value (the row is judged by a rule no formula reproduces: an index against a rise, a
    growth target, points, …) carries the core's reason as a note, and says an edit needs a new run; a formula's
    cell loses a note of ours left by an earlier run."""
    from openpyxl.comments import Comment
    formula = isinstance(status, str) and status.startswith("=")
    if formula or progress or not reason or status is None:
        if cell.comment is not None and cell.comment.author == NOTE_AUTHOR:
            cell.comment = None
        return
    note = Comment(escaped(f"{status}: {reason}.\nGiá trị do chương trình tính (không phải công thức): sửa số liệu "
                           "thì tính lại."), NOTE_AUTHOR)
    note.width, note.height = 320, 120
    cell.comment = note


def write_attainment_copy(src: str | Path, out: str | Path, att: Attainment, tolerance: Decimal = Decimal(2),
                          findings: list | None = None) -> Path:
    """The copy with the two columns; `findings` (the table's check) make failed rows «Số liệu lỗi»
    by formulas that follow the user's fix."""
    from openpyxl.cell.cell import MergedCell
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    from kh_excel.core.gate import failures_by_row

    src, out = Path(src), Path(out)
    check_output(out, [src])  # before any work: never onto the workbook, a folder or a device
    check_output_name(out)
    if out.suffix.lower() == ".xlsm" and src.suffix.lower() != ".xlsm":
        raise OutputRefused(out, "tệp kết quả .xlsm chỉ dùng khi tệp đầu vào là .xlsm (có macro); hãy dùng đuôi .xlsx.")
    wb = _load(src, keep_vba=out.suffix.lower() == ".xlsm")
    ws = wb[att.table.sheet]
    t = att.table
    failures = failures_by_row(t, findings or [])
    rc, sc = output_columns(ws, att)
    last_col = max(t.columns.values()) + 1
    header_row = t.header_rows[0]
    # where a row's own style is: its figures first, then the other columns of the table
    own = [t.columns[r] + 1 for r in ("result", "target", "unit", "name") if r in t.columns]
    own += [c + 1 for c in sorted(t.columns.values()) if c + 1 not in own]

    def style_from(src_cell, dst_cell):
        if src_cell is not None and src_cell.has_style:
            dst_cell.font = copy.copy(src_cell.font)
            dst_cell.border = copy.copy(src_cell.border)
            dst_cell.fill = copy.copy(src_cell.fill)
            dst_cell.alignment = copy.copy(src_cell.alignment)

    for hr in t.header_rows:
        for col, text in ((rc, RATIO_HEADER), (sc, STATUS_HEADER)):
            cell = ws.cell(hr, col)
            style_from(_row_style_source(ws, hr, [last_col] + own, None), cell)
            if hr == header_row:
                cell.value = text
    number_row = t.header_rows[-1] if len(t.header_rows) > 1 else None
    if number_row is not None:
        left = ws.cell(number_row, last_col).value
        if isinstance(left, str) and left.strip().startswith("("):
            try:
                n = int(left.strip("() "))
                for col, label in ((rc, f"({n + 1})"), (sc, f"({n + 2})")):
                    if not isinstance(ws.cell(number_row, col), MergedCell):  # a header merged down over it
                        ws.cell(number_row, col).value = label
            except ValueError:
                pass
    if len(t.header_rows) > 1 and t.header_rows[1] != number_row:
        for col in (rc, sc):
            ws.merge_cells(start_row=header_row, start_column=col, end_row=t.header_rows[1], end_column=col)
    by_row = sheet_cells(att, tolerance, failures)  # formulas only where they follow the core's rule (core.formulas)
    why = {a.indicator.row: a.reason for a in att.assessments}
    progress = progress_only(t)  # every row a value for one reason the summary states: no note on each
    previous = None
    for r in range(t.first_data_row, t.last_data_row + 1):
        ref = _row_style_source(ws, r, own, previous)
        previous = ref
        for col in (rc, sc):
            style_from(ref, ws.cell(r, col))
        ws.cell(r, sc).alignment = Alignment(horizontal="center", vertical=ws.cell(r, sc).alignment.vertical,
                                             wrap_text=True)
        if r not in by_row:
            ws.cell(r, rc).value = None
            ws.cell(r, sc).value = None
            continue
        ratio, status = by_row[r]
        _reason_note(ws.cell(r, sc), status, why.get(r, ""), progress)
        ws.cell(r, rc).value = ratio
        ws.cell(r, rc).number_format = RATIO_NUMBER_FORMAT
        ws.cell(r, sc).value = status
    if t.last_data_row >= t.first_data_row:
        _status_formatting(ws, sc, t.first_data_row, t.last_data_row)
    _extend_title_merges(ws, last_col, sc, header_row)
    _extend_print_area(ws, sc)
    _print_with_names(ws, t, sc)
    ws.column_dimensions[get_column_letter(rc)].width = 11
    ws.column_dimensions[get_column_letter(sc)].width = 16
    return write_atomic(out, lambda p: wb.save(p), inputs=[src])
