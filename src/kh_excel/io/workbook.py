"""Read a spreadsheet file into `Grid`s: values and merged ranges, fast and safely.

python-calamine reads .xlsx/.xlsm/.xls/.ods values and merged ranges several
times faster than openpyxl (see benchmarks/bench_core.py). Two things it does
not give are filled in here, always, so that every caller reads the same table:
Excel error values (calamine returns them as empty strings) and number formats
(percentages, and the decimals a document must show: 93,00). They come from one
pass over the sheet XML and styles.xml of an OOXML file, from content.xml of an
ODS file, and through xlrd for .xls.

Every failure becomes a `WorkbookError` with a Vietnamese message that names
the file and the reason; nothing here writes to the input.
"""
from __future__ import annotations

import functools
import os
import re
import sys
import zipfile
from itertools import chain
from pathlib import Path
from collections.abc import Callable, Iterator
from typing import Any

from kh_excel.core.model import EXCEL_ERRORS, ErrorValue, Grid, without_gc
from kh_excel.io.limits import InputRefused, _n, cfb_is_encrypted, guard_spreadsheet, why
from kh_excel.io.ooxml_cells import (_FORMULA_START, _WHOLE_CELL, SHARED_STRINGS, STYLES, FormulaCells, SheetCells,
                                     WorkbookCells, _col_index, formula_positions, style_formats as _style_formats)

_ERROR_TEXTS = frozenset(EXCEL_ERRORS)
SUPPORTED = (".xlsx", ".xlsm", ".xls", ".ods", ".xlam")
HEAD_STREAM_BYTES = 2_000_000  # a sheet part larger than this is streamed for its first rows (WorkbookFile.head)


class WorkbookError(InputRefused):
    """A workbook that cannot be read; `str()` is the Vietnamese message for the user."""


class ChoiceNotFound(WorkbookError):
    """The file was read, but --group/--period (or --sheet) names nothing in it: not «Không đọc được tệp»."""

    def __init__(self, path, reason: str):
        super().__init__(path, reason)
        self.args = (f"Tệp «{self.path}»: {reason}",)


class ChoiceAmbiguous(ChoiceNotFound):
    """--group/--period names several columns of the sheet's table: asked, never guessed (nor another sheet read)."""


_cfb_is_encrypted = cfb_is_encrypted


def _open_calamine(path: Path):
    from python_calamine import CalamineWorkbook
    try:
        try:
            os.fsdecode(path).encode("utf-8")
        except UnicodeEncodeError:  # a name that is not UTF-8 (unzipped from Windows): calamine takes only str
            import io
            with open(path, "rb") as fh:  # the size is bounded by the guard
                return CalamineWorkbook.from_filelike(io.BytesIO(fh.read()))
        return CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises several unrelated types
        name = type(exc).__name__
        if "Password" in name:
            raise WorkbookError(path, "tệp được đặt mật khẩu; hãy gỡ mật khẩu rồi thử lại.") from None
        if path.suffix.lower() == ".ods":  # calamine reads every sheet of an .ods on opening: find the cell
            try:
                _ods_scan(path, None)
            except WorkbookError as located:
                raise located from None
            except Exception:  # noqa: BLE001 - not found: the message says what calamine said
                pass
        raise WorkbookError(path, f"tệp hỏng hoặc không đúng định dạng ({why(exc)}).") from None


def open_workbook(path: str | os.PathLike, names_ahead: bool = True) -> "WorkbookFile":
    """Open a spreadsheet for reading, after checking that it is safe to read. `names_ahead`: read the shared
    strings' names ahead (_ReadAhead), for a caller that reads an indicator table; not for one that only copies
    cells or reads a settings sheet."""
    path = Path(path)
    cells = WorkbookCells()  # error cells and number formats, gathered as the guard reads each sheet
    # size, zip bombs, CRCs, sheet extents, file kind: before calamine
    kind = guard_spreadsheet(path, watch=cells.watch, first=cells.first)
    if kind == "cfb" and _cfb_is_encrypted(path):
        raise WorkbookError(path, "tệp được đặt mật khẩu; hãy gỡ mật khẩu rồi thử lại.")
    texts = cells.plain_texts()  # (taken either way: the part is let go)
    ahead = _ReadAhead(texts if names_ahead else None)
    return WorkbookFile(path, kind, ahead.beside(_open_calamine, path), cells if cells.sheets else None, ahead)


def open_for_copy(path: str | os.PathLike) -> "WorkbookFile":
    """Open a workbook that a command copies or rewrites with openpyxl (settings, attainment -o), refusing it
    as `check` would: the guard, then every sheet read once, so that a damaged cell is refused naming its
    sheet and cell. openpyxl never refuses one: it reads a shared-string index of -1 as the last string, and
    the copy would hold a value the table does not."""
    book = open_workbook(path, names_ahead=False)
    for sheet in book.sheet_names:
        book.values(sheet)
    return book


def load_for_copy(path: str | os.PathLike, **options: Any):
    """openpyxl's workbook of an .xlsx/.xlsm file, only once `open_for_copy` has accepted it: openpyxl has no
    bound of its own (a zip bomb, a part that declares a gigabyte, a damaged cell all reach it unchecked).
    Every openpyxl reading of a user's file goes through here; `options` are load_workbook's."""
    open_for_copy(path)
    import openpyxl
    try:
        return openpyxl.load_workbook(path, **options)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many unrelated types
        raise WorkbookError(path, f"không mở được bằng openpyxl ({why(exc)}).") from None


def _spare_cores() -> float:
    """The cores this process may run on, less those busy with other work now: a second thread pays only on
    a core nobody else is using (a batch's other workers, a test suite). Linux says how many threads are
    running at this moment (/proc/loadavg), this one among them; the load of the last minute, the figure
    elsewhere, follows a change a minute late and counts this process's own work as a load."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        cores = os.cpu_count() or 1
    try:
        with open("/proc/loadavg", encoding="ascii") as fh:
            return cores - others_running(fh.read())
    except (OSError, ValueError, UnicodeDecodeError):
        pass
    try:
        return cores - os.getloadavg()[0]
    except (AttributeError, OSError):  # Windows: no load figure
        return cores - 1


def others_running(loadavg: str) -> int:
    """The threads running now besides the one asking, from /proc/loadavg («0.52 0.58 0.59 3/97 12345»: 3
    running, the reader included). ValueError when the text is not of that form."""
    fields = loadavg.split()
    if len(fields) < 4 or "/" not in fields[3]:
        raise ValueError(loadavg)
    return max(int(fields[3].split("/")[0]) - 1, 0)


class _ReadAhead:
    """The names of a workbook's shared strings read ahead (core.names_ahead) while calamine opens the
    workbook and parses its first sheet: calamine releases the GIL, so on a second, idle core the readings
    cost no time, and as they stop when calamine is done they never make the reading longer. With no idle
    core, or no plain shared strings, calamine just runs.""" 

    def __init__(self, texts: Iterator[str] | None):
        self.texts = texts if texts is not None and _spare_cores() >= 1 else None
        self.names: dict = {}

    def beside(self, work: Callable[..., Any], *args: Any) -> Any:
        """work(*args), run in a thread while names are read in this one; its exception is raised here."""
        if self.texts is None:
            return work(*args)
        import threading

        from kh_excel.core.names_ahead import read_names
        done: list = []

        def run() -> None:
            try:
                done.append((work(*args), None))
            except BaseException as exc:  # noqa: BLE001 - raised again in the reading thread
                done.append((None, exc))

        worker = threading.Thread(target=run, name="kh-excel-calamine", daemon=True)
        # calamine done, its thread waits for the GIL this one holds: let it have it within 0,5 ms, not 5
        interval = sys.getswitchinterval()
        sys.setswitchinterval(min(interval, 0.0005))
        worker.start()
        try:
            read_names(self.texts, self.names, worker.is_alive)
        finally:
            worker.join()
            sys.setswitchinterval(interval)
        result, exc = done[0]
        if exc is not None:
            raise exc
        return result

    def stop(self) -> None:
        """No more reading ahead (the shared strings part is let go)."""
        self.texts = None


class WorkbookFile:
    """An opened workbook: sheet names and per-sheet Grids."""

    def __init__(self, path: Path, kind: str, book: Any, cells: WorkbookCells | None = None,
                 ahead: _ReadAhead | None = None):
        self.path = path
        self.kind = kind
        self._book = book
        self._cells = cells  # what the input guard's pass over the sheets gathered (OOXML)
        self._recalculated = None  # io.recalc.Recalculated, computed on the first sheet that needs it
        self._known_errors = None  # calamine's workbook of the copy `_calamine_sheet` reads, made once
        self._ahead = ahead if ahead is not None else _ReadAhead(None)  # names read ahead (shared strings)
        self._part_sizes: dict[str, int] | None = None  # sheet -> size of its XML part (head)

    @property
    def sheet_names(self) -> list[str]:
        return list(self._book.sheet_names)

    @without_gc
    def grid(self, sheet: str) -> Grid:
        try:
            sh, rows = self._calamine_sheet(sheet, self._sheet)
            try:
                merged = [(a[0], a[1], b[0], b[1]) for a, b in (sh.merged_cell_ranges or [])]
            except Exception:
                merged = []
            ods = _ods_scan(self.path, sheet) if self.path.suffix.lower() == ".ods" else None
            if ods is not None and not merged:
                merged = ods.merged  # calamine gives none for ODS
        except WorkbookError:
            raise
        except Exception as exc:
            raise self._unreadable(sheet, exc) from None
        # With skip_empty_area=False calamine's rows already begin at sheet cell (0, 0). They are fresh
        # lists, ours to change: copied only if a calamine version ever gives something else (one C pass).
        if type(rows) is not list or not set(map(type, rows)) <= {list}:
            rows = [list(r) for r in rows]
        grid = Grid(sheet=sheet, rows=rows, merged=merged, names=self._ahead.names or None,
                    hidden=self.is_hidden(sheet))
        if self.kind == "zip" and ods is None:
            grid.formulas = functools.partial(sheet_formulas, self.path, sheet)
            scanned = self._ooxml_cells(sheet)
            self._refuse_damaged(sheet, scanned)
            errors, grid.number_formats, uncached = scanned.result()
            grid.hidden_columns = scanned.hidden_columns(max(map(len, rows), default=0))
            grid.hidden_rows = scanned.hidden_row_ranges()
            if uncached:
                self._fill_uncached(grid, uncached, errors)
        elif ods is not None:
            errors, grid.number_formats = ods.errors, ods.formats
            width = max(map(len, rows), default=0)
            grid.hidden_columns = frozenset(c for a, b in ods.hidden for c in range(a, min(b, width - 1) + 1))
            grid.hidden_rows = tuple(ods.hidden_rows)
        else:
            errors = _xls_errors(self.path, sheet)
            grid.number_formats, hidden, grid.hidden_rows = _xls_formats(self.path, sheet)
            grid.hidden_columns = frozenset(c for c in hidden if c < max(map(len, rows), default=0))
        _put_errors(grid, errors)
        return grid

    def _calamine_sheet(self, sheet: str, get: Callable[[str], Any], skip_empty_area: bool = False) -> tuple[Any, list]:
        """calamine's sheet (by `get`) and its rows. An error value calamine does not know (#SPILL!, #CALC! …)
        stops it for the whole sheet: that sheet is then read from a copy where those cells show #N/A, and the
        scan of the sheet gives each its own code back (`_put_errors`), as for the errors calamine knows."""
        try:
            sh = get(sheet)
            return sh, sh.to_python(skip_empty_area=skip_empty_area)
        except Exception:
            if self.kind != "zip" or self.path.suffix.lower() == ".ods":
                raise
            codes = set(self._ooxml_cells(sheet).errors.values()) - _CALAMINE_ERRORS
            if not codes or not codes <= _ERROR_TEXTS:
                raise
        if self._known_errors is None:  # every such code in the workbook, once for all its sheets
            self._known_errors = _known_errors_copy(self.path, _ERROR_TEXTS - _CALAMINE_ERRORS)
        sh = self._known_errors.get_sheet_by_name(sheet)
        return sh, sh.to_python(skip_empty_area=skip_empty_area)

    def _sheet(self, sheet: str):
        """calamine's sheet, names read ahead beside its parse the first time."""
        try:
            return self._ahead.beside(self._book.get_sheet_by_name, sheet)
        finally:
            self._ahead.stop()

    def _ooxml_cells(self, sheet: str) -> SheetCells:
        """The guard's scan of the sheet's part; read on its own only when the guard has none."""
        scanned = None
        if self._cells is not None:
            try:
                with zipfile.ZipFile(self.path) as zf:
                    part = _ooxml_sheet_part(zf, sheet)
            except (zipfile.BadZipFile, OSError):
                part = None
            scanned = self._cells.sheet(part) if part else None
        return scanned if scanned is not None else _ooxml_sheet_cells(self.path, sheet)

    def _refuse_damaged(self, sheet: str, scanned: SheetCells) -> None:
        """A shared-string cell whose value is no index: calamine read it as another cell's text (or as
        nothing), so the sheet is refused naming the cell, as a cell calamine cannot read is. So is an inline
        string mixed with another value: calamine may read it empty where Excel shows a figure."""
        if scanned.damaged:
            cell, text = scanned.damaged[0]
            raise _cell_fault(self.path, sheet, cell, _string_reason(text), scanned.damaged_count - 1)
        if scanned.mixed:
            cell, text = scanned.mixed[0]
            raise _cell_fault(self.path, sheet, cell, _mixed_reason(text), scanned.mixed_count - 1)

    def values(self, sheet: str) -> list[list[Any]]:
        """Cell values only, without the error and number-format scan of `grid` (small key/value sheets);
        a damaged shared-string cell is refused here too."""
        try:
            rows = [list(r) for r in self._calamine_sheet(sheet, self._book.get_sheet_by_name, True)[1]]
        except Exception as exc:
            raise self._unreadable(sheet, exc) from None
        if self.kind == "zip" and self.path.suffix.lower() != ".ods":
            self._refuse_damaged(sheet, self._ooxml_cells(sheet))
        return rows

    def head(self, sheet: str, count: int) -> list[list[Any]]:
        """The first `count` rows' values of a sheet (from its first row with a cell), to tell whether it holds a table
        (api: other sheets not read): no error, format or formula scan. A large OOXML sheet is streamed through
        openpyxl only as far as those rows, so that a data sheet of 100 000 rows beside the table costs nothing.
        An unreadable sheet has no rows here (it is not the one read)."""
        import itertools
        try:
            if self.kind == "zip" and self.path.suffix.lower() != ".ods":
                if self._part_sizes is None:  # once for the workbook: a zip opened per sheet of 200 costs seconds
                    with zipfile.ZipFile(self.path) as zf:
                        self._part_sizes = {name: zf.getinfo(part).file_size
                                            for name, part in _ooxml_sheet_parts(zf).items() if part in zf.NameToInfo}
                if self._part_sizes.get(sheet, 0) > HEAD_STREAM_BYTES:
                    return _openpyxl_head(self.path, sheet, count)
            rows = itertools.islice(self._book.get_sheet_by_name(sheet).iter_rows(), count)
            return [list(r) for r in rows]
        except Exception:  # noqa: BLE001 - a sheet that cannot be read holds no table to name
            return []

    def _unreadable(self, sheet: str, exc: Exception) -> WorkbookError:
        """The message for a sheet calamine could not read, naming the cell it stopped at when it is found
        (calamine says only «Parse float error», «Unknown cell 't' attribute» …, never where)."""
        if self.kind == "zip" and self.path.suffix.lower() != ".ods":
            try:
                bad = _bad_cell(self.path, sheet)
            except Exception:  # noqa: BLE001 - the cell is not found: the message says what calamine said
                bad = None
            if bad is not None:
                return _cell_fault(self.path, sheet, *bad)
        return WorkbookError(self.path, f"không đọc được trang «{sheet}» ({why(exc)}).")

    def _fill_uncached(self, grid: Grid, uncached: "FormulaCells", errors: dict) -> None:
        """Put computed values into formula cells saved without one: plain references to a cell
        of the same sheet directly, anything else by LibreOffice (run once per file)."""
        from kh_excel.io.recalc import recalculate
        grid.uncached = dict(uncached)
        if uncached.every is None:  # the streaming scan met formulas before it knew any were uncached
            uncached.every = formula_cells(self.path, grid.sheet)
        if _resolve_references(grid.rows, uncached, errors):
            return
        if self._recalculated is None:
            self._recalculated = recalculate(self.path)
        done = self._recalculated
        values = done.sheets.get(grid.sheet)
        if values is None:
            grid.recalc_failure = done.failure or "LibreOffice không trả về trang này"
            return
        rows, computed_errors = values
        for (r, c) in uncached:
            if (r, c) in computed_errors:
                errors[(r, c)] = computed_errors[(r, c)]
                continue
            v = rows[r][c] if r < len(rows) and c < len(rows[r]) else None
            while len(grid.rows) <= r:
                grid.rows.append([])
            row = grid.rows[r]
            while len(row) <= c:
                row.append(None)
            row[c] = v

    def active_sheet(self) -> str | None:
        """The sheet that was open when the file was saved (xlsx: activeTab; ods: ActiveTable), if known."""
        try:
            with zipfile.ZipFile(self.path) as zf:
                names = set(zf.namelist())
                if "xl/workbook.xml" in names:
                    m = re.search(rb'<(?:[A-Za-z_][\w.-]*:)?workbookView\b[^>]*?\bactiveTab="(\d+)"',
                                  zf.read("xl/workbook.xml"))
                    index = int(m.group(1)) if m else 0
                    sheets = self.sheet_names
                    return sheets[index] if index < len(sheets) else None
                if "settings.xml" in names:
                    m = re.search(rb'config:name="ActiveTable"[^>]*>([^<]*)<',
                                  zf.read("settings.xml"))
                    if m:
                        from html import unescape
                        name = unescape(m.group(1).decode("utf-8"))
                        return name if name in self.sheet_names else None
        except (zipfile.BadZipFile, OSError, ValueError, KeyError):
            pass
        return None

    def reading_order(self, names: list[str]) -> list[str]:
        """The order in which `names` are tried for the table: the active sheet when visible, the other
        visible sheets, then hidden ones (an old year kept out of sight) only as a last resort."""
        active = self.active_sheet() if self.kind == "zip" else None
        visible = [s for s in names if not self.is_hidden(s)]
        hidden = [s for s in names if s not in visible]
        if active in visible:
            visible.remove(active)
            visible.insert(0, active)
        return visible + hidden

    def is_hidden(self, sheet: str) -> bool:
        """Hidden sheets are passed over when looking for the table (an old year kept out of sight)."""
        try:
            for meta in self._book.sheets_metadata:
                if meta.name == sheet:
                    return not str(meta.visible).endswith(".Visible")  # Hidden or VeryHidden
        except Exception:
            pass
        return False


def _openpyxl_head(path: Path, sheet: str, count: int) -> list[list[Any]]:
    """The first `count` rows of a large sheet, streamed (read-only openpyxl stops there)."""
    import openpyxl
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        return [list(r) for r in wb[sheet].iter_rows(min_row=1, max_row=count, values_only=True)]
    finally:
        wb.close()


def _known_errors_copy(path: Path, codes: set[str]):
    """calamine's workbook of an in-memory copy of `path` whose error cells (t="e") showing one of `codes` show
    #N/A instead. The guard has bounded every part (MAX_UNCOMPRESSED); the copy is stored, not compressed."""
    import io
    from python_calamine import CalamineWorkbook
    values = b"|".join(re.escape(c.encode()) for c in sorted(codes))
    value = re.compile(rb"(<(?:[A-Za-z_][\w.-]*:)?v\b[^>]*>)\s*(?:" + values + rb")\s*(?=<)")

    def known(cell: re.Match) -> bytes:
        return value.sub(rb"\1#N/A", cell.group(0)) if _ERROR_CELL.search(cell.group(2)) else cell.group(0)
    out = io.BytesIO()
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename.startswith("xl/worksheets/") and any(c.encode() in data for c in codes):
                data = _WHOLE_CELL.sub(known, data)
            zout.writestr(info.filename, data)
    return CalamineWorkbook.from_filelike(io.BytesIO(out.getvalue()))


_ERROR_CELL = re.compile(rb"""\bt\s*=\s*(?:"e"|'e')""")


def _put_errors(grid: Grid, errors: dict[tuple[int, int], str]) -> None:
    """Put ErrorValue in cells that hold an Excel error (calamine returns '' for them)."""
    for (r, c), code in errors.items():
        while len(grid.rows) <= r:
            grid.rows.append([])
        row = grid.rows[r]
        while len(row) <= c:
            row.append(None)
        row[c] = ErrorValue(code)
    try:  # text cells that show an error as text: one set operation over every cell, in C
        if _ERROR_TEXTS.isdisjoint(chain.from_iterable(grid.rows)):
            return
    except TypeError:  # a value that cannot be hashed: look row by row
        pass
    for row in grid.rows:
        try:
            if _ERROR_TEXTS.isdisjoint(row):  # one set operation per row, in C
                continue
        except TypeError:  # a value that cannot be hashed: look at each cell
            pass
        for c, v in enumerate(row):
            if isinstance(v, str) and v in EXCEL_ERRORS:
                row[c] = ErrorValue(v)


def _ooxml_sheet_part(zf: zipfile.ZipFile, sheet: str) -> str | None:
    return _ooxml_sheet_parts(zf).get(sheet)


def _ooxml_sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    """Every sheet's name -> the path of its XML part in the zip."""
    from xml.etree import ElementTree as ET
    part = "xl/workbook.xml"
    try:
        wb = ET.fromstring(zf.read(part))
        part = "xl/_rels/workbook.xml.rels"
        rels = ET.fromstring(zf.read(part))
    except KeyError:
        return {}
    except ET.ParseError as exc:  # a duplicate attribute, an entity bomb (expat stops it), a cut part
        line, col = getattr(exc, "position", (0, 0))
        raise WorkbookError(zf.filename or "", f"phần «{part}» của tệp không phải XML hợp lệ (lỗi ở dòng {line}, "
                                               f"cột {col}): tệp hỏng hoặc độc hại, đã từ chối đọc.") from None
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    rid_attr = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    targets = {}
    for rel in rels:
        target = rel.get("Target", "")
        targets.setdefault(rel.get("Id"), target.lstrip("/") if target.startswith("/") else "xl/" + target)
    parts: dict[str, str] = {}
    for s in wb.iterfind("m:sheets/m:sheet", ns):
        rid = s.get(rid_attr)
        if rid in targets:
            parts[s.get("name")] = targets[rid]  # (a name written twice: the last, as before)
    return parts


Cells = dict[tuple[int, int], str]


# What calamine reads as a number cell's value (Rust's f64::from_str): a sign, then inf, infinity or nan
# in any case, or digits with an optional point and exponent; nothing else (no space, no 0x, no «_»).
_RUST_FLOAT = re.compile(r"[+-]?(?:inf|infinity|nan|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)",
                         re.IGNORECASE | re.ASCII)


def _shown(text: str) -> str:
    return text if len(text) <= 40 else text[:40] + "…"


def _cell_fault(path: Path, sheet: str, cell: str | None, reason: str, others: int = 0) -> WorkbookError:
    """The one message for a damaged cell: «Không đọc được tệp «X»: trang «Y», ô C12: …» (the file, the
    sheet, the cell, what is wrong with it and what to do), and how many more cells are so."""
    where = f"ô {cell}" if cell else "một ô không ghi địa chỉ (thiếu thuộc tính r)"
    more = f" (và {_n(others)} ô khác cũng bị như vậy)" if others > 0 else ""
    return WorkbookError(path, f"trang «{sheet}», {where}: {reason}{more}")


def _string_reason(text: str, count: int | None = None) -> str:
    if count is not None and text.isascii() and text.isdigit():
        what = (f"ô chữ (t=\"s\") trỏ tới chuỗi có số thứ tự {_shown(text.lstrip('0') or '0')} (tính từ 0) nhưng "
                f"bảng chuỗi dùng chung (sharedStrings.xml) chỉ có {_n(count)} chuỗi")
    elif text.strip():
        what = (f"giá trị «{_shown(text)}» không phải số thứ tự của một chuỗi trong bảng chuỗi dùng chung "
                "(sharedStrings.xml), dù ô được ghi là ô chữ (t=\"s\")")
    else:
        what = ("ô được ghi là ô chữ (t=\"s\") nhưng để trống số thứ tự của chuỗi trong bảng chuỗi dùng chung "
                "(sharedStrings.xml)")
    return f"{what}: tệp bị hỏng ở ô này, đọc tiếp sẽ ra chữ sai. Hãy mở tệp bằng Excel, nhập lại ô này rồi lưu lại."


def _mixed_reason(text: str) -> str:
    shown = f" «{_shown(text)}»" if text.strip() else ""
    return (f"ô{shown} ghi lẫn chữ ghi thẳng trong ô (t=\"inlineStr\", thẻ <is>) với một giá trị hoặc công thức "
            "kiểu khác (thẻ <v>, <f>): Excel, LibreOffice và chương trình này đọc ô như vậy khác nhau (có khi ra ô "
            "trống), nên không biết chắc ô ghi gì. Hãy mở tệp bằng Excel, nhập lại ô này rồi lưu lại.")


# Cell types calamine reads; the error texts it knows (any other one stops it: «Unsupported cell error value»).
_CELL_TYPES = frozenset(("n", "s", "str", "inlineStr", "b", "e", "d"))
_CALAMINE_ERRORS = frozenset(("#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!"))
_BOOLEANS = frozenset(("", "0", "1", "true", "false"))


def _cell_reason(kind: str, value: str | None, strings: int) -> str | None:
    """Why calamine cannot read (or would read wrongly) a cell of type `kind` holding `value`; None when it
    reads it right, or when the reader reads it all the same (an error value calamine does not know: see
    `_calamine_sheet`). `strings`: how many shared strings the workbook has."""
    if kind == "n":
        if value and not _RUST_FLOAT.fullmatch(value):
            return (f"giá trị «{_shown(value)}» không phải một số, dù ô được ghi là ô số (t=\"n\"); hãy nhập lại "
                    "số ở ô này rồi lưu lại.")
    elif kind == "s":
        if value is not None and not (value.isascii() and value.isdigit() and int(value) < strings):
            return _string_reason(value, strings if value.isascii() and value.isdigit() else None)
    elif kind == "b":
        if value is not None and value.strip().lower() not in _BOOLEANS:
            return (f"giá trị «{_shown(value)}» không phải đúng/sai (1 hoặc 0), dù ô được ghi là ô đúng/sai "
                    "(t=\"b\"); hãy nhập lại ô này rồi lưu lại.")
    elif kind == "e":
        if value is not None and value not in _CALAMINE_ERRORS and value not in _ERROR_TEXTS:
            return (f"ô chứa lỗi «{_shown(value)}» của Excel mà bộ đọc chưa đọc được; hãy sửa công thức ở ô này "
                    "(hoặc thay bằng một giá trị) rồi lưu lại.")
    elif kind not in _CELL_TYPES:
        return (f"kiểu ô không hợp lệ (t=\"{_shown(kind)}\"): tệp bị hỏng ở ô này; hãy mở tệp bằng Excel, "
                "nhập lại ô này rồi lưu lại.")
    return None


_SHARED_STRING = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?si[\s>/]")


def _shared_strings(zf: zipfile.ZipFile) -> int:
    """How many shared strings calamine reads: those of xl/sharedStrings.xml (named in any case), the one
    part it reads them from, whatever the relationships say."""
    part = next((n for n in zf.namelist() if n.lower() == SHARED_STRINGS), None)
    return len(_SHARED_STRING.findall(zf.read(part))) if part else 0


def _bad_cell(path: Path, sheet: str) -> tuple[str, str] | None:
    """(reference, reason) of the first cell of a sheet calamine cannot read, or would read wrongly (a number
    cell that holds no number, a shared-string index that is none, an unknown type or error …); None when
    there is none. Used only after calamine failed: it parses the part."""
    from xml.etree import ElementTree as ET
    with zipfile.ZipFile(path) as zf:
        part = _ooxml_sheet_part(zf, sheet)
        if part is None or part not in set(zf.namelist()):
            return None
        strings = _shared_strings(zf)
        with zf.open(part) as fh:
            row = col = 0
            for event, el in ET.iterparse(fh, events=("start", "end")):
                name = el.tag.rsplit("}", 1)[-1]
                if event == "start" and name == "row":
                    r = el.get("r")
                    row, col = (int(r) if r and r.isdigit() else row + 1), 0
                elif event == "start" and name == "c":
                    m = re.fullmatch(r"\$?([A-Za-z]{1,3})\$?([0-9]+)", el.get("r") or "")
                    row, col = (int(m.group(2)), _col_index(m.group(1).upper().encode()) + 1) if m else (row, col + 1)
                elif event == "end" and name == "c":
                    value = next((v.text or "" for v in el if v.tag.rsplit("}", 1)[-1] == "v"), None)
                    reason = _cell_reason(el.get("t", "n"), value, strings)
                    if reason is not None:
                        from kh_excel.io.limits import _cell_name
                        return _cell_name(col, row), reason
                elif event == "end" and name == "row":
                    el.clear()
    return None


def _ooxml_scan(path: Path, sheet: str, want_formats: bool = True) -> tuple[Cells, Cells, FormulaCells]:
    """(error cells, number formats, formulas saved without a value) of one sheet, read on its own:
    the same scan the input guard runs as it streams the sheet, given the whole part at once."""
    return _ooxml_sheet_cells(path, sheet, want_formats).result()


def _ooxml_sheet_cells(path: Path, sheet: str, want_formats: bool = True) -> SheetCells:
    """`_ooxml_scan`'s scan itself (with the damaged cells it found)."""
    with zipfile.ZipFile(path) as zf:
        part = _ooxml_sheet_part(zf, sheet)
        names = set(zf.namelist())
        if part is None or part not in names:
            empty = SheetCells({})
            empty.finish()
            return empty
        data = zf.read(part)
        styles = zf.read(STYLES) if want_formats and STYLES in names else b""
    try:
        wanted = _style_formats(styles) if styles else {}
    except Exception:  # a damaged styles part costs the shown precision, not the reading
        wanted = {}
    scan = SheetCells(wanted, any(n.lower() == SHARED_STRINGS for n in names))
    scan.feed(data)
    scan.finish()
    return scan


def sheet_formulas(path: str | os.PathLike, sheet: str) -> dict[tuple[int, int], str]:
    """Every formula of one sheet of an OOXML workbook with its text (ooxml_cells.formula_texts); empty for other
    kinds or a part that cannot be read. Read only when asked (Grid.formulas)."""
    from kh_excel.io.ooxml_cells import formula_texts
    try:
        with zipfile.ZipFile(path) as zf:
            part = _ooxml_sheet_part(zf, sheet)
            if part is None or part not in set(zf.namelist()):
                return {}
            data = zf.read(part)
    except (zipfile.BadZipFile, OSError, KeyError):
        return {}
    return formula_texts(data) if _FORMULA_START.search(data) else {}


def formula_cells(path: str | os.PathLike, sheet: str) -> set[tuple[int, int]]:
    """Every formula cell (r, c) of one sheet of an OOXML workbook (empty for other kinds): where a text the
    user types (the settings) is a computed value instead."""
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as zf:
            part = _ooxml_sheet_part(zf, sheet)
            if part is None or part not in set(zf.namelist()):
                return set()
            data = zf.read(part)
    except (zipfile.BadZipFile, OSError, KeyError):
        return set()
    return formula_positions(data) if _FORMULA_START.search(data) else set()


_PLAIN_REF = re.compile(r"^\$?([A-Z]{1,3})\$?(\d{1,7})$")


def _resolve_references(rows: list[list[Any]], uncached: FormulaCells, errors: dict) -> bool:
    """Compute formulas that are a plain reference to a cell of the same sheet («=Q212»), as Excel
    does (an empty cell reads as 0); True when that leaves nothing for LibreOffice.

    A converter writes such cells with an empty value; starting LibreOffice for them costs seconds.
    """
    targets = {}
    for cell, formula in uncached.items():
        m = _PLAIN_REF.match(formula.strip())
        if not m:
            return False
        targets[cell] = (int(m.group(2)) - 1, _col_index(m.group(1).encode()))
    resolved: dict[tuple[int, int], Any] = {}
    pending = dict(targets)
    while pending:
        progress = False
        for cell, (r, c) in list(pending.items()):
            if (r, c) in pending:
                continue  # refers to a cell not yet computed
            if (r, c) in resolved:
                value = resolved[(r, c)]
            elif (r, c) in errors:
                value = ErrorValue(errors[(r, c)])
            else:
                value = rows[r][c] if r < len(rows) and c < len(rows[r]) else None
                if value in (None, ""):
                    if (r, c) in uncached.every:
                        return False  # a formula whose cached result may be "" rather than empty
                    value = 0.0
            resolved[cell] = value
            del pending[cell]
            progress = True
        if not progress:
            return False  # a circular reference: LibreOffice reports it
    for (r, c), value in resolved.items():
        while len(rows) <= r:
            rows.append([])
        while len(rows[r]) <= c:
            rows[r].append(None)
        if isinstance(value, ErrorValue):
            errors[(r, c)] = value.code
        else:
            rows[r][c] = value
    return True


def _xls_errors(path: Path, sheet: str) -> dict[tuple[int, int], str]:
    try:
        import xlrd
    except ImportError:
        return {}
    try:
        book = xlrd.open_workbook(str(path), on_demand=True)
        sh = book.sheet_by_name(sheet)
    except Exception:
        return {}
    out = {}
    for r in range(sh.nrows):
        for c, t in enumerate(sh.row_types(r)):
            if t == xlrd.XL_CELL_ERROR:
                out[(r, c)] = xlrd.error_text_from_code.get(sh.cell_value(r, c), "#VALUE!")
    book.release_resources()
    return out



_ODS = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "calcext": "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0",
}


def _percent_format(shown: str) -> str:
    """The Excel-style format of a percentage as LibreOffice shows it: '76,5%' -> '0.0%'."""
    m = re.search(r"[.,](\d+)\s*%", shown)
    return "0." + "0" * len(m.group(1)) + "%" if m else "0%"


_SHOWN_NUMBER = re.compile(r"^-?[\d.,\s\u00a0\u202f]*?(?:([.,])(\d+))?$")


def _float_format(shown: str, value: str | None) -> str | None:
    """The decimals an ODS number cell shows, as an Excel format: «93,00» of 93 -> '0.00'.

    The text is as LibreOffice displayed it in the author's locale; its last separator is
    the decimal one only if the stored value rounds to what it shows (1,234 of 1234 is grouping).
    """
    shown = shown.strip()
    m = _SHOWN_NUMBER.match(shown)
    if not m or value is None or not any(ch.isdigit() for ch in shown):
        return None
    from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
    try:
        v = Decimal(value)
    except InvalidOperation:
        return None
    digits = re.sub(r"\D", "", shown)
    if m.group(1):
        places = len(m.group(2))
        q = abs(v).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        if format(q, "f").replace(".", "").lstrip("0") == digits.lstrip("0"):
            return "0." + "0" * places
    return "0" if abs(v).quantize(Decimal(1), rounding=ROUND_HALF_UP) == Decimal(digits or "0") else None


class _OdsSheet:
    def __init__(self) -> None:
        self.merged: list[tuple[int, int, int, int]] = []
        self.errors: dict[tuple[int, int], str] = {}
        self.formats: dict[tuple[int, int], str] = {}
        self.hidden: list[tuple[int, int]] = []  # hidden (collapsed) columns, 0-based inclusive (first, last)
        self.hidden_rows: list[tuple[int, int]] = []  # rows collapsed or filtered out, 0-based inclusive


# Attributes calamine reads as a whole number (it stops at any other text: «Parse integer error»), and the
# value types whose office:value it reads as a number (it stops at «Parse float error»).
_ODS_COUNTS = ("number-columns-repeated", "number-rows-repeated", "number-columns-spanned", "number-rows-spanned")
_ODS_NUMBERS = ("float", "percentage", "currency")
_ODS_WHOLE = re.compile(r"\+?[0-9]+", re.ASCII)   # Rust's usize::from_str
# calamine reads «true» and «TRUE» as true and any other text as false: only these four say what they are read as.
_ODS_TRUTHS = ("true", "false", "TRUE", "FALSE")


def _ods_count(el, name: str) -> int | str:
    """A table attribute that counts rows or columns (1 when absent); its text when it is no whole number."""
    text = el.get("{%s}%s" % (_ODS["table"], name))
    if text is None:
        return 1
    return int(text) if _ODS_WHOLE.fullmatch(text) else text


def _ods_reason(el) -> str | None:
    """Why calamine cannot read (or reads wrongly) an .ods cell: a count that is no whole number, a number
    that is none, a truth value that is neither true nor false (calamine reads it as false); None if none."""
    for name in _ODS_COUNTS:
        if name != "number-rows-repeated" and isinstance(_ods_count(el, name), str):
            return (f"thuộc tính table:{name}=«{_shown(_ods_count(el, name))}» không phải một số nguyên: tệp bị hỏng "
                    "ở ô này; hãy mở tệp bằng LibreOffice, nhập lại ô này rồi lưu lại.")
    kind = el.get("{%s}value-type" % _ODS["office"])
    value = el.get("{%s}value" % _ODS["office"])
    if kind in _ODS_NUMBERS and value is not None and not _RUST_FLOAT.fullmatch(value):
        return (f"giá trị «{_shown(value)}» không phải một số, dù ô được ghi là ô số (office:value-type=«{kind}»); "
                "hãy nhập lại số ở ô này rồi lưu lại.")
    truth = el.get("{%s}boolean-value" % _ODS["office"])
    if kind == "boolean" and truth is not None and truth not in _ODS_TRUTHS:
        return (f"giá trị «{_shown(truth)}» không phải đúng/sai (true hoặc false), dù ô được ghi là ô đúng/sai; "
                "hãy nhập lại ô này rồi lưu lại.")
    return None


def _ods_scan(path: Path, sheet: str | None) -> _OdsSheet:
    """Merged ranges, error cells, number formats and hidden columns of an ODS sheet (content.xml, streamed).

    calamine gives no merged ranges for ODS, reads error cells as text, percentage cells
    as plain fractions and drops the decimals a number shows (93,00); this pass recovers them.
    A damaged cell (see `_ods_reason`) refuses the sheet naming the cell; with `sheet` None, every
    sheet is looked at for one (calamine, which reads them all on opening, stopped at one)."""
    from lxml import etree
    from kh_excel.io.limits import _cell_name
    t = "{%s}" % _ODS["table"]
    office_type = "{%s}value-type" % _ODS["office"]
    calc_type = "{%s}value-type" % _ODS["calcext"]
    out = _OdsSheet()
    with zipfile.ZipFile(path) as zf, zf.open("content.xml") as fh:
        in_sheet = False
        name = ""
        r = c = column = 0
        row_cells: list[tuple[dict, int, int, str]] = []
        for event, el in etree.iterparse(fh, events=("start", "end"), huge_tree=False):
            tag = el.tag
            if tag == t + "table":
                if event == "start":
                    name = el.get(t + "name") or ""
                    in_sheet = sheet is None or name == sheet
                    r = column = 0
                elif in_sheet and sheet is not None:
                    break
                continue
            if not in_sheet:
                if event == "end" and tag in (t + "table-row", t + "table-cell"):
                    el.clear()
                continue
            if tag == t + "table-column":  # before the rows: widths and visibility of each column
                if event == "end":
                    n = _ods_count(el, "number-columns-repeated")
                    n = max(min(n if isinstance(n, int) else 1, 16_384 - column), 0)
                    if n and el.get(t + "visibility") == "collapse":
                        out.hidden.append((column, column + n - 1))
                    column += n
                continue
            if tag == t + "table-row":
                if event == "start":
                    c = 0
                    row_cells = []  # (errors or formats, first column, columns, entry) of the row, for its repeats
                else:
                    rows = _ods_count(el, "number-rows-repeated")
                    if isinstance(rows, str):
                        raise WorkbookError(path, f"trang «{name}», dòng {r + 1}: thuộc tính table:number-rows-"
                                                  f"repeated=«{_shown(rows)}» không phải một số nguyên: tệp bị hỏng ở "
                                                  "dòng này; hãy mở tệp bằng LibreOffice rồi lưu lại.")
                    n = min(rows, 1_048_576)
                    if el.get(t + "visibility") in ("collapse", "filter") and in_sheet and sheet is not None:
                        out.hidden_rows.append((r, r + n - 1))
                    # a row repeated by number-rows-repeated is every row it covers, as calamine reads it (the
                    # copies calamine makes are bounded by io.limits before this runs)
                    for rr in range(r + 1, min(r + n, 1_048_576)) if row_cells else ():
                        for kept, first, cols, entry in row_cells:
                            for k in range(first, first + cols):
                                kept[(rr, k)] = entry
                    r += n
                    el.clear()
            elif tag in (t + "table-cell", t + "covered-table-cell") and event == "end":
                reason = _ods_reason(el)
                if reason is not None:
                    raise _cell_fault(path, name, _cell_name(c + 1, r + 1), reason)
                if sheet is None:
                    c += min(_ods_count(el, "number-columns-repeated"), 16384)
                    el.clear()
                    continue
                # clamped to Excel's sheet, as an .xlsx merge can reach no further (A1:XFD1048576)
                rows_span = max(min(_ods_count(el, "number-rows-spanned"), 1_048_576 - r), 1)
                cols_span = max(min(_ods_count(el, "number-columns-spanned"), 16_384 - c), 1)
                if rows_span > 1 or cols_span > 1:
                    out.merged.append((r, c, r + rows_span - 1, c + cols_span - 1))
                # A cell repeated by number-columns-repeated is every column it covers (rev13 R12: the copy of
                # a percentage cell read as a plain fraction); its error or format goes to each of them.
                cols = max(min(_ods_count(el, "number-columns-repeated"), 16_384 - c), 1)
                kept, entry = None, None
                if el.get(calc_type) == "error":
                    shown = "".join(el.itertext()).strip()
                    kept, entry = out.errors, shown if shown.startswith("#") else "#VALUE!"
                elif el.get(office_type) == "percentage":
                    kept, entry = out.formats, _percent_format("".join(el.itertext()))
                elif el.get(office_type) == "float":
                    kept, entry = out.formats, _float_format("".join(el.itertext()), el.get("{%s}value" % _ODS["office"]))
                if kept is not None and entry:
                    for k in range(c, c + cols):
                        kept[(r, k)] = entry
                    row_cells.append((kept, c, cols, entry))
                c += min(_ods_count(el, "number-columns-repeated"), 16384)
                el.clear()
    return out


def _xls_formats(path: Path, sheet: str) -> tuple[dict[tuple[int, int], str], set[int], tuple[tuple[int, int], ...]]:
    """Number formats of an .xls sheet's numeric cells, its hidden columns and its hidden rows (ranges, as
    Grid.hidden_rows) (xlrd, formatting_info: one read)."""
    try:
        import xlrd
        book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True)
        sh = book.sheet_by_name(sheet)
    except Exception:
        return {}, set(), ()
    hidden = {c for c, info in sh.colinfo_map.items() if getattr(info, "hidden", 0)}
    rows_hidden: list[tuple[int, int]] = []
    for r in sorted(r for r, info in sh.rowinfo_map.items() if getattr(info, "hidden", 0)):
        if rows_hidden and rows_hidden[-1][1] == r - 1:
            rows_hidden[-1] = (rows_hidden[-1][0], r)
        else:
            rows_hidden.append((r, r))
    out: dict[tuple[int, int], str] = {}
    for r in range(sh.nrows):
        for c, t in enumerate(sh.row_types(r)):
            if t == xlrd.XL_CELL_NUMBER:
                xf = book.xf_list[sh.cell_xf_index(r, c)]
                fmt = book.format_map.get(xf.format_key)
                if fmt and fmt.format_str.lower() != "general":
                    out[(r, c)] = fmt.format_str
    book.release_resources()
    return out, hidden, tuple(rows_hidden)
