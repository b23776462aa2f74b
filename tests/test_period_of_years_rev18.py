"""rev18 R18-2, R18-3, R18-13: a table of a period of years (a five-year review, a term's goals) is read and said as
that period's. A result column of the period («Ước thực hiện giai đoạn 2021-2025», «… 5 năm 2021-2025», «… 2021-2025»)
beside a goal that names no year («Chỉ tiêu Nghị quyết Đại hội VII») is judged against it; one beside a year's plan is
not read, and check says so; a title naming the period dates the table, never today; a term's goals («Mục tiêu đến năm
2025» under «… TRONG NHIỆM KỲ 2020-2025») are said «nhiệm kỳ 2020-2025», never «năm 2025» nor «nhiệm kỳ giai đoạn».
Expected values are read off the rows below by hand."""
from __future__ import annotations

from datetime import date

import pytest

from kh_excel.api import read_workbook
from kh_excel.core.attainment import evaluate
from kh_excel.core.model import Grid
from kh_excel.core.periods import of_table
from kh_excel.docs.context import build_context
from kh_excel.docs.period import subject_of

TODAY = date(2026, 12, 3)
FIVE_YEARS_TITLE = "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU 5 NĂM 2021-2025 THEO NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ TỈNH LẦN THỨ VII"


def _grid(title: str, plan: str, result: str | None, rows: list[list], top: str = "UBND TỈNH BÀ RỊA - VŨNG TÀU") -> Grid:
    head = ["STT", "Chỉ tiêu", "Đơn vị tính", plan] + ([result] if result else [])
    body = [r if result else r[:4] for r in rows]
    return Grid(sheet="Biểu 01", rows=[[top], [title], head, *body], merged=[], number_formats={})


# in/clean/17 of rev18 (Bà Rịa - Vũng Tàu, 2021-2025), with one row more that falls short
REVIEW = [
    ["1", "Tốc độ tăng GRDP (trừ dầu thô và khí đốt) bình quân hằng năm", "%", 7.6, 7.6],
    ["2", "GRDP bình quân đầu người (trừ dầu thô và khí đốt) năm 2025", "USD/người/năm", 10370, 10370],
    ["3", "Tỷ lệ lao động qua đào tạo năm 2025", "%", 80, 76.5],
]


@pytest.mark.parametrize("result", ["Ước thực hiện giai đoạn 2021-2025", "Ước thực hiện 5 năm 2021-2025",
                                    "Ước thực hiện 2021-2025", "Thực hiện giai đoạn 2021-2025"])
def test_a_periods_result_beside_a_goal_of_no_year_is_judged_against_it(result):
    table = read_workbook(_grid(FIVE_YEARS_TITLE, "Chỉ tiêu Nghị quyết Đại hội VII", result, REVIEW))
    assert table.columns["result"] == 4 and table.year == 2025
    assert not [f for f in table.reader_findings if f.code == "result_left_out"]
    status = {a.indicator.stt: a.status for a in evaluate(table).assessments}
    # 7,6 of 7,6 and 10.370 of 10.370: met exactly; 76,5 of 80 (higher is better): short
    assert status == {"1": "dat", "2": "dat", "3": "khong_dat"}
    per = of_table(table, table.year)
    assert per.years == "2021-2025" and per.whole() == "giai đoạn 2021-2025"
    for kind in ("bao-cao", "ke-hoach"):
        ctx = build_context(table, None, kind, today=TODAY)
        said = " ".join(ctx["vb"]["trich_yeu"])
        assert said.endswith("giai đoạn 2021-2025") and "2026" not in said, said


@pytest.mark.parametrize("plan", ["Kế hoạch năm 2026", "Kế hoạch năm"])
def test_a_periods_result_beside_one_years_plan_is_not_read_and_check_says_so(plan):
    """Must NOT pair: a year's plan («Kế hoạch năm 2026», or «Kế hoạch năm» naming the year) is no yardstick of a
    five-year figure; column E is left out, and said, naming the column."""
    table = read_workbook(_grid(FIVE_YEARS_TITLE, plan, "Ước thực hiện giai đoạn 2021-2025", REVIEW))
    assert "result" not in table.columns
    (left,) = [f for f in table.reader_findings if f.code == "result_left_out"]
    assert left.severity == "warning"
    assert "Cột E «Ước thực hiện giai đoạn 2021-2025» có số liệu" in left.message and plan in left.message


def test_a_result_column_of_the_plans_year_is_read_as_before():
    """Must NOT change: «Ước thực hiện năm 2025» under the same goal is read (rev18 17v2), nothing said left out."""
    table = read_workbook(_grid(FIVE_YEARS_TITLE, "Chỉ tiêu Nghị quyết Đại hội VII", "Ước thực hiện năm 2025", REVIEW))
    assert table.columns["result"] == 4
    assert not [f for f in table.reader_findings if f.code == "result_left_out"]


def test_a_title_naming_a_period_dates_the_table_never_today():
    """«… 5 NĂM 2021-2025» over «Mục tiêu» alone: the period's last year, 2025, and the period said; a title of one
    year beside the period («… NĂM 2025 VÀ GIAI ĐOẠN 2021-2025») names no period alone: its columns decide."""
    table = read_workbook(_grid(FIVE_YEARS_TITLE, "Mục tiêu", None, REVIEW))
    assert table.year == 2025
    ctx = build_context(table, None, "ke-hoach", today=TODAY)
    assert " ".join(ctx["vb"]["trich_yeu"]).endswith("giai đoạn 2021-2025")
    mixed = read_workbook(_grid("KẾ HOẠCH NĂM 2025 VÀ GIAI ĐOẠN 2021-2025", "Kế hoạch", None, REVIEW))
    assert mixed.year is None


# in/clean/09 of rev18 (Như Xuân): a term's goals «đến năm 2025»
TERM = [
    ["1", "Tổng huy động vốn đầu tư phát triển thời kỳ 2021-2025", "Tỷ đồng", 5000],
    ["2", "Thu nhập bình quân đầu người/năm đến năm 2025", "Triệu đồng", 60],
]


def test_a_terms_goals_are_said_as_the_term_never_one_year():
    table = read_workbook(_grid("CÁC CHỈ TIÊU CHỦ YẾU TRONG NHIỆM KỲ 2020-2025", "Mục tiêu đến năm 2025", None, TERM,
                                top="ỦY BAN NHÂN DÂN HUYỆN NHƯ XUÂN"), plan=True)
    per = of_table(table, table.year)
    assert per.whole() == "nhiệm kỳ 2020-2025"
    ctx = build_context(table, None, "ke-hoach", today=TODAY)
    said = " ".join(ctx["vb"]["trich_yeu"])
    assert said.endswith("chủ yếu nhiệm kỳ 2020-2025") and "năm 2025" not in said and "giai đoạn" not in said, said


def test_one_years_plan_under_a_terms_title_stays_that_years():
    """Must NOT fire: «Kế hoạch năm 2025» is one year's plan, whatever the title's term."""
    table = read_workbook(_grid("CÁC CHỈ TIÊU CHỦ YẾU TRONG NHIỆM KỲ 2020-2025", "Kế hoạch năm 2025", None, TERM),
                          plan=True)
    assert of_table(table, table.year).whole() == "năm 2025"


def test_a_term_named_in_a_column_is_said_once_as_the_term():
    """in/clean/10 of rev18 (Sơn Lang): «Chỉ tiêu nhiệm kỳ 2020-2025» under «… CHỦ YẾU NHIỆM KỲ 2020-2025 XÃ SƠN
    LANG»: «chủ yếu nhiệm kỳ 2020-2025», never «nhiệm kỳ giai đoạn»; «giai đoạn» where the table says so."""
    assert subject_of("CÁC CHỈ TIÊU CHỦ YẾU NHIỆM KỲ 2020-2025 XÃ SƠN LANG, HUYỆN KBANG", False) == "chủ yếu"
    assert subject_of("CÁC CHỈ TIÊU CHỦ YẾU TRONG NHIỆM KỲ 2020-2025", False) == "chủ yếu"
    table = read_workbook(_grid("CÁC CHỈ TIÊU CHỦ YẾU NHIỆM KỲ 2020-2025 XÃ SƠN LANG, HUYỆN KBANG",
                                "Chỉ tiêu nhiệm kỳ 2020-2025", None, TERM, top="ĐẢNG BỘ XÃ SƠN LANG"), plan=True)
    ctx = build_context(table, None, "ke-hoach", today=TODAY)
    said = " ".join(ctx["vb"]["trich_yeu"])
    assert said.endswith("các chỉ tiêu chủ yếu nhiệm kỳ 2020-2025") and "giai đoạn" not in said, said
    other = read_workbook(_grid("CÁC CHỈ TIÊU CHỦ YẾU", "Mục tiêu giai đoạn 2021-2025", None, TERM), plan=True)
    assert of_table(other, other.year).whole() == "giai đoạn 2021-2025"


def test_a_congress_subject_naming_the_term_says_it_once():
    """«CHỈ TIÊU NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ XÃ BẢO HÀ LẦN THỨ I, NHIỆM KỲ 2025-2030» over «Mục tiêu đến năm 2030»:
    the term once, never «nhiệm kỳ 2025-2030 nhiệm kỳ 2025-2030» nor «năm 2030»."""
    title = "CHỈ TIÊU NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ XÃ BẢO HÀ LẦN THỨ I, NHIỆM KỲ 2025-2030"
    table = read_workbook(_grid(title, "Mục tiêu đến năm 2030", None, TERM, top="UBND XÃ BẢO HÀ"), plan=True)
    said = " ".join(build_context(table, None, "ke-hoach", today=TODAY)["vb"]["trich_yeu"])
    assert said.count("nhiệm kỳ 2025-2030") == 1 and "năm 2030" not in said, said


def test_a_years_result_under_a_periods_title_is_said_as_that_years():
    """Must NOT fire (rev18 17v2): «Ước thực hiện năm 2025» under «… 5 NĂM 2021-2025» is the year's estimate, judged
    and said as read («ước thực hiện cả năm 2025»), never called the period's."""
    table = read_workbook(_grid(FIVE_YEARS_TITLE, "Chỉ tiêu Nghị quyết Đại hội VII", "Ước thực hiện năm 2025", REVIEW))
    assert of_table(table, table.year).years == ""
