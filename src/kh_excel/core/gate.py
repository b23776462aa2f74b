"""The gate between a checked table and anything that states its figures (documents, attainment).

Described once, used by `kh-excel render`, `batch`, `attainment` and the add-in:

- a table whose check has errors is refused, every error listed with its cell
  (`Refused`, exit 1); a report of a table with no result column is refused too
  (exit 2), with the reason `render` has always given;
- allowed anyway (`--allow-errors`, or the add-in's confirmation), the rows whose
  numbers failed a check are «số liệu lỗi»: their failed cells are blanked out of the
  document's copy of the table and their status is `so_lieu_loi` (no ratio, no
  judgement, not counted among the evaluated rows). Errors that say nothing about a
  number (a missing lead agency, a repeated STT) leave the row's figures as they are.

Pure: no Excel, no Word, no files.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace
from decimal import Decimal
from operator import attrgetter
from pathlib import Path
from typing import Callable

from kh_excel.core.model import Attainment, Finding, Indicator, Table, Target, without_gc
from kh_excel.errors import UserError

NUMBER_ROLES = ("target", "result", "previous")
# Cells without which a row's figures cannot be stated or judged: an error value there (an indicator
# without a name, a direction «#REF!») fails the whole row. Errors in the other text cells (unit,
# agencies, leader) leave its figures as a missing unit or agency does.
ROW_ROLES = ("name", "direction")
# Error codes that say a figure written in the table is wrong: the row is «số liệu lỗi».
NUMBER_FAILURES = frozenset({"not_a_number", "excel_error", "share_out_of_range", "structure_sum",
                             "date_in_number_cell", "formula_not_computed"})
# Error codes about something else (a missing cell, the numbering): the row's figures stand.
OTHER_ERRORS = frozenset({"missing_target", "missing_unit", "missing_lead", "duplicate_stt"})
FAULT_TEXT = "số liệu lỗi"  # what a document shows in place of a failed figure
# Warnings that say a figure or a judgement a document states is the program's reading of the cell (a figure read
# both ways, an estimate's words, a formula computed here, a figure far off its plan, a growth rate read as its index,
# a direction not told): the document is made, and whoever has it signed is told which cells to look at
# (figure_warnings).
# Warnings about the table as a whole that whoever makes a document from it is told (docs.api.document_warnings,
# batch.engine.warning_of): another sheet's indicator table or a table below this one not read, a plan column of
# another year not used, one of two plans (or results) of one period taken by the sheet's own formulas, an actual read
# rather than an estimate of one period (or the estimate, the actual being empty), a title's period the result column
# contradicts, a plan's year-less «Thực hiện» read as the year before's, the year before's actual read rather than its
# estimate (or the estimate), rows hidden in the sheet and so not read, a hidden section title still heading the
# visible rows below it, a result column with figures that no plan read is of (result_left_out), a conflict between
# co-lead agencies a merged copy keeps open (said in full, agencies and figures: no document states any of them).
# Rows of another year than the one read, left out of the evaluation and the documents (core.validation.other_year_rows).
TABLE_WARNINGS = ("sheets_not_read", "table_below_not_read", "plan_left_out", "plan_of_formula", "result_of_formula",
                  "result_actual_or_estimate", "title_period_differs", "actual_before_plan", "previous_actual_or_estimate",
                  "hidden_rows_left_out", "hidden_heading_kept", "collect_conflict_open", "result_left_out",
                  "column_not_understood", "goal_left_out", "other_year_rows")


def table_warnings(findings) -> list[str]:
    """The messages of the TABLE_WARNINGS among `findings` (a checked table's, or the reader's alone for a command
    that judges nothing, `forms`): every command says them in the same words."""
    return [f.message for f in findings if f.code in TABLE_WARNINGS]


FIGURE_WARNINGS = ("plan_adjusted_taken",  # (an adjusted plan read over the initial one: core.table)
                   "ambiguous_decimal", "result_expression", "previous_expression", "stretch_target", "result_far_off",
                   "result_as_index", "result_zero", "growth_target", "direction_unclear", "formula_computed",
                   "legacy_encoding", "hidden_column_left_out", "whole_column_left_out", "part_taken_first", "own_ratio_differs",
                   "own_ratio_words", "own_verdict_differs", "shown_rounded", "figure_scaled")
# Of those, the ones about which column the figures were read from (a hidden one left out, the whole's figure not a
# group's): said for every document, whatever cells and rows it states.
COLUMN_WARNINGS = frozenset({"hidden_column_left_out", "whole_column_left_out", "part_taken_first",
                             "plan_adjusted_taken"})

ALLOW_HINT_CLI = ("Sửa các lỗi trên trong bảng tính rồi chạy lại; hoặc thêm --allow-errors để vẫn tạo văn bản "
                  f"(các chỉ tiêu có số liệu sai được ghi là «{FAULT_TEXT}», không tính tỷ lệ, không đánh giá).")
ALLOW_QUESTION = (f"Vẫn tạo văn bản? Các chỉ tiêu có số liệu sai sẽ được ghi là «{FAULT_TEXT}», "
                  "không tính tỷ lệ, không đánh giá.")


class Refused(UserError):
    """The gate refuses: `reason` is the Vietnamese text every front end shows as it is."""

    def __init__(self, reason: str, code: int, errors: list[Finding] | None = None):
        super().__init__(reason)
        self.reason = reason
        self.code = code  # 1: the table has errors; 2: this document cannot be made from this table
        self.exit_code = code
        self.errors = errors or []


@dataclass
class Checked:
    """A table through the gate: its findings, the rows whose figures failed, its attainment."""

    table: Table                      # as read (never changed)
    findings: list[Finding]
    faults: dict[int, str]            # sheet row -> why its figures failed (Vietnamese)
    attainment: Attainment            # of the table as a document may state it (failed cells blanked)
    failed_cells: dict[int, set[str]] = field(default_factory=dict)  # sheet row -> roles that failed

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    def as_written(self, tolerance: Decimal | None = None) -> Attainment:
        """The attainment with every figure as the sheet writes it (a failed one shown beside its
        «Số liệu lỗi»), for the attainment command, its -o copy and the add-in's columns; the
        statuses are the gate's. With nothing failed it is `attainment` itself, not evaluated again."""
        if not self.faults:
            return self.attainment
        from kh_excel.core.attainment import DEFAULT_TOLERANCE, evaluate
        return evaluate(of_its_year(self.table, self.findings),
                        DEFAULT_TOLERANCE if tolerance is None else tolerance, self.faults)


def of_its_year(table: Table, findings: list[Finding]) -> Table:
    """The table without the rows check found to be of another year than the one read (other_year_rows: nothing
    of this year, a figure of another; for a plan document, no plan): the rows its warning names, no indicator of
    this reading's documents, and not judged."""
    gone = {row for f in findings if f.code == "other_year_rows" for row in f.params["left_out"]}
    if not gone:
        return table
    return replace(table, indicators=[ind for ind in table.indicators if ind.row not in gone],
                   other_year_left_out=[*table.other_year_left_out,
                                        *(ind for ind in table.indicators if ind.row in gone)])


def _for_plan_document(table: Table, findings: list[Finding]) -> list[Finding]:
    """The findings with other_year_rows said as a plan document leaves the rows out: a row with a result and no
    plan (result_without_plan), stated by a report «không có số kế hoạch», is no plan's target either."""
    from kh_excel.core.validation import other_year_finding, other_year_rows
    rows = other_year_rows(table, plan=True)
    kept = [f for f in findings if f.code != "other_year_rows"]
    return [*kept, other_year_finding(table, rows, plan=True)] if rows else kept


REFUSAL_LISTED = 40  # errors a refusal names one by one (render, batch); `kh-excel check --all` lists every one


def errors_reason(table: Table, errors: list[Finding], limit: int | None = None, more: str = "") -> str:
    """The refusal, one line per error with its cell: the same text in render, batch and the add-in
    (whose message box lists the first `limit` and says how many more there are, `more` saying where to
    see them)."""
    lines = [f"bảng chỉ tiêu (tệp «{Path(table.file).name}», trang «{table.sheet}») có {len(errors)} lỗi "
             "nên chưa tạo văn bản:"]
    for f in errors[:limit]:
        led = not f.cell or f.message.startswith(f"Ô {f.cell} ")  # a message naming its cell first
        lines.append(f"- {f.message}" if led else f"- Ô {f.cell}: {f.message}")
    if limit is not None and len(errors) > limit:
        lines.append(f"- … và {len(errors) - limit} lỗi khác{more}.")
    return "\n".join(lines)


_ERRORS_REASON = re.compile(r"^bảng chỉ tiêu \(tệp «[^\n]*», trang «[^\n]*»\) có \d+ lỗi nên chưa tạo văn bản:")


def is_errors_reason(text: str) -> bool:
    """Is this a refusal for errors (errors_reason), which --allow-errors would let through?"""
    return bool(_ERRORS_REASON.match(text or ""))


def plan_only_reason(table: Table) -> str:
    """Why a document stating results (a report, a meeting's notice) cannot be made from a table with no result column
    of its plan's year; a table with results of an earlier year only (a five-year table's «Ước 2025» beside «Kế hoạch
    năm 2026») is told so: its results are judged against no plan of another year or period."""
    prev, plan = table.previous_year, table.column_headers.get("target", "")
    if prev and "previous" in table.columns:
        return (f"trang «{table.sheet}» có số thực hiện đến năm {prev} (cột «{table.column_headers['previous']}») nhưng "
                f"không có kế hoạch năm {prev}; kết quả không được so với kế hoạch của năm hay giai đoạn khác (cột "
                f"«{plan}»), nên không lập được văn bản nói về kết quả (báo cáo kết quả, thông báo kết luận); thêm cột "
                f"«Kế hoạch năm {prev}» vào bảng, hoặc tạo kế hoạch (ke-hoach), chương trình hành động (chuong-trinh) "
                "hay công văn giao chỉ tiêu (giao-chi-tieu)")
    return (f"trang «{table.sheet}» không có cột kết quả thực hiện nên không lập được văn bản nói về kết quả "
            "(báo cáo kết quả, thông báo kết luận); "
            "thêm cột «Thực hiện năm …» vào bảng, hoặc tạo kế hoạch (ke-hoach), chương trình "
            "hành động (chuong-trinh) hay công văn giao chỉ tiêu (giao-chi-tieu)")


def judged_plan_reason(table: Table) -> str | None:
    """Why no plan document (ke-hoach, chuong-trinh, giao-chi-tieu) is made from a table that already judges its
    plan: a five-year review («Chỉ tiêu Nghị quyết Đại hội VII | Ước thực hiện giai đoạn 2021-2025»), a term's
    results (core.periods.plan_judged), with a figure in the result column. A plan of a period is signed at its
    start; made from the period's results it would set as goals to reach what is being reported as reached
    (rev19 N-6: «Kế hoạch … giai đoạn 2021-2025» from the review of 2021-2025). None where the table plans ahead."""
    from kh_excel.core.periods import plan_judged, years_word
    from kh_excel.core.validation import _has_result
    years = plan_judged(table)
    if years is None or not any(_has_result(ind) for ind in table.indicators):
        return None
    heads, (first, last) = table.column_headers, years
    period = f"{years_word(years, table)} {first}-{last}"
    return (f"trang «{table.sheet}» là bảng kết quả: cột «{heads['result']}» là số thực hiện đến cuối kỳ mà cột kế "
            f"hoạch «{heads['target']}» đặt mục tiêu ({period}), nên kế hoạch {period} đã đến lúc đánh giá, không "
            "còn là kế hoạch để triển khai; không lập văn bản kế hoạch (kế hoạch, chương trình hành động, công văn "
            "giao chỉ tiêu) từ bảng này. Hãy tạo báo cáo kết quả (bao-cao) hay thông báo kết luận (thong-bao); để "
            f"lập kế hoạch kỳ sau, thêm vào bảng cột mục tiêu của kỳ đó (ví dụ «Mục tiêu giai đoạn {last + 1}-"
            f"{last + 5}») rồi chạy lại")


_RANGE = re.compile(r"^([A-Z]+)(\d+):([A-Z]+)(\d+)$")


def failed_cells(table: Table, findings: list[Finding]) -> dict[int, dict[str, list[Finding]]]:
    """Sheet row -> role -> the error findings saying that figure is wrong. A structure whose parts
    do not add up fails its row and every part in that column: none of them can be trusted alone."""
    from kh_excel.core.validation import col_index

    role_of = {c: role for role, c in table.columns.items() if role in NUMBER_ROLES + ROW_ROLES}
    order: list[int] = []  # the rows in table order, made at the first structure that does not add up
    out: dict[int, dict[str, list[Finding]]] = {}
    for f in findings:
        if f.severity != "error" or f.code not in NUMBER_FAILURES or not f.cell:
            continue
        role = role_of.get(col_index(f.cell))
        if role is None:
            continue
        hit = [f.row] if f.row is not None else []
        m = _RANGE.match(str(f.params.get("cells", "")))
        if f.code == "structure_sum" and m:
            if not order:
                order = [ind.row for ind in table.indicators]
                rows = set(order)
            parts = [r for r in range(int(m.group(2)), int(m.group(4)) + 1) if r in rows]
            i = order.index(parts[0]) if parts else 0
            hit = ([order[i - 1]] if i > 0 else []) + parts  # the structure's own row states the same total
        for r in hit:
            out.setdefault(r, {}).setdefault(role, []).append(f)
    named = [r for r, roles in out.items() if "name" in roles]
    if named:
        _fail_parts(table, out, named)
    return out


PARENT_NAME_FAILED = "parent_name_failed"  # no check's code: a row unjudged for its parent's failed name


def _fail_parts(table: Table, out: dict[int, dict[str, list[Finding]]], named: list[int]) -> None:
    """A row whose name failed takes with it the parts whose judgement hangs on that name (role «parent»): the
    rows one level below it (core.attainment.row_parents; an unmarked sub-row, its indicator's) whose own name
    states no direction and names no measure of its own (core.direction.is_part_name): the shares of a lost «Cơ
    cấu GRDP» are judged about their plan, a «Riêng vùng …» of a lost «Tỷ lệ hộ nghèo» as a burden; judged alone,
    each read as an indicator of its own («Công nghiệp - Xây dựng» «Không đạt»). A part named in full («Tỷ lệ bao
    phủ bảo hiểm y tế», «Cơ cấu GRDP»), or whose name gives its direction, is judged as before. The finding
    points at the failed cell; no formula follows it (the judgement after the fix is not known here)."""
    from kh_excel.core.attainment import _bare_name, row_parents
    from kh_excel.core.direction import DEFAULT_REASON, is_part_name
    from kh_excel.core.text import fold

    parents = row_parents(table.indicators)
    lost = {r: out[r]["name"][0] for r in named}  # sheet row -> the finding on its name
    for ind in table.indicators:
        if ind.kind != "subrow" or ind.row in lost:
            continue
        p = parents.get(id(ind))
        owner = p.row if p is not None else ind.parent_row
        if owner not in lost or ind.direction_reason != DEFAULT_REASON:
            continue
        bare = _bare_name(ind)
        if not bare or fold(bare).startswith("co cau") or not is_part_name(bare.split()):
            continue
        cause = lost[owner]
        lost[ind.row] = cause  # (its own parts hang on the lost name too)
        msg = (f"thuộc dòng {owner} có tên chỉ tiêu bị lỗi (ô {cause.cell}): chưa biết là phần của chỉ tiêu nào "
               "nên chưa đánh giá")
        out.setdefault(ind.row, {}).setdefault("parent", []).append(
            replace(cause, code=PARENT_NAME_FAILED, row=ind.row, indicator=ind.name, message=msg))


def failures_by_row(table: Table, findings: list[Finding]) -> dict[int, list[Finding]]:
    """Sheet row -> the error findings that make it «số liệu lỗi» (for formulas that follow a fix)."""
    return {r: [f for fs in roles.values() for f in fs] for r, roles in failed_cells(table, findings).items()}


_INDICATOR_VALUES = attrgetter(*(f.name for f in fields(Indicator)))
_INDICATOR_AT = {f.name: i for i, f in enumerate(fields(Indicator))}  # field -> its place in Indicator(*values)


def _blanked(table: Table, cells: dict[int, dict[str, list[Finding]]]) -> Table:
    """A copy of the table with every failed figure replaced by FAULT_TEXT (the table is not changed).
    Each changed row is a new Indicator of the old one's values (dataclasses.replace looks the fields up
    again for every row: 150.000 failed rows took ten seconds)."""
    inds = []
    for ind in table.indicators:
        roles = cells.get(ind.row)
        if not roles:
            inds.append(ind)
            continue
        changes: dict = {}
        if "target" in roles:
            changes["target"] = Target(text=FAULT_TEXT, op="text")
        if "result" in roles:
            changes.update(result=None, result_text=FAULT_TEXT)
        if "previous" in roles:
            changes["previous"] = None
        values = list(_INDICATOR_VALUES(ind))
        for name, value in changes.items():
            values[_INDICATOR_AT[name]] = value
        inds.append(Indicator(*values))
    return replace(table, indicators=inds)


@without_gc
def check(table: Table, tolerance: Decimal | None = None, findings: list[Finding] | None = None, *,
          plan: bool = False) -> Checked:
    """Validate the table once and evaluate it with its failed rows as «số liệu lỗi». `plan`: for a plan document
    (rows with no plan are none of its: other_year_rows)."""
    from kh_excel.core.attainment import DEFAULT_TOLERANCE, evaluate, structures
    from kh_excel.core.validation import validate_found

    groups = None
    if findings is None:
        # validate's structures serve evaluate too: the blanked copy keeps every row's name, STT, kind and
        # unit (all a structure is found by), so the indices found on the table hold for it
        findings, found = validate_found(table)
        groups = structures(table.indicators, found)
    if plan:
        findings = _for_plan_document(table, findings)
    cells = failed_cells(table, findings)
    # a failed figure of the year before (#DIV/0! in «TH cùng kỳ») loses the comparison only: the plan and the result
    # are sound, and the row is judged and stated (its previous figure blanked, no growth)
    # (a plan stated against that figure, «Tăng 10%», needs it: that row fails)
    growth_rows = {ind.row for ind in table.indicators if ind.growth_target} if cells else set()
    faults = {row: "; ".join(dict.fromkeys(f.message for fs in roles.values() for f in fs))
              for row, roles in cells.items() if roles.keys() - {"previous"} or row in growth_rows}
    shown = _blanked(table, cells) if cells else table
    year_only = of_its_year(shown, findings)
    if year_only is not shown:  # rows of another year left out: the structures are found again among the rest
        shown, groups = year_only, None
    open_rows = {f.row for f in table.reader_findings if f.code == "collect_conflict_open"}
    if open_rows:  # figures the co-lead agencies still dispute: none is stated, whatever the master's cell holds
        shown = replace(shown, indicators=[replace(ind, result=None, result_text="", result_reading=None)
                                           if ind.row in open_rows else ind for ind in shown.indicators])
    att = evaluate(shown, DEFAULT_TOLERANCE if tolerance is None else tolerance, faults, groups=groups)
    if table.own_cells:  # the sheet's own «So sánh»/«Đánh giá» against the attainment (core.own_columns)
        from kh_excel.core.own_columns import disagreements
        findings = [*findings, *disagreements(table, att)]
    return Checked(table, findings, faults, att, {r: set(roles) for r, roles in cells.items()})


PLAN_DOCUMENTS = "văn bản kế hoạch (Kế hoạch, Chương trình hành động, văn bản giao chỉ tiêu)"


def plan_read_apart(table: Table) -> bool:
    """Does a plan document read another plan column than this reading does (core.table.plan_choice: a report's
    reading of «Kế hoạch năm 2025 | Ước thực hiện năm 2025 | Kế hoạch năm 2026» leaves the 2026 plan out)?"""
    choice = table.plan_choice
    return choice is not None and not choice.get("latest") and bool(choice.get("left_out"))


def plan_document_findings(table: Table, plan: Table) -> list[Finding]:
    """What the plan documents would refuse or warn of in the plan column they read (`plan`: the table read for a
    plan document, api.read_workbook(plan=True)), where check's reading (`table`) judges another year's plan: each
    finding on a cell of that column, its message saying which documents it stops (rev11 D7: check passed «Dưới
    12‰» in «Kế hoạch năm 2026», which every plan document then refused). Nothing when both read one column."""
    col = plan.columns.get("target")
    if col is None or col == table.columns.get("target"):
        return []
    from kh_excel.core.validation import col_index, col_letter
    where = f"cột {col_letter(col)} «{plan.column_headers.get('target', '')}»"
    out = []
    for f in check(plan, plan=True).findings:
        if not f.cell or f.sheet != plan.sheet or col_index(f.cell) != col:
            continue
        tail = f"ô này thuộc {where}, cột kế hoạch mà {PLAN_DOCUMENTS} dùng" + (
            ": các văn bản đó chưa tạo được cho đến khi sửa ô này" if f.severity == "error" else "")
        out.append(replace(f, message=f"{f.message.rstrip()} Lưu ý: {tail}."))
    return out


STATED_ROLES = {True: ("name", "direction", "target", "result", "previous"), False: ("name", "direction", "target")}


def check_reads_apart(plan: Table) -> bool:
    """Does check judge another plan column than `plan`, the table read for a plan document (it took the latest year
    the table plans and left an earlier plan out: «Kế hoạch năm 2026 | Ước thực hiện năm 2026 | Kế hoạch năm 2027»)?
    Then check reads the other columns otherwise too (the 2026 estimate as a result, not as the year before)."""
    choice = plan.plan_choice
    return choice is not None and bool(choice.get("latest")) and bool(choice.get("left_out"))


def read_once(read: Callable[[], Table]) -> Callable[[], Table | None]:
    """check's own reading of a workbook for figure_warnings (`check_reading`): `read` run when first asked and its
    table kept; None when it cannot be read (a UserError: check could not read it either, and the cells are then not
    named). One piece for render, the batch and the add-in."""
    kept: list[Table | None] = []

    def reading() -> Table | None:
        if not kept:
            try:
                kept.append(read())
            except UserError:
                kept.append(None)
        return kept[0]
    return reading


def figure_warnings(checked: Checked, file: str = "", *, report: bool = True, rows: set[int] | None = None,
                    check_reading: Callable[[], Table | None] | None = None) -> list[str]:
    """What a document made from a table with FIGURE_WARNINGS says to its maker: one warning, a line saying why
    (the figures are stated as read) and a line per kind with its cells (bounded: «… và N ô khác»). Only the
    cells the document states: a plan's targets, not its results (`report` False); only `rows` (the sheet rows
    of an agency's document, docs.context.agency_rows), when given. A plan document made despite errors in cells it
    never states names them as check does (rev19 N-5: one source): where check reads the table apart
    (check_reads_apart), from `check_reading`, check's own reading of the workbook, asked for only then (an error
    of the plan column check judges, which this reading never reads, is said too; None when it cannot be read
    again: the cells are then not named, never named from another reading)."""
    from kh_excel.core.validation import col_index, finding_summaries
    table = checked.table
    columns = {table.columns[role] for role in STATED_ROLES[report] if role in table.columns}
    warned = [f for f in checked.findings if f.severity == "warning" and f.code in FIGURE_WARNINGS
              and not _printed_as_shown(f)
              and (f.code in COLUMN_WARNINGS
                   or (not f.cell or col_index(f.cell) in columns) and (rows is None or f.row in rows))]
    see = f" (xem: kh-excel check «{Path(file).name}»)" if file else ""
    kept = set(map(id, unstated_left_out(checked))) if not report else set()
    aside = [] if report else [f for f in checked.errors if id(f) not in kept]
    named = True
    if not report and check_reading is not None and check_reads_apart(table):
        reading = check_reading()
        stated = {(f.sheet, f.cell) for f in checked.errors if id(f) in kept}   # the plan's own: never aside
        named = reading is not None
        aside = [f for f in check(reading).errors if (f.sheet, f.cell) not in stated] if named else aside
    unused = [f"bảng có {len(aside)} lỗi ở các ô mà văn bản kế hoạch không nêu ({_cells_named(aside)}): văn bản "
              f"vẫn được tạo; hãy sửa các ô này trước khi lập báo cáo từ bảng{see}."] if aside and named else [
        f"bảng có lỗi ở các ô mà văn bản kế hoạch không nêu (các ô lỗi mà kh-excel check liệt kê): văn bản vẫn được "
        f"tạo; hãy sửa các ô này trước khi lập báo cáo từ bảng{see}."] if aside else []
    if not warned:
        return unused
    cells = len({(f.sheet, f.cell) for f in warned if f.cell})
    return ["\n".join([f"văn bản nêu số liệu và đánh giá theo cách chương trình đã đọc ở {cells} ô có cảnh "
                       f"báo; hãy kiểm tra các ô này trước khi trình ký{see}:",
                       *(f"  – {title}: {text}" for _, title, text in finding_summaries(warned))]), *unused]


def _cells_named(findings: list[Finding], limit: int = 5) -> str:
    """«ô D10, D12» and «… và N ô khác» past `limit`."""
    cells = list(dict.fromkeys(f.cell for f in findings if f.cell))
    more = f" và {len(cells) - limit} ô khác" if len(cells) > limit else ""
    return "ô " + ", ".join(cells[:limit]) + more


def unstated_left_out(checked: Checked) -> list[Finding]:
    """The errors that stop a plan document: not those of a figure it never states (rev18 R18-4: a plan refused for
    «3,6 - 4,1» in «Ước thực hiện năm 2025», a column its appendix does not have). A figure of the result or the
    previous year's column that fails is no number of a plan document's (STATED_ROLES); every other error stands."""
    from kh_excel.core.validation import col_index
    table = checked.table
    unstated = {c for role, c in table.columns.items() if role in NUMBER_ROLES and role not in STATED_ROLES[False]}
    return [f for f in checked.errors
            if not (f.code in NUMBER_FAILURES and f.cell and col_index(f.cell) in unstated)]


def _printed_as_shown(f: Finding) -> bool:
    """A cell whose format hides digits that decide nothing stated beside it: the document prints it as the sheet
    shows it, so there is nothing in the document to check (rev17 N-7: 15 such plan cells warned by ke-hoach)."""
    from kh_excel.core.table import SHOWN_PRINTED
    return f.code == "shown_rounded" and f.params.get("printed", "").startswith(SHOWN_PRINTED.split("{")[0])


def gate(table: Table, *, report: bool, allow_errors: bool = False,
         tolerance: Decimal | None = None) -> Checked:
    """What every document goes through. `report`: the document states results (Kind.report of docs.kinds: bao-cao).
    Raises Refused: code 2 for a report of a table with no results, code 1 for a table with
    errors (unless `allow_errors`)."""
    if report and not table.has_results:
        raise Refused(plan_only_reason(table), 2)
    judged = None if report else judged_plan_reason(table)
    if judged:
        raise Refused(judged, 2)
    checked = check(table, tolerance, plan=not report)
    errors = checked.errors if report else unstated_left_out(checked)
    if errors and not allow_errors:
        # a sheet of 150 000 bad rows is refused in a screenful, not 150 000 lines on the terminal and in a batch's log
        raise Refused(errors_reason(table, errors, REFUSAL_LISTED,
                                    f" (xem từng lỗi: kh-excel check «{Path(table.file).name}» --all)"), 1, errors)
    return checked
