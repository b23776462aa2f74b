"""The sheet's own comparison and verdict columns («So sánh (%) ƯTH/KH», «Đánh giá»), read against kh_excel's.

A table often carries its compiler's ratio of result to plan and their verdict. kh_excel never states them (they
are arithmetic on the figures it reads, or words typed beside them), but where one disagrees with what kh_excel
computed from the plan and result columns it read, one of the two readings is wrong: a plan column other than
the one the sheet divides by, a result of another period, a verdict typed before the figures were corrected. Whoever
makes a document is told, with both cells, before a leader signs a sentence the table itself contradicts.

Pure: no Excel, no files. The reader (core.table) keeps the cells of these columns on the indicator rows
(Table.own_cells); the gate (core.gate.check) compares them with the attainment.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from kh_excel.core.text import fold_words

RATIO, VERDICT, SAME_PERIOD = "ratio", "verdict", "same_period"

# Labels of a verdict column: «Đánh giá», «Kết quả đánh giá», «Đánh giá mức độ hoàn thành».
_VERDICT_LABEL = re.compile(r"^(ket qua )?danh gia\b|^muc do (dat|hoan thanh)\b")
# Labels of a ratio of result to plan in words: «% so với KH», «So với kế hoạch (%)», «Tỷ lệ đạt (%)».
_RATIO_WORDS = re.compile(r"\bso (voi )?(kh|ke hoach|chi tieu|nghi quyet|nq)\b|\bty le (dat|hoan thanh|thuc hien)\b"
                          r"|\bmuc do (dat|hoan thanh)\b")
# A comparison with the year before, not with the plan: «So với cùng kỳ», «% so năm trước», «ƯTH/cùng kỳ».
_PREVIOUS_WORDS = re.compile(r"\bcung ky\b|\bnam truoc\b|\bso (voi )?nam (19|20)\d\d\b|\btang truong\b")
# A result as a percentage of the same period before, by its label: «So với cùng kỳ (%)», «So sánh cùng kỳ năm 2023
# (%)», «% so cùng kỳ», «So với năm trước (%)», «ƯTH/cùng kỳ». Never a rise or a growth rate («Tăng/giảm so với cùng
# kỳ (%)», «Tốc độ tăng trưởng»): 16,98 there is a rise, 116,98 here is a level, and the two cannot be told apart.
_SAME_PERIOD_RATIO = re.compile(r"\b(so (sanh )?(voi )?|ss )(cung ky|nam truoc|nam (?:19|20)\d\d)\b")
_SAME_PERIOD_TERM = re.compile(r"^((uoc )?th |uth )?(cung ky|nam truoc)\b")  # after the «/» of «ƯTH/cùng kỳ»
_A_RISE = re.compile(r"\b(tang|giam|toc do)\b")
# The last term of a ratio label («ƯTH/ TH 2020/ KH 2020», «TH 2026/KH 2026»): a plan when it reads «KH …».
_PLAN_TERM = re.compile(r"^(kh|ke hoach|nq|chi tieu)\b\s*((?:19|20)\d\d)?")
_YEAR = re.compile(r"(?:19|20)\d\d")

MET, MISSED = frozenset({"vuot", "dat"}), "khong_dat"


# A comparison naming nothing it compares: «So sánh (%)», «Tỷ lệ (%)», «%»; with no year-before column beside the
# plan and the result, it can only be the result against the plan.
_BARE_RATIO = frozenset({"so sanh", "ty le", ""})


def column_kind(label: str, plan_year: int | None, has_previous: bool = True) -> str | None:
    """RATIO for a column comparing the result with the plan (of `plan_year`, when the label names a year),
    VERDICT for the compiler's own verdict, SAME_PERIOD for the result as a percentage of the same period before
    («So với cùng kỳ (%)»), None for anything else (a rise against the year before, a growth rate, a ratio to another
    year's plan). `has_previous`: the table has a year-before column, which a bare
    «So sánh (%)» may compare with."""
    h = fold_words(label)
    if _VERDICT_LABEL.search(h):
        return VERDICT
    if _PREVIOUS_WORDS.search(h):
        ratio = _SAME_PERIOD_RATIO.search(h) or "/" in label and _SAME_PERIOD_TERM.match(
            fold_words(label.rsplit("/", 1)[1]))
        return SAME_PERIOD if ratio and not _A_RISE.search(h) else None
    if not has_previous and "%" in label and h in _BARE_RATIO:
        return RATIO
    if "/" in label:
        last = fold_words(label.rsplit("/", 1)[1])
        m = _PLAN_TERM.match(last)
        if m is None:
            return None
        year = m.group(2) or next(iter(_YEAR.findall(last)), None)
        return RATIO if year is None or plan_year is None or int(year) == plan_year else None
    if _RATIO_WORDS.search(h):
        years = {int(y) for y in _YEAR.findall(h)}
        return RATIO if not years or plan_year is None or years == {plan_year} else None
    return None


def choose(labels: dict[int, str], plan_year: int | None, skip: set[int],
           has_previous: bool = True) -> dict[int, tuple[str, str]]:
    """Column -> (kind, label): the one ratio and the one verdict column among `labels` (those of the group and
    period read, `skip` left out: hidden ones). Two of a kind (each commune's «So sánh», a ratio to two plans) are
    no one column's: none of that kind is taken."""
    found: dict[str, list[tuple[int, str]]] = {}
    for c, label in labels.items():
        if c in skip or not isinstance(label, str) or not label:
            continue
        kind = column_kind(label, plan_year, has_previous)
        if kind is not None:
            found.setdefault(kind, []).append((c, label))
    return {cols[0][0]: (kind, cols[0][1]) for kind, cols in found.items() if len(cols) == 1}


def verdict_of(value: Any) -> str | None:
    """The status a verdict cell states («Vượt KH» -> "vuot", «Không đạt» -> "khong_dat"), None for anything
    else (a blank, «x», a figure, «Cơ bản đạt»)."""
    from kh_excel.core.numbers import word_verdict
    return word_verdict(value) if isinstance(value, str) else None


# The statuses of kh_excel's own each wording of a verdict column agrees with. A result's verdict words
# (numbers.WORD_VERDICTS: «Hoàn thành vượt mức», «Chưa đạt») are read first, «Vượt» agreeing with «Đạt» as with
# «Vượt» where the result is past the plan's figures (a rounding apart: _vuot_contradicts); then the wordings only a verdict column has. «Không đánh giá» is no verdict but takes the
# row out of the judgement, as the note's does (attainment.OWN_VERDICT_REASON); «Cơ bản đạt», «x» state nothing.
AGREES = {"vuot": MET, "dat": MET, "khong_dat": frozenset({MISSED})}
VERDICT_WORDS = {"khong vuot": frozenset({"dat", MISSED}), "chua vuot": frozenset({"dat", MISSED}),
                 "dat va vuot": MET, "dat va vuot ke hoach": MET, "dat va vuot chi tieu": MET}
# A verdict with its figure: «Đạt 90%», «Hoàn thành 95% KH» (the share of the plan reached), «Vượt 5%» (beyond it).
FIGURE_VERBS = {"dat": "share", "hoan thanh": "share", "bang": "share", "vuot": "beyond"}
_FIGURE_VERDICT = re.compile(r"^(" + "|".join(FIGURE_VERBS) + r") (\d+(?:[.,]\d+)?) ?%"
                             r"(?: (?:so voi )?(?:kh|ke hoach|chi tieu))?$")


def read_verdict(value: Any) -> tuple[frozenset[str] | None, str, Decimal | None]:
    """What a verdict cell states: (the statuses of ours it agrees with, None when it states none), and for a
    verdict with its figure the kind of figure ("share" of the plan, "beyond" it) and the figure (90 for «Đạt 90%»)."""
    if not isinstance(value, str):
        return None, "", None
    stated = verdict_of(value)
    if stated is not None:
        return AGREES[stated], "", None
    from kh_excel.core.text import fold
    words = " ".join(re.sub(r"[^\w%,.]+", " ", fold(value)).replace(" %", "%").split()).rstrip(".")
    m = _FIGURE_VERDICT.match(words)
    if m is None:
        return VERDICT_WORDS.get(fold_words(value)), "", None
    figure = ratio_of(m.group(2))
    kind = FIGURE_VERBS[m.group(1)]
    if figure is None:
        return None, "", None
    return (MET if kind == "beyond" else None), kind, figure


def figure_agrees(kind: str, figure: Decimal, a: Any) -> bool | None:
    """Whether a verdict's figure («Đạt 90%», «Vượt 5%») agrees with the ratio kh_excel computed; None where it
    cannot be compared: no ratio of ours, or an indicator where less is better (whose «vượt 5%» reads either way).
    «Vượt 5%» on a row in % may also be 5 points beyond the plan."""
    ind = a.indicator
    if a.ratio is None or ind.direction != "up":
        return None
    sheet = figure + 100 if kind == "beyond" else figure
    # (the tolerance of `agrees`, never read as a fraction: the figure is written with its «%»)
    if abs(sheet - a.ratio) <= max(Decimal("0.5"), abs(a.ratio) * Decimal("0.005")):
        return True
    if kind == "beyond" and ind.unit.strip() == "%" and ind.result is not None and ind.target.value is not None:
        return abs(Decimal(ind.result) - Decimal(ind.target.value) - figure) <= Decimal("0.5")
    return False


def ratio_of(value: Any) -> Decimal | None:
    """A ratio cell's figure as written (98,5 or 0,985 under a % format: both are kept apart by `agrees`)."""
    from kh_excel.core.numbers import parse_number
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return Decimal(repr(float(value))) if value == value and abs(value) != float("inf") else None
    if isinstance(value, str) and value.strip():
        p = parse_number(value.replace("%", "").strip())
        return Decimal(str(p.value)) if p is not None else None
    return None


def agrees(sheet: Decimal, ratios: list[Decimal]) -> bool:
    """Whether the sheet's ratio is one of `ratios` (result/plan × 100, and plan/result × 100 for a sheet that
    divides the other way for a burden), as a percentage or as a fraction under a % format, to the half point
    a rounding to one decimal or to whole percents may take (half a percent of it for ratios beyond 100)."""
    for r in ratios:
        tolerance = max(Decimal("0.5"), abs(r) * Decimal("0.005"))
        if abs(sheet - r) <= tolerance or abs(sheet * 100 - r) <= tolerance:
            return True
    return False


def disagreements(table: Any, attainment: Any) -> list:
    """Warnings for each row whose sheet ratio or verdict contradicts the attainment kh_excel computed: the finding
    points at the result cell (what a document states), naming the sheet's own cell beside it."""
    own = getattr(table, "own_cells", None)
    if not own or "result" not in table.columns:
        return []
    from kh_excel.core.numbers import format_number
    from kh_excel.core.validation import cell_ref, fmt, make_finding
    result_col = table.columns["result"]
    by_row = {a.indicator.row: a for a in attainment.assessments}
    out = []
    for col, (kind, label, cells) in own.items():
        for row, value in cells.items():
            a = by_row.get(row)
            if a is None:
                continue
            ind = a.indicator
            where = cell_ref(row - 1, col)
            if kind == RATIO:
                sheet = ratio_of(value)
                ours = a.ratio
                if sheet is not None and ours is None and ind.result_reading is not None and a.status in (*MET, MISSED) \
                        and ind.direction == "up" and _word_contradicted(sheet, a.status in MET):
                    # «Vượt kế hoạch» written in the result cell beside the sheet's own 98%
                    out.append(make_finding("own_ratio_words", table.sheet, row - 1, result_col, ind.name,
                                            own_cell=where, label=label, sheet_value=fmt(sheet),
                                            value=ind.result_reading.text, ours=a.status_label))
                    continue
                if sheet is None or ours is None or ind.result is None or not ind.target.value:
                    continue
                inverse = [Decimal(ind.target.value) / Decimal(ind.result) * 100] if ind.result else []
                if agrees(sheet, [ours, *inverse]):
                    continue
                out.append(make_finding("own_ratio_differs", table.sheet, row - 1, result_col, ind.name,
                                        own_cell=where, label=label, sheet_value=fmt(sheet),
                                        ours=f"{format_number(ours, 1)}%"))
            elif kind == VERDICT:
                statuses, figure_kind, figure = read_verdict(value)
                if a.status not in (*MET, MISSED):
                    continue  # (a word we cannot read, «Cơ bản đạt», is no contradiction: statuses None)
                ours = a.status_label
                if figure_kind and figure is not None:
                    fits = figure_agrees(figure_kind, figure, a)
                    if fits is False:
                        ours = f"{ours}, đạt {format_number(a.ratio, 1)}% kế hoạch"
                    elif fits or statuses is None or a.status in statuses:
                        continue
                elif statuses is None or a.status in statuses and not _vuot_contradicts(value, a):
                    continue
                elif a.status == "dat":
                    ours = f"{ours}, {a.reason}"  # «Đạt KH, mục tiêu trong khoảng 1 – 1,5»: why not «Vượt»
                out.append(make_finding("own_verdict_differs", table.sheet, row - 1, result_col, ind.name,
                                        own_cell=where, label=label, sheet_value=str(value).strip(), ours=ours))
    return out


def _vuot_contradicts(value: Any, a: Any) -> bool:
    """Does the table's «Vượt» contradict kh_excel's «Đạt KH» (rev22 R22-4)? «Vượt» says the result is past the plan:
    past every figure the plan states, on the good side (a range's far end, a bound's or a point's figure). Where it
    is (9 against «Trên 8»; 4,05 against «Khoảng 4», which kh_excel calls «Đạt» within its tolerance), the two differ
    by a rounding or by a bound having no «beyond» in kh_excel's rules: they agree. Where it is not (1,1 inside
    «1 - 1,5»; a result equal to the plan), the table says «Vượt» of a row that only met its plan, and the report
    lists it among the rows that met it: a contradiction, named. A growth plan, or a result in words, is compared
    with figures this does not see: never called a contradiction here."""
    if a.status != "dat" or verdict_of(value) != "vuot":
        return False
    ind = a.indicator
    t, r = ind.target, ind.result
    if r is None or t.value is None or ind.direction not in ("up", "down") or ind.growth_target \
            or ind.result_reading is not None or a.growth_kind == "index":
        return False
    figures = [Decimal(str(t.value)), *([Decimal(str(t.high))] if t.high is not None else [])]
    result = Decimal(str(r))
    return not (result > max(figures) if ind.direction == "up" else result < min(figures))


def _word_contradicted(sheet: Decimal, met: bool) -> bool:
    """Whether a sheet ratio (a percentage, or a fraction under a % format) says the opposite of a verdict in words,
    for an indicator where more is better: under 99,5% against «đạt», 100% or more against «chưa đạt»."""
    pct = sheet * 100 if abs(sheet) <= 2 else sheet  # (a fraction: 0,98; a ratio of 2% or less is read as one)
    return pct < Decimal("99.5") if met else pct >= 100


def rows_cells(rows: list[list[Any]], columns: dict[int, tuple[str, str]], sheet_rows: list[int],
               formats: dict[tuple[int, int], str] | None = None) -> dict:
    """Column -> (kind, label, {sheet row: value}) of the chosen columns on the indicator rows (1-based), blanks
    left out: what Table.own_cells keeps. A same-period figure under a % format (1,1698 shown «116,98%») is kept
    as the percentage it shows."""
    out = {}
    for col, (kind, label) in columns.items():
        cells = {}
        for r in sheet_rows:
            row = rows[r - 1]
            v = row[col] if col < len(row) else None
            if v is not None and v != "":
                if kind == SAME_PERIOD and isinstance(v, float) and "%" in (formats or {}).get((r - 1, col), ""):
                    v = Decimal(repr(v)) * 100
                cells[r] = v
        if cells:
            out[col] = (kind, label, cells)
    return out


# A level against the same period is stated only from a column whose every figure reads as one: above 30 and at most
# 1.000 (a column holding 5,2 or -3 holds rises, whatever its label says; 0,95 a fraction with no % format to tell).
_LEVEL_LOW, _LEVEL_HIGH = Decimal(30), Decimal(1000)
_LABEL_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")


def same_period_levels(table: Any) -> dict[int, tuple[Decimal, str]]:
    """Sheet row -> (the result as a percentage of the same period before, the comparison in words: «so với cùng kỳ
    năm 2023», «so với cùng kỳ năm trước», «so với năm trước») from the table's own «So với cùng kỳ (%)» column,
    for a document to state as the table does (rev20 R20-12: «bằng 116,98% so với cùng kỳ»). Nothing from a column
    whose figures are not all levels (`_LEVEL_LOW`), nor one naming a year not before the table's."""
    own = getattr(table, "own_cells", None) or {}
    for _col, (kind, label, cells) in own.items():
        if kind != SAME_PERIOD:
            continue
        h = fold_words(label)
        years = [int(y) for y in _LABEL_YEAR.findall(h)]
        if years and (table.year is None or max(years) >= table.year):
            return {}
        levels = {}
        for row, v in cells.items():
            if isinstance(v, str) and not any(ch.isdigit() for ch in v):
                continue  # «-», «x»: no figure on that row
            level = v if isinstance(v, Decimal) else ratio_of(v)
            if level is None or not _LEVEL_LOW < level <= _LEVEL_HIGH:
                return {}
            levels[row] = level
        if "cung ky" in h:
            words = f"so với cùng kỳ năm {years[0]}" if years else "so với cùng kỳ năm trước"
        else:
            words = f"so với năm {years[0]}" if years else "so với năm trước"
        return {row: (level, words) for row, level in levels.items()}
    return {}


__all__ = ["SAME_PERIOD", "same_period_levels", "RATIO", "VERDICT", "AGREES", "VERDICT_WORDS", "FIGURE_VERBS", "column_kind", "choose", "verdict_of",
           "read_verdict", "figure_agrees", "ratio_of", "agrees", "disagreements", "rows_cells"]
