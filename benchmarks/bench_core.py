"""check + attainment on a 10,000-row workbook, next to a plain openpyxl.load_workbook of the same file.

Run: python benchmarks/bench_core.py [ROWS]
Prints the times and the ratio (ours / openpyxl load); the aim is ≤ 0.25.
The machine is noisy: each measurement is the best of several runs, in one process.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_big import build  # noqa: E402
from timing import best  # noqa: E402


def main(rows: int = 10_000) -> None:
    import openpyxl
    from kh_excel.api import read_workbook
    from kh_excel.core.attainment import evaluate
    from kh_excel.core.validation import validate

    with tempfile.TemporaryDirectory() as d:
        path = build(Path(d) / "big.xlsx", rows)

        def ours():
            table = read_workbook(path)
            validate(table)
            evaluate(table)

        def read_only():
            read_workbook(path)

        def plain():
            openpyxl.load_workbook(path)

        ours()  # warm imports and the agency registry
        t_plain = best(plain, 3)
        t_ours = best(ours)
        t_read = best(read_only)
        table = read_workbook(path)
        print(f"rows: {rows} ({len(table.indicators)} indicator rows)")
        print(f"openpyxl.load_workbook:        {t_plain * 1000:8.1f} ms")
        print(f"kh_excel read:                 {t_read * 1000:8.1f} ms")
        print(f"kh_excel check + attainment:   {t_ours * 1000:8.1f} ms")
        print(f"ratio (ours / openpyxl load):  {t_ours / t_plain:8.3f}   (aim ≤ 0.25)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
