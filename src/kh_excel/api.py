"""The public reading API: a workbook (file or already-read values) into a Table."""
from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

from kh_excel.core.model import Grid, Table, without_gc
from kh_excel.core.table import PEEK_ROWS, GroupAmbiguous, GroupNotFound, HeaderNotFound, holds_table, parse_grid
from kh_excel.io.workbook import ChoiceAmbiguous, ChoiceNotFound, WorkbookError, open_workbook

# Sheets the program writes itself (exact names, or the "_kh_excel" prefix of hidden ones).
OWN_SHEETS = ("Cấu hình văn bản", "Kết quả kiểm tra", "Tổng hợp", "Kết quả tổng hợp")


def _is_own(name: str) -> bool:
    return name in OWN_SHEETS or name.startswith("_kh_excel")


def header_message(exc: HeaderNotFound) -> str:
    from kh_excel.core.validation import COLUMN_NAMES
    found = ", ".join(f"{COLUMN_NAMES.get(k, k)} («{v}»)" for k, v in exc.found.items()) or "không có"
    missing = ", ".join(COLUMN_NAMES.get(k, k) for k in exc.missing) or "không"
    return (f"không nhận ra tiêu đề bảng chỉ tiêu ở trang «{exc.sheet}». Cột đã nhận ra: {found}; "
            f"cột còn thiếu: {missing}. Bảng cần ít nhất cột «Chỉ tiêu» và cột «Kế hoạch».")


@without_gc
def read_workbook(source: str | os.PathLike | Grid | list[Grid], sheet: str | None = None,
                  file: str | None = None, group: str | None = None, period: str | None = None,
                  plan: bool = False) -> Table:
    """Read the indicator table from a file path, a Grid, or Grids of a workbook's sheets.

    With no sheet named, the first sheet holding a recognisable table is taken, trying the sheet
    that was active when the file was saved first. `group` and `period` choose the column group
    (Toàn huyện, a commune …) and period (6 tháng, cả năm) the figures are read from. Raises
    WorkbookError (Vietnamese message naming the file) when there is no table, or when
    `group`/`period` matches nothing (the message lists what there is) or several columns (ChoiceAmbiguous,
    naming each: core.table.match_choice). `plan`: read for a plan document (docs.kinds, not a report): the plan is
    the latest year the table plans («Kế hoạch năm 2026» beside «Ước thực hiện năm 2025»).
    """
    if isinstance(source, Grid):
        source = [source]
    if isinstance(source, list):
        name = file or ""
        grids = {g.sheet: (lambda g=g: g) for g in source}
        order = [g.sheet for g in source]
    else:
        path = Path(source)
        name = file or str(source)
        book = open_workbook(path)
        order = book.sheet_names
        grids = {s: (lambda s=s: book.grid(s)) for s in order}
    if sheet is not None:
        if sheet not in grids:
            raise ChoiceNotFound(name, f"không có trang «{sheet}»; các trang hiện có: {', '.join(order)}.")
        candidates = [sheet]
    else:
        mine = [s for s in order if not _is_own(s)] or order
        # A file: the active sheet, other visible sheets, hidden ones last; Grids: in the order given.
        candidates = mine if isinstance(source, list) else book.reading_order(mine)
    first_error: HeaderNotFound | None = None
    empty_table: Table | None = None
    formula_note = ""
    for s in candidates:
        grid = grids[s]()
        if not any(any(v not in (None, "") for v in row) for row in grid.rows):
            if sheet is not None or len(candidates) == 1:
                raise WorkbookError(name, f"trang «{s}» không có dữ liệu.")
            continue
        try:
            table = parse_grid(grid, file=name, group=group or None, period=period or None, latest_plan=plan)
        except GroupAmbiguous as exc:
            raise ChoiceAmbiguous(name, str(exc)) from None
        except GroupNotFound as exc:
            raise ChoiceNotFound(name, str(exc)) from None
        except HeaderNotFound as exc:
            first_error = first_error or exc
            if grid.uncached and grid.recalc_failure and not formula_note:
                from kh_excel.core.validation import cell_list
                formula_note = (f" Trang «{s}» có ô công thức không kèm giá trị tính sẵn ({cell_list(grid.uncached)}) "
                                f"mà chương trình không tính được ({grid.recalc_failure}): "
                                "hãy mở tệp bằng Excel rồi lưu lại.")
            continue
        from kh_excel.core.table import footnote_findings, plan_findings
        table.reader_findings.extend(plan_findings(table))  # which plan was taken among several, and why
        table.reader_findings.extend(footnote_findings(table))  # a mark with no note under the table
        if grid.uncached:
            from kh_excel.core.validation import formula_findings
            table.reader_findings.extend(formula_findings(grid.sheet, grid.uncached, grid.recalc_failure))
        if table.indicators or sheet is not None:
            if len(order) > 1:
                if isinstance(source, list):
                    shown = {g.sheet: g for g in source if not g.hidden}
                    others = [o for o in order if o != s and o in shown and not _is_own(o)]
                    sheets_not_read(table, others, lambda o: holds_table(shown[o]))
                else:
                    others = [o for o in order if o != s and not _is_own(o) and not book.is_hidden(o)]
                    sheets_not_read(table, others, lambda o: holds_table(Grid(sheet=o, rows=book.head(o, PEEK_ROWS))))
            if RECORD_SHEET in grids and table.indicators:  # a copy `kx collect` merged: its conflicts still open
                name_open_conflicts(table, grids[RECORD_SHEET]().rows if isinstance(source, list)
                                    else book.values(RECORD_SHEET))
            return table
        empty_table = empty_table or table  # a header with no rows (a blank form): keep looking
    if empty_table is not None:
        return empty_table
    if first_error is None:
        raise WorkbookError(name, "bảng tính không có dữ liệu.")
    raise WorkbookError(name, header_message(first_error) + formula_note)


# The record `kx collect` keeps in a merged copy (collect.merge.SOURCE_SHEET, hidden): read here for the conflicts
# it keeps open, so that every command that reads the copy names them.
RECORD_SHEET = "_kh_excel_nguon_so_lieu"


def name_open_conflicts(table: Table, lines: list) -> None:
    """A warning per row whose figures the co-lead agencies still dispute in the record of a merged copy (`lines`:
    RECORD_SHEET's rows; collect.merge.open_conflicts), at its result cell: core.gate.check states none of them. An
    unreadable record warns of nothing, as collect reads it. The add-in, reading one sheet, calls it too."""
    from kh_excel.collect.merge import open_conflicts
    from kh_excel.core.validation import make_finding
    try:
        found = open_conflicts(table, lines)
    except Exception:  # an untrusted hidden sheet: never a reason not to read the table
        return
    col = table.columns.get("result")
    for c in found:
        table.reader_findings.append(make_finding(
            "collect_conflict_open", table.sheet, c["row"] - 1, col, c["name"], agencies=", ".join(c["agencies"]),
            figures="; ".join(c["figures"])))


# «Biểu 01 (tiếp)», «Biểu 01 (tiếp theo)», «Biểu 01 (TT)», «Biểu 01 tiep»: the words that make a sheet's name a
# continuation's, and what is left of it (the table's own name)
_CONTINUED = re.compile(r"[\s(\[-]*\b(?:tiep theo|tiep|tt)\b[\s)\].]*$")
_CONTINUED_FIRST = re.compile(r"^(?:tiep theo|tiep)\b[\s:.-]*")  # «Tiếp biểu 01», «Tiếp theo Biểu 01»
SHEETS_NAMED = 12  # sheets the warning names one by one; more are counted


def sheets_not_read(table: Table, others: list[str], holds: Callable[[str], bool]) -> None:
    """Every other visible sheet that holds an indicator table (`holds`: header detection only), or is named as the
    continuation of the sheet read («Biểu 01» → «Biểu 01 (tiếp)», which may have no header of its own), is named in
    a warning, in check and beside every document: a workbook keeping its indicators on several sheets («Biểu 01-KT»,
    «Biểu 02-XH») or one table per commune is reported from one sheet, never unawares. Not refused: one table per
    commune is common. The program's own sheets and hidden ones are not named; a sheet chosen (--sheet) is told too."""
    from kh_excel.core.text import fold, fold_words
    from kh_excel.core.validation import make_finding
    read = fold_words(table.sheet)
    named, sheets = [], []
    for o in others:
        name = fold(o)
        rest = _CONTINUED.sub("", name) if _CONTINUED.search(name) else _CONTINUED_FIRST.sub("", name, count=1)
        continued = rest != name and fold_words(rest) == read
        if continued or holds(o):
            named.append(f"«{o}» (phần tiếp của bảng này)" if continued else f"«{o}»")
            sheets.append(o)
    if named:
        shown = ", ".join(named[:SHEETS_NAMED]) + (f" và {len(named) - SHEETS_NAMED} trang khác"
                                                    if len(named) > SHEETS_NAMED else "")
        table.reader_findings.append(make_finding("sheets_not_read", table.sheet, None, None, others=shown,
                                                  chosen=table.sheet, example=sheets[0]))
