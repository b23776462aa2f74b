"""rev22 R22-5, R22-12, R22-14: years and periods read from real titles and headers.

R22-5: «CÁC CHỈ TIÊU CHỦ YẾU ĐẾN NĂM 2025» over «(Theo Nghị quyết Đại hội …, nhiệm kỳ 2020 - 2025)» names the term
and its end, no other year: the plan is the term's, never today's year. R22-12: a plan of one year is signed before
or at its start (or on the day its title states), so its levels of government are that day's, never the last day of
its year. R22-14: a year's column and a period's column are two periods: a period's goal judges the period's column.
Every table is built here; expected values are decided by hand from the rows, in the comments.
"""
from __future__ import annotations

from datetime import date

import pytest

from kh_excel.api import read_workbook
from kh_excel.core.attainment import evaluate
from kh_excel.core.gate import gate
from kh_excel.core.model import Grid
from kh_excel.core.periods import of_table
from kh_excel.core.table import title_period
from kh_excel.docs import kinds
from kh_excel.docs.context import build_context

TODAY = date(2026, 12, 3)

# ---- R22-5: a title naming the term's end and, on any line, the term

HANOI = "THÀNH ỦY HÀ NỘI"
GOALS = [
    ["1", "GRDP bình quân/người", "USD", "Từ 8.300 đến 8.500"],
    ["2", "Tỷ trọng kinh tế số trong GRDP", "%", "Khoảng 30"],
]


def _goals(title: list[str], plan: str = "Chỉ tiêu Nghị quyết Đại hội XVII") -> Grid:
    return Grid(sheet="Biểu", rows=[[HANOI], *[[t] for t in title], ["STT", "Chỉ tiêu", "Đơn vị tính", plan], *GOALS],
                merged=[], number_formats={})


SUB = "(Theo Nghị quyết Đại hội đại biểu Đảng bộ thành phố Hà Nội lần thứ XVII, nhiệm kỳ {})"


@pytest.mark.parametrize("term", ["2020 - 2025", "2020-2025", "2020–2025"])
@pytest.mark.parametrize("lines", ["two", "one"])
def test_up_to_the_terms_end_and_the_term_date_the_plan_by_the_term(term, lines):
    """in/w10 (Hà Nội, Đại hội XVII): «ĐẾN NĂM 2025» and «nhiệm kỳ 2020 - 2025» name one period, 2020-2025, whose
    last year is 2025 (main: two years, 2020 and 2025, read as «no year»; the plan said «năm 2026», today's)."""
    title = (["CÁC CHỈ TIÊU CHỦ YẾU ĐẾN NĂM 2025", SUB.format(term)] if lines == "two"
             else [f"CÁC CHỈ TIÊU CHỦ YẾU ĐẾN NĂM 2025 NHIỆM KỲ {term}"])
    assert title_period(title) == (2020, 2025)
    table = read_workbook(_goals(title), plan=True)
    assert table.year == 2025
    assert of_table(table, table.year).whole() == "nhiệm kỳ 2020-2025"
    ctx = build_context(gate(table, report=False).attainment, None, "ke-hoach", today=TODAY)
    said = " ".join(ctx["vb"]["trich_yeu"])
    assert said.endswith("chủ yếu nhiệm kỳ 2020-2025") and "2026" not in said, said
    assert not [w for w in ctx["canh_bao"] if "theo ngày hôm nay" in w]


@pytest.mark.parametrize("title", [
    # a year's plan beside the term it carries out: two periods named, the columns decide (as «… NĂM 2025 VÀ GIAI
    # ĐOẠN 2021-2025» already is)
    ["KẾ HOẠCH NĂM 2025", SUB.format("2020 - 2025")],
    # goals up to another year than the term's end: a longer strategy's, not the term's
    ["CÁC CHỈ TIÊU CHỦ YẾU ĐẾN NĂM 2030", SUB.format("2020 - 2025")],
])
def test_another_year_beside_the_term_names_no_period(title):
    """Must NOT fire: only the term's own end, named as what the goals reach («đến năm 2025»), is no other year."""
    assert title_period(title) is None
