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

An address goes stale as soon as the user inserts or deletes a row or renames
the sheet, so each mark also records what identifies its cell: the texts of its
row (the marked cell left out: that is the one the user fixes) and the header
label(s) of its column. `locate` finds each mark again from those; a mark it
cannot find for certain is reported, never guessed at.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from kh_excel.addin.engine import NO_FILL, UNKNOWN_FILL, Session, SheetData

STORE_SHEET = "_kh_excel_danh_dau"  # "_kh_excel…": the core never takes it for the table
HEADER = ["Trang", "Ô", "Mức độ", "Màu nền gốc", "Có ghi chú gốc", "Ghi chú do kh_excel thêm",
          "Chữ trên dòng", "Tiêu đề cột"]
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
    row_key: tuple[str, ...] | None = None  # the row's texts but the marked cell's; None: not recorded
    col_key: tuple[str, ...] = ()           # the column's header label(s)


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
        row = list(row) + [None] * (len(HEADER) - len(row))
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
            row_key=_key(row[6]),
            col_key=_key(row[7]) or (),
        ))
    return marks


def _key(v) -> tuple[str, ...] | None:
    """A recorded key (a JSON list of texts); None when absent or unreadable."""
    if not isinstance(v, str) or not v.startswith("["):
        return None
    try:
        items = json.loads(v)
    except ValueError:
        return None
    return tuple(str(x) for x in items) if isinstance(items, list) else None


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
    matrix = [[INTRO] + [None] * (len(HEADER) - 1), HEADER]
    for m in marks:
        matrix.append([m.sheet, a1(m.cell), m.severity, m.original_fill, 1 if m.had_note else 0, 1 if m.note_added else 0,
                       None if m.row_key is None else _dump(m.row_key), _dump(m.col_key)])
    s.queue("values", STORE_SHEET, (1, 1), matrix)


def _dump(key: tuple[str, ...]) -> str:
    return json.dumps(list(key), ensure_ascii=False)


# --------------------------------------------------------------------------- finding marks again


def _placed_texts(row: list[Any]) -> list[tuple[int, str]]:
    """(1-based column, cleaned text) of a row's text cells, but the statuses «Tính tỷ lệ đạt»
    writes (they change when the user fixes a figure)."""
    from kh_excel.core.model import STATUS_LABELS
    from kh_excel.core.text import clean

    statuses = set(STATUS_LABELS.values())
    return [(c, t) for c, v in enumerate(row, 1) if isinstance(v, str) and (t := clean(v)) and t not in statuses]


def _texts(row: list[Any], skip: int | None = None) -> tuple[str, ...]:
    """The texts of a row, in order; column `skip` (0-based) left out."""
    return tuple(t for c, t in _placed_texts(row) if c - 1 != skip)


def row_key(data: SheetData, cell: tuple[int, int]) -> tuple[str, ...]:
    r, c = cell
    return _texts(data.rows[r - 1], skip=c - 1) if r - 1 < data.n_rows else ()


def col_key(data: SheetData, cell: tuple[int, int], header_rows: list[int]) -> tuple[str, ...]:
    """The header label(s) over the cell's column; none for a cell above the header (a title)."""
    from kh_excel.core.text import clean

    col = cell[1]
    if not header_rows or cell[0] < header_rows[0]:
        return ()
    out = []
    for r in header_rows:
        row = data.rows[r - 1] if r - 1 < data.n_rows else []
        v = row[col - 1] if col - 1 < len(row) else None
        if isinstance(v, str) and clean(v):
            out.append(clean(v))
    return tuple(out)


@dataclass(frozen=True)
class Found:
    """A recorded mark and where its cell is now."""

    mark: Mark
    sheet: str
    cell: tuple[int, int]


class _Index:
    """Rows of one sheet by their texts. A row fits a mark's key with its texts the same, or with
    one text more standing in the marked cell itself (a wrong figure written as text, not fixed yet:
    the key leaves the marked cell out)."""

    def __init__(self, data: SheetData):
        self.exact: dict[tuple[str, ...], list[int]] = defaultdict(list)
        self.loose: dict[tuple[str, ...], list[tuple[int, int]]] = defaultdict(list)  # -> (row, column left out)
        self.first: dict[tuple[int, str], int] = {}      # (column, text) -> first row holding it
        self.columns: dict[str, list[int]] = defaultdict(list)  # text -> columns holding it
        for r, row in enumerate(data.rows, 1):
            placed = _placed_texts(row)
            if not placed:
                continue
            t = tuple(k for _, k in placed)
            self.exact[t].append(r)
            for i, (c, _) in enumerate(placed):
                self.loose[t[:i] + t[i + 1:]].append((r, c))
            for c, k in placed:
                if (c, k) not in self.first:
                    self.first[(c, k)] = r
                    self.columns[k].append(c)

    def rows(self, m: Mark) -> list[int]:
        """The rows that fit the mark's key."""
        hits = set(self.exact.get(m.row_key, ()))
        hits.update(r for r, c in self.loose.get(m.row_key, ()) if c == self.column(m, r))
        return sorted(hits)

    def column(self, m: Mark, row: int) -> int | None:
        """The mark's column on `row`: its recorded one when its header label(s) still stand above
        it, else the one column where they do; None when that is not certain."""
        if not m.col_key:
            return m.cell[1]

        def fits(col: int) -> bool:
            return all(self.first.get((col, k), row + 1) <= row for k in m.col_key)  # a header cell is its own label

        if fits(m.cell[1]):
            return m.cell[1]
        others = sorted({c for c in self.columns.get(m.col_key[0], ()) if fits(c)})
        return others[0] if len(others) == 1 else None


def locate(s: Session, marks: list[Mark], skip_sheet=lambda name: False) -> tuple[list[Found], list[Mark]]:
    """Where each recorded mark's cell is now, and the marks that cannot be found for certain.

    A row is found by its texts; among several rows with the same texts the one that keeps the
    shift of the nearest mark found for sure is taken (rows move in blocks). A renamed sheet is the
    one other sheet where the marks are found. Marks recorded before keys were kept (row_key None)
    are taken at their address."""
    by_sheet: dict[str, list[Mark]] = defaultdict(list)
    for m in marks:
        by_sheet[m.sheet].append(m)
    names = s.sheet_names()
    found: list[Found] = []
    lost: list[Mark] = []
    for sheet, group in by_sheet.items():
        if sheet in names:
            f, l = _locate_on(s, sheet, group)
        else:
            best: tuple[list[Found], list[Mark]] = ([], group)
            tries = [n for n in names if n not in by_sheet and not skip_sheet(n)]
            results = [_locate_on(s, n, group) for n in tries if all(m.row_key is not None for m in group)]
            results = [r for r in results if r[0]]
            if len(results) == 1:
                best = results[0]
            elif results:  # several sheets hold these rows: take none
                best = ([], group)
            f, l = best
        found += f
        lost += l
    return found, lost


def _locate_on(s: Session, sheet: str, group: list[Mark]) -> tuple[list[Found], list[Mark]]:
    data = s.read_sheet(sheet)
    index = _Index(data)
    rows: dict[int, list[int]] = {}
    sure: dict[int, int] = {}  # recorded row -> shift, where only one row fits
    for i, m in enumerate(group):
        if m.row_key is None:
            rows[i] = [m.cell[0]]
            continue
        rows[i] = index.rows(m) if m.row_key else []
        if len(rows[i]) == 1:
            sure[m.cell[0]] = rows[i][0] - m.cell[0]
    found, lost = [], []
    for i, m in enumerate(group):
        candidates = rows[i]
        r = candidates[0] if len(candidates) == 1 else None
        if r is None and len(candidates) > 1 and sure:
            near = min(sure, key=lambda rr: (abs(rr - m.cell[0]), rr))
            hits = [c for c in candidates if c - m.cell[0] == sure[near]]
            r = hits[0] if len(hits) == 1 else None
        c = index.column(m, r) if r is not None and m.row_key is not None else (m.cell[1] if r is not None else None)
        if r is None or c is None:
            lost.append(m)
        else:
            found.append(Found(m, sheet, (r, c)))
    return _in_order(found, lost)


def _in_order(found: list[Found], lost: list[Mark]) -> tuple[list[Found], list[Mark]]:
    """Inserting and deleting rows keeps their order: a mark found out of order with its neighbours
    (a twin row elsewhere, after its own row was deleted) is not taken, nor is the neighbour."""
    found = sorted(found, key=lambda f: (f.mark.cell[0], f.mark.cell[1]))
    bad: set[int] = set()
    for i in range(1, len(found)):
        a, b = found[i - 1], found[i]
        before = (a.mark.cell[0] > b.mark.cell[0]) - (a.mark.cell[0] < b.mark.cell[0])
        now = (a.cell[0] > b.cell[0]) - (a.cell[0] < b.cell[0])
        if before != now:
            bad.update((i - 1, i))
    return [f for i, f in enumerate(found) if i not in bad], lost + [found[i].mark for i in sorted(bad)]
