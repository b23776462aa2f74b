"""Documents and summaries say the period and the kind of figure a table holds: the attainment summary began «Năm
2026, …» for a 6-month table, and a table «Kế hoạch năm 2026 | Ước thực hiện năm 2026» was titled «Kết quả thực hiện …
năm 2026», as if the year were closed. An estimate is named as the seeds name it («ước thực hiện», WRITING.md), the
6 months as «6 tháng đầu năm 2026». Expected texts are decided by hand from the tables built here."""
from __future__ import annotations

import openpyxl
import pytest

from kh_excel.api import read_workbook
from kh_excel.core.attainment import evaluate
from kh_excel.core.model import Grid
from kh_excel.core.periods import of_table

from helpers import docx_paragraphs, run_cli

ROWS = [["1", "Giá trị sản xuất nông nghiệp", "Tỷ đồng", 1000, 1050],
        ["2", "Thu ngân sách nhà nước", "Tỷ đồng", 100, 96],
        ["3", "Tỷ lệ hộ nghèo", "%", 5, 4.6]]


def _rows(title: str, heads: list[str]) -> list[list]:
    return [["UBND HUYỆN BẮC HÀ"], [title], ["STT", "Chỉ tiêu", "ĐVT", *heads]] + [list(r) for r in ROWS]


def _table(title: str, heads: list[str]):
    return read_workbook(Grid("Biểu 01", _rows(title, heads)), file="t.xlsx")


@pytest.mark.parametrize("title,heads,lead", [
    ("CÁC CHỈ TIÊU NĂM 2026", ["Kế hoạch năm 2026", "Ước thực hiện năm 2026"], "Ước thực hiện cả năm 2026, có 2/3 "),
    ("CÁC CHỈ TIÊU NĂM 2026", ["Kế hoạch năm 2026", "Thực hiện năm 2026"], "Năm 2026, có 2/3 "),
    ("CÁC CHỈ TIÊU NĂM 2026", ["Kế hoạch năm 2026", "Thực hiện 6 tháng năm 2026"], "6 tháng đầu năm 2026, có 3 chỉ tiêu"),
    ("CÁC CHỈ TIÊU NĂM 2026", ["Kế hoạch năm 2026", "Thực hiện 6 tháng cuối năm 2026"], "6 tháng cuối năm 2026, có 3 "),
    ("CÁC CHỈ TIÊU NĂM 2026", ["Kế hoạch năm 2026", "Thực hiện 9 tháng năm 2026"], "9 tháng năm 2026, có 3 chỉ tiêu"),
    ("CÁC CHỈ TIÊU NĂM 2026", ["Kế hoạch năm 2026", "Ước thực hiện 6 tháng năm 2026"],
     "Ước thực hiện 6 tháng đầu năm 2026, có 3 chỉ tiêu"),
    # an estimate up to no readable end is no estimate of the whole year
    ("CÁC CHỈ TIÊU NĂM 2026", ["Kế hoạch năm 2026", "Ước thực hiện đến nay"], "Năm 2026, có 3 chỉ tiêu"),
    # the year from the title where no column names one
    ("KẾT QUẢ THỰC HIỆN 6 THÁNG ĐẦU NĂM 2026", ["Kế hoạch 6 tháng", "Thực hiện"], "6 tháng đầu năm 2026, có 2/3 "),
])
def test_the_attainment_summary_names_the_period_and_the_kind_of_figure(title, heads, lead):
    sentence = evaluate(_table(title, heads)).summary.sentence
    assert sentence.startswith(lead), sentence


def test_a_years_estimate_is_no_closed_year_in_the_title():
    est = of_table(_table("CÁC CHỈ TIÊU NĂM 2026", ["Kế hoạch năm 2026", "Ước thực hiện năm 2026"]), 2026)
    assert est.trich_yeu() == "Tình hình thực hiện các chỉ tiêu kinh tế - xã hội chủ yếu ước cả năm 2026"
    assert est.lead() == "Ước thực hiện cả năm 2026"
    six = of_table(_table("CÁC CHỈ TIÊU NĂM 2026", ["Kế hoạch 6 tháng năm 2026", "Ước thực hiện 6 tháng năm 2026"]), 2026)
    assert six.trich_yeu() == "Tình hình thực hiện các chỉ tiêu kinh tế - xã hội chủ yếu ước 6 tháng đầu năm 2026"
    done = of_table(_table("CÁC CHỈ TIÊU NĂM 2026", ["Kế hoạch năm 2026", "Thực hiện năm 2026"]), 2026)
    assert done.trich_yeu() == "Kết quả thực hiện các chỉ tiêu kinh tế - xã hội chủ yếu năm 2026"


def test_the_signed_report_of_an_estimate_says_so_in_its_title_and_opening(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Biểu 01"
    for row in _rows("CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026", ["Kế hoạch năm 2026", "Ước thực hiện năm 2026"]):
        ws.append(row)
    src, out = tmp_path / "uoc.xlsx", tmp_path / "bc.docx"
    wb.save(src)
    proc = run_cli("render", "bao-cao", src, "-o", out)
    assert proc.returncode == 0, proc.stderr
    text = "\n".join(docx_paragraphs(out))
    assert "Tình hình thực hiện các chỉ tiêu kinh tế - xã hội chủ yếu ước cả năm 2026" in text
    assert "báo cáo tình hình thực hiện các chỉ tiêu kinh tế - xã hội chủ yếu ước cả năm 2026 như sau:" in text
    assert "Ước thực hiện cả năm 2026, có 2/3 chỉ tiêu đạt và vượt kế hoạch" in text
    # neither the title nor the appendix's speaks of a closed year (the body's heading «I. KẾT QUẢ …» is every report's)
    assert "chủ yếu năm 2026" not in text.lower()
    assert "TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU ƯỚC CẢ NĂM 2026" in text  # the appendix
