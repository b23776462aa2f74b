"""rev19 N-1 and N-6: a term's table is judged and dated truthfully.

N-1: under a title naming a term («NHIỆM KỲ 2020-2025»), the goal up to its end («Mục tiêu đến năm 2025») judges the
result column naming that term («Ước thực hiện giai đoạn 2020-2025»): the report and the notice were refused «không có
cột kết quả thực hiện». N-6: a plan of a period of years is never dated the period's last year, and no plan document
is made from a table that already judges the period's plan (a five-year review). Every table is built here; expected
statuses and figures are worked out by hand in the comments.
"""
from __future__ import annotations

import re
from datetime import date

import pytest

from helpers import docx_paragraphs
from kh_excel.api import read_workbook
from kh_excel.core.attainment import evaluate
from kh_excel.core.gate import Refused, gate
from kh_excel.core.model import Grid
from kh_excel.docs import kinds
from kh_excel.docs.context import build_context
from kh_excel.docs.render import render_docx, resolve_template
from kh_excel.io.workbook import ChoiceAmbiguous

TODAY = date(2026, 12, 3)
TERM_TITLE = "NHIỆM KỲ 2020-2025"
KH = "Phòng Tài chính - Kế hoạch"
# Sheet rows 5.. (issuer, title, term on rows 1-3, header on row 4)
ROWS = [
    ["1", "Thu nhập bình quân đầu người", "Triệu đồng", 50, 52, KH],   # 52 > 50, more is better: vượt (104,0%)
    ["2", "Tỷ lệ hộ nghèo", "%", "Dưới 5", 4.2, KH],                    # 4,2 under the ceiling 5: đạt
    ["3", "Số xã đạt chuẩn nông thôn mới", "Xã", 10, 9, KH],            # 9 of 10: không đạt (90,0%)
]
STATUS = {"1": "vuot", "2": "dat", "3": "khong_dat"}


def _grid(plan: str, results: list[str], rows: list[list], title: str = TERM_TITLE,
          extra: list[list] | None = None) -> Grid:
    """A term table of Như Xuân (rev19 new/n9b, n6b): one or more result columns between the plan and the agency;
    `extra` holds each row's figures of the result columns after the first."""
    head = ["STT", "Chỉ tiêu", "Đơn vị tính", plan, *results, "Cơ quan thực hiện"]
    body = [r[:5] + (extra[i] if extra else []) + r[5:] for i, r in enumerate(rows)]
    return Grid(sheet="Biểu 01", rows=[["HUYỆN ỦY NHƯ XUÂN"], ["KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NGHỊ QUYẾT ĐẠI HỘI"],
                                      [title], head, *body])


def _document(table, kind: str, tmp_path) -> str:
    checked = gate(table, report=kinds.is_report(kind))
    ctx = build_context(checked.attainment, None, kind, today=TODAY)
    out = render_docx(resolve_template(kind), ctx, tmp_path / f"{kind}.docx")
    return "\n".join(docx_paragraphs(out)).replace("\u00a0", " ")  # (a figure and its unit are kept on one line)


def test_a_result_naming_the_term_is_judged_against_the_terms_goal(tmp_path):
    """rev19 new/n9b: «Mục tiêu đến năm 2025 | Ước thực hiện giai đoạn 2020-2025» under «NHIỆM KỲ 2020-2025». The
    result column names exactly the term whose goal the plan column is (as ke-hoach already read it): judged, and the
    report and the notice are made, of «nhiệm kỳ 2020-2025» as the table names it."""
    table = read_workbook(_grid("Mục tiêu đến năm 2025", ["Ước thực hiện giai đoạn 2020-2025"], ROWS))
    assert table.columns["result"] == 4 and table.year == 2025
    assert not [f for f in table.reader_findings if f.code == "result_left_out"]
    assert {a.indicator.stt: a.status for a in evaluate(table).assessments} == STATUS
    for kind in ("bao-cao", "thong-bao"):
        text = _document(table, kind, tmp_path)  # (main: Refused, «không có cột kết quả thực hiện»)
        # the term as the table names it; «năm 2025» only in «đến năm 2025» and the report's date (signed at the end)
        said = re.sub(r"tháng\s+năm 2025", "", text.replace("đến năm 2025", ""))
        assert "nhiệm kỳ 2020-2025" in text and "năm 2025" not in said, said
    report = _document(table, "bao-cao", tmp_path)
    # 52 of 50: 52 / 50 = 104,0%; 9 of 10: 90,0%
    assert "ước thực hiện 52 triệu đồng, kế hoạch 50 triệu đồng, đạt 104,0% kế hoạch" in report
    assert "ước thực hiện 9 xã, kế hoạch 10 xã, đạt 90,0% kế hoạch" in report


def test_the_five_year_plan_of_a_terms_congress_is_judged_and_named_as_written(tmp_path):
    """rev19 new/n6b: «Ước thực hiện giai đoạn 2021-2025» under «NHIỆM KỲ 2020-2025», beside «Thực hiện năm 2023».

    Paired, on purpose: a Party congress held in 2020 opens the term 2020-2025 and sets the goals of the State's
    five-year plan 2021-2025, written «Mục tiêu đến năm 2025»; a goal reached by 2025 is the same goal whichever
    first year the period is counted from, and both the goal and the estimate stand at the end of 2025. The figures are
    then said as the column names them, «giai đoạn 2021-2025», never «giai đoạn 2020-2025» nor «nhiệm kỳ 2021-2025»
    (periods nobody wrote). «Thực hiện năm 2023» is one year's: compared with nothing (a period's figure is compared
    with no single year), so no «tăng … so với năm 2023»."""
    table = read_workbook(_grid("Mục tiêu đến năm 2025", ["Thực hiện năm 2023", "Ước thực hiện giai đoạn 2021-2025"],
                                [r[:4] + [r[4] - 5] + r[5:] for r in ROWS], extra=[[r[4]] for r in ROWS]))
    assert table.columns["result"] == 5 and "previous" not in table.columns
    assert {a.indicator.stt: a.status for a in evaluate(table).assessments} == STATUS
    text = _document(table, "bao-cao", tmp_path)
    assert "giai đoạn 2021-2025" in text
    for invented in ("giai đoạn 2020-2025", "nhiệm kỳ 2021-2025", "so với năm 2023", "năm 2023"):
        assert invented not in text, invented


@pytest.mark.parametrize("result", ["Thực hiện năm 2024", "Ước thực hiện năm 2024"])
def test_one_years_result_under_the_term_stays_refused(result):
    """Must NOT fire (rev19 new/n6): a result of 2024 under the term: there is no plan of 2024, the report is refused
    naming it, as before."""
    table = read_workbook(_grid("Mục tiêu đến năm 2025", [result], ROWS))
    assert "result" not in table.columns
    with pytest.raises(Refused, match="không có kế hoạch năm 2024"):
        gate(table, report=True)


@pytest.mark.parametrize("plan, result, title", [
    # a period ending another year than the term: the term before's results
    ("Mục tiêu đến năm 2025", "Thực hiện giai đoạn 2016-2020", TERM_TITLE),
    # a year's plan is no yardstick of a period's figure
    ("Kế hoạch năm 2025", "Ước thực hiện giai đoạn 2020-2025", TERM_TITLE),
    # no title naming the term: «đến năm 2025» may be a longer strategy's goal, nothing says it is the period's
    ("Mục tiêu đến năm 2025", "Ước thực hiện giai đoạn 2020-2025", "BIỂU TỔNG HỢP"),
])
def test_a_period_result_the_goal_is_not_of_is_left_out_and_said(plan, result, title):
    """Must NOT pair: the column is left out and check says so (result_left_out), the report refused as before."""
    table = read_workbook(_grid(plan, [result], ROWS, title=title))
    assert "result" not in table.columns
    (left,) = [f for f in table.reader_findings if f.code == "result_left_out"]
    assert f"Cột E «{result}» có số liệu" in left.message
    with pytest.raises(Refused):
        gate(table, report=True)


def test_two_estimates_of_the_term_are_never_chosen_between():
    """Two estimates beside the term's goal, one counted from 2020, one from 2021: never one chosen silently; refused
    naming both columns, as two results of one year are, until --period names one."""
    grid = _grid("Mục tiêu đến năm 2025", ["Ước thực hiện giai đoạn 2021-2025", "Ước thực hiện giai đoạn 2020-2025"],
                 ROWS, extra=[[r[4]] for r in ROWS])
    with pytest.raises(ChoiceAmbiguous, match="cột E «Ước thực hiện giai đoạn 2021-2025», cột F"):
        read_workbook(grid)
    table = read_workbook(grid, period="Ước thực hiện giai đoạn 2020-2025")
    assert table.columns["result"] == 5


# ---- N-6: a plan of a period of years is dated truthfully, and never made from the period's own review

def _plan_grid(title: str, plan: str, top: str = "ỦY BAN NHÂN DÂN HUYỆN NHƯ XUÂN") -> Grid:
    """A term's goals alone (rev18 in/09, Như Xuân): plan column, no result."""
    head = ["STT", "Chỉ tiêu", "Đơn vị tính", plan, "Cơ quan thực hiện"]
    return Grid(sheet="Biểu 01", rows=[[top], [title], head, *(r[:4] + r[5:] for r in ROWS)])


def _plan_context(table, kind: str = "ke-hoach", today: date = TODAY) -> dict:
    checked = gate(table, report=kinds.is_report(kind))
    return build_context(checked.attainment, None, kind, today=today)


@pytest.mark.parametrize("kind", ["ke-hoach", "chuong-trinh"])
def test_a_terms_plan_is_never_dated_the_terms_last_year(kind):
    """rev18 in/09 rendered on 3/12/2026: the plan of «nhiệm kỳ 2020-2025» was dated «năm 2025», its last year, when
    it is done with. A plan is signed before or at its period's start; which day, and even which year (late 2020 or
    2021), the table does not say: the year is left blank for the signer, as the day and month are, in the date line
    and in «Kèm theo …». The plan is of its time: the district's own recipients, no «cấp huyện không còn» gap."""
    table = read_workbook(_plan_grid("CÁC CHỈ TIÊU CHỦ YẾU TRONG NHIỆM KỲ 2020-2025", "Mục tiêu đến năm 2025"),
                          plan=True)
    ctx = _plan_context(table, kind)
    blank = "\u00a0" * 5
    assert ctx["vb"]["ngay"] == f"ngày{blank}tháng{blank}năm {blank}"  # (main: «… năm 2025»)
    assert f"năm {blank} của" in ctx["pl"]["kem_theo"] and "2025" not in ctx["pl"]["kem_theo"]
    assert "nhiệm kỳ 2020-2025" in " ".join(ctx["vb"]["trich_yeu"])
    said = " ".join(map(str, ctx["noi_nhan"]))
    assert "Thường trực Huyện ủy" in said and "[" not in said, said  # the district of 2020, no gap of levels


@pytest.mark.parametrize("today, year", [(date(2026, 12, 3), "2026"), (date(2025, 11, 20), "2025")])
def test_a_plan_of_a_period_not_yet_begun_is_dated_today(today, year):
    """Must NOT change: the plan of 2026-2030 drafted in 2026 (its first year) or late 2025 (before it) is dated
    today's year, as before: it is signed now."""
    table = read_workbook(_plan_grid("CÁC CHỈ TIÊU CHỦ YẾU NHIỆM KỲ 2025-2030", "Mục tiêu giai đoạn 2026-2030"),
                          plan=True)
    assert _plan_context(table, today=today)["vb"]["ngay"].endswith(f"năm {year}")


def test_one_years_plan_and_a_periods_report_keep_their_year(tmp_path):
    """Must NOT change: «Kế hoạch năm 2025» under the term's title is one year's plan, dated 2025; the report of the
    term's results (signed at its end) is dated 2025."""
    table = read_workbook(_plan_grid("CÁC CHỈ TIÊU CHỦ YẾU TRONG NHIỆM KỲ 2020-2025", "Kế hoạch năm 2025"), plan=True)
    assert _plan_context(table)["vb"]["ngay"].endswith("năm 2025")
    report = read_workbook(_grid("Mục tiêu đến năm 2025", ["Ước thực hiện giai đoạn 2020-2025"], ROWS))
    assert _plan_context(report, "bao-cao")["vb"]["ngay"].endswith("năm 2025")


REVIEW_TITLE = "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU 5 NĂM 2021-2025 THEO NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ TỈNH LẦN THỨ VII"


@pytest.mark.parametrize("plan, result, title, period", [
    # rev18 in/17 (Bà Rịa - Vũng Tàu): the five-year review
    ("Chỉ tiêu Nghị quyết Đại hội VII", "Ước thực hiện giai đoạn 2021-2025", REVIEW_TITLE, "giai đoạn 2021-2025"),
    # rev18 in/17v2: the period's last year, against which the period's goal is judged
    ("Chỉ tiêu Nghị quyết Đại hội VII", "Ước thực hiện năm 2025", REVIEW_TITLE, "giai đoạn 2021-2025"),
    # rev19 new/n9b: the term's results
    ("Mục tiêu đến năm 2025", "Ước thực hiện giai đoạn 2020-2025", TERM_TITLE, "nhiệm kỳ 2020-2025"),
    # a plan naming its period
    ("Mục tiêu giai đoạn 2021-2025", "Thực hiện giai đoạn 2021-2025", "BIỂU TỔNG HỢP", "giai đoạn 2021-2025"),
])
def test_no_plan_document_from_the_review_of_its_own_period(plan, result, title, period):
    """per5's left-over: ke-hoach of the five-year review said «Kế hoạch thực hiện … giai đoạn 2021-2025», setting as
    goals to reach what the table reports as reached, when the period is over. Decided: refused (exit 2), saying why
    and what to make instead; a report of the same table is made."""
    table = read_workbook(_grid(plan, [result], ROWS, title=title), plan=True)
    with pytest.raises(Refused) as refused:  # (main: a plan document «giai đoạn 2021-2025» dated «năm 2025»)
        gate(table, report=False)
    assert refused.value.code == 2
    message = refused.value.reason
    assert f"cột «{result}» là số thực hiện đến cuối kỳ mà cột kế hoạch «{plan}» đặt mục tiêu ({period})" in message
    assert "tạo báo cáo kết quả (bao-cao)" in message and "«Mục tiêu giai đoạn 2026-2030»" in message
    gate(read_workbook(_grid(plan, [result], ROWS, title=title)), report=True)  # the report: made


@pytest.mark.parametrize("result, figures", [
    ("Thực hiện năm 2024", True),                 # mid-term: the term's plan still runs (rev19 new/n6)
    ("Thực hiện 6 tháng năm 2025", True),         # a part of its last year: not yet judged
    ("Ước thực hiện giai đoạn 2020-2025", False),  # a column for the results to come, empty
])
def test_a_plan_still_running_is_made(result, figures):
    """Must NOT refuse: the table's results do not yet judge the term's plan; the plan document is made."""
    rows = ROWS if figures else [r[:4] + [None] + r[5:] for r in ROWS]
    table = read_workbook(_grid("Mục tiêu đến năm 2025", [result], rows), plan=True)
    assert _plan_context(table)["vb"]["trich_yeu"]


def test_a_plans_table_over_the_figures_it_starts_from_is_no_review():
    """Must NOT refuse: «KẾ HOẠCH … 5 NĂM 2026-2030» over «Thực hiện | Mục tiêu»: a plan's title, its «Thực hiện» naming
    no year is what the plan builds on, not the period's result; the plan document is made."""
    head = ["STT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện", "Mục tiêu", "Cơ quan thực hiện"]
    table = read_workbook(Grid(sheet="Biểu 01", rows=[
        ["ỦY BAN NHÂN DÂN HUYỆN NHƯ XUÂN"], ["KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI 5 NĂM 2026-2030"], head,
        *(r[:3] + [r[4], r[3]] + r[5:] for r in ROWS)]), plan=True)
    assert gate(table, report=False).attainment.assessments


def _form_text(table) -> str:
    from kh_excel.collect.forms import agency_rows, build_form
    ws = build_form(table, agency_rows(table)[0]).active
    return " | ".join(str(v) for row in ws.iter_rows(values_only=True) for v in row if v is not None)


def test_a_terms_form_names_the_goal_and_result_as_the_master_does():
    """forms of a term's master (rev19 new/n9b): the goal column headed «Mục tiêu đến năm 2025» as the master writes
    it (main: «Kế hoạch năm 2025», one year's plan nobody wrote) and the term's own result column asked for (main:
    «Thực hiện năm 2025», a column the master does not have); a year's plan keeps its year (must NOT change)."""
    term = _form_text(read_workbook(_grid("Mục tiêu đến năm 2025", ["Ước thực hiện giai đoạn 2020-2025"], ROWS)))
    assert "Mục tiêu đến năm 2025" in term and "Ước thực hiện giai đoạn 2020-2025" in term
    assert "Kế hoạch năm 2025" not in term and "Thực hiện năm 2025" not in term
    goals = _form_text(read_workbook(_plan_grid("CÁC CHỈ TIÊU CHỦ YẾU TRONG NHIỆM KỲ 2020-2025",
                                                "Mục tiêu đến năm 2025")))
    assert "Mục tiêu đến năm 2025" in goals and "Kế hoạch năm 2025" not in goals
    year = _form_text(read_workbook(_plan_grid("CÁC CHỈ TIÊU CHỦ YẾU TRONG NHIỆM KỲ 2020-2025", "Kế hoạch năm 2025")))
    assert "Kế hoạch năm 2025" in year


def test_a_mid_term_year_is_not_judged_against_the_periods_goal_beside_the_periods_result():
    """Under «… 5 NĂM 2021-2025», «Chỉ tiêu Nghị quyết Đại hội VII | Thực hiện năm 2023 | Ước thực hiện giai đoạn
    2021-2025»: main judged 2023's figures against the five-year goal and left the period's estimate out unsaid. The
    goal judges the period's result (F), as STATUS works out; 2023 (47 of 50, 5,5% over the ceiling 5, 7 of 10: all
    three short) is compared with nothing. Beside the end year's column («Ước thực hiện năm 2025») the goal judges the
    period's column too (rev22 R22-14: refused as «2 cột kết quả cùng kỳ», a year's and a period's are two periods):
    F read, the same STATUS, nothing refused."""
    year_2023 = [[47], [5.5], [7]]
    table = read_workbook(_grid("Chỉ tiêu Nghị quyết Đại hội VII", ["Thực hiện năm 2023",
                                                                    "Ước thực hiện giai đoạn 2021-2025"],
                                [r[:4] + y + r[5:] for r, y in zip(ROWS, year_2023)], title=REVIEW_TITLE,
                                extra=[[r[4]] for r in ROWS]))
    assert table.columns["result"] == 5 and "previous" not in table.columns  # (main: E, 2023's, judged)
    assert {a.indicator.stt: a.status for a in evaluate(table).assessments} == STATUS
    end = read_workbook(_grid("Chỉ tiêu Nghị quyết Đại hội VII", ["Ước thực hiện năm 2025",
                                                                  "Ước thực hiện giai đoạn 2021-2025"],
                              [r[:4] + y + r[5:] for r, y in zip(ROWS, year_2023)], title=REVIEW_TITLE,
                              extra=[[r[4]] for r in ROWS]))  # (main: ChoiceAmbiguous naming E and F)
    assert end.columns["result"] == 5 and "previous" not in end.columns
    assert {a.indicator.stt: a.status for a in evaluate(end).assessments} == STATUS
