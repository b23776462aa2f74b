"""A count under a reduction (core.direction UNCLEAR_START, judged «Không đánh giá») is worded without a verb that
tells a direction: never «đạt 100 vụ» nor «còn 40 người»; a plan says «kế hoạch», a result «thực hiện». Expected
sentences written by hand."""
from __future__ import annotations

import openpyxl

from kh_excel.api import read_workbook
from kh_excel.core.attainment import evaluate
from kh_excel.docs.wording import plan_sentence, result_brief, result_phrase


def _assessments(tmp_path, direction=None):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Thực hiện năm 2026", "Thực hiện năm 2025",
               "Cơ quan chủ trì"] + (["Chiều"] if direction else []))
    rows = (["1", "Kéo giảm tai nạn giao thông trên cả 3 tiêu chí", "", "", "", "", "Công an tỉnh"],
            ["-", "Số vụ", "Vụ", 100, 110, 120, ""], ["-", "Số người chết", "Người", 50, 40, 45, ""])
    for r in rows:
        ws.append(r + ([direction.get(r[1], "")] if direction else []))
    wb.save(tmp_path / "t.xlsx")
    return {a.indicator.name: a for a in evaluate(read_workbook(tmp_path / "t.xlsx")).assessments}


def test_an_unclear_row_is_worded_neutrally(tmp_path):
    got = _assessments(tmp_path)
    cases, deaths = got["Số vụ"], got["Số người chết"]
    assert cases.status == deaths.status == "khong_danh_gia"
    assert plan_sentence(cases.indicator, "Số vụ") == "Số vụ: kế hoạch 100\u00a0vụ"
    assert plan_sentence(deaths.indicator, "Số người chết") == "Số người chết: kế hoạch 50\u00a0người"
    assert result_phrase(deaths) == "thực hiện 40\u00a0người, kế hoạch 50\u00a0người"
    assert result_phrase(cases) == "thực hiện 110\u00a0vụ, kế hoạch 100\u00a0vụ"
    assert result_brief(deaths) == "(thực hiện 40\u00a0người, kế hoạch 50\u00a0người)"


def test_a_chieu_column_gives_the_verb_back(tmp_path):
    got = _assessments(tmp_path, direction={"Số vụ": "Giảm", "Số người chết": "Giảm"})
    assert plan_sentence(got["Số người chết"].indicator, "Số người chết") == "Số người chết: còn 50\u00a0người"
    assert result_phrase(got["Số người chết"]).startswith("còn 40\u00a0người, kế hoạch 50\u00a0người")
