"""The indicator table as the program understands it.

Plain dataclasses, no I/O: the readers build them, validation and attainment
read them, the documents and the add-in render them. Numbers are `Decimal`
so that the precision a cell shows (93,00) survives the trip to a document.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from types import MemberDescriptorType
from decimal import Decimal
from typing import Any, Callable, Literal

# Column roles the reader recognises (keys of Table.columns).
COLUMN_ROLES = (
    "stt",        # STT
    "name",       # Chỉ tiêu
    "unit",       # Đơn vị tính
    "target",     # Kế hoạch năm N / Mục tiêu
    "result",     # Thực hiện / Ước thực hiện năm N
    "previous",   # Thực hiện năm N-1
    "lead",       # Cơ quan chủ trì / chịu trách nhiệm trực tiếp
    "cooperate",  # Cơ quan phối hợp
    "leader",     # Lãnh đạo (tỉnh) phụ trách
    "note",       # Ghi chú
    "direction",  # Chiều (Tăng/Giảm/Khoảng)
)
REQUIRED_ROLES = ("name", "target")

TargetOp = Literal["=", ">", ">=", "<", "<=", "~", "range", "text"]
Direction = Literal["up", "down", "about"]
Status = Literal["vuot", "dat", "khong_dat", "chua_co_so_lieu", "khong_danh_gia", "so_lieu_loi"]
RowKind = Literal["indicator", "subrow"]

STATUS_LABELS: dict[str, str] = {
    "vuot": "Vượt KH",
    "dat": "Đạt KH",
    "khong_dat": "Không đạt",
    "chua_co_so_lieu": "Chưa có số liệu",
    "khong_danh_gia": "Không đánh giá",
    "so_lieu_loi": "Số liệu lỗi",  # a number of the row failed a check: no ratio, no judgement
}


@dataclass(frozen=True, slots=True)
class Target:
    """A plan target as written: `>10`, `khoảng 32`, `130 - 140`, `155.000` or prose."""

    text: str
    op: TargetOp
    value: Decimal | None = None
    high: Decimal | None = None  # upper bound of a range

    @property
    def is_numeric(self) -> bool:
        return self.op != "text" and self.value is not None

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "op": self.op,
            "value": None if self.value is None else float(self.value),
            "high": None if self.high is None else float(self.high),
        }


EMPTY_TARGET = Target(text="", op="text")


@dataclass(slots=True)
class Section:
    numeral: str  # "I", "II", … ("" when the title has none)
    title: str
    row: int      # 1-based sheet row
    serial: int | None = None  # the running number in its STT cell, when the sheet numbers every row


@dataclass(slots=True)
class Indicator:
    """One numbered indicator or one of its sub-rows."""

    row: int                      # 1-based sheet row
    kind: RowKind
    stt: str                      # as written ("1", "-", "+", "a)", "" …)
    name: str                     # NFC, whitespace collapsed
    unit: str = ""
    section: str = ""             # title of the enclosing section
    section_numeral: str = ""
    target: Target = EMPTY_TARGET
    result: Decimal | None = None
    result_text: str = ""         # the result cell as written when it is not a number
    previous: Decimal | None = None
    lead: list[str] = field(default_factory=list)
    cooperate: list[str] = field(default_factory=list)
    leader: str = ""
    note: str = ""
    direction: Direction = "up"
    direction_reason: str = ""
    parent_row: int | None = None  # sheet row of the numbered indicator a sub-row belongs to
    number: int | None = None      # the numbered indicator's STT as an int (sub-rows: their parent's)
    raw: dict[str, Any] = field(default_factory=dict)  # role -> cell value as read
    readings: dict[str, Any] = field(default_factory=dict)  # role -> ParsedNumber / TargetReading, parsed once
    key: str = ""                  # fold(name): accent-free lower-case name, computed once by the reader
    growth_target: bool = False    # "Tăng 10%" on an amount: the target is a growth against the previous year
    exact: dict[str, Decimal] = field(default_factory=dict)  # role -> stored value where the shown one is rounded
    growth_base: Decimal | None = None  # the base year's figure when the plan is a growth over a period
    growth_period: tuple[int, int, int] = (0, 0, 0)  # (years, first, last) of that period ("2016-2020": 5, 2016, 2020)
    result_reading: Any = None     # numbers.ResultReading when the result is written as words ("Trên 4", "61-62")
    footnote: str = ""             # a footnote mark written after the name («(*)», «[2]»), kept apart from it
    previous_reading: Any = None   # numbers.ResultReading of a previous year's cell in words («46*», «3,6 - 4,1»)

    def held(self, role: str) -> Decimal | None:
        """The value a figure's cell holds, the one every rule uses (a format may show it rounded: `exact`), of
        "target" (a point plan; None for any other), "result" or "previous"."""
        if role == "target":
            t = self.target
            return None if t.op != "=" else self.exact.get("target", t.value)
        return self.exact.get(role, self.result if role == "result" else self.previous)

    @property
    def name_key(self) -> str:
        if not self.key:
            from kh_excel.core.text import fold
            self.key = fold(self.name)
        return self.key


@dataclass(slots=True)
class Finding:
    """A validation finding; `code` refers to the catalogue in core.validation."""

    code: str
    severity: Literal["error", "warning"]
    sheet: str
    cell: str            # A1 reference, "" for the whole sheet
    row: int | None
    indicator: str
    message: str         # Vietnamese, NFC
    params: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "sheet": self.sheet,
            "cell": self.cell,
            "row": self.row,
            "indicator": self.indicator,
            "message": self.message,
        }


class DeferredText(partial):
    """A Finding's message made when first read: `partial(make, *args)`, called once, the text then kept in
    its place. A check makes about one warning per ten rows and most are only counted, never shown:
    formatting and cleaning each message cost more than the check that found it. Fields, equality, repr,
    JSON, copies and pickles all read `message`, so they see the text, never this."""

    __slots__ = ()


_MESSAGE_SLOT: MemberDescriptorType = Finding.__dict__["message"]  # the slot itself, under the property below


def _message(finding: Finding) -> str:
    m = _MESSAGE_SLOT.__get__(finding)
    if type(m) is DeferredText:
        m = m()
        _MESSAGE_SLOT.__set__(finding, m)
    return m


setattr(Finding, "message", property(_message, _MESSAGE_SLOT.__set__, doc="Vietnamese, NFC (made when first read)"))


@dataclass
class Grid:
    """Cell values of one sheet as read, before any interpretation.

    `rows[r][c]` is the value at 0-based row r and column c: str, float, int,
    bool, datetime, None, or an `ErrorValue`. `merged` lists 0-based inclusive
    ranges (r1, c1, r2, c2). `number_formats`, when a reader can give them, maps
    (r, c) to the Excel number format so that shown precision can be kept.
    """

    sheet: str
    rows: list[list[Any]]
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    number_formats: dict[tuple[int, int], str] = field(default_factory=dict)
    origin: tuple[int, int] = (0, 0)  # sheet (row, col) of rows[0][0], 0-based
    # Formula cells the file holds without a value (saved by a script): (r, c) -> formula text.
    # Their values in `rows` were computed by recalculation, unless `recalc_failure` says why not.
    uncached: dict[tuple[int, int], str] = field(default_factory=dict)
    recalc_failure: str = ""
    # Name cells' texts read ahead, while the sheet was parsed (core.names_ahead): text -> NameReading.
    names: dict | None = None
    # Columns hidden in the sheet (0-based, of `rows`): a hidden column is never read over a visible one.
    hidden_columns: frozenset[int] = frozenset()
    # Rows hidden in the sheet (0-based inclusive ranges of `rows`, by hand, a filter or a collapsed outline): Excel
    # does not print them, so the reader reads no indicator from one (core.table names those it leaves out).
    hidden_rows: tuple[tuple[int, int], ...] = ()
    # The sheet's formula texts, (r, c) -> text, read when asked (the reader knows the file; None: not known). Read
    # only to tell which of two plan columns the sheet's own comparison formulas divide by (core.table).
    formulas: Callable[[], dict[tuple[int, int], str]] | None = None
    # The sheet is hidden in its workbook (an old year kept out of sight): never named as a table not read (api).
    hidden: bool = False


# Every error value an Excel cell can show: the classic seven, #GETTING_DATA, those of dynamic arrays (#SPILL!,
# #CALC!), of linked data types (#CONNECT!, #BLOCKED!, #UNKNOWN!, #FIELD!, #BUSY!, #EXTERNAL!) and of Python in
# Excel (#PYTHON!, #TIMEOUT!). A cell showing one holds no figure: its row is «số liệu lỗi», the rest reads.
EXCEL_ERRORS = ("#DIV/0!", "#REF!", "#VALUE!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#GETTING_DATA", "#SPILL!",
                "#CALC!", "#CONNECT!", "#BLOCKED!", "#UNKNOWN!", "#FIELD!", "#BUSY!", "#EXTERNAL!", "#PYTHON!",
                "#TIMEOUT!")


@dataclass(frozen=True)
class ErrorValue:
    """An Excel error value such as #DIV/0! found in a cell."""

    code: str

    def __str__(self) -> str:
        return self.code


@dataclass(frozen=True, slots=True)
class TableNote:
    """A note written under the table («(2) Không kể thu tiền sử dụng đất.»): it qualifies the figures or names
    that carry its mark, so a document carries it under the table it prints (core.table.notes_under)."""

    row: int   # 1-based sheet row
    mark: str  # its mark's key (core.text.footnote_key: «2» for «(2)», «[2]», «²»; «*» for «(*)»), "" for none
    text: str  # as written, a «Ghi chú:» heading aside (the document writes its own)


@dataclass
class Table:
    """The indicator table of one sheet."""

    file: str
    sheet: str
    columns: dict[str, int]            # role -> 0-based sheet column
    column_headers: dict[str, str]     # role -> header text as written
    header_rows: list[int]             # 1-based sheet rows of the header (and number row)
    first_data_row: int                # 1-based
    last_data_row: int                 # 1-based
    title_lines: list[str]
    sections: list[Section]
    indicators: list[Indicator]
    reader_findings: list[Finding] = field(default_factory=list)
    year: int | None = None            # plan year from the header ("Kế hoạch năm 2026")
    previous_year: int | None = None
    groups: list[str] = field(default_factory=list)    # column groups seen (Toàn huyện, each commune …)
    periods: list[str] = field(default_factory=list)   # periods seen (6 tháng, 9 tháng, cả năm)
    group: str | None = None           # the group plan and result are read from
    period: str | None = None          # the period they are read from
    # a table with no unit column: the unit its title or its figure columns' headers give every row, and where it
    # was read («Đơn vị tính: triệu đồng»); None when there is none (core.table.table_unit)
    unit_from: tuple[str, str] | None = None
    # which plan the reader took among several (core.table.plan_findings says it): "latest" (read for a plan
    # document), "left_out" (column, label) of plans of other years, "rivals" (column, label) of plans of one period
    # the sheet's formulas chose between, "results" (column, label) of results of one period chosen likewise; not part
    # of the table's reading (repr, ==)
    plan_choice: dict | None = field(default=None, repr=False, compare=False)
    # rows of the body hidden in the sheet that the reader left out (core.table), (1-based row, STT as written): no
    # indicator is read from them; the numbering check counts their numbers as present
    hidden_left_out: list[tuple[int, str]] = field(default_factory=list, repr=False, compare=False)
    # the sheet's own ratio and verdict columns on the indicator rows, compared with the attainment by the gate
    # (core.own_columns): column -> (kind, label, {sheet row: value}); empty when the table has none
    own_cells: dict = field(default_factory=dict, repr=False, compare=False)
    # the notes written under the table («Ghi chú: (1) …», «(*) …», «¹ …»), in sheet order (core.table.notes_under)
    notes: list[TableNote] = field(default_factory=list, repr=False, compare=False)
    # title_lines cell by cell: each line's cells (a merge is one cell) as written, left to right. A cell is a text
    # of its own: «Mẫu số 01», «Nguồn: …», «Đơn vị: Tỷ đồng» to the right of the issuer is no part of its name
    # (docs.context reads the issuer, its place and the appendix title from here); empty for a table built by hand
    title_cells: list[tuple[str, ...]] = field(default_factory=list, repr=False, compare=False)
    # sheet row -> the plan columns of other years (plan_choice «left_out», «cột G «Kế hoạch năm 2026»») that hold a figure on the row: a row with
    # nothing of the year read but a figure of another year is no indicator of this reading's year
    # (core.validation.other_year_rows)
    other_years: dict[int, list[str]] = field(default_factory=dict, repr=False, compare=False)
    # sheet row -> the result columns of the periods not read («cột G «Ước thực hiện năm 2025 9 tháng»») that hold a
    # figure on the row: a row with no plan and no result of the period read is still followed, a row of the year
    # (core.validation: result_without_plan_of_period), never a missing plan
    other_periods: dict[int, list[str]] = field(default_factory=dict, repr=False, compare=False)
    # the rows core.gate.of_its_year left out of this reading as another year's: still the table's (a note under the
    # table whose mark only they carry is no note of this reading's documents: docs.context.appendix_notes)
    other_year_left_out: list[Indicator] = field(default_factory=list, repr=False, compare=False)

    @property
    def has_results(self) -> bool:
        return "result" in self.columns

    @property
    def missing_columns(self) -> list[str]:
        return [r for r in COLUMN_ROLES if r not in self.columns]


@dataclass(slots=True)
class Assessment:
    """Attainment of one indicator row (SPEC §4).

    Growth, and how a document must word it:
    - growth_kind "yoy": the change against the previous year's column («tăng 8,16% so với năm 2025»).
    - growth_kind "index": the figure is an index with the year before as 100 (CPI 103,2; a growth rate typed as
      its index): `growth` is the change it states, index − 100, in % («tăng 3,2% so với năm trước»), never the
      difference of this year's and last year's indices.
    - growth_kind "avg_yearly": a plan over a period («KH NQ 2016-2020: Tăng 11-12%»): `growth` is the
      average yearly growth from `growth_base_year` (the year before the period) to the last year,
      (TH 2020 / Năm 2015)^(1/5) − 1 — never a change against the previous year. Word it
      «tăng bình quân 11,92%/năm giai đoạn 2016–2020» (`growth_period` = (2016, 2020)).
    - growth_unit "%" (relative), "điểm %" (a percentage indicator, in points), "‰" (a per-mille one, in its points), or "bậc" for a rank
      (lower place number is better): growth = previous place − current place, so +12 means the
      rank rose 12 places (30 → 18: «tăng 12 bậc»), −2 that it fell («giảm 2 bậc»).
    """

    indicator: Indicator
    status: Status
    ratio: Decimal | None = None        # result / target × 100, unrounded
    reason: str = ""                    # Vietnamese: why this status
    growth: Decimal | None = None       # see the docstring: its kind and unit say what it is
    growth_unit: str = ""               # "%" (relative), "điểm %" (percentage points), "bậc" (places of a rank)
    growth_kind: str = ""               # "" (none), "yoy" (vs the previous year), "index" (an index's own change),
    #                                     "avg_yearly" (average over a period)
    growth_base_year: int | None = None  # avg_yearly: the base year (2015 for 2016–2020)
    growth_period: tuple[int, int] | None = None  # avg_yearly: (first, last) year of the period

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass
class Summary:
    evaluated: int                                   # rows with a numeric target and result
    counts: dict[str, int]                           # status -> count
    by_section: dict[str, dict[str, int]]            # section title -> status -> count
    by_agency: dict[str, dict[str, int]]             # lead agency -> status -> count
    by_leader: dict[str, dict[str, int]]             # leader -> status -> count
    not_met: list[Assessment] = field(default_factory=list)
    # The report sentence (seed 004 style) is written when first read: `check` and the batch's
    # counts never show it, and naming thousands of rows not met costs more than judging them.
    compose: Any = field(default=None, repr=False, compare=False)
    _sentence: str | None = field(default=None, repr=False, compare=False)

    @property
    def sentence(self) -> str:
        if self._sentence is None:
            self._sentence = self.compose() if self.compose is not None else ""
        return self._sentence


@dataclass
class Attainment:
    table: Table
    assessments: list[Assessment]
    summary: Summary


ZERO_RESULT_REASON = ("số thực hiện bằng 0 trong khi kế hoạch lớn hơn 0: coi là chưa có số liệu (thường là ô chưa nhập "
                      "hoặc công thức cộng các ô trống)")


def zero_means_unfilled(ind: "Indicator") -> bool:
    """Rows where a result of 0 would mean a cell not yet filled: a positive plan, more is better or a level
    to keep («khoảng», a structure's share: a share of 0% is a sector not entered) (the -o workbook's formula
    tests the result cell against this, whatever it holds now)."""
    t = ind.target
    return (ind.direction in ("up", "about") and not ind.growth_target
            and t.is_numeric and t.value is not None and t.value > 0)


def zero_result_unfilled(ind: "Indicator") -> bool:
    """A result of exactly 0 against a positive plan, where more is better: in the tables offices
    keep this is a cell not yet filled (or a formula summing empty cells), not a result of nothing —
    judging it «Không đạt» would put «thực hiện 0» into a signed report. Read as no result yet."""
    r = ind.exact.get("result", ind.result)
    return r is not None and r == 0 and zero_means_unfilled(ind)


def without_gc(fn):
    """Run fn with the cyclic garbage collector paused. Reading a big sheet makes millions of
    small objects and no cycles: the collector's passes over them cost more the bigger the sheet
    (a 100,000-row sheet paid ~12× a 10,000-row one). Reference counting still frees everything."""
    import functools
    import gc

    @functools.wraps(fn)
    def paused(*args, **kwargs):
        if not gc.isenabled():
            return fn(*args, **kwargs)
        gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            gc.enable()
    return paused
