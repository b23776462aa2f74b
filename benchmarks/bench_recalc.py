"""Which engine computes formulas saved without a value: LibreOffice headless, `formulas` or `pycel`.

Run: python benchmarks/bench_recalc.py [ROWS]
(`pip install formulas pycel` first to compare the PyPI engines; an engine that is not
installed is skipped.)

Correctness: each real workbook in tests/data/real that holds formulas is copied with every
cached value removed (as a script would save it), each engine computes the copy, and its
values are compared with the values Excel had cached. A generated book of ROWS indicator
rows (default 1,000) with plan, result and ratio as formulas is compared with the values
worked out here in Python. Time: one run per engine and book (each is seconds to minutes;
LibreOffice includes its start-up), printed with the ratio to LibreOffice's time.

Measured here (2 shared cores, LibreOffice 7.4, formulas 1.3.4, pycel 1.0b30):

    book (formula cells compared)     LibreOffice        formulas            pycel
    da_huoai (4.785)                  1,6–4,3 s 4760     23–44 s   4697      12–22 s  4697
    gtsx (513)                        3,2–3,3 s  513     6–10 s     492      4–5,5 s   433
    generated 1.000 rows (3.001)      3,5–4,9 s 3001     47 s      3001      35 s     3001

The 25 da_huoai cells where LibreOffice differs from the file's cached values are the file's
error, not LibreOffice's: 17 references to empty cells cached as "" (Excel shows 0, as
LibreOffice computes) and 8 sums over placeholder cells. LibreOffice was chosen: 3–14× faster,
and the most values right on every book; it is also already a dependency (PDF).
"""
from __future__ import annotations

import math
import re
import signal
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "data" / "real"
LIMIT = 600  # seconds an engine may take on one book

_CACHED = re.compile(rb'(<(?:[A-Za-z_][\w.-]*:)?f\b[^>]*?(?:/>|>[^<]*</(?:[A-Za-z_][\w.-]*:)?f>))'
                     rb'<(?:[A-Za-z_][\w.-]*:)?v>[^<]*</(?:[A-Za-z_][\w.-]*:)?v>')


def strip_values(src: Path, dst: Path) -> Path:
    """Copy an .xlsx with the cached value of every formula removed."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
                data = _CACHED.sub(rb"\1", data)
            zout.writestr(info, data)
    return dst


# A string "0" cached for an arithmetic formula: a converter's placeholder, not Excel's value
# (da_huoai caches "0" for (AU6/AP6)^(1/5)*100 with AP6 empty, which Excel computes as #DIV/0!).
_PLACEHOLDER = re.compile(rb'<c r="([A-Z]+)(\d+)"[^>]*\bt="str"[^>]*><f>[^<]*</f><v>0</v>')


def cached_values(src: Path) -> tuple[dict[tuple[str, int, int], Any], int]:
    """(sheet, r, c) -> value the file cached, for every formula cell (0-based); and how many
    placeholder values were left out of the comparison."""
    from kh_excel.io.workbook import _col_index, _ooxml_scan, _ooxml_sheet_part, open_workbook
    book = open_workbook(src)
    out = {}
    left_out = 0
    for name in book.sheet_names:
        rows = book._book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        errors = _ooxml_scan(src, name, want_formats=False)[0]
        with zipfile.ZipFile(src) as zf:
            data = zf.read(_ooxml_sheet_part(zf, name))
        placeholders = {(int(m.group(2)) - 1, _col_index(m.group(1))) for m in _PLACEHOLDER.finditer(data)}
        with tempfile.TemporaryDirectory() as d:
            stripped = strip_values(src, Path(d) / "s.xlsx")
            cells = _ooxml_scan(stripped, name, want_formats=False)[2]
        for r, c in cells:
            if (r, c) in placeholders:
                left_out += 1
                continue
            out[(name, r, c)] = errors.get((r, c)) or (rows[r][c] if r < len(rows) and c < len(rows[r]) else "")
    return out, left_out


def build_generated(path: Path, rows: int) -> dict[tuple[str, int, int], Any]:
    """A table saved by openpyxl: plan, result, ratio and a header cell as formulas; returns expected values."""
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Phụ lục"
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", '="Kế hoạch năm "&2026', "Ước thực hiện năm 2026", "% so với KH",
               "Cơ quan chủ trì"])
    expected: dict[tuple[str, int, int], Any] = {("Phụ lục", 0, 3): "Kế hoạch năm 2026"}
    for i in range(1, rows + 1):
        r = i + 1
        plan = 100 + i * 0.25
        result = plan * 1.05
        ws.append([i, f"Chỉ tiêu {i}", "Tỷ đồng", f"=100+{i}*0.25", f"=D{r}*1.05", f"=ROUND(E{r}/D{r}*100,1)",
                   "Sở Tài chính"])
        expected[("Phụ lục", r - 1, 3)] = plan
        expected[("Phụ lục", r - 1, 4)] = result
        expected[("Phụ lục", r - 1, 5)] = round(result / plan * 100, 1)
    wb.save(path)
    return expected


def same(a: Any, b: Any) -> bool:
    """Equal values; two error values count as equal (gtsx: Excel cached #DIV/0! where LibreOffice
    gives #VALUE!, both an error the reader reports at its cell)."""
    if str(a).startswith("#") and str(b).startswith("#"):
        return True
    if isinstance(a, bool) or isinstance(b, bool):
        return a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)
    if a in (None, "") and b in (None, ""):
        return True
    return str(a) == str(b)


def engine_libreoffice(path: Path, cells) -> dict:
    from kh_excel.io.recalc import recalculate
    done = recalculate(path, timeout=LIMIT)
    if done.failure:
        raise RuntimeError(done.failure)
    out = {}
    for (sheet, r, c) in cells:
        rows, errors = done.sheets[sheet]
        out[(sheet, r, c)] = errors.get((r, c)) or (rows[r][c] if r < len(rows) and c < len(rows[r]) else "")
    return out


def _a1(r: int, c: int) -> str:
    from kh_excel.core.validation import cell_ref
    return cell_ref(r, c)


def engine_formulas(path: Path, cells) -> dict:
    import formulas
    model = formulas.ExcelModel().loads(str(path)).finish()
    sol = model.calculate()
    values = {}
    for key, v in sol.items():
        m = re.match(r"'\[(.+?)\](.+)'!([A-Z]+\d+)$", str(key))
        if m:
            val = v.value[0, 0] if hasattr(v, "value") else v
            values[(m.group(2).upper(), m.group(3))] = val
    out = {}
    for (sheet, r, c) in cells:
        v = values.get((sheet.upper(), _a1(r, c)), "")
        out[(sheet, r, c)] = v.item() if hasattr(v, "item") else v
    return out


def engine_pycel(path: Path, cells) -> dict:
    from pycel import ExcelCompiler
    xl = ExcelCompiler(filename=str(path))
    out = {}
    for (sheet, r, c) in cells:
        try:
            out[(sheet, r, c)] = xl.evaluate(f"{sheet}!{_a1(r, c)}")
        except Exception as exc:  # an unsupported function: counted as wrong
            out[(sheet, r, c)] = f"<{type(exc).__name__}>"
    return out


ENGINES: dict[str, tuple[str, Callable]] = {
    "libreoffice": ("", engine_libreoffice),
    "formulas": ("formulas", engine_formulas),
    "pycel": ("pycel", engine_pycel),
}


def _alarm(*_):
    raise TimeoutError


def run(engine: Callable, path: Path, expected: dict) -> tuple[float | None, int, str]:
    """(seconds, values equal to the expected ones, note)."""
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(LIMIT)
    t0 = time.perf_counter()
    try:
        got = engine(path, list(expected))
    except TimeoutError:
        return None, 0, f"over {LIMIT} s"
    except Exception as exc:
        return None, 0, f"failed: {type(exc).__name__}: {str(exc)[:80]}"
    finally:
        signal.alarm(0)
    elapsed = time.perf_counter() - t0
    good = sum(same(got.get(k), v) for k, v in expected.items())
    return elapsed, good, ""


def main(rows: int = 1000) -> None:
    import importlib.util
    available = {n: f for n, (mod, f) in ENGINES.items() if not mod or importlib.util.find_spec(mod)}
    skipped = sorted(set(ENGINES) - set(available))
    with tempfile.TemporaryDirectory() as d:
        books = []
        for src in sorted(REAL.glob("*.xlsx")):
            expected, left_out = cached_values(src)
            if expected:
                books.append((src.name, strip_values(src, Path(d) / src.name), expected))
            if left_out:
                print(f"{src.name}: {left_out} placeholder values («0» cached as text by a converter) not compared")
        gen = Path(d) / f"generated_{rows}.xlsx"
        books.append((gen.name, gen, build_generated(gen, rows)))
        print(f"{'book':34} {'formulas':>8}  {'engine':12} {'time s':>8} {'× LO':>6}  correct")
        for name, path, expected in books:
            base = None
            for en, fn in available.items():
                t, good, note = run(fn, path, expected)
                if en == "libreoffice":
                    base = t
                ratio = f"{t / base:6.1f}" if t is not None and base else "     -"
                ts = f"{t:8.2f}" if t is not None else "       -"
                print(f"{name:34} {len(expected):8}  {en:12} {ts} {ratio}  {good}/{len(expected)} {note}", flush=True)
    if skipped:
        print(f"not installed (skipped): {', '.join(skipped)}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
