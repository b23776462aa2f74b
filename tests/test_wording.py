"""Every kind of indicator a table holds, worded for a plan and for a report.

The expected sentences are written by hand from the row (WRITING.md: «đạt» a level, «còn» a
burden, a reduction amount without «đạt», a share never read as a share of the plan); «~»
below stands for the non-breaking space that joins a number to its unit.
"""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kh_excel.core.attainment import assess
from kh_excel.core.direction import infer_direction
from kh_excel.core.model import Assessment, Indicator, Target
from kh_excel.docs import wording as W

NB = "\u00a0"


def D(x) -> Decimal:
    return Decimal(str(x))


def T(text: str, op: str = "=", value=None, high=None) -> Target:
    return Target(text, op, None if value is None else D(value), None if high is None else D(high))


def row(name, unit, target, result=None, previous=None, *, kind="indicator", stt="1", row_=8, parent=None,
        growth_target=False, result_text=""):
    direction, reason = infer_direction(name, unit, target)
    return Indicator(row=row_, kind=kind, stt=stt, name=name, unit=unit, target=target,
                     result=None if result is None else D(result), result_text=result_text,
                     previous=None if previous is None else D(previous), direction=direction,
                     direction_reason=reason, parent_row=parent, growth_target=growth_target)


def nb(s: str) -> str:
    return s.replace("~", NB)


# name, unit, target, result, previous, growth target, plan sentence, report phrase (after «name: »)
CASES = [
    ("amount, more is better", "Thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", T("23.500", "=", 23500), 24120, None,
     False, "Thu ngân sách nhà nước trên địa bàn: đạt 23.500~tỷ~đồng",
     "thực hiện 24.120~tỷ~đồng, kế hoạch 23.500~tỷ~đồng, đạt 102,6% kế hoạch"),
    ("share above a bound", "Tỷ lệ bao phủ bảo hiểm y tế", "%", T(">95", ">", 95), 95.3, None, False,
     "Tỷ lệ bao phủ bảo hiểm y tế: đạt trên 95%", "thực hiện 95,3%, kế hoạch trên 95%"),
    ("at least", "Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ", "%", T("≥ 95", ">=", 95), 96, None, False,
     "Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ: đạt từ 95% trở lên", "thực hiện 96%, kế hoạch từ 95% trở lên"),
    ("ceiling, lower is better", "Tỷ lệ nợ xấu nội bảng", "%", T("<2", "<", 2), 1.8, None, False,
     "Tỷ lệ nợ xấu nội bảng: còn dưới 2%", "còn 1,8%, kế hoạch dưới 2%"),
    ("at most", "Tỷ lệ nợ xấu nội bảng", "%", T("tối đa 3", "<=", 3), 3.5, None, False,
     "Tỷ lệ nợ xấu nội bảng: còn không quá 3%", "còn 3,5%, kế hoạch không quá 3%"),
    ("khoảng, lower is better", "Tỷ lệ hộ nghèo", "%", T("khoảng 16,3", "~", 16.3), 16.1, None, False,
     "Tỷ lệ hộ nghèo: còn khoảng 16,3%", "còn 16,1%, kế hoạch khoảng 16,3%"),
    ("point, lower is better (no ratio)", "Tỷ lệ lao động nông nghiệp trong tổng lao động xã hội", "%",
     T("48,5", "=", 48.5), 47.9, None, False,
     "Tỷ lệ lao động nông nghiệp trong tổng lao động xã hội: còn 48,5%", "còn 47,9%, kế hoạch 48,5%"),
    ("burden amount, lower is better", "Số vụ tai nạn giao thông", "Vụ", T("120", "=", 120), 110, None, False,
     "Số vụ tai nạn giao thông: còn 120~vụ", "còn 110~vụ, kế hoạch 120~vụ"),
    ("reduction amount in points", "Giảm tỷ lệ hộ nghèo so với năm trước", "Điểm %", T("1,5", "=", 1.5), 1.7, None,
     False, "Giảm tỷ lệ hộ nghèo so với năm trước 1,5~điểm~%", "thực hiện 1,7~điểm~%, kế hoạch 1,5~điểm~%"),
    ("range of a rate", "Tốc độ tăng trưởng kinh tế (GRDP)", "%", T("8 - 10", "range", 8, 10), 9, None, False,
     "Tốc độ tăng trưởng kinh tế (GRDP): đạt từ 8 đến 10%", "thực hiện 9%, kế hoạch từ 8 đến 10%"),
    ("range of an amount", "Sản lượng lương thực có hạt", "Nghìn tấn", T("130 - 140", "range", 130, 140), 135, None,
     False, "Sản lượng lương thực có hạt: đạt từ 130 đến 140~nghìn~tấn",
     "thực hiện 135~nghìn~tấn, kế hoạch từ 130 đến 140~nghìn~tấn, đạt 103,8% kế hoạch"),
    ("khoảng, more is better", "Tỷ lệ đô thị hóa", "%", T("khoảng 32", "~", 32), 32.4, None, False,
     "Tỷ lệ đô thị hóa: đạt khoảng 32%", "thực hiện 32,4%, kế hoạch khoảng 32%"),
    ("growth target on an amount", "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ", "Tỷ đồng",
     T("Tăng trên 8%", ">", 8), 1091, 1000, True,
     "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ: tăng trên 8% so với năm trước",
     "thực hiện 1.091~tỷ~đồng, tăng 9,10% so với năm 2025, kế hoạch tăng trên 8%"),
    ("index in % (not a share of plan)", "Chỉ số sản xuất công nghiệp", "%", T("112", "=", 112), 108.5, None, False,
     "Chỉ số sản xuất công nghiệp: đạt 112%", "thực hiện 108,5%, kế hoạch 112%"),
    ("rank", "Xếp hạng chỉ số năng lực cạnh tranh cấp tỉnh (PCI)", "Thứ hạng", T("20", "=", 20), 15, None, False,
     "Xếp hạng chỉ số năng lực cạnh tranh cấp tỉnh (PCI): xếp thứ 20", "xếp thứ 15, kế hoạch thứ 20"),
    ("abbreviated unit written out", "Phấn đấu toàn tỉnh có doanh nghiệp", "DN", T("13.400", "=", 13400), 13150,
     None, False, "Phấn đấu toàn tỉnh có 13.400~doanh~nghiệp",
     "thực hiện 13.150~doanh~nghiệp, kế hoạch 13.400~doanh~nghiệp, đạt 98,1% kế hoạch"),
    ("thousands in the unit", "Tổng lượng khách du lịch", "1000 lượt người", T("11.280", "=", 11280), 11650, None,
     False, "Tổng lượng khách du lịch: đạt 11.280~nghìn lượt người",
     "thực hiện 11.650~nghìn lượt người, kế hoạch 11.280~nghìn lượt người, đạt 103,3% kế hoạch"),
    ("no result yet", "Số bác sỹ trên một vạn dân", "Bác sỹ", T("13", "=", 13), None, None, False,
     "Số bác sỹ trên một vạn dân: đạt 13~bác~sỹ", "chưa có số liệu (kế hoạch 13~bác~sỹ)"),
    ("qualitative target, no result", "Hoàn thành quy hoạch tỉnh", "", T("Hoàn thành trong quý II", "text"), None,
     None, False, "Hoàn thành quy hoạch tỉnh: hoàn thành trong quý II",
     "chưa có số liệu (mục tiêu hoàn thành trong quý II)"),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_plan_and_report_sentences(case):
    _, name, unit, target, result, previous, growth, plan, report = case
    ind = row(name, unit, target, result, previous, growth_target=growth)
    a = assess(ind)
    assert W.plan_sentence(ind) == nb(plan)
    since = "tăng 9,10% so với năm 2025" if growth else ""
    assert W.result_phrase(a, since) == nb(report)
    assert "đạt 1,5" not in W.plan_sentence(ind) and "::" not in W.plan_sentence(ind)


def test_a_qualitative_result_is_written_as_the_sheet_says_beside_its_target():
    ind = row("Xếp hạng chỉ số PCI phấn đấu cao hơn năm 2025", "", T("Tăng 3 bậc so với năm 2025", "text"),
              result_text="Tăng 3 bậc")
    assert W.result_phrase(assess(ind)) == "tăng 3 bậc (mục tiêu tăng 3 bậc so với năm 2025)"


def test_failed_numbers_say_so_and_carry_no_value():
    ind = row("Thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", T("23.500", "=", 23500), 24120)
    a = Assessment(ind, "so_lieu_loi", D("102.6"), "số liệu lỗi")
    assert W.result_phrase(a) == "số liệu lỗi"
    assert W.result_brief(a) == "(số liệu lỗi)"
    assert not W.shows_ratio(a)
    entry = W.items([a])[0]
    assert entry.result == "Thu ngân sách nhà nước trên địa bàn: số liệu lỗi" and entry.status == "so_lieu_loi"
    assert not any(ch.isdigit() for ch in entry.result)


def test_the_not_met_list_gives_result_and_plan():
    index = assess(row("Chỉ số sản xuất công nghiệp", "%", T("112", "=", 112), 108.5))
    assert W.result_brief(index) == "(thực hiện 108,5%, kế hoạch 112%)"
    gdp = assess(row("Tổng sản phẩm trên địa bàn", "Tỷ đồng", T("155.000", "=", 155000), 151200))
    assert W.result_brief(gdp) == nb("(thực hiện 151.200~tỷ~đồng, kế hoạch 155.000~tỷ~đồng)")
    burden = assess(row("Tỷ lệ hộ nghèo", "%", T("<3", "<", 3), 3.4))
    assert W.result_brief(burden) == "(còn 3,4%, kế hoạch dưới 3%)"


def _structure():
    head = row("Cơ cấu GRDP", "%", T("100", "=", 100), 100, kind="subrow", stt="-", row_=9, parent=8)
    parts = [row("Nông, lâm nghiệp và thủy sản", "%", T("14,97", "=", 14.97), 15.1, kind="subrow", stt="+",
                 row_=10, parent=8),
             row("Công nghiệp - Xây dựng", "%", T("38,13", "=", 38.13), 35, kind="subrow", stt="+", row_=11,
                 parent=8)]
    for p in parts:  # as the reader marks them: a structure's parts are judged «khoảng»
        p.direction = "about"
    lead = row("Tổng sản phẩm trên địa bàn", "Tỷ đồng", T("155.000", "=", 155000), 156000)
    return [assess(x) for x in (lead, head, *parts)]


def test_a_structure_is_one_sentence_with_every_part():
    entries = W.items(_structure())
    assert len(entries) == 2
    s = entries[1]
    assert s.plan == "Cơ cấu GRDP: nông, lâm nghiệp và thủy sản 14,97%, công nghiệp - xây dựng 38,13%"
    assert s.result == ("Cơ cấu GRDP: nông, lâm nghiệp và thủy sản 15,1% (kế hoạch 14,97%), "
                        "công nghiệp - xây dựng 35% (kế hoạch 38,13%)")
    # 35 is 8 % off 38,13 (beyond ±2 %): the structure is not met, and the summary names the part
    assert s.status == "khong_dat"
    assert s.brief == "Cơ cấu GRDP (công nghiệp - xây dựng thực hiện 35%, kế hoạch 38,13%)"
    assert "đạt 100%" not in s.plan + s.result


def test_trong_do_belongs_to_its_indicator():
    lead = row("Phấn đấu toàn tỉnh có doanh nghiệp", "DN", T("13.400", "=", 13400), 13150, row_=25)
    sub = row("Trong đó: tỷ lệ doanh nghiệp hoạt động hiệu quả", "%", T("56,5", "=", 56.5), 57, kind="subrow",
              stt="", row_=26, parent=25)
    entries = W.items([assess(lead), assess(sub)])
    plan = W.plan_items(entries)
    assert [e.plan for e in plan] == [nb("Phấn đấu toàn tỉnh có 13.400~doanh~nghiệp, trong đó tỷ lệ doanh nghiệp "
                                         "hoạt động hiệu quả đạt 56,5%")]
    assert entries[1].result == ("Phấn đấu toàn tỉnh có doanh nghiệp, trong đó tỷ lệ doanh nghiệp hoạt động hiệu "
                                 "quả: thực hiện 57%, kế hoạch 56,5%, đạt 100,9% kế hoạch")  # 57 / 56,5 (rev18 R18-11)
    assert all(e.result.count(":") == 1 for e in entries)


def test_names_lose_list_marks_and_groups_are_lower_case_mid_sentence():
    assert W.name_of(row("- Lúa", "Tấn", T("10", "=", 10))) == "Lúa"
    assert W.name_of(row("+ Dịch vụ", "%", T("10", "=", 10))) == "Dịch vụ"
    assert W.group_name("Các Ban Quản lý dự án") == "các Ban Quản lý dự án"
    assert W.group_name("Sở Tài chính") == "Sở Tài chính"
    assert W.lower_first("Tăng 3 bậc") == "tăng 3 bậc" and W.lower_first("PCI tăng") == "PCI tăng"


def test_appendix_targets_as_the_resolution_writes_them():
    """A signed appendix copies the plan cell's words (rev18 R18-14): no «≥ 10» for «10% trở lên», no «< 4,5» for «Dưới
    4,5»; a bound typed in signs alone has its digits grouped (rev19 REG-4: «>90000» beside «23.500»)."""
    assert W.appendix_target(row("Tổng vốn đầu tư", "Tỷ đồng", T(">90000", ">", 90000))) == "> 90.000"
    assert W.appendix_target(row("Tỷ lệ bao phủ", "%", T(">=95", ">=", 95))) == "≥ 95"
    assert W.appendix_target(row("GRDP bình quân", "Triệu đồng", T("93,00", "=", 93))) == "93,00"
    assert W.appendix_target(row("Sản lượng", "Tấn", T("130-140", "range", 130, 140))) == "130-140"
    assert W.appendix_target(row("Tốc độ tăng chỉ số giá", "%", T("Dưới 4,5", "<", 4.5))) == "Dưới 4,5"
    assert W.appendix_target(row("Tỷ lệ tăng thu", "%", T("10% trở lên", ">=", 10))) == "10% trở lên"


UNITS = ["Tỷ đồng", "%", "Điểm %", "1000 lượt người", "DN", "Triệu USD", "Người", "Bác sỹ", "ha", "Xã, phường"]


@given(st.decimals(min_value=0, max_value=10 ** 9, places=2, allow_nan=False), st.sampled_from(UNITS))
def test_a_number_and_its_unit_never_split(value, unit):
    from kh_excel.core.numbers import format_number
    n = format_number(value)
    text = W.amount(n, unit)
    assert text.startswith(n)
    rest = text[len(n):]
    assert rest == "%" or rest.startswith(NB)
    assert " DN" not in text and "1000" not in text


def test_an_excel_error_value_is_a_failed_number_even_without_the_gate():
    ind = row("Thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", T("23.500", "=", 23500), result_text="#DIV/0!")
    a = assess(ind)
    assert W.status_of(a) == "so_lieu_loi"
    assert W.result_phrase(a) == "số liệu lỗi" and "#" not in W.items([a])[0].result


def test_names_in_running_text_lose_typed_numbering_and_abbreviations():
    assert W.name_of(row("1.1.1.Lúa Đông xuân", "ha", T("56", "=", 56))) == "Lúa Đông xuân"
    assert W.name_of(row("3.1 Rau khác", "ha", T("5", "=", 5))) == "Rau khác"
    assert W.name_of(row("I.Diện tích cây hàng năm", "ha", T("5", "=", 5))) == "Diện tích cây hàng năm"
    assert W.name_of(row("a. Điều ghép", "ha", T("5", "=", 5))) == "Điều ghép"
    assert W.name_of(row("b) Điều hạt", "ha", T("5", "=", 5))) == "Điều hạt"
    assert W.name_of(row("TỔNG GIÁ TRỊ SX (GIÁ 2010)", "Tỷ đồng", T("5", "=", 5))) == \
        "Tổng giá trị sản xuất (giá 2010)"
    assert W.name_of(row("Số giường bệnh trên 1 vạn dân", "Giường", T("43", "=", 43))) == \
        "Số giường bệnh trên 1 vạn dân"
    assert W.name_of(row("Tốc độ tăng trưởng kinh tế (GRDP)", "%", T("8", "=", 8))) == \
        "Tốc độ tăng trưởng kinh tế (GRDP)"
    assert W.unit_words("0") == "" and W.amount("5", "0") == "5"


def test_a_rate_per_year_follows_its_figure_as_a_percentage_does():
    """«Tỷ lệ hộ nghèo giảm bình quân», unit «%/năm»: «2,5%/năm», never «2,5 %/năm»; «% / năm» written loosely too."""
    assert W.amount("2,5", "%/năm") == "2,5%/năm"
    assert W.amount("2,5", "% / năm") == "2,5%/năm"
    assert W.amount("1,2", "‰/năm") == "1,2‰/năm"
    assert W.amount("10,5", "%") == "10,5%"
    assert W.amount("3", "điểm %") == "3\u00a0điểm\u00a0%"


def test_a_row_in_another_unit_below_a_structure_is_not_one_of_its_shares():
    head = row("Cơ cấu GTSX", "%", T("100", "=", 100), 100, kind="subrow", stt="", row_=9, parent=8)
    share = row("Khu vực dịch vụ", "%", T("40,9", "=", 40.9), 41, kind="subrow", stt="+", row_=10, parent=8)
    other = row("GRDP BQ đầu người", "Triệu đồng", T("30", "=", 30), 72.94, kind="subrow", stt="+", row_=11, parent=8)
    lead = row("Tổng giá trị sản xuất", "Tỷ đồng", T("1.000", "=", 1000), 1100)
    entries = W.items([assess(x) for x in (lead, head, share, other)])
    assert [e.rows for e in entries] == [[8], [9, 10], [11]]
    assert entries[1].plan == "Cơ cấu giá trị sản xuất: khu vực dịch vụ 40,9%"
    # no share of the structure, marked or not: named alone (rev10 D6), never «(Cơ cấu giá trị sản xuất)»
    assert entries[2].plan == nb("GRDP bình quân đầu người: đạt 30~triệu~đồng")


def test_units_mid_sentence_and_a_nameless_row():
    assert W.unit_words("Tạ/Ha") == "tạ/ha" and W.unit_words("Triệu USD") == "triệu USD"
    assert W.unit_words("Tỷ đồng") == "tỷ đồng" and W.unit_words("km2") == "km2"
    nameless = row("", "ĐVT", T("", "text"))
    assert W.items([assess(nameless)]) == []


def test_a_figure_without_a_plan_says_there_is_no_plan():
    ind = row("Nông nghiệp", "Tỷ đồng", T("", "text"), 847.63)
    assert W.result_phrase(assess(ind)) == nb("thực hiện 847,63~tỷ~đồng, không có số kế hoạch")


def test_a_short_sub_row_name_says_what_it_belongs_to():
    crop = row("1.2.Củ năng", "", T("0", "=", 0), 0, row_=20)
    area = row("- Diện tích", "Ha", T("27", "=", 27), 150, row_=21)              # numbered by the sheet, dash in name
    sub = row("Năng suất", "Tạ/Ha", T("4", "=", 4), 1, kind="subrow", stt="-", row_=22, parent=20)
    entries = W.items([assess(x) for x in (crop, area, sub)])
    assert [e.plan for e in entries] == ["Củ năng: đạt 0", nb("Diện tích (Củ năng): đạt 27~ha"),
                                         nb("Năng suất (Củ năng): đạt 4~tạ/ha")]


def test_the_owner_of_a_dashed_row_is_the_row_above_it_without_brackets_in_brackets():
    total = row("Tổng giá trị sản xuất (Giá 2010)", "Tỷ đồng", T("1.619,2", "=", 1619.2), row_=8)
    area = row("Khu vực Nông, lâm, thủy", "Tỷ đồng", T("276", "=", 276), kind="subrow", stt="", row_=9, parent=8)
    farm = row("- Nông nghiệp", "Tỷ đồng", T("275,9", "=", 275.9), kind="subrow", stt="", row_=10, parent=8)
    top = row("Dân số", "Người", T("10", "=", 10), row_=11)
    under = row("- Nam", "Người", T("5", "=", 5), kind="subrow", stt="", row_=12, parent=11)
    plans = [e.plan for e in W.items([assess(x) for x in (total, area, farm, top, under)])]
    assert plans[2] == nb("Nông nghiệp (Khu vực Nông, lâm, thủy): đạt 275,9~tỷ~đồng")
    assert plans[4] == nb("Nam (Dân số): đạt 5~người")


def test_the_appendix_writes_a_plan_that_reads_both_ways_as_the_body_does():
    """rev15 R15-11: «1,500.0» (English separators) is read 1.500,0 and the body says «kế hoạch 1.500,0 triệu USD»;
    the signed appendix copied «1,500.0», which a Vietnamese reader takes for 1,5. A plan in words keeps its words."""
    from kh_excel.api import read_workbook
    from kh_excel.core.model import Grid
    grid = Grid("Biểu 01", [["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Thực hiện năm 2026", "Cơ quan chủ trì"],
                            ["1", "Kim ngạch xuất khẩu", "Triệu USD", "1,500.0", 1234.5, "Sở Công Thương"],
                            ["2", "Tỷ lệ che phủ rừng", "%", "≥ 60,5", 61, "Sở Nông nghiệp và Môi trường"],
                            ["3", "Xây dựng nông thôn mới", "Xã", "Hoàn thành 2 xã", "", "Sở Nông nghiệp và Môi trường"]])
    table = read_workbook(grid, file="t.xlsx")
    assert [W.appendix_target(i) for i in table.indicators] == ["1.500,0", "≥ 60,5", "Hoàn thành 2 xã"]


@pytest.mark.parametrize("unit, said", [
    ("Số bé trai/100 bé gái", "111\u00a0bé trai/100 bé gái"),  # rev15 R15-16: «111 số bé trai/100 bé gái»
    ("Số lượt", "111\u00a0lượt"),
    ("Số", "111\u00a0số"),  # the word alone is the unit: kept
    ("Tỷ đồng", "111\u00a0tỷ\u00a0đồng"),
])
def test_a_unit_named_as_a_count_reads_as_its_noun_after_a_figure(unit, said):
    from kh_excel.docs.wording import amount
    assert amount("111", unit) == said
