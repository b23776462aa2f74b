"""A plan's table whose columns name no year (rev14 D7): «KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2026» over
«Thực hiện | Kế hoạch». The «Thực hiện» left of the plan is the actual the plan builds on, the year before's (2025):
before, it was judged as 2026's result and a report said «Năm 2026, có 0/3 chỉ tiêu đạt». Every expected column,
year and message is decided by hand from the small tables built here."""
from __future__ import annotations

import pytest

from kh_excel.api import read_workbook
from kh_excel.core.gate import TABLE_WARNINGS, Refused, check, gate
from kh_excel.core.model import Grid

PLAN = "KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2026 CỦA XÃ TẢ PHÌN"
# the actual 4.500 beside the plan 5.000, 12,5% beside 10,5%, 3 beside 4: read as 2026's result, each «Không đạt»
ROWS = [["1", "Thu ngân sách nhà nước trên địa bàn", "Triệu đồng", 4500, 5000, "Phòng Kinh tế"],
        ["2", "Tỷ lệ hộ nghèo", "%", 12.5, 10.5, "Phòng Văn hóa - Xã hội"],
        ["3", "Số trường đạt chuẩn quốc gia", "Trường", 3, 4, "Phòng Văn hóa - Xã hội"]]


def _grid(title: str, first: str, second: str, rows=ROWS) -> Grid:
    """title / (blank) / STT | Chỉ tiêu | Đơn vị tính | first (D) | second (E) | Cơ quan chủ trì."""
    return Grid("Biểu 01", [[title], [], ["STT", "Chỉ tiêu", "Đơn vị tính", first, second, "Cơ quan chủ trì"],
                            *(list(r) for r in rows)])


def _said(table) -> list:
    return [f for f in table.reader_findings if f.code == "actual_before_plan"]


def test_a_plans_year_less_actual_left_of_its_plan_is_the_year_befores():
    table = read_workbook(_grid(PLAN, "Thực hiện", "Kế hoạch"), file="t.xlsx")
    assert "result" not in table.columns and table.columns["previous"] == 3 and table.columns["target"] == 4
    assert (table.year, table.previous_year) == (2026, 2025)
    assert [i.previous for i in table.indicators] == [4500, 12.5, 3]
    assert [i.result for i in table.indicators] == [None, None, None]
    assert [a.status for a in check(table).attainment.assessments if a.status in ("vuot", "dat", "khong_dat")] == []
    (f,) = _said(table)
    assert f.cell == "D3" and f.severity == "warning" and "actual_before_plan" in TABLE_WARNINGS
    assert ("là kế hoạch năm 2026 và các cột không ghi năm; cột «Thực hiện» đứng trước cột «Kế hoạch». Chương trình "
            "coi cột «Thực hiện» là số thực hiện năm 2025 (trước năm kế hoạch), không đánh giá đạt hay không đạt kế "
            "hoạch năm 2026") in f.message
    assert "ví dụ «Thực hiện năm 2026»" in f.message
    # a report of its results is refused, saying why (no plan of 2025 to judge 2025's figures by)
    with pytest.raises(Refused) as exc:
        gate(table, report=True)
    assert exc.value.code == 2 and "số thực hiện đến năm 2025 (cột «Thực hiện»)" in exc.value.reason


@pytest.mark.parametrize("label", ["Ước thực hiện", "TH", "Thực hiện cả năm"])
def test_any_year_less_actual_or_estimate_left_of_the_plan(label):
    table = read_workbook(_grid("CHỈ TIÊU KẾ HOẠCH NĂM 2026", label, "KH"), file="t.xlsx")
    assert "result" not in table.columns and table.columns["previous"] == 3 and table.previous_year == 2025


@pytest.mark.parametrize("title,first,second", [
    # a results report's title: its «Thực hiện» is the year's result whatever its place
    ("BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2026", "Thực hiện", "Kế hoạch"),
    ("TÌNH HÌNH THỰC HIỆN KẾ HOẠCH NĂM 2026", "Thực hiện", "Kế hoạch"),
    # the plan left of the actual: the plan's year tracked
    (PLAN, "Kế hoạch", "Thực hiện"),
    # a column naming its year is read as it says
    (PLAN, "Thực hiện năm 2026", "Kế hoạch"),
    # no year in the title either: nothing to say which year the actual is
    ("KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI", "Thực hiện", "Kế hoạch"),
])
def test_the_result_stays_the_result(title, first, second):
    rows = ROWS if first.startswith("Thực") else [[*r[:3], r[4], r[3], r[5]] for r in ROWS]
    table = read_workbook(_grid(title, first, second, rows), file="t.xlsx")
    assert "result" in table.columns and "previous" not in table.columns and not _said(table)
    assert [i.result for i in table.indicators] == [4500, 12.5, 3]
    # 4.500 < 5.000 (90%), 12,5% poverty against a ceiling of 10,5%, 3 < 4 schools: each «Không đạt»
    assert [a.status for a in check(table).attainment.assessments] == ["khong_dat"] * 3


def test_the_column_named_by_period_is_the_result():
    table = read_workbook(_grid(PLAN, "Thực hiện", "Kế hoạch"), file="t.xlsx", period="cột D")
    assert table.columns.get("result") == 3 and not _said(table)


# The year before's actual beside its estimate (per4): «Ước thực hiện năm 2025 | Thực hiện năm 2025 | Kế hoạch năm 2026».
# The estimate was read silently; the actual, once it has figures, is the year's figure every comparison is made on.
PREV = ["STT", "Chỉ tiêu", "Đơn vị tính", "Ước thực hiện năm 2025", "Thực hiện năm 2025", "Kế hoạch năm 2026",
        "Cơ quan chủ trì"]


def _prev_grid(rows, heads=PREV) -> Grid:
    return Grid("Biểu 01", [["CHỈ TIÊU KẾ HOẠCH NĂM 2026"], list(heads), *(list(r) for r in rows)])


def _prev_said(table) -> list[str]:
    return [f.message for f in table.reader_findings if f.code == "previous_actual_or_estimate"]


# estimates 4.500, 12.000; actuals 4.700 (+4%), 11.500 (-4%): within 5% of the estimate, the year's final figures
BOTH = [["1", "Thu ngân sách nhà nước", "Tỷ đồng", 4500, 4700, 5000, "Sở Tài chính"],
        ["2", "Tổng vốn đầu tư toàn xã hội", "Tỷ đồng", 12000, 11500, 13000, "Sở Tài chính"]]


def test_the_year_befores_actual_is_read_before_its_estimate_and_said():
    table = read_workbook(_prev_grid(BOTH), file="t.xlsx")
    assert table.columns["previous"] == 4 and table.previous_year == 2025
    assert [i.previous for i in table.indicators] == [4700, 11500]
    (said,) = _prev_said(table)
    assert ("chương trình lấy cột E «Thực hiện năm 2025» (số thực hiện, có sau và sát thực tế hơn số ước), không lấy "
            "cột D «Ước thực hiện năm 2025»") in said
    assert "previous_actual_or_estimate" in TABLE_WARNINGS
    # the actual to the right or to the left: the same column read
    swapped = [PREV[0], PREV[1], PREV[2], PREV[4], PREV[3], *PREV[5:]]
    table = read_workbook(_prev_grid([[*r[:3], r[4], r[3], *r[5:]] for r in BOTH], swapped), file="t.xlsx")
    assert table.columns["previous"] == 3 and [i.previous for i in table.indicators] == [4700, 11500]


def test_an_empty_actual_leaves_the_estimate_unsaid():
    rows = [[*r[:4], None, *r[5:]] for r in BOTH]
    table = read_workbook(_prev_grid(rows), file="t.xlsx")
    assert table.columns["previous"] == 3 and [i.previous for i in table.indicators] == [4500, 12000]
    assert not _prev_said(table)


def test_an_actual_to_date_leaves_the_estimate_read_and_said():
    # 3.100 and 8.000: a third short of the estimates on every row, the months measured so far
    rows = [[*r[:4], a, *r[5:]] for r, a in zip(BOTH, (3100, 8000))]
    table = read_workbook(_prev_grid(rows), file="t.xlsx")
    assert table.columns["previous"] == 3 and [i.previous for i in table.indicators] == [4500, 12000]
    (said,) = _prev_said(table)
    assert "lấy cột D «Ước thực hiện năm 2025», không lấy cột E «Thực hiện năm 2025»: số ở cột E «Thực hiện năm 2025» thấp hơn số ước" in said


def test_a_lone_previous_column_is_read_as_before():
    heads = [h for h in PREV if h != "Thực hiện năm 2025"]
    table = read_workbook(_prev_grid([[*r[:4], *r[5:]] for r in BOTH], heads), file="t.xlsx")
    assert table.columns["previous"] == 3 and not _prev_said(table)


def test_an_actual_filled_on_some_rows_leaves_the_estimate_read_and_says_which_rows():
    """rev17 REG-1: «Thực hiện năm 2025» filled on row 3 only: read, row 4 lost its 2025 figure (a growth plan on it
    unjudged, «bảng không có số thực hiện năm trước» said beside an estimate). The estimate is read, row 4 named."""
    rows = [BOTH[0], [*BOTH[1][:4], None, *BOTH[1][5:]]]
    table = read_workbook(_prev_grid(rows), file="t.xlsx")
    assert table.columns["previous"] == 3 and [i.previous for i in table.indicators] == [4500, 12000]
    (said,) = _prev_said(table)
    assert "lấy cột D «Ước thực hiện năm 2025», không lấy cột E «Thực hiện năm 2025»: cột E «Thực hiện năm 2025» chưa có số ở dòng 4" in said


def test_words_that_say_a_result_is_pending_are_a_plan_in_words_in_a_plan_cell():
    """rev17 REG-2: «Chưa đánh giá» in the plan column was read as an empty plan (an error refusing every document);
    in a plan cell it is the plan's text, not judged, as before today; in the result cell it is a result not yet there."""
    grid = Grid("Biểu 01", [["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Thực hiện năm 2026", "Cơ quan chủ trì"],
                            ["1", "Chỉ số hài lòng của người dân", "%", "Chưa đánh giá", 80, "Sở Nội vụ"],
                            ["2", "Tỷ lệ hộ nghèo", "%", 3.5, "Chưa đánh giá", "Sở Nông nghiệp và Môi trường"]])
    checked = check(read_workbook(grid, file="t.xlsx"))
    assert not checked.errors, [f.message for f in checked.errors]
    a, b = checked.attainment.assessments
    assert a.indicator.target.text == "Chưa đánh giá" and a.status == "khong_danh_gia"
    assert b.indicator.result is None and b.status == "chua_co_so_lieu"


@pytest.mark.parametrize("first, second", [("Thực hiện", "Kế hoạch"), ("Kế hoạch", "Thực hiện")])
def test_a_title_naming_the_actuals_year_then_the_plans_reads_the_actual_as_that_years(first, second):
    """rev17 N-1: «… THỰC HIỆN NĂM 2026 VÀ KẾ HOẠCH PHÁT TRIỂN … NĂM 2027» over year-less «Thực hiện», «Kế hoạch»: the
    actual is 2026's, the plan 2027's, wherever each stands; 2026's figures were judged against the 2027 plan."""
    title = "ƯỚC THỰC HIỆN NĂM 2026 VÀ KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2027"
    rows = ROWS if first.startswith("Thực") else [[*r[:3], r[4], r[3], r[5]] for r in ROWS]
    table = read_workbook(_grid(title, first, second, rows), file="t.xlsx")
    assert "result" not in table.columns and (table.year, table.previous_year) == (2027, 2026)
    assert [i.previous for i in table.indicators] == [4500, 12.5, 3]
    (f,) = _said(table)
    assert "tiêu đề ghi thực hiện năm 2026 và kế hoạch năm 2027" in f.message
