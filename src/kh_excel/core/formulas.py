"""Excel formulas for the "% so với KH" and "Đánh giá" columns.

Where a formula can express the rule (numeric cells, a target whose bound is a
constant), the sheet gets a live formula so it follows later edits; elsewhere
(numbers stored as text, qualitative targets) it gets the computed value. The
add-in (`tinh_ty_le`) and `kh-excel attainment -o` both use this module.
Formulas are in Excel's file syntax (English function names, '.' decimals).
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Iterable

from kh_excel.core.attainment import judged_from_other_rows
from kh_excel.core.model import STATUS_LABELS, Assessment, Finding, zero_means_unfilled
from kh_excel.core.validation import col_index, col_letter

RATIO_HEADER = "% so với KH"
STATUS_HEADER = "Đánh giá"
RATIO_NUMBER_FORMAT = "0.0"

VUOT, DAT, KHONG = (f'"{STATUS_LABELS[s]}"' for s in ("vuot", "dat", "khong_dat"))
CHUA = f'"{STATUS_LABELS["chua_co_so_lieu"]}"'
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


def attainment_cells(a: Assessment, columns: dict[str, int], tolerance: Decimal = Decimal(2),
                     failures: Iterable[Finding] = ()) -> tuple[Any, Any]:
    """(ratio cell, status cell) for one row: a formula string "=…" or a value.

    `failures`: the error findings that make this row «Số liệu lỗi» (core.gate); the formula
    says «Số liệu lỗi» while they still hold, and so does any error value in the result cell."""
    ind = a.indicator
    guards: list[str] = []
    if a.status == "so_lieu_loi":
        conditions = _fault_conditions(a, columns, failures)
        if not conditions:
            return None, a.status_label  # a failure no formula can follow: the status as computed now
    literal_ratio = float(round(a.ratio, 4)) if a.ratio is not None else None
    literal = (literal_ratio, a.status_label)
    t = ind.target
    if not t.is_numeric or "result" not in columns or ind.growth_target or a.status == "khong_danh_gia" \
            or judged_from_other_rows(a):
        return literal  # a plan of 0, a result in words, a bound or a structure (judged by its parts): not one formula
    raw_r = ind.raw.get("result")
    raw_t = ind.raw.get("target")
    blank_result = raw_r is None or (isinstance(raw_r, str) and not raw_r.strip())
    if not (_is_number(raw_r) or blank_result):
        return literal  # a number stored as text or an error: keep the computed value
    r = f"{col_letter(columns['result'])}{ind.row}"
    if a.status == "so_lieu_loi":
        guards = conditions
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
        v = _num(t.value * scale)
    d = ind.direction
    basis = v
    if t.op == "range" and d == "down" and t.high is not None:
        basis = _num(t.high * scale)
    fault = guards[0] if len(guards) == 1 else f"OR({','.join(guards)})"
    unfilled_zero = zero_means_unfilled(ind)  # a 0 against a positive plan is a cell not filled yet
    counted = f"AND(ISNUMBER({r}),{r}<>0)" if unfilled_zero else f"ISNUMBER({r})"
    ratio = f'=IF({fault},"",IF({counted},IFERROR({r}/{basis}*100,""),""))'
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
        lo, hi = _num(t.value * scale), _num(t.high * scale)
        inside = f'AND({r}>={lo},{r}<={hi})'
        if d == "about":
            cond = f'IF({inside},{DAT},{KHONG})'
        elif d == "down":
            cond = f'IF({inside},{DAT},IF({r}<{lo},{VUOT},{KHONG}))'
        else:
            cond = f'IF({inside},{DAT},IF({r}>{hi},{VUOT},{KHONG}))'
    else:
        return literal
    if unfilled_zero:
        cond = f'IF({r}=0,{CHUA},{cond})'
    status = f'=IF({fault},{FAULT},IF(ISNUMBER({r}),{cond},{CHUA}))'
    return ratio, status
