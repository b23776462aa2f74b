"""The attainment rules of SPEC §4, one boundary at a time, on hand-made rows (no files)."""
from __future__ import annotations

from decimal import Decimal as D

import pytest

from kh_excel.core.attainment import assess, evaluate, summarise
from kh_excel.core.direction import infer_direction
from kh_excel.core.model import EMPTY_TARGET, Indicator, Table, Target
from kh_excel.core.numbers import parse_target


def row(target: str | float, result, name: str = "Chỉ tiêu thử", unit: str = "Tỷ đồng", explicit: str = "", previous=None) -> Indicator:
    t = parse_target(target) if target != "" else EMPTY_TARGET
    d, why = infer_direction(name, unit, t, explicit)
    return Indicator(row=10, kind="indicator", stt="1", name=name, unit=unit, target=t,
                     result=None if result is None else D(str(result)), direction=d, direction_reason=why,
                     previous=None if previous is None else D(str(previous)), lead=["Sở Tài chính"], leader="Đồng chí A")


@pytest.mark.parametrize("target,result,status", [
    (100, 101, "vuot"), (100, 100, "dat"), (100, 99.9, "khong_dat"),
    (">10", 10, "khong_dat"), (">10", "10.01", "dat"), ("trên 10", 10, "khong_dat"), ("trên 10", 11, "dat"),
    ("≥ 95", 95, "dat"), ("≥ 95", "94.99", "khong_dat"), (">=95", 96, "dat"), ("tối thiểu 95", 95, "dat"),
    ("<5", 5, "khong_dat"), ("dưới 5", "4.9", "dat"), ("≤ 5", 5, "dat"), ("tối đa 5", "5.1", "khong_dat"),
    ("khoảng 32", "32.64", "dat"), ("khoảng 32", "31.36", "dat"), ("khoảng 32", "32.65", "vuot"),
    ("khoảng 32", "31.35", "khong_dat"),
    ("130 - 140", 130, "dat"), ("130 - 140", 140, "dat"), ("từ 130 đến 140", 135, "dat"),
    ("130 - 140", 129, "khong_dat"), ("130 - 140", 141, "vuot"),
    (100, None, "chua_co_so_lieu"), ("phấn đấu đạt cao hơn so với năm 2025", 5, "khong_danh_gia"),
    ("", 5, "khong_danh_gia"),
])
def test_status_by_operator(target, result, status):
    a = assess(row(target, result))
    assert a.status == status, a.reason


def test_khoang_with_about_direction_is_never_vuot():
    a = assess(row("khoảng 32", 40, explicit="Khoảng"))
    assert a.indicator.direction == "about" and a.status == "khong_dat"


def test_khoang_tolerance_is_configurable():
    r = row("khoảng 100", 104)
    assert assess(r).status == "khong_dat" or assess(r).status == "vuot"
    assert assess(r, tolerance=D(5)).status == "dat"


@pytest.mark.parametrize("name", [
    "Tỷ lệ hộ nghèo theo chuẩn đa chiều", "Tỷ lệ lao động nông nghiệp trong tổng lao động xã hội",
    "Tỷ suất tử vong trẻ em dưới 1 tuổi", "Số vụ tai nạn giao thông", "Tỷ lệ nợ xấu",
])
def test_lower_is_better_names(name):
    r = row(10, 9, name=name, unit="%")
    assert r.direction == "down" and r.direction_reason
    assert assess(r).status == "vuot"
    assert assess(row(10, 11, name=name, unit="%")).status == "khong_dat"


def test_reduction_amount_is_higher_is_better():
    r = row(1.5, 1.7, name="Giảm tỷ lệ hộ nghèo so với năm trước", unit="Điểm %")
    assert r.direction == "up" and "giảm" in r.direction_reason
    assert assess(r).status == "vuot"


@pytest.mark.parametrize("explicit,direction", [("Tăng", "up"), ("Giảm", "down"), ("giảm", "down"), ("Khoảng", "about")])
def test_explicit_direction_column_wins(explicit, direction):
    r = row(10, 9, name="Tỷ lệ hộ nghèo", unit="%", explicit=explicit)
    assert r.direction == direction and "Chiều" in r.direction_reason


def test_ratio_is_exact_decimal():
    a = assess(row(3, 1))
    assert a.ratio == D(1) / D(3) * 100
    assert assess(row("0", 5)).ratio is None  # a zero target has no ratio


def test_growth_relative_and_in_points():
    a = assess(row(100, 108.16, previous=100))
    assert a.growth == D("8.16") and a.growth_unit == "%"
    b = assess(row(50, 52, unit="%", previous=50.5))
    assert b.growth == D("1.5") and b.growth_unit == "điểm %"


def test_summary_sentence_and_groups():
    rows = [row(100, 90, name="Thu ngân sách"), row(100, 110, name="Vốn đầu tư"), row("", None, name="Xếp hạng PCI"),
            row(100, None, name="Khách du lịch")]
    rows[0].lead = ["Sở Văn hoá, Thể thao và Du lịch"]
    rows[1].lead = ["Sở Văn hóa, Thể thao và Du lịch"]
    rows[1].leader = "Đông chí A"
    s = summarise([assess(r) for r in rows], 2026)
    assert s.evaluated == 2 and s.counts["khong_dat"] == 1 and s.counts["vuot"] == 1
    assert s.sentence == ("Năm 2026, có 1/2 chỉ tiêu đạt và vượt kế hoạch; 1 chỉ tiêu không đạt kế hoạch, gồm: "
                          "(1) Thu ngân sách (đạt 90,0% KH); 1 chỉ tiêu chưa có số liệu; 1 chỉ tiêu không đánh giá bằng số.")
    # tone-mark variants of one agency are one group; "Đông chí"/"Đồng chí" are one leader
    culture = [k for k in s.by_agency if k.startswith("Sở Văn h")]
    assert len(culture) == 1 and sum(s.by_agency[culture[0]].values()) == 2
    assert len(s.by_leader) == 1


def test_sentence_when_everything_is_met():
    s = summarise([assess(row(100, 100))], 2025)
    assert s.sentence == "Năm 2025, có 1/1 chỉ tiêu đạt và vượt kế hoạch, không có chỉ tiêu nào không đạt kế hoạch."


def test_evaluate_keeps_every_row_in_order():
    t = Table(file="", sheet="S", columns={"name": 1, "target": 3}, column_headers={}, header_rows=[1],
              first_data_row=2, last_data_row=4, title_lines=[], sections=[], indicators=[row(1, 2), row(2, 1)], year=2026)
    att = evaluate(t)
    assert [a.indicator for a in att.assessments] == t.indicators
    assert att.summary.counts["vuot"] == 1 and att.summary.counts["khong_dat"] == 1


@pytest.mark.parametrize("target,result,name,status", [
    (623, 0, "Giá trị sản xuất ngành xây dựng", "chua_co_so_lieu"),   # a cell not yet filled: no «thực hiện 0»
    (">10", 0, "Tốc độ tăng trưởng", "chua_co_so_lieu"),
    (0, 0, "Diện tích cà phê", "khong_danh_gia"),                      # no plan, no goal
    (5, 0, "Số vụ tai nạn giao thông", "vuot"),                        # lower is better: 0 is a real result
    (2.5, 0, "Tỷ lệ hộ nghèo", "vuot"),
    (623, "50", "Giá trị sản xuất ngành xây dựng", "khong_dat"),       # a small result (8% of plan) is still a result
    (623, "0.5", "Giá trị sản xuất ngành xây dựng", "khong_danh_gia"),  # 1/1.246 of the plan: a unit mismatch
])
def test_a_zero_result_against_a_positive_plan_is_not_yet_filled(target, result, name, status):
    a = assess(row(target, result, name=name))
    assert a.status == status, a.reason
    assert a.ratio is None or status not in ("chua_co_so_lieu",)


def test_the_zero_rule_is_one_rule_in_check_attainment_and_the_formula():
    from kh_excel.core.formulas import attainment_cells
    from kh_excel.core.validation import validate
    ind = row(623, 0, name="Giá trị sản xuất ngành xây dựng")
    ind.raw = {"result": 0, "target": 623}
    cols = {"stt": 0, "name": 1, "unit": 2, "target": 3, "result": 4, "lead": 5}
    t = Table(file="x.xlsx", sheet="S", year=2026, columns=cols, column_headers={k: k for k in cols},
              header_rows=[1], indicators=[ind], sections=[], first_data_row=10, last_data_row=10, title_lines=[])
    assert [f.code for f in validate(t) if f.code == "result_zero"] == ["result_zero"]
    ratio, status = attainment_cells(assess(ind), t.columns)
    assert "E10=0" in status and '"Chưa có số liệu"' in status


@pytest.mark.parametrize("target,result,status", [
    ("29,1", 34285, "khong_danh_gia"),   # 1.178× the plan: người against nghìn người
    ("4,3", 8750, "khong_danh_gia"),     # 2.035×: con against 1000 con (don_duong J207)
    (100, 10000, "khong_danh_gia"),      # exactly 100×: the threshold is included
    (100, 9999, "vuot"),                 # 99,99×: judged (check warns from 10×)
    (10000, 100, "khong_danh_gia"),      # 1/100 of the plan
    (10000, 101, "khong_dat"),           # just above 1/100: judged
])
def test_a_ratio_beyond_plausibility_is_a_unit_mismatch_never_vuot(target, result, status):
    a = assess(row(target, result))
    assert a.status == status, a.reason
    if status == "khong_danh_gia":
        assert a.ratio is None and "đơn vị" in a.reason


def test_a_total_of_unfilled_parts_is_unfilled_not_khong_dat():
    """review r1 class 4: «Tổng» = A + B where B is 0 over empty cells is incomplete, not «Không đạt»."""
    from kh_excel.core.model import Table

    def r(n, name, plan, result, stt=""):
        ind = row(plan, result, name=name)
        ind.row, ind.kind, ind.stt = n, "indicator" if stt else "subrow", stt
        return ind
    inds = [r(5, "Tổng giá trị sản xuất", 1000, 347, stt="1"),   # 347 = 320 + 27 + 0
            r(6, "* Nông nghiệp", 300, 320),                     # 106,7%: Vượt
            r(7, "* Công nghiệp, xây dựng", 400, 27),            # 27 = 27 + 0: a total with an empty part
            r(8, "+ Công nghiệp", 100, 27),                      # 27%: Không đạt (a figure of its own)
            r(9, "+ Xây dựng", 300, 0),                          # 0 against 300: not yet filled
            r(10, "* Dịch vụ", 300, 0),                          # not yet filled
            r(11, "Giá trị gia tăng", 500, 400, stt="2"),        # no parts: 80%, Không đạt
            r(12, "* Nông nghiệp", 100, 90),
            r(13, "* Dịch vụ", 100, 0)]                          # 400 ≠ 90 + 0: row 11 is no sum, judged
    t = Table(file="t.xlsx", sheet="S", columns={"name": 1, "target": 2, "result": 3}, column_headers={},
              header_rows=[1], first_data_row=5, last_data_row=13, title_lines=[], sections=[], indicators=inds,
              year=2026)
    got = {a.indicator.row: a.status for a in evaluate(t).assessments}
    assert got == {5: "chua_co_so_lieu", 6: "vuot", 7: "chua_co_so_lieu", 8: "khong_dat", 9: "chua_co_so_lieu",
                   10: "chua_co_so_lieu", 11: "khong_dat", 12: "khong_dat", 13: "chua_co_so_lieu"}
    why = {a.indicator.row: a.reason for a in evaluate(t).assessments}
    assert "«Xây dựng»" in why[7] and "«Công nghiệp, xây dựng», «Dịch vụ»" in why[5]


@pytest.mark.parametrize("target, text, status", [
    # rev9 #5 (t04): a result that states the outcome in words is the table's own judgement, counted as written,
    # against a plan in words only; against a numeric plan nobody knows whether the figure reached it (rev15 R15-6)
    ("01", "Chưa đạt", "khong_danh_gia"), ("100", "Hoàn thành", "khong_danh_gia"),
    ("Đạt 85%", "Đạt", "khong_danh_gia"), ("100", "Không hoàn thành.", "khong_danh_gia"),
    ("8", "Vượt kế hoạch", "khong_danh_gia"),
    ("Hoàn thành xây dựng nông thôn mới", "Hoàn thành", "dat"),   # a goal in words and its verdict
    ("Hoàn thành xây dựng nông thôn mới", "Chưa hoàn thành", "khong_dat"),
    # words that state no outcome are not judged: «basically met», in progress, a grade
    ("100", "Cơ bản hoàn thành", "khong_danh_gia"), ("100", "Đang thực hiện", "khong_danh_gia"),
    ("Hoàn thành xây dựng nông thôn mới", "Tốt", "khong_danh_gia"),
])
def test_a_result_in_words_counts_the_outcome_it_states(target, text, status):
    from dataclasses import replace

    from kh_excel.core.numbers import parse_result_text
    ind = replace(row(target, None, name="Xây dựng xã Lùng Vai đạt chuẩn nông thôn mới", unit="Xã"),
                  result_text=text, result_reading=parse_result_text(text))
    a = assess(ind)
    assert a.status == status, a.reason
    assert a.ratio is None  # a verdict in words has no ratio


def test_a_word_with_a_question_mark_states_nothing_and_check_says_a_word_is_judged(tmp_path):
    """rev10 D2: «Đạt?» (a question left by the compiler) was judged met; and check said of «Hoàn thành» «không đánh
    giá bằng số» while the row was judged: it says the row is judged from the word and to compare it with the sheet."""
    from dataclasses import replace

    import openpyxl

    from kh_excel.api import read_workbook
    from kh_excel.core.numbers import parse_result_text, word_verdict
    from kh_excel.core.validation import validate
    assert word_verdict("Đạt?") is None and word_verdict("Đạt.") == "dat"
    ind = replace(row("95", None), result_text="Đạt?", result_reading=parse_result_text("Đạt?"))
    assert assess(ind).status == "khong_danh_gia"
    wb = openpyxl.Workbook()
    wb.active.append(["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2026", "Thực hiện năm 2026"])
    wb.active.append(["1", "Quy hoạch sử dụng đất cấp xã", "Quy hoạch", "Hoàn thành", "Hoàn thành"])
    # against a numeric plan the word is not judged, and check says so (rev15 R15-6)
    wb.active.append(["2", "Tỷ lệ giải ngân vốn đầu tư công", "%", 100, "Hoàn thành"])
    wb.save(tmp_path / "w.xlsx")
    said = [f.message for f in validate(read_workbook(tmp_path / "w.xlsx")) if f.code == "result_expression"]
    assert len(said) == 2 and "được đánh giá là «Đạt KH» theo lời ghi trong ô" in said[0]
    assert "không có số để so với số kế hoạch nên không đánh giá" in said[1] and "Đạt KH" not in said[1]


@pytest.mark.parametrize("text, status", [("Đạt KH", "dat"), ("Vượt KH", "vuot"), ("Chưa đạt KH", "khong_dat"),
                                          ("Không đạt KH.", "khong_dat"), ("Đạt KHHGĐ", None)])
def test_the_abbreviation_kh_is_the_plan_in_a_word_verdict(text, status):
    """rev11 D18: «Đạt» was judged met, «Đạt KH» (the same words, the plan abbreviated) not judged at all."""
    from kh_excel.core.numbers import word_verdict
    assert word_verdict(text) == status
