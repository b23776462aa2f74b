"""Collecting 120 returned forms (a province's departments and communes), next to a plain
openpyxl.load_workbook of the same 120 files, in one process.

Run: python benchmarks/bench_collect.py [AGENCIES] [ROWS_PER_AGENCY]
Prints the times and the ratio (collect / openpyxl load); the aim is < 1: reading, matching,
judging every file and writing the merged master takes less than merely loading the files
with openpyxl. Each measurement is the best of several runs (the machine is shared).
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import best  # noqa: E402

DEPARTMENTS = ("Sở Tài chính", "Sở Xây dựng", "Sở Công Thương", "Sở Y tế", "Sở Nội vụ", "Sở Giáo dục và Đào tạo",
               "Sở Khoa học và Công nghệ", "Sở Nông nghiệp và Môi trường", "Sở Văn hóa, Thể thao và Du lịch",
               "Sở Tư pháp", "Thống kê tỉnh", "Thuế tỉnh", "Bảo hiểm xã hội tỉnh", "Ban Quản lý Khu kinh tế tỉnh")


def build_master(path: Path, agencies: int, per_agency: int) -> Path:
    """A master whose indicators are led by `agencies` agencies: the departments, then communes."""
    import openpyxl
    names = list(DEPARTMENTS[:agencies]) + [f"UBND xã Số {i}" for i in range(1, agencies - len(DEPARTMENTS) + 1)]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Phụ lục chỉ tiêu"
    ws.append(["CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026"])
    ws.append([])
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Cơ quan chủ trì"])
    ws.append(["I", "CÁC CHỈ TIÊU"])
    n = 0
    for agency in names:
        for j in range(per_agency):
            n += 1
            ws.append([str(n), f"Chỉ tiêu số {n} của {agency}", "%", 50 + j, None, agency])
    wb.save(path)
    return path


def main(agencies: int = 120, per_agency: int = 5) -> None:
    import openpyxl
    from kh_excel.api import read_workbook
    from kh_excel.collect.forms import COL, FIRST_ROW, FORM_SHEET, parse_key, write_forms
    from kh_excel.collect.merge import collect_files, write_merged

    with tempfile.TemporaryDirectory() as d:
        base = Path(d)
        master = build_master(base / "master.xlsx", agencies, per_agency)
        table = read_workbook(master)
        forms = [p for _, p in write_forms(master, base / "forms", table, "Năm 2026", "15/11/2026")]
        for p in forms:  # each agency types its results
            wb = openpyxl.load_workbook(p)
            ws = wb[FORM_SHEET]
            for r in range(FIRST_ROW, ws.max_row + 1):
                key = parse_key(ws.cell(r, COL["key"]).value)
                if key:
                    ws.cell(r, COL["result"]).value = key[1] * 1.5
            wb.save(p)

        def ours():
            t, coll = collect_files(master, forms)
            write_merged(master, base / "merged.xlsx", t, coll, forms)
            assert not coll.needs_attention and len(coll.writes) == agencies * per_agency

        def judge_only():
            collect_files(master, forms)

        def plain():
            for p in forms:
                openpyxl.load_workbook(p)

        ours()  # warm imports and the agency registry
        t_plain = best(plain, 3)
        t_ours = best(ours, 3)
        t_judge = best(judge_only, 3)
        print(f"returned workbooks: {len(forms)} ({per_agency} indicators each)")
        print(f"openpyxl.load_workbook of them:         {t_plain * 1000:8.1f} ms")
        print(f"kh_excel collect (read, match, judge):  {t_judge * 1000:8.1f} ms")
        print(f"kh_excel collect + merged master:       {t_ours * 1000:8.1f} ms")
        print(f"ratio (collect + merge / openpyxl load): {t_ours / t_plain:7.3f}   (aim < 1)")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
