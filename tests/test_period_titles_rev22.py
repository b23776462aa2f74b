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


# ---- R22-12: a plan of one year is dated by its start, or by the day its title states

BA_DINH = "UBND QUẬN BA ĐÌNH"
ASSIGNED = [
    ["1", "Tổng thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", 7004.91, 12170, "Chi cục Thuế quận Ba Đình"],
    ["2", "Tỷ lệ thu ngân sách so với dự toán thành phố giao", "%", 106.41, 100, "Chi cục Thuế quận Ba Đình"],
]
DISTRICT = ["Thường trực Quận ủy", "Thường trực HĐND quận", "Chủ tịch, các PCT UBND quận",
            "Các phòng, ban, ngành quận", "UBND các phường"]


def _assigned(top: str, title: list[str], year: int = 2025, result: str | None = None) -> Grid:
    head = ["STT", "Chỉ tiêu", "Đơn vị tính", f"Thực hiện năm {year - 1}", f"Kế hoạch năm {year}", "Cơ quan chủ trì"]
    rows = [list(r) for r in ASSIGNED]
    if result:  # a report of the year: its estimate after the plan
        head.insert(5, result)
        for r in rows:
            r.insert(5, r[4])
    return Grid(sheet="Biểu", rows=[[top], *[[t] for t in title], head, *rows], merged=[], number_formats={})


def _context(grid: Grid, kind: str, agency: str | None = None, today: date = TODAY) -> dict:
    table = read_workbook(grid, plan=not kinds.is_report(kind))
    return build_context(gate(table, report=kinds.is_report(kind)).attainment, None, kind, agency=agency,
                         today=today)


def _recipients(ctx: dict) -> str:
    return " ".join(map(str, ctx["noi_nhan"]))


W03_TITLE = ["CHỈ TIÊU KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2025 GIAO CHO CÁC CƠ QUAN, ĐƠN VỊ",
             "(Kèm theo Quyết định giao chỉ tiêu ngày 20/12/2024 của UBND quận Ba Đình)"]


@pytest.mark.parametrize("title", [W03_TITLE, W03_TITLE[:1]], ids=["title-date", "no-date"])
@pytest.mark.parametrize("kind, agency", [("ke-hoach", None), ("giao-chi-tieu", "Chi cục Thuế quận Ba Đình")])
def test_a_districts_plan_of_2025_is_of_the_district_that_signed_it(title, kind, agency):
    """in/w03 (quận Ba Đình, 2025): signed 20/12/2024 as its title states, or (no date) by 1/1/2025 at the latest,
    both before districts ended on 1/7/2025: the quận's own recipients, no «không còn» warning (main: dated
    31/12/2025, warned and offered a commune's recipients). The date line keeps the plan's year, 2025."""
    ctx = _context(_assigned(BA_DINH, title), kind, agency)
    assert not [w for w in ctx["canh_bao"] if "không còn từ ngày" in w], ctx["canh_bao"]
    said = _recipients(ctx)
    if kind == "ke-hoach":
        assert all(x in said for x in DISTRICT) and "[" not in said, said
    else:
        assert "[" not in said and "xã" not in said, said
    assert ctx["vb"]["ngay"].endswith("năm 2025")


def test_the_report_of_the_same_year_is_still_signed_at_its_end():
    """Must NOT change: a report of 2025 states the year's results, made at its end (31/12/2025, after districts
    ended): warned and given the date's gaps, as before."""
    ctx = _context(_assigned(BA_DINH, W03_TITLE, result="Ước thực hiện năm 2025"), "bao-cao")
    assert [w for w in ctx["canh_bao"] if w.startswith("cấp «quận» không còn từ ngày 01/7/2025 (văn bản tính theo "
                                                          "ngày 31/12/2025)")], ctx["canh_bao"]
    assert "Thường trực Quận ủy" not in _recipients(ctx)


def test_a_districts_plan_of_2026_is_still_warned():
    """Must NOT change: a plan of 2026 is signed by 1/1/2026 at the latest, when no district is left."""
    ctx = _context(_assigned(BA_DINH, ["CHỈ TIÊU KẾ HOẠCH NĂM 2026"], year=2026), "ke-hoach")
    assert [w for w in ctx["canh_bao"] if w.startswith("cấp «quận» không còn từ ngày 01/7/2025")], ctx["canh_bao"]
    assert "Thường trực Quận ủy" not in _recipients(ctx) and ctx["vb"]["ngay"].endswith("năm 2026")


@pytest.mark.parametrize("title, below", [
    # a province's plan of 2025, signed by 1/1/2025: the districts below it then
    ("CHỈ TIÊU KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2025", "UBND các huyện, thị xã, thành phố"),
    # its last 6 months' plan starts on 1/7/2025, when communes are the level below
    ("KẾ HOẠCH CÁC CHỈ TIÊU 6 THÁNG CUỐI NĂM 2025", "UBND các xã, phường"),
])
def test_a_provinces_plan_lists_the_units_below_it_at_the_plans_start(title, below):
    ctx = _context(_assigned("UBND TỈNH THANH HÓA", [title]), "ke-hoach")
    assert below in _recipients(ctx), _recipients(ctx)


def test_the_day_a_title_states_is_a_day_of_signing_never_a_cut_off():
    """«ngày 20/12/2024» (the decision the appendix goes with) is a day of signing; «đến 30/11/2024» is the day the
    figures run to; a date of an older basis (2020) is no day of a 2025 plan; of several, the latest."""
    from kh_excel.core.periods import title_signed  # (new in rev22: imported here so the others run on main)
    assert title_signed(W03_TITLE, 2025) == (2024, 12, 20)
    assert title_signed(["KẾ HOẠCH NĂM 2025 (Kèm theo Nghị quyết số 25/NQ-HĐND ngày 10 tháng 12 năm 2024)"], 2025) \
        == (2024, 12, 10)
    assert title_signed(["KẾ HOẠCH NĂM 2025 (số liệu ước thực hiện đến 30/11/2024)"], 2025) is None
    assert title_signed(["KẾ HOẠCH NĂM 2025 (theo Nghị quyết ngày 15/10/2020)"], 2025) is None
    assert title_signed(["KẾ HOẠCH NĂM 2025", "(Nghị quyết ngày 10/12/2024; Quyết định ngày 05/01/2025)"], 2025) \
        == (2025, 1, 5)


# ---- R22-14: a period's goal judges the period's column, never its last year's beside it

FIVE_YEARS = "KẾT QUẢ THỰC HIỆN MỘT SỐ CHỈ TIÊU CHỦ YẾU KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI 5 NĂM 2021 - 2025"
YEARS = ["2021", "2022", "2023", "2024", "Ước 2025"]
# in/w21 (NQ 16/2021/QH15; GSO): goal, the five years, the five-year estimate
NATION = [
    ["1", "Tốc độ tăng tổng sản phẩm trong nước (GDP) bình quân 5 năm", "%", "6,5 - 7",
     2.58, 8.02, 5.05, 7.09, 8.02, "Khoảng 6,3"],
    ["2", "Tốc độ tăng chỉ số giá tiêu dùng (CPI) bình quân", "%", "Khoảng 4", 3.15, 3.15, 3.25, 3.63, 3.31, "Khoảng 3,1"],
]
# Khoảng 6,3 against 6,5 - 7 (more is better): short, không đạt; khoảng 3,1 under a ceiling of about 4: met (the
# table's «Khoảng 4» read as an upper bound, as the report with --period already judged it: vượt)
STATUS = {"1": "khong_dat", "2": "vuot"}


def _five_years(plan: str = "Mục tiêu Kế hoạch 5 năm 2021-2025", period_first: bool = False,
                period: str = "Ước thực hiện giai đoạn 2021-2025", rows: list[list] = NATION) -> Grid:
    """Header of in/w21: «Thực hiện» merged over the five years (E..I), the period's column J merged down; with
    `period_first` the period's column stands before the years (E), the years after it (F..J)."""
    top = ["STT", "Chỉ tiêu", "Đơn vị tính", plan]
    years, body = ["Thực hiện"] * 5, [r[:4] + r[4:9] + r[9:] for r in rows]
    if period_first:
        head1, head2 = top + [period] + years, [None] * 4 + [None] + YEARS
        body = [r[:4] + r[9:] + r[4:9] for r in rows]
        merged = [(1, c, 2, c) for c in range(5)] + [(1, 5, 1, 9)]
    else:
        head1, head2 = top + years + [period], [None] * 4 + YEARS + [None]
        merged = [(1, c, 2, c) for c in range(4)] + [(1, 4, 1, 8), (1, 9, 2, 9)]
    return Grid(sheet="Biểu", rows=[[FIVE_YEARS], head1, head2, *body], merged=merged, number_formats={})


@pytest.mark.parametrize("period_first", [False, True], ids=["period-last", "period-first"])
def test_the_five_year_goal_judges_the_five_year_column(period_first):
    """in/w21: main refused «2 cột kết quả cùng kỳ: cột I «Thực hiện Ước 2025», cột J «Ước thực hiện giai đoạn
    2021-2025»». The plan is the period's: its column is judged, without --period, wherever it stands; the year
    columns are no result, and the period's figure is compared with no single year."""
    table = read_workbook(_five_years(period_first=period_first))
    period_col = 4 if period_first else 9
    assert table.columns["result"] == period_col and "previous" not in table.columns
    assert table.column_headers["result"] == "Ước thực hiện giai đoạn 2021-2025"
    assert {a.indicator.stt: a.status for a in evaluate(table).assessments} == STATUS
    assert of_table(table, table.year).words() == "ước thực hiện giai đoạn 2021-2025"


def test_a_years_plan_beside_both_takes_the_years_column():
    """Must NOT pair: «Kế hoạch năm 2025» is one year's plan: judged against «Thực hiện Ước 2025» (I), never the
    period's column (main: refused as two results of one period); 8,02 against 6,5 - 7 (more is better): above the
    range, vượt; 3,31 under about 4: vượt. The period's column J, unread, is said (result_left_out), never dropped
    silently."""
    table = read_workbook(_five_years(plan="Kế hoạch năm 2025"))
    assert table.columns["result"] == 8 and table.column_headers["result"] == "Thực hiện Ước 2025"
    (left,) = [f for f in table.reader_findings if f.code == "result_left_out"]
    assert "Cột J «Ước thực hiện giai đoạn 2021-2025» có số liệu" in left.message and "Kế hoạch năm 2025" in left.message
    assert {a.indicator.stt: a.status for a in evaluate(table).assessments} == {"1": "vuot", "2": "vuot"}


def test_the_years_column_stays_where_the_period_has_no_column():
    """Must NOT change: without the period's column the goal is set against the period's last year (I), as read today
    (README: «a period's goal set against its last year's column judges the rows that are a level by the period's
    end»)."""
    rows = [r[:9] for r in NATION]
    grid = _five_years(rows=rows)
    grid = Grid(sheet=grid.sheet, rows=[r[:9] for r in grid.rows], merged=[m for m in grid.merged if m[1] < 9],
                number_formats={})
    table = read_workbook(grid)
    assert table.columns["result"] == 8 and table.column_headers["result"] == "Thực hiện Ước 2025"
    assert not [f for f in table.reader_findings if f.code == "result_left_out"]
