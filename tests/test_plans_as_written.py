"""Plans the seeds write, read as they mean (rev11 D1, D2, D9): a growth naming its base year («Tăng 10% so với năm
2025») is judged against the previous-year column when that is its year; «Còn 4,5%», «Giảm còn 4,5%» are ceilings;
«Giảm 1 điểm %» is a fall of one point against the year before; a result «Giảm 1,6 điểm %» stays in points.
Expected statuses are worked out by hand from each row's figures (the comment beside it)."""
from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest
from hypothesis import given, strategies as st

from kh_excel.api import read_workbook
from kh_excel.core.attainment import not_met_detail
from kh_excel.core.gate import check
from kh_excel.core.numbers import format_number, named_base, parse_result_text, parse_target, points_change
from kh_excel.docs.wording import growth_words, result_brief, result_phrase, result_words

HEADER = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Thực hiện năm 2025"]
ROWS = [
    # name, unit, plan, result, previous -> status
    ("Tổng vốn đầu tư A", "Tỷ đồng", "Tăng 10% so với năm 2025", 27000, 25000, "khong_dat"),      # +8% < 10%
    ("Tổng vốn đầu tư B", "Tỷ đồng", "Tăng 10% so với năm 2025", 28000, 25000, "vuot"),           # +12% > 10%
    ("Tổng vốn đầu tư C", "Tỷ đồng", "Tăng 10% so với năm trước", 27500, 25000, "dat"),           # +10% exactly
    ("Tổng vốn đầu tư D", "Tỷ đồng", "Tăng trên 10% so với cùng kỳ", 27000, 25000, "khong_dat"),  # +8% not > 10%
    ("Tổng vốn đầu tư E", "Tỷ đồng", "Tăng 10% so với thực hiện năm 2025", 28000, 25000, "vuot"),
    ("Tổng vốn đầu tư F", "Tỷ đồng", "Tăng 10% so với năm 2024", 28000, 25000, "khong_danh_gia"),  # no 2024 column
    ("Số vụ tai nạn giao thông A", "Vụ", "Giảm 5% so với năm 2025", 118, 120, "khong_dat"),       # -1,7% short of -5%
    ("Số vụ tai nạn giao thông B", "Vụ", "Giảm 5% so với năm 2025", 110, 120, "vuot"),            # -8,3% beats -5%
    ("Tỷ lệ hộ nghèo A", "%", "Còn 4,5%", 4.8, 5.2, "khong_dat"),                                 # 4,8 > 4,5
    ("Tỷ lệ hộ nghèo B", "%", "Còn 4,5%", 4.3, 5.2, "dat"),                                       # 4,3 ≤ 4,5
    ("Tỷ lệ hộ nghèo C", "%", "Còn dưới 4,5%", 4.5, 5.2, "khong_dat"),                            # 4,5 not < 4,5
    ("Tỷ lệ hộ nghèo D", "%", "Giảm còn 4,5%", 4.3, 5.2, "dat"),                                  # 4,3 ≤ 4,5
    ("Tỷ lệ hộ nghèo E", "%", "Còn khoảng 16,3%", 16.8, 18, "khong_dat"),                         # 16,8 beyond ±2% of 16,3
    ("Tỷ lệ hộ nghèo F", "%", "Giảm 1 điểm %", 4.3, 5.1, "khong_dat"),                            # -0,8 điểm: short of -1
    ("Tỷ lệ hộ nghèo G", "%", "Giảm 1 điểm %", 4.0, 5.1, "vuot"),                                 # -1,1 điểm beats -1
    ("Tỷ lệ hộ nghèo H", "%", "Giảm 1,5 điểm %", "Giảm 1,6 điểm %", None, "vuot"),                # written change 1,6 > 1,5
    ("Tỷ lệ hộ nghèo I", "%", "Giảm 1 điểm %", 4.0, None, "khong_danh_gia"),                      # no year before
    ("Mức giảm tỷ suất sinh", "‰", "Giảm 0,2‰", 0.1, 0.3, "khong_dat"),                           # fell 0,1 of 0,2 planned
    ("Tổng vốn đầu tư G", "Tỷ đồng", "Giảm 1 điểm %", 100, 90, "khong_danh_gia"),                 # points of tỷ đồng?
    ("Tỷ lệ hộ nghèo K", "%", "Giảm 2% so với năm 2025", 4.0, 5.1, "khong_danh_gia"),             # points or per cent?
    ("Tỷ suất chết trẻ em dưới 1 tuổi", "‰", "Giảm 0,5‰", 11.8, 12.5, "vuot"),                    # -0,7‰ beats -0,5‰
]


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    for i, (name, unit, plan, result, previous, _) in enumerate(ROWS, 1):
        ws.append([str(i), name, unit, plan, result, previous])
    path = tmp_path_factory.mktemp("plans") / "plans.xlsx"
    wb.save(path)
    return check(read_workbook(path))


@pytest.mark.parametrize("i", range(len(ROWS)), ids=[f"{r[2]}-{r[3]}" for r in ROWS])
def test_each_plan_is_judged_as_it_reads(checked, i):
    a = checked.attainment.assessments[i]
    assert a.indicator.name == ROWS[i][0]
    assert a.status == ROWS[i][5], a.reason


def test_no_plan_of_these_is_an_error(checked):
    assert not [f for f in checked.findings if f.severity == "error"]
    # a growth plan («Tăng 10% …») is no figure of 10 that a result of 27.000 is «270.000%» of
    assert not [f.cell for f in checked.findings if f.code == "result_far_off"]


def test_the_reasons_say_what_was_compared(checked):
    a = checked.attainment.assessments
    assert "năm 2024" in a[5].reason and "định tính" not in a[5].reason
    assert "tăng 8,0% so với năm trước" in a[0].reason
    assert "giảm 0,8 điểm % so với năm trước" in a[13].reason
    assert "điểm % hay %" in a[19].reason
    assert "tỷ đồng" in a[18].reason.lower()


def test_a_fall_in_points_is_written_in_points(checked):
    a = checked.attainment.assessments
    # the result cell's change keeps its unit: «giảm 1,6 điểm %», never «giảm 1,6%» (a relative fall)
    assert result_words(a[15].indicator).replace("\u00a0", " ") == "giảm 1,6 điểm %"
    assert not_met_detail(a[13]) == "(giảm 0,8 điểm %, kế hoạch giảm 1 điểm %)"
    assert not_met_detail(a[17]) == "(thực hiện 0,1‰, kế hoạch giảm 0,2‰)"
    assert not_met_detail(a[0]) == "(tăng 8,0%, kế hoạch tăng 10%)"
    assert not_met_detail(a[6]) == "(giảm 1,7%, kế hoạch giảm 5%)"


def test_the_summary_counts_the_growth_plans_named_with_their_base(checked):
    counts = checked.attainment.summary.counts
    # by hand from ROWS: vuot B, E, TNGT B, G, H, tỷ suất chết; dat C, hộ nghèo B, D; khong_dat A, D, TNGT A, hộ nghèo A, C, E, F,
    # mức giảm; not judged F(2024), I, G(tỷ đồng), K
    assert (counts["vuot"], counts["dat"], counts["khong_dat"], counts["khong_danh_gia"]) == (6, 3, 8, 4)


def test_a_document_says_the_change_in_points_beside_the_plan(checked):
    a = checked.attainment.assessments
    nb = lambda s: s.replace("\u00a0", " ")  # noqa: E731 (a result's unit is kept whole with no-break spaces)
    assert nb(result_brief(a[13])) == "(còn 4,3%, giảm 0,8 điểm %, kế hoạch giảm 1 điểm %)"
    assert nb(result_phrase(a[14], growth_words(a[14], 2025))) == \
        "còn 4%, giảm 1,1 điểm % so với năm 2025, kế hoạch giảm 1 điểm %"
    assert nb(result_phrase(a[15])) == "giảm 1,6 điểm %, kế hoạch giảm 1,5 điểm %"
    assert nb(result_phrase(a[17])) == "thực hiện 0,1‰, kế hoạch giảm 0,2‰"
    # a change of a rate per thousand in ‰ points, never «giảm 5,6%» (its relative fall)
    assert growth_words(a[20], 2025) == "giảm 0,7‰ so với năm 2025"


# --------------------------------------------------------------------------- the parsing, as properties

amounts = st.decimals(min_value=0, max_value=10 ** 6, places=2, allow_nan=False, allow_infinity=False)
years = st.integers(1990, 2099)
heads = st.sampled_from(["Tăng 10%", "Giảm 5%", "Tăng trên 8%", "Tăng 9 - 10%", "Giảm ít nhất 3%"])


@given(heads, years, st.sampled_from(["so với năm {y}", "so với thực hiện năm {y}", "(so với năm {y})",
                                      ", so với năm {y}", "so với TH {y}"]))
def test_a_named_year_is_read_with_the_plan_before_it(head, y, clause):
    assert named_base(f"{head} {clause.format(y=y)}") == (head, y)


@given(heads, st.sampled_from(["so với năm trước", "so với cùng kỳ", "so với cùng kỳ năm trước"]))
def test_the_year_before_is_named_without_a_year(head, clause):
    assert named_base(f"{head} {clause}") == (head, None)


@given(heads, st.sampled_from(["so với kế hoạch", "so với dự toán", "", "so với năm"]))
def test_no_base_year_is_no_base(head, clause):
    assert named_base(f"{head} {clause}".strip()) is None


@given(amounts, st.sampled_from([("giảm", "giam"), ("Giảm", "giam"), ("Tăng", "tang")]),
       st.sampled_from([("điểm %", "điểm %"), ("điểm phần trăm", "điểm %"), ("‰", "‰"), ("điểm", "điểm")]))
def test_a_change_in_points_is_read_with_its_unit(x, word, unit):
    text = f"{word[0]} {format_number(x)} {unit[0]}" if unit[0] != "‰" else f"{word[0]} {format_number(x)}‰"
    got = points_change(text)
    assert got is not None
    change, size, label = got
    assert (change, size.op, size.value, label) == (word[1], "=", x, unit[1])
    assert points_change(f"{word[0]} {format_number(x)}%") is None  # a change in per cent is not in points
    assert points_change(f"Giảm còn {format_number(x)} {unit[0]}") is None  # a level is no change


@given(amounts, st.sampled_from([("Còn {x}%", "<="), ("Giảm còn {x}%", "<="), ("Còn dưới {x}%", "<"),
                                 ("Còn khoảng {x}%", "~"), ("Phấn đấu còn {x}%", "<="), ("Giảm xuống {x}%", "<=")]))
def test_a_level_to_fall_to_is_a_ceiling(x, form):
    t = parse_target(form[0].format(x=format_number(x)))
    assert (t.op, t.value) == (form[1], x)


@given(amounts)
def test_a_result_left_at_a_level_is_that_level(x):
    rr = parse_result_text(f"Còn {format_number(x)}%")
    assert rr is not None and (rr.change, rr.bounds.op, rr.bounds.value) == ("", "=", x)


def test_the_decimal_point_is_not_lost():
    assert points_change("Giảm 1,5 điểm %")[1].value == Decimal("1.5")


# --------------------------------------------------------------------------- an index against a plan of a rise (D25)

INDEX_ROWS = [
    ("Chỉ số giá tiêu dùng (CPI) bình quân", "%", "Dưới 4,5%", 103.2, "dat"),          # +3,2% under 4,5%
    ("Chỉ số giá tiêu dùng (CPI) B", "%", "Dưới 4,5%", 105.1, "khong_dat"),            # +5,1% not under 4,5%
    ("Chỉ số sản xuất công nghiệp (IIP)", "%", "Tăng 9 - 10%", 109.5, "dat"),         # +9,5% inside 9–10
    ("Chỉ số sản xuất công nghiệp C", "%", "Tăng 9%", 108.1, "khong_dat"),            # +8,1% short of 9%
    ("Chỉ số sản xuất công nghiệp D", "%", "112", 108.5, "khong_dat"),                # both index: 108,5 < 112
    ("Chỉ số hài lòng của người dân", "%", "Trên 45%", 85, "dat"),                    # a score, a level: 85 > 45
    ("Chỉ số giá tiêu dùng E", "%", "Tăng 4%", 250, "khong_danh_gia"),                # far from 100: refused
]


@pytest.fixture(scope="module")
def indexed(tmp_path_factory):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    for i, (name, unit, plan, result, _) in enumerate(INDEX_ROWS, 1):
        ws.append([str(i), name, unit, plan, result, None])
    path = tmp_path_factory.mktemp("index") / "index.xlsx"
    wb.save(path)
    return check(read_workbook(path))


@pytest.mark.parametrize("i", range(len(INDEX_ROWS)), ids=[r[0] for r in INDEX_ROWS])
def test_an_index_against_a_rise_is_judged_as_the_rise(indexed, i):
    a = indexed.attainment.assessments[i]
    assert a.indicator.name == INDEX_ROWS[i][0]
    assert a.status == INDEX_ROWS[i][4], a.reason


def test_an_index_is_said_as_the_rise_it_states(indexed):
    a = indexed.attainment.assessments
    assert not_met_detail(a[3]) == "(tăng 8,1%, kế hoạch tăng 9%)"
    assert "tăng 3,2% so với năm trước" in result_phrase(a[0]) and "kế hoạch tăng dưới 4,5%" in result_phrase(a[0])
    assert "năm trước = 100" in a[0].reason
    # and check no longer calls 108,1 against «Tăng 9%» a likely unit error (1.201,1% of the plan)
    # (an index of 250 is no rise of a plan's size: attainment refuses it, and check still warns)
    assert [f.indicator for f in indexed.findings if f.code == "result_far_off"] == ["Chỉ số giá tiêu dùng E"]


def test_a_plan_in_points_is_not_judged_against_a_column_two_years_back():
    """rev12 D-J: «Giảm 1 điểm %» for 2026 beside «Thực hiện năm 2024» (3,9 against 5,0) was «Vượt KH», a fall over two
    years read as the year's. The change the plan means is against 2025, which the table does not have."""
    from kh_excel.api import read_workbook
    from kh_excel.core.attainment import evaluate
    from kh_excel.core.model import Grid
    head = ["STT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm 2024", "Kế hoạch năm 2026", "Ước thực hiện năm 2026",
            "Cơ quan chủ trì"]
    t = read_workbook(Grid(sheet="B", rows=[["CHỈ TIÊU NĂM 2026"], head,
                                            ["1", "Tỷ lệ hộ nghèo", "%", 5.0, "Giảm 1 điểm %", 3.9, "Sở Nội vụ"]]),
                      file="x.xlsx")
    (a,) = evaluate(t).assessments
    assert a.status == "khong_danh_gia" and "năm 2024" in a.reason and "năm 2025" in a.reason


@pytest.mark.parametrize("name, unit, plan, previous, result, status", [
    ("Tỷ lệ che phủ rừng", "%", "Tăng 1 điểm %", 60, 60.5, "khong_dat"),     # +0,5 point against +1
    ("Tỷ lệ che phủ rừng", "%", "Tăng 1 điểm %", 60, 61.2, "vuot"),          # +1,2 points against +1
    ("Tỷ lệ che phủ rừng", "%", "Tăng 1 điểm %", None, 60.5, "khong_danh_gia"),
    ("Chỉ số cải cách hành chính (PAR Index)", "%", "Tăng 2%", None, 85, "khong_danh_gia"),
    ("Thu ngân sách xã", "Tỷ đồng", "Tăng 10 tỷ đồng", 100, 105, "khong_danh_gia"),
    ("Tốc độ tăng trưởng kinh tế", "%", "Tăng 8%", 7.5, 8.2, "vuot"),       # the rate's own level: 8,2 against 8
])
def test_a_rise_is_never_read_as_the_level_it_names(name, unit, plan, previous, result, status):
    """rev12 D-A: «Tăng 1 điểm %» of a forest cover of 60% was the plan «1%», 60,5 «Vượt KH» at 6.050%; «Tăng 10 tỷ
    đồng» a plan of 10 tỷ. A rise is judged as a rise where its unit is known (points), otherwise not judged."""
    from kh_excel.api import read_workbook
    from kh_excel.core.attainment import evaluate
    from kh_excel.core.model import Grid
    head = ["STT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm 2025", "Kế hoạch năm 2026", "Ước thực hiện năm 2026",
            "Cơ quan chủ trì"]
    t = read_workbook(Grid(sheet="B", rows=[["CHỈ TIÊU NĂM 2026"], head,
                                            ["1", name, unit, previous, plan, result, "Sở Tài chính"]]), file="x.xlsx")
    (a,) = evaluate(t).assessments
    assert a.status == status, a.reason
    assert a.ratio is None or a.ratio < 200


# --------------------------------------------------------------------------- one reading of an index (rev12 D-D)

def _report(rows, previous_head="Thực hiện năm 2025"):
    """The report's context of a table with a previous-year column: (checked, body items, appendix rows by name)."""
    from kh_excel.core.model import Grid
    from kh_excel.docs.context import build_context
    head = ["STT", "Chỉ tiêu", "Đơn vị tính", previous_head, "Kế hoạch năm 2026", "Ước thực hiện năm 2026",
            "Cơ quan chủ trì"]
    body = [[str(i), *r, "Sở Tài chính"] for i, r in enumerate(rows, 1)]
    grid = Grid(sheet="B", rows=[["CHỈ TIÊU NĂM 2026"], head] + body)
    checked = check(read_workbook(grid, file="x.xlsx"))
    c = build_context(checked.attainment, None, "bao-cao")
    items = [m for g in c["kq"]["nhom"] for m in g["muc"]] + list(c["kq"]["tang_truong"])
    return checked, items, {r["ten"]: r for r in c["pl"]["hang"]}


def test_an_index_states_the_same_change_in_the_body_and_the_appendix():
    """CPI 103,2 (last year 103): the body says «tăng 3,2% so với năm trước», so the appendix's comparison says
    «tăng 3,2%», never «tăng 0,2 điểm %» (two indices of two bases subtracted). An index against a plan that is an
    index too (IIP 108,5 against 112) is judged as a level and its change is still the one it states: +8,5%."""
    checked, items, rows = _report([("Chỉ số giá tiêu dùng (CPI)", "%", 103, "Dưới 4,5%", 103.2),
                                    ("Chỉ số sản xuất công nghiệp (IIP)", "%", 108, "112", 108.5),
                                    ("Chỉ số giá tiêu dùng (CPI) B", "%", 101, "Dưới 4%", 99.4)])
    cpi, iip, deflation = checked.attainment.assessments
    assert (cpi.growth, cpi.growth_unit, cpi.growth_kind) == (Decimal("3.2"), "%", "index")
    assert rows["Chỉ số giá tiêu dùng (CPI)"]["so_sanh"] == "tăng 3,2%"
    said = "- Chỉ số giá tiêu dùng (CPI): ước thực hiện 103,2% (tăng 3,2% so với năm trước)"
    assert any(m.startswith(said) for m in items)
    assert iip.status == "khong_dat" and rows["Chỉ số sản xuất công nghiệp (IIP)"]["so_sanh"] == "tăng 8,5%"
    assert any(m.startswith("- Chỉ số sản xuất công nghiệp (IIP): ước thực hiện 108,5%, kế hoạch 112%")
               and "tăng 8,5% so với năm 2025" in m for m in items)
    # (a bound is met or not: «Dưới 4%» met by a fall of 0,6% is Đạt, a bound has no «vượt»)
    assert deflation.status == "dat" and rows["Chỉ số giá tiêu dùng (CPI) B"]["so_sanh"] == "giảm 0,6%"
    assert not [m for m in items if "điểm" in m] and not [r for r in rows.values() if "điểm" in r.get("so_sanh", "")]


def test_an_index_beside_a_column_two_years_back_states_no_change():
    """The index's change is against the year before the plan's (2025); beside «Thực hiện năm 2024» the column
    «So với năm 2024» would state it as a change over two years: nothing is stated."""
    checked, items, rows = _report([("Chỉ số giá tiêu dùng (CPI)", "%", 103, "Dưới 4,5%", 103.2)],
                                   previous_head="Thực hiện năm 2024")
    (a,) = checked.attainment.assessments
    assert a.status == "dat" and a.growth is None
    assert rows["Chỉ số giá tiêu dùng (CPI)"]["so_sanh"] == ""
    assert not [m for m in items if "năm 2024" in m]


# --------------------------------------------------------------------------- a growth rate typed as its index

@pytest.mark.parametrize("name, plan, previous, result, status, as_index", [
    ("Tốc độ tăng giá trị sản xuất", "Tăng 8%", 7, 108.5, "vuot", True),          # +8,5 against 8
    ("Tốc độ tăng giá trị sản xuất", "Tăng 8%", 7, 107.5, "khong_dat", True),     # +7,5 short of 8
    ("Tăng trưởng tín dụng", ">12", None, 111, "khong_dat", True),                # +11 not above 12
    ("Tốc độ tăng trưởng kinh tế (GRDP)", "8", None, 98, "khong_dat", True),      # a fall of 2%
    ("Tốc độ tăng giá trị sản xuất", "Tăng 8%", None, 85, "vuot", False),         # below 90: a growth of 85%
    ("Tốc độ tăng giá trị sản xuất", "Tăng 8%", None, 250, "vuot", False),        # far above: a growth of 250%
    ("Tốc độ tăng giá trị sản xuất", "108", None, 108.5, "vuot", False),          # the plan an index too: 108,5 > 108
    ("Tốc độ tăng giá trị sản xuất", "Tăng 8%", None, "Tăng 108,5%", "vuot", False),  # written as a rise: 108,5
    ("Chỉ số hài lòng của người dân", "8", None, 108.5, "vuot", False),           # a score, no growth rate: a level
])
def test_a_growth_rate_near_100_against_a_plan_of_a_few_per_cent_is_its_index(name, plan, previous, result, status,
                                                                              as_index):
    """note10 #5: «Tốc độ tăng giá trị sản xuất» 108,5 against «Tăng 8%» was a level, «Vượt» at 1.356%. Near 100
    (90–130) against a plan from -10 to 30 the figure is the rate's index: +8,5%, said in a warning."""
    checked, items, rows = _report([(name, "%", previous, plan, result)])
    (a,) = checked.attainment.assessments
    assert a.status == status, a.reason
    assert ("năm trước = 100" in a.reason) == as_index
    assert [f.cell for f in checked.findings if f.code == "result_as_index"] == (["F3"] if as_index else [])
    if as_index:
        assert a.ratio is None and not [f for f in checked.findings if f.code == "result_far_off"]


def test_a_growth_rate_read_as_its_index_is_said_as_the_rise_everywhere():
    checked, items, rows = _report([("Tốc độ tăng giá trị sản xuất", "%", 7, "Tăng 8%", 108.5),
                                    ("Tốc độ tăng giá trị sản xuất B", "%", 107, "Tăng 8%", 107.5)])
    met, missed = checked.attainment.assessments
    assert "- Tốc độ tăng giá trị sản xuất: ước thực hiện 108,5% (tăng 8,5% so với năm trước), kế hoạch tăng 8%." in items
    assert rows["Tốc độ tăng giá trị sản xuất"]["so_sanh"] == "tăng 8,5%"  # as the body, never «tăng 101,5 điểm %»
    assert not_met_detail(missed) == "(tăng 7,5%, kế hoạch tăng 8%)"
    (warning,) = [f for f in checked.findings if f.code == "result_as_index" and f.row == 3]
    assert warning.cell == "F3" and "tăng 8,5% so với năm trước" in warning.message
    assert "«Tăng 108,5%»" in warning.message


def test_a_plan_of_a_fall_is_said_as_a_fall_beside_an_index():
    """An index judged against a plan below 0 (a fall of 2% planned, 97 a fall of 3%): «kế hoạch giảm 2%», never
    «kế hoạch tăng -2%» (WRITING: a change is written by its word and its size)."""
    checked, items, rows = _report([("Tốc độ tăng trưởng kinh tế", "%", None, -2, 97)])
    (a,) = checked.attainment.assessments
    assert a.status == "khong_dat", a.reason  # -3 is short of -2
    assert "- Tốc độ tăng trưởng kinh tế: ước thực hiện 97% (giảm 3,0% so với năm trước), kế hoạch giảm 2%." in items
    assert not_met_detail(a) == "(giảm 3,0%, kế hoạch giảm 2%)"
    assert "(thực hiện 97%, giảm 3,0%, kế hoạch giảm 2%)" in checked.attainment.summary.sentence or \
        "(giảm 3,0%, kế hoạch giảm 2%)" in checked.attainment.summary.sentence
    assert not [m for m in items if "tăng -" in m]


def test_a_rise_is_stated_as_written_never_as_the_level_it_names():
    """rev12 D-A's sentences: with «Tăng 1 điểm %» judged as a rise, the report still said «kế hoạch 1%» and the plan
    «Tỷ lệ che phủ rừng: đạt 1%». A rise is stated as written wherever a plan is named."""
    from kh_excel.docs.wording import plan_sentence
    checked, items, rows = _report([("Tỷ lệ che phủ rừng", "%", 60, "Tăng 1 điểm %", 60.5),
                                    ("Thu ngân sách xã", "Tỷ đồng", 100, "Tăng 10 tỷ đồng", 105)])
    forest, budget = checked.attainment.assessments
    assert forest.status == "khong_dat" and budget.status == "khong_danh_gia"
    assert "- Tỷ lệ che phủ rừng: ước thực hiện 60,5%, tăng 0,5 điểm % so với năm 2025, kế hoạch tăng 1 điểm %." in items
    assert not_met_detail(forest) == "(tăng 0,5 điểm %, kế hoạch tăng 1 điểm %)"
    assert any(m.startswith("- Thu ngân sách xã: ước thực hiện 105\u00a0tỷ\u00a0đồng, kế hoạch tăng 10 tỷ đồng") for m in items)
    assert plan_sentence(forest.indicator) == "Tỷ lệ che phủ rừng: tăng 1 điểm %"
    assert not [m for m in items if "kế hoạch 1%" in m or "kế hoạch 10\u00a0tỷ" in m]


def test_a_bare_percentage_of_communes_is_a_share_of_them_all(tmp_path):
    """«Số xã đạt chuẩn nông thôn mới», unit «Xã», plan «100%» (rev13 R4): all the communes, never «tăng bình quân
    100%/năm»; a bare «15%» beside an amount («Tỷ đồng») is still a rise on the year before."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm 2025", "Kế hoạch năm 2026"])
    ws.append([1, "Số xã đạt chuẩn nông thôn mới", "Xã", 75, "100%"])
    ws.append([2, "Thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", 1000, "15%"])
    wb.save(tmp_path / "p.xlsx")
    communes, revenue = read_workbook(str(tmp_path / "p.xlsx"), plan=True).indicators
    assert (communes.growth_target, communes.target.op, communes.target.text) == (False, "text", "100%")
    assert revenue.growth_target and revenue.target.value == 15


def test_a_year_before_typed_as_its_index_beside_a_rate_changes_in_points_of_the_rate():
    """rev14 D6: «Tốc độ tăng trưởng kinh tế» 107 in 2025 (its index) beside 8,5 in 2026 was «giảm 98,5 điểm % so với
    năm 2025»; 107 was a rate of 7: +1,5 points. CPI 103,5 then 3,2: −0,3 points. A share of 95 then 8 is no such
    pair (its name is no rate nor index): the change stays the figures'."""
    checked, items, rows = _report([("Tốc độ tăng trưởng kinh tế", "%", 107, "8", 8.5),
                                    ("Chỉ số giá tiêu dùng (CPI)", "%", 103.5, "Dưới 4%", 3.2),
                                    ("Tỷ lệ lao động nông nghiệp", "%", 95, "10", 8)])
    growth, cpi, share = checked.attainment.assessments
    assert (growth.growth, growth.growth_unit) == (Decimal("1.5"), "điểm %")
    assert (cpi.growth, cpi.growth_unit) == (Decimal("-0.3"), "điểm %")
    assert (share.growth, share.growth_unit) == (Decimal(-87), "điểm %")
    assert not [m for m in items if "98,5 điểm" in m or "100,3 điểm" in m]


def test_a_growth_plan_typed_as_its_index_is_the_rise_it_stands_for():
    """rev14 D5: «Tốc độ tăng trưởng kinh tế» planned 108 (its index) beside this year's rate 8,5 was «Không đạt» (a
    ratio of 7,9%) with a warning of a unit slip; 108 is a plan of +8%: 8,5 is «Vượt», said with the rise. Against a
    plan typed as an index of 109 it falls short; an index row judged against an index plan is untouched."""
    checked, items, rows = _report([("Tốc độ tăng trưởng kinh tế", "%", 7, "108", 8.5),
                                    ("Tốc độ tăng trưởng giá trị sản xuất", "%", 6, "109", 7.2)])
    above, short = checked.attainment.assessments
    assert (above.status, above.ratio, short.status) == ("vuot", None, "khong_dat")
    assert "- Tốc độ tăng trưởng kinh tế: ước thực hiện 8,5%, kế hoạch 108% (tức tăng 8,0%)." in items
    assert not [f for f in checked.findings if f.code == "result_far_off"]
