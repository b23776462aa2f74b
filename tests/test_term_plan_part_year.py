"""A plan document of a term whose result column is a part of its last year («Ước thực hiện 9 tháng năm 2025» beside
«Mục tiêu đến năm 2025» under «… NHIỆM KỲ 2021-2025») said its plan was «năm 2025» (the result's year): it is the
term's, as the plan column and the title name it; the report keeps naming the part of the year."""
from __future__ import annotations

from datetime import date

import openpyxl
import pytest

from kh_excel.api import read_workbook
from kh_excel.core.model import Grid
from kh_excel.core.periods import of_table
from kh_excel.docs.context import build_context

from helpers import docx_paragraphs, run_cli

TODAY = date(2026, 12, 3)


# ----------------------------------------------- 3. a term's plan beside a part of its last year

def _term_grid(plan: str, result: str, title: str = "CÁC CHỈ TIÊU CHỦ YẾU NHIỆM KỲ 2021-2025") -> Grid:
    return Grid("Biểu", [["UBND XÃ SƠN HÀ"], [title],
                         ["STT", "Chỉ tiêu", "Đơn vị tính", plan, result, "Cơ quan chủ trì"],
                         ["1", "Thu nhập bình quân đầu người", "Triệu đồng", 45, 42, "UBND xã"],
                         ["2", "Tỷ lệ hộ nghèo", "%", 3, 2.5, "UBND xã"]])


@pytest.mark.parametrize("plan, result, title, said", [
    ("Mục tiêu đến năm 2025", "Ước thực hiện 9 tháng năm 2025", "CÁC CHỈ TIÊU CHỦ YẾU NHIỆM KỲ 2021-2025",
     "nhiệm kỳ 2021-2025"),
    ("Mục tiêu giai đoạn 2021-2025", "Thực hiện 6 tháng năm 2025", "CÁC CHỈ TIÊU CHỦ YẾU", "giai đoạn 2021-2025"),
    ("Mục tiêu nhiệm kỳ 2021-2025", "Thực hiện quý III năm 2025", "CÁC CHỈ TIÊU CHỦ YẾU", "nhiệm kỳ 2021-2025"),
])
def test_a_terms_plan_document_says_the_term_not_the_results_year(plan, result, title, said):
    table = read_workbook(_term_grid(plan, result, title), plan=True)
    assert table.year == 2025 and of_table(table, 2025, plan=True).whole() == said
    for kind in ("ke-hoach", "chuong-trinh"):
        ctx = build_context(table, None, kind, today=TODAY)
        heading = " ".join(ctx["vb"]["trich_yeu"])
        assert heading.endswith(said) and "năm 2025" not in heading, heading


def test_the_report_still_names_the_part_of_the_year():
    """Must NOT change: the report of the same table says its figures' period, «ước thực hiện 9 tháng năm 2025»."""
    table = read_workbook(_term_grid("Mục tiêu đến năm 2025", "Ước thực hiện 9 tháng năm 2025"))
    assert of_table(table, 2025).words() == "ước thực hiện 9 tháng năm 2025"
    heading = " ".join(build_context(table, None, "bao-cao", today=TODAY)["vb"]["trich_yeu"])
    assert heading.endswith("ước 9 tháng năm 2025"), heading


def test_a_years_plan_beside_a_part_of_its_year_stays_the_years():
    """Must NOT change: «Kế hoạch năm 2025 | Ước thực hiện 9 tháng năm 2025» is a plan of the year 2025."""
    table = read_workbook(_term_grid("Kế hoạch năm 2025", "Ước thực hiện 9 tháng năm 2025", "CÁC CHỈ TIÊU NĂM 2025"),
                          plan=True)
    heading = " ".join(build_context(table, None, "ke-hoach", today=TODAY)["vb"]["trich_yeu"])
    assert heading.endswith("năm 2025"), heading


def test_a_terms_plan_document_paragraphs(tmp_path):
    """The rendered plan: «Phấn đấu thực hiện các chỉ tiêu chủ yếu nhiệm kỳ 2021-2025 như sau:», never «năm 2025»."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Biểu"
    for row in _term_grid("Mục tiêu đến năm 2025", "Ước thực hiện 9 tháng năm 2025").rows:
        ws.append(row)
    path = tmp_path / "t.xlsx"
    wb.save(path)
    made = run_cli("render", "ke-hoach", path, "-o", tmp_path / "kh.docx")
    assert made.returncode == 0, made.stderr
    text = "\n".join(docx_paragraphs(tmp_path / "kh.docx"))
    assert "Phấn đấu thực hiện các chỉ tiêu chủ yếu nhiệm kỳ 2021-2025 như sau:" in text
    assert "chỉ tiêu chủ yếu năm 2025" not in text
