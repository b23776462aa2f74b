"""`kh-excel collect`: decide what each returned workbook gives the master, then write the merged copy.

Nothing uncertain reaches the master: a result that is not a number (nor a target
expression, nor words for a qualitative indicator) is refused, a plan an agency changed is
refused, two agencies (or two files of one agency) giving different values for one row is a
conflict that leaves the master's cell as it was, and a master cell holding a formula is
never overwritten. A row whose plan was refused has its result left out too (a figure against
another plan), and a figure that replaces one already in the master is written but needs a look.
Each of these is reported with the file, sheet and cell it came from. Whole files of another
year, table, sheet, column group or period are refused before any of this (returned.py).
"""
from __future__ import annotations

import math
import re
import warnings
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from kh_excel.api import RECORD_SHEET
from kh_excel.batch.naming import readable
from kh_excel.collect.forms import agency_rows, master_result_label
from kh_excel.collect.returned import MasterIndex, Returned, read_returned
from kh_excel.core import text as vtext
from kh_excel.core.model import ErrorValue, Indicator, Table, Target
from kh_excel.core.validation import col_letter, is_share, share_out_of_range
from kh_excel.core.numbers import (ParsedNumber, decimals_of, excel_decimals, far_apart, format_number,
                                   parse_number, parse_result_text, parse_target)
from kh_excel.core.table import _ONE_GROUP, _TENFOLD, _unit_stripped, plan_weighs
from kh_excel.io.xstring import escaped, identity

# Per-agency lists, in report order: id -> Vietnamese label.
ITEM_LISTS: dict[str, str] = {
    "filled": "điền mới",
    "unchanged": "giữ nguyên",
    "changed": "khác số trong bảng gốc",
    "empty": "để trống",
    "added": "dòng thêm hoặc không khớp",
    "deleted": "dòng bị xóa",
    "new_rows": "chỉ tiêu mới của bảng gốc, phiếu chưa có",
    "refused_plans": "sửa kế hoạch (không nhận)",
    "refused_units": "sửa đơn vị tính (không nhận)",
    "invalid": "số liệu không hợp lệ (không ghi)",
    "far_off": "cách kế hoạch từ 10 lần trở lên (không ghi, cần xem lại)",
    "conflicts": "khác số của cơ quan khác (không ghi)",
    "formula": "ô có công thức (không ghi)",
    "two_readings": "số có hai cách đọc (cần kiểm tra)",
}
# Everything but a plain fill needs a look: a figure that replaces another in the master included.
ATTENTION = ("changed", "added", "deleted", "new_rows", "refused_plans", "refused_units", "invalid", "far_off",
             "conflicts", "formula", "two_readings")


@dataclass(frozen=True)
class Value:
    """A result cell judged: "empty", "number" (a figure), "text" (an expression or words), "invalid", or
    "unsure" (a figure that reads two ways, neither of them possible: listed to be checked, not written)."""

    kind: str
    number: Decimal | None = None
    text: str = ""
    note: str = ""
    doubtful: bool = False         # read one of two ways (the one nearer the plan): the note says so, to be checked

    @property
    def same_key(self) -> Any:
        return self.number.normalize() if self.kind == "number" else vtext.clean(self.text)

    def shown(self) -> str:
        return format_number(self.number) if self.kind == "number" else self.text

    def to_json(self) -> Any:
        if self.kind == "number":
            n = self.number
            return int(n) if n == n.to_integral_value() else float(n)
        return self.text


_AS_TEXT = "số ghi dạng chữ"  # how a figure typed as text is said


def _empty_cell(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def judge_result(raw: Any, number_format: str | None, master: Indicator) -> Value:
    """What a returned result cell says, read by core.numbers as check reads it, strictly: a number of two readings
    is refused, not guessed — unless the master's plan for the row (the one the agency was given, not its file's)
    weighs its two readings as the table's reader does («4.500» beside 5 is 4,5): then that reading, to be checked.
    A figure of one reading written the English way («10,120.5») is written, with check's warning as its note."""
    if _empty_cell(raw):
        return Value("empty")
    if isinstance(raw, ErrorValue):
        return Value("invalid", note=f"ô có giá trị lỗi {raw}")
    if isinstance(raw, bool) or not isinstance(raw, (int, float, Decimal, str)):
        return Value("invalid", note=f"không phải là số ({vtext.clean(raw)})")
    p = parse_number(raw, number_format)
    # the figure before the row's unit («13 xã» beside «Xã»), read as the master's reader reads it (R20-2)
    bare = _unit_stripped(raw, master.unit) if p is None and isinstance(raw, str) and master.unit else None
    if bare is not None and parse_number(bare, number_format) is not None:
        v = judge_result(bare, number_format, master)
        if v.kind == "number":
            said = f"«{vtext.clean(raw)}» ghi kèm đơn vị tính của dòng, đã đọc là {format_number(v.number)}"
            plain = not v.note or v.note.startswith(_AS_TEXT)  # («số ghi dạng chữ «13»»: said better above)
            return replace(v, note=said if plain else f"{said}; {v.note}")
        return v
    if p is not None and not p.was_text:
        return Value("number", p.value.scaleb(2) if p.percent else p.value)  # a 95% cell is the figure 95
    if p is not None:
        if p.was_text and not master.growth_target and isinstance(raw, str) \
                and (m := _ONE_GROUP.fullmatch(raw)) is not None \
                and (decided := _possible_reading(p, m, raw, master)) is not None:
            return decided
        weighed = not master.growth_target and plan_weighs(raw, master.target) is not None
        if weighed:
            return _nearer_value(p, raw, master)
        if p.ambiguous and not p.two_ways:
            # one reading only, written the English way («10,120.5», «12.5»): written as check reads it, with
            # check's own warning (core.numbers: the same reading and the same words)
            return Value("number", p.value, note=p.note.rstrip("."))
        if p.ambiguous:  # two readings and no plan to weigh them: collect writes nothing, and says so
            return Value("invalid", note=f"«{vtext.clean(raw)}»: không rõ dấu phẩy là dấu thập phân hay dấu phân cách "
                                         "hàng nghìn, nên không ghi; đề nghị ghi lại theo quy ước Việt Nam (dấu phẩy là "
                                         f"dấu thập phân: {format_number(p.value)})")
        return Value("number", p.value, note=f"{_AS_TEXT} «{vtext.clean(raw)}», đã đọc là {format_number(p.value)}")
    text = vtext.clean(raw)
    said = bare or text  # «Trên 13 xã» beside «Xã»: the bound «Trên 13», kept as written
    if parse_target(said).op != "text" or master.target.op == "text" or _figure_in_words(said):
        return _nearer_words(text, master)
    return Value("invalid", note=f"«{text}» không phải là số")


_WAYS = {",": ("dấu phẩy thập phân", "dấu phẩy phân cách hàng nghìn kiểu tiếng Anh"),
         ".": ("dấu chấm phân cách hàng nghìn", "dấu chấm thập phân kiểu tiếng Anh")}


def _plan_figures(master: Indicator) -> list[Decimal]:
    """The figures the master's plan cell states, above zero: its number or range («72,4», «130 - 140»), or those
    of a plan in words («Giảm 2-3%»: 2 and 3); none for a plan of growth (the caller's) or words alone."""
    t = master.target
    if t.value is not None:
        bounds = (t.value, t.high)
    elif t.text and (rr := parse_result_text(t.text)) is not None and rr.kind != "qualitative":
        bounds = (rr.bounds.value, rr.bounds.high)
    else:
        return []
    return [v for v in bounds if v is not None and v > 0]


def _impossible(x: Decimal, master: Indicator, figures: list[Decimal]) -> str:
    """Why the reading x cannot be the row's figure, '' if it can: a rate over 100%, or ten times or more away
    from every figure the plan states (the bound the table's reader weighs readings by, core.table._TENFOLD)."""
    if is_share(master) and x > 100:
        return f"{format_number(x)} không thể là một tỷ lệ (quá 100%)"
    if figures and all(x <= 0 or abs((x / f).ln()) >= _TENFOLD for f in figures):
        return f"{format_number(x)} cách xa kế hoạch «{vtext.clean(master.target.text)}» (gấp hoặc kém từ 10 lần trở lên)"
    return ""


def _not_possible(x: Decimal, master: Indicator) -> tuple[str, str] | None:
    """(list, why) for a figure the row cannot hold, None if it can: a share (is_share) below 0 or past 100 is
    invalid, by check's own rule (share_out_of_range); a figure ten times or more from every figure of the plan
    (core.numbers.far_apart, check's «có thể nhập sai đơn vị») is not written either, but to be looked at — a
    figure in đồng for tỷ đồng. Nothing uncertain reaches the master."""
    if share_out_of_range(master, x):
        from kh_excel.core.validation import share_ceiling
        return "invalid", (f"{format_number(x)} không thể là một tỷ lệ phần trăm (ngoài khoảng "
                           f"0–{format_number(share_ceiling(master))}%); không ghi, đề nghị cơ quan kiểm tra lại")
    figures = [] if master.growth_target else _plan_figures(master)
    if figures and all(far_apart(x, f) for f in figures):
        return "far_off", (f"{format_number(x)} gấp hoặc kém kế hoạch «{vtext.clean(master.target.text)}» từ 10 lần "
                           "trở lên, có thể nhập sai đơn vị tính; không ghi, đề nghị cơ quan kiểm tra lại")
    return None


def _possible_reading(p: ParsedNumber, m: re.Match, raw: str, master: Indicator) -> Value | None:
    """A text figure of one group of three digits («2.500», «5.000») reads two ways a thousand times apart. Where
    the row's unit or plan rules one reading out (a rate over 100%, a figure ten times or more from every figure
    the plan cell states, «Giảm 2-3%» included), the other is taken and the note says why; where both are ruled
    out, neither is written (kind "unsure", listed «số có hai cách đọc»). None: both are possible, and the plan's
    nearer reading or the Vietnamese convention decides as before (_nearer_value)."""
    head, sep, tail = m.groups()
    decimal, thousands = Decimal(head + "." + tail), Decimal(head + tail)
    convention, other = (decimal, thousands) if sep == "," else (thousands, decimal)
    if p.value != convention:
        return None  # (read otherwise already: nothing to weigh)
    other = other.quantize(Decimal(1)) if other == other.to_integral_value() else other.normalize()
    figures = _plan_figures(master)
    why_not = {x: _impossible(x, master, figures) for x in (convention, other)}
    if not why_not[convention] and not why_not[other]:
        return None
    text = vtext.clean(raw)
    way, other_way = _WAYS[sep]
    both = f"«{text}» có thể là {format_number(convention)} ({way}) hoặc {format_number(other)} ({other_way})"
    if why_not[convention] and why_not[other]:
        return Value("unsure", text=text, doubtful=True,
                     note=f"{both}; cả hai cách đọc đều không hợp lý ({why_not[convention]}; {why_not[other]}), "
                          "nên không ghi vào bảng gốc; đề nghị cơ quan kiểm tra và ghi lại")
    taken, ruled_out = (other, convention) if why_not[convention] else (convention, other)
    if plan_weighs(raw, master.target) is not None:
        nearer = _nearer_value(p, raw, master)
        if nearer.number == taken:
            return nearer  # the plan's nearer reading is the possible one: said as the reader says it
    if taken == convention:
        return Value("number", taken, note=f"{both}; {why_not[ruled_out]}, nên đã đọc là {format_number(taken)}")
    # against the Vietnamese convention: always to be checked
    return Value("number", taken, doubtful=True,
                 note=f"{both}; {why_not[ruled_out]}, nên chương trình hiểu là {format_number(taken)}, đề nghị kiểm "
                      "tra lại và ghi theo quy ước Việt Nam")


def _nearer_value(p: ParsedNumber, raw: str, master: Indicator) -> Value:
    """A text figure of one group of three digits read as the table reads it, nearer the master's plan
    (core.table._nearer_reading); a reading either way but the Vietnamese thousands dot is to be checked."""
    from kh_excel.core.table import _nearer_reading
    q = _nearer_reading(p, raw, master.target)
    shown = format_number(q.value.normalize())  # (4,5 and 4.500, not «4,500», which reads both ways again)
    if q.value != p.value:  # against the convention: the table's note says how and why
        return Value("number", q.value, note=q.note.rstrip("."), doubtful=True)
    if q.ambiguous:  # «4,500» beside 5: the decimal comma, nearer the plan, yet an English thousands comma too
        return Value("number", q.value, doubtful=True,
                     note=f"{q.note} Kế hoạch của bảng gốc là {format_number(master.target.value)}: "
                          f"{shown} là cách đọc gần kế hoạch hơn")
    return Value("number", q.value, note=f"{_AS_TEXT} «{vtext.clean(raw)}», đã đọc là {shown}")


def _nearer_words(text: str, master: Indicator) -> Value:
    """A result in words, written as the agency wrote it; where its one figure reads two ways («Ước 4.500» beside
    5), the master's reader will take it nearer the plan (core.table._nearer_result): said now, to be checked."""
    from kh_excel.core.table import _nearer_result
    rr = parse_result_text(text)
    if rr is None or master.growth_target:
        return Value("text", text=text)
    near = _nearer_result(rr, master.target)
    if near is rr or not near.note:
        return Value("text", text=text)
    return Value("text", text=text, doubtful=True, note=f"ghi nguyên văn «{text}»; {near.note.rstrip('.')}")


def _figure_in_words(text: str) -> bool:
    """A result the reader reads as a figure or a change («ƯTH 11.800», «Ước: 12.600», «Giảm 7%»): kept as
    written, for the master's reader to judge; words alone («Hoàn thành») are none."""
    rr = parse_result_text(text)
    return rr is not None and rr.kind != "qualitative"


def master_value(ind: Indicator) -> Value:
    if ind.result is not None:
        return Value("number", ind.result)
    if ind.result_text:
        return Value("text", text=ind.result_text)
    return Value("empty")


def _stored_number(v: Any) -> float | None:
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) else None


def same_plan(returned: Target, master: Target, returned_raw: Any = None, master_raw: Any = None) -> bool:
    """Whether the returned plan is the master's. Two stored numbers are compared as stored: a master whose
    number format was changed after the forms were made («15,0» shown for 14,97) has not changed its plan."""
    a, b = _stored_number(returned_raw), _stored_number(master_raw)
    if a is not None and b is not None:
        return math.isclose(a, b, rel_tol=1e-12, abs_tol=0.0)
    if not returned.text:
        return True  # a retyped workbook that does not restate the plan
    if returned.op == "text" or master.op == "text":
        return vtext.fold(returned.text) == vtext.fold(master.text)
    return (returned.op, returned.value, returned.high) == (master.op, master.value, master.high)


# The merged copy records who gave each figure it holds, and which files it was collected from: a hidden sheet the
# reader skips (as a form's META_SHEET). Collecting late forms into the copy reads it back: an agency collected
# earlier has sent, and its own corrected figure on a co-led row corrects its figure, not another agency's. It also
# keeps the figures of a conflict not settled (none of them in the master): the next round lists the row again until
# one figure is written or the agencies agree.
SOURCE_SHEET = RECORD_SHEET  # (named where the reader looks for it: api)
SOURCE_HEADER = ("Mã dòng", "Cơ quan", "Mã cơ quan", "Tệp", "Trang", "Ô", "Số liệu", "Tình trạng",
                 "Số trong bảng gốc khi tổng hợp")
# A conflict's line keeps what the master's cell held when collect left it open (nothing, the master's own figure, or
# one collected before): the conflict stands while the cell holds that, and a figure typed there later settles it.
# A record made before the column (its header shorter) cannot tell a figure typed before from one typed after: its
# conflicts stand whatever the cell holds (warned, never stated), until collect is run again.
_HELD_COLUMN = len(SOURCE_HEADER) - 1
# The «Tình trạng» of a figure's line (a record made before the column has none: written).
SOURCE_STATES = {"written": "đã ghi vào bảng gốc", "unsettled": "khác số của cơ quan khác, chưa ghi"}
_MOST_SOURCES = 100_000  # rows of the record read: a few per indicator; more is no record of ours


@dataclass(frozen=True)
class Source:
    """One line of the record: a file an agency sent (row None), or a figure of it the master holds at `row`."""

    agency_key: str
    agency: str
    file: str                      # the file's name, not its path
    sheet: str = ""
    cell: str = ""
    row: int | None = None
    value: Value | None = None
    unsettled: bool = False        # a figure of a conflict not settled: not in the master, listed again each round
    held: Value | None = None      # (unsettled) what the master's cell held then; None: a record that did not say


def _same_figure(a: Value, b: Value) -> bool:
    """Whether the master still holds the figure recorded (a number as stored, to the float's precision; nothing
    is the same as nothing)."""
    if a.kind == b.kind == "empty":
        return True
    if a.kind == b.kind == "number":
        return math.isclose(float(a.number), float(b.number), rel_tol=1e-9, abs_tol=1e-12)
    return a.kind == b.kind == "text" and a.same_key == b.same_key


_UNSETTLED = vtext.fold(SOURCE_STATES["unsettled"])


def read_sources(index: MasterIndex, lines: list | None = None) -> tuple[list[Source], bool]:
    """The record of a merged copy (SOURCE_SHEET), and whether it has one; `lines`: its rows, header first, when the
    caller has the workbook open (else read from the master's file). An untrusted sheet: lines naming no agency of
    the master are dropped, and a figure's line whose row cannot be found keeps only that the file came."""
    from kh_excel.collect.forms import parse_key, row_digest
    from kh_excel.io.workbook import open_workbook
    table = index.table
    if lines is None:
        try:
            book = open_workbook(table.file)
            if SOURCE_SHEET not in book.sheet_names:
                return [], False
            lines = book.values(SOURCE_SHEET)
        except Exception:  # an unreadable record records nothing
            return [], False
    header = list(lines[0]) if lines else []
    says_held = len(header) > _HELD_COLUMN and isinstance(header[_HELD_COLUMN], str) \
        and vtext.fold(header[_HELD_COLUMN]) == vtext.fold(SOURCE_HEADER[_HELD_COLUMN])
    lines = lines[1:_MOST_SOURCES]
    by_digest: dict[str, list[int]] = {}
    for ind in table.indicators:
        by_digest.setdefault(row_digest(ind.stt, ind.name), []).append(ind.row)
    out = []
    for line in lines:
        key, _, akey, file, sheet, cell, raw, state, held = (list(line) + [None] * 9)[:9]
        akey = vtext.clean(akey) if isinstance(akey, str) else ""
        if akey not in index.agencies or not isinstance(file, str) or not file.strip():
            continue
        row, value = None, None
        k = parse_key(key)
        if k is not None and identity(k[0]) == index.sheet_id:  # (however a reader decoded the sheet's name)
            # the row the key names, or the one row of its STT and name (rows inserted since)
            rows = [k[1]] if index.digest.get(k[1]) == k[2] else by_digest.get(k[2], [])
            if len(rows) == 1 and raw is not None and raw != "":
                row, value = rows[0], _recorded_value(raw)
        unsettled = row is not None and isinstance(state, str) and vtext.fold(state) == _UNSETTLED
        out.append(Source(akey, index.agencies[akey].name, vtext.clean(file),
                          vtext.clean(sheet) if isinstance(sheet, str) else "",
                          vtext.clean(cell) if isinstance(cell, str) else "", row, value, unsettled,
                          held=_recorded_value(held) if unsettled and says_held else None))
    return out, True


def _recorded_value(raw: Any) -> Value:
    """A figure as the record stores it (Value.to_json, or text): nothing, a number or a text."""
    if raw is None or raw == "":
        return Value("empty")
    n = _stored_number(raw)
    if n is None:
        return Value("text", text=vtext.clean(raw))
    return Value("number", Decimal(int(n)) if n.is_integer() and abs(n) < 2**53 else Decimal(repr(n)))


@dataclass
class AgencyReport:
    key: str
    name: str
    files: list[str] = field(default_factory=list)
    earlier: list[str] = field(default_factory=list)  # files collected into the master before (its record)
    blank: list[str] = field(default_factory=list)    # files of this run that filled no result cell: no return
    matched_by: dict[str, int] = field(default_factory=lambda: {"key": 0, "stt_name": 0})
    identified_by: list[str] = field(default_factory=list)
    items: dict[str, list[dict]] = field(default_factory=lambda: {k: [] for k in ITEM_LISTS})
    notes: list[dict] = field(default_factory=list)
    unsettled: list[int] = field(default_factory=list)  # master rows its earlier figure is still in conflict on

    @property
    def returned(self) -> bool:
        """Whether the agency has sent its figures: a file of this run that filled a result cell, or one collected
        before. A form sent back blank is no return: the agency stays on the chase list («Chưa gửi»)."""
        return bool(self.earlier or self.filled_files)

    @property
    def filled_files(self) -> list[str]:
        """This run's files that filled a result cell."""
        return [f for f in self.files if f not in self.blank]


@dataclass
class Collection:
    master: str
    sheet: str
    agencies: list[AgencyReport]
    failed: list[dict]                       # {"file", "reason"}
    conflicts: list[dict]
    writes: dict[int, Value]                 # master row -> value to write
    result_column: int | None                # 0-based; None: the master has none, one is added
    output: str = ""
    skipped_cells: list[dict] = field(default_factory=list)  # formulas / merged cells not overwritten
    sources: list[Source] = field(default_factory=list)      # the record the merged copy keeps (SOURCE_SHEET)
    notes: list[str] = field(default_factory=list)           # about the whole collection

    @property
    def not_returned(self) -> list[str]:
        return [a.name for a in self.agencies if not a.returned]

    def not_returned_shown(self) -> list[str]:
        """The agencies without a usable file, those whose file was refused or blank said so."""
        refused = {f.get("agency") for f in self.failed if f.get("refused")}
        blank = {a.name: a.blank for a in self.agencies if a.blank}
        return [n + (" (tệp gửi bị từ chối)" if n in refused else "")
                + (f" (gửi phiếu trống: {', '.join(f'tệp «{Path(f).name}»' for f in blank[n])})" if n in blank else "")
                for n in self.not_returned]

    @property
    def needs_attention(self) -> bool:
        return bool(self.failed or self.conflicts or self.skipped_cells
                    or any(a.items[k] for a in self.agencies for k in ATTENTION))


def _item(ind: Indicator, **extra: Any) -> dict:
    return {"row": ind.row, "stt": ind.stt, "name": ind.name, **extra}


@dataclass(frozen=True)
class _Figure:
    """A figure given for a master row: from a file of this run, or (`earlier`) one the record kept from a
    conflict of an earlier round that is not settled."""

    agency: str
    file: str
    sheet: str
    cell: str
    value: Value
    earlier: bool = False


def collect(master: Table, returned_paths: list[str | Path]) -> Collection:
    """Read and judge every returned workbook against the master; write nothing."""
    groups = agency_rows(master)
    index = MasterIndex(master, groups)
    reports = {g.key: AgencyReport(g.key, g.name) for g in groups}
    failed: list[dict] = []
    given: dict[int, list[_Figure]] = {}  # master row -> the figures this run's files give it
    sheet_of: dict[str, str] = {}
    earlier, recorded = read_sources(index)
    for src in earlier:
        if src.row is None and src.file not in reports[src.agency_key].earlier:
            reports[src.agency_key].earlier.append(src.file)
    owners, carried = _recorded_rows(earlier, index)
    merged_copy = recorded or bool(index.recorded)  # (a master collect wrote before: its figures may be agencies')
    notes = [] if recorded or not index.recorded else [
        "bảng gốc là bản tổng hợp lập khi chương trình chưa ghi nguồn số liệu: không biết cơ quan nào đã gửi "
        "trước, danh sách «Chưa gửi» chỉ tính các tệp lần này"]
    for path in returned_paths:
        ret = read_returned(path, index)
        if not ret.ok:
            failed.append({"file": ret.file, "reason": ret.reason, "refused": ret.refused,
                           **({"agency": ret.agency} if ret.agency else {})})
            continue
        rep = reports[ret.agency_key]
        rep.files.append(ret.file)
        sheet_of[ret.file] = ret.sheet
        rep.identified_by.append(ret.identified_by)
        rep.notes.extend({"row": None, "stt": "", "name": "", "file": ret.file, "sheet": ret.sheet, "note": n}
                         for n in ret.notes)
        if not _judge_file(ret, index, rep, given):
            rep.blank.append(ret.file)
    conflicts: list[dict] = []
    writes: dict[int, Value] = {}
    open_rows: dict[int, list[_Figure]] = {}  # master row -> the figures of a conflict this run leaves open
    computed = _formula_rows(master)
    for mrow in sorted(given.keys() | carried.keys()):
        ind = index.by_row[mrow]
        new = given.get(mrow, [])
        if mrow in computed:  # the master computes this cell: no figure goes there, nor is any compared with it
            _report_formula(ind, master, new, reports)
            given.pop(mrow, None)
            continue
        # an agency's figure of this run replaces the one it gave before; the others' earlier figures still stand
        entries = new + [g for g in carried.get(mrow, []) if g.agency not in {n.agency for n in new}]
        agencies = list(dict.fromkeys(g.agency for g in entries))
        distinct = {g.value.same_key for g in entries}
        value = entries[0].value
        old = master_value(ind)
        leads = [k for k, rows in index.rows_of.items() if mrow in rows]
        givers = set(agencies)
        own = owners.get(mrow, set())
        if len(distinct) > 1:
            conflicts.append(_item(ind, **_earlier(entries), values=[_figure_json(g, reports) for g in entries]))
            said = [_said(g, reports) for g in entries]
        elif old.kind != "empty" and old.same_key != value.same_key and len(leads) > 1 and not set(leads) <= givers \
                and not (own and own <= givers) and merged_copy:
            # co-led, in a merged copy: the figure already there may be another lead agency's (collected earlier
            # into this copy) or corrected by hand in it; in one run the two would be a conflict, so they are one
            # now: never decided by who came last. Its own agency correcting it (the record says whose it is) is a
            # correction, below. In a master never collected into, the figure is nobody's submission: the
            # single-lead rule (written, «khác số trong bảng gốc»), below.
            cell = f"{col_letter(master.columns['result'])}{mrow}" if "result" in master.columns else ""
            conflicts.append(_item(ind, **_earlier(entries), values=[
                {"agency": "", "source": "bảng gốc", "file": master.file, "sheet": master.sheet, "cell": cell,
                 "value": old.to_json()}] + [_figure_json(g, reports) for g in entries]))
            whose = (f", do {', '.join(reports[a].name for a in sorted(own))} gửi trước" if own else
                     ", không phải số cơ quan nào gửi qua chương trình: có thể đã sửa tay trong tệp tổng hợp")
            said = [f"{old.shown()} (đã có trong bảng gốc, ô {cell}{whose}; chỉ tiêu do {len(leads)} cơ quan cùng "
                    "chủ trì)"] + [_said(g, reports) for g in entries]
        else:
            if not new:
                continue  # (the record alone never writes a figure: nothing of this run gives one)
            writes[mrow] = value
            for a in dict.fromkeys(g.agency for g in new):  # (an earlier figure it now agrees with: its record)
                g = next(g for g in new if g.agency == a)
                where = {"file": g.file, "sheet": g.sheet, "cell": g.cell}
                if old.kind == "empty":
                    reports[a].items["filled"].append(_item(ind, new=value.to_json(), **where))
                elif old.same_key == value.same_key:
                    reports[a].items["unchanged"].append(_item(ind, value=value.to_json(), **where))
                else:
                    by = {"old_by": ", ".join(reports[o].name for o in sorted(own))} if own else {}
                    reports[a].items["changed"].append(_item(ind, old=old.to_json(), new=value.to_json(),
                                                             old_shown=old.shown(), new_shown=value.shown(), **by,
                                                             **where))
            given[mrow] = entries
            continue
        open_rows[mrow] = entries
        for a in agencies:
            reports[a].items["conflicts"].append(_item(ind, **_earlier(entries), values=said))
        for a in dict.fromkeys(g.agency for g in entries if g.earlier):
            reports[a].unsettled.append(mrow)
    # the record the copy keeps: what it had (a figure's line while the figure is still there and not replaced),
    # then this run's files, the figures written from them and those of every conflict left open
    sources = [s for s in earlier if not s.unsettled and (s.row is None or s.row in owners
                                                           and s.agency_key in owners[s.row] and s.row not in writes)]
    for rep in reports.values():  # (a blank form is recorded as nothing: the next round still chases its agency)
        sources += [Source(rep.key, rep.name, readable(Path(f).name), sheet_of.get(f, ""))
                    for f in rep.files if f not in rep.blank]
    for rows, unsettled in ((writes, False), (open_rows, True)):
        for mrow in rows:  # (a name not in UTF-8, unzipped from Windows, written as one that is)
            sources += [Source(g.agency, reports[g.agency].name, g.file if g.earlier else readable(Path(g.file).name),
                               g.sheet, g.cell, mrow, g.value, unsettled)
                        for g in (given[mrow] if rows is writes else open_rows[mrow])]
    return Collection(master=master.file, sheet=master.sheet, agencies=list(reports.values()), failed=failed,
                      conflicts=conflicts, writes=writes, result_column=master.columns.get("result"),
                      sources=sources, notes=notes)


def _formula_rows(table: Table) -> set[int]:
    """The master rows whose result cell holds a formula (a sum of the communes' columns …): collect never
    overwrites one, so an agency's figure there is neither a change, nor a conflict, nor written."""
    col = table.columns.get("result")
    if col is None or not table.file:
        return set()
    from kh_excel.io.workbook import formula_cells
    return {r + 1 for r, c in formula_cells(table.file, table.sheet) if c == col}


def _report_formula(ind: Indicator, table: Table, new: list[_Figure], reports: dict[str, "AgencyReport"]) -> None:
    """Each agency's figure for a row the master computes, once, under «ô có công thức (không ghi)»: what the
    formula gives now beside the figure sent, for the office to see whether the cells it sums are right."""
    cell = f"{col_letter(table.columns['result'])}{ind.row}"
    held = master_value(ind)
    gives = f", đang tính ra {held.shown()}" if held.kind != "empty" else ""
    for a in dict.fromkeys(g.agency for g in new):
        g = next(g for g in new if g.agency == a)
        reports[a].items["formula"].append(_item(
            ind, file=g.file, sheet=g.sheet, cell=g.cell, new=g.value.to_json(),
            reason=f"ô {cell} của bảng gốc có công thức{gives}: không ghi đè bằng số {g.value.shown()} của cơ quan"))


def _recorded_rows(earlier: list[Source], index: MasterIndex) -> tuple[dict[int, set[str]], dict[int, list[_Figure]]]:
    """From the record: master row -> the agencies whose figure the master still holds, and master row -> the figures
    of a conflict an earlier round left open. The conflict stands while the master's cell holds what it held then:
    nothing, or a figure collected into it; a figure the office typed there settles it."""
    owners: dict[int, set[str]] = {}
    carried: dict[int, list[_Figure]] = {}
    stands: dict[int, bool] = {}  # master row -> whether its cell holds what it held when the conflict was left open
    for src in earlier:
        if src.row is None:
            continue
        if src.unsettled:
            if src.row in index.rows_of[src.agency_key]:  # (an agency no longer leading the row gives it nothing)
                carried.setdefault(src.row, []).append(
                    _Figure(src.agency_key, src.file, src.sheet, src.cell, src.value, earlier=True))
                # (a record that did not say what the cell held: the conflict stands; a held figure of the master's
                # own, typed before the round, is no settlement: only a figure other than it is)
                held = src.held is None or _same_figure(master_value(index.by_row[src.row]), src.held)
                stands[src.row] = stands.get(src.row, False) or held
        elif _same_figure(master_value(index.by_row[src.row]), src.value):
            owners.setdefault(src.row, set()).add(src.agency_key)
    carried = {r: figs for r, figs in carried.items()
               if r in owners or master_value(index.by_row[r]).kind == "empty" or stands[r]}
    return owners, carried


def open_conflicts(table: Table, lines: list) -> list[dict]:
    """The conflicts between co-lead agencies the record of a merged copy keeps open (`lines`: its SOURCE_SHEET), as
    collect lists them each round: per master row, the figure the master holds (whose, when the record says) and
    each figure not written. A document made from the copy states none of them (core.gate.check) and names them."""
    index = MasterIndex(table, agency_rows(table))
    owners, carried = _recorded_rows(read_sources(index, lines)[0], index)
    out = []
    for row, figs in sorted(carried.items()):
        held = master_value(index.by_row[row])
        whose = ", ".join(index.agencies[a].name for a in sorted(owners.get(row, ())))
        said = [f"{held.shown()} (đang ghi trong bảng" + (f", do {whose} gửi)" if whose else ")")] \
            if held.kind != "empty" else []
        said += [f"{g.value.shown()} ({index.agencies[g.agency].name}, tệp «{g.file}», ô {g.cell}, chưa ghi vào bảng)"
                 for g in figs]
        agencies = list(dict.fromkeys([*sorted(owners.get(row, ())), *(g.agency for g in figs)]))
        out.append({"row": row, "name": index.by_row[row].name, "held": held.kind != "empty", "figures": said,
                    "agencies": [index.agencies[a].name for a in agencies]})
    return out


def _earlier(entries: list[_Figure]) -> dict:
    """The mark of a conflict some figure of which an earlier round gave (the record kept it): still not settled."""
    return {"earlier": True} if any(g.earlier for g in entries) else {}


def _figure_json(g: _Figure, reports: dict[str, AgencyReport]) -> dict:
    return {"agency": reports[g.agency].name, "file": g.file, "sheet": g.sheet, "cell": g.cell,
            "value": g.value.to_json(), **({"earlier": True} if g.earlier else {})}


def _said(g: _Figure, reports: dict[str, AgencyReport]) -> str:
    """«296 (Sở Nông nghiệp và Môi trường, tệp «nnmt.xlsx», ô F7)», «… gửi lần trước» for a figure the record kept."""
    return (f"{g.value.shown()} ({reports[g.agency].name}, tệp «{Path(g.file).name}», ô {g.cell}"
            + (", gửi lần trước)" if g.earlier else ")"))


def _judge_file(ret: Returned, index: MasterIndex, rep: AgencyReport,
                given: dict[int, list[_Figure]]) -> bool:
    """Judge a returned file's rows into `rep` and `given`; whether it filled any result cell (a form sent back
    blank gives nothing, and is no return: AgencyReport.returned; a figure on a row that matches none of the
    agency's is one, listed to be looked at, never called a blank form)."""
    own_rows = index.rows_of[ret.agency_key]
    seen: set[int] = set()
    filled = False
    where = {"file": ret.file, "sheet": ret.sheet}
    for rr in ret.rows:
        if rr.master_row is None or rr.master_row not in own_rows:
            filled = filled or not _empty_cell(rr.result)
            reason = rr.why_unmatched or "chỉ tiêu này không do cơ quan này chủ trì"
            rep.items["added"].append({"row": None, "stt": rr.stt, "name": rr.name, **where,
                                       "cell": rr.name_cell if rr.key_row else f"A{rr.row}", "reason": reason})
            if rr.key_row is not None:
                seen.add(rr.key_row)  # (said above, with the row its code names: not a row deleted besides)
            seen.update(rr.could_be)  # (sent, under a name of several rows: not deleted)
            continue
        ind = index.by_row[rr.master_row]
        rep.matched_by[rr.matched_by] += 1
        if rr.code_moved:  # (a sort, a row moved: the visible row is the agency's)
            rep.notes.append(_item(ind, **where, cell=rr.name_cell, note=(
                "mã dòng ẩn của phiếu không khớp STT và tên ở dòng này (dòng bị sắp xếp lại hay chép sang?): "
                f"đã khớp theo STT và tên với dòng {ind.row} của bảng gốc")))
        if rr.master_row in seen:
            rep.items["added"].append(_item(ind, **where, cell=f"A{rr.row}", reason="dòng lặp lại trong tệp"))
        seen.add(rr.master_row)
        if rr.note and vtext.fold(rr.note) != vtext.fold(ind.note or ""):  # the agency's own words: read them
            rep.notes.append(_item(ind, **where, cell=rr.note_cell, note=f"ghi chú của cơ quan: «{rr.note}»"))
        value = judge_result(rr.result, rr.result_format, ind)
        filled = filled or value.kind != "empty"
        if rr.target is not None and not same_plan(rr.target, ind.target, rr.target_raw, ind.raw.get("target")):
            # a result is the figure against a plan: against another plan than the master's it is not written
            unwritten = {"result": value.shown(), "result_cell": rr.result_cell} if value.kind in ("number", "text") else {}
            rep.items["refused_plans"].append(_item(ind, **where, cell=rr.target_cell,
                                                    master=ind.target.text, returned=rr.target.text, **unwritten))
            continue
        if rr.unit and vtext.fold(rr.unit) != vtext.fold(vtext.clean(ind.unit or "")):
            # a figure in another unit («Triệu đồng» for «Tỷ đồng») is another figure: refused as a changed plan is
            unwritten = {"result": value.shown(), "result_cell": rr.result_cell} if value.kind in ("number", "text") else {}
            rep.items["refused_units"].append(_item(ind, **where, cell=rr.unit_cell, unit_master=vtext.clean(ind.unit),
                                                    unit_returned=rr.unit, **unwritten))
            continue
        if value.kind == "number" and (impossible := _not_possible(value.number, ind)):
            kind, why = impossible
            rep.items[kind].append(_item(ind, **where, cell=rr.result_cell, reason=why))
            continue
        if value.kind == "empty":
            rep.items["empty"].append(_item(ind, **where, cell=rr.result_cell))
        elif value.kind == "invalid":
            rep.items["invalid"].append(_item(ind, **where, cell=rr.result_cell, reason=value.note))
        elif value.kind == "unsure":  # neither reading possible: to be checked, the master's cell left as it was
            rep.items["two_readings"].append(_item(ind, **where, cell=rr.result_cell, reason=value.note))
        else:
            if value.doubtful:
                rep.items["two_readings"].append(_item(ind, **where, cell=rr.result_cell, reason=value.note))
            elif value.note:
                rep.notes.append(_item(ind, **where, cell=rr.result_cell, note=value.note))
            given.setdefault(rr.master_row, []).append(_Figure(ret.agency_key, ret.file, ret.sheet, rr.result_cell,
                                                               value))
    missing = sorted(own_rows - seen)
    gained = _gained_rows(ret, index, missing) if ret.is_form and ret.made_with is None else {}
    for mrow in missing:
        if ret.made_with is not None and index.digest[mrow] not in ret.made_with:
            # not on the form when it was made: the agency was never asked for it, it deleted nothing
            rep.items["new_rows"].append(_item(index.by_row[mrow], **where, reason=(
                "phiếu lập khi bảng gốc chưa có chỉ tiêu này (hoặc chưa giao cho cơ quan, hoặc ghi STT, tên khác): "
                "đề nghị cơ quan bổ sung số liệu")))
        elif mrow in gained:
            rep.items["new_rows"].append(_item(index.by_row[mrow], **where, reason=gained[mrow]))
        else:
            rep.items["deleted"].append(_item(index.by_row[mrow], **where))
    return filled


def _gained_rows(ret: Returned, index: MasterIndex, missing: list[int]) -> dict[int, str]:
    """For a form made before forms listed their rows: the missing master rows that stand where the master gained
    rows since the form was made, with why. The codes of the form's rows on either side (rows that still name their
    indicator) say where the indicator stood then: a row between two of them whose distance grew by at least as many
    rows as are missing there is taken as new, and the reason says how it was told; elsewhere nothing is said."""
    anchors = sorted((rr.master_row, rr.coded[0]) for rr in ret.rows if rr.master_row is not None
                     and rr.coded is not None and rr.coded[1] == index.digest[rr.master_row])
    out: dict[int, str] = {}
    for (new_a, old_a), (new_b, old_b) in zip(anchors, anchors[1:]):
        grown = (new_b - new_a) - (old_b - old_a)
        between = [m for m in missing if new_a < m < new_b]
        if between and grown >= len(between):
            why = (f"mã dòng của phiếu cho thấy bảng gốc đã thêm {grown} dòng giữa dòng {new_a} và dòng {new_b} sau "
                   "khi lập phiếu, nên phiếu chưa có chỉ tiêu này: đề nghị cơ quan bổ sung số liệu")
            out.update(dict.fromkeys(between, why))
    return out


# ------------------------------------------------------------------------------ writing


def write_merged(master_path: str | Path, out: str | Path, table: Table, coll: Collection,
                 inputs: list[str | Path], report_sheet: bool = False) -> Path:
    """A copy of the master with the collected results in its result column (formatting kept);
    with `report_sheet`, the report too, on a last sheet the reader skips (for the add-in's users)."""
    from openpyxl.utils import get_column_letter
    from kh_excel.io.atomic import OutputRefused, check_output, write_atomic
    from kh_excel.io.attainment_xlsx import _load, check_output_name
    out = Path(out)
    check_output(out, [master_path, *inputs])  # never onto the master or a returned form
    check_output_name(out)  # never renamed silently: the user gets the file they named
    if out.suffix.lower() == ".xlsm" and Path(master_path).suffix.lower() != ".xlsm":
        raise OutputRefused(out, "tệp kết quả .xlsm chỉ dùng khi bảng gốc là .xlsm (có macro); hãy dùng đuôi .xlsx.")
    with warnings.catch_warnings():  # openpyxl's notes on print areas and extensions are not the user's concern
        warnings.simplefilter("ignore", UserWarning)
        wb = _load(Path(master_path), keep_vba=out.suffix.lower() == ".xlsm")
    ws = wb[table.sheet]
    col = coll.result_column
    if col is None:  # a plan-only master: the result column goes right of the table
        col = _add_result_column(ws, table)
    c1 = col + 1
    for mrow, value in sorted(coll.writes.items()):
        cell = ws.cell(mrow, c1)
        ref = f"{get_column_letter(c1)}{mrow}"
        if type(cell).__name__ == "MergedCell":
            coll.skipped_cells.append({"row": mrow, "cell": ref, "reason": "ô nằm trong vùng gộp ô, không ghi"})
            continue
        if isinstance(cell.value, str) and cell.value.startswith("="):
            coll.skipped_cells.append({"row": mrow, "cell": ref, "reason": "ô có công thức, không ghi đè"})
            continue
        if value.kind == "number":
            n = value.number
            percent = "%" in (cell.number_format or "")
            if percent:
                n = n.scaleb(-2)  # the cell shows a percentage: Excel stores the fraction
            cell.value = int(n) if n == n.to_integral_value() and abs(n) < 2**53 else float(n)
            # the master's format stays (never one made of how the agency typed it: «13.150,0» is 13.150 in a
            # «#,##0» cell); only a format that would show the figure rounded is widened to the figure's own
            # decimals («4,5» is not shown 5: the reader keeps the decimals a cell shows)
            needed = min(decimals_of(value.number.normalize()), _MOST_DECIMALS)
            has = excel_decimals(cell.number_format)
            if has is not None and has < needed:
                cell.number_format = f"0.{'0' * needed}%" if percent else f"#,##0.{'0' * needed}"
        else:
            cell.value = escaped(value.text)
            cell.data_type = "s"  # text from an untrusted file: never a formula, even if it starts with "="
    if report_sheet:
        from kh_excel.collect.report import REPORT_SHEET, report_rows
        rs = wb.create_sheet(REPORT_SHEET if REPORT_SHEET not in wb.sheetnames else REPORT_SHEET + " (2)")
        from openpyxl.styles import Alignment, Font
        wrapped = Alignment(wrap_text=True, vertical="top")  # a long detail is read whole, not cut at the next column
        widths = (28, 26, 7, 6, 50, 60, 40)
        for row in report_rows(coll):
            rs.append([escaped(v) for v in row])
            for cell in rs[rs.max_row]:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
                cell.alignment = wrapped
            # (no program sizes a wrapped row on opening every time: its lines, roughly, at 15 points each)
            lines = max(-(-len(str(v)) // w) for v, w in zip(row, widths) if v not in (None, "")) if any(
                v not in (None, "") for v in row) else 1
            rs.row_dimensions[rs.max_row].height = 15 * max(1, lines)
        for cell in rs[1]:
            cell.font = Font(bold=True)
        rs.freeze_panes = "A2"
        for letter, width in zip("ABCDEFG", widths):
            rs.column_dimensions[letter].width = width
        rs.page_setup.orientation = "landscape"  # printed one page wide, as many pages long as it takes
        rs.sheet_properties.pageSetUpPr.fitToPage = True
        rs.page_setup.fitToWidth, rs.page_setup.fitToHeight = 1, 0
    wb.calculation.fullCalcOnLoad = True  # formulas elsewhere recompute when Excel or LibreOffice opens it
    _record_master(wb, master_path)
    _record_sources(wb, table, coll)
    return write_atomic(out, wb.save, [master_path, *inputs])


_MOST_DECIMALS = 9  # decimals a written figure's format shows at most (a float's long tail is no precision)


def _record_master(wb, master_path: str | Path) -> None:
    """The copy records its master (the master's own record when the master is itself a merged copy), so that late
    forms, which name the master, can be collected into it (forms.MASTER_PROPERTY)."""
    from openpyxl.packaging.custom import StringProperty
    from kh_excel.collect.forms import MASTER_PROPERTY, master_name, recorded_master
    original = recorded_master(master_path) or master_name(master_path)
    props = wb.custom_doc_props
    for p in [p for p in props.props if p.name == MASTER_PROPERTY]:
        props.props.remove(p)
    props.append(StringProperty(name=MASTER_PROPERTY, value=original))


def _record_sources(wb, table: Table, coll: Collection) -> None:
    """The record (SOURCE_SHEET), hidden, replacing the master's own: one line per file taken, per figure written
    from it (a cell left alone, a formula or a merged cell, holds no figure of the agency's) and per figure of a
    conflict left open (two files of one name, from two folders, may give two of them)."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from kh_excel.collect.forms import row_key
    if SOURCE_SHEET in wb.sheetnames:
        del wb[SOURCE_SHEET]
    ws = wb.create_sheet(SOURCE_SHEET)
    ws.sheet_state = "hidden"
    ws.append([escaped(v) for v in SOURCE_HEADER])
    by_row = {ind.row: ind for ind in table.indicators}
    skipped = {c["row"] for c in coll.skipped_cells}
    seen = set()
    for s in coll.sources:
        figure = None if s.value is None else s.value.to_json() if s.value.kind == "number" else s.value.text
        if s.row in skipped and not s.unsettled or (s.agency_key, s.file, s.row, s.cell, figure) in seen:
            continue
        seen.add((s.agency_key, s.file, s.row, s.cell, figure))
        state = None if s.row is None else SOURCE_STATES["unsettled" if s.unsettled else "written"]
        held = master_value(by_row[s.row]) if s.unsettled else None  # (collect writes nothing on such a row)
        line = [row_key(table.sheet, by_row[s.row]) if s.row else None, s.agency, s.agency_key, s.file, s.sheet,
                s.cell, figure, state, None if held is None or held.kind == "empty" else
                held.to_json() if held.kind == "number" else held.text]
        # (a file name may hold control characters no workbook can: left out, as the name is only shown)
        ws.append([escaped(ILLEGAL_CHARACTERS_RE.sub("", v)) if isinstance(v, str) else v for v in line])
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # names and texts from untrusted files: never a formula
    for letter, width in zip("ABCDEFGHI", (28, 30, 24, 36, 16, 8, 16, 30, 16)):
        ws.column_dimensions[letter].width = width


def _add_result_column(ws, table: Table) -> int:
    """Add «Thực hiện năm N» in the first empty column right of the table; returns it 0-based."""
    import copy
    from openpyxl.utils import get_column_letter
    last = max(table.columns.values()) + 1  # 1-based
    rows = range(table.header_rows[0], table.last_data_row + 1)
    c = last + 1
    while not all(ws.cell(r, c).value in (None, "") for r in rows):
        c += 1
    tcol = table.columns["target"] + 1
    for r in rows:
        src, dst = ws.cell(r, tcol), ws.cell(r, c)
        if src.has_style:
            dst.font, dst.border = copy.copy(src.font), copy.copy(src.border)
            dst.fill, dst.alignment = copy.copy(src.fill), copy.copy(src.alignment)
    ws.cell(table.header_rows[0], c).value = escaped(master_result_label(table))
    number_row = table.header_rows[-1] if len(table.header_rows) > 1 else None
    left = ws.cell(number_row, c - 1).value if number_row else None
    if isinstance(left, str) and left.strip().startswith("(") and left.strip("() ").isdigit():
        ws.cell(number_row, c).value = f"({int(left.strip('() ')) + 1})"  # the (1) (2) … row goes on
    ws.column_dimensions[get_column_letter(c)].width = ws.column_dimensions[get_column_letter(tcol)].width or 14
    return c - 1


def collect_files(master_path: str | Path, returned_paths: list[str | Path], sheet: str | None = None,
                  group: str | None = None, period: str | None = None) -> tuple[Table, Collection]:
    """Read the master (WorkbookError when it cannot be) from the column group and period the forms were
    made for (`read_master`), and judge the returned workbooks."""
    from kh_excel.collect.forms import no_agencies, read_master
    table, _ = read_master(master_path, sheet=sheet, group=group, period=period)
    if not agency_rows(table):
        raise no_agencies(table)
    return table, collect(table, returned_paths)


__all__ = ["Value", "judge_result", "collect", "collect_files", "write_merged", "Collection", "AgencyReport",
           "ITEM_LISTS", "ATTENTION"]
