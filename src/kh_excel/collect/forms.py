"""`kh-excel forms`: one data-entry workbook per lead agency, holding only its indicators.

The form is an ordinary indicator table (the reader recognises its header), so a returned
form is read like any workbook. Only the result cells are unlocked; the sheet is protected
without a password (a guard against slips, not a security measure: collect checks the plan
against the master anyway). A hidden column holds each row's key — master sheet, row and a
digest of its STT and name — and a hidden sheet names the agency and the master.
"""
from __future__ import annotations

import hashlib
import os
import dataclasses
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from kh_excel.core import text as vtext
from kh_excel.core.model import Indicator, Table
from kh_excel.batch.naming import readable
from kh_excel.errors import UserError
from kh_excel.io.xstring import decoded, escaped

FORM_SHEET = "Phiếu nhập"
META_SHEET = "_kh_excel_phieu"   # the reader skips sheets with the "_kh_excel" prefix
FORM_KIND = "kh_excel.phieu_nhap.1"
KEY_HEADER = "Mã dòng"
HEADER_ROW = 6
FIRST_ROW = HEADER_ROW + 1

# Form columns in order: (role, width). Headers come from `_headers`.
COLUMNS: tuple[tuple[str, float], ...] = (
    ("stt", 6), ("name", 52), ("unit", 14), ("target", 15), ("previous", 15),
    ("result", 17), ("note", 28), ("key", 24),
)
COL = {role: i + 1 for i, (role, _) in enumerate(COLUMNS)}  # role -> 1-based column

# Meta rows of the hidden sheet: (label, id).
META_FIELDS: tuple[tuple[str, str], ...] = (
    ("Loại", "kind"), ("Cơ quan", "agency"), ("Mã cơ quan", "agency_key"), ("Tệp gốc", "master_file"),
    ("Trang gốc", "master_sheet"), ("Năm", "year"), ("Kỳ báo cáo", "period"), ("Hạn gửi", "deadline"),
    ("Cột thực hiện", "result_header"), ("Các dòng", "rows"),
)
# «Các dòng»: the digest of every row the form was made with (row_digest, space-separated). A row the agency deleted
# from the form takes its hidden code with it; this list stays, so that a master row not on it is one the master
# gained (or gave the agency) after the form was made, never a row the agency deleted. Left empty past what one
# cell holds: collect then cannot tell the two apart and says «dòng bị xóa» as before.
_MOST_ROWS_CELL = 32_000

PROMPT_TITLE = "Nhập số liệu thực hiện"
PROMPT = ("Nhập một số (ví dụ 155000 hoặc 14,97) hoặc một biểu thức như «>95», «khoảng 32». "
          "Chỉ nhập vào cột này; các cột khác đã khóa.")
ERROR_TITLE = "Số liệu chưa hợp lệ"
ERROR = ("Ô này cần một số (ví dụ 155000 hoặc 14,97) hoặc biểu thức như «>95», «khoảng 32». "
         "Chọn «Yes» để giữ nếu chắc chắn, «No» để sửa lại.")
QUALITATIVE_PROMPT = "Chỉ tiêu định tính: ghi kết quả bằng lời (ví dụ «Hoàn thành») hoặc bằng số."



def _what(table: Table) -> str:
    """The indicators and the period as the master's title names them («các chỉ tiêu ngành y tế năm 2026», «…
    năm học 2025-2026»; docs.period), as every document of the table does."""
    from kh_excel.docs.context import appendix_title, title_issuer
    from kh_excel.docs.period import of_table, subject_for, subject_of
    subject = subject_of(appendix_title(table), title_issuer(table, "") is not None, [x.title for x in table.sections])
    if not table.year:
        return " ".join(x for x in ("các chỉ tiêu", subject) if x)
    per = of_table(table, table.year)
    per = dataclasses.replace(per, subject=subject_for(subject, per))
    return f"{per.chi_tieu()} {per.whole()}"

def row_digest(stt: str, name: str) -> str:
    """A short digest of a row's STT and name, accents and case ignored (survives retyping), and an «_x…_» escape
    the same however a reader decoded it (xstring.decoded: the name as LibreOffice reads the form back)."""
    return hashlib.sha256(f"{vtext.fold(decoded(stt))}|{vtext.fold(decoded(name))}".encode()).hexdigest()[:10]


def row_key(sheet: str, ind: Indicator) -> str:
    return f"{sheet}!{ind.row}#{row_digest(ind.stt, ind.name)}"


def parse_key(value: Any) -> tuple[str, int, str] | None:
    """(sheet, row, digest) from a key cell, or None when it is not one of ours."""
    if not isinstance(value, str) or "#" not in value or "!" not in value:
        return None
    head, _, digest = value.rpartition("#")
    sheet, _, row = head.rpartition("!")
    if not sheet or not row.isdigit() or len(digest) != 10:
        return None
    return sheet, int(row), digest


@dataclass
class AgencyRows:
    """One lead agency of the master and the indicator rows it leads."""

    key: str
    name: str
    indicators: list[Indicator]


def agency_rows(table: Table) -> list[AgencyRows]:
    """Lead agencies in order of first appearance (grouped as `batch --per agency` groups them)."""
    from kh_excel.batch.plan import lead_agencies
    from kh_excel.core.table import agency_registry
    key = agency_registry().key  # (the registry the table was read with, built once)
    by_key: dict[str, list[Indicator]] = {}
    for ind in table.indicators:
        for k in dict.fromkeys(key(a) for a in ind.lead):
            if k:
                by_key.setdefault(k, []).append(ind)
    return [AgencyRows(key(name), name, by_key[key(name)]) for name, _ in lead_agencies(table)]


class CollectError(UserError, ValueError):
    """A master that forms and collect cannot use; the message is Vietnamese and names file and sheet."""


def agencies_missing(table: Table) -> str:
    """«trang «…»: bảng chỉ tiêu không có cột «Cơ quan chủ trì»» (or names none): forms' and batch's one wording."""
    what = "không có cột «Cơ quan chủ trì»" if "lead" not in table.columns else "chưa ghi cơ quan chủ trì nào"
    return f"trang «{table.sheet}»: bảng chỉ tiêu {what}"


def no_agencies(table: Table) -> CollectError:
    return CollectError(f"Tệp «{table.file}», {agencies_missing(table)}, nên không chia được chỉ tiêu theo cơ quan "
                        "(phiếu nhập và tổng hợp số liệu cần biết mỗi chỉ tiêu do cơ quan nào chủ trì).")


def master_result_label(table: Table) -> str:
    """The master's result column as its header reads, or the one collect adds to a plan-only master."""
    result = table.column_headers.get("result") if table.has_results else None
    return vtext.clean(result) if result else (f"Thực hiện năm {table.year}" if table.year else "Thực hiện")


def master_name(path: str | Path) -> str:
    """The master's file name as a form records it («Tệp gốc») and collect compares it."""
    return readable(Path(path).name)


# The merged copy collect writes records the master it was made from (a custom document property, which no sheet
# shows and the reader never reads as a table), so that forms returned late can be collected into that copy: they
# name the master in «Tệp gốc», not the copy.
MASTER_PROPERTY = "kh_excel - Tệp gốc"
_CUSTOM_PART = "docProps/custom.xml"
_MOST_CUSTOM = 64 * 1024  # bytes of the part read: a few properties; a larger part is no merged copy of ours


def recorded_master(path: str | Path) -> str:
    """The master a merged copy records (MASTER_PROPERTY), "" for any other workbook. A bounded read of one small
    part of an .xlsx the input guard has passed; anything unreadable records nothing."""
    import re
    import zipfile
    from html import unescape
    try:
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo(_CUSTOM_PART)
            if info.file_size > _MOST_CUSTOM:
                return ""
            with zf.open(info) as fh:
                xml = fh.read(_MOST_CUSTOM).decode("utf-8", "replace")
    except (KeyError, OSError, zipfile.BadZipFile, ValueError):
        return ""
    m = re.search(r'<(?:\w+:)?property\b[^>]*\bname="%s"[^>]*>\s*<(?:\w+:)?lpwstr\b[^>]*>([^<]{1,255})</'
                  % re.escape(MASTER_PROPERTY), xml)
    return vtext.clean(unescape(m.group(1))) if m else ""


def _headers(table: Table) -> dict[str, str]:
    from kh_excel.core.periods import of_table
    from kh_excel.core.table import period_years
    year = table.year
    plan = vtext.clean(table.column_headers.get("target") or "")
    # a goal of a period of years as the master names it («Mục tiêu Nghị quyết giai đoạn 2021-2025»), or as the
    # documents read it, the term's of its title («Mục tiêu đến năm 2025» under «NHIỆM KỲ 2020-2025»): never «năm 2025»
    of_period = bool(period_years(plan)) or bool(plan and year and of_table(table, year).years)
    return {
        "stt": "STT", "name": "Chỉ tiêu", "unit": "Đơn vị tính",
        "target": plan if of_period else f"Kế hoạch năm {year}" if year else "Kế hoạch",
        "previous": f"Thực hiện năm {year - 1}" if year else "Số liệu năm trước",  # not a second «Thực hiện»
        "result": master_result_label(table),
        "note": "Ghi chú", "key": KEY_HEADER,
    }


def _number_format(value: Any, reading: Any = None) -> str:
    """Show a plan or previous figure as the master does; a percent cell stays a percent cell."""
    numbers = getattr(reading, "numbers", None) or ((reading,) if reading is not None else ())
    if isinstance(value, (int, float)) and any(getattr(n, "percent", False) and not n.was_text for n in numbers):
        return "0.0#%"
    if isinstance(value, float) and not value.is_integer():
        from kh_excel.core.numbers import decimals_of
        return "#,##0." + "0" * min(decimals_of(value), 6)
    return "#,##0" if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool) else "General"


# Excel Data Validation of a result cell: a number, or text that starts like a target
# expression. errorStyle "warning" lets a person keep an unusual entry: collect decides.
def _validation_formula(cell: str) -> str:
    first = f'LEFT(TRIM({cell}),1)'
    signs = ",".join(f'{first}="{s}"' for s in (">", "<", "≥", "≤"))
    return f'OR(ISNUMBER({cell}),{signs},ISNUMBER(SEARCH("khoảng",{cell})))'


def build_form(table: Table, agency: AgencyRows, period: str = "", deadline: str = "",
               master_name: str = ""):
    """The openpyxl workbook of one agency's form."""
    import openpyxl
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = FORM_SHEET
    year = table.year
    bold = Font(name="Times New Roman", bold=True, size=12)
    plain = Font(name="Times New Roman", size=12)
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="center")
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    entry = PatternFill("solid", fgColor="FFF2CC")
    last = len(COLUMNS) - 1  # the key column stays outside the visible heading

    title = f"PHIẾU NHẬP SỐ LIỆU THỰC HIỆN {_what(table)}".upper()
    lines = [title, f"Cơ quan chủ trì: {agency.name}",
             "; ".join(x for x in (f"Kỳ báo cáo: {period}" if period else "",
                                   f"Hạn gửi: {deadline}" if deadline else "") if x),
             "Chỉ nhập số liệu vào cột «" + _headers(table)["result"] + "» (ô nền vàng); không thêm, bớt hay đổi thứ tự dòng."]
    for r, text in enumerate(lines, start=1):
        if not text:
            continue
        cell = ws.cell(r, 1, escaped(text))
        cell.font = bold if r <= 2 else plain
        cell.alignment = Alignment(horizontal="center", wrap_text=True) if r <= 3 else Alignment(wrap_text=True)
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=last)

    headers = _headers(table)
    # a master without a previous-year column gives the form none to show: the column stays (the form's layout is
    # one for every form ever made), empty, hidden and unprinted, never asking for a year the office did not keep
    absent = {"previous"} - table.columns.keys()
    ws.row_dimensions[HEADER_ROW].height = 33
    for role, width in COLUMNS:
        c = COL[role]
        cell = ws.cell(HEADER_ROW, c, None if role in absent else escaped(headers[role]))
        cell.font, cell.alignment, cell.border = bold, centre, box
        ws.column_dimensions[cell.column_letter].width = width
        ws.column_dimensions[cell.column_letter].hidden = role in absent

    numeric_cells: list[str] = []
    text_cells: list[str] = []
    r = FIRST_ROW
    section = None
    for ind in agency.indicators:
        if ind.section and ind.section != section:
            section = ind.section
            ws.cell(r, COL["stt"], escaped(ind.section_numeral) or None).font = bold
            ws.cell(r, COL["name"], escaped(ind.section)).font = bold
            for role, _ in COLUMNS[:-1]:
                ws.cell(r, COL[role]).border = box
            r += 1
        values = {
            "stt": ind.stt or None, "name": ind.name, "unit": ind.unit or None,
            "target": ind.raw.get("target"), "previous": ind.raw.get("previous"),
            "result": None, "note": ind.note or None, "key": row_key(table.sheet, ind),
        }
        for role, _ in COLUMNS:
            v = values[role]
            if isinstance(v, str):
                v = vtext.clean(v)
            cell = ws.cell(r, COL[role], escaped(v))
            if isinstance(v, str):
                cell.data_type = "s"  # text from the master: never a formula, even if it starts with "="
            cell.font = plain
            if role != "key":
                cell.border = box
            cell.alignment = wrap if role in ("name", "note") else centre
            if role in ("target", "previous"):
                cell.number_format = _number_format(v, ind.readings.get(role))
        longest = max(len(values["name"]) / COLUMNS[COL["name"] - 1][1], len(values["note"] or "") / COLUMNS[COL["note"] - 1][1])
        if longest > 1:  # LibreOffice does not grow rows to wrapped text on opening: size them here
            ws.row_dimensions[r].height = 16 * (int(longest * 1.05) + 1)
        res = ws.cell(r, COL["result"])
        res.fill = entry
        res.protection = Protection(locked=False)
        (text_cells if ind.target.op == "text" else numeric_cells).append(res.coordinate)
        r += 1
    if numeric_cells:  # the formula is relative to the first cell of the range it applies to
        dv = DataValidation(type="custom", formula1=_validation_formula(numeric_cells[0]), allow_blank=True,
                            showInputMessage=True, showErrorMessage=True, errorStyle="warning",
                            promptTitle=PROMPT_TITLE, prompt=PROMPT, errorTitle=ERROR_TITLE, error=ERROR,
                            sqref=" ".join(numeric_cells))
        ws.add_data_validation(dv)
    if text_cells:
        ws.add_data_validation(DataValidation(allow_blank=True, showInputMessage=True, promptTitle=PROMPT_TITLE,
                                              prompt=QUALITATIVE_PROMPT, sqref=" ".join(text_cells)))
    key_letter = ws.cell(1, COL["key"]).column_letter
    ws.column_dimensions[key_letter].hidden = True
    ws.freeze_panes = ws.cell(FIRST_ROW, 1)
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.protection.sheet = True   # no password: a guard against slips
    ws.protection.formatColumns = False
    ws.protection.formatRows = False

    meta = wb.create_sheet(META_SHEET)
    values = {"kind": FORM_KIND, "agency": agency.name, "agency_key": agency.key, "master_file": master_name,
              "master_sheet": table.sheet, "year": str(year or ""), "period": period, "deadline": deadline,
              "result_header": headers["result"], "rows": form_rows_cell(agency.indicators)}
    for i, (label, fid) in enumerate(META_FIELDS, start=1):
        meta.cell(i, 1, escaped(label))
        meta.cell(i, 2, escaped(values[fid]))
    meta.sheet_state = "hidden"
    meta.protection.sheet = True
    return wb


def form_rows_cell(indicators: list[Indicator]) -> str:
    """The «Các dòng» cell of a form's hidden sheet: its rows' digests, or "" where they would not fit one cell."""
    cell = " ".join(row_digest(ind.stt, ind.name) for ind in indicators)
    return cell if len(cell) <= _MOST_ROWS_CELL else ""


def read_period_settings(path: str | Path) -> dict[str, str]:
    """«Kỳ báo cáo», «Hạn gửi số liệu», «Nhóm cột» and «Kỳ» from the workbook's settings sheet, when it has
    them. A broken settings sheet is a SettingsError, in the words `render` and the add-in use for it."""
    from kh_excel.docs.settings import read_settings_sheet
    common = read_settings_sheet(path).for_kind("chung")
    return {k: str(common[k]).strip() for k in ("ky_bao_cao", "han_gui", "nhom_cot", "ky") if common.get(k)}


def read_master(path: str | Path, sheet: str | None = None, group: str | None = None,
                period: str | None = None, period_is_label: bool = False) -> tuple[Table, dict[str, str]]:
    """The master table as forms and collect both read it — the column group and period `--group`/`--period`
    name, else «Nhóm cột»/«Kỳ» of the settings sheet, as `render` does — and the settings read.

    With `period_is_label` (forms, whose --period is also the «Kỳ báo cáo» written on the form), a period
    chooses the column only in a table that has period columns; elsewhere it is the form's label alone."""
    from kh_excel.api import read_workbook
    given = read_period_settings(path)
    group = group or given.get("nhom_cot")
    chosen = period or given.get("ky")
    table = read_workbook(path, sheet=sheet, group=group)
    if not chosen or (period_is_label and not table.periods):
        return table, given
    # a period that names several columns («năm 2026» in «Thực hiện 6 tháng năm 2026» and «Ước thực hiện cả năm
    # 2026») is refused by the reader, as for every command: the forms and the merged column are of one period
    return read_workbook(path, sheet=table.sheet, group=group, period=chosen), given


def write_forms(src: str | Path, out_dir: str | Path, table: Table, period: str = "", deadline: str = "",
                ascii_names: bool = False) -> list[tuple[AgencyRows, Path]]:
    """Write every agency's form into out_dir atomically; returns (agency, path) in table order."""
    from kh_excel.batch.naming import assign_names
    from kh_excel.io.atomic import OutputRefused, write_atomic
    if not os.fspath(out_dir).strip():
        raise OutputRefused(out_dir, "đường dẫn thư mục ghi phiếu nhập để trống; hãy ghi rõ tên thư mục.")
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputRefused(out_dir, "đây là một tệp, không phải thư mục để ghi phiếu nhập.")
    groups = agency_rows(table)
    if not groups:
        raise no_agencies(table)
    names = assign_names([(g.key, g.name) for g in groups], ".xlsx", ascii_names=ascii_names)
    src_resolved = Path(src).resolve()
    for g in groups:  # check every target first: a refused run writes nothing
        target = out_dir / names[g.key]
        if target.resolve() == src_resolved:
            raise OutputRefused(target, "tệp phiếu nhập trùng với tệp đầu vào (chương trình không sửa tệp gốc).")
        if target.exists() and has_entries(target):
            raise OutputRefused(target, "tệp đã có và có số liệu đã nhập (hoặc không phải phiếu trống do chương trình "
                                        "tạo), không ghi đè. Hãy chọn thư mục khác cho phiếu mới.")
    written = []
    for g in groups:
        wb = build_form(table, g, period, deadline, master_name(src))
        written.append((g, write_atomic(out_dir / names[g.key], wb.save)))
    return written


def has_entries(path: Path) -> bool:
    """Whether a file holds typed results (a filled form, or any workbook that cannot be read as one)."""
    from kh_excel.io.atomic import release
    from kh_excel.io.limits import InputRefused
    from kh_excel.io.workbook import open_workbook
    try:
        book = open_workbook(path)
        if FORM_SHEET not in book.sheet_names:
            return True  # not a form of ours: never overwrite it
        rows = book.values(FORM_SHEET)
    except InputRefused:
        return True
    col = COL["result"] - 1
    if any(len(r) > col and r[col] not in (None, "") for r in rows[FIRST_ROW - 1:]):
        return True
    release(path)  # a blank form of an earlier run: read only to decide, it may be made again
    return False
