"""Excel formulas for the "% so với KH" and "Đánh giá" columns.

Where a formula can express the rule (numeric cells, a target whose bound is a
constant), the sheet gets a live formula so it follows later edits; elsewhere
(numbers stored as text, qualitative targets) it gets the computed value. The
add-in (`tinh_ty_le`) and `kh-excel attainment -o` both use this module.
Formulas are in Excel's file syntax (English function names, '.' decimals).
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Iterable, Mapping, cast

from kh_excel.core.attainment import (heading_rows, judged_by_plan_alone, judged_from_other_rows, unit_mismatch,
                                     whole_period_row, year_against_period)
from kh_excel.core.model import STATUS_LABELS, Assessment, Attainment, Finding, zero_means_unfilled
from kh_excel.core.numbers import IMPLAUSIBLE_FACTOR
from kh_excel.core.periods import progress_only
from kh_excel.core.validation import col_index, col_letter

RATIO_HEADER = "% so với KH"
STATUS_HEADER = "Đánh giá"
RATIO_NUMBER_FORMAT = "0.0"

VUOT, DAT, KHONG = (f'"{STATUS_LABELS[s]}"' for s in ("vuot", "dat", "khong_dat"))
CHUA = f'"{STATUS_LABELS["chua_co_so_lieu"]}"'
UNJUDGED = f'"{STATUS_LABELS["khong_danh_gia"]}"'
FAULT = f'"{STATUS_LABELS["so_lieu_loi"]}"'


def _num(v: Decimal) -> str:
    s = format(v.normalize(), "f")
    return s


def _is_percent(reading: Any) -> bool:
    return bool(reading is not None and getattr(reading, "percent", False) and not reading.was_text)


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float, Decimal)) and not isinstance(v, bool)


def _fault_conditions(a: Assessment, columns: dict[str, int], failures: Iterable[Finding]) -> list[str] | None:
    """Excel conditions, true while a check that failed on this row still fails (so the status
    follows the user's fix); None when one of them cannot be written as a formula."""
    ind = a.indicator
    by_col = {c: role for role, c in columns.items()}
    out: list[str] = []
    for f in failures:
        role = by_col.get(col_index(f.cell))
        pct = role is not None and _is_percent(_number_reading(ind, role))
        hundred = "1" if pct else "100"
        if f.code == "excel_error":
            out.append(f"ISERROR({f.cell})")
        elif f.code == "share_out_of_range":
            out.append(f"OR({f.cell}<0,{f.cell}>{hundred})")
        elif f.code == "structure_sum" and ":" in str(f.params.get("cells", "")):
            out.append(f'ABS(SUM({f.params["cells"]})-{hundred})>{"0.001" if pct else "0.1"}')
        else:
            return None
    return out


def _number_reading(ind, role: str) -> Any:
    reading = ind.readings.get(role)
    return getattr(reading, "number", reading) if role == "target" else reading


def sheet_cells(att: Attainment, tolerance: Decimal = Decimal(2),
                failures: Mapping[int, Iterable[Finding]] | None = None) -> dict[int, tuple[Any, Any]]:
    """Sheet row -> (ratio cell, status cell) for every assessed row: what `attainment -o` and the add-in both
    write, so they write the same."""
    t = att.table
    failures = failures or {}
    progress = progress_only(t)  # a part of the year against the year's plan: values, never a judging formula
    period = year_against_period(t) is not None
    heads = heading_rows(att)  # a heading over its parts: no verdict of its own, blank as in the documents
    return {a.indicator.row: (None, None) if a.indicator.row in heads else
            attainment_cells(a, t.columns, tolerance, failures.get(a.indicator.row, ()), progress, period)
            for a in att.assessments}


def attainment_cells(a: Assessment, columns: dict[str, int], tolerance: Decimal = Decimal(2),
                     failures: Iterable[Finding] = (), progress: bool = False, period: bool = False) -> tuple[Any, Any]:
    """(ratio cell, status cell) for one row: a formula string "=…" or a value.

    A formula only where it gives the core's verdict for every figure typed in the result cell
    (core.attainment.judged_by_plan_alone: a point plan or a bound judged against the plan); any other row
    (an index against a rise, a growth target, points, a rank, words, …) gets the core's ratio and status as values.

    `progress`: the table's result is a part of the year against the year's plan (core.periods.progress_only):
    no formula, which would judge a figure typed later, only the values as computed now. `period`: the plan is a
    period's goal beside one year's result (core.attainment.year_against_period): a row that is the period's as a
    whole is never judged, so it gets values too.

    `failures`: the error findings that make this row «Số liệu lỗi» (core.gate); the formula
    says «Số liệu lỗi» while they still hold, and so does any error value in the result cell."""
    ind = a.indicator
    guards: list[str] = []
    if a.status == "so_lieu_loi":
        conditions = _fault_conditions(a, columns, failures)
        if not conditions:
            return None, a.status_label  # a failure no formula can follow: the status as computed now
        guards = conditions
    literal_ratio = float(round(a.ratio, 4)) if a.ratio is not None else None
    literal = (literal_ratio, a.status_label)
    t = ind.target
    if "result" not in columns or (a.status == "khong_danh_gia" and not unit_mismatch(a)) \
            or judged_from_other_rows(a) or progress \
            or not judged_by_plan_alone(ind) or (period and whole_period_row(ind)):
        return literal  # judged by another rule for some figures, or by other rows: no formula over this row's cells
    raw_r = ind.raw.get("result")
    raw_t = ind.raw.get("target")
    blank_result = raw_r is None or (isinstance(raw_r, str) and not raw_r.strip())
    if not (_is_number(raw_r) or blank_result):
        return literal  # a number stored as text or an error: keep the computed value
    r = f"{col_letter(columns['result'])}{ind.row}"
    guards = [f"ISERROR({r})", *(g for g in guards if g != f"ISERROR({r})")]
    # A percentage-formatted result cell holds fractions (0,953 shown as 95,3%): constants follow it.
    r_pct = _is_percent(ind.readings.get("result"))
    t_reading = ind.readings.get("target")
    t_pct = _is_percent(getattr(t_reading, "number", None))
    scale = Decimal("0.01") if r_pct else Decimal(1)
    if t.op == "=" and _is_number(raw_t):
        if t_pct != r_pct and not blank_result:
            return literal  # one cell holds a fraction, the other a percent figure
        v = f"{col_letter(columns['target'])}{ind.row}"
    else:
        v = _num(cast(Decimal, t.value) * scale)  # (a plan judged alone: numeric)
    d = ind.direction
    basis = v
    if t.op == "range" and d == "down" and t.high is not None:
        basis = _num(t.high * scale)
    fault = guards[0] if len(guards) == 1 else f"OR({','.join(guards)})"
    unfilled_zero = zero_means_unfilled(ind)  # a 0 against a positive plan is a cell not filled yet
    counted = f"AND(ISNUMBER({r}),{r}<>0)" if unfilled_zero else f"ISNUMBER({r})"
    # ≥ IMPLAUSIBLE_FACTOR times the plan, or ≤ its inverse: a unit mismatch, no ratio and «Không đánh giá» (core)
    k = _num(Decimal(IMPLAUSIBLE_FACTOR))
    constant = basis != f"{col_letter(columns['target'])}{ind.row}" if "target" in columns else True
    positive = [] if constant else [f"{basis}>0"]  # a plan cell the user may change; a constant is known here
    far = f'AND({",".join([f"{r}>0", *positive, f"OR({r}>={basis}*{k},{r}*{k}<={basis})"])})'
    if constant and Decimal(basis) <= 0:  # no ratio to a plan of 0 or below (core), nor a mismatch
        far, ratio = "FALSE", None
    else:
        counted = f"AND({counted},{basis}>0)" if positive else counted
        ratio = f'=IF({fault},"",IF({counted},IF({far},"",IFERROR({r}/{basis}*100,"")),""))'
    good = "<" if d == "down" else ">"
    if t.op == "=":
        if d == "about":
            cond = f'IF(ABS({r}-{v})<=ABS({v})*{_num(tolerance)}/100,{DAT},{KHONG})'
        else:
            cond = f'IF({r}{good}{v},{VUOT},IF({r}={v},{DAT},{KHONG}))'
    elif t.op in (">", ">=", "<", "<="):
        cond = f'IF({r}{t.op}{v},{DAT},{KHONG})'
    elif t.op == "~":
        within = f'ABS({r}-{v})<=ABS({v})*{_num(tolerance)}/100'
        if d == "about":
            cond = f'IF({within},{DAT},{KHONG})'
        else:
            cond = f'IF({within},{DAT},IF({r}{good}{v},{VUOT},{KHONG}))'
    elif t.op == "range" and t.high is not None:
        lo, hi = _num(cast(Decimal, t.value) * scale), _num(t.high * scale)
        inside = f'AND({r}>={lo},{r}<={hi})'
        if d == "about":
            cond = f'IF({inside},{DAT},{KHONG})'
        elif d == "down":
            cond = f'IF({inside},{DAT},IF({r}<{lo},{VUOT},{KHONG}))'
        else:
            cond = f'IF({inside},{DAT},IF({r}>{hi},{VUOT},{KHONG}))'
    else:
        return literal
    if far != "FALSE":
        cond = f'IF({far},{UNJUDGED},{cond})'
    if unfilled_zero:
        cond = f'IF({r}=0,{CHUA},{cond})'
    status = f'=IF({fault},{FAULT},IF(ISNUMBER({r}),{cond},{CHUA}))'
    return ratio, status


# --------------------------------------------------------------------------- where the two columns go

Merge = tuple[int, int, int, int]  # 1-based, inclusive: (first row, first column, last row, last column)


def merge_in_the_way(merges: Iterable[Merge], header_rows: list[int], last_row: int) -> Any:
    """For `output_columns`: column -> the first cell («I7») of a merge that a write into that column
    on rows header_rows[0]…last_row would go through, or None. A merge within one column and within
    the header rows is no obstacle: only its top cell is written (the header's own, as `attainment -o`
    merges a two-row header)."""
    top = header_rows[0] if header_rows else last_row
    in_the_way: dict[int, str] = {}
    for r1, c1, r2, c2 in merges:
        if r2 < top or r1 > last_row or (r1 == r2 and c1 == c2):
            continue
        if c1 == c2 and header_rows and r1 >= top and r2 <= header_rows[-1]:
            continue
        for c in range(c1, c2 + 1):
            cell = f"{col_letter(c - 1)}{max(r1, top)}"
            in_the_way.setdefault(c, cell)
    return in_the_way.get


class MergedInTheWay(Exception):
    """The existing "% so với KH" pair is crossed by a merged range: refreshing it would write
    through part of a merged cell (Excel refuses, openpyxl cannot). `cell` names it."""

    def __init__(self, cell: str):
        super().__init__(cell)
        self.cell = cell


def merged_in_the_way_message(sheet: str, cell: str) -> str:
    return (f"Cột «{RATIO_HEADER}» và «{STATUS_HEADER}» đã có trên trang «{sheet}» nhưng ô {cell} nằm trong một vùng ô "
            "gộp nên không ghi lại được vào đó. Hãy bỏ gộp ô đó (hoặc xóa hai cột này) rồi tính lại.")


def output_columns(value, header_rows: list[int], last_row: int, table_last: int, merged=lambda c: None) -> int:
    """The 1-based column of "% so với KH" ("Đánh giá" is the next one), shared by the add-in and
    `attainment -o` so they write in the same place.

    `value(r, c)` is a cell's value (1-based); `merged(c)` the first cell of a merge a write into
    column c would go through (see `merge_in_the_way`), None where there is none or it is not known.
    An existing pair (the two headers side by side on a header row) is refreshed, or refused with
    MergedInTheWay; else the first two columns right of the table (`table_last`, 1-based) that are
    empty on every row written and not crossed by a merge: a section title merged wider than the
    table, or a header merged over a column of the user's, is stepped past, never written through."""
    from kh_excel.core.text import fold

    want_r, want_s = fold(RATIO_HEADER), fold(STATUS_HEADER)
    top = header_rows[0]
    for r in header_rows:
        c = 1
        # a few hundred columns past the table is far past any real sheet
        while c <= table_last + 400:
            v = value(r, c)
            if isinstance(v, str) and fold(v) == want_r:
                nxt = value(r, c + 1)
                if isinstance(nxt, str) and fold(nxt) == want_s:
                    cell = merged(c) or merged(c + 1)
                    if cell:
                        raise MergedInTheWay(cell)
                    return c
            c += 1

    def free(c: int) -> bool:  # values first: asking for merges may cost an engine call
        return (all(v is None or (isinstance(v, str) and not v.strip()) for v in (value(r, c) for r in range(top, last_row + 1)))
                and not merged(c))

    c = table_last + 1
    while not (free(c) and free(c + 1)):
        c += 1
    return c
