"""Engine calls and time per ribbon action, 50 vs 5,000 indicator rows, on xlwings' remote engine.

    python benchmarks/bench_addin.py

"calls" are the JSON actions one click records (each one Office.js/COM
operation); reads come with the payload on this engine. "fixed" books have
three wrong cells whatever their size; "every 10th" books have a wrong result
on every tenth row (500 error cells at 5,000 rows), where the notes stop at
NOTE_LIMIT and the rest is read on the result sheet.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import openpyxl

from kh_excel.addin import run_action
from kh_excel.addin.actions import NOTE_LIMIT
from kh_excel.addin.payload import apply_actions, open_book

HEADER = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026",
          "Cơ quan chủ trì", "Lãnh đạo phụ trách"]


def make_book(path: Path, n: int, bad: set[int] | None = None, bad_every: int | None = None) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Chỉ tiêu"
    ws.append(["PHỤ LỤC CHỈ TIÊU NĂM 2026"])
    ws.append([])
    ws.append(HEADER)
    ws.append(["I", "CÁC CHỈ TIÊU VỀ KINH TẾ"])
    for i in range(1, n + 1):
        wrong = (bad_every and i % bad_every == 0) or (bad and i in bad)
        ws.append([i, f"Chỉ tiêu số {i}", "Tỷ đồng", 100, "khoảng mười" if wrong else 97 + i % 7,
                   f"Sở {i % 5}", f"Đồng chí Lãnh đạo {i % 3}"])
    wb.save(path)
    return path


def measure(tag: str, path: Path, tmp: Path) -> tuple[int, float]:
    src = path
    if tag == "xoa_danh_dau":
        book = open_book(path)
        run_action("kiem_tra", book)
        src = tmp / f"marked_{path.name}"
        apply_actions(path, book.json()["actions"], src)
    book = open_book(src)
    start = time.perf_counter()
    ok, message = run_action(tag, book)
    elapsed = time.perf_counter() - start
    if not ok:
        raise SystemExit(f"{tag} failed: {message}")
    return len(book.json()["actions"]), elapsed


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="bench_addin_"))
    books = {}
    for n in (50, 5000):
        books[(n, "fixed")] = make_book(tmp / f"fixed_{n}.xlsx", n, bad={3, 17, 29})
        books[(n, "every 10th")] = make_book(tmp / f"every10_{n}.xlsx", n, bad_every=10)
    print(f"NOTE_LIMIT = {NOTE_LIMIT}")
    print(f"{'action':<14}{'errors':<12}{'calls@50':>10}{'calls@5000':>12}{'s@50':>8}{'s@5000':>8}")
    for tag in ("kiem_tra", "xoa_danh_dau", "tinh_ty_le", "tong_hop"):
        for kind in ("fixed", "every 10th"):
            c50, t50 = measure(tag, books[(50, kind)], tmp)
            c5k, t5k = measure(tag, books[(5000, kind)], tmp)
            print(f"{tag:<14}{kind:<12}{c50:>10}{c5k:>12}{t50:>8.2f}{t5k:>8.2f}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
