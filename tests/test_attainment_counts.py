"""One counting rule everywhere (review r1, class 3): `attainment` (text, --json, add-in summary) and the
documents give the same counts, a structure («Cơ cấu GRDP» and its shares) being ONE indicator."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import kh_excel
from helpers import sample
from kh_excel.docs.context import build_context

SRC = Path(__file__).resolve().parents[1] / "src"


def test_lao_cai_counts_are_the_documents_counts():
    table = kh_excel.read_workbook(sample("chi_tieu_2026_lao_cai.xlsx"))
    att = kh_excel.evaluate(table)
    # By hand on the sheet: 45 rows, 2 without a numeric plan (row 9 «Cơ cấu GRDP» 100/100 and row 55 PCI with no
    # plan); 12 rows below plan. Rows 10–13 are the four GRDP shares, each within ±2% of its plan (15,1/14,97;
    # 37,8/38,13; 39,7/39,57; 7,4/7,33): the structure is met (Đạt) and counts once. So 40 indicators:
    # 45 − 4 shares − 1 PCI = 40 judged; 19 Vượt + (12 Đạt rows − 4 shares + the structure = 9) = 28 met.
    s = att.summary
    assert (s.evaluated, s.counts["vuot"], s.counts["dat"], s.counts["khong_dat"], s.counts["khong_danh_gia"]) == \
        (40, 19, 9, 12, 1)
    by_row = {a.indicator.row: a for a in att.assessments}
    assert by_row[9].status == "dat" and "thành phần" in by_row[9].reason
    assert [by_row[r].status for r in (10, 11, 12, 13)] == ["dat"] * 4  # the row list keeps each share's status
    assert s.sentence.startswith("Ước thực hiện cả năm 2026, có 28/40 chỉ tiêu đạt và vượt kế hoạch; 12 chỉ tiêu "
                                 "không đạt")  # (the sheet's results are «Ước thực hiện năm 2026»)
    assert s.sentence.endswith("; 1 chỉ tiêu không đánh giá bằng số.")
    kq = build_context(att, None, "bao-cao")["kq"]
    assert (kq["so_danh_gia"], kq["so_vuot"], kq["so_dat"], kq["so_khong_dat"], kq["so_khong_danh_gia"]) == \
        ("40", "19", "9", "12", "1")
    tc = s.by_agency["Sở Tài chính"]  # rows 8, 9 (structure), 14, 15, 16, 19, 55: the structure once
    assert (tc["vuot"], tc["dat"], tc["khong_dat"], tc["khong_danh_gia"]) == (1, 2, 3, 1)


def test_cli_json_counts_the_structure_once():
    env = {**os.environ, "PYTHONPATH": str(SRC), "XLWINGS_LICENSE_KEY": "noncommercial"}
    proc = subprocess.run([sys.executable, "-m", "kh_excel", "attainment", str(sample("chi_tieu_2026_lao_cai.xlsx")),
                           "--json"], capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    s = json.loads(proc.stdout)["summary"]
    assert (s["evaluated"], s["vuot"] + s["dat"], s["khong_danh_gia"]) == (40, 28, 1)
    assert "28/40" in s["sentence"]
