"""A growth plan over a plan period in a five-year table with its yearly columns (rev15 R15-3, R15-4, R15-12).

«Năm 2020 | KH 2021-2025 | Năm 2021 … Năm 2024 | Ước TH năm 2025»: a growth target under the period's plan is the
average yearly growth from 2020 (README), never the change against «Năm 2024»; «Tăng bình quân 7%/năm» is such a
growth plan, never «chỉ tiêu định tính»; and the report is of «giai đoạn 2021-2025», never «ước cả năm 2025». The
expected values are worked out by hand from the rows below (arithmetic in each test)."""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from kh_excel.api import read_workbook
from kh_excel.core.attainment import evaluate
from kh_excel.core.periods import of_table
from kh_excel.docs.context import build_context
from kh_excel.docs.wording import growth_words, result_phrase

TODAY = date(2025, 12, 3)
TITLE = "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI GIAI ĐOẠN 2021-2025"
HEAD = ["STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2020", "KH 2021-2025", "Năm 2021", "Năm 2022", "Năm 2023", "Năm 2024",
        "Ước TH năm 2025", "Cơ quan chủ trì"]
NUMBERS = ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)", "(11)"]
ROWS = [
    # 20.000 -> 27.600: (27.600/20.000)^(1/5) = 1,38^0,2 = e^(0,32208/5) = e^0,064416 = 1,06654 -> 6,65%/năm < 7%
    # (year on year 27.600/25.000 = 1,104 -> 10,40%: the old «Vượt KH»)
    ["1", "Tổng sản phẩm trên địa bàn (giá so sánh 2010)", "Tỷ đồng", 20000, "Tăng 7%", 21100, 22500, 24000, 25000,
     27600, "Sở Tài chính"],
    # 9.000 -> 15.500: 1,72222^0,2 = e^(0,54362/5) = e^0,108724 = 1,11486 -> 11,49%/năm > 10% (year on year 15.500/
    # 15.000 = 3,3%: the old «Không đạt» had it been judged)
    ["2", "Tổng vốn đầu tư toàn xã hội", "Tỷ đồng", 9000, "Tăng bình quân 10%/năm", 10000, 11500, 13000, 15000,
     15500, "Sở Tài chính"],
    # 1.000 -> 800: 0,8^0,2 = e^(-0,22314/5) = e^-0,044629 = 0,95636 -> giảm 4,36%/năm, plan giảm 5%/năm: Không đạt
    # (year on year 800/900 -> giảm 11,1%: would read «Vượt KH»)
    ["3", "Số vụ tai nạn giao thông", "Vụ", 1000, "Giảm bình quân 5%/năm", 980, 950, 920, 900, 800, "Công an tỉnh"],
    # a rate falling by «1-1,5%/năm»: 1 point or 1 per cent a year? not judged
    ["4", "Tỷ lệ hộ nghèo", "%", 6.5, "Giảm bình quân 1-1,5%/năm", 5.6, 4.8, 3.9, 3.1, 2.4, "Sở Nội vụ"],
    # a level by the period's end: 81 of 80 (101,25%) -> Vượt KH, as before
    ["5", "GRDP bình quân đầu người", "Triệu đồng", 52, 80, 56, 62, 68, 74, 81, "Sở Tài chính"],
]


def _book(path: Path, head: list, rows: list[list], numbers: list | None = None, title: str = TITLE) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Biểu 01"
    ws.append(["ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN"])
    ws.append([title])
    ws.append([])
    ws.append(head)
    if numbers:
        ws.append(numbers)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def _by_name(path: Path) -> dict:
    return {a.indicator.name: a for a in evaluate(read_workbook(path)).assessments}


@pytest.mark.parametrize("numbers", [NUMBERS, None], ids=["column-numbers", "no-column-numbers"])
def test_a_growth_plan_of_the_period_is_the_average_from_the_year_before_beside_the_yearly_columns(tmp_path, numbers):
    by_name = _by_name(_book(tmp_path / "t.xlsx", HEAD, ROWS, numbers))
    grdp = by_name["Tổng sản phẩm trên địa bàn (giá so sánh 2010)"]
    assert grdp.status == "khong_dat" and grdp.growth_kind == "avg_yearly"
    assert grdp.growth_base_year == 2020 and grdp.growth_period == (2021, 2025)
    assert grdp.growth == pytest.approx(Decimal("6.654"), abs=Decimal("0.001"))
    assert growth_words(grdp, 2024) == "tăng bình quân 6,65%/năm giai đoạn 2021–2025"
    invest = by_name["Tổng vốn đầu tư toàn xã hội"]
    assert invest.status == "vuot" and invest.growth_kind == "avg_yearly"
    assert invest.growth == pytest.approx(Decimal("11.486"), abs=Decimal("0.001"))
    assert "định tính" not in invest.reason
    crashes = by_name["Số vụ tai nạn giao thông"]
    assert crashes.status == "khong_dat" and crashes.growth_kind == "avg_yearly"
    assert crashes.growth == pytest.approx(Decimal("-4.364"), abs=Decimal("0.001"))
    poor = by_name["Tỷ lệ hộ nghèo"]
    assert poor.status == "khong_danh_gia" and poor.growth is None
    assert "định tính" not in poor.reason and "bình quân hằng năm giai đoạn 2021–2025" in poor.reason
    assert by_name["GRDP bình quân đầu người"].status == "vuot"


def test_without_the_year_before_the_period_a_periods_growth_is_not_judged_on_one_year(tmp_path):
    # «Năm 2020» left out: 27.600 against «Năm 2024» 25.000 is 10,40% in one year, no average over 2021-2025
    head = [h for h in HEAD if h != "Năm 2020"]
    rows = [r[:3] + r[4:] for r in ROWS[:2]]
    by_name = _by_name(_book(tmp_path / "t.xlsx", head, rows))
    for name in ("Tổng sản phẩm trên địa bàn (giá so sánh 2010)", "Tổng vốn đầu tư toàn xã hội"):
        a = by_name[name]
        assert a.status == "khong_danh_gia" and a.growth is None, name
        assert "giai đoạn 2021–2025" in a.reason and "năm 2020" in a.reason and "định tính" not in a.reason
        assert growth_words(a, 2024) == "" and "so với năm" not in result_phrase(a)


def test_a_result_before_the_periods_last_year_is_no_average_over_the_period(tmp_path):
    # «Ước TH năm 2023» under «KH 2021-2025»: 24.000 of 2023 says nothing of the 2021-2025 average
    head = ["STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2020", "KH 2021-2025", "Năm 2022", "Ước TH năm 2023", "Cơ quan chủ trì"]
    rows = [["1", "Tổng sản phẩm trên địa bàn", "Tỷ đồng", 20000, "Tăng 7%", 22500, 24000, "Sở Tài chính"]]
    path = _book(tmp_path / "t.xlsx", head, rows, title="BÁO CÁO GIỮA KỲ GIAI ĐOẠN 2021-2025")
    (a,) = evaluate(read_workbook(path)).assessments
    assert a.status == "khong_danh_gia" and a.growth is None and "định tính" not in a.reason


def test_a_one_year_growth_plan_stays_year_on_year(tmp_path):
    # must NOT fire: «KH năm 2025: Tăng 7%», 25.000 -> 27.600 = +10,40% against 2024 -> Vượt KH, «so với năm 2024»
    head = ["STT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm 2024", "Kế hoạch năm 2025", "Ước TH năm 2025",
            "Cơ quan chủ trì"]
    rows = [["1", "Tổng sản phẩm trên địa bàn", "Tỷ đồng", 25000, "Tăng 7%", 27600, "Sở Tài chính"],
            ["2", "Tổng vốn đầu tư toàn xã hội", "Tỷ đồng", 15000, "Tăng bình quân 10%/năm", 15500, "Sở Tài chính"]]
    path = _book(tmp_path / "t.xlsx", head, rows, title="TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2025")
    table = read_workbook(path)
    grdp, invest = evaluate(table).assessments
    assert grdp.status == "vuot" and grdp.growth_kind == "yoy" and grdp.growth == pytest.approx(Decimal("10.4"))
    # a period's yearly average written in a year's plan: no period to average over, not one year's growth
    assert invest.status == "khong_danh_gia" and "bình quân" in invest.reason and "định tính" not in invest.reason
    # the plan as written, never «tăng 10%»; and no reasoning of the program in a signed sentence (rev17 N-5): check
    # and attainment say why, the document states the figures and the plan
    said = result_phrase(invest)
    assert said.startswith("thực hiện 15.500") and said.endswith(", kế hoạch tăng bình quân 10%/năm"), said
    assert of_table(table, table.year).words() == "ước thực hiện cả năm 2025"  # a year's report stays the year's


def test_a_report_of_the_periods_last_year_against_its_plan_speaks_of_the_period(tmp_path):
    table = read_workbook(_book(tmp_path / "t.xlsx", HEAD, ROWS, NUMBERS))
    per = of_table(table, table.year)
    assert per.words() == "ước thực hiện giai đoạn 2021-2025"
    att = evaluate(table)
    assert att.summary.sentence.startswith("Ước thực hiện giai đoạn 2021-2025, có ")
    # 3 judged on numbers: Tổng vốn đầu tư (vượt), GRDP bình quân đầu người (vượt); GRDP and tai nạn không đạt -> 2/4
    assert "có 2/4 chỉ tiêu đạt và vượt kế hoạch" in att.summary.sentence
    ctx = build_context(table, None, "bao-cao", today=TODAY)
    assert " ".join(ctx["vb"]["trich_yeu"]) == (
        "Ước kết quả thực hiện các chỉ tiêu kinh tế - xã hội chủ yếu giai đoạn 2021-2025")
    assert "cả năm 2025" not in str(ctx) and "kế hoạch năm 2025" not in str(ctx)


def test_a_report_of_the_periods_last_year_closed_is_the_periods_result(tmp_path):
    # «Thực hiện năm 2025» (no estimate) beside «KH 2021-2025»: «Kết quả thực hiện … giai đoạn 2021-2025», no «ước»
    head = HEAD[:9] + ["Thực hiện năm 2025", "Cơ quan chủ trì"]
    table = read_workbook(_book(tmp_path / "t.xlsx", head, ROWS))
    assert of_table(table, table.year).words() == "giai đoạn 2021-2025"
    ctx = build_context(table, None, "bao-cao", today=TODAY)
    assert " ".join(ctx["vb"]["trich_yeu"]) == "Kết quả thực hiện các chỉ tiêu kinh tế - xã hội chủ yếu giai đoạn 2021-2025"
    assert "năm 2025" not in " ".join(ctx["vb"]["trich_yeu"])


def test_a_result_naming_no_year_is_the_periods_end_as_before(tmp_path):
    # «Ước thực hiện» (no year) beside «Năm 2020 | KH 2021-2025»: 20.000 -> 27.600 is 6,65%/năm (as above) < 7%
    head = ["STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2020", "KH 2021-2025", "Ước thực hiện", "Cơ quan chủ trì"]
    rows = [["1", "Tổng sản phẩm trên địa bàn", "Tỷ đồng", 20000, "Tăng 7%", 27600, "Sở Tài chính"]]
    (a,) = evaluate(read_workbook(_book(tmp_path / "t.xlsx", head, rows))).assessments
    assert a.status == "khong_dat" and a.growth_kind == "avg_yearly" and a.growth_base_year == 2020


def test_the_appendixs_one_year_column_holds_no_average_over_the_period(tmp_path):
    """rev17 REG-3: the appendix's «So với năm 2024» column held «tăng bình quân 6,65%/năm giai đoạn 2021–2025» on
    the GRDP row, an average from 2020 under a heading of one year. The body states the average; the column says
    nothing of it. A row judged on a level (GRDP per head, no growth plan) keeps its change against 2024."""
    table = read_workbook(_book(tmp_path / "t.xlsx", HEAD, ROWS, NUMBERS))
    ctx = build_context(table, None, "bao-cao", today=TODAY)
    cells = {r["ten"]: r["so_sanh"] for r in ctx["pl"]["hang"] if r.get("ten")}
    assert cells["Tổng sản phẩm trên địa bàn (giá so sánh 2010)"] == ""
    assert not any("bình quân" in str(v) for v in cells.values())
