"""What an action may do to a workbook: few whole-range reads, queued writes, one commit.

Every ribbon action goes through a `Session`:

- reads are whole used ranges, one call per sheet (`read_sheet`), cached;
- writes are queued as operations (`Op`) while the action computes, and are
  only sent to the workbook by `commit()`. An action that fails before the
  commit has changed nothing. On the remote engine the commit only queues
  JSON actions, which `rollback()` removes again; on the desktop engine a
  commit that fails half-way undoes what it wrote where it can (new sheets are
  deleted, overwritten values are written back).
- `calls` counts the engine calls made (reads and writes), so that tests and
  the benchmark can show that it does not grow with the row count.

Both engines are driven only through xlwings' public API. What differs:

| need                      | desktop (COM)                 | remote (xlwings JSON)                     |
|---------------------------|-------------------------------|-------------------------------------------|
| a cell's current fill     | read per marked cell          | not readable: recorded as "unknown"       |
| a note's text             | read per existing note        | only *which* cells have notes             |
| status bar                | `app.status_bar`              | none: the alert carries the message       |
| merged cells              | read where columns are added  | not in the payload: not known             |
| body merges, number formats | from the saved file (`saved_layout`) when it holds the open values | same  |
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from kh_excel.core.model import EXCEL_ERRORS, ErrorValue, Grid

# Range.set_colors refuses more than this many cells per call.
MAX_COLOR_CELLS = 10_000
UNKNOWN_FILL = "unknown"
NO_FILL = "none"


@dataclass
class SheetData:
    """The used range of one sheet, anchored at A1 (rows[0][0] is A1)."""

    name: str
    rows: list[list[Any]]
    notes: set[tuple[int, int]] | None = None  # 1-based (row, col) of cells with a note

    @property
    def n_rows(self) -> int:
        return len(self.rows)

    @property
    def n_cols(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def grid(self) -> Grid:
        rows = []
        for row in self.rows:
            out = []
            for v in row:
                if isinstance(v, str) and v in EXCEL_ERRORS:
                    out.append(ErrorValue(v))
                else:
                    out.append(v)
            rows.append(out)
        return Grid(sheet=self.name, rows=rows)


@dataclass
class Op:
    """One queued write. `kind` names the Session method that applies it."""

    kind: str
    sheet: str | None
    args: tuple = ()
    kwargs: dict = field(default_factory=dict)


class Session:
    """Reads and queued writes of one action on one xlwings Book."""

    def __init__(self, book):
        self.book = book
        self.engine = book.app.engine.name  # "remote" or "excel"
        self.calls = 0
        self.ops: list[Op] = []
        self._cache: dict[str, SheetData] = {}
        self._json_mark: int | None = None
        self._added_sheets: list[str] = []
        self._overwritten: list[tuple[str, tuple[int, int], list[list[Any]]]] = []
        self._layouts: dict[str, tuple[list, dict] | None] = {}

    @property
    def remote(self) -> bool:
        return self.engine == "remote"

    # ------------------------------------------------------------------ reads

    def sheet_names(self) -> list[str]:
        return [s.name for s in self.book.sheets]

    def active_sheet(self) -> str:
        return self.book.sheets.active.name

    def has_sheet(self, name: str) -> bool:
        return name in self.sheet_names()

    def read_sheet(self, name: str) -> SheetData:
        """The sheet's values from A1 to its last used cell: one call."""
        if name in self._cache:
            return self._cache[name]
        sheet = self.book.sheets[name]
        used = sheet.used_range
        self.calls += 1
        values = used.options(ndim=2, err_to_str=True).value
        r0, c0 = used.row, used.column
        rows = [[None] * (c0 - 1) + list(r) for r in values]
        rows = [[None] * len(rows[0]) if rows else [] for _ in range(r0 - 1)] + rows
        if len(rows) == 1 and all(v is None for v in rows[0]):
            rows = []  # Excel reports A1 as the used range of an empty sheet
        data = SheetData(name=name, rows=rows, notes=self._notes_of(sheet))
        self._cache[name] = data
        return data

    def _notes_of(self, sheet) -> set[tuple[int, int]]:
        if self.remote:
            from xlwings.utils import a1_to_tuples  # no engine call: notes come with the payload

            cells = set()
            for entry in sheet.api.get("notes") or []:
                (r, c), _ = a1_to_tuples(entry["address"].replace("$", ""))
                cells.add((r, c))
            return cells
        cells = set()
        self.calls += 1
        for note in sheet.notes:
            cell = note.api.Parent  # COM Comment.Parent is the cell's Range
            cells.add((cell.Row, cell.Column))
        return cells

    def saved_layout(self, name: str) -> tuple[list[tuple[int, int, int, int]], dict[tuple[int, int], str]] | None:
        """(merged ranges, number formats) of a sheet, read from the workbook's saved file the way the command line
        reads them (io.workbook), or None where they cannot be known.

        Neither engine's values say which cells are merged or how a number is formatted (the remote payload has
        neither; COM would cost a call per cell). The saved file has both, and is trusted only while it holds the
        very values the open workbook shows: a workbook never saved, saved elsewhere, or changed since it was saved
        gives None, and the action says so (actions.LAYOUT_UNKNOWN) rather than guess."""
        if name in self._layouts:
            return self._layouts[name]
        self._layouts[name] = None
        try:
            full = Path(self.book.fullname)
        except Exception:
            return None
        if not full.is_absolute() or not full.is_file():
            return None
        try:
            from kh_excel.io.workbook import open_workbook

            saved = open_workbook(full, names_ahead=False).grid(name)
        except Exception:  # unreadable, locked, the sheet not in the saved file: not known
            return None
        if _comparable(saved.rows) != _comparable(self.read_sheet(name).grid().rows):
            return None
        self._layouts[name] = (list(saved.merged), dict(saved.number_formats))
        return self._layouts[name]

    def note_text(self, sheet: str, cell: tuple[int, int]) -> str | None:
        """The text of an existing note (desktop only; None where unreadable)."""
        if self.remote:
            return None
        self.calls += 1
        note = self.book.sheets[sheet].range(cell).note
        return None if note is None else note.text

    def read_fill(self, sheet: str, cell: tuple[int, int]) -> str:
        """A cell's own fill as '#rrggbb', NO_FILL, or UNKNOWN_FILL where the engine cannot say."""
        if self.remote:
            return UNKNOWN_FILL
        self.calls += 1
        color = self.book.sheets[sheet].range(cell).color
        if color is None:
            return NO_FILL
        if isinstance(color, tuple):
            return "#%02x%02x%02x" % color
        return str(color)

    def merge_finder(self, sheet: str, header_rows: list[int], last_row: int):
        """For core.formulas.output_columns: column -> first cell of a merge a write into it on rows
        header_rows[0]…last_row would go through. The desktop engine asks Excel, one call per column
        looked at (and one per cell only in a column that has merges); the remote engine's payload has
        no merges: it answers from the saved file's (saved_layout), else None."""
        from kh_excel.core.formulas import merge_in_the_way

        if self.remote:
            layout = self.saved_layout(sheet)
            if layout is None:
                return lambda c: None
            boxes = [(r1 + 1, c1 + 1, r2 + 1, c2 + 1) for r1, c1, r2, c2 in layout[0]]
            return merge_in_the_way(boxes, header_rows, last_row)

        top = header_rows[0]
        ws = self.book.sheets[sheet]
        cache: dict[int, str | None] = {}

        def first(c: int) -> str | None:
            self.calls += 1
            if ws.range((top, c), (last_row, c)).api.MergeCells is False:  # COM: False none, True all, None some
                return None
            r = top
            while r <= last_row:
                self.calls += 1
                area = ws.range((r, c)).merge_area
                if area.count > 1:
                    box = (area.row, area.column, area.last_cell.row, area.last_cell.column)
                    cell = merge_in_the_way([box], header_rows, last_row)(c)
                    if cell:
                        return cell
                    r = box[2]
                r += 1
            return None

        def at(c: int) -> str | None:
            if c not in cache:
                cache[c] = first(c)
            return cache[c]

        return at

    def confirm(self, prompt: str, title: str) -> bool:
        """Ask yes or no, before anything is written. The desktop engine answers at once; the remote
        engine cannot (its message box answers a client-side callback later): it says no."""
        if self.remote:
            return False
        self.calls += 1
        return self.book.app.alert(prompt, title=title, buttons="yes_no", mode="critical") == "yes"

    # ----------------------------------------------------------------- writes

    def queue(self, kind: str, sheet: str | None, *args, **kwargs) -> None:
        self.ops.append(Op(kind, sheet, args, kwargs))

    def commit(self) -> None:
        """Send every queued write to the workbook, in order."""
        if self.remote:
            self._json_mark = len(self.book.json()["actions"])
        try:
            for op in self.ops:
                getattr(self, "_do_" + op.kind)(op.sheet, *op.args, **op.kwargs)
        except Exception:
            self.rollback()
            raise
        self.ops = []

    def rollback(self) -> None:
        """Take back what a failed commit wrote (remote: drop the queued JSON actions)."""
        if self.remote:
            if self._json_mark is not None:
                del self.book.json()["actions"][self._json_mark:]
            return
        for name, top_left, old in reversed(self._overwritten):
            try:
                self.book.sheets[name].range(top_left).value = old
            except Exception:  # best effort: the original error is what the user sees
                pass
        for name in reversed(self._added_sheets):
            try:
                self.book.sheets[name].delete()
            except Exception:
                pass

    # Each _do_* is one engine call (charts: two).

    def _sheet(self, name: str):
        return self.book.sheets[name]

    def _do_add_sheet(self, _none: None, name: str, hidden: bool = False) -> None:
        sheets = self.book.sheets
        self.calls += 1
        sheets.add(name=name, after=sheets[len(sheets) - 1])
        self._added_sheets.append(name)
        if hidden:
            self.calls += 1
            sheets[name].visible = False

    def _do_delete_sheet(self, _none: None, name: str) -> None:
        self.calls += 1
        self._sheet(name).delete()

    def _do_clear_sheet(self, name: str) -> None:
        self.calls += 1
        self._sheet(name).clear_contents()

    def _do_clear_contents(self, name: str, address: str) -> None:
        self.calls += 1
        self._sheet(name).range(address).clear_contents()

    def _do_values(self, name: str, top_left: tuple[int, int], matrix: list[list[Any]]) -> None:
        if not matrix or not matrix[0]:
            return
        if not self.remote and name not in self._added_sheets:
            data = self._cache.get(name)
            if data is not None:
                r, c = top_left
                old = [
                    [
                        (data.rows[r - 1 + i][c - 1 + j] if r - 1 + i < data.n_rows and c - 1 + j < len(data.rows[r - 1 + i]) else None)
                        for j in range(len(matrix[0]))
                    ]
                    for i in range(len(matrix))
                ]
                self._overwritten.append((name, top_left, old))
        self.calls += 1
        self._sheet(name).range(top_left).value = matrix

    def _do_colors(self, name: str, top_left: tuple[int, int], matrix: list[list[Any]]) -> None:
        r, c = top_left
        rng = self._sheet(name).range(top_left, (r + len(matrix) - 1, c + len(matrix[0]) - 1))
        self.calls += 1
        rng.set_colors(matrix)

    def _do_add_note(self, name: str, cell: tuple[int, int], text: str) -> None:
        self.calls += 1
        self._sheet(name).range(cell).add_note(text)

    def _do_delete_note(self, name: str, cell: tuple[int, int]) -> None:
        self.calls += 1
        note = self._sheet(name).range(cell).note
        if note is not None:
            note.delete()

    def _do_number_format(self, name: str, address: str, fmt: str) -> None:
        self.calls += 1
        self._sheet(name).range(address).number_format = fmt

    def _do_bold(self, name: str, address: str) -> None:
        self.calls += 1
        self._sheet(name).range(address).font.bold = True

    def _do_column_width(self, name: str, address: str, width: float) -> None:
        self.calls += 1
        self._sheet(name).range(address).column_width = width

    def _do_activate(self, name: str) -> None:
        self.calls += 1
        self._sheet(name).activate()

    def _do_chart(self, name: str, anchor: str, source: str, chart_type: str, chart_name: str) -> None:
        sheet = self._sheet(name)
        self.calls += 2
        chart = sheet.charts.add(anchor=sheet.range(anchor), width=480, height=260, chart_type=chart_type, name=chart_name)
        chart.set_source_data(sheet.range(source))

    def _do_alert(self, _name: None, prompt: str, title: str, mode: str = "info") -> None:
        self.calls += 1
        self.book.app.alert(prompt, title=title, mode=mode)

    def _do_status(self, _name: None, text: str | None) -> None:
        """Replace the VBA's «đang xử lý…»; None gives the status bar back to Excel."""
        if self.remote:
            return  # no status bar on this engine: the alert says it
        self.calls += 1
        self.book.app.status_bar = text if text else False


def _cell_key(v: Any) -> Any:
    """A cell's value in a form both readers give alike (ints and floats, dates and date-times, «» and empty)."""
    if v is None or (isinstance(v, str) and v == ""):
        return None
    if isinstance(v, bool) or isinstance(v, str):
        return v
    if isinstance(v, (int, float)):
        return float(v)
    if isinstance(v, dt.datetime):
        return v.replace(tzinfo=None, microsecond=v.microsecond // 1000 * 1000)
    if isinstance(v, dt.date):
        return dt.datetime(v.year, v.month, v.day)
    if isinstance(v, dt.time):
        return dt.datetime.combine(dt.date(1899, 12, 30), v)
    return str(v)  # ErrorValue: its code


def _comparable(rows: list[list[Any]]) -> list[tuple]:
    """The rows without trailing empty cells and rows, each cell by `_cell_key`."""
    out = []
    for row in rows:
        keys = [_cell_key(v) for v in row]
        while keys and keys[-1] is None:
            keys.pop()
        out.append(tuple(keys))
    while out and not out[-1]:
        out.pop()
    return out


def color_runs(sheet: str, fills: dict[tuple[int, int], Any]) -> Iterable[tuple[tuple[int, int], list[list[Any]]]]:
    """Per column, one `set_colors` matrix from the first to the last cell to colour.

    A matrix holds `...` (keep) for cells in between, so the number of calls is
    the number of columns with marks, not the number of rows (blocks of at most
    MAX_COLOR_CELLS rows for very long sheets).
    """
    by_col: dict[int, dict[int, Any]] = {}
    for (r, c), color in fills.items():
        by_col.setdefault(c, {})[r] = color
    for c in sorted(by_col):
        rows = by_col[c]
        lo, hi = min(rows), max(rows)
        start = lo
        while start <= hi:
            end = min(hi, start + MAX_COLOR_CELLS - 1)
            matrix = [[rows.get(r, ...)] for r in range(start, end + 1)]
            yield (start, c), matrix
            start = end + 1
