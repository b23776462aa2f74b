"""Sentences about indicators whose direction or unit the adversarial review (tests/test_direction_adversarial.py)
looked at, decided by hand: a ratio to plan («đạt N% kế hoạch») is written only for an amount where more is
better, never for a score in points nor a rate in ‰ (WRITING: a share or rate is given by the value reached)."""
from __future__ import annotations

from decimal import Decimal

import pytest

from kh_excel.core.attainment import assess
from kh_excel.core.direction import infer_direction
from kh_excel.core.model import Indicator, Target
from kh_excel.docs import wording as W


def _assessed(name, unit, plan, result):
    target = Target(str(plan), "=", Decimal(str(plan)))
    direction, reason = infer_direction(name, unit, target)
    ind = Indicator(row=8, kind="indicator", stt="1", name=name, unit=unit, target=target,
                    result=Decimal(str(result)), direction=direction, direction_reason=reason)
    return assess(ind)


@pytest.mark.parametrize("name, unit, plan, result", [
    ("Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)", "Điểm", 68, 70),
    ("Chỉ số phục vụ người dân và doanh nghiệp", "điểm", 85, 90),
    ("Mức giảm tỷ lệ sinh", "‰", "0.2", "0.22"),
])
def test_no_ratio_to_plan_for_a_score_or_a_rate(name, unit, plan, result):
    a = _assessed(name, unit, plan, result)
    assert a.status == "vuot"
    assert not W.shows_ratio(a)
    assert "kế hoạch" in W.result_phrase(a) and "% kế hoạch" not in W.result_phrase(a)


def test_an_amount_keeps_its_ratio():
    a = _assessed("Tổng doanh thu du lịch", "Tỷ đồng", 10000, 11000)
    assert W.shows_ratio(a)
    assert W.result_phrase(a).endswith("đạt 110,0% kế hoạch")


def test_a_result_in_percent_against_a_plan_in_an_amount(tmp_path):
    """«Đạt 100%» (or «95%») in the result of an amount planned at 120 tỷ đồng is a share of the plan, not 100 tỷ
    đồng: it was judged «Không đạt (đạt 83,3% KH)» and written «thực hiện 100 tỷ đồng». Not comparable with the
    plan: «Không đánh giá», and the sentence keeps the % the cell shows. A growth written «Tăng 12%» is no such
    result, a share in % neither."""
    import openpyxl
    from kh_excel.api import read_workbook
    from kh_excel.core.attainment import evaluate
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Thực hiện năm 2025",
               "Cơ quan chủ trì"])
    ws.append(["1", "Thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", 120, "Đạt 100%", None, "Sở Tài chính"])
    ws.append(["2", "Tổng vốn đầu tư toàn xã hội", "Tỷ đồng", 120, "95%", None, "Sở Tài chính"])
    ws.append(["3", "Tổng mức bán lẻ hàng hóa", "Tỷ đồng", "Tăng 10%", "Tăng 12%", None, "Sở Công Thương"])
    ws.append(["4", "Tỷ lệ bao phủ bảo hiểm y tế", "%", 95, "95,5%", None, "Sở Y tế"])
    # a percentage written in words is the row's own unit: judged as any share
    ws.append(["5", "Tỷ lệ trường đạt chuẩn quốc gia", "Tỷ lệ", 80, "82%", None, "Sở Giáo dục và Đào tạo"])
    ws.append(["6", "Tỷ lệ che phủ rừng", "phần trăm", 60, "59%", None, "Sở Nông nghiệp và Môi trường"])
    path = tmp_path / "percent.xlsx"
    wb.save(path)
    got = {a.indicator.name: a for a in evaluate(read_workbook(path)).assessments}
    budget, invest = got["Thu ngân sách nhà nước trên địa bàn"], got["Tổng vốn đầu tư toàn xã hội"]
    assert (budget.status, budget.ratio) == ("khong_danh_gia", None)
    assert (invest.status, invest.ratio) == ("khong_danh_gia", None)
    assert W.result_phrase(budget) == "thực hiện 100%, kế hoạch 120\u00a0tỷ\u00a0đồng"
    assert W.result_phrase(invest) == "thực hiện 95%, kế hoạch 120\u00a0tỷ\u00a0đồng"
    # the appendix shows the cell as the sheet does, never «100» under «Tỷ đồng»
    from kh_excel.docs.context import result_text
    assert (result_text(budget.indicator), result_text(invest.indicator)) == ("100%", "95%")
    assert result_text(got["Tổng mức bán lẻ hàng hóa"].indicator) == "Tăng 12%"  # a growth: as written
    assert got["Tổng mức bán lẻ hàng hóa"].status == "vuot"
    assert got["Tỷ lệ bao phủ bảo hiểm y tế"].status == "vuot"
    assert got["Tỷ lệ trường đạt chuẩn quốc gia"].status == "vuot"
    assert got["Tỷ lệ che phủ rừng"].status == "khong_dat"


@pytest.mark.parametrize("name, unit, plan, expected", [
    # a reduction amount named with «giảm» at its end: no «đạt» (WRITING: «giảm … điểm %»)
    ("Tỷ lệ hộ nghèo giảm", "Điểm %", "1.5", "Tỷ lệ hộ nghèo giảm 1,5 điểm %"),
    ("Số vụ tai nạn giao thông giảm", "%", "5", "Số vụ tai nạn giao thông giảm 5%"),
    ("Số biên chế cắt giảm", "Người", "200", "Số biên chế cắt giảm 200 người"),
    # a name that is a rise: the figure is the rise, never «tăng: đạt …»
    ("Chỉ số sản xuất công nghiệp (IIP) tăng", "%", "10", "Chỉ số sản xuất công nghiệp (IIP) tăng 10%"),
    ("Chỉ số PCI tăng", "Bậc", "3", "Chỉ số PCI tăng 3 bậc"),
    # unchanged: a level, a reduction named first, a growth rate
    ("Tỷ lệ hộ nghèo", "%", "3", "Tỷ lệ hộ nghèo: còn 3%"),
    ("Giảm tỷ lệ hộ nghèo", "Điểm %", "1.5", "Giảm tỷ lệ hộ nghèo 1,5 điểm %"),
    ("Tốc độ tăng trưởng kinh tế", "%", "8", "Tốc độ tăng trưởng kinh tế: đạt 8%"),
])
def test_plan_sentence_of_a_change(name, unit, plan, expected):
    target = Target(plan, "=", Decimal(plan))
    direction, reason = infer_direction(name, unit, target)
    ind = Indicator(row=8, kind="indicator", stt="1", name=name, unit=unit, target=target, direction=direction,
                    direction_reason=reason)
    assert W.plan_sentence(ind).replace("\u00a0", " ") == expected


def test_a_fall_to_a_level_names_its_verb_once():
    """«Tỷ lệ hộ nghèo giảm còn» planned at 2,5%, 2,2% done: the name says «còn»; it was written «giảm còn: còn
    2,5%» in the plan and «giảm còn: còn 2,2%» in the report."""
    name, unit = "Tỷ lệ hộ nghèo giảm còn", "%"
    target = Target("2,5", "=", Decimal("2.5"))
    direction, reason = infer_direction(name, unit, target)
    ind = Indicator(row=8, kind="indicator", stt="1", name=name, unit=unit, target=target, result=Decimal("2.2"),
                    direction=direction, direction_reason=reason)
    a = assess(ind)
    assert a.status == "vuot"
    assert W.plan_sentence(ind) == "Tỷ lệ hộ nghèo giảm còn 2,5%"
    assert W.result_phrase(a) == "2,2%, kế hoạch 2,5%"


def test_a_share_without_a_unit_in_percent_is_still_judged(tmp_path):
    """A share whose unit cell is empty and whose result is written «45,5%» (plan 45) is a share: Vượt."""
    import openpyxl
    from kh_excel.api import read_workbook
    from kh_excel.core.attainment import evaluate
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Cơ quan chủ trì"])
    ws.append(["1", "Tỷ lệ che phủ rừng", None, 45, "45,5%", "Sở Nông nghiệp và Môi trường"])
    path = tmp_path / "share.xlsx"
    wb.save(path)
    (a,) = evaluate(read_workbook(path)).assessments
    assert a.status == "vuot"
