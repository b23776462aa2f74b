"""The ribbon actions. Each takes an xlwings Book and returns what it told the user.

Every action reads whole used ranges through a `Session`, computes with the
core, queues its writes and commits them at the end, so that a failure leaves
the workbook as it was and the number of engine calls does not depend on the
number of rows (see engine.py and tests/test_addin_calls.py).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from kh_excel.addin.engine import UNKNOWN_FILL, Session, SheetData, color_runs
from kh_excel.addin.marks import (Found, Mark, a1, col_key, locate, parse_a1, queue_write_marks, read_marks,
                                  restore_color, row_key)
from kh_excel.core.model import STATUS_LABELS, Table
from kh_excel.errors import UserError

TITLE = "Kế hoạch"
RESULT_SHEET = "Kết quả kiểm tra"
RESULT_TITLE = "KẾT QUẢ KIỂM TRA SỐ LIỆU"  # A1 of the result sheet: with RESULT_HEADER on row 5, the add-in's mark
RESULT_HEADER = ("STT", "Mức độ", "Trang", "Ô", "Chỉ tiêu", "Nội dung", "Mã")
SUMMARY_SHEET = "Tổng hợp"
ERROR_FILL = "#ffc7ce"    # Excel's "Bad" red
WARNING_FILL = "#ffeb9c"  # Excel's "Neutral" yellow
NOTE_PREFIX = "[Kiểm tra số liệu]"
# Notes are one engine call each; past this many the result sheet is the place to read.
NOTE_LIMIT = 200
OWN_PREFIXES = ("_kh_excel", RESULT_SHEET, SUMMARY_SHEET, "Cấu hình văn bản")
SEVERITY_LABELS = {"error": "Lỗi", "warning": "Cảnh báo"}
STATUS_ORDER = ("vuot", "dat", "khong_dat", "chua_co_so_lieu", "khong_danh_gia", "so_lieu_loi")


class ActionError(UserError):
    """A failure the user can act on: a Vietnamese message, naming the sheet and cell when known."""

    def __init__(self, message: str, sheet: str | None = None, cell: str | None = None):
        self.sheet = sheet
        self.cell = cell
        where = ""
        if sheet and cell:
            where = f" (trang «{sheet}», ô {cell})"
        elif sheet:
            where = f" (trang «{sheet}»)"
        super().__init__(message + where)


# ----------------------------------------------------------------------------- helpers


def _is_own(name: str) -> bool:
    return any(name.startswith(p) for p in OWN_PREFIXES)


def _blank(v: Any) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


# The add-in reads a sheet's values through xlwings (SheetData): neither its remote engine's book JSON (a sheet's
# name, values, pictures and tables) nor the values the desktop engine reads say which rows are hidden, so the add-in
# reads a hidden row as any other, where kh-excel leaves it out and names it (core.table). Said, never guessed.
HIDDEN_ROWS_UNKNOWN = ("Phần bổ trợ không biết dòng nào đang ẩn (Excel không gửi thông tin này cho phần bổ trợ): dòng "
                       "ẩn (ẩn tay, lọc hoặc thu gọn nhóm) vẫn được đọc, đánh giá và đưa vào văn bản như mọi dòng "
                       "khác. "
                       "Nếu bảng có dòng ẩn không muốn đưa vào, hãy xóa các dòng đó, hoặc dùng lệnh kh-excel trên tệp "
                       "đã lưu (lệnh này bỏ qua dòng ẩn và nêu tên các dòng đó).")


# Where the saved file cannot tell the table's merges and number formats (Session.saved_layout), said, never guessed.
LAYOUT_UNKNOWN = ("Phần bổ trợ không thấy ô gộp và định dạng số của trang «{sheet}» (Excel không gửi thông tin này; "
                  "phần bổ trợ đọc chúng từ tệp đã lưu, nhưng sổ tính chưa được lưu hoặc đã sửa sau lần lưu cuối): ô "
                  "STT, đơn vị tính, cơ quan chủ trì, phối hợp hay lãnh đạo phụ trách gộp qua nhiều dòng chỉ được đọc "
                  "ở dòng đầu, và số được viết theo giá trị trong ô, không theo số chữ số thập phân đang hiển thị. "
                  "Hãy lưu sổ tính (Ctrl+S) rồi bấm lại (Excel cho Windows), hoặc dùng lệnh kh-excel trên tệp đã lưu.")


def layout_note(s: Session, table: Table) -> list[str]:
    """LAYOUT_UNKNOWN for the table's sheet when its layout was not read from the saved file."""
    return [] if s.saved_layout(table.sheet) is not None else [LAYOUT_UNKNOWN.format(sheet=table.sheet)]


def find_table(s: Session, plan: bool = False) -> tuple[Table, SheetData]:
    """The indicator table: the active sheet's if it has one, else the first sheet that has. `plan`: read for a
    plan document (api.read_workbook: the latest year the table plans)."""
    from kh_excel.api import read_workbook
    from kh_excel.io.workbook import ChoiceAmbiguous, WorkbookError

    names = s.sheet_names()
    active = s.active_sheet()
    order = [active] + [n for n in names if n != active]
    candidates = [n for n in order if not _is_own(n)]
    group, period = _table_choice(s, names)

    def read(grid) -> Table:
        try:
            return read_workbook(grid, file=s.book.name, group=group, period=period, plan=plan)
        except ChoiceAmbiguous as exc:  # the table is here and «Nhóm cột»/«Kỳ» names several of its columns:
            raise ActionError(exc.reason[0].upper() + exc.reason[1:]) from None  # asked, never another sheet read

    first_error: str | None = None
    for name in candidates:
        data = s.read_sheet(name)
        if all(_blank(v) for row in data.rows for v in row):
            first_error = first_error or f"Trang «{name}» không có dữ liệu."
            continue
        # Merges and number formats as the CLI reads them, from the saved file while it holds the open values
        # (Session.saved_layout): a lead agency merged over two indicators lends them both its name, 57 formatted
        # «0.0» is «57,0». Else the header's merges are guessed from values (the engine gives none): a result header
        # merged over a commune's hamlets is read as the same breakdown, its total taken (core.table._take_part).
        grid = data.grid()
        layout = s.saved_layout(name)
        if layout is not None:
            grid.merged, grid.number_formats = layout
        else:
            grid.merged = infer_header_merges(grid.rows)
        try:
            return _others_named(s, read(grid), names), data
        except WorkbookError as exc:
            if grid.merged and layout is None:
                try:
                    return _others_named(s, read(data.grid()), names), data
                except WorkbookError:
                    pass
            first_error = first_error or exc.reason[0].upper() + exc.reason[1:]
    if not candidates:
        raise ActionError("Sổ tính không có trang nào chứa bảng chỉ tiêu.")
    raise ActionError(f"Không tìm thấy bảng chỉ tiêu trong sổ tính «{s.book.name}». {first_error or ''}".strip())


def _others_named(s: Session, table: Table, names: list[str]) -> Table:
    """The other visible sheets holding a table are named as the CLI names them (api.sheets_not_read): the ribbon's
    documents are made from one sheet too. Each is read once (the remote engine has them in its payload). So are
    the conflicts a merged copy's record keeps open (api.name_open_conflicts), as the CLI reads them."""
    from kh_excel.api import RECORD_SHEET, name_open_conflicts, sheets_not_read
    from kh_excel.core.table import holds_table
    others = [n for n in names if n != table.sheet and not _is_own(n) and s.book.sheets[n].visible]
    if others and table.indicators:
        sheets_not_read(table, others, lambda n: holds_table(s.read_sheet(n).grid()))
    if RECORD_SHEET in names and table.indicators:
        name_open_conflicts(table, s.read_sheet(RECORD_SHEET).rows)
    return table


def _table_choice(s: Session, names: list[str]) -> tuple[str | None, str | None]:
    """«Nhóm cột» and «Kỳ» of the workbook's settings sheet, when it has one (else the defaults)."""
    from kh_excel.docs.settings import SettingsError, find_settings_sheet, settings_from_rows, table_choice
    sheet = find_settings_sheet(names)
    if sheet is None:
        return None, None
    try:
        return table_choice(settings_from_rows(s.read_sheet(sheet).rows, source=sheet))
    except SettingsError:
        return None, None  # the documents report a broken settings sheet; the table is read as by default


def infer_header_merges(rows: list[list[Any]], scan: int = 30) -> list[tuple[int, int, int, int]]:
    """The merges of a two-row header, guessed from values alone (0-based, inclusive).

    The remote engine's payload has no merged cells, so a header such as
    "STT | Chỉ tiêu | Năm 2026 (over Kế hoạch, Ước thực hiện)" arrives as two
    rows with holes. Only the row holding the "Chỉ tiêu" label and the row
    under it are considered, and only when that row continues the header (short
    labels, no figures: core.table's own test): a label with blanks under it is
    taken as merged down, a label with blanks to its right over sub-labels as
    merged across.
    """
    from kh_excel.core.table import _continuation, header_role

    def roles(row: list[Any]) -> set[str]:
        return {role for v in row if isinstance(v, str) and (role := header_role(v))}

    candidates = [r for r in range(min(scan, len(rows) - 1)) if "name" in roles(rows[r]) and len(roles(rows[r])) >= 2]
    for r in sorted(candidates, key=lambda r: -len(roles(rows[r])))[:1]:
        top, below = rows[r], rows[r + 1]
        width = max(len(top), len(below))
        if not any(not _blank(v) for v in below) or _continuation(rows, [], r, width, top) is None:
            return []  # a first indicator, a section or a (1) (2) … row under a one-row header
        cell = lambda row, c: row[c] if c < len(row) else None  # noqa: E731
        merged = []
        for c in range(width):
            if _blank(cell(top, c)):
                continue
            end = c
            while end + 1 < width and _blank(cell(top, end + 1)) and not _blank(cell(below, end + 1)):
                end += 1
            if end > c:
                merged.append((r, c, r, end))
            elif _blank(cell(below, c)):
                merged.append((r, c, r + 1, c))
        return merged
    return []


def as_text(value: Any) -> Any:
    """A string Excel must keep as text when written (not a formula, not a number)."""
    if not isinstance(value, str) or not value:
        return value
    from kh_excel.core.numbers import parse_number

    if value[0] in "=+-@" or parse_number(value) is not None:
        return "'" + value
    return value


def _hyperlink(sheet: str, cell: str) -> str:
    target = "#'" + sheet.replace("'", "''") + "'!" + cell
    return '=HYPERLINK("' + target.replace('"', '""') + '","' + cell + '")'


def _col(c1: int) -> str:
    from kh_excel.core.validation import col_letter

    return col_letter(c1 - 1)


def _own_note(s: Session, sheet: str, cell: tuple[int, int]) -> bool:
    """Whether the cell holds a note the add-in wrote. Where the engine reads the text (desktop),
    ours start with NOTE_PREFIX; where it only knows that a note is there (remote), a mark that
    recorded adding one is trusted."""
    if cell not in (s.read_sheet(sheet).notes or set()):
        return False
    text = s.note_text(sheet, cell)
    return text is None or text.startswith(NOTE_PREFIX)


def _own_fill(s: Session, sheet: str, cell: tuple[int, int]) -> bool:
    """Whether the cell still wears the add-in's colour; where the engine cannot read fills, assumed."""
    fill = s.read_fill(sheet, cell)
    return fill == UNKNOWN_FILL or fill in (ERROR_FILL, WARNING_FILL)


@dataclass
class Restored:
    cells: int = 0
    notes_deleted: int = 0
    user_notes: int = 0       # notes on marked cells that are not the add-in's: left as they are
    user_fills: int = 0       # fills changed by the user since marking: left as they are
    unknown_fills: int = 0    # original fill never known (remote engine): left without fill


def _restore_ops(s: Session, found: list[Found], keep: set[tuple[str, tuple[int, int]]] = frozenset()) -> Restored:
    """Queue what gives back the original state of every found mark not in `keep`: the recorded
    fill where the add-in's colour is still on, and the deletion of the add-in's own notes only."""
    done = Restored()
    fills: dict[str, dict[tuple[int, int], Any]] = defaultdict(dict)
    for f in found:
        if (f.sheet, f.cell) in keep:
            continue
        m = f.mark
        done.cells += 1
        if _own_fill(s, f.sheet, f.cell):
            fills[f.sheet][f.cell] = restore_color(m.original_fill)
            done.unknown_fills += m.original_fill == UNKNOWN_FILL
        else:
            done.user_fills += 1
        if m.note_added and _own_note(s, f.sheet, f.cell):
            s.queue("delete_note", f.sheet, f.cell)
            done.notes_deleted += 1
        elif f.cell in (s.read_sheet(f.sheet).notes or set()):
            done.user_notes += 1
    for sheet, cells in fills.items():
        for top_left, matrix in color_runs(sheet, cells):
            s.queue("colors", sheet, top_left, matrix)
    return done


def _lost_text(lost: list[Mark], limit: int = 10) -> str:
    """Where the marks that could not be found were: «ô E18 trang «…»», the first `limit`."""
    places = [f"ô {a1(m.cell)} trang «{m.sheet}»" for m in lost[:limit]]
    more = f" và {len(lost) - limit} ô khác" if len(lost) > limit else ""
    return ", ".join(places) + more


# ----------------------------------------------------------------------------- kiem_tra


def kiem_tra(book) -> str:
    """Validate; colour error and warning cells, note the message on them, list findings."""
    from kh_excel.core.gate import check, plan_document_findings, plan_read_apart
    from kh_excel.core.validation import counts

    s = Session(book)
    table, data = find_table(s)
    findings = check(table).findings  # (with the table's own «So sánh»/«Đánh giá» read against it: core.own_columns)
    if plan_read_apart(table):  # the plan documents read another year's plan: what they would refuse, marked too
        plan, _ = find_table(s, plan=True)
        if plan.sheet == table.sheet:
            findings = [*findings, *plan_document_findings(table, plan)]
    previous_found, previous_lost = locate(s, read_marks(s), skip_sheet=_is_own)
    previous = {(f.sheet, f.cell): f for f in previous_found}

    per_cell: dict[tuple[int, int], list] = defaultdict(list)
    for f in findings:
        if f.cell and f.sheet == table.sheet:
            per_cell[parse_a1(f.cell)].append(f)

    marks: list[Mark] = []
    fills: dict[tuple[int, int], Any] = {}
    notes_added = 0
    notes_skipped = 0
    user_notes = 0
    for cell in sorted(per_cell):
        fs = per_cell[cell]
        severity = "error" if any(f.severity == "error" for f in fs) else "warning"
        old = previous.get((table.sheet, cell))
        has_note = cell in (data.notes or set())
        if old is not None:
            # marked before: the cell's own fill is the recorded one, unless the user has coloured it since
            original = old.mark.original_fill if _own_fill(s, table.sheet, cell) else s.read_fill(table.sheet, cell)
            ours = old.mark.note_added and _own_note(s, table.sheet, cell)
        else:
            original = s.read_fill(table.sheet, cell)
            # a note of an earlier check whose record is gone: only where its text can be read
            ours = has_note and (text := s.note_text(table.sheet, cell)) is not None and text.startswith(NOTE_PREFIX)
        if ours:
            s.queue("delete_note", table.sheet, cell)
        had_note = has_note and not ours
        fills[cell] = ERROR_FILL if severity == "error" else WARNING_FILL
        add_note = not had_note and notes_added < NOTE_LIMIT
        if add_note:
            text = NOTE_PREFIX + "\n" + "\n".join(f"{SEVERITY_LABELS[f.severity]}: {f.message}" for f in fs)
            s.queue("add_note", table.sheet, cell, text)
            notes_added += 1
        elif had_note:
            user_notes += 1
        else:
            notes_skipped += 1
        marks.append(Mark(table.sheet, cell, severity, original, had_note, add_note,
                          row_key=row_key(data, cell), col_key=col_key(data, cell, table.header_rows)))

    # Cells marked by an earlier check that are clean now get their state back.
    _restore_ops(s, previous_found, keep={(m.sheet, m.cell) for m in marks})
    for top_left, matrix in color_runs(table.sheet, fills):
        s.queue("colors", table.sheet, top_left, matrix)

    n = counts(findings)
    listed = _queue_result_sheet(s, table, findings, n)
    queue_write_marks(s, marks)
    summary = f"Đã kiểm tra trang «{table.sheet}»: {n['error']} lỗi (tô đỏ), {n['warning']} cảnh báo (tô vàng). "
    if listed:
        summary += f"Danh sách và liên kết đến từng ô ở trang «{RESULT_SHEET}»."
        see = f"ở trang «{RESULT_SHEET}»"
    else:  # a sheet of the user's bears the name: never cleared (nothing of the user's is lost)
        summary += (f"Trang «{RESULT_SHEET}» đã có trong sổ tính nhưng không phải do lệnh này lập, nên được giữ nguyên "
                    "và không ghi danh sách lỗi vào đó; hãy đổi tên trang đó rồi kiểm tra lại để có danh sách.")
        see = "ở danh sách lỗi (sau khi đổi tên trang đó)"
    if notes_skipped:
        summary += f" Chỉ {NOTE_LIMIT} ô đầu tiên có ghi chú; xem đủ nội dung {see}."
    if user_notes:
        summary += f" {user_notes} ô đã có ghi chú riêng của người dùng nên được giữ nguyên; nội dung lỗi của các ô này {see}."
    if any(m.original_fill == UNKNOWN_FILL for m in marks):
        summary += (" Excel trên web/máy chủ không cho đọc màu nền: «Xóa đánh dấu» sẽ để các ô được tô không có màu, "
                    "màu nền riêng của các ô đó (nếu có) không lấy lại được.")
    if previous_lost:
        summary += (f" Không tìm lại được {len(previous_lost)} ô đánh dấu lần trước ({_lost_text(previous_lost)}) vì dòng, "
                    "cột hoặc trang đã bị xóa, sửa hay đổi tên: màu tô và ghi chú cũ ở các ô đó (nếu còn) chưa được bỏ, "
                    "hãy tự bỏ.")
    summary += " " + " ".join([*layout_note(s, table), HIDDEN_ROWS_UNKNOWN])
    s.queue("status", None, f"Kiểm tra số liệu: {n['error']} lỗi, {n['warning']} cảnh báo.")
    s.queue("alert", None, summary, TITLE, "critical" if n["error"] else "info")
    s.commit()
    return summary


def _queue_result_sheet(s: Session, table: Table, findings, n: dict[str, int]) -> bool:
    """The list of findings on the result sheet; False (nothing written) where a sheet of that name is the user's."""
    if s.has_sheet(RESULT_SHEET):
        if not _own_result_sheet(s):
            return False
        s.queue("clear_sheet", RESULT_SHEET)
    else:
        s.queue("add_sheet", None, RESULT_SHEET)
    width = len(RESULT_HEADER)
    rows: list[list[Any]] = [
        [RESULT_TITLE] + [None] * (width - 1),
        [f"Trang «{table.sheet}» của sổ tính «{s.book.name}»: {n['error']} lỗi, {n['warning']} cảnh báo."] + [None] * (width - 1),
        ["Bấm vào địa chỉ ở cột «Ô» để đến ô cần sửa. Nút «Xóa đánh dấu» trên thẻ Kế hoạch bỏ màu tô và ghi chú."] + [None] * (width - 1),
        [None] * width,
        list(RESULT_HEADER),
    ]
    for i, f in enumerate(findings, 1):
        rows.append([
            i,
            SEVERITY_LABELS[f.severity],
            as_text(f.sheet),
            _hyperlink(f.sheet, f.cell) if f.cell else None,
            as_text(f.indicator),
            as_text(f.message),
            f.code,
        ])
    if not findings:
        rows.append([None, "Không có lỗi hay cảnh báo nào.", None, None, None, None, None])
    s.queue("values", RESULT_SHEET, (1, 1), rows)
    s.queue("bold", RESULT_SHEET, "A1")
    s.queue("bold", RESULT_SHEET, "A5:G5")
    for col, w in (("A:A", 6), ("B:B", 10), ("C:C", 18), ("D:D", 8), ("E:E", 40), ("F:F", 90), ("G:G", 22)):
        s.queue("column_width", RESULT_SHEET, col, w)


# ----------------------------------------------------------------------------- xoa_danh_dau


def xoa_danh_dau(book) -> str:
    """Remove every mark the add-in made and give back the cells' own fills and notes."""
    s = Session(book)
    marks = read_marks(s)
    own, foreign = _check_sheets(s, bool(marks))
    if not marks and not own:
        message = "Không có ô nào đang được đánh dấu bởi lệnh Kiểm tra số liệu."
        if foreign:
            message += " " + _foreign_text(foreign)
        s.queue("alert", None, message, TITLE, "info")
        s.commit()
        return message
    if marks:
        found, lost = locate(s, marks, skip_sheet=_is_own)
        done = _restore_ops(s, found)
        message = _removal_message(done, found, lost)
    else:
        message = "Không có ô nào đang được đánh dấu bởi lệnh Kiểm tra số liệu."
    for name in own:  # last: the cells are given back first, whatever happens to the sheets
        s.queue("delete_sheet", None, name)
    if RESULT_SHEET in own:
        message += f" Đã xóa trang «{RESULT_SHEET}» do lệnh Kiểm tra số liệu lập."
    if foreign:
        message += " " + _foreign_text(foreign)
    s.queue("status", None, "Đã xóa đánh dấu.")
    s.queue("alert", None, message, TITLE, "info")
    s.commit()
    return message


def _sheet_cell(rows: list[list[Any]], r: int, c: int) -> Any:
    return rows[r][c] if r < len(rows) and c < len(rows[r]) else None


def _own_result_sheet(s: Session) -> bool:
    """Whether the sheet named RESULT_SHEET is one «Kiểm tra số liệu» wrote: its title and its header row on row 5."""
    rows = s.read_sheet(RESULT_SHEET).rows
    return _sheet_cell(rows, 0, 0) == RESULT_TITLE and \
        tuple(_sheet_cell(rows, 4, c) for c in range(len(RESULT_HEADER))) == RESULT_HEADER


def _check_sheets(s: Session, marks_read: bool) -> tuple[list[str], list[str]]:
    """(sheets «Kiểm tra số liệu» made, to delete; sheets of those names the add-in did not make, kept). A sheet is
    the add-in's by its name and its content: the result sheet's title and header row; the record's first line, or
    the marks just read from it."""
    from kh_excel.addin.marks import INTRO, STORE_SHEET

    own, foreign = [], []
    if s.has_sheet(RESULT_SHEET):
        (own if _own_result_sheet(s) else foreign).append(RESULT_SHEET)
    if s.has_sheet(STORE_SHEET):
        ours = marks_read or _sheet_cell(s.read_sheet(STORE_SHEET).rows, 0, 0) == INTRO
        (own if ours else foreign).append(STORE_SHEET)
    return own, foreign


def _foreign_text(names: list[str]) -> str:
    return ("Trang " + ", ".join(f"«{n}»" for n in names) + " không phải do lệnh Kiểm tra số liệu lập (nội dung khác) "
            "nên được giữ nguyên.")


def _removal_message(done: Restored, found: list[Found], lost: list[Mark]) -> str:
    """What «Xóa đánh dấu» did, and only that."""
    parts = []
    if done.cells:
        sheets = sorted({f.sheet for f in found})
        moved = sorted({f"«{f.mark.sheet}» nay là «{f.sheet}»" for f in found if f.sheet != f.mark.sheet})
        parts.append(f"Đã bỏ đánh dấu của {done.cells} ô ở trang " + ", ".join(f"«{n}»" for n in sheets)
                     + (f" (trang {', '.join(moved)})" if moved else "")
                     + f": xóa {done.notes_deleted} ghi chú do lệnh Kiểm tra số liệu thêm"
                     + (" và trả lại màu nền ghi lúc kiểm tra." if done.cells > done.unknown_fills + done.user_fills
                        else "."))
    else:
        parts.append("Không bỏ được đánh dấu nào.")
    if done.unknown_fills:
        parts.append(f"{done.unknown_fills} ô được tô khi Excel (trên web/máy chủ) không cho đọc màu nền, nên nay để "
                     "không tô màu; màu nền riêng của các ô đó (nếu có, kể cả màu tô sau khi kiểm tra) không lấy lại "
                     "được, hãy tô lại.")
    if done.user_fills:
        parts.append(f"{done.user_fills} ô đã được tô màu khác sau khi kiểm tra nên giữ màu đó.")
    if done.user_notes:
        parts.append(f"Ghi chú của người dùng ở {done.user_notes} ô được giữ nguyên.")
    if lost:
        parts.append(f"Không tìm lại được {len(lost)} ô đã đánh dấu ({_lost_text(lost)}) vì dòng, cột hoặc trang đã "
                     "bị xóa, sửa hay đổi tên sau khi kiểm tra: không ô nào bị sửa theo địa chỉ cũ; nếu còn ô tô màu "
                     "hoặc ghi chú bắt đầu bằng «" + NOTE_PREFIX + "», hãy tự bỏ.")
    return " ".join(parts)


# ----------------------------------------------------------------------------- tinh_ty_le


def _find_columns(s: Session, data: SheetData, table: Table) -> int:
    """1-based column of "% so với KH" ("Đánh giá" right of it): the rule `attainment -o` follows
    (core.formulas.output_columns), with the merges the engine can tell."""
    from kh_excel.core.formulas import MergedInTheWay, merged_in_the_way_message, output_columns

    def value(r: int, c: int):
        row = data.rows[r - 1] if 0 < r <= data.n_rows else []
        return row[c - 1] if c - 1 < len(row) else None

    bottom = max(table.last_data_row, table.header_rows[0])
    try:
        return output_columns(value, table.header_rows, bottom, max(table.columns.values()) + 1,
                              s.merge_finder(table.sheet, table.header_rows, bottom))
    except MergedInTheWay as exc:
        raise ActionError(merged_in_the_way_message(table.sheet, exc.cell)) from None


def _checked(table: Table):
    """The table's attainment with its failed rows as «Số liệu lỗi» (core.gate), and the findings
    behind each failed row (so the formulas follow the user's fix)."""
    from kh_excel.core.gate import check, failures_by_row

    c = check(table)
    return c.as_written(), failures_by_row(table, c.findings)


def tinh_ty_le(book) -> str:
    """Add or refresh "% so với KH" and "Đánh giá" beside the table (formulas where possible)."""
    from kh_excel.core.formulas import RATIO_HEADER, RATIO_NUMBER_FORMAT, STATUS_HEADER, sheet_cells

    s = Session(book)
    table, data = find_table(s)
    if not table.has_results:
        raise ActionError("Bảng chỉ tiêu chưa có cột số thực hiện (Thực hiện / Ước thực hiện), nên chưa tính được tỷ lệ đạt.",
                          sheet=table.sheet)
    att, failures = _checked(table)
    c = _find_columns(s, data, table)
    top = table.header_rows[0]
    bottom = max(table.last_data_row, top)
    cells: dict[int, list[Any]] = {top: [RATIO_HEADER, STATUS_HEADER]}
    # formulas only where they follow the core's rule, else the core's values: as `attainment -o` (core.formulas)
    judged = {a.indicator.row for a in att.assessments if a.status in ("vuot", "dat", "khong_dat")}
    as_values = 0
    for row, pair in sheet_cells(att, failures=failures).items():
        if top < row <= bottom:
            cells[row] = list(pair)
            as_values += row in judged and not (isinstance(pair[1], str) and pair[1].startswith("="))
    # Only rows that get a value, or hold one to clear, are written, in runs of rows: the blank
    # cells of a merged range (a section title merged wider than the table) are never written
    # into, also where the engine cannot tell merges (remote).
    for r in range(top + 1, bottom + 1):
        row = data.rows[r - 1] if r - 1 < data.n_rows else []
        if r not in cells and any(not _blank(row[k]) for k in (c - 1, c) if k < len(row)):
            cells[r] = [None, None]
    run: list[int] = []
    for r in sorted(cells) + [None]:
        if run and (r is None or r != run[-1] + 1):
            s.queue("values", table.sheet, (run[0], c), [cells[x] for x in run])
            run = []
        if r is not None:
            run.append(r)
    s.queue("bold", table.sheet, f"{_col(c)}{top}:{_col(c + 1)}{top}")
    if bottom > top:
        s.queue("number_format", table.sheet, f"{_col(c)}{top + 1}:{_col(c)}{bottom}", RATIO_NUMBER_FORMAT)
    n = att.summary.counts
    message = (f"Đã tính tỷ lệ đạt ở cột {_col(c)} và {_col(c + 1)} của trang «{table.sheet}»: "
               + ", ".join(f"{STATUS_LABELS[k]} {n[k]}" for k in STATUS_ORDER) + ".")
    if as_values:  # their status does not follow an edit: the user must know it
        message += (f" {as_values} chỉ tiêu được đánh giá theo quy tắc riêng (chỉ số so với mức tăng, kế hoạch tăng/giảm, "
                    "điểm %, xếp hạng, số ghi bằng lời, số ước…) nên cột «Đánh giá» ghi giá trị, không phải công thức: "
                    "sửa số liệu của các chỉ tiêu đó thì bấm lại «Tính tỷ lệ đạt».")
    if s.remote and s.saved_layout(table.sheet) is None:  # a header merged over column c (its label left of c, the
        # rest blank) looks like a free cell here
        message += (f" Excel trên web/máy chủ không cho biết ô gộp: nếu Excel báo không ghi được vào một phần của ô "
                    f"gộp, hãy bỏ gộp ô ở cột {_col(c)}, {_col(c + 1)} rồi bấm lại.")
    message += " " + " ".join([*layout_note(s, table), HIDDEN_ROWS_UNKNOWN])
    s.queue("status", None, message)
    s.queue("alert", None, message, TITLE, "info")
    s.commit()
    return message


# ----------------------------------------------------------------------------- tong_hop


def tong_hop(book) -> str:
    """A summary sheet: counts per status, section, agency and leader; the sentence; a chart."""
    s = Session(book)
    table, _ = find_table(s)
    att, _failures = _checked(table)
    sm = att.summary
    width = len(STATUS_ORDER) + 2  # name, one column per status, «Cộng»
    labels = [STATUS_LABELS[k] for k in STATUS_ORDER]

    def pad(row: list[Any]) -> list[Any]:
        return row + [None] * (width - len(row))

    rows: list[list[Any]] = [
        pad(["TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"]),
        pad([f"Trang «{table.sheet}» của sổ tính «{s.book.name}»" + (f", năm {table.year}" if table.year else "")]),
        pad([]),
        pad(["Nhận xét chung"]),
        pad([as_text(sm.sentence)]),
        pad([]),
        pad(["Theo mức đánh giá", "Số dòng chỉ tiêu"]),
    ]
    chart_first = len(rows) + 1
    for k in STATUS_ORDER:
        rows.append(pad([STATUS_LABELS[k], sm.counts.get(k, 0)]))
    chart_last = len(rows)
    rows.append(pad(["Cộng", sum(sm.counts.values())]))
    rows.append(pad(["Số dòng được đánh giá bằng số", sm.evaluated]))
    bold_rows = [1, 4, 7]

    def block(title: str, groups: dict[str, dict[str, int]]) -> None:
        rows.append(pad([]))
        rows.append(pad([title] + labels + ["Cộng"]))
        bold_rows.append(len(rows))
        for key, counts in groups.items():
            rows.append([as_text(key)] + [counts.get(k, 0) for k in STATUS_ORDER] + [sum(counts.values())])

    block("Theo phần (lĩnh vực)", sm.by_section)
    block("Theo cơ quan chủ trì", sm.by_agency)
    block("Theo lãnh đạo phụ trách", sm.by_leader)

    if s.has_sheet(SUMMARY_SHEET):
        s.queue("delete_sheet", None, SUMMARY_SHEET)  # drops the old chart with it
    s.queue("add_sheet", None, SUMMARY_SHEET)
    s.queue("values", SUMMARY_SHEET, (1, 1), rows)
    for r in bold_rows:
        s.queue("bold", SUMMARY_SHEET, f"A{r}:{_col(width)}{r}")
    s.queue("column_width", SUMMARY_SHEET, "A:A", 45)
    s.queue("column_width", SUMMARY_SHEET, f"B:{_col(width)}", 14)
    s.queue("chart", SUMMARY_SHEET, "I4", f"A{chart_first}:B{chart_last}", "bar_clustered", "kh_excel_tong_hop")
    s.queue("activate", SUMMARY_SHEET)
    message = f"Đã lập trang «{SUMMARY_SHEET}». {sm.sentence}"
    s.queue("status", None, f"Đã lập trang «{SUMMARY_SHEET}».")
    s.queue("alert", None, message, TITLE, "info")
    s.commit()
    return message


# ----------------------------------------------------------------------------- huong_dan

HELP = """Thẻ «Kế hoạch» làm việc trên sổ tính đang mở, với trang có bảng chỉ tiêu (cột Chỉ tiêu, Kế hoạch, Thực hiện…):

• Kiểm tra số liệu: tô đỏ ô có lỗi, tô vàng ô cần xem lại, ghi nội dung vào ghi chú của ô và liệt kê ở trang «Kết quả kiểm tra».
• Xóa đánh dấu: bỏ màu tô và ghi chú do lệnh kiểm tra thêm, cả khi đã chèn, xóa dòng hay đổi tên trang, và xóa trang «Kết quả kiểm tra» do lệnh đó lập; trả lại màu nền ban đầu (Excel trên web không đọc được màu nên để không tô màu); ghi chú và trang riêng của người dùng được giữ nguyên.
• Tính tỷ lệ đạt: thêm cột «% so với KH» và «Đánh giá» bên phải bảng.
• Tổng hợp: số chỉ tiêu theo mức đánh giá, theo phần, cơ quan chủ trì, lãnh đạo phụ trách, kèm câu nhận xét và biểu đồ.
• Tạo báo cáo / Tạo kế hoạch / Văn bản theo cơ quan: tạo văn bản Word theo Nghị định 30/2020/NĐ-CP vào thư mục cạnh sổ tính.
• Tạo phiếu nhập: mỗi cơ quan chủ trì một bảng tính chỉ gồm chỉ tiêu của mình để nhập số liệu thực hiện.
• Tổng hợp số liệu: đọc các phiếu gửi lại (thư mục ghi ở trang cấu hình) và ghi số liệu vào một bản sao của sổ tính.
• Cấu hình: trang «Cấu hình văn bản» (cơ quan ban hành, số ký hiệu, người ký, nơi nhận…).

Nên lưu sổ tính trước khi dùng: ô gộp (cơ quan chủ trì gộp qua nhiều dòng…) và định dạng số được đọc từ tệp đã lưu. Dòng lệnh «kh-excel» làm được các việc trên mà không cần mở Excel."""


def huong_dan(book) -> str:
    s = Session(book)
    s.queue("status", None, None)
    s.queue("alert", None, HELP, f"{TITLE} – Hướng dẫn", "info")
    s.commit()
    return HELP
