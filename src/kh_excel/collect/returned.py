"""Read a returned workbook and match its rows to the master's.

A form we wrote carries a hidden key per row (master sheet, row, digest of STT and name)
and a hidden sheet naming its agency. A workbook an agency retyped in its own layout has
neither: its header is recognised by meaning like any indicator table, its rows are matched
by name (accents and case ignored, `core.text.fold`) with the STT to tell apart rows of one
name, and its agency is found in its title lines, its file name or the rows it holds.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kh_excel.collect.forms import (FORM_KIND, FORM_SHEET, KEY_HEADER, META_FIELDS, META_SHEET, AgencyRows,
                                    master_name, master_result_label, parse_key, recorded_master, row_digest)
from kh_excel.core import text as vtext
from kh_excel.core.model import Indicator, Table, Target
from kh_excel.core.validation import col_letter
from kh_excel.io.xstring import decoded, identity, shown, was_decoded


@dataclass
class ReturnedRow:
    """One indicator row of a returned workbook."""

    row: int                       # 1-based row in the returned sheet
    stt: str
    name: str
    result: Any                    # the result cell as read (None when the column is missing)
    result_format: str | None
    result_cell: str               # A1 reference of the result cell ("" without a result column)
    target: Target | None          # the plan as the reader understood it (None without a plan column)
    target_cell: str
    target_raw: Any = None         # the plan cell's stored value (a number compared as stored, not as shown)
    note: str = ""                 # the row's «Ghi chú» as returned
    note_cell: str = ""
    unit: str | None = None        # the unit cell as returned (None without a unit column)
    unit_cell: str = ""
    name_cell: str = ""
    master_row: int | None = None
    matched_by: str = ""           # "key" or "stt_name"
    why_unmatched: str = ""
    key_row: int | None = None     # the master row the row's «Mã dòng» names, where its visible STT and name differ
    could_be: list[int] = field(default_factory=list)  # master rows of its name it could not be told between
    code_moved: bool = False       # its «Mã dòng» names another row than its STT and name (a sort left it behind)
    coded: tuple[int, str] | None = None  # (master row when the form was made, digest) its «Mã dòng» of this sheet says


@dataclass
class Returned:
    """A returned workbook, read and matched; `ok` False with a Vietnamese reason when it cannot be used."""

    file: str
    ok: bool = True
    reason: str = ""
    sheet: str = ""
    agency_key: str = ""
    agency: str = ""
    identified_by: str = ""        # "form", "title", "file_name" or "rows"
    is_form: bool = False
    result_header: str = ""        # the returned column the results were read from
    rows: list[ReturnedRow] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # about the whole file (another sheet left unread …)
    refused: bool = False          # read, but not this table's figures (another year, file, sheet, period)
    made_with: frozenset[str] | None = None  # a form's rows when made (digests, «Các dòng»); None: not said

    def failed(self, reason: str) -> "Returned":
        self.ok, self.reason = False, reason
        return self

    def refuse(self, reason: str) -> "Returned":
        self.refused = True
        return self.failed(reason)


class MasterIndex:
    """The master's rows keyed every way a returned row can point at them."""

    def __init__(self, table: Table, agencies: list[AgencyRows]):
        self.table = table
        self.file_name = master_name(table.file)
        self.sheet_id = identity(table.sheet)  # (a form's record of the sheet, however a reader decoded it)
        # a merged copy of collect's is filled for its master: forms made from the master name it (late forms)
        self.recorded = recorded_master(table.file) if table.file else ""
        self.result_label = master_result_label(table)
        self.period = column_period(table)
        self.by_row = {ind.row: ind for ind in table.indicators}
        self.digest = {ind.row: row_digest(ind.stt, ind.name) for ind in table.indicators}
        self.by_name: dict[str, list[Indicator]] = {}
        for ind in table.indicators:
            self.by_name.setdefault(name_key(ind.name), []).append(ind)
        self.agencies = {a.key: a for a in agencies}
        self.rows_of = {a.key: {i.row for i in a.indicators} for a in agencies}

    def match_by_name(self, stt: str, name: str, number: int | None) -> tuple[Indicator | None, str]:
        """The master row of this STT and name, or None with the reason."""
        found, why, _ = self.match_by_name_among(stt, name, number)
        return found, why

    def match_by_name_among(self, stt: str, name: str, number: int | None
                            ) -> tuple[Indicator | None, str, list[int]]:
        """match_by_name, with the master rows it could not choose between (none when it chose, or found none)."""
        found = self.by_name.get(name_key(name), [])
        if len(found) > 1:
            same_stt = [i for i in found if vtext.fold(i.stt) == vtext.fold(stt)]
            found = same_stt if same_stt else found
        if len(found) > 1 and number is not None:
            found = [i for i in found if i.number == number] or found
        if not found:
            return None, "không có chỉ tiêu cùng tên trong bảng gốc", []
        if len(found) > 1:
            return None, (f"bảng gốc có {len(found)} dòng cùng tên (dòng {', '.join(str(i.row) for i in found)}), "
                          "không xác định được dòng nào"), [i.row for i in found]
        return found[0], "", []


def name_key(name: str) -> str:
    """The key a returned row's name is matched by: accents and case ignored (`core.text.fold`), and an «_x…_»
    escape the same however a reader decoded it (a name the form wrote, saved again in LibreOffice)."""
    return vtext.fold(decoded(name))


# Fields of a form's hidden sheet kept as read (not cleaned): names compared through xstring.identity, where a
# line break LibreOffice made of «_xa_» is no space.
_AS_READ = frozenset({"master_file", "master_sheet"})


def _meta(book, names: list[str]) -> dict[str, str]:
    if META_SHEET not in names:
        return {}
    ids = {vtext.fold(label): fid for label, fid in META_FIELDS}
    out = {}
    for row in book.values(META_SHEET):
        if len(row) >= 2 and isinstance(row[0], str) and vtext.fold(row[0]) in ids:
            fid = ids[vtext.fold(row[0])]
            as_read = fid in _AS_READ and isinstance(row[1], str)
            out[fid] = row[1] if as_read else vtext.clean(row[1]) if row[1] is not None else ""
    return out


def column_period(table: Table, label: str | None = None) -> tuple[int | None, int, str]:
    """(year, months, quarter) of a table's result column — or of the column `label` names (a form's own
    result column): «Thực hiện 6 tháng năm 2026» (2026, 6, ""), «Ước thực hiện năm 2026» (2026, 12, "")."""
    from dataclasses import replace
    from kh_excel.core.periods import SECOND_HALF
    from kh_excel.core.table import _year_of
    from kh_excel.docs.period import of_table
    t = table if label is None else replace(table, column_headers={**table.column_headers, "result": label},
                                            period=None)
    year = _year_of(t.column_headers.get("result", "")) or _year_of(t.period or "") or table.year
    per = of_table(t, year or 0)
    return year, SECOND_HALF if per.second_half else per.months, per.quarter


def typed_up_period(table: Table, label: str) -> tuple[tuple[int | None, int, str] | None, str]:
    """(year, months, quarter) of a typed-up file's result column and what said it, or None and why not.

    Its label says the period and year; a label that names neither («Thực hiện») is read from the file's
    title, and a label with a span but no year takes the title's year; a label with a year only
    («Thực hiện năm 2026») under a title of a part of the year is not taken for the whole year. A part of the year of no readable
    length («đến nay», «tháng 6», «học kỳ I») or a year nobody wrote is no period at all: never the master's.
    The plan column's year is not the file's (a 2025 report carries «Kế hoạch năm 2026»)."""
    from kh_excel.core.table import _YEAR, _year_of
    from kh_excel.core.periods import UNKNOWN_PART, span_of, title_period_text
    title_text = title_period_text(table.title_lines)
    source, said_by = label, f"cột «{label}»"
    if span_of(label) is None and _year_of(label) is None:
        source, said_by = title_text, f"cột «{label}» và tiêu đề của tệp"
    span = span_of(source)
    title_span = span_of(title_text)
    if span is None and title_span is not None and title_span != 12:
        # «Thực hiện năm 2026» in a file titled «… 6 tháng đầu năm 2026»: which is it? never guessed
        return None, (f"cột «{label}» không ghi kỳ mà tiêu đề của tệp là số liệu "
                      + (f"{title_span} tháng" if title_span > 0 else "một phần của năm"))
    # the year of the label (a date's year too: «đến 30/6/2026»), else of the title
    year = _year_of(source) or next(iter(_YEAR.findall(source)[-1:]), None) or _year_of(title_text)
    if span == UNKNOWN_PART:
        return None, f"{said_by} là số liệu một phần của năm mà không đọc được là mấy tháng"
    if year is None:
        return None, f"{said_by} không ghi số liệu của năm nào"
    _, months, quarter = column_period(table, source)
    return (int(year), months if span is not None else 12, quarter), said_by


def period_words(period: tuple[int | None, int, str]) -> str:
    """«6 tháng năm 2026», «quý II năm 2026», «cả năm 2026» (without the year when the table names none)."""
    year, months, quarter = period
    from kh_excel.core.periods import SECOND_HALF
    if months == 12 and not quarter:
        return f"năm {year}" if year else "cả năm"
    if months == SECOND_HALF:  # the last 6 months, never «6 tháng» (the first half)
        return f"6 tháng cuối năm {year}" if year else "6 tháng cuối năm"
    span = f"quý {quarter}" if quarter else f"{months} tháng"
    return f"{span} năm {year}" if year else span


def same_period(a: tuple[int | None, int, str], b: tuple[int | None, int, str]) -> bool:
    """Same months (and quarter); the same year where both name one."""
    return a[1:] == b[1:] and (a[0] is None or b[0] is None or a[0] == b[0])


def other_master(meta: dict[str, str], index: "MasterIndex") -> list[str]:
    """What a form's hidden sheet says of the master it was made from, where it differs from the master being
    filled: the year, the file name, the sheet. A figure of another year or another table is no figure of this one."""
    t = index.table
    out = []
    if meta.get("year", "") != str(t.year or ""):
        out.append(f"năm {meta.get('year') or '(không ghi)'}, bảng đang tổng hợp là năm {t.year or '(không ghi)'}")
    # (each name as a reader of the form decoded it, and as the master's: one key, `identity`)
    made_from = identity(meta.get("master_file", "")).casefold()
    if made_from not in {identity(index.file_name).casefold(), identity(index.recorded).casefold()} - {""}:
        out.append(f"lập từ tệp «{_shown(meta, 'master_file')}», bảng đang tổng hợp là tệp «{index.file_name}»")
    if identity(meta.get("master_sheet", "")) != index.sheet_id:
        out.append(f"lập từ trang «{_shown(meta, 'master_sheet')}», bảng đang tổng hợp ở trang «{t.sheet}»")
    return out


def _shown(meta: dict[str, str], fid: str) -> str:
    """A name of the form's hidden sheet for a message: an escape a reader decoded written as it most likely was."""
    return vtext.clean(shown(meta.get(fid, "")))


def _has_key_column(grid) -> bool:
    """Whether a sheet's header carries the form's «Mã dòng» column (the sheet a form's rows are keyed in)."""
    want = vtext.fold(KEY_HEADER)
    return any(isinstance(v, str) and vtext.fold(v) == want for row in grid.rows[:30] for v in row)


def _form_sheet(book, names: list[str]) -> tuple[str | None, str]:
    """The sheet a form is read from: «Phiếu nhập», else the one sheet that carries the row keys (the agency
    renamed it). Never another sheet an agency added (its own working copy, another commune …): None and why."""
    if FORM_SHEET in names:
        return FORM_SHEET, ""
    keyed = [s for s in names if s != META_SHEET and _has_key_column(book.grid(s))]
    if len(keyed) == 1:
        return keyed[0], ""
    if not keyed:
        return None, f"không còn trang «{FORM_SHEET}» (trang có cột «{KEY_HEADER}»)"
    return None, (f"không còn trang «{FORM_SHEET}» mà có {len(keyed)} trang cùng có cột «{KEY_HEADER}» ("
                  + ", ".join(f"«{s}»" for s in keyed) + "), không biết trang nào là phiếu đã điền")


# Whom a letter-headed file is sent to and what it is about are no sender: «Kính gửi: …» (or «Kính gởi», «K/g:»,
# «Gửi: …») with the list of addressees on the lines after it («- Phòng …;»), and the «V/v …» line. A sender named
# as such («Đơn vị gửi: …», «Người gửi: …», «Cơ quan gửi: …») is kept.
_SENDER_MARK = re.compile(r"\b(?:don vi|co quan|nguoi|noi) (?:gui|goi)\b\s*:?")
_ADDRESSEE = re.compile(r"(?:^|(?<=[\s,;.:()]))(?:kinh\s+g[uo]i|k\s*/\s*g|gui)\b")
_SUBJECT = re.compile(r"^\s*(?:v\s*/\s*v|ve viec)\b")
_LIST_MARK = re.compile(r"^\s*[-+•–*]")


def _sender_lines(texts: list[str]) -> list[str]:
    """A file's title lines without what names its addressees or its subject (see _ADDRESSEE)."""
    out, listing, first = [], False, False
    for t in (unicodedata.normalize("NFC", t) for t in texts if t):  # (the fold of an NFC text keeps its length)
        f = _SENDER_MARK.sub(lambda m: " " * len(m.group(0)), vtext.fold(t))
        if _SUBJECT.match(f) or (listing and (first or _LIST_MARK.match(f))):
            first = False  # the line right after a bare «Kính gửi:» is an addressee, marked or not
            continue
        listing = first = False
        m = _ADDRESSEE.search(f)
        if m:
            listing = first = not f[m.end():].strip(" :")  # «Kính gửi:» alone: the addressees follow, one a line
            t = t[:m.start()]
        out.append(t)
    return out


def _find_agency(texts: list[str], index: MasterIndex) -> str:
    """The master agency named in one of the texts (the longest name wins: «Sở Tài chính» over «Tài chính»), never
    an addressee or the subject of a letter-headed file (the file is its sender's: _sender_lines)."""
    from kh_excel.core.table import agency_registry
    key = agency_registry().key  # (the registry the table was read with, built once)
    texts = _sender_lines(texts)
    folded = [vtext.fold(t).replace("-", "/") for t in texts if t]
    best, best_len = "", 0
    for k, a in index.agencies.items():
        name = vtext.fold(a.name).replace("-", "/")
        if (any(name in f for f in folded) or any(key(t) == k for t in texts if t)) and len(name) > best_len:
            best, best_len = k, len(name)
    return best


def _of_master_group(table: Table, grids: list, index: MasterIndex, notes: list[str]) -> tuple[Table, str]:
    """A typed-up workbook split into column groups (Toàn huyện, each commune) is read from the master's group:
    the group of the same name, or a whole-area group when the master's column is the whole area's. Never
    another commune's figures as the province's: (table, why) when none of its groups is the master's column."""
    from kh_excel.api import read_workbook
    from kh_excel.core.table import _WHOLE_AREA
    from kh_excel.errors import UserError
    if not table.groups:
        return table, ""
    whole = [g for g in table.groups if _WHOLE_AREA.match(vtext.fold(g))]
    wanted = index.table.group
    if wanted:
        same = [g for g in table.groups if vtext.fold(g) == vtext.fold(wanted)]
        pick = same[0] if same else (whole[0] if _WHOLE_AREA.match(vtext.fold(wanted)) and whole else None)
    else:
        pick = whole[0] if whole else None
    if pick is None:
        there = ", ".join(f"«{g}»" for g in table.groups)
        if wanted:
            return table, (f"tệp chia số liệu theo nhóm cột {there}, không có nhóm «{wanted}» là cột đang tổng hợp "
                           "của bảng gốc (chọn nhóm khác của bảng gốc bằng --group)")
        return table, (f"tệp chia số liệu theo nhóm cột {there}, không có nhóm toàn địa bàn (Toàn tỉnh, Toàn huyện, "
                       f"Tổng số …) ứng với cột «{index.result_label}» của bảng gốc; số liệu của một nhóm chỉ ghi vào "
                       "cột của nhóm đó (chọn bằng --group khi bảng gốc chia nhóm)")
    if pick != table.group:
        try:
            table = read_workbook(grids, file=table.file, sheet=table.sheet, group=pick)
        except UserError as exc:
            return table, str(exc)
    notes.append(f"tệp chia số liệu theo nhóm cột ({', '.join(f'«{g}»' for g in table.groups)}): "
                 f"chỉ đọc nhóm «{pick}»")
    return table, ""


def _of_master_period(table: Table, grids: list, index: MasterIndex, notes: list[str]) -> tuple[Table, str]:
    """A retyped workbook with columns of several periods (6 tháng, cả năm) is read from the one of the
    master's period, whichever has figures; the reader's own default may be another (said in `notes`). Two columns
    of the master's period («Thực hiện 6 tháng năm 2026» and «Ước thực hiện 6 tháng năm 2026»): (table, why),
    neither taken, as --period refuses two columns."""
    from kh_excel.api import read_workbook
    from kh_excel.core.validation import col_letter
    from kh_excel.errors import UserError
    found: dict[int, Table] = {}
    if same_period(column_period(table), index.period):
        found[table.columns["result"]] = table
    for p in table.periods:
        try:
            other = read_workbook(grids, file=table.file, sheet=table.sheet, group=table.group, period=p)
        except UserError:
            continue
        if other.has_results and same_period(column_period(other), index.period):
            found.setdefault(other.columns["result"], other)
    if len(found) > 1:
        cols = ", ".join(f"cột {col_letter(c)} «{master_result_label(t)}»" for c, t in sorted(found.items()))
        return table, (f"có {len(found)} cột cùng là số liệu {period_words(index.period)} ({cols}), không biết "
                       "cột nào là số liệu gửi")
    if not found or table.columns["result"] in found:
        return table, ""
    (other,) = found.values()
    notes.append(f"chỉ đọc cột «{master_result_label(other)}» ({period_words(column_period(other))}), "
                 f"không lấy cột «{master_result_label(table)}» ({period_words(column_period(table))}): "
                 f"bảng gốc cần số liệu {period_words(index.period)}")
    return other, ""


@dataclass
class _Sheet:
    """One sheet of a typed-up workbook, judged: the table to read (its group and period the master's), or why not."""

    table: Table
    why: str = ""                  # empty when the sheet holds the master's figures
    refused: bool = False          # figures of another period, year or group (not merely unreadable)
    notes: list[str] = field(default_factory=list)


def _typed_up_grids(book, names: list[str]) -> list:
    """The sheets of a typed-up workbook in the order read_workbook tries them: the active sheet, then the other
    visible ones (never a hidden sheet, nor one the program writes itself)."""
    from kh_excel.api import _is_own
    shown = [s for s in names if s != META_SHEET and not book.is_hidden(s)]
    return [book.grid(s) for s in book.reading_order([s for s in shown if not _is_own(s)] or shown)]


def _typed_up_tables(grids: list, path: Path) -> list[Table]:
    """Every sheet's indicator table, in reading order (a header without rows only when no sheet has rows). None at
    all: the reader's own message for the file (WorkbookError)."""
    from kh_excel.api import read_workbook
    from kh_excel.io.workbook import WorkbookError
    tables = []
    for g in grids:
        try:
            tables.append(read_workbook([g], file=str(path)))
        except WorkbookError:
            continue
    if not tables:
        read_workbook(grids, file=str(path))  # raises, naming what is missing
    return [t for t in tables if t.indicators] or tables[:1]


def _typed_up_sheet(table: Table, grids: list, index: MasterIndex) -> _Sheet:
    """Whether a sheet of a typed-up workbook holds the master's figures: a result column of the master's column
    group and of its period and year, said by the file's own words (typed_up_period), never the reader's default."""
    out = _Sheet(table)
    if not table.has_results:
        out.why = "không có cột «Thực hiện» để lấy số liệu"
        return out
    out.table, why = _of_master_group(table, grids, index, out.notes)
    if why:
        out.why, out.refused = why, True
        return out
    out.table, why = _of_master_period(out.table, grids, index, out.notes)
    if why:
        out.why, out.refused = why, True
        return out
    table = out.table
    label = master_result_label(table)
    typed, said_by = typed_up_period(table, label)
    if typed is None:
        out.why, out.refused = (f"{said_by}, còn cột «{index.result_label}» của bảng gốc là số liệu "
                                f"{period_words(index.period)}"), True
    elif not same_period(typed, index.period):
        hint = " (chọn cột khác của bảng gốc bằng --period)" if len(index.table.periods) > 1 else ""
        out.why, out.refused = (f"{said_by} là số liệu {period_words(typed)}, còn cột «{index.result_label}» của bảng "
                                f"gốc là số liệu {period_words(index.period)}{hint}"), True
    return out


def _typed_up_choice(path: Path, sheets: list[_Sheet], index: MasterIndex, out: Returned) -> Table | None:
    """The one sheet of a typed-up workbook that holds the master's figures, tried as read_workbook tries them (the
    active sheet first, then the others): another year's sheet before it, or after it, is passed over and said so.
    None, with `out` failed or refused, when no sheet is the master's — or when two are, since which of them the
    agency sent is not for the program to guess."""
    good = [s for s in sheets if not s.why]
    if len(good) == 1:
        (pick,) = good
        out.notes.extend(pick.notes)
        passed = [s for s in sheets if s is not pick]
        if passed:
            out.notes.append("tệp có thêm trang " + ", ".join(f"«{s.table.sheet}» ({s.why})" for s in passed)
                             + f": chỉ đọc trang «{pick.table.sheet}»")
        return pick.table
    out.sheet = sheets[0].table.sheet
    if good:
        names = ", ".join(f"«{s.table.sheet}»" for s in good)
        out.refuse(f"Tệp «{path}»: {len(good)} trang {names} đều có số liệu {period_words(index.period)} ứng với cột "
                   f"«{index.result_label}» của bảng gốc, không biết trang nào là số liệu cơ quan gửi; không ghi số "
                   "liệu nào của tệp này (hãy để lại một trang, hoặc gửi mỗi trang một tệp).")
        return None
    refused = any(s.refused for s in sheets)
    if len(sheets) == 1:
        why = sheets[0].why
        text = (f"Tệp «{path}», trang «{out.sheet}»: {why}; không ghi số liệu nào của tệp này." if refused
                else f"Tệp «{path}», trang «{out.sheet}»: {why}.")
    else:
        text = (f"Tệp «{path}»: không trang nào có số liệu ứng với cột «{index.result_label}» của bảng gốc — "
                + "; ".join(f"trang «{s.table.sheet}»: {s.why}" for s in sheets) + "; không ghi số liệu nào của tệp này.")
    (out.refuse if refused else out.failed)(text)
    return None


def read_returned(path: str | Path, index: MasterIndex) -> Returned:
    """Read one returned workbook and match its rows; never raises for a bad file.

    A form of ours is read from its «Phiếu nhập» sheet only, and refused when it was made from another
    year, file or sheet than the master's. Any returned workbook is refused when its result column is of
    another period or year than the master's (six months' figures never go into the year's column)."""
    from kh_excel.api import read_workbook
    from kh_excel.errors import UserError
    from kh_excel.io.workbook import open_workbook
    path = Path(path)
    out = Returned(file=str(path))
    try:
        book = open_workbook(path)
        names = book.sheet_names
        meta = _meta(book, names)
        out.is_form = meta.get("kind") == FORM_KIND
        if out.is_form and meta.get("rows"):
            out.made_with = frozenset(meta["rows"].split())
        if out.is_form and meta.get("agency_key") in index.agencies:
            out.agency = index.agencies[meta["agency_key"]].name  # named even when the file is refused
        if out.is_form:
            differs = other_master(meta, index)
            if differs:
                # (never a name a reader mangled: «w13 badinh…» for «w13_xa_badinh…» is no name to give the master)
                hint = (f" Nếu chỉ là bảng gốc đã đổi tên, hãy đặt lại tên «{_shown(meta, 'master_file')}» cho bảng gốc "
                        "rồi tổng hợp lại." if len(differs) == 1 and "tệp «" in differs[0]
                        and not was_decoded(meta.get("master_file", "")) else "")
                return out.refuse(f"Tệp «{path}»: phiếu nhập không thuộc bảng đang tổng hợp ("
                                  + "; ".join(differs) + "), không ghi số liệu nào của tệp này." + hint)
            sheet, why = _form_sheet(book, names)
            if sheet is None:
                return out.refuse(f"Tệp «{path}»: phiếu nhập {why}, không ghi số liệu nào của tệp này.")
            others = [s for s in names if s not in (sheet, META_SHEET)]
            if others:
                out.notes.append(f"tệp có thêm trang {', '.join(f'«{s}»' for s in others)}: chỉ đọc trang «{sheet}»")
            grids = [book.grid(sheet)]
            table = read_workbook(grids, file=str(path))
        else:
            grids = _typed_up_grids(book, names)
            sheets = [_typed_up_sheet(t, grids, index) for t in _typed_up_tables(grids, path)]
            chosen = _typed_up_choice(path, sheets, index, out)
            if chosen is None:
                return out
            table = chosen
    except UserError as exc:  # WorkbookError, InputRefused …: the message names the file
        return out.failed(str(exc))
    except Exception as exc:  # a file so broken the libraries choke on it: one failed item, not a crash
        from kh_excel.io.limits import why
        return out.failed(f"Không đọc được tệp «{path}» ({why(exc)}).")
    out.sheet = table.sheet
    if not table.has_results:
        return out.failed(f"Tệp «{path}», trang «{table.sheet}»: không có cột «Thực hiện» để lấy số liệu.")
    grid = next(g for g in grids if g.sheet == table.sheet)
    rcol, tcol, ncol = table.columns["result"], table.columns.get("target"), table.columns.get("note")
    ucol, namecol = table.columns.get("unit"), table.columns.get("name")
    label = master_result_label(table)
    key_col = None
    for hr in table.header_rows:
        row = grid.rows[hr - 1] if hr - 1 < len(grid.rows) else []
        for c, v in enumerate(row):
            if isinstance(v, str) and vtext.fold(v) == vtext.fold(KEY_HEADER):
                key_col = c
            elif out.is_form and isinstance(v, str) and meta.get("result_header") and vtext.clean(v) == meta["result_header"]:
                rcol, label = c, meta["result_header"]  # our own form says which column is the result
    # a form's column against the master's (a typed-up file's sheet was judged by its own words: _typed_up_sheet)
    period, said_by = column_period(table, label), f"cột «{label}»"
    if out.is_form and not same_period(period, index.period):
        hint = " (chọn cột khác của bảng gốc bằng --period)" if len(index.table.periods) > 1 else ""
        return out.refuse(f"Tệp «{path}», trang «{table.sheet}»: {said_by} là số liệu {period_words(period)}, "
                          f"còn cột «{index.result_label}» của bảng gốc là số liệu {period_words(index.period)}{hint}; "
                          "không ghi số liệu nào của tệp này.")
    if out.is_form and name_key(label) != name_key(index.result_label):
        # the column the form was made for (its group, its period) is not the one being filled
        hint = (" (chọn cột khác của bảng gốc bằng --group hoặc --period)"
                if len(index.table.groups) > 1 or len(index.table.periods) > 1 else "")
        return out.refuse(f"Tệp «{path}»: phiếu nhập lập cho cột «{label}» của bảng gốc, còn bảng gốc đang tổng hợp "
                          f"vào cột «{index.result_label}»{hint}; không ghi số liệu nào của tệp này.")
    out.result_header = label
    fmts = grid.number_formats
    for ind in table.indicators:
        r0 = ind.row - 1
        cells = grid.rows[r0] if r0 < len(grid.rows) else []
        rr = ReturnedRow(
            row=ind.row, stt=ind.stt, name=ind.name,
            result=cells[rcol] if rcol < len(cells) else None, result_format=fmts.get((r0, rcol)),
            result_cell=f"{col_letter(rcol)}{ind.row}",
            target=ind.target if tcol is not None else None,
            target_cell=f"{col_letter(tcol)}{ind.row}" if tcol is not None else "",
            target_raw=ind.raw.get("target") if tcol is not None else None,
            note=vtext.clean(ind.note or ""),
            note_cell=f"{col_letter(ncol)}{ind.row}" if ncol is not None else "",
            unit=vtext.clean(ind.unit or "") if ucol is not None else None,
            unit_cell=f"{col_letter(ucol)}{ind.row}" if ucol is not None else "",
            name_cell=f"{col_letter(namecol)}{ind.row}" if namecol is not None else f"A{ind.row}",
        )
        key = parse_key(cells[key_col]) if key_col is not None and key_col < len(cells) else None
        ours = key is not None and identity(key[0]) == index.sheet_id
        if ours:
            rr.coded = key[1], key[2]
        keyed = ours and key[1] in index.by_row \
            and index.digest[key[1]] == key[2]
        # the code is taken only where the row still shows the STT and name it was made for: a sort of the visible
        # columns leaves the hidden code behind, and a name typed over another is another indicator
        if keyed and row_digest(ind.stt, ind.name) == key[2]:
            rr.master_row, rr.matched_by = key[1], "key"
        else:
            found, why, rr.could_be = index.match_by_name_among(ind.stt, ind.name, ind.number)
            if found is not None:
                rr.master_row, rr.matched_by, rr.code_moved = found.row, "stt_name", keyed
            else:
                rr.why_unmatched = why
                if keyed:
                    coded = index.by_row[key[1]]
                    rr.key_row = coded.row
                    rr.why_unmatched = (f"dòng ghi «{vtext.clean(f'{ind.stt} {ind.name}')}», khác chỉ tiêu «"
                                        f"{vtext.clean(f'{coded.stt} {coded.name}')}» (dòng {coded.row} của bảng gốc) "
                                        f"mà mã dòng của phiếu trỏ tới, và {why}: không ghi số liệu của dòng này")
        out.rows.append(rr)
    # Whose workbook is it: the form says so; else its title, its file name, or the rows it holds.
    if out.is_form and meta.get("agency_key") in index.agencies:
        out.agency_key, out.identified_by = meta["agency_key"], "form"
        named = _find_agency([path.stem], index)
        if named and named != out.agency_key:  # another agency's form sent under this one's name, by mistake?
            other, own = index.agencies[named].name, index.agencies[out.agency_key].name
            out.notes.append(f"tệp «{path.name}» mang tên {other} nhưng là phiếu nhập của {own}: số liệu được tính "
                             f"cho {own}; {other} chưa gửi phiếu của mình (nếu tệp này là của {other}, đề nghị gửi "
                             "lại đúng phiếu)")
    else:
        k = _find_agency(table.title_lines, index)
        how = "title"
        if not k:
            k, how = _find_agency([path.stem], index), "file_name"
        if not k:
            matched = {r.master_row for r in out.rows if r.master_row is not None}
            holders = [a for a, rows in index.rows_of.items() if matched and matched <= rows]
            if len(holders) > 1:  # the agency with the fewest rows that still holds them all
                holders.sort(key=lambda a: len(index.rows_of[a]))
                holders = holders[:1] if len(index.rows_of[holders[0]]) < len(index.rows_of[holders[1]]) else []
            k, how = (holders[0], "rows") if len(holders) == 1 else ("", "")
        if not k:
            return out.failed(f"Tệp «{path}»: không xác định được cơ quan gửi (không có tên cơ quan chủ trì "
                              "nào của bảng gốc ở tiêu đề hay tên tệp).")
        out.agency_key, out.identified_by = k, how
    out.agency = index.agencies[out.agency_key].name
    return out
