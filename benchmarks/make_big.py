"""Build a large indicator workbook from the sample's rows, repeated (for benchmarks and the 100,000-row test)."""
from __future__ import annotations

import sys
from pathlib import Path

import openpyxl
from python_calamine import CalamineWorkbook

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "chi_tieu_2026_lao_cai.xlsx"


def build(path: str | Path, rows: int, sample: Path = SAMPLE) -> Path:
    """Write `rows` data rows (sections and indicators of the sample, renumbered) to path."""
    book = CalamineWorkbook.from_path(str(sample))
    data = book.get_sheet_by_name(book.sheet_names[0]).to_python(skip_empty_area=False)
    head, body = data[:6], [r for r in data[6:] if any(v != "" for v in r)]
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Phụ lục chỉ tiêu")
    for r in head:
        ws.append(r)
    n = 0
    written = 0
    while written < rows:
        for r in body:
            if written >= rows:
                break
            r = list(r)
            if isinstance(r[0], str) and r[0].isdigit():
                n += 1
                r[0] = str(n)
            ws.append(r)
            written += 1
    wb.save(path)
    return Path(path)


if __name__ == "__main__":
    build(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 10_000)
