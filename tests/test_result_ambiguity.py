"""A figure whose dot or comma reads both ways («1.5»: a Vietnamese thousands dot, or an English decimal point) is
warned about whatever words come before it: «Ước 1.5», «Ước tính 2.3», «Khoảng 1.5» got no `ambiguous_decimal`
while a bare «1.5» did. The warning says how the cell was read, and the document states that same figure, in the
Vietnamese way, in its sentence and in its appendix («Ước 1,5», not the «Ước 1.5» the sheet wrote)."""
from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest
from hypothesis import given, settings, strategies as st

from kh_excel.api import read_workbook
from kh_excel.core.gate import check
from kh_excel.core.numbers import parse_result_text

WORDS = ["Ước", "Ước tính", "Ước đạt", "Ước thực hiện", "ƯTH:", "Dự kiến đạt", "Khoảng", "khoảng", "Xấp xỉ"]


# (text, value read, the figure as written, as read): decided from the convention (a comma is the decimal point;
# a dot groups thousands, so «1.5» with one digit after its dot cannot be thousands and is read as 1,5)
AMBIGUOUS = [("Ước 1.5", Decimal("1.5"), "1.5", "1,5"), ("Ước tính 2.3", Decimal("2.3"), "2.3", "2,3"),
             ("Khoảng 1.5", Decimal("1.5"), "1.5", "1,5"), ("ƯTH: 95.25", Decimal("95.25"), "95.25", "95,25"),
             ("Ước 11,650", Decimal("11.650"), "11,650", "11,650"), ("Trên 1.5", Decimal("1.5"), "1.5", "1,5"),
             ("18.37[2]", Decimal("18.37"), "18.37", "18,37"), ("Khoảng 1,234.5", Decimal("1234.5"), "1,234.5", "1.234,5")]


@pytest.mark.parametrize("text,value,written,read", AMBIGUOUS)
def test_words_before_an_ambiguous_figure_keep_its_warning(text, value, written, read):
    r = parse_result_text(text)
    assert r.bounds.value == value
    assert r.note.startswith(f"“{written}” ") and f"hiểu là {read}" in r.note
    assert r.as_read == text.replace(written, read)


@pytest.mark.parametrize("text,value", [("Ước 1,5", Decimal("1.5")), ("Ước 1.500", Decimal("1500")),
                                        ("Khoảng 24", Decimal("24")), ("Ước 12.600", Decimal("12600")),
                                        ("0,86% (còn 4.17%)", Decimal("0.86"))])
def test_a_figure_written_the_vietnamese_way_has_no_warning(text, value):
    r = parse_result_text(text)
    assert r.bounds.value == value and r.note == "" and r.as_read == ""


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(WORDS), st.integers(0, 999), st.sampled_from(".,"), st.from_regex(r"[0-9]{1,4}", fullmatch=True),
       st.sampled_from([" ", "  "]))
def test_any_words_before_a_figure_warn_exactly_when_the_bare_figure_does(words, whole, sep, digits, gap):
    """A dot with three digits after a first group of 1–999 groups thousands (1.500); any other dot can only be a
    decimal point, written the English way (warned). A comma is the decimal point, but with three digits after a
    first group of 1–999 it may be English thousands (1,500: warned); 0,125 and 1,5 are not."""
    figure = f"{whole}{sep}{digits}"
    r = parse_result_text(f"{words}{gap}{figure}")
    assert r is not None, figure
    thousands_like = len(digits) == 3 and 1 <= whole <= 999
    warned = (sep == "." and not thousands_like) or (sep == "," and thousands_like)
    assert bool(r.note) == warned, (figure, r.note)
    if warned:
        assert r.note.startswith(f"“{figure}” ") and r.as_read.startswith(" ".join(f"{words}{gap}".split()) + " ")
        assert sep == "," or "." not in r.as_read.split()[-1]  # a dot read as a decimal point is written «,»


def _book(tmp_path, results):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Cơ quan chủ trì"])
    for i, (name, unit, plan, result) in enumerate(results, 1):
        ws.append([str(i), name, unit, plan, result, "Sở Tài chính"])
    path = tmp_path / "uoc.xlsx"
    wb.save(path)
    return check(read_workbook(path))


def test_check_warns_and_the_document_states_the_figure_as_read(tmp_path):
    from kh_excel.docs import context as C
    from kh_excel.docs import wording as W
    checked = _book(tmp_path, [("Tỷ trọng kinh tế số trong GRDP", "%", 10.5, "Ước 10.8"),
                               ("Tỷ lệ đô thị hóa", "%", 30, "Khoảng 31.5"),
                               ("Thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", 12000, "Ước 12.600")])
    warned = {(f.cell, f.code): f.message for f in checked.findings}
    assert "đã hiểu là 10,8" in warned[("E2", "ambiguous_decimal")]
    assert "đã hiểu là 31,5" in warned[("E3", "ambiguous_decimal")]
    assert ("E4", "ambiguous_decimal") not in warned                     # 12.600: thousands, as Vietnamese writes
    a = checked.attainment.assessments
    assert [x.indicator.result for x in a] == [Decimal("10.8"), Decimal("31.5"), Decimal("12600")]
    assert [C.result_text(x.indicator) for x in a] == ["Ước 10,8", "Khoảng 31,5", "Ước 12.600"]
    sentences = [e.result for e in W.items(a, W.growth_words)]
    assert sentences[0].startswith("Tỷ trọng kinh tế số trong GRDP: ước thực hiện 10,8%, kế hoạch 10,5%")
    assert sentences[1].startswith("Tỷ lệ đô thị hóa: thực hiện khoảng 31,5%, kế hoạch 30%")


def test_a_plan_read_both_ways_is_written_as_read_in_the_appendix(tmp_path):
    """The plan column shows the plan as the sheet writes it (93,00, «>10», «1.500»), but a figure check warns was
    read both ways is written as it was read, as the sentence states it."""
    from kh_excel.docs import context as C
    from kh_excel.docs import wording as W
    checked = _book(tmp_path, [("Tỷ lệ đô thị hóa", "%", ">1.5", 2), ("Tỷ lệ hộ nghèo", "%", "Khoảng 1.5", 1.4),
                               ("Tỷ lệ lao động qua đào tạo", "%", "1.5", 1.6), ("Số xã nông thôn mới", "Xã", "1.500", 1500),
                               ("Tỷ lệ che phủ rừng", "%", ">10", 12), ("Tỷ lệ dân số tham gia BHYT", "%", "93,00", 94)])
    warned = {f.cell for f in checked.findings if f.code == "ambiguous_decimal"}
    assert warned == {"D2", "D3", "D4"}
    a = checked.attainment.assessments
    assert [C.target_text(x.indicator) for x in a] == [">1,5", "Khoảng 1,5", "1,5", "1.500", ">10", "93,00"]
    sentences = [e.result for e in W.items(a[:3], W.growth_words)]
    assert "kế hoạch trên 1,5%" in sentences[0] and "kế hoạch khoảng 1,5%" in sentences[1], sentences
    assert "kế hoạch 1,5%" in sentences[2], sentences


def test_an_estimate_read_both_ways_is_taken_the_way_nearer_the_plan(tmp_path):
    """«Ước 11,650» beside a plan of 11.280 tỷ đồng: 11,65 or 11.650? A bare «11,650» is taken as 11.650, the reading
    nearer the plan (0,1% of it would be no result a table states), and the words before it must not undo that:
    the document stated «ước thực hiện 11,65 tỷ đồng». Beside a plan of 12 the comma stays a decimal comma."""
    from kh_excel.docs import context as C
    from kh_excel.docs import wording as W
    checked = _book(tmp_path, [("Thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", 11280, "Ước 11,650"),
                               ("Vốn đầu tư công giải ngân", "Tỷ đồng", 12, "Ước 11,650"),
                               ("Tổng mức bán lẻ hàng hóa", "Tỷ đồng", 11280, "11,650")])
    a = checked.attainment.assessments
    assert [x.indicator.result for x in a] == [Decimal("11650"), Decimal("11.650"), Decimal("11650")]
    assert [C.result_text(x.indicator) for x in a] == ["Ước 11.650", "Ước 11,650", "11.650"]
    warned = {f.cell: f.message for f in checked.findings if f.code == "ambiguous_decimal"}
    assert "so với kế hoạch 11.280, chương trình hiểu là 11.650" in warned["E2"]
    assert "so với kế hoạch 12" not in warned["E3"] and "11,650" in warned["E3"]
    first = [e.result for e in W.items(a[:1], W.growth_words)][0].replace("\u00a0", " ")  # units keep their words together
    assert first == ("Thu ngân sách nhà nước trên địa bàn: ước thực hiện 11.650 tỷ đồng, kế hoạch 11.280 tỷ đồng, "
                     "đạt 103,3% kế hoạch"), first                    # 11.650 / 11.280 = 1,0328
    assert a[0].status == "vuot" and a[1].status == "khong_dat"


def test_a_dotted_figure_far_from_its_plan_is_read_as_an_english_decimal_and_warned(tmp_path):
    """«72.500» beside a plan of 72,4 tuổi was stated «72.500 tuổi» and judged «Vượt»: a dot groups thousands in
    Vietnamese, but a sheet typed in an English-language Excel writes 72,5 as «72.500». One group of three digits
    after one dot is taken the way nearer the plan, as «11,650» is, when that way is within ten times the plan:
    72,5 (72,5 / 72,4 = 1,0014) against 72.500 (1.001×). Always warned when read against the convention;
    «1.250» beside 1.200 stays 1.250 silently (the Vietnamese reading is the nearer one), and «5.000» beside 72,4
    stays 5.000 (5 would be 0,07× the plan: no reading is near, the convention stands). «Trên 13,150» beside
    13.000 is a bound read as «Ước 13,150» is: 13.150."""
    from kh_excel.docs import context as C
    checked = _book(tmp_path, [("Tuổi thọ trung bình", "Tuổi", 72.4, "72.500"),
                               ("Diện tích lúa", "Ha", 1200, "1.250"),
                               ("Sản lượng chè búp tươi", "Tấn", 72.4, "5.000"),
                               ("Thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", 13000, "Trên 13,150"),
                               ("Tuổi thọ khỏe mạnh", "Tuổi", 66.5, "Ước 66.800")])
    a = checked.attainment.assessments
    assert [x.indicator.result for x in a] == [Decimal("72.500"), Decimal("1250"), Decimal("5000"), None,
                                               Decimal("66.800")]
    # stated as meant: 72,5, not «72,500» (the zeros were the English writing's, and «2,000 xã» would mislead)
    assert [C.result_text(x.indicator) for x in a] == ["72,5", "1.250", "5.000", "Trên 13.150", "Ước 66,8"]
    assert a[3].indicator.result_reading.bounds.value == Decimal("13150")
    warned = {f.cell: f.message for f in checked.findings if f.code == "ambiguous_decimal"}
    assert set(warned) == {"E2", "E5", "E6"}
    assert "“72.500” có thể là 72.500 (dấu chấm phân cách hàng nghìn) hoặc 72,5 (dấu chấm thập phân" in warned["E2"]
    assert "so với kế hoạch 72,4, chương trình hiểu là 72,5," in warned["E2"]
    assert "so với kế hoạch 13.000, chương trình hiểu là 13.150" in warned["E5"]
    assert "so với kế hoạch 66,5, chương trình hiểu là 66,8," in warned["E6"]
    assert a[0].status == "vuot" and a[4].status == "vuot"   # 72,5 ≥ 72,4; 66,8 ≥ 66,5 (more is better)
    assert a[2].status == "vuot"                              # 5.000 as written: warned as text and as far off the plan
    assert {f.code for f in checked.findings if f.cell == "E4"} == {"number_as_text", "result_far_off"}


def test_a_plan_of_growth_is_no_figure_to_read_a_result_near(tmp_path):
    """«Tăng 10%» on an amount is a growth over last year, not a figure of 10: «11.500» beside it is 11.500 (and
    +10,0% on 10.450), never 11,5 weighed against 10 and judged «Không đạt» with «giảm 99,9%» (rev7 #1)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Thực hiện năm 2025"])
    ws.append(["1", "Tổng vốn đầu tư toàn xã hội", "Tỷ đồng", "Tăng 10%", "11.500", 10450])
    ws.append(["2", "Tổng sản phẩm (GRDP)", "Tỷ đồng", "≥ 8%", "Ước 11.500", 10450])
    wb.save(tmp_path / "g.xlsx")
    a = check(read_workbook(tmp_path / "g.xlsx")).attainment.assessments
    assert [x.indicator.result for x in a] == [Decimal("11500"), Decimal("11500")]
    assert [x.status for x in a] == ["vuot", "dat"]         # +10,05% over 10%; a bound «≥ 8%» is met (Đạt)
