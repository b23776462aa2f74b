"""A real workbook as xlwings' remote engine sees it, and its recorded actions applied back.

Excel does not run here, yet the add-in's Python must be exercised on the same
object model the desktop add-in uses. xlwings' remote engine is that model,
driven by the JSON an Office.js client sends (`xw.Book(json=...)`); this module
is such a client in Python, for a real .xlsx on disk:

- `workbook_payload(path)` reads the file (openpyxl, after the input guard) into the request payload the
  Office.js client sends: per sheet its name, visibility, the values of
  A1:last used cell, the used range address and the addresses of its notes
  (the client sends which cells have notes, not their text).
- `apply_actions(path, actions, out)` replays the actions the Python side
  recorded (`book.json()["actions"]`) onto the file with openpyxl, as the
  client would in Excel, and saves the result, so that a test can open it
  again and see what a user would see, including after "save and reopen".

Only the actions the add-in uses are implemented; any other raises, so that an
action the client cannot apply is never silently dropped.
"""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

CLIENT = "Office.js"
LICENSE_ENV = "XLWINGS_LICENSE_KEY"

_VISIBILITY = {"visible": "Visible", "hidden": "Hidden", "veryHidden": "VeryHidden"}
_VISIBILITY_BACK = {v: k for k, v in _VISIBILITY.items()}


def ensure_license() -> None:
    """The remote engine is xlwings PRO: licensed here under PolyForm Noncommercial.

    A user with their own key keeps it; government institutions qualify for the
    noncommercial licence (see addin/README.md).
    """
    os.environ.setdefault(LICENSE_ENV, "noncommercial")
    import xlwings

    if "remote" not in [e.name for e in xlwings.engines]:
        # xlwings was imported before the key was set: register the engine now.
        from xlwings.main import Engine
        from xlwings.pro import _xlremote

        xlwings.engines.add(Engine(impl=_xlremote.engine))


def _json_value(value: Any) -> Any:
    if value is None:
        return ""  # Office.js sends empty cells as "" (the engine reads them as None)
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, dt.time):  # a time of day is a date-time on Excel's day 0
        value = dt.datetime.combine(dt.date(1899, 12, 30), value)
    if isinstance(value, dt.date):
        return _office_js_datetime(value)
    return str(value)


def _office_js_datetime(value: dt.date) -> str:
    """A date cell as xlwings' Office.js client sends it (Excel 2021/365): JavaScript's
    `new Date(…).toISOString()`, milliseconds and a «Z» included; the remote engine cuts the «Z»."""
    if not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day)
    return value.strftime("%Y-%m-%dT%H:%M:%S") + f".{value.microsecond // 1000:03d}Z"


def workbook_payload(path: str | os.PathLike, active_sheet: int = 0) -> dict[str, Any]:
    """The JSON an Office.js client would send for the workbook at `path` (refused as `check` refuses it)."""
    from kh_excel.io.workbook import load_for_copy

    wb = load_for_copy(path, data_only=True)
    sheets = []
    for ws in wb.worksheets:
        max_row, max_col = _extent(ws)
        values: list[list[Any]] = [[]]
        used = None
        if max_row and max_col:
            values = [
                [_json_value(c) for c in row]
                for row in ws.iter_rows(min_row=1, max_row=max_row, max_col=max_col, values_only=True)
            ]
            used = f"$A$1:{_abs(max_row, max_col)}"
        notes = [
            {"address": cell.coordinate}
            for row in ws.iter_rows()
            for cell in row
            if cell.comment is not None
        ]
        sheets.append(
            {
                "name": ws.title,
                "visibility": _VISIBILITY.get(ws.sheet_state, "Visible"),
                "values": values,
                "used_range_address": used,
                "pictures": [],
                "shapes": [],
                "charts": [],
                "notes": notes,
                "notes_supported": True,
                "tables": [],
                "pivot_tables": [],
                "print_area": None,
                "show_gridlines": True,
            }
        )
    return {
        "client": CLIENT,
        "version": _xlwings_version(),
        "book": {
            "name": Path(path).name,
            "active_sheet_index": active_sheet,
            "selection": "A1",
        },
        "names": [],
        "sheets": sheets,
    }


def _xlwings_version() -> str:
    import xlwings

    return xlwings.__version__


def _extent(ws) -> tuple[int, int]:
    """Last row and column holding a value (formatting alone does not count)."""
    max_row = max_col = 0
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is not None:
                max_row = max(max_row, cell.row)
                max_col = max(max_col, cell.column)
    return max_row, max_col


def _abs(row: int, col: int) -> str:
    from openpyxl.utils import get_column_letter

    return f"${get_column_letter(col)}${row}"


def open_book(path: str | os.PathLike, active_sheet: int = 0):
    """An xlwings Book on the remote engine for the workbook at `path`."""
    ensure_license()
    import xlwings

    return xlwings.Book(json=workbook_payload(path, active_sheet))


# --------------------------------------------------------------------------- apply


def _hex_to_argb(color: str) -> str:
    return "FF" + color.lstrip("#").upper()


def apply_actions(path: str | os.PathLike, actions: list[dict[str, Any]], out: str | os.PathLike) -> list[dict]:
    """Apply recorded actions to the workbook at `path`, save to `out`; return the alerts shown."""
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill

    from kh_excel.io.workbook import load_for_copy

    wb = load_for_copy(path)
    alerts: list[dict] = []

    def sheet(action) -> Any:
        return wb.worksheets[action["sheet_position"]]

    def cells(action):
        ws = sheet(action)
        r0, c0 = action["start_row"] + 1, action["start_column"] + 1
        for i in range(action["row_count"]):
            for j in range(action["column_count"]):
                yield i, j, ws.cell(row=r0 + i, column=c0 + j)

    for action in actions:
        func = action["func"]
        args = action.get("args") or []
        if func == "setValues":
            for i, j, cell in cells(action):
                cell.value = _typed(action["values"][i][j])
        elif func == "rangeClearContents":
            for _, _, cell in cells(action):
                cell.value = None
        elif func == "setRangeColors":
            matrix = args[0]
            for i, j, cell in cells(action):
                color = matrix[i][j]
                if color == "keep":
                    continue
                cell.fill = PatternFill() if color is None else PatternFill("solid", fgColor=_hex_to_argb(color))
        elif func == "setRangeColor":
            for _, _, cell in cells(action):
                cell.fill = PatternFill() if args[0] is None else PatternFill("solid", fgColor=_hex_to_argb(args[0]))
        elif func == "addNote":
            ws = sheet(action)
            ws[args[0].replace("$", "")].comment = Comment(args[1], "kh_excel")
        elif func == "deleteNote":
            ws = sheet(action)
            ws[args[0].replace("$", "")].comment = None
        elif func == "addSheet":
            position, name = args[0], args[1]
            wb.create_sheet(title=name, index=position)
        elif func == "setSheetVisibility" or func == "setSheetVisible":
            value = args[0]
            if isinstance(value, bool):
                sheet(action).sheet_state = "visible" if value else "hidden"
            else:
                sheet(action).sheet_state = _VISIBILITY_BACK.get(value, "visible")
        elif func == "activateSheet":
            wb.active = int(args[0])
        elif func == "addHyperlink":
            for _, _, cell in cells(action):
                cell.hyperlink = args[0]
                if args[1] is not None:
                    cell.value = args[1]
        elif func == "setNumberFormat":
            for _, _, cell in cells(action):
                cell.number_format = args[0]
        elif func == "setFontProperty":
            prop, value = args[0], args[1]
            for _, _, cell in cells(action):
                attrs = {k: getattr(cell.font, k) for k in ("name", "size", "bold", "italic", "color")}
                if prop in ("bold", "italic"):
                    attrs[prop] = value
                cell.font = Font(**attrs)
        elif func == "setColumnWidth":
            from openpyxl.utils import get_column_letter

            ws = sheet(action)
            for j in range(action["column_count"]):
                ws.column_dimensions[get_column_letter(action["start_column"] + 1 + j)].width = args[0]
        elif func in ("setAutofit", "setScreenUpdating", "calculate"):
            pass  # presentation only: nothing a file keeps
        elif func == "alert":
            alerts.append({"prompt": args[0], "title": args[1], "buttons": args[2], "mode": args[3]})
        elif func == "sheetDelete":
            del wb[wb.worksheets[action["sheet_position"]].title]
        elif func == "sheetClearContents":
            ws = sheet(action)
            for row in ws.iter_rows():
                for cell in row:
                    cell.value = None
                    cell.hyperlink = None
        elif func == "addChart":
            _add_chart(wb, action)
        elif func == "setChartSourceData":
            pass  # addChart above already took its source
        else:
            raise NotImplementedError(f"the test client cannot apply {func!r}")
    wb.save(out)
    return alerts


def _add_chart(wb, action) -> None:
    from openpyxl.chart import BarChart, Reference
    from openpyxl.utils.cell import range_boundaries

    name, chart_type, sheet_name, address = action["args"][:4]
    anchor = action["args"][9]
    ws = wb[sheet_name]
    min_col, min_row, max_col, max_row = range_boundaries(address.replace("$", ""))
    chart = BarChart()
    chart.type = "bar" if chart_type.startswith("Bar") else "col"
    chart.title = None
    data = Reference(ws, min_col=max_col, min_row=min_row, max_row=max_row)
    cats = Reference(ws, min_col=min_col, min_row=min_row, max_row=max_row)
    chart.add_data(data, titles_from_data=False)
    chart.set_categories(cats)
    ws.add_chart(chart, (anchor or "A1").replace("$", ""))


def _typed(value: Any) -> Any:
    """A written value as Excel stores it: a leading apostrophe makes the rest text."""
    if isinstance(value, str):
        if value.startswith("'"):
            return value[1:]
        if value == "":
            return None
    return _from_json(value)


def _from_json(value: Any) -> Any:
    if isinstance(value, str) and len(value) >= 19 and value[4] == "-" and value[10] == "T":
        try:
            return dt.datetime.fromisoformat(value.removesuffix("Z"))
        except ValueError:
            return value
    return value
