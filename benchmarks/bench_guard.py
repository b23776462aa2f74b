"""The input guard and the reader's error/number-format scan, next to one plain decompression of the
sheet (issue 14): the guard streams each sheet once and the reader takes what it gathered, so their
cost together is a small multiple of what reading the sheet's bytes costs at all.

Run: python benchmarks/bench_guard.py [ROWS ...]      (default: 10000 100000)
For each size: the benchmark workbook as make_big writes it, and the same with a number format on
every numeric cell (as real tables have: the reader then records a format per cell). Each line prints
guard + scan, the decompression alone (zipfile, the same 4 MiB chunks) and their ratio; best of 5.
"""
from __future__ import annotations

import re
import sys
import tempfile
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_big import build  # noqa: E402
from timing import best  # noqa: E402

SIZES = (10_000, 100_000)
SHEET = "xl/worksheets/sheet1.xml"


def styled(src: Path, dst: Path) -> Path:
    """src with style 1 (#,##0.00) on every numeric cell."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == SHEET:
                data = re.sub(rb'(<c r="[A-Z]+\d+") t="n"', rb'\1 s="1" t="n"', data)
            elif info.filename == "xl/styles.xml":
                data = re.sub(rb'<cellXfs count="1">(<xf [^>]*/>)</cellXfs>', rb'<cellXfs count="2">\1'
                              rb'<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>', data)
            zout.writestr(info, data)
    return dst


def measure(path: Path) -> tuple[float, float, int]:
    from kh_excel.io.limits import _SCAN_CHUNK, guard_spreadsheet
    from kh_excel.io.ooxml_cells import WorkbookCells
    from kh_excel.io.workbook import WorkbookFile
    sheet = "Phụ lục chỉ tiêu"
    formats = []

    def guard_and_scan():
        cells = WorkbookCells()
        kind = guard_spreadsheet(path, watch=cells.watch, first=cells.first)
        formats.append(len(WorkbookFile(path, kind, None, cells)._ooxml_cells(sheet).result()[1]))

    def inflate():
        with zipfile.ZipFile(path) as zf, zf.open(SHEET) as fh:
            while fh.read(_SCAN_CHUNK):
                pass

    return best(guard_and_scan), best(inflate), formats[-1]


def main(sizes: tuple[int, ...] = SIZES) -> None:
    with tempfile.TemporaryDirectory() as d:
        for rows in sizes:
            plain = build(Path(d) / f"big_{rows}.xlsx", rows)
            for name, path in (("as written", plain), ("numbers formatted", styled(plain, Path(d) / f"s_{rows}.xlsx"))):
                scan, inflate, formats = measure(path)
                print(f"{rows:>7} rows, {name:17s}: guard + scan {scan * 1000:7.1f} ms, decompression "
                      f"{inflate * 1000:6.1f} ms, ratio {scan / inflate:5.2f}  ({formats} formatted cells)", flush=True)


if __name__ == "__main__":
    main(tuple(int(a) for a in sys.argv[1:]) or SIZES)
