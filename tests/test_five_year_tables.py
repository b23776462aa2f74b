"""Five-year tables (rev13 R1, R5, R6, R7, R13, R18): a column of a period of several years («Mục tiêu giai đoạn
2026-2030», «Ước thực hiện giai đoạn 2021-2025») holds the period's figure, never a year's. A year's figure is never
judged against another year's or another period's plan, a period's figure never compared with one year, and a plan of
2026-2030 is written «giai đoạn 2026-2030», never «năm 2030». Expected values are read off the sheets below by hand."""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, strategies as st

from kh_excel.api import read_workbook
from kh_excel.core.attainment import evaluate
from kh_excel.core.gate import plan_only_reason
from kh_excel.core.periods import of_table
from kh_excel.core.table import period_years
from kh_excel.docs.context import build_context
from kh_excel.docs.wording import result_phrase

JUDGED = ("vuot", "dat", "khong_dat")
TODAY = date(2026, 12, 3)


def _book(path: Path, title: str, rows: list[list], merged: tuple[str, ...] = ()) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Biểu 01"
    ws.append([title])
    ws.append([])
    for row in rows:
        ws.append(row)
    for rng in merged:
        ws.merge_cells(rng)
    wb.save(path)
    return path


# c2b of rev13: years under a merged «Thực hiện» (rows 3-4), a plan of the next year and one of the next five years
YEARS_UNDER_MERGED = [
    ["STT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện", None, None, None, None, "Kế hoạch năm 2026",
     "Kế hoạch giai đoạn 2026-2030", "Cơ quan chủ trì"],
    [None, None, None, "2021", "2022", "2023", "2024", "Ước 2025", None, None, None],
    ["I", "CHỈ TIÊU KINH TẾ"],
    [1, "Tổng sản phẩm trên địa bàn", "Tỷ đồng", 52000, 55800, 60200, 65500, 71000, 78000, "110.000", "Sở Tài chính"],
    [2, "Tốc độ tăng trưởng GRDP", "%", 6.1, 7.3, 7.9, 8.8, 8.4, 10, "10-11", "Sở Tài chính"],
    [3, "Tỷ lệ lao động qua đào tạo", "%", 55, 58, 61, 63, 66, 68, 75, "Sở Nội vụ"],
]
YEARS_MERGES = ("A3:A4", "B3:B4", "C3:C4", "D3:H3", "I3:I4", "J3:J4", "K3:K4")


@pytest.fixture
def years_under_merged(tmp_path):
    return _book(tmp_path / "c2b.xlsx", "KẾT QUẢ THỰC HIỆN GIAI ĐOẠN 2021-2025, KẾ HOẠCH NĂM 2026 VÀ GIAI ĐOẠN 2026-2030",
                 YEARS_UNDER_MERGED, YEARS_MERGES)


def test_years_under_a_merged_result_header_are_the_columns_years_and_none_is_judged(years_under_merged):
    table = read_workbook(years_under_merged)
    # the 2025 estimate (column H) is the latest result; the table plans 2026 and 2026-2030, not 2025
    assert "result" not in table.columns
    assert table.columns["previous"] == 7 and table.previous_year == 2025
    assert table.column_headers["target"] == "Kế hoạch năm 2026"
    assert not [a for a in evaluate(table).assessments if a.status in JUDGED]
    message = {f.code: f.message for f in table.reader_findings}["plan_left_out"]
    assert "cột J «Kế hoạch giai đoạn 2026-2030»" in message
    assert "không có kế hoạch năm 2025" in message and "cùng năm" not in message  # the old, false words
    refusal = plan_only_reason(table)
    assert "số thực hiện đến năm 2025" in refusal and "không có kế hoạch năm 2025" in refusal


def test_naming_the_next_years_plan_judges_nothing_either(years_under_merged):
    for period in ("Kế hoạch năm 2026", "Kế hoạch giai đoạn 2026-2030"):
        table = read_workbook(years_under_merged, period=period)
        assert "result" not in table.columns, period  # the 2025 estimate is never the 2026 (or 2030) result
        assert not [a for a in evaluate(table).assessments if a.status in JUDGED]


def test_a_plan_document_of_the_years_table_takes_the_next_years_plan_and_the_period_on_request(years_under_merged):
    table = read_workbook(years_under_merged, plan=True)
    assert table.column_headers["target"] == "Kế hoạch năm 2026" and table.year == 2026
    ctx = build_context(table, None, "ke-hoach", today=TODAY)
    assert "năm 2026" in " ".join(ctx["vb"]["trich_yeu"])
    period = read_workbook(years_under_merged, plan=True, period="Kế hoạch giai đoạn 2026-2030")
    ctx = build_context(period, None, "ke-hoach", today=TODAY)
    assert " ".join(ctx["vb"]["trich_yeu"]).endswith("giai đoạn 2026-2030")
    assert "năm 2030" not in str(ctx)


# c1 of rev13: year-by-year results, the Resolution's 2021-2025 goals and the 2026-2030 goals, flat header
FIVE_YEARS = [
    ["STT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm 2021", "Thực hiện năm 2022", "Thực hiện năm 2023",
     "Thực hiện năm 2024", "Ước thực hiện năm 2025", "Mục tiêu Nghị quyết giai đoạn 2021-2025",
     "Mục tiêu giai đoạn 2026-2030", "Cơ quan chủ trì"],
    ["I", "CHỈ TIÊU KINH TẾ"],
    [1, "Tốc độ tăng trưởng kinh tế (GRDP) bình quân", "%", 6.1, 7.4, 8.3, 8.9, 9.1, "8-8,5", "10-11", "Sở Tài chính"],
    [2, "GRDP bình quân đầu người", "Triệu đồng", 62, 68, 75, 83, 90, 95, 160, "Sở Tài chính"],
    [3, "Tổng vốn đầu tư toàn xã hội giai đoạn 2021-2025", "Tỷ đồng", 30000, 33000, 36500, 40000, 45000, 200000,
     300000, "Sở Tài chính"],
    [4, "Tỷ lệ lao động qua đào tạo", "%", 55, 58, 61, 63, 66, 65, 75, "Sở Nội vụ"],
]


@pytest.fixture
def five_years(tmp_path):
    return _book(tmp_path / "c1.xlsx", "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU GIAI ĐOẠN 2021-2025 VÀ MỤC TIÊU GIAI ĐOẠN 2026-2030",
                 FIVE_YEARS)


def test_a_periods_goal_is_no_yardstick_of_one_years_average_or_sum(five_years):
    table = read_workbook(five_years)
    assert table.column_headers["result"] == "Ước thực hiện năm 2025"
    by_name = {a.indicator.name: a for a in evaluate(table).assessments}
    growth = by_name["Tốc độ tăng trưởng kinh tế (GRDP) bình quân"]  # 9,1 of 2025 is no five-year average (7,96)
    assert growth.status == "khong_danh_gia" and "2021-2025" in growth.reason and growth.ratio is None
    assert "không so được với số của một năm" in result_phrase(growth)  # the report says why
    invest = by_name["Tổng vốn đầu tư toàn xã hội giai đoạn 2021-2025"]  # 45.000 of 2025 is no five-year sum
    assert invest.status == "khong_danh_gia" and "Ước thực hiện năm 2025" in invest.reason
    assert "(mục tiêu tính cho cả giai đoạn 2021-2025, không so được với số của một năm)" in result_phrase(invest)
    # a level to reach by the period's end is judged on its last year: 90 of 95, 66 of 65
    assert by_name["GRDP bình quân đầu người"].status == "khong_dat"
    assert by_name["Tỷ lệ lao động qua đào tạo"].status == "vuot"


def test_a_plan_document_of_a_periods_goals_says_the_period_and_is_not_dated_at_its_end(five_years):
    table = read_workbook(five_years, plan=True)
    assert table.column_headers["target"] == "Mục tiêu giai đoạn 2026-2030"
    for kind in ("ke-hoach", "chuong-trinh"):
        ctx = build_context(table, None, kind, today=TODAY)
        # (a title naming no field, one section: «các chỉ tiêu», docs.period.subject_of)
        assert " ".join(ctx["vb"]["trich_yeu"]).endswith("các chỉ tiêu giai đoạn 2026-2030")
        assert "năm 2030" not in str(ctx) and "năm 2026" in str(ctx["vb"]["dia_danh_ngay"])  # today's year
    ctx = build_context(table, None, "giao-chi-tieu", agency="Sở Tài chính", today=TODAY)
    assert "giai đoạn 2026-2030" in " ".join(ctx["vb"]["trich_yeu"]) and "năm 2030" not in str(ctx)


# c7 of rev13: «Năm 2025» over «Kế hoạch», «Ước thực hiện»; «Giai đoạn 2026-2030» over «Mục tiêu»
YEAR_AND_PERIOD = [
    ["STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2025", None, "Giai đoạn 2026-2030", "Cơ quan chủ trì"],
    [None, None, None, "Kế hoạch", "Ước thực hiện", "Mục tiêu", None],
    ["I", "CHỈ TIÊU KINH TẾ"],
    [1, "GRDP bình quân đầu người", "Triệu đồng", 92, 90, 160, "Sở Tài chính"],
    [2, "Số xã đạt chuẩn nông thôn mới", "Xã", 78, 75, 95, "Sở Nông nghiệp và Môi trường"],
]


def test_a_goal_under_a_merged_period_header_is_the_plan_of_a_plan_document(tmp_path):
    path = _book(tmp_path / "c7.xlsx", "ƯỚC THỰC HIỆN NĂM 2025 VÀ MỤC TIÊU GIAI ĐOẠN 2026-2030", YEAR_AND_PERIOD,
                 ("A3:A4", "B3:B4", "C3:C4", "D3:E3", "G3:G4"))
    report = read_workbook(path)
    assert report.column_headers["target"] == "Năm 2025 Kế hoạch"  # the report: 90 of 92, 75 of 78
    assert "cột F «Giai đoạn 2026-2030 Mục tiêu»" in {f.code: f.message for f in report.reader_findings}["plan_left_out"]
    plan = read_workbook(path, plan=True)
    assert plan.columns["target"] == 5
    by_name = {i.name: i for i in plan.indicators}
    assert by_name["Số xã đạt chuẩn nông thôn mới"].target.value == 95  # never last year's 78
    ctx = build_context(plan, None, "giao-chi-tieu", agency="Sở Nông nghiệp và Môi trường", today=TODAY)
    assert "giai đoạn 2026-2030" in " ".join(ctx["vb"]["trich_yeu"]) and "năm 2025" not in " ".join(ctx["vb"]["trich_yeu"])


# c5 / c6 of rev13: a period's own estimate beside one year's
PERIOD_RESULT = [
    ["STT", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu Nghị quyết giai đoạn 2021-2025", "Thực hiện năm 2024",
     "Ước thực hiện năm 2025", "Ước thực hiện giai đoạn 2021-2025", "Cơ quan chủ trì"],
    ["I", "CHỈ TIÊU KINH TẾ"],
    [1, "Tổng vốn đầu tư toàn xã hội 5 năm", "Tỷ đồng", 200000, 40000, 45000, 184500, "Sở Tài chính"],
    [2, "Tốc độ tăng trưởng GRDP bình quân", "%", "8-8,5", 8.9, 9.1, 7.96, "Sở Tài chính"],
]


def test_a_periods_result_is_judged_against_its_goal_and_never_compared_with_one_year(tmp_path):
    path = _book(tmp_path / "c5.xlsx", "ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NGHỊ QUYẾT GIAI ĐOẠN 2021-2025", PERIOD_RESULT)
    table = read_workbook(path, period="Ước thực hiện giai đoạn 2021-2025")
    assert table.columns["result"] == 6 and "previous" not in table.columns  # «Thực hiện năm 2024» is one year
    by_name = {a.indicator.name: a for a in evaluate(table).assessments}
    invest = by_name["Tổng vốn đầu tư toàn xã hội 5 năm"]
    assert invest.status == "khong_dat" and invest.ratio == Decimal("92.25") and invest.growth is None  # 184.500/200.000
    assert by_name["Tốc độ tăng trưởng GRDP bình quân"].status == "khong_dat"  # 7,96 under 8
    per = of_table(table, table.year)
    assert per.words() == "ước thực hiện giai đoạn 2021-2025"
    ctx = build_context(table, None, "bao-cao", today=TODAY)
    assert " ".join(ctx["vb"]["trich_yeu"]) == (
        "Ước kết quả thực hiện các chỉ tiêu nghị quyết giai đoạn 2021-2025")  # (the title names what they are of)
    assert "so với năm 2024" not in str(ctx) and "cả năm 2025" not in str(ctx)


def test_a_periods_estimate_under_a_merged_header_is_judged_against_the_periods_goal(tmp_path):
    rows = [["STT", "Chỉ tiêu", "Đơn vị tính", "Giai đoạn 2021-2025", None, "Năm 2026", "Cơ quan chủ trì"],
            [None, None, None, "Mục tiêu Nghị quyết", "Ước thực hiện", "Kế hoạch", None],
            ["I", "CHỈ TIÊU KINH TẾ"],
            [1, "Tổng vốn đầu tư toàn xã hội", "Tỷ đồng", 200000, 184500, 52000, "Sở Tài chính"]]
    path = _book(tmp_path / "c6.xlsx", "KẾT QUẢ THỰC HIỆN GIAI ĐOẠN 2021-2025 VÀ KẾ HOẠCH NĂM 2026", rows,
                 ("A3:A4", "B3:B4", "C3:C4", "D3:E3", "G3:G4"))
    table = read_workbook(path)
    assert table.columns["target"] == 3 and table.columns["result"] == 4 and "previous" not in table.columns
    (a,) = evaluate(table).assessments
    assert a.status == "khong_dat" and a.ratio == Decimal("92.25")
    assert read_workbook(path, plan=True).column_headers["target"] == "Năm 2026 Kế hoạch"


@given(st.integers(1990, 2089), st.integers(1, 10))  # (years are 19xx-20xx: a period ending 2100 is none)
def test_period_years_reads_a_span_of_years_and_nothing_else(first, length):
    last = first + length
    for label in (f"Mục tiêu giai đoạn {first}-{last}", f"Kế hoạch 5 năm {first} - {last}",
                  f"Mục tiêu Nghị quyết {first}–{last}", f"GIAI ĐOẠN {first}-{last}"):
        assert period_years(label) == (first, last), label
    assert period_years(f"Thực hiện năm học {first}-{first + 1}") is None  # one school year
    assert period_years(f"Kế hoạch năm {last}") is None
    assert period_years(f"Thực hiện {last}-{first}") is None  # no period runs backwards
    assert period_years(f"Kế hoạch năm {last} (NQ số 25/NQ-HĐND ngày 10/12/{first})") is None


def test_a_plan_by_year_table_says_which_plan_a_plan_document_takes_and_that_nothing_is_judged(tmp_path):
    rows = [["STT", "Chỉ tiêu", "Đơn vị tính", "Ước thực hiện năm 2025", "Kế hoạch năm 2026", "Kế hoạch năm 2027",
             "Kế hoạch năm 2028", "Cơ quan chủ trì"],
            ["I", "CHỈ TIÊU KINH TẾ"],
            [1, "Thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", 13600, 15000, 16500, 18000, "Sở Tài chính"]]
    path = _book(tmp_path / "c4.xlsx", "KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI 2026-2028", rows)
    message = {f.code: f.message for f in read_workbook(path).reader_findings}["plan_left_out"]
    assert "văn bản kế hoạch lấy kế hoạch năm 2026, ở cột E «Kế hoạch năm 2026»" in message
    assert "không có kế hoạch năm 2025" in message and "cùng năm" not in message
    assert read_workbook(path, plan=True).column_headers["target"] == "Kế hoạch năm 2026"


def _form_text(table) -> str:
    from kh_excel.collect.forms import agency_rows, build_form
    ws = build_form(table, agency_rows(table)[0]).active
    return " | ".join(str(v) for row in ws.iter_rows(values_only=True) for v in row if v is not None)


def test_forms_name_the_masters_years_and_periods(years_under_merged, five_years):
    years = _form_text(read_workbook(years_under_merged))
    # the 2026 plan beside the 2025 estimate, the 2026 result asked for: never «NĂM 2030», «Thực hiện năm 2029»
    assert "NĂM 2026" in years and "Kế hoạch năm 2026" in years and "Thực hiện năm 2025" in years
    assert "2030" not in years and "2029" not in years
    goals = _form_text(read_workbook(five_years))
    assert "Mục tiêu Nghị quyết giai đoạn 2021-2025" in goals and "Kế hoạch năm 2025" not in goals


def test_a_flow_of_money_against_a_periods_goal_is_not_judged_on_one_year(tmp_path):
    """rev14 F-F: one year's budget revenue (120) judged against the 2021-2025 goal (500, a five-year sum) was «đạt
    24,0% kế hoạch», «Không đạt»; a flow of money over a period is its sum: not judged on one year, said why. A level
    per head in money («GRDP bình quân đầu người») is still judged on its last year."""
    rows = [*FIVE_YEARS, [5, "Thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", 90, 95, 100, 110, 120, 500, 800,
                          "Sở Tài chính"]]
    table = read_workbook(_book(tmp_path / "flow.xlsx", "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU GIAI ĐOẠN 2021-2025", rows))
    by_name = {a.indicator.name: a for a in evaluate(table).assessments}
    revenue = by_name["Thu ngân sách nhà nước trên địa bàn"]
    assert revenue.status == "khong_danh_gia" and revenue.ratio is None and "2021-2025" in revenue.reason
    assert by_name["GRDP bình quân đầu người"].status == "khong_dat"  # 90 of 95
