"""The hidden sheet where the add-in records what its marks changed.

`Kiểm tra số liệu` fills cells and adds notes; `Xóa đánh dấu` must give back
exactly what the user had, also after the workbook was saved and reopened, so
the record lives in the workbook itself: one row per marked cell with the
cell's own fill before marking and whether the note on it is the add-in's.

Fill before marking: "#rrggbb", "none" (no fill), or "unknown" where the engine
cannot read fills (xlwings' remote engine); "unknown" is restored as no fill.
A cell that already had a note of the user's keeps it untouched (the add-in's
message is then only on the result sheet), so restoring notes means deleting
the add-in's own notes and nothing else.
"""
from __future__ import annotations

from dataclasses import dataclass

from kh_excel.addin.engine import NO_FILL, UNKNOWN_FILL, Session

STORE_SHEET = "_kh_excel_danh_dau"  # "_kh_excel…": the core never takes it for the table
HEADER = ["Trang", "Ô", "Mức độ", "Màu nền gốc", "Có ghi chú gốc", "Ghi chú do kh_excel thêm"]
INTRO = "Trang này do phần bổ trợ kh_excel ghi để «Xóa đánh dấu» trả lại màu nền và ghi chú gốc. Đừng sửa hay xóa."
FIRST_ROW = 3  # row 1: INTRO, row 2: HEADER


@dataclass(frozen=True)
class Mark:
    sheet: str
    cell: tuple[int, int]  # 1-based (row, column)
    severity: str          # "error" | "warning"
    original_fill: str     # "#rrggbb" | NO_FILL | UNKNOWN_FILL
    had_note: bool
    note_added: bool


def a1(cell: tuple[int, int]) -> str:
    from kh_excel.core.validation import cell_ref

    return cell_ref(cell[0] - 1, cell[1] - 1)


def parse_a1(ref: str) -> tuple[int, int]:
    letters = "".join(ch for ch in ref if ch.isalpha()).upper()
    digits = "".join(ch for ch in ref if ch.isdigit())
    col = 0
    for ch in letters:
        col = col * 26 + ord(ch) - 64
    return int(digits), col


def read_marks(s: Session) -> list[Mark]:
    """The marks recorded in the workbook (one read; none when the sheet is absent)."""
    if not s.has_sheet(STORE_SHEET):
        return []
    data = s.read_sheet(STORE_SHEET)
    marks = []
    for row in data.rows[FIRST_ROW - 1:]:
        row = list(row) + [None] * (6 - len(row))
        if not row[0] or not row[1]:
            continue
        fill = str(row[3] or UNKNOWN_FILL)
        marks.append(Mark(
            sheet=str(row[0]),
            cell=parse_a1(str(row[1])),
            severity=str(row[2] or "error"),
            original_fill=fill,
            had_note=_flag(row[4]),
            note_added=_flag(row[5]),
        ))
    return marks


def _flag(v) -> bool:
    return v in (1, 1.0, True, "1", "có")


def restore_color(fill: str):
    """The colour to put back: the recorded one, or no fill."""
    if fill in (NO_FILL, UNKNOWN_FILL) or not fill.startswith("#"):
        return None
    return fill


def queue_write_marks(s: Session, marks: list[Mark]) -> None:
    """Replace the record with `marks` (creating the hidden sheet when needed)."""
    if s.has_sheet(STORE_SHEET):
        s.queue("clear_sheet", STORE_SHEET)
    else:
        s.queue("add_sheet", None, STORE_SHEET, hidden=True)
    matrix = [[INTRO, None, None, None, None, None], HEADER]
    for m in marks:
        matrix.append([m.sheet, a1(m.cell), m.severity, m.original_fill, 1 if m.had_note else 0, 1 if m.note_added else 0])
    s.queue("values", STORE_SHEET, (1, 1), matrix)
