"""R15-9: collect refused «10,120.5» as ambiguous («không rõ dấu chấm là dấu thập phân…») while check reads the same
text, one way only, as 10.120,5 with its warning (written the English way). README: collect reads figures by the same
rules as check. collect now takes the reading of core.numbers (the one check takes) and, for a figure of one reading
written the English way, writes it with check's warning; a figure of two readings a thousand times apart («1,234»,
«1.234») is still refused, or written to be checked, where check warns.

Each row below is decided by hand (the figure, and whether both ask):
  «10,120.5» plan 10.000 tỷ đồng: English comma groups, dot decimal: one reading 10.120,5; both warn «kiểu tiếng Anh».
  «1.234,5»  plan 1.200:  Vietnamese, one reading 1.234,5: no warning of separators in either.
  «1,5»      plan 2 (%):   1,5: no warning of separators in either.
  «12.5»     plan 10 (%):  «12.5» cannot be Vietnamese thousands (a group of one digit): 12,5, both warn «dấu chấm».
  «1.234»    plan 5 (%):   1.234 or 1,234: 1.234% is no rate (over 100), 1,234 is near the plan 5: both read 1,234
                           and both ask (check: ambiguous_decimal; collect: «số có hai cách đọc», to be checked).
  «1,234»    plan «Hoàn thành» (no figure to weigh by): 1,234 or 1.234: check reads 1,234 (the Vietnamese way) and
                           warns; collect writes nothing and says why (the two readings are a thousand times apart).
  «95%»      plan 92 (%):  95, no separator warning.
  «~95»      plan 92 (%):  an estimate of 95: collect keeps the text as written, which check reads as 95.
"""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from helpers import run_cli
from kh_excel.api import read_workbook
from kh_excel.collect.merge import judge_result
from kh_excel.core.gate import check
from kh_excel.core.model import Grid

CASES = [  # (name, unit, plan, typed, figure both read, both ask about the separators, collect's kind)
    ("Thu ngân sách nhà nước", "Tỷ đồng", 10000, "10,120.5", Decimal("10120.5"), True, "number"),
    ("Vốn đầu tư phát triển", "Tỷ đồng", 1200, "1.234,5", Decimal("1234.5"), False, "number"),
    ("Tỷ lệ thất nghiệp", "%", 2, "1,5", Decimal("1.5"), False, "number"),
    ("Tỷ lệ tăng dân số cơ học", "%", 10, "12.5", Decimal("12.5"), True, "number"),
    ("Tỷ lệ hộ nghèo", "%", 5, "1.234", Decimal("1.234"), True, "number"),
    ("Chỉ số hài lòng", "Điểm", "Hoàn thành", "1,234", Decimal("1.234"), True, "invalid"),
    ("Tỷ lệ xã đạt chuẩn", "%", 92, "95%", Decimal("95"), False, "number"),
    ("Tỷ lệ che phủ rừng", "%", 92, "~95", Decimal("95"), False, "text"),
]
FIRST = 4  # sheet row of the first indicator


def _checked():
    rows = [["CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2026"], [],
            ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Cơ quan chủ trì"]]
    rows += [[str(i), name, unit, plan, typed, "Sở Tài chính"]
             for i, (name, unit, plan, typed, *_rest) in enumerate(CASES, 1)]
    return check(read_workbook(Grid(sheet="Biểu 01", rows=rows)))


@pytest.mark.parametrize("i", range(len(CASES)), ids=[c[3] for c in CASES])
def test_collect_and_check_read_each_figure_alike(i):
    name, unit, plan, typed, figure, asks, kind = CASES[i]
    checked = _checked()
    ind = next(x for x in checked.table.indicators if x.name == name)
    warned = [f for f in checked.findings if f.row == FIRST + i and f.code == "ambiguous_decimal"]
    assert ind.result == figure, (typed, ind.result)
    assert bool(warned) == asks, (typed, [f.message for f in warned])
    v = judge_result(typed, None, ind)
    assert v.kind == kind, (typed, v)
    if kind == "number":
        assert v.number == figure
        assert (v.doubtful or "đã hiểu là" in v.note and "kiểu tiếng Anh" in v.note) == asks, (typed, v.note)
    elif kind == "text":
        assert v.text == typed   # written as typed: the merged copy's reader reads it as check does (95)
    else:
        assert "không ghi" in v.note and "1,234" in v.note   # refused, saying why


def test_the_english_writing_is_written_with_checks_own_warning():
    checked = _checked()
    ind = checked.table.indicators[0]
    (warned,) = [f for f in checked.findings if f.row == FIRST and f.code == "ambiguous_decimal"]
    v = judge_result("10,120.5", None, ind)
    assert "“10,120.5” viết theo kiểu tiếng Anh" in v.note and "đã hiểu là 10.120,5" in v.note
    assert v.note in warned.message   # the same words


def test_the_returned_form_of_the_review_is_written(tmp_path):
    """The reviewer's sequence: forms → Sở Tài chính types «10,120.5» → collect writes 10.120,5 (not «số liệu không
    hợp lệ»), its report carries the warning, and check of the merged copy reads 10.120,5."""
    master = tmp_path / "chi_tieu.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Biểu 01"
    ws.append(["CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2026"])
    ws.append([])
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Cơ quan chủ trì"])
    ws.append(["1", "Thu ngân sách nhà nước", "Tỷ đồng", 10000, None, "Sở Tài chính"])
    wb.save(master)
    proc = run_cli("forms", master, "-o", tmp_path / "phieu", "--json")
    (form,) = [Path(f["file"]) for f in json.loads(proc.stdout)["forms"]]
    from kh_excel.collect.forms import COL, FIRST_ROW, FORM_SHEET
    fw = openpyxl.load_workbook(form)
    fw[FORM_SHEET].cell(FIRST_ROW, COL["result"]).value = "10,120.5"
    fw.save(tmp_path / "tc.xlsx")
    merged = tmp_path / "tong_hop.xlsx"
    rep = json.loads(run_cli("collect", master, tmp_path / "tc.xlsx", "-o", merged, "--json").stdout)
    assert rep["written"] == 1
    (agency,) = rep["agencies"]
    assert agency["counts"]["invalid"] == 0
    assert openpyxl.load_workbook(merged)["Biểu 01"].cell(4, 5).value == 10120.5
    text = run_cli("collect", master, tmp_path / "tc.xlsx", "-o", tmp_path / "m2.xlsx").stdout
    assert "viết theo kiểu tiếng Anh" in text and "đã hiểu là 10.120,5" in text
    assert read_workbook(merged).indicators[0].result == Decimal("10120.5")
