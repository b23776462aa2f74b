"""Attainment: ratio, status and growth of each row, and the summary (SPEC §4).

Rules, decided and documented here:
- ratio = result / target × 100 against the target's value (for a range, the
  bound that matters: the lower bound when higher is better, the upper one
  when lower is better); none when that value is zero or negative.
- A point target ("155.000", op "="): beyond it in the good direction is
  **Vượt KH**, equal is **Đạt KH**, short of it is **Không đạt**.
- A bound target (">10", "≥95", "trên 10" = strictly above, "<5", "tối đa 5"):
  the condition holds → **Đạt KH** (a bound has no "beyond"), else **Không đạt**.
- "khoảng X": within ±tolerance % of X (default 2) → Đạt KH; outside, the good
  side → Vượt KH when the direction is up/down, Không đạt when it is "about".
- A range "a - b" is inclusive: inside → Đạt KH; outside on the good side → Vượt KH.
- No numeric result → **Chưa có số liệu**; no numeric target (qualitative) →
  **Không đánh giá**.
- A result ≥100× or ≤1/100 of the plan (numbers.IMPLAUSIBLE_FACTOR) is a unit mismatch (34.285 người
  against 29,1 nghìn người): **Không đánh giá** with the reason, never «Vượt KH»; check warns from 10×.
- A total whose result is the sum of its parts, one of them «chưa có số liệu», is **Chưa có số liệu**.
- A row whose numbers failed a check (core.gate) → **Số liệu lỗi**: no ratio, no
  judgement, and not among the rows evaluated.
- A plan of 0 sets no goal: **Không đánh giá**, no ratio, not in the summary (lower-is-better
  indicators excepted: 0 fires is a goal). A table with no plan or no result column: every
  row **Không đánh giá** with the reason.
- A result written as a bound or a range is judged only when every value it allows gives one
  status (Đạt and Vượt both possible → Đạt); a change ("Tăng 12%") only against a change in the same
  unit: a growth plan, a growth rate in % («Tốc độ tăng trưởng»: «Tăng 7,5%» is 7,5 against «>8»), a
  reduction amount; a fall is a negative growth («Giảm 2%» is -2 against «Tăng 10%»).
- A plan to fall in % on an amount («Giảm 5%») is a growth plan of -5%, lower-is-better unless the row's
  name or Chiều says otherwise (then the two disagree: Không đánh giá); on a row in % it may be points or
  per cent: Không đánh giá, with the reason.
- A rank (core.direction.is_rank: «Xếp hạng …», unit «Hạng»/«Bậc»/«Thứ») is lower-is-better: 18th
  against a plan of 20th is Vượt KH; its growth is in places («bậc», + = the rank rose).
- growth against the previous year: relative (%) in general; in percentage
  points for indicators measured in %; a period growth target gives the average yearly growth
  (Assessment.growth_kind "avg_yearly", never «so với năm trước»). An index with the year before as 100
  (CPI 103,2; a growth rate typed as its index, RATE_AS_INDEX) states its own change: +3,2% (kind "index"),
  never 103,2 − 103 in points; judged against a plan that is a rise by that change.
- The report sentence names a sub-row with its parent («Năng suất (Ngô)») and writes «đạt N% KH»
  only for an amount where more is better and N < 99,95; else the result and the plan.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from functools import lru_cache, partial
from decimal import Decimal
from itertools import compress, count, repeat
from operator import attrgetter, itemgetter
from typing import Mapping, cast

from kh_excel.core import text as vtext
from kh_excel.core.direction import REDUCTION_START, UNCLEAR_START, is_rank
from kh_excel.core.model import (ZERO_RESULT_REASON, Assessment, Attainment, Indicator, Status, Summary, Table, Target,
                                 TargetOp, without_gc, zero_result_unfilled)
from kh_excel.core.numbers import (IMPLAUSIBLE_FACTOR, about_word, average_yearly, decimals_of, far_ratio,
                                   format_number, is_change, named_base, plan_before_base, points_change,
                                   reduction_plan, signed_change, word_verdict)
from kh_excel.core.periods import (PLAN_WORD, PROGRESS_REASON, in_sentence, of_table, progress_only, result_span,
                                   row_part_of_year, table_plan_word)

DEFAULT_TOLERANCE = Decimal(2)
STATUSES: tuple[Status, ...] = ("vuot", "dat", "khong_dat", "chua_co_so_lieu", "khong_danh_gia", "so_lieu_loi")
_HUNDRED = Decimal(100)
# read in C over all rows
_STATUS = attrgetter("status")


def _better(a: Decimal, b: Decimal, direction: str) -> bool:
    """Is a on the good side of b?"""
    return a < b if direction == "down" else a > b


def assess(ind: Indicator, tolerance: Decimal = DEFAULT_TOLERANCE) -> Assessment:
    """The status of one row, computed from the stored values (276,028 even where the cell shows 276,0).
    Every row of a sheet comes through here: the fields are read once into locals, and a point plan
    («=», most rows) is judged in place, its tests in the order the general rules below make them."""
    t = ind.target
    op, v = t.op, t.value
    exact = ind.exact
    if exact and op == "=" and "target" in exact:
        v = exact["target"]
        t = replace(t, value=v)
    growth = _growth(ind) if ind.previous is not None and ind.result is not None else ()
    if op != "text" and v is not None and t.text[:1] in "Tt" and not ind.growth_target and _rise_read_as_level(ind):
        # «Tăng 1 điểm %», «Tăng 10 tỷ đồng», «Tăng 2%» of a rate: a rise, never the level 1, 10 or 2 (rev12 D-A)
        if (points := _points_plan(ind)) is not None:
            return _assess_points(ind, *points, tolerance, growth)
        return Assessment(ind, "khong_danh_gia", None, RISE_NO_LEVEL_REASON.format(plan=vtext.clean(t.text)), *growth)
    if op == "text" or v is None:  # not t.is_numeric
        if (ind.result is not None or ind.result_text) and is_rank(ind.name, ind.unit) and _rank_change(t.text):
            return _assess_rank_change(ind, tolerance, growth)
        rr = ind.result_reading
        if t.text and rr is not None and rr.kind == "qualitative" and word_verdict(rr.text):
            return _assess_words(ind, rr.text, growth)  # «Hoàn thành» against «Hoàn thành …»: the table's verdict
        if t.text and zero_ceiling(ind):  # «Không để xảy ra» on a count of events: a ceiling of 0
            held = ind.exact.get("result", ind.result) if ind.exact else ind.result
            if held is not None and held >= _ZERO:
                return Assessment(ind, "dat" if held == _ZERO else "khong_dat", None,
                                  ZERO_CEILING_REASON.format(plan=vtext.clean(t.text)), *growth)
            if held is None and not ind.result_text:  # (rev17 N-2: «Chưa đánh giá» there is no result yet)
                return Assessment(ind, "chua_co_so_lieu", None, "chưa có số thực hiện", *growth)
        if t.text and (points := _points_plan(ind)) is not None:  # «Giảm 1 điểm %», «Giảm 0,2‰»
            return _assess_points(ind, *points, tolerance, growth)
        reason = "chỉ tiêu định tính, không có số kế hoạch để so sánh" if t.text else "không có số kế hoạch"
        if t.text and (nb := named_base(t.text)) is not None and is_change(nb[0]):
            # «Tăng 10% so với năm 2024»: a growth on a base the table has no column of (or on a row in %)
            reason = (OTHER_BASE_PERCENT_REASON if "%" in ind.unit else OTHER_BASE_REASON).format(
                plan=vtext.clean(t.text), base=f"năm {nb[1]}" if nb[1] else "năm trước")
        fall = reduction_plan(t.text) if t.text else None
        if fall is not None and fall.value is not None and (average_yearly(t.text) is not None or ind.growth_period[0]):
            # «Giảm bình quân 1-1,5%/năm», or «Giảm 1-1,5%» under a period's plan, of a rate: points or per cent, each
            # year or over the period? never guessed, nor judged on one year's fall
            _years, first, last = ind.growth_period
            return Assessment(ind, "khong_danh_gia", None, (
                AVERAGE_FALL_IN_WHAT_REASON if average_yearly(t.text) is not None else PERIOD_FALL_IN_WHAT_REASON).format(
                plan=vtext.clean(t.text), v=format_number(fall.value), unit=vtext.clean(ind.unit) or "để trống",
                period=f" giai đoạn {first}–{last}" if first else ""))
        if fall is not None and fall.value is not None:  # «Giảm 1,5%» on a row in % (or without a unit): points or per cent? never guessed
            both = _both_falls(ind, fall, tolerance)
            if both is not None:  # … unless both readings give the same verdict, as the values of a range must
                return Assessment(ind, both[0], None, both[1], *growth)
            reason = FALL_IN_WHAT_REASON.format(plan=vtext.clean(t.text), v=format_number(fall.value),
                                                unit=vtext.clean(ind.unit) or "để trống")
        return Assessment(ind, "khong_danh_gia", None, reason, *growth)
    d = ind.direction
    if ind.direction_reason.startswith(UNCLEAR_START):  # a count under a reduction: which way is better is unknown
        return Assessment(ind, "khong_danh_gia", None, ind.direction_reason + "; không đánh giá", *growth)
    if op == "=" and v == _ZERO and d != "down":
        # A plan of 0 (a crop a commune does not grow) sets no goal: no ratio, not counted in the summary.
        return Assessment(ind, "khong_danh_gia", None, "kế hoạch bằng 0: không giao chỉ tiêu nên không đánh giá",
                          *growth)
    if percent_on_other_unit(ind):
        return Assessment(ind, "khong_danh_gia", None, PERCENT_RESULT_REASON.format(unit=ind.unit.strip()), *growth)
    if ind.growth_target and d != "down" and v < _ZERO and planned_fall(ind) is not None:
        # a plan to reduce on a row stated to be better higher (or about a figure): the two disagree
        return Assessment(ind, "khong_danh_gia", None, FALL_AGAINST_DIRECTION_REASON.format(
            plan=vtext.clean(t.text), why=ind.direction_reason), *growth)
    r = exact.get("result", ind.result) if exact else ind.result
    if r is None:
        rr = ind.result_reading
        if rr is not None:
            return _assess_expression(ind, rr, tolerance, growth)
        reason = f"số thực hiện «{ind.result_text}» không đọc được" if ind.result_text else "chưa có số thực hiện"
        return Assessment(ind, "chua_co_so_lieu", None, reason, *growth)
    if not r and zero_result_unfilled(ind):  # `not r`: the cheap test for r == 0 first
        return Assessment(ind, "chua_co_so_lieu", None, ZERO_RESULT_REASON, *growth)
    if ind.growth_target:
        return _assess_growth(ind, t, r, tolerance, growth)
    if r > _FIFTY and v < _FIFTY and index_against_rise(ind, t, r):
        # CPI 103,2 against «Dưới 4,5%», «Tốc độ tăng …» 108,5 against «Tăng 8%»: a rise of 3,2%, of 8,5%
        return _assess_index(ind, t, r, tolerance, growth)
    if v > _FIFTY and r < _FIFTY and plan_typed_as_index(ind, t, r):
        # «Tốc độ tăng trưởng» planned 108 (its index) beside this year's 8,5: a plan of a rise of 8% (rev14 D5)
        return _assess_plan_index(ind, t, r, tolerance, growth)
    status: Status
    if op == "=":  # a point plan (most rows): judge() and the ratio below, in place
        if v > _ZERO:
            if r > _ZERO:
                q = r / v
                ratio = q * _HUNDRED
                if far_ratio(q, IMPLAUSIBLE_FACTOR):
                    return _unit_mismatch(ind, ratio, growth)
            else:
                ratio = r / v * _HUNDRED
        else:
            ratio = None
        if d == "about":
            status = "dat" if _within(r, v, tolerance) else "khong_dat"
        else:
            status = "dat" if r == v else "vuot" if (r < v if d == "down" else r > v) else "khong_dat"
        reason = _POINT_REASON
    else:
        basis = v
        if op == "range" and t.high is not None and d == "down":
            basis = t.high
        if basis > _ZERO:  # a ratio to a zero or negative target means nothing (Decimal against Decimal: faster)
            if r > _ZERO:
                q = r / basis
                ratio = q * _HUNDRED
                if far_ratio(q, IMPLAUSIBLE_FACTOR):  # the ratio already computed, by the rule of numbers.far_apart
                    return _unit_mismatch(ind, ratio, growth)
            else:
                ratio = r / basis * _HUNDRED
        else:
            ratio = None
        status, reason = judge(r, t, d, tolerance)
    if (d == "down" or d == "about") and ind.direction_reason:
        reason += "; " + ind.direction_reason
    if growth:
        return Assessment(ind, status, ratio, reason, *growth)
    return Assessment(ind, status, ratio, reason)


_POINT_REASON = "so với số kế hoạch"

# What a note (Ghi chú) says when the table itself takes a row out of this year's judgement («Chỉ tiêu đã điều
# chỉnh, không đánh giá»), folded (core.text.fold_words). «Đánh giá theo Bộ tiêu chí …» and «đánh giá lại vào quý IV»
# judge the row: only a «không» (or «ko») right before the words counts. A year named with the words («Không đánh
# giá năm 2025», «Năm 2025 không đánh giá») limits them to that year. A row not assigned (_NOT_ASSIGNED) is not
# judged either.
NOT_JUDGED_PHRASES = ("khong danh gia", "ko danh gia")
_YEAR_BEFORE, _YEAR_AFTER = r"(?:\bnam ((?:19|20)\d\d) )?\b", r"(?: (?:trong |cho )?nam ((?:19|20)\d\d)\b)?"
_NOT_JUDGED = re.compile(_YEAR_BEFORE + "(?:" + "|".join(map(re.escape, NOT_JUDGED_PHRASES)) + r")\b" + _YEAR_AFTER)
# A note that says the row's plan is not assigned this year («Không giao chỉ tiêu năm nay», «Không giao kế hoạch»,
# «Không giao»): a plan document assigns it to nobody (docs.context), a report does not judge it. «Không giao» alone
# only where nothing follows it but a year, «năm nay» or a reason: never «không giao thông», «không giao đất».
_NOT_ASSIGNED = re.compile(_YEAR_BEFORE + r"(?:khong|ko) giao(?: chi tieu\b| ke hoach\b|(?=$| nam\b| trong nam\b"
                           r"| cho nam\b| do\b| vi\b))" + _YEAR_AFTER)
NOTE_REASON = "bảng ghi chú «{note}»: không đánh giá"


def _note_says(pattern: re.Pattern[str], note: str, year: int | None) -> bool:
    """Does the note say `pattern` of `year` (the table's; None: not known)? A year named with the words limits them."""
    if not note:
        return False
    for m in pattern.finditer(vtext.fold_words(note)):
        named = m.group(1) or m.group(2)
        if named is None or year is None or int(named) == year:
            return True
    return False


def note_not_assigned(note: str, year: int | None = None) -> bool:
    """Does the note (Ghi chú) say the row's plan is not assigned for `year`?"""
    return _note_says(_NOT_ASSIGNED, note, year)


def row_not_assigned(ind: Indicator, year: int | None = None) -> str:
    """What says a row's plan is not assigned for `year` — its note, or its plan cell written so («Không giao»: rev14
    F-E) — as the row writes it; '' when nothing does."""
    if ind.note and note_not_assigned(ind.note, year):
        return ind.note
    if ind.target.op == "text" and ind.target.text and note_not_assigned(ind.target.text, year):
        return ind.target.text
    return ""


def note_not_judged(note: str, year: int | None = None) -> bool:
    """Does the note (Ghi chú) take the row out of the judgement of `year` (the table's; None: not known)?"""
    return _note_says(_NOT_JUDGED, note, year) or _note_says(_NOT_ASSIGNED, note, year)


def _not_judged_by_note(inds: list[Indicator], year: int | None) -> dict[int, str]:
    """index -> reason, of the rows whose note takes them out of the judgement: looked for only in rows with a note."""
    return {i: NOTE_REASON.format(note=vtext.clean(inds[i].note)) for i in compress(count(), map(_NOTE, inds))
            if note_not_judged(inds[i].note, year)}


_NOTE = attrgetter("note")

# The sheet's own verdict column («Đánh giá») saying the words a note does («Không đánh giá», «Không giao chỉ tiêu»):
# whoever compiled the table withheld the verdict, as in the note, and kh_excel does not give one (rev12 D-G).
OWN_VERDICT_REASON = "cột «{label}» của bảng ghi «{word}»: không đánh giá"
_OWN_VERDICT_SAID = re.compile("^" + re.escape(OWN_VERDICT_REASON).replace(re.escape("{label}"), "(.*)")
                               .replace(re.escape("{word}"), "(.*)") + "$")


def _not_judged_by_own_verdict(table: Table, inds: list[Indicator], year: int | None) -> dict[int, str]:
    """index -> reason, of the rows whose cell in the sheet's own verdict column takes them out of the judgement as a
    note does (core.own_columns reads the column; once per table, its cells only)."""
    from kh_excel.core.own_columns import VERDICT
    said = {row: OWN_VERDICT_REASON.format(label=vtext.clean(label), word=vtext.clean(v))
            for kind, label, cells in table.own_cells.values() if kind == VERDICT
            for row, v in cells.items() if isinstance(v, str) and note_not_judged(v, year)}
    return {i: said[ind.row] for i, ind in enumerate(inds) if ind.row in said} if said else {}


def not_judged_by_note(a: Assessment) -> bool:
    """Is the row «Không đánh giá» because its note says so (a document then quotes the note beside it)?"""
    return a.status == "khong_danh_gia" and a.reason.startswith(NOTE_REASON.split("{")[0])


def not_judged_by_own_verdict(a: Assessment) -> tuple[str, str] | None:
    """(the column's label, its words) when the row is «Không đánh giá» because the sheet's own verdict column says
    so (a document then quotes it beside the row, as it does a note), else None."""
    m = _OWN_VERDICT_SAID.match(a.reason) if a.status == "khong_danh_gia" else None
    return (m.group(1), m.group(2)) if m else None


OTHER_BASE_REASON = ("mục tiêu «{plan}» là mức tăng/giảm so với {base}, nhưng bảng không có cột số thực hiện {base}: "
                     "không đánh giá")
OTHER_BASE_PERCENT_REASON = ("mục tiêu «{plan}» là mức tăng/giảm so với {base}, nhưng chỉ tiêu tính bằng %: không rõ là "
                             "điểm % hay % so với {base}, không đánh giá")
POINTS_NO_BASE_REASON = ("mục tiêu «{plan}» là mức tăng/giảm so với năm trước, nhưng bảng không có số thực hiện năm trước "
                         "và kết quả không ghi mức tăng/giảm cùng đơn vị: không đánh giá")
POINTS_UNIT_REASON = "mục tiêu «{plan}» là mức tăng/giảm tính bằng {plan_unit}, còn chỉ tiêu tính bằng «{unit}»: không đánh giá"


_POINT_UNITS = ("điểm %", "‰", "điểm")


def _points_unit(ind: Indicator, said: str) -> str:
    """The unit a change in points is counted in on this row («điểm %», «‰», «điểm»), given the unit the plan
    says (`said`, numbers.points_change); '' when it is not the row's («giảm 1 điểm %» on a row in tỷ đồng)."""
    unit = vtext.fold(ind.unit).strip()
    if said == "‰":
        return "‰" if "‰" in unit else ""
    if said == "điểm %":
        return "điểm %" if "%" in unit or "phan tram" in unit or "ty le" in unit else ""
    return "điểm %" if "%" in unit else "điểm" if unit == "diem" else ""


def judged_by_points(a: Assessment) -> str | None:
    """How a row with a plan in points was judged, for its sentence: "change" (the change against the year before,
    «giảm 0,8 điểm %», in `a.growth`), "amount" (the row is the fall itself: its figure), "written" (the result cell
    states the change: «Giảm 1,6 điểm %»), None for any other row."""
    ind = a.indicator
    if (ind.target.is_numeric and not rise_as_written(ind)) or a.status not in ("vuot", "dat", "khong_dat") \
            or not ind.target.text:
        return None
    points = _points_plan(ind)
    if points is None:
        return None
    if points[0] == "giam" and ind.direction_reason.startswith(REDUCTION_START):
        return "amount"
    if a.growth is not None and a.growth_unit in _POINT_UNITS and a.growth_kind == "yoy":
        return "change"
    rr = ind.result_reading
    # «Giảm 1,6 điểm %» written as the result (a document that states no change across periods drops the growth)
    return "written" if ind.result is None and rr is not None and rr.change else None


POINTS_OTHER_YEAR_REASON = ("mục tiêu «{plan}» là mức tăng/giảm so với năm {before}, nhưng cột năm trước của bảng là năm "
                            "{previous}: không đánh giá")


def _no_points_across_years(assessments: list[Assessment], previous: int, year: int) -> None:
    """A plan in points for `year` is a change against the year before it: a change measured from the table's previous
    column of another year («Thực hiện năm 2024» beside a 2026 plan) judges nothing (rev12 D-J). An index's change
    is against the year before it too: no change beside a column «so với năm 2024»."""
    for i, a in enumerate(assessments):
        if a.growth_kind == "index":
            assessments[i] = a = replace(a, growth=None, growth_unit="", growth_kind="")
        if judged_by_points(a) == "change":
            assessments[i] = Assessment(a.indicator, "khong_danh_gia", None, POINTS_OTHER_YEAR_REASON.format(
                plan=vtext.clean(a.indicator.target.text), before=year - 1, previous=previous))


RISE_NO_LEVEL_REASON = ("mục tiêu «{plan}» là mức tăng so với năm trước, không phải mức cần đạt; bảng không cho biết "
                        "tăng theo điểm % hay theo % (hoặc không có số năm trước cùng đơn vị): không đánh giá")


def rise_as_written(ind: Indicator) -> bool:
    """A numeric plan written as a rise («Tăng 1 điểm %», «Tăng 10 tỷ đồng») that is never the level it names: assess
    judges it as a change or not at all, and a sentence states it as written («kế hoạch tăng 1 điểm %», never
    «kế hoạch 1%», «đạt 1%»). (assess tests the same inline, its cheap tests first: every row passes there.)"""
    t = ind.target
    return (t.op != "text" and t.value is not None and t.text[:1] in "Tt" and not ind.growth_target
            and _rise_read_as_level(ind))


def _rise_read_as_level(ind: Indicator) -> bool:
    """A plan written as a rise («Tăng …») that the reader took as a figure: not a growth rate's own level («Tốc độ
    tăng trưởng», «Tăng trưởng 8%») nor an index's rise (core.attainment._assess_index reads those)."""
    key = vtext.fold(ind.target.text)
    if not key.startswith("tang ") or key.startswith("tang truong"):
        return False
    name = ind.name_key
    return not (name.startswith("toc do") or GROWTH_RATE_NAMES.search(name) is not None or "tang" in name.split()[:3]
                or names_an_index(ind))


def _points_plan(ind: Indicator) -> tuple[str, Target, str] | None:
    """A plan that is a change in points («Giảm 1 điểm %», «Giảm 0,2‰», «… so với năm trước»): (word, size, unit)."""
    text = ind.target.text
    nb = named_base(text)
    if nb is not None and nb[1] is None:  # «so với năm trước», «so với cùng kỳ»: the change against the year before
        text = nb[0]
    return points_change(text)


def _assess_points(ind: Indicator, change: str, size: Target, said: str, tolerance: Decimal, growth: tuple) -> Assessment:
    """A plan to change by points («Giảm 1 điểm %» of a poverty rate, «Giảm 0,2‰»): on a row that is itself the
    amount of a fall («Mức giảm tỷ suất sinh»), the result is the size of the fall, a larger one better (SPEC §4);
    on a level («Tỷ lệ hộ nghèo», %), the change against the previous year (result − previous), or a result written
    as a change in the same unit («Giảm 1,6 điểm %»). Never a relative change: points are not per cent."""
    plan = vtext.clean(ind.target.text)
    unit = _points_unit(ind, said)
    if not unit:
        return Assessment(ind, "khong_danh_gia", None, POINTS_UNIT_REASON.format(
            plan=plan, plan_unit=said, unit=vtext.clean(ind.unit) or "để trống"), *growth)
    rr = ind.result_reading
    r = ind.exact.get("result", ind.result) if ind.result is not None else None
    if change == "giam" and ind.direction_reason.startswith(REDUCTION_START):
        # the row is the fall itself: its figure (or a «Giảm 0,3‰» written in it) against the fall planned
        if r is None and rr is not None and rr.change == "giam" and rr.bounds.op in ("=", "~"):
            r = rr.bounds.value
        if r is None:
            return Assessment(ind, "chua_co_so_lieu" if not ind.result_text else "khong_danh_gia", None,
                              f"số thực hiện «{ind.result_text}» không đọc được" if ind.result_text
                              else "chưa có số thực hiện", *growth)
        status, reason = judge(r, size, "up", tolerance)
        return Assessment(ind, status, None, f"chỉ tiêu là mức giảm, mức giảm lớn hơn là tốt hơn; {reason}", *growth)
    if ind.direction != ("down" if change == "giam" else "up"):
        return Assessment(ind, "khong_danh_gia", None, FALL_AGAINST_DIRECTION_REASON.format(
            plan=plan, why=ind.direction_reason or "mặc định: càng cao càng tốt"), *growth)
    if r is not None and ind.previous is not None:
        g = r - ind.exact.get("previous", ind.previous)
        how = "so với năm trước"
    elif r is None and rr is not None and rr.change and rr.bounds.op in ("=", "~") \
            and (said_r := points_change(rr.text)) is not None and _points_unit(ind, said_r[2]) == unit:
        g = signed_change(rr.change, rr.bounds).value
        how = f"theo kết quả «{vtext.clean(rr.text)}»"
    else:
        return Assessment(ind, "khong_danh_gia" if r is not None or ind.result_text else "chua_co_so_lieu", None,
                          POINTS_NO_BASE_REASON.format(plan=plan), *growth)
    assert g is not None
    status, reason = judge(g, signed_change(change, size), ind.direction, tolerance)
    return Assessment(ind, status, None, f"{_rise(g)} {format_number(abs(g))} {unit} {how}; mục tiêu «{plan}»",
                      g, unit, "yoy")
FALL_IN_WHAT_REASON = ("mục tiêu «{plan}» là mức giảm, nhưng với đơn vị tính «{unit}» không rõ là giảm {v} điểm % hay giảm "
                       "{v}% so với năm trước: không đánh giá")
FALL_BOTH_WAYS_REASON = ("mục tiêu «{plan}» đọc theo cả hai cách cho cùng kết quả: giảm {v} điểm % (thực hiện giảm "
                         "{points} điểm %) và giảm {v}% so với năm trước (thực hiện giảm {relative}%)")


def _both_falls(ind: Indicator, fall: Target, tolerance: Decimal) -> tuple[Status, str] | None:
    """(status, reason) of a fall in % on a row in % («Giảm 0,5%» of a poverty rate) where the fall read in
    points and read as a per cent of last year's figure give the same verdict ({«Đạt», «Vượt»}: «Đạt», as for a
    range); None where they differ, or the row gives no figures to measure the fall (a level of 0 before, no
    result), or its direction is not «lower is better» (a fall planned on a row better higher is not judged)."""
    r = ind.exact.get("result", ind.result) if ind.exact else ind.result
    p = ind.previous
    if r is None or p is None or p <= _ZERO or ind.direction != "down":
        return None
    points = p - r
    relative = points / p * _HUNDRED
    statuses = {judge(x, fall, "up", tolerance)[0] for x in (points, relative)}
    if len(statuses) == 1:
        status = statuses.pop()
    elif statuses == {"dat", "vuot"}:
        status = "dat"
    else:
        return None
    return status, FALL_BOTH_WAYS_REASON.format(plan=vtext.clean(fall.text), v=format_number(fall.value),
                                                points=format_number(points),
                                                relative=format_number(relative.quantize(Decimal("0.01"))))


FALL_AGAINST_DIRECTION_REASON = ("mục tiêu «{plan}» là mức giảm, nhưng chỉ tiêu được xác định theo chiều khác ({why}): "
                                 "không kết luận được, không đánh giá")
PERCENT_RESULT_REASON = ("số thực hiện ghi theo tỷ lệ % («Đạt 100%», «95%») trong khi chỉ tiêu tính bằng «{unit}»: "
                         "không so được với số kế hoạch, không đánh giá")


# Units that are a percentage written in words («Tỷ lệ», «phần trăm»): a result in % is in the row's unit.
_PERCENT_UNITS = frozenset({"ty le", "ti le", "phan tram", "ty le phan tram"})


def percent_on_other_unit(ind: Indicator) -> bool:
    """A result shown in % («Đạt 100%», «95%») on a row counted in another unit (tỷ đồng, ha): not a figure
    to compare with the plan. A growth plan («Tăng 12%») and a unit that is a percentage are none."""
    unit = ind.unit
    return (bool(unit) and "%" not in unit and not ind.growth_target and shows_percent(ind)
            and vtext.fold(unit).strip(" .()") not in _PERCENT_UNITS)


def shows_percent(ind: Indicator) -> bool:
    """Does the result cell show a % sign (text «95%», «Đạt 100%», a cell formatted as %), a change («Tăng 12%») aside?"""
    p = ind.readings.get("result") if ind.readings else None
    if p is not None and p.percent:
        return True
    rr = ind.result_reading
    # the figure's own «%», not a note's: «Ước 12.600 (đạt 105%)» is 12.600 in the row's unit
    return rr is not None and not rr.change and "%" in _NOTES.sub("", rr.text)


_NOTES = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")


def unit_mismatch(a: Assessment) -> bool:
    """Was the row left unjudged because its figure is ≥ IMPLAUSIBLE_FACTOR times the plan or ≤ its inverse?"""
    return a.status == "khong_danh_gia" and a.reason.startswith(UNIT_MISMATCH_REASON.split("{")[0])


def _unit_mismatch(ind: Indicator, ratio: Decimal, growth: tuple) -> Assessment:
    """34.285 người against a plan of 29,1 (nghìn người): a unit mismatch, not a result 1.178 times the plan."""
    return Assessment(ind, "khong_danh_gia", None, UNIT_MISMATCH_REASON.format(ratio=format_number(ratio, 1)), *growth)


PERIOD_GROWTH_NO_BASE_REASON = ("mục tiêu «{plan}» là tốc độ tăng bình quân hằng năm giai đoạn {first}–{last}, tính từ "
                                "số năm {base} đến số năm {last}; bảng không có đủ hai số này, không lấy mức tăng của "
                                "một năm thay cho cả giai đoạn: không đánh giá")
YEARLY_AVERAGE_OF_A_YEAR_REASON = ("mục tiêu «{plan}» là tốc độ tăng bình quân hằng năm của một giai đoạn, nhưng kế "
                                   "hoạch của bảng là của một năm, không ghi giai đoạn: không đánh giá")
AVERAGE_FALL_IN_WHAT_REASON = ("mục tiêu «{plan}» là mức giảm bình quân hằng năm{period}, nhưng với đơn vị tính «{unit}» "
                               "không rõ là giảm {v} điểm % hay giảm {v}% mỗi năm: không đánh giá")
PERIOD_FALL_IN_WHAT_REASON = ("mục tiêu «{plan}» là mức giảm{period}, nhưng với đơn vị tính «{unit}» không rõ là giảm {v} "
                              "điểm % hay giảm {v}%, mỗi năm hay cả giai đoạn: không đánh giá")


def _assess_growth(ind: Indicator, t: Target, r: Decimal, tolerance: Decimal, growth: tuple) -> Assessment:
    """A plan that is a growth: over a period (the average yearly growth since the base year) or, on an
    amount ("Tăng 10%"), against the previous year."""
    d = ind.direction
    if ind.growth_base is not None and ind.growth_base > 0 and r > 0 and ind.growth_period[0] > 0:
        # a plan for a period ("KH NQ 2016-2020": "Tăng 11-12%"): the average yearly growth since the base year
        years, first, last = ind.growth_period
        g = ((r / ind.growth_base) ** (Decimal(1) / years) - 1) * _HUNDRED
        status, reason = judge(g, t, d, tolerance)
        return Assessment(ind, status, None, f"{change_words(g, 'bình quân')}/năm giai đoạn {first}–{last} "
                                             f"(so với năm {first - 1}); {reason}", g, "%", "avg_yearly", first - 1,
                          (first, last))
    if ind.growth_period[0] > 0:
        # a growth over a period the table gives no figure of its year before (or no result of its last year) to
        # measure: never judged on the change against the year before, nor that change stated beside the plan
        _years, first, last = ind.growth_period
        return Assessment(ind, "khong_danh_gia", None, PERIOD_GROWTH_NO_BASE_REASON.format(
            plan=vtext.clean(t.text), first=first, last=last, base=first - 1))
    if average_yearly(t.text) is not None:
        # «Tăng bình quân 7%/năm» under a year's plan: a period's average copied into a year's column, not one
        # year's growth (the table names no period to average over): not judged, said why
        return Assessment(ind, "khong_danh_gia", None, YEARLY_AVERAGE_OF_A_YEAR_REASON.format(plan=vtext.clean(t.text)))
    # "Tăng 10%" on an amount: judged by the growth against the previous year
    base = ind.exact.get("previous", ind.previous) if ind.previous is not None else None
    if base is None or ind.previous is None or ind.previous <= 0 or base == 0:  # (a growth on nothing is no figure: never a division by 0)
        return Assessment(ind, "khong_danh_gia", None,
                          f"mục tiêu «{t.text}» là mức tăng so với năm trước, nhưng bảng không có số thực hiện năm trước",
                          *growth)
    g = (r / base - 1) * _HUNDRED
    status, reason = judge(g, t, d, tolerance)
    return Assessment(ind, status, None, f"{change_words(g)} so với năm trước; {reason}", g, "%", "yoy")


def planned_fall(ind: Indicator) -> Target | None:
    """A growth plan written as a fall («Giảm 5%», read as a growth of -5%): the fall as written, else None."""
    t = ind.target
    if not ind.growth_target or t.value is None or t.value >= 0:
        return None
    return reduction_plan(plan_before_base(t.text))  # («Giảm 5% so với năm 2025»: the fall before its base)


def _rise(g: Decimal) -> str:
    """«tăng» or «giảm»: a change is written by its size with its word, never «tăng -7,0%»."""
    return "giảm" if g < 0 else "tăng"


def change_size(g: Decimal, least: int = 1) -> str:
    """The size of a change, `least` decimals («7,0»); a change that they show as 0,0 though it is none with the
    decimals that show it («giảm 0,01%», not «giảm 0,0%» nor «tăng 0,0%»), up to four; smaller still, «dưới
    0,0001» (a change of 0,0000 would say nothing changed, which is not so)."""
    size = abs(g)
    for places in range(min(least, 4), 5):
        shown = format_number(size, places)
        if size == 0 or shown.strip("0,") != "":
            return shown
    return "dưới 0,0001"


def change_words(g: Decimal, middle: str = "") -> str:
    """«tăng 7,0%», «giảm bình quân 0,01%» (`middle`: «bình quân»): a change by its word and its size."""
    return f"{_rise(g)} {middle + ' ' if middle else ''}{change_size(g)}%"


_ZERO = Decimal(0)


UNIT_MISMATCH_REASON = ("số thực hiện bằng {ratio}% kế hoạch: chênh lệch quá lớn (từ 100 lần trở lên), có thể kế hoạch "
                        "và thực hiện ghi theo đơn vị khác nhau (ví dụ người và nghìn người); không đánh giá, hãy kiểm tra lại")


_RANK_CHANGE = re.compile(r"^(?:phan dau\s+)?(tang|giam)\s+(?:(it nhat|toi thieu|tu)\s+)?(\d{1,3})\s*(?:bac|hang|vi tri)\b")


def _rank_change(text: str) -> tuple[Decimal, TargetOp] | None:
    """«Tăng 3 bậc (so với năm 2025)» -> (3, "="); «Tăng ít nhất 2 bậc» -> (2, ">="); «Giảm 1 bậc» -> (-1, "=")."""
    m = _RANK_CHANGE.match(vtext.fold(text).strip())
    if not m:
        return None
    n = Decimal(m.group(3))
    return (n if m.group(1) == "tang" else -n), (">=" if m.group(2) else "=")


def _assess_rank_change(ind: Indicator, tolerance: Decimal, growth: tuple) -> Assessment:
    """A rank whose plan is a number of places to climb («Tăng 3 bậc»): judged by the places gained —
    written as a change («Tăng 5 bậc») or the previous place minus the current one (30th -> 25th: 5)."""
    want, op = _rank_change(ind.target.text)  # type: ignore[misc]
    target = Target(ind.target.text, op, want)
    r = ind.exact.get("result", ind.result)
    if r is not None and ind.previous is not None:
        gained = ind.exact.get("previous", ind.previous) - r
        how = f"từ thứ {format_number(ind.previous)} lên thứ {format_number(r)}" if gained >= 0 else \
            f"từ thứ {format_number(ind.previous)} xuống thứ {format_number(r)}"
    elif ind.result_text and _rank_change(ind.result_text):
        gained, _ = _rank_change(ind.result_text)  # type: ignore[misc]
        how = f"kết quả «{vtext.clean(ind.result_text)}»"
    else:
        why = ("mục tiêu là số bậc tăng, nhưng bảng không có thứ hạng năm trước" if r is not None
               else "chưa có số thực hiện")
        return Assessment(ind, "chua_co_so_lieu" if r is None and not ind.result_text else "khong_danh_gia", None,
                          why, *growth)
    status, _ = judge(gained, target, "up", tolerance)
    word = _rise(gained)
    return Assessment(ind, status, None, f"{how}: {word} {format_number(abs(gained))} bậc; mục tiêu «{ind.target.text}»",
                      gained, "bậc", "yoy")


_FAR = Decimal("1E+18")


# A plan in words that no event happen («Không để xảy ra», «Không để phát sinh», «Không có»), folded, on a row that counts
# events or people (_COUNT_UNITS): a ceiling of 0, lower is better. «Không có» only alone: «Không có kế hoạch» is no goal.
_ZERO_CEILING = re.compile(r"^(?:khong (?:de )?(?:xay ra|phat sinh)\b.*|khong co)$")
_COUNT_UNITS = frozenset({"vu", "vu viec", "truong hop", "ca", "nguoi", "luot", "lan", "su co", "diem", "doi tuong",
                          "o dich", "cuoc", "chiec"})
ZERO_CEILING_REASON = "mục tiêu «{plan}»: không vượt quá 0, càng ít càng tốt"


def zero_ceiling(ind: Indicator) -> bool:
    """Is the row's plan a ceiling of 0 («Không để xảy ra» beside «Vụ»)? Never on a row that counts no events
    («Tỷ lệ …», %; «Diện tích …», ha), where the words say nothing of a figure."""
    return (vtext.fold(ind.unit).strip(" .") in _COUNT_UNITS
            and _ZERO_CEILING.match(vtext.fold(ind.target.text).strip(" .!")) is not None)


# A verdict word against a numeric plan («Đạt» against 80%): nobody knows whether the figure reached the plan.
WORD_AGAINST_FIGURE_REASON = "kết quả ghi bằng lời «{text}», không có số để so với kế hoạch {plan}"


def _assess_words(ind: Indicator, text: str, growth: tuple = ()) -> Assessment:
    """A result written in words against a plan in words («Hoàn thành» against «Hoàn thành …»): the outcome it
    states («Chưa đạt», «Hoàn thành»: numbers.WORD_VERDICTS) is the table's own judgement, counted as written; other
    words («Đang thực hiện») are not judged. Against a numeric plan a verdict word is not judged
    (WORD_AGAINST_FIGURE_REASON, _assess_expression)."""
    verdict = word_verdict(text)
    if verdict is None:
        return Assessment(ind, "khong_danh_gia", None, f"kết quả ghi bằng lời («{text}»), không đánh giá bằng số",
                          *growth)
    return Assessment(ind, cast(Status, verdict), None, f"kết quả ghi bằng lời «{text}»: đánh giá theo lời ghi trong bảng",
                      *growth)


def _assess_expression(ind: Indicator, rr, tolerance: Decimal, growth: tuple = ()) -> Assessment:
    """A result written as a bound, a range, a change or in words (README, Attainment rules).

    A bound or range result is judged only when every value it allows gives the same status
    (or only Đạt and Vượt: then Đạt, the status certainly reached); otherwise the row is
    «Không đánh giá» with the reason. A change ("Tăng 12%") is judged only against a target
    that is a change too (a growth target, or an indicator that is a reduction amount).
    """
    t = ind.target
    if rr.kind == "qualitative":
        if word_verdict(rr.text):  # «Đạt» against 80%: the table's verdict only against a plan in words
            return Assessment(ind, "khong_danh_gia", None,
                              WORD_AGAINST_FIGURE_REASON.format(text=rr.text, plan=_plan_figure(ind)), *growth)
        return _assess_words(ind, rr.text, growth)
    against = t
    b = rr.bounds
    if rr.change:
        if rr.change == "giam" and ind.direction_reason.startswith(REDUCTION_START):
            pass  # «Giảm 2,5-3» on a reduction amount («Giảm tỷ lệ hộ nghèo», 2 điểm %): sizes of a fall compared
        elif ind.growth_target or names_a_growth_rate(ind):
            # a growth result against a growth plan in the same unit (%): «Tăng 7,5%» against «Tăng trên 8%», or
            # on a growth rate («Tốc độ tăng trưởng», %) against «>8»; a fall is a negative growth
            b = signed_change(rr.change, b)
        else:
            return Assessment(ind, "khong_danh_gia", None,
                              f"kết quả «{rr.text}» là mức tăng/giảm so với kỳ trước, không so được với mục tiêu «{t.text}»",
                              *growth)
    elif ind.growth_target:
        return Assessment(ind, "khong_danh_gia", None,
                          f"mục tiêu «{t.text}» là mức tăng so với năm trước, kết quả «{rr.text}» không phải số cụ thể",
                          *growth)
    eps = Decimal(1).scaleb(-(max(decimals_of(b.value), decimals_of(b.high or 0)) + 3))
    lo, hi = {
        "=": (b.value, b.value), "~": (b.value, b.value), "range": (b.value, b.high),
        ">": (b.value + eps, _FAR), ">=": (b.value, _FAR), "<": (-_FAR, b.value - eps), "<=": (-_FAR, b.value),
    }[b.op]
    points = [lo, hi] + [x for x in (against.value, against.high) if x is not None and lo <= x <= hi]
    points += [x + d for x in (against.value, against.high) if x is not None for d in (eps, -eps) if lo <= x + d <= hi]
    statuses = {judge(x, against, ind.direction, tolerance)[0] for x in points}
    rule = judge(lo, against, ind.direction, tolerance)[1]
    if len(statuses) == 1:
        status = statuses.pop()
    elif statuses == {"dat", "vuot"}:
        status = "dat"
    else:
        return Assessment(ind, "khong_danh_gia", None,
                          f"kết quả «{rr.text}» có thể đạt hoặc không đạt ({rule}): không kết luận được", *growth)
    return Assessment(ind, status, None, f"kết quả «{rr.text}» (mọi giá trị trong đó cho cùng kết quả); {rule}",
                      *growth)


_FIFTY = Decimal(50)
_TWO_HUNDRED = Decimal(200)
# Indices counted against the year before as 100 (folded name words): «Chỉ số giá tiêu dùng (CPI)», «Chỉ số sản xuất
# công nghiệp (IIP)», «Chỉ số phát triển …». Not a score («Chỉ số hài lòng», PCI, PAPI): those are levels.
INDEX_NAMES = re.compile(r"^(?:chi so (?:gia|san xuat|phat trien)\b)|\b(?:cpi|iip|ppi)\b")
# A growth rate typed as its index (year before = 100): «Tốc độ tăng giá trị sản xuất» 108,5 against «Tăng 8%» is a
# rise of 8,5%, not a rate of 108,5% 13 times its plan. A yearly rate «of a few per cent» lies from a fall of 10% to
# a rise of 30% (RATE_AS_INDEX): a growth-rate row (names_a_growth_rate) whose plan lies there and whose figure lies
# there shifted by 100 (90 … 130) is that index, read as figure − 100, and check says so (validation
# «result_as_index»). A figure outside (45, 250, 85: a true growth from a tiny base), a plan outside (112: the plan
# is an index too) or a result written «Tăng 108,5%» is the rate as written.
RATE_AS_INDEX = (Decimal(-10), Decimal(30))


def names_an_index(ind: Indicator) -> bool:
    """A row whose figure is an index with the year before as 100 (INDEX_NAMES). The words' substrings first: the
    pattern's search costs µs a name, and _growth asks every row in % near 100 (rates of 95% are many)."""
    key = ind.name_key or vtext.fold(ind.name)
    return ("chi so" in key or "pi" in key or "iip" in key) and INDEX_NAMES.search(key) is not None


def rate_typed_as_index(ind: Indicator, t: Target, r: Decimal) -> bool:
    """A growth rate whose figure r is its index (year before = 100), by the bounds of RATE_AS_INDEX."""
    lo, hi = RATE_AS_INDEX
    return (lo + _HUNDRED <= r <= hi + _HUNDRED and t.value is not None and lo <= t.value <= hi
            and (t.high is None or t.high <= hi) and names_a_growth_rate(ind))


def plan_typed_as_index(ind: Indicator, t: Target, r: Decimal) -> bool:
    """A growth rate planned as its index (108: the year before = 100) beside a result that is the rate (8,5), by the
    bounds of RATE_AS_INDEX the other way round: the mirror of rate_typed_as_index."""
    lo, hi = RATE_AS_INDEX
    return (t.value is not None and lo + _HUNDRED <= t.value <= hi + _HUNDRED
            and (t.high is None or t.high <= hi + _HUNDRED) and lo <= r <= hi and names_a_growth_rate(ind))


def index_reading_possible(ind: Indicator, t: Target) -> bool:
    """Could some figure typed in the result cell be read as an index against this plan (index_against_rise, for a
    figure above 50), or this plan as a growth rate's index (plan_typed_as_index, for a figure below 50)? The same
    bounds with the figure left free: the row is then judged by another rule for some figures."""
    v = t.value
    if v is None:
        return False
    lo, hi = RATE_AS_INDEX
    if v < _FIFTY and "%" in ind.unit:
        if names_an_index(ind) and (t.high is None or t.high < _FIFTY):
            return True
        if lo <= v <= hi and (t.high is None or t.high <= hi) and names_a_growth_rate(ind):
            return True
    return (v > _FIFTY and lo + _HUNDRED <= v <= hi + _HUNDRED and (t.high is None or t.high <= hi + _HUNDRED)
            and names_a_growth_rate(ind))


def judged_by_plan_alone(ind: Indicator) -> bool:
    """Is every figure typed in the row's result cell judged as assess judges a point plan or a bound (judge(), ratio
    figure / plan, a zero not filled, a unit mismatch at IMPLAUSIBLE_FACTOR), whatever the figure? Only such a row
    may get a live formula (core.formulas): an index against a rise, a plan typed as an index, a growth target, a
    rise or points plan, a plan in words, an unclear direction, a plan of 0, a result shown in % on another unit
    are judged by other rules for some figures, and a formula would give another verdict than the CLI."""
    t = ind.target
    v = t.value
    if t.op not in ("=", ">", ">=", "<", "<=", "~", "range") or v is None or ind.growth_target:
        return False
    if (t.op == "range" and t.high is None) or rise_as_written(ind):
        return False
    if ind.direction_reason.startswith(UNCLEAR_START) or (t.op == "=" and v == _ZERO and ind.direction != "down"):
        return False
    return not (percent_on_other_unit(ind) or index_reading_possible(ind, t))


PLAN_INDEX_REASON = "kế hoạch «{plan}» ghi dạng chỉ số (năm trước = 100), tức mức tăng {rise}%, so với tốc độ tăng {r}%"


def _assess_plan_index(ind: Indicator, t: Target, r: Decimal, tolerance: Decimal, growth: tuple) -> Assessment:
    """A rate against its plan typed as an index: the plan less 100 is the rise planned (108 -> +8%)."""
    assert t.value is not None
    planned = t.value - _HUNDRED
    rise = replace(t, value=planned, high=None if t.high is None else t.high - _HUNDRED)
    status, reason = judge(r, rise, "down" if ind.direction == "down" else "up", tolerance)
    said = PLAN_INDEX_REASON.format(plan=vtext.clean(t.text), rise=format_number(planned), r=format_number(r))
    return Assessment(ind, status, None, f"{said}; {reason}", *growth)


def index_against_rise(ind: Indicator, t: Target, r: Decimal) -> bool:
    """(given a result r above 50 and a plan below 50) a figure that is an index against a plan that is a rise: an
    index row (INDEX_NAMES) whose plan stays below 50, or a growth rate typed as its index (rate_typed_as_index)."""
    if "%" not in ind.unit:
        return False
    if names_an_index(ind):
        return t.high is None or t.high < _FIFTY
    return rate_typed_as_index(ind, t, r)


def plan_index_rise(a: Assessment) -> Decimal | None:
    """The rise a plan typed as an index stands for (108 -> 8), for its sentence; None for any other row."""
    ind, t = a.indicator, a.indicator.target
    if a.status not in ("vuot", "dat", "khong_dat") or ind.result is None or ind.growth_target or t.value is None:
        return None
    r = ind.exact.get("result", ind.result)
    return t.value - _HUNDRED if t.value > _FIFTY and r < _FIFTY and plan_typed_as_index(ind, t, r) else None


def index_rise(a: Assessment) -> Decimal | None:
    """The rise an index was judged by (103,2 -> 3,2), for its sentence; None for any other row."""
    ind, t = a.indicator, a.indicator.target
    if a.status not in ("vuot", "dat", "khong_dat") or ind.result is None or ind.growth_target or t.value is None:
        return None
    r = ind.exact.get("result", ind.result)
    if not (_FIFTY < r < _TWO_HUNDRED and t.value < _FIFTY and index_against_rise(ind, t, r)):
        return None
    return r - _HUNDRED


# A year before typed as its index beside this year's rate (RATE_AS_INDEX's window for a rate's index)
_PREVIOUS_INDEX = (Decimal(90), Decimal(130))


def _rate_or_index(ind: Indicator) -> bool:
    """A row whose figure is a growth rate or an index by its name (GROWTH_RATE_NAMES, names_an_index)."""
    return names_an_index(ind) or GROWTH_RATE_NAMES.search(ind.name_key or vtext.fold(ind.name)) is not None


def _index_figure(ind: Indicator, r: Decimal) -> bool:
    """(given a row in % and a figure r between 50 and 200) is r an index, the year before = 100, whatever the plan
    (CPI 103,2 against a plan of 104 too)? An index row, or a growth rate typed as its index."""
    return names_an_index(ind) or rate_typed_as_index(ind, ind.target, r)


def _assess_index(ind: Indicator, t: Target, r: Decimal, tolerance: Decimal, growth: tuple) -> Assessment:
    """An index near 100 against a plan below 50 («Dưới 4,5%», «Tăng 9 - 10%»): the plan is a rise, the index
    minus 100 is the rise (103,2 -> +3,2%); never 103,2 against 4,5 as two levels. An index far from 100
    (below 50 or from 200 up) is no such reading: not judged."""
    plan = vtext.clean(t.text)
    if r >= _TWO_HUNDRED:
        return Assessment(ind, "khong_danh_gia", None, INDEX_FAR_REASON.format(r=format_number(r), plan=plan), *growth)
    g = r - _HUNDRED
    status, reason = judge(g, t, "down" if ind.direction == "down" else "up", tolerance)
    said = INDEX_REASON if names_an_index(ind) else RATE_INDEX_REASON
    return Assessment(ind, status, None, said.format(r=format_number(r), change=change_words(g), plan=plan)
                      + "; " + reason, *growth)


def as_rise(plan: str) -> str:
    """A plan an index is judged against, said as the change it is: «tăng 8%», «tăng dưới 4,5%»; a plan of a fall
    «giảm 2%», «giảm khoảng 2%» (never «tăng -2%»)."""
    for lead in ("", "khoảng "):
        if plan.startswith(lead + "-"):
            return f"giảm {lead}{plan[len(lead) + 1:]}"
    return f"tăng {plan}"


INDEX_REASON = ("chỉ số {r}% (năm trước = 100) là mức {change} so với năm trước, so với mục tiêu «{plan}» "
                "(mục tiêu là mức tăng, không phải chỉ số)")
RATE_INDEX_REASON = ("tốc độ tăng ghi dạng chỉ số: {r}% (năm trước = 100) là mức {change} so với năm trước, so với "
                     "mục tiêu «{plan}»")
INDEX_FAR_REASON = ("chỉ số {r}% không gần 100 còn mục tiêu «{plan}» là mức tăng: không rõ số thực hiện là chỉ số hay mức "
                    "tăng, không đánh giá")


# Names of a figure that is itself a growth rate (folded): «Tốc độ tăng trưởng GRDP», «Tăng trưởng tín dụng» (in %).
GROWTH_RATE_NAMES = re.compile(r"\b(?:toc do tang|tang truong)\b")


def names_a_growth_rate(ind: Indicator) -> bool:
    """A row in % whose figure is a growth rate («Tốc độ tăng trưởng kinh tế (GRDP)», «Tăng trưởng tín dụng»), with a
    plan that is a figure: a result written «Tăng 7,5%» is that rate, 7,5 (a «Giảm 0,5%», -0,5)."""
    return (vtext.clean(ind.unit) == "%" and not ind.growth_target and ind.target.is_numeric
            and GROWTH_RATE_NAMES.search(ind.name_key or vtext.fold(ind.name)) is not None)


def judge(r: Decimal, t: Target, d: str, tolerance: Decimal = DEFAULT_TOLERANCE) -> tuple[Status, str]:
    """Status of the figure r against the target t in direction d, with the reason (module docstring rules)."""
    v = t.value
    assert v is not None
    status: Status
    if t.op == "=":
        if d == "about":
            status = "dat" if _within(r, v, tolerance) else "khong_dat"
        elif r == v:
            status = "dat"
        else:
            status = "vuot" if _better(r, v, d) else "khong_dat"
        reason = "so với số kế hoạch"
    elif t.op in (">", ">=", "<", "<="):
        ok = {">": r > v, ">=": r >= v, "<": r < v, "<=": r <= v}[t.op]
        status = "dat" if ok else "khong_dat"
        reason = f"mục tiêu «{t.text}»"
    elif t.op == "~":
        if _within(r, v, tolerance):
            status = "dat"
        elif d != "about" and _better(r, v, d):
            status = "vuot"
        else:
            status = "khong_dat"
        reason = f"mục tiêu khoảng {format_number(v)} (sai lệch cho phép ±{format_number(tolerance)}%)"
    else:  # range
        hi = t.high if t.high is not None else v
        if v <= r <= hi:
            status = "dat"
        elif d == "about":
            status = "khong_dat"
        else:
            bound = hi if r > hi else v
            status = "vuot" if _better(r, bound, d) else "khong_dat"
        reason = f"mục tiêu trong khoảng {format_number(v)} – {format_number(hi)}"
    return status, reason


def _within(r: Decimal, v: Decimal, tolerance: Decimal) -> bool:
    return abs(r - v) <= abs(v) * tolerance / _HUNDRED


def _growth(ind: Indicator) -> tuple:
    """The change against the previous year, as Assessment's fields growth, growth_unit and growth_kind (its
    docstring says how to word it): relative (%), in percentage points for a % indicator (in ‰ for a ‰ one), in places for a
    rank (+ = the rank rose), the change an index states (103,2: +3,2%, kind "index"); () for none."""
    if ind.previous is None or ind.result is None:
        return ()
    result, previous = ind.exact.get("result", ind.result), ind.exact.get("previous", ind.previous)
    if is_rank(ind.name, ind.unit):
        return previous - result, "bậc", "yoy"
    if "%" in ind.unit:
        if _FIFTY < result < _TWO_HUNDRED and _index_figure(ind, result):
            return result - _HUNDRED, "%", "index"  # CPI 103,2: the change it states, never 103,2 − 103 in points
        if _PREVIOUS_INDEX[0] < previous < _PREVIOUS_INDEX[1] and -30 < result < 30 and _rate_or_index(ind):
            # the year before typed as its index (107, CPI 103,5) beside this year's rate (8,5; 3,2): 7% and 3,5% were
            # the rates, never «giảm 98,5 điểm %» (rev14 D6)
            return result - (previous - _HUNDRED), "điểm %", "yoy"
        return result - previous, "điểm %", "yoy"
    if "‰" in ind.unit:  # a rate per mille changes by points of it (12,8‰ -> 11,5‰: «giảm 1,3‰»; rev15 R15-16)
        return result - previous, "‰", "yoy"
    if previous == 0:
        return ()
    return (result / previous - 1) * _HUNDRED, "%", "yoy"


@without_gc
def evaluate(table: Table, tolerance: Decimal = DEFAULT_TOLERANCE,
             faults: Mapping[int, str] | None = None, *, groups: dict[int, list[int]] | None = None) -> Attainment:
    """Assess every row of the table and summarise. `faults` (sheet row -> why, from core.gate)
    are rows whose numbers failed a check: they get «Số liệu lỗi», never a ratio or a judgement.
    A table without a plan or a result column is read and reported, every row «Không đánh giá»
    with the reason. `groups`: structures(table.indicators) when the caller has it (core.gate.check)."""
    faults = faults or {}
    inds = table.indicators
    columns = table.columns
    missing = [role for role, has in (("target", lambda: any(i.target.text for i in inds)),
                                      ("result", lambda: any(i.result is not None or i.result_text for i in inds)))
               if role not in columns and not has()]
    if groups is None:
        groups = structures(inds)  # the rows' structures, for the statuses and the summary alike
    if missing:
        reason = ("bảng không có cột kế hoạch nên không so sánh được" if "target" in missing
                  else "bảng không có cột kết quả thực hiện nên chưa đánh giá được")
        assessments = [Assessment(ind, "so_lieu_loi", None, faults[ind.row]) if ind.row in faults
                       else Assessment(ind, "khong_danh_gia", None, reason, *_growth(ind)) for ind in inds]
    else:
        if faults:
            assessments = [Assessment(ind, "so_lieu_loi", None, faults[ind.row]) if ind.row in faults
                           else assess(ind, tolerance) for ind in inds]
        else:
            assessments = [assess(ind, tolerance) for ind in inds]
        noted = _not_judged_by_note(inds, table.year)
        if table.own_cells:
            noted = {**_not_judged_by_own_verdict(table, inds, table.year), **noted}
        for i, reason in noted.items():  # the table's own word, never Vượt/Đạt/Không đạt; no ratio to an old plan
            if assessments[i].status != "so_lieu_loi":
                assessments[i] = replace(assessments[i], status="khong_danh_gia", ratio=None, reason=reason)
        if table.year is not None and table.previous_year is not None and table.previous_year != table.year - 1:
            _no_points_across_years(assessments, table.previous_year, table.year)
        assessments = period_not_judged(table, assessments)
        assessments = rows_part_of_year(table, assessments)
        _incomplete_totals(inds, assessments)
        for head, parts in groups.items():
            if inds[head].row not in faults and head not in noted:
                status = structure_status([assessments[j].status for j in parts])
                assessments[head] = Assessment(inds[head], status, None, STRUCTURE_REASON, *_growth(inds[head]))
        if progress_only(table):  # 6 months against the year's plan: progress, its ratio kept, never a judgement
            assessments = [replace(a, status="khong_danh_gia", reason=PROGRESS_REASON)
                           if a.status in ("vuot", "dat", "khong_dat") else a for a in assessments]
    return Attainment(table=table, assessments=assessments,
                      summary=_summarise(assessments, table.year, groups, _period_words(table),
                                         table_plan_word(table)))


# A row whose figure is the period's as a whole (folded name): a sum or average over its years («Tổng vốn đầu tư
# toàn xã hội giai đoạn 2021-2025», «… 5 năm», «… 2021-2025»), never a year's level («GRDP bình quân đầu người»).
_WHOLE_PERIOD_NAME = re.compile(r"\bgiai doan\b|\bthoi ky\b|\b\d{1,2} nam\b|\b(?:19|20)\d\d\s*-\s*(?:19|20)\d\d\b")
WHOLE_PERIOD_REASON = ("mục tiêu {what} giai đoạn {period}, không so được với số của một năm (cột «{column}»): "
                       "không đánh giá")


def year_against_period(table: Table) -> tuple[int, int] | None:
    """The period of the plan column when the result column is one year's («Mục tiêu Nghị quyết giai đoạn 2021-2025»
    beside «Ước thực hiện năm 2025»); None otherwise. Such a plan is the level to reach by the period's end for most
    rows, but no yardstick of one year for a row that is the period's as a whole (whole_period_row)."""
    from kh_excel.core.table import period_years
    heads = table.column_headers
    if "target" not in table.columns or "result" not in table.columns or period_years(heads.get("result", "")):
        return None
    return period_years(heads.get("target", ""))


def whole_period_row(ind: Indicator) -> str:
    """What makes the row's plan the period's as a whole ('' when nothing does): a growth rate (its plan over a
    period is the yearly average: «bình quân»), a name naming a period (a sum over its years). A plan of a rise
    over a period (growth_target) is judged on the average from the year before the period (core.table
    _period_base), not here."""
    if ind.growth_target:
        return ""
    name = ind.name_key or vtext.fold(ind.name)
    if vtext.clean(ind.unit) == "%" and GROWTH_RATE_NAMES.search(name):
        return "là tốc độ tăng bình quân của cả"
    if _WHOLE_PERIOD_NAME.search(name):
        return "tính cho cả"
    if _MONEY_UNIT.search(vtext.fold(ind.unit)) and not _PER_HEAD.search(name):
        return "tính cho cả"  # a flow of money (revenue, investment) over a period is its sum (rev14 F-F)
    return ""


# A unit of money, and names of a level per head or an average (folded): «GRDP bình quân đầu người» is no sum
_MONEY_UNIT = re.compile(r"\bdong\b|\busd\b")
_PER_HEAD = re.compile(r"\bbinh quan\b|\bdau nguoi\b|/\s*nguoi\b|\bthu nhap\b|\bgia\b")


def period_not_judged(table: Table, assessments: list[Assessment]) -> list[Assessment]:
    """A period's goal against one year's column: the rows that are the period's as a whole are not judged, said
    why (a five-year average growth of 8% is not met by one year's 9,1%, nor a five-year sum judged by 2025 alone);
    the other rows (a level by the period's end) keep their judgement."""
    period = year_against_period(table)
    if period is None:
        return assessments
    column = vtext.clean(table.column_headers.get("result", ""))
    out = []
    for a in assessments:
        what = whole_period_row(a.indicator) if a.status in ("vuot", "dat", "khong_dat") else ""
        out.append(replace(a, status="khong_danh_gia", ratio=None, reason=WHOLE_PERIOD_REASON.format(
            period=f"{period[0]}-{period[1]}", what=what, column=column)) if what else a)
    return out


def rows_part_of_year(table: Table, assessments: list[Assessment]) -> list[Assessment]:
    """A row whose name says its figure runs to a day inside the year (core.periods.row_part_of_year), in a table of
    the year against the year's plan: progress, its ratio kept, never judged (as a whole table of 6 months is)."""
    judged = ("vuot", "dat", "khong_dat")
    rows = [i for i, a in enumerate(assessments)  # («(» first: one test a row, no call, where no name has a note)
            if "(" in a.indicator.name and a.status in judged and row_part_of_year(a.indicator.name, table.year)]
    if not rows or result_span(table) not in (None, 12):
        return assessments
    out = list(assessments)
    for i in rows:
        out[i] = replace(out[i], status="khong_danh_gia", reason=PROGRESS_REASON)
    return out


def not_judged_for_period(a: Assessment) -> str:
    """Why a row is not judged against a period's goal, as a document says it beside the figures ('' when not so):
    «mục tiêu là tốc độ tăng bình quân của cả giai đoạn 2021-2025, không so được với số của một năm»."""
    if a.status != "khong_danh_gia" or _WHOLE_PERIOD_SAID.match(a.reason) is None:
        return ""  # (other reasons that begin «mục tiêu …» are the program's reasoning, for check: rev17 N-5)
    return a.reason.split(" (cột «")[0]


# WHOLE_PERIOD_REASON as said, each field any text: only this reason is written into a document
_WHOLE_PERIOD_SAID = re.compile("^" + re.sub(r"\\\{\w+\\\}", ".*", re.escape(WHOLE_PERIOD_REASON)) + "$", re.S)


def _period_words(table: Table) -> str | None:
    """The period and kind of the figures judged, as the documents name them (core.periods.Period): «6 tháng đầu năm
    2026», «ước thực hiện cả năm 2026»; None for a year's results that name no period (the sentence says «Năm 2026»).
    The year is the table's (its columns', else its title's one year: core.table.title_year)."""
    year = table.year
    if year is None:
        return None
    per = of_table(table, year)
    if "result" not in table.columns:  # a plan alone: its period of years, never its last year (rev20 R20-11)
        return per.whole() if per.years else None
    return per.words() if per.labelled else None


INCOMPLETE_TOTAL_REASON = "là tổng của các thành phần, trong đó {parts} chưa có số liệu: tổng chưa đủ nên chưa đánh giá"


def judged_from_other_rows(a: Assessment) -> bool:
    """A status that follows other rows (a structure's parts, a total's missing parts): no formula over the
    row's own cells can say it, so the -o workbook writes it as a value."""
    return a.reason == STRUCTURE_REASON or a.reason.startswith(INCOMPLETE_TOTAL_REASON.split("{")[0])


def part_rows(inds: list[Indicator]) -> dict[int, list[int]]:
    """index of a row -> indices of its marked parts one level below it («* Khu vực …» under «Tổng giá trị SX»,
    «+ Xây dựng» under «* Khu vực công nghiệp, XD»), by the marks' levels as sentence_names ranks them."""
    out: dict[int, list[int]] = defaultdict(list)
    above: list[tuple[int, int]] | None = None  # rows since the last reset with their level; None: made when needed
    levels: dict[str, int] = {}
    base = None  # the unmarked numbered row the rows since the last reset hang from (None in a new section)
    section = None
    for j, ind in enumerate(inds):
        if ind.section != section:
            section, base, above = ind.section, None, None
        # _row_mark, asked only where an STT that is not a running number or the name's first character can
        # mark the row: most rows are numbered indicators
        stt, first = ind.stt, ind.name[:1]
        mark = _row_mark(ind) if (stt and not stt.isdigit()) or first in _MARK_OF or first.isspace() else ""
        if not mark:
            if ind.kind == "indicator":
                base, above = j, None
            continue
        if above is None:
            above, levels = ([] if base is None else [(base, 0)]), {}
        level = levels.setdefault(mark, len(levels) + 1)
        parent = next((p for p, lv in reversed(above) if lv < level), None)
        above.append((j, level))
        if parent is not None:
            out[parent].append(j)
    return dict(out)


def _incomplete_totals(inds: list[Indicator], assessments: list[Assessment]) -> None:
    """A figure computed from parts of which some are unfilled is unfilled (review r1 class 4): a row whose
    result is the sum of its parts in the same unit (a formula over them), one part «chưa có số liệu» (empty,
    or 0 from a formula over empty cells), is «Chưa có số liệu» with the reason — never «Không đạt» for a
    total that lacks a sector. Deepest rows first, so that a total of totals follows. Without a row
    «chưa có số liệu» there is nothing to do (the marks of the rows are not even read)."""
    if "chua_co_so_lieu" not in map(_STATUS, assessments):
        return
    for i, parts in sorted(part_rows(inds).items(), reverse=True):
        a, ind = assessments[i], inds[i]
        r = ind.exact.get("result", ind.result)
        if a.status not in ("vuot", "dat", "khong_dat") or r is None:
            continue
        missing = [j for j in parts if assessments[j].status == "chua_co_so_lieu"]
        if not missing:  # the cheap test first
            continue
        unit = vtext.fold(ind.unit)
        if any(vtext.fold(inds[j].unit) != unit for j in parts):
            continue
        if any(inds[j].result is None and inds[j].result_text for j in parts):
            continue
        total = sum((inds[j].exact.get("result", inds[j].result) or Decimal(0) for j in parts), Decimal(0))
        if abs(total - r) > max(abs(r), Decimal(1)) * Decimal("0.001"):
            continue  # not the sum of its parts: a figure of its own
        names = ", ".join(f"«{_bare_name(inds[j])}»" for j in missing)
        assessments[i] = Assessment(ind, "chua_co_so_lieu", None, INCOMPLETE_TOTAL_REASON.format(parts=names))


STRUCTURE_REASON = ("cơ cấu: một chỉ tiêu gồm các thành phần, đạt khi mọi thành phần đạt tỷ trọng kế hoạch "
                    "(thành phần không đạt, chưa có số liệu hoặc lỗi quyết định trước)")


def share_parts(head: Indicator, parts: list[Indicator]) -> list[Indicator]:
    """The shares of a structure: the parts measured like it (in %), so that a row the sheet places below it or
    among its shares in another unit ('GRDP bình quân đầu người', triệu đồng) is never read as a share, nor
    keeps the shares after it out (table.structure_parts)."""
    share = "%" in head.unit or not vtext.clean(head.unit)
    return [p for p in parts if ("%" in p.unit) == share]


def no_share_of(head: Indicator, ind: Indicator) -> bool:
    """A row in another unit below or among the shares of a structure in % («- Giá trị tăng thêm ngành nông
    nghiệp | Tỷ đồng» under «Cơ cấu kinh tế»): no part of it, so never named as one («… (Cơ cấu kinh tế)»).
    A blank unit is no other unit (shares often leave the ĐVT cell to the structure's)."""
    return head.name_key.startswith("co cau") and "%" in head.unit and bool(vtext.clean(ind.unit)) \
        and "%" not in ind.unit


def structures(inds: list[Indicator], given: list[tuple[int, list[Indicator]]] | None = None) -> dict[int, list[int]]:
    """index of each structure row («Cơ cấu GRDP» with its shares below it) -> indices of its parts.
    One rule for every output (WRITING.md: the counts equal the items listed): a structure and its parts
    are ONE indicator, judged by structure_status; the parts keep their own status in the row list.
    `given`: (index, structure_parts) of each «Cơ cấu …» row of these very rows that has parts, in order,
    when validation has them (validation.validate_found); a row without parts has no share either."""
    from kh_excel.core.table import structure_parts
    out: dict[int, list[int]] = {}
    taken: set[int] = set()
    for i, given_parts in (((i, None) for i in _structure_heads(inds)) if given is None else given):
        ind = inds[i]
        if i in taken or not ind.name_key.startswith("co cau"):
            continue
        parts = share_parts(ind, structure_parts(inds, i) if given_parts is None else given_parts)
        if parts:
            found, j = [], i  # the parts follow their structure, in order: found by a walk, not a lookup
            for p in parts:
                j += 1
                while inds[j] is not p:
                    j += 1
                found.append(j)
            out[i] = found
            taken.update(found)
    return out


def _structure_heads(inds: list[Indicator]) -> list[int]:
    """The rows that may head a structure: those whose key (fold(name), set by the reader) begins «co cau»,
    each key tested by str.startswith mapped over them in C (no Python step per row). A row without a key
    is asked name_key (which folds the name and keeps it) as each row once was."""
    keys = list(map(_KEY, inds))
    if all(keys):
        return list(compress(count(), map(str.startswith, keys, repeat("co cau"))))
    return [i for i, k in enumerate(keys) if not k or k.startswith("co cau")]


_KEY = attrgetter("key")


_SEVERITY = {"so_lieu_loi": 5, "khong_dat": 4, "chua_co_so_lieu": 3, "dat": 2, "vuot": 1, "khong_danh_gia": 0}


def structure_status(statuses: list[str]) -> Status:
    """A structure is met when every part is within its planned share (a share has no «vượt»: Đạt);
    a failed, unmet or missing part decides first; parts not judged are left out."""
    judged = [s for s in statuses if s != "khong_danh_gia"] or ["khong_danh_gia"]
    worst = max(judged, key=lambda s: _SEVERITY.get(s, 0))
    return "dat" if worst == "vuot" else worst  # type: ignore[return-value]


@lru_cache(maxsize=1 << 12)
def _group_key(name: str) -> str:
    return "".join(vtext.fold(name).split())


_ZEROS: dict[str, int] = dict.fromkeys(STATUSES, 0)


def _empty() -> dict[str, int]:
    return _ZEROS.copy()  # a copy in C: a table has hundreds of sections, each counted from this


def _grouped(per_name: dict[str, dict[str, int]], key_of=_group_key) -> dict[str, dict[str, int]]:
    """Counts per group, from the rows counted per name and status (names in the order they first appear);
    spellings of one name that differ only in accents count as one group, shown as its most used spelling
    (the first of equals). Groups come in the order their names first appear."""
    display: dict[str, dict[str, int]] = {}  # key -> spelling -> rows
    tally: dict[str, dict[str, int]] = {}    # key -> status -> rows
    for name, per_status in per_name.items():
        key = key_of(name)
        variants = display.get(key)
        if variants is None:
            variants = display[key] = {}
            tally[key] = _empty()
        counts = tally[key]
        for status, n in per_status.items():
            variants[name] = variants.get(name, 0) + n
            counts[status] += n
    return {max(display[key].items(), key=itemgetter(1))[0]: counts for key, counts in tally.items()}


def _sentence_of(total: dict[str, int], evaluated: int, not_met: list[Assessment], year: int | None,
                 assessments: list[Assessment], groups: dict[int, list[int]], when: str | None = None,
                 plan: str = PLAN_WORD) -> str:
    """The summary sentence, from copies taken when the summary was made (it is written when first read),
    with the unmet parts of each structure (`groups`, core.attainment.structures) as its figures."""
    details = {id(assessments[h].indicator): _structure_detail([assessments[j] for j in parts], plan)
               for h, parts in groups.items()}
    names = sentence_names(assessments, {id(a.indicator) for a in not_met})
    names.update({k: sentence_name(a.indicator) for a in not_met if (k := id(a.indicator)) in details})  # «Cơ cấu GRDP»
    progress = sum(1 for a in assessments if a.reason == PROGRESS_REASON)
    return summary_sentence(total, evaluated, not_met, year, names, details, progress, when, plan)


def _structure_detail(parts: list[Assessment], plan: str = PLAN_WORD) -> str:
    """«(công nghiệp - xây dựng đạt 98,0% KH; dịch vụ chưa có số liệu)»: the parts that keep a structure from
    being met, as the documents' summary lists them."""
    bad = []
    for p in parts:
        name = _bare_name(p.indicator)
        name = name[:1].lower() + name[1:] if name[1:2].islower() else name
        if p.status == "khong_dat":
            bad.append(f"{name} {not_met_detail(p, plan)[1:-1]}".strip())
        elif p.status in ("chua_co_so_lieu", "so_lieu_loi"):
            bad.append(f"{name} {'chưa có số liệu' if p.status == 'chua_co_so_lieu' else 'số liệu lỗi'}")
    return f"({'; '.join(bad)})" if bad else ""


def summarise(assessments: list[Assessment], year: int | None = None) -> Summary:
    """Counts per status, section, agency and leader. A structure with its parts is ONE indicator (its row
    carries the structure's status, core.attainment.structures): the parts are listed, never counted."""
    return _summarise(assessments, year, structures([a.indicator for a in assessments]))


def _summarise(assessments: list[Assessment], year: int | None, groups: dict[int, list[int]],
               when: str | None = None, plan: str = PLAN_WORD) -> Summary:
    """summarise, with the structures of the rows already found (evaluate finds them for the statuses).
    One pass over the rows, no dict made per row; a section's rows and many of a leader's follow each
    other, so their counts are looked up only where the name changes (the rows are many, the names few)."""
    heads = bare_headings([a.indicator for a in assessments])
    if groups or heads:
        keep = [True] * len(assessments)
        for parts in groups.values():
            for j in parts:
                keep[j] = False
        if heads:  # «Sản xuất lúa» over «- Diện tích», «- Sản lượng»: its parts are the indicators, never it
            for j, a in enumerate(assessments):
                if a.indicator.row in heads:
                    keep[j] = False
        counted = list(compress(assessments, keep))
    else:
        counted = assessments
    total = _empty()
    by_section: dict[str, dict[str, int]] = {}
    agencies: dict[str, dict[str, int]] = {}  # name -> status -> rows, as _grouped takes them
    leaders: dict[str, dict[str, int]] = {}
    not_met = []
    section = leader = _UNSEEN
    in_section: dict[str, int]  # set by the first row: no section is _UNSEEN
    of_leader: dict[str, int] | None = None
    for a in counted:
        status = a.status
        ind = a.indicator
        total[status] += 1
        if ind.section != section:
            section = ind.section
            name = section or "(Không có phần)"
            counts_here = by_section.get(name)
            if counts_here is None:
                counts_here = by_section[name] = _empty()
            in_section = counts_here
        in_section[status] += 1
        for name in ind.lead:
            if name:
                counts = agencies.get(name)
                if counts is None:
                    counts = agencies[name] = _empty()
                counts[status] += 1
        if ind.leader != leader:
            leader = ind.leader
            if leader:
                of_leader = leaders.get(leader)
                if of_leader is None:
                    of_leader = leaders[leader] = _empty()
            else:
                of_leader = None
        if of_leader is not None:
            of_leader[status] += 1
        if status == "khong_dat":
            not_met.append(a)
    evaluated = total["vuot"] + total["dat"] + total["khong_dat"]
    by_agency = _grouped(agencies)
    by_leader = _grouped(leaders, vtext.person_key)
    return Summary(
        evaluated=evaluated,
        counts=total,
        by_section=by_section,
        by_agency=by_agency,
        by_leader=by_leader,
        not_met=not_met,
        compose=partial(_sentence_of, dict(total), evaluated, list(not_met), year, list(assessments),
                        {h: list(parts) for h, parts in groups.items()}, when, plan),
    )


_UNSEEN = object()  # a section or leader no row has


_MARK_OF = {"-": "-", "–": "-", "—": "-", "+": "+", "*": "*", "•": "*", "·": "*"}
_IN_WHICH = ("trong do:", "trong do ", "trong do,")
_NUMBERING = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,4}\.)\s*(?=\S)")
_SUB_STT = re.compile(r"^(?:[a-zđ]\s*[).]|\d{1,3}(?:\.\d{1,3})+\.?)$", re.I)


PART_MARKS = ("-", "+", "*", "•", "–")  # what marks a row as a part of the one above it


_OUTLINE = re.compile(r"\s*(\d+(?:\.\d+)*)\.?\s*\S")


def _numbered_under(name: str, head: str) -> bool:
    """«2.1. Thịt hơi» is numbered under «2. Sản phẩm chăn nuôi» (outline numbers typed in names)."""
    a, b = _OUTLINE.match(name), _OUTLINE.match(head)
    return a is not None and b is not None and a.group(1).startswith(b.group(1) + ".")


def part_headings(inds: list[Indicator]) -> set[int]:
    """Rows that head the rows below them: no figure of their own (blank or the 0 a formula over empty cells
    gives), and either no unit and followed by dashed parts that carry their own units («1.2. Củ năng» over
    «- Diện tích | Ha», «- Sản lượng | Tấn»), or, with a unit or without, followed by sub-rows marked in the STT
    column that each carry their own unit and figure (_figures_in_parts: «1 | Sản xuất lúa» over «- | Diện tích |
    Ha | 62.000»; «8 | Tỷ lệ cấp giấy chứng nhận quyền sử dụng đất | %» over «- | Đất công | % | 100»; «6 | Kéo
    giảm tai nạn giao thông» over «- | Số vụ | Vụ | | 6»). Neither a unit nor a plan is missing there; the parts
    are the indicators. A structure («Cơ cấu kinh tế» over its shares, `structures`) is no heading: it is one
    indicator with its shares, judged and counted once."""
    def empty(v) -> bool:
        return v is None or v == 0
    out: set[int] = set()
    for i in range(len(inds) - 2, -1, -1):  # from the bottom: a heading may head headings («4. Cây thực phẩm»)
        ind, nxt = inds[i], inds[i + 1]
        if (empty(ind.target.value) and empty(ind.result)
                and ((not ind.unit and ((nxt.name.lstrip().startswith(PART_MARKS) and nxt.unit) or nxt.row in out
                                        or _numbered_under(nxt.name, ind.name)))
                     or _figures_in_parts(inds, i))):
            out.add(ind.row)
    if out and any(ind.row in out and ind.name_key.startswith("co cau") for ind in inds):
        out.difference_update(inds[i].row for i in structures(inds))
    return out


def bare_headings(inds: list[Indicator]) -> set[int]:
    """Sheet rows that head their parts (part_headings) with no plan or figure of their own: no indicator of their
    own, so no entry of a document, no verdict in its appendix, not counted in a summary (their parts are)."""
    heads = part_headings(inds)
    return {ind.row for ind in inds if ind.row in heads and not ind.target.text and ind.result is None
            and not ind.result_text and ind.previous is None} if heads else set()


# What `attainment` (text, --json) says of a heading row (bare_headings) in place of a verdict: the documents leave its
# «Đánh giá» cell blank and count its parts, never it
HEADING_REASON = ("dòng tiêu đề của các dòng thành phần bên dưới, không có số liệu riêng: không có đánh giá riêng, "
                  "các dòng thành phần là chỉ tiêu")


def heading_rows(att: Attainment) -> set[int]:
    """The rows of an Attainment that have no verdict of their own (bare_headings): what every output of a
    verdict (`attainment` text and --json, the -o copy, the add-in's «Đánh giá» column) leaves blank, as the
    documents' appendix does (docs.context)."""
    return bare_headings([a.indicator for a in att.assessments])


def _figures_in_parts(inds: list[Indicator], i: int) -> bool:
    """Is row i a heading of its sub-rows: no plan or figure of its own, and every sub-row under it marked as a
    part in the STT column («-», «+», «a)») with its own unit and a figure of the period, a plan or a result
    (_part_figure: the parts of a plan carry plans, those of a report often results only, «- Số vụ | Vụ | | 6»)?
    A row that only lacks its plan is not: one with no sub-rows, with a sub-row without unit or figure, or with a
    «Trong đó: …» sub-row (a part of a whole whose figure is missing)."""
    ind = inds[i]
    if ind.kind != "indicator" or ind.target.text or ind.result_text or ind.previous is not None:
        return False
    parts = []
    for nxt in inds[i + 1:]:
        if nxt.kind != "subrow" or nxt.parent_row != ind.row:
            break
        parts.append(nxt)
    return bool(parts) and all(
        _row_mark(p) and p.unit and _part_figure(p) and not p.name_key.startswith(_IN_WHICH) for p in parts)


def _part_figure(ind: Indicator) -> bool:
    """A plan or a result of the period in the row (a previous year's figure alone is none)."""
    return bool(ind.target.text) or ind.result is not None or bool(ind.result_text)


def _row_mark(ind: Indicator) -> str:
    """The list mark that makes a row part of the one above: in its STT («-», «+», «a)») or, where the STT
    column only counts rows, at the start of its name («- Năng suất»); "" for a row that stands alone.
    An empty STT or a running number («12») marks nothing: one C-level test for most rows."""
    stt = ind.stt
    if stt and not stt.isdigit():
        stt = stt.strip()
        if stt[:1] in _MARK_OF:
            return _MARK_OF[stt[:1]]
        if _SUB_STT.match(stt):
            return "a)" if not stt[0].isdigit() else "1.1"
    return _MARK_OF.get(ind.name.strip()[:1], "")


def _in_which(name: str) -> bool:
    """«Trong đó: …» (any case, accents or not); the cheap test first, the fold only for candidates."""
    head = name.lstrip()[:4].lower()
    return head == "tron" and vtext.fold(name).startswith(_IN_WHICH)


def in_which_owners(inds: list[Indicator]) -> dict[int, Indicator]:
    """Sheet row of each «Trong đó: …» sub-row -> the row it is a part of: the row directly above it («Tỷ lệ lao
    động tham gia bảo hiểm xã hội», then «Trong đó: bảo hiểm xã hội tự nguyện»), never the numbered indicator over
    both, which the table does not say it is a part of. A «Trong đó» right under another belongs where that one
    does (two parts of one row). The row above must be of the same indicator: in one agency's rows (a list with
    gaps) the row listed above may be another indicator's, and is no owner."""
    out: dict[int, Indicator] = {}
    prev: Indicator | None = None
    for ind in inds:
        if prev is not None and ind.kind == "subrow" and ind.parent_row is not None \
                and (prev.row == ind.parent_row or prev.kind == "subrow" and prev.parent_row == ind.parent_row) \
                and _in_which(ind.name):
            out[ind.row] = out.get(prev.row, prev)
        prev = ind
    return out


def _bare_name(ind: Indicator) -> str:
    """The name as a sentence writes it: without the list mark («- Năng suất» -> «Năng suất»), a running
    number typed into it («1.3.Ngô» -> «Ngô») or a leading «Trong đó:»."""
    name = ind.name.lstrip("".join(_MARK_OF) + " ").strip()
    name = _NUMBERING.sub("", name, count=1) if not name[:1].isdigit() or "." in name[:6] else name
    if _in_which(name):
        name = name[len("Trong đó"):].lstrip(":, ").strip()
        name = name[:1].upper() + name[1:]
    return name or ind.name


def sentence_name(ind: Indicator) -> str:
    """_bare_name as a sentence writes it: a name typed in capitals in sentence case (text.sentence_case, the
    documents' rule), never «(1) TỔNG THU NGÂN SÁCH NHÀ NƯỚC TRÊN ĐỊA BÀN» in the summary (rev20 R20-13)."""
    return vtext.sentence_case(_bare_name(ind))


def row_parents(inds: list[Indicator]) -> dict[int, Indicator]:
    """id(indicator) -> the row it belongs to as its marks say: a marked sub-row, the nearest row above it one
    level up (marks rank by first use under a numbered row: «*» > «-» > «+» in the order the table uses them); a
    «Trong đó» row, the row above it (in_which_owners). An unmarked row has none here (it may stand alone)."""
    out: dict[int, Indicator] = {}
    above: list[tuple[Indicator, int]] = []  # the open rows since the last unmarked numbered row, with their level
    levels: dict[str, int] = {}
    section = None
    owners = in_which_owners(inds)
    for ind in inds:
        if ind.section != section:
            section, above, levels = ind.section, [], {}
        mark = _row_mark(ind)
        parent = None
        if not mark:
            if ind.row in owners:
                parent = owners[ind.row]
            elif above and _in_which(ind.name):
                parent = above[-1][0]
            elif ind.kind == "indicator":
                above, levels = [(ind, 0)], {}
        else:
            level = levels.setdefault(mark, len(levels) + 1)
            # a row at this level or deeper is no parent of any row below this one: dropped, the search stays
            # short (100.000 «+» rows under one «-» row were a quadratic walk)
            while above and above[-1][1] >= level:
                above.pop()
            parent = above[-1][0] if above else None
            above.append((ind, level))
        if parent is not None:
            out[id(ind)] = parent
    return out


def sentence_names(assessments: list[Assessment], wanted: set[int] | None = None) -> dict[int, str]:
    """id(indicator) -> the name a sentence gives the row: a marked sub-row names the row it belongs to
    («- Năng suất» under «1.3.Ngô» -> «Năng suất (Ngô)»), the nearest row above it one level up (row_parents),
    so that three «- Năng suất» rows never read alike. An unmarked row names no parent (it may stand alone).
    `wanted` (ids of indicators): only those are named; every row is still walked for the parents."""
    out: dict[int, str] = {}
    inds = [a.indicator for a in assessments]
    parents = row_parents(inds)
    sections = sections_of_repeated(inds)
    for a in assessments:
        ind = a.indicator
        if wanted is None or id(ind) in wanted:
            name = sentence_name(ind)
            parent = parents.get(id(ind))
            named = parent is not None and not no_share_of(parent, ind)
            out[id(ind)] = f"{name} ({sentence_name(parent)})" if named else \
                f"{name} ({sections[ind.row]})" if ind.row in sections else name
    return out


def sections_of_repeated(inds: list[Indicator]) -> dict[int, str]:
    """Sheet row -> its section's title (text.heading_words), for each indicator whose name another indicator of
    another section writes too (a ward's table stacked by former commune: «XÃ TẢ PHÌN (CŨ)» › «Tỷ lệ hộ nghèo»), and for
    each indicator named by a place in a section of places (a department's table with one row per commune under each
    indicator: «TỶ LỆ … BẢO HIỂM Y TẾ» › «Phường Cam Đường»).
    Named alone, three «Tỷ lệ hộ nghèo» of three targets read as one indicator contradicting itself (rev13 R8, R9)."""
    seen: dict[str, set[str]] = {}
    places: dict[str, list[bool]] = {}  # section -> whether each of its indicators is named by a place
    for ind in inds:
        if ind.kind == "indicator" and ind.section:
            seen.setdefault(ind.name_key, set()).add(ind.section)
            places.setdefault(ind.section, []).append(vtext.names_a_place(ind.name))
    # a section whose indicators are places (two at least, most of them): the section is what they measure
    by_place = {sec for sec, flags in places.items() if sum(flags) >= 2 and 2 * sum(flags) >= len(flags)
                and not vtext.names_a_place(sec)}
    if not by_place and all(len(v) < 2 for v in seen.values()):
        return {}
    return {ind.row: vtext.heading_words(ind.section) for ind in inds
            if ind.kind == "indicator" and ind.section
            and (len(seen.get(ind.name_key, ())) > 1 or ind.section in by_place and vtext.names_a_place(ind.name))}


def _unit_words(unit: str) -> str:
    u = vtext.clean(unit)
    if u and u[0].isupper() and (u[1:2].islower() or u[1:2] in (" ", "")) and len(u) > 1:
        u = u[0].lower() + u[1:]
    return u


def _amount(v: Decimal, unit: str, decimals: int | None = None) -> str:
    n = format_number(v, decimals)
    u = _unit_words(unit)
    return n + (u if u in ("%", "‰") else f" {u}" if u else "")


def _figures(a: Assessment) -> tuple[str, str]:
    """(result, plan) as a sentence writes them, with enough decimals that a shortfall the stored values
    hold never reads as equal figures (276,028455 against 276,03: «276,028» and «276,03»)."""
    ind, t = a.indicator, a.indicator.target
    r = ind.result
    assert r is not None  # (only a row with a result figure is written with its figures)
    exact_r = ind.exact.get("result", r)
    unit = "%" if ind.growth_target else ind.unit
    rank = is_rank(ind.name, ind.unit)
    plan_values = [x for x in (t.value, t.high) if x is not None]
    dec = max([decimals_of(r)] + [decimals_of(x) for x in plan_values])
    while dec < 6 and any(format_number(exact_r, dec) == format_number(x, dec) and exact_r != x for x in plan_values):
        dec += 1
    shown = exact_r if dec > decimals_of(r) else r
    if ind.growth_target:
        g = a.growth
        res = ("chưa tính được mức tăng" if g is None else
               change_words(g)
               + (f"/năm bình quân giai đoạn {a.growth_period[0]}–{a.growth_period[1]}" if a.growth_kind == "avg_yearly"
                  and a.growth_period else ""))
    elif rank:
        res = f"xếp thứ {format_number(shown)}"
    else:
        res = f"thực hiện {_amount(shown, unit, dec if shown is not r else None)}"
    if _estimated(ind):
        res = "ước " + res
    return res, _plan_figure(ind)


def _plan_figure(ind: Indicator) -> str:
    """The plan as a sentence writes it: «12.000 tỷ đồng», «trên 95%», «thứ 20», «tăng trên 8%», «giảm 5%»."""
    t = ind.target
    fall = planned_fall(ind)
    if fall is not None:
        t = fall  # «Giảm 5%»: the fall as written, never «tăng -5%»
    unit = "%" if ind.growth_target else ind.unit
    rank = is_rank(ind.name, ind.unit)

    def one(x: Decimal) -> str:
        return f"thứ {format_number(x)}" if rank else _amount(x, unit)
    v = t.value
    assert v is not None  # (a numeric plan, or the fall it states)
    plan = {"=": one(v), ">": f"trên {one(v)}", ">=": f"từ {one(v)} trở lên", "<": f"dưới {one(v)}",
            "<=": f"không quá {one(v)}", "~": f"khoảng {one(v)}"}.get(t.op, "")
    if t.op == "range" and t.high is not None:
        plan = f"từ {format_number(v)} đến {one(t.high)}" if not rank else f"từ thứ {format_number(v)} đến thứ {format_number(t.high)}"
    if ind.growth_target:
        plan = ("giảm " if fall is not None else "tăng ") + plan
    return plan


def _estimated(ind: Indicator) -> bool:
    """A result written as an estimate («ƯTH 11.800»): its figures read «ước …» (WRITING.md: «ước thực hiện»)."""
    rr = ind.result_reading
    return rr is not None and rr.estimate


def not_met_detail(a: Assessment, plan_word: str = PLAN_WORD) -> str:
    """The figures after a not-met row in the report sentence.

    «(đạt 79,2% KH)» only where it cannot mislead: an amount where more is better with a ratio under
    99,95 (a ratio that rounds to 100,0 reads as met). A % indicator where more is better keeps the
    seed's «(95,7%)». Anything else gives result and plan — a failing ceiling «(đạt 120,0% KH)» would
    read as overachievement: «(thực hiện 120 tỷ đồng, kế hoạch không quá 100 tỷ đồng)»; a rank
    «(xếp thứ 22, kế hoạch thứ 20)»; a growth target «(tăng 8,0%, kế hoạch tăng 10%)». `plan_word`: what the table
    calls its plan (core.periods.plan_word: a budget's «(đạt 96,0% DT)», «dự toán 12.770 tỷ đồng»).
    """
    kh, short = plan_word, in_sentence(plan_word)
    ind = a.indicator
    if a.growth_unit == "bậc" and not ind.target.is_numeric and a.growth is not None:  # «Tăng 3 bậc»
        plan = vtext.clean(ind.target.text)
        return f"({_rise(a.growth)} {format_number(abs(a.growth))} bậc, {kh} {plan[:1].lower() + plan[1:]})"
    rise = index_rise(a)
    if rise is not None:  # «(tăng 8,1%, kế hoạch tăng 9%)»: the index read as the rise it states
        return f"({change_words(rise)}, {kh} {as_rise(_plan_figure(ind))})"
    by_points = judged_by_points(a)
    if by_points:
        plan = vtext.clean(ind.target.text)
        plan = plan[:1].lower() + plan[1:]
        if by_points == "change":  # «Giảm 1 điểm %»: the change, and the plan
            return f"({_rise(cast(Decimal, a.growth))} {format_number(abs(cast(Decimal, a.growth)))} {a.growth_unit}, " \
                   f"{kh} {plan})"
        if ind.result is not None:  # «Mức giảm tỷ suất sinh» 0,1‰ against «Giảm 0,2‰»: the fall's size
            return f"(thực hiện {_amount(ind.result, ind.unit)}, {kh} {plan})"
        if ind.result_reading is not None:  # «Giảm 1,6 điểm %» as written
            text = vtext.clean(ind.result_reading.text)
            return f"({text[:1].lower() + text[1:]}, {kh} {plan})"
    if not ind.target.is_numeric:
        return ""
    if ind.result is None:  # a result written as an expression («Tăng 7,5%», «Trên 8»): as written, and the plan
        rr = ind.result_reading
        if rr is None or rr.kind == "qualitative" or not rr.bounds.is_numeric:
            return ""
        text = vtext.clean(rr.text)
        return f"({text[:1].lower() + text[1:]}, {kh} {_plan_figure(ind)})"
    plain = ind.direction == "up" and not ind.growth_target and not is_rank(ind.name, ind.unit)
    about = "ước " if _estimated(ind) else ""
    rr = ind.result_reading
    if rr is not None and rr.approximate and not ind.growth_target and not is_rank(ind.name, ind.unit):
        # «Gần 440»: as near as the cell says, never «(đạt 97,8% KH)» nor a bare «(93%)» (rev19 N-3)
        return f"({about}thực hiện {about_word(rr.text)} {_amount(ind.result, ind.unit)}, {kh} {_plan_figure(ind)})"
    if plain and "%" in ind.unit:
        return f"({about}{format_number(ind.result)}{'%' if ind.unit.strip() == '%' else ' ' + _unit_words(ind.unit)})"
    if plain and a.ratio is not None and a.ratio < Decimal("99.95"):
        return f"({about}đạt {format_number(a.ratio, 1)}% {short})"
    res, plan = _figures(a)
    return f"({res}, {kh} {plan})" if plan else f"({res})"


def summary_sentence(total: dict[str, int], evaluated: int, not_met: list[Assessment], year: int | None,
                     names: Mapping[int, str] | None = None, details: Mapping[int, str] | None = None,
                     progress: int = 0, when: str | None = None, plan: str = PLAN_WORD) -> str:
    """The report sentence in the style of seed 004; `names` (sentence_names) gives each row the name a
    sentence uses (a sub-row with its parent); `details` the figures of a structure (its unmet parts).
    `progress`: rows of a part of the year against the year's plan (core.periods), said to be progress. `when`: the
    period and kind of the figures («6 tháng đầu năm 2026», «ước thực hiện cả năm 2026»), else «năm {year}». `plan`:
    what the table calls its plan («kế hoạch», a budget's «dự toán»: core.periods.plan_word)."""
    names, details = names or {}, details or {}
    when = when or (f"năm {year}" if year else "")
    when = when[:1].upper() + when[1:]
    met = total["vuot"] + total["dat"]

    def rest() -> str:
        """The rows neither judged nor progress, in one order for both sentences."""
        counted = {**total, "khong_danh_gia": total["khong_danh_gia"] - progress}
        extra = [f"{counted[k]} chỉ tiêu {words}" for k, words in (
            ("chua_co_so_lieu", "chưa có số liệu"), ("khong_danh_gia", "không đánh giá bằng số"),
            ("so_lieu_loi", "có số liệu lỗi, chưa đánh giá")) if counted[k]]
        return "; " + "; ".join(extra) if extra else ""
    lead = f"{when}, có" if when else "Có"
    if progress and evaluated == 0:
        return (f"{lead} {progress} chỉ tiêu có số liệu của một phần năm; so với {plan} cả năm, đây là tiến độ thực "
                f"hiện, chưa đánh giá đạt hay không đạt {plan}{rest()}.")
    if evaluated == 0:
        return f"{when}, chưa có chỉ tiêu nào đủ số liệu để đánh giá." if when else "Chưa có chỉ tiêu nào đủ số liệu để đánh giá."
    s = f"{lead} {met}/{evaluated} chỉ tiêu đạt và vượt {plan}"
    if not not_met:
        s += f", không có chỉ tiêu nào không đạt {plan}"
    else:
        items = "; ".join(f"({i}) {names.get(id(a.indicator), a.indicator.name)} "
                          f"{details.get(id(a.indicator), not_met_detail(a, plan))}".rstrip() for i, a in enumerate(not_met, 1))
        s += f"; {len(not_met)} chỉ tiêu không đạt {plan}, gồm: {items}"
    return s + rest() + "."
